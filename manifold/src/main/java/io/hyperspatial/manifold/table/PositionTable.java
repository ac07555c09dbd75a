package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Reads positions (current coordinates per {@link PositionKind}) and trajectories (every
 * position an entity had, by time). Coordinates are float64: points far from the origin of
 * hyperbolic space lose too much in float32. Not thread-safe.
 */
public final class PositionTable {
    private final KeyValueReader reader;
    private final ColumnFamilyHandle positions;
    private final ColumnFamilyHandle trajectories;

    public PositionTable(KeyValueReader reader) {
        this.reader = reader;
        this.positions = reader.store().family(ColumnFamilies.POSITIONS);
        this.trajectories = reader.store().family(ColumnFamilies.TRAJECTORIES);
    }

    public Optional<double[]> get(UUID id, PositionKind kind) {
        byte[] v = reader.get(positions, key(id, kind));
        return v == null ? Optional.empty() : Optional.of(decode(v));
    }

    /** The positions of {@code kind} of {@code ids}, in their order, null where an entity has none; one batch read. */
    public List<double[]> getAll(List<UUID> ids, PositionKind kind) {
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            keys.add(key(id, kind));
        }
        List<byte[]> values = reader.getAll(positions, keys);
        List<double[]> out = new ArrayList<>(values.size());
        for (byte[] v : values) {
            out.add(v == null ? null : decode(v));
        }
        return out;
    }

    /** Calls {@code action} with every entity's current position of {@code kind}; a scan of all positions. */
    public void forEach(PositionKind kind, BiConsumer<UUID, double[]> action) {
        try (Cursor c = reader.scan(positions, new byte[0], null)) {
            while (c.next()) {
                byte[] k = c.key();
                if (k[Keys.UUID_BYTES] == (byte) kind.code()) {
                    action.accept(Keys.getUuid(k, 0), decode(c.value()));
                }
            }
        }
    }

    /** Snapshots with {@code fromMillis <= t < toMillis}, oldest first. */
    public List<PositionSnapshot> trajectory(UUID id, PositionKind kind, long fromMillis, long toMillis) {
        List<PositionSnapshot> out = new ArrayList<>();
        try (Cursor c = reader.scan(trajectories, trajectoryKey(id, kind, fromMillis), trajectoryKey(id, kind, toMillis))) {
            while (c.next()) {
                out.add(new PositionSnapshot(Keys.getOrderedLong(c.key(), Keys.UUID_BYTES + 1), decode(c.value())));
            }
        }
        return out;
    }

    public static byte[] key(UUID id, PositionKind kind) {
        byte[] k = new byte[Keys.UUID_BYTES + 1];
        Keys.putUuid(k, 0, id);
        k[Keys.UUID_BYTES] = (byte) kind.code();
        return k;
    }

    public static byte[] trajectoryKey(UUID id, PositionKind kind, long timeMillis) {
        byte[] k = new byte[Keys.UUID_BYTES + 9];
        Keys.putUuid(k, 0, id);
        k[Keys.UUID_BYTES] = (byte) kind.code();
        Keys.putOrderedLong(k, Keys.UUID_BYTES + 1, timeMillis);
        return k;
    }

    public static byte[] encode(double[] coordinates) {
        ByteWriter w = new ByteWriter(4 + coordinates.length * 8).i32(coordinates.length);
        for (double d : coordinates) {
            w.f64(d);
        }
        return w.toByteArray();
    }

    static double[] decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        double[] c = new double[r.i32()];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.f64();
        }
        return c;
    }
}
