package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.store.EntityIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates a deterministic chain of {@link EntitySpec}s: keys {@code prefix-0, prefix-1, …}, each
 * linked to the one before (the first to {@code prefix-root}, which is never written: edges may
 * name entities that do not exist). Ids are the collection's user-key ids, so the raw store and
 * manifold write the same keys. Values come from a seeded random stream. Not thread-safe.
 */
final class EntityGenerator {
    private static final long EPOCH_2024 = 1_704_067_200L;

    private final EntityIds ids;
    private final String prefix;
    private final SplittableRandom random;
    private UUID previous;
    private long index;

    EntityGenerator(EntityIds ids, String prefix, long seed) {
        this.ids = ids;
        this.prefix = prefix;
        this.random = new SplittableRandom(seed);
        this.previous = ids.forKey(prefix + "-root");
    }

    EntitySpec next() {
        String key = prefix + "-" + index++;
        UUID id = ids.forKey(key);
        String name = "item " + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 36) + " "
                + Long.toString(random.nextLong(1_000_000), 36);
        Instant seen = Instant.ofEpochSecond(EPOCH_2024 + random.nextLong(100_000_000L), random.nextLong(1_000_000) * 1000);
        EntitySpec spec = new EntitySpec(key, id, previous, name, random.nextLong(), random.nextDouble() * 1000,
                random.nextBoolean(), seen, (float) random.nextDouble());
        previous = id;
        return spec;
    }

    List<EntitySpec> next(int count) {
        List<EntitySpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            specs.add(next());
        }
        return specs;
    }
}
