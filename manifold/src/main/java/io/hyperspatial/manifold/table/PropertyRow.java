package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The properties of an entity, stored in its row of the {@code entities} family after the header
 * ({@link EntityRecord}): one entry per property with a value, in ascending property id, each
 * {@code varint propertyId, varint length, value} (the value in {@link ValueCodec}'s encoding).
 * The section runs to the end of the row; a row with no properties ends with its header. So one
 * point read returns an entity's header and all its properties, and an import writes one row per
 * entity instead of one per property.
 *
 * <p>An instance is a cursor over one row's entries, reset to each row read ({@link #reset}):
 * values are decoded only when asked for. Not thread-safe.
 */
public final class PropertyRow {
    private byte[] row;
    private ByteReader reader;
    private int propertyId;
    private int valueOffset;
    private int valueLength;

    /** Positions before the first property of {@code row} (a whole stored row); null reads as no properties. */
    public PropertyRow reset(byte[] row) {
        return reset(row, row == null ? 0 : row.length);
    }

    /** As {@link #reset(byte[])}, for a row held in the first {@code length} bytes of {@code row}. */
    public PropertyRow reset(byte[] row, int length) {
        this.row = row;
        if (row == null) {
            reader = null;
        } else {
            int start = EntityRecord.headerLength(row, length);
            reader = new ByteReader(row, start, length - start);
        }
        return this;
    }

    /** Advances to the next property; false at the end of the row. */
    public boolean next() {
        if (reader == null || !reader.hasRemaining()) {
            return false;
        }
        long id = reader.varint();
        if (id > Integer.MAX_VALUE) {
            throw new StorageException(ErrorCode.CORRUPTION, "property id " + id + " out of range in an entity row");
        }
        propertyId = (int) id;
        valueLength = reader.length();
        valueOffset = reader.position();
        reader.skip(valueLength);
        return true;
    }

    /** The current property's id (see {@link io.hyperspatial.manifold.schema.PropertyDef#id()}). */
    public int propertyId() {
        return propertyId;
    }

    /** The current property's value, decoded. */
    public Value value() {
        return ValueCodec.decode(row, valueOffset, valueLength);
    }

    /** Whether the current property's value is an int64, which {@link #int64()} reads without decoding a {@link Value}. */
    public boolean holdsInt64() {
        return ValueCodec.isInt64(row, valueOffset, valueLength);
    }

    /** The current property's value when {@link #holdsInt64()}. */
    public long int64() {
        return ValueCodec.int64(row, valueOffset);
    }

    /** The current property's encoded value (a copy). */
    public byte[] encodedValue() {
        byte[] out = new byte[valueLength];
        System.arraycopy(row, valueOffset, out, 0, valueLength);
        return out;
    }

    /** The encoded value of one property of {@code row}, or null when the row has none. */
    public static byte[] find(byte[] row, int propertyId) {
        PropertyRow r = new PropertyRow().reset(row);
        while (r.next()) {
            if (r.propertyId == propertyId) {
                return r.encodedValue();
            }
            if (r.propertyId > propertyId) {
                return null;
            }
        }
        return null;
    }

    /** Every property of {@code row}: id to encoded value, in id order. */
    public static TreeMap<Integer, byte[]> decode(byte[] row) {
        TreeMap<Integer, byte[]> out = new TreeMap<>();
        PropertyRow r = new PropertyRow().reset(row);
        while (r.next()) {
            out.put(r.propertyId, r.encodedValue());
        }
        return out;
    }

    /** The encoded section for the given properties (id to encoded value). */
    public static byte[] encode(SortedMap<Integer, byte[]> properties) {
        int size = 0;
        for (byte[] v : properties.values()) {
            size += v.length + 8;
        }
        ByteWriter w = new ByteWriter(size);
        for (Map.Entry<Integer, byte[]> e : properties.entrySet()) {
            byte[] v = e.getValue();
            w.varint(e.getKey()).varint(v.length).bytes(v);
        }
        return w.toByteArray();
    }
}
