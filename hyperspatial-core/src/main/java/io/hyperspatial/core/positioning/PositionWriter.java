package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Writes computed positions of one kind for many entities in batches of {@value #BATCH}, each
 * write also extending the entity's trajectory; batches are {@link Durability#BATCH} but the last,
 * which is strict, so everything is durable when {@link #write} returns. A crash part way leaves
 * some entities with new positions and others with their old ones.
 */
final class PositionWriter {
    static final int BATCH = 5_000;

    private PositionWriter() {
    }

    /**
     * Writes {@code point.apply(i)} as entity {@code ids.get(i)}'s position of {@code kind} at
     * {@code timeMillis}; returns the last change-feed sequence.
     */
    static long write(Collection collection, PositionKind kind, List<UUID> ids, IntFunction<double[]> point,
                      long timeMillis, WriteProgress progress) {
        long sequence = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            int start = from;
            int end = Math.min(ids.size(), from + BATCH);
            List<UUID> batch = new ArrayList<>(ids.subList(start, end));
            Durability durability = end == ids.size() ? Durability.STRICT : Durability.BATCH;
            sequence = collection.write(durability, tx -> {
                tx.prefetch(batch);
                for (int i = start; i < end; i++) {
                    tx.setPosition(ids.get(i), kind, point.apply(i), timeMillis);
                }
            });
            progress.written(end, ids.size());
        }
        return sequence;
    }
}
