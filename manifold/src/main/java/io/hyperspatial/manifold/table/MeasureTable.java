package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.ByteReader;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads time series. Keys are {@code entity id + measure id + time}, so a time range of one series
 * is one contiguous scan, and downsampling streams it once. Not thread-safe.
 */
public final class MeasureTable {
    static final int KEY_BYTES = Keys.UUID_BYTES + 4 + 8;

    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle family;

    public MeasureTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.family = reader.store().family(ColumnFamilies.MEASURES);
    }

    /** Points with {@code fromMillis <= t < toMillis}, oldest first. */
    public List<MeasurePoint> range(UUID id, String measure, long fromMillis, long toMillis) {
        List<MeasurePoint> points = new ArrayList<>();
        MeasureDef m = schema.measure(measure);
        try (Cursor c = reader.scan(family, key(id, m.id(), fromMillis), key(id, m.id(), toMillis))) {
            while (c.next()) {
                points.add(new MeasurePoint(Keys.getOrderedLong(c.key(), Keys.UUID_BYTES + 4), decodeValue(c.value())));
            }
        }
        return points;
    }

    /** Buckets of {@code resolution} width over {@code [fromMillis, toMillis)}; empty buckets are omitted. */
    public List<Bucket> downsample(UUID id, String measure, long fromMillis, long toMillis, Resolution resolution) {
        List<Bucket> buckets = new ArrayList<>();
        MeasureDef m = schema.measure(measure);
        long start = Long.MIN_VALUE;
        long count = 0;
        double min = 0, max = 0, sum = 0;
        try (Cursor c = reader.scan(family, key(id, m.id(), fromMillis), key(id, m.id(), toMillis))) {
            while (c.next()) {
                long t = Keys.getOrderedLong(c.key(), Keys.UUID_BYTES + 4);
                double v = decodeValue(c.value());
                long b = resolution.bucketStart(t);
                if (count > 0 && b != start) {
                    buckets.add(new Bucket(start, count, min, max, sum));
                    count = 0;
                }
                if (count == 0) {
                    start = b;
                    min = v;
                    max = v;
                    sum = 0;
                }
                count++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        if (count > 0) {
            buckets.add(new Bucket(start, count, min, max, sum));
        }
        return buckets;
    }

    public static byte[] key(UUID id, int measureId, long timeMillis) {
        byte[] k = new byte[KEY_BYTES];
        Keys.putUuid(k, 0, id);
        Keys.putInt(k, Keys.UUID_BYTES, measureId);
        Keys.putOrderedLong(k, Keys.UUID_BYTES + 4, timeMillis);
        return k;
    }

    public static byte[] encodeValue(double v) {
        byte[] b = new byte[8];
        Keys.putLong(b, 0, Double.doubleToRawLongBits(v));
        return b;
    }

    static double decodeValue(byte[] b) {
        return new ByteReader(b).f64();
    }
}
