package io.hyperspatial.hyperql.source.memory;

import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ordered index over the rows of one {@link InMemoryTable}: a sorted map from the first indexed
 * column's value to the ids of the rows holding it (a linked hash set: removal stays O(1) however
 * many rows share a value) (rows with NULL there are not indexed, as no
 * lookup or range can match them). Further columns only matter for uniqueness. Not thread-safe.
 */
final class MemoryIndex {
    private final IndexDefinition definition;
    private final int[] columns;
    private final TreeMap<Object, LinkedHashSet<Long>> entries = new TreeMap<>(ValueOrder.NULLS_FIRST);

    MemoryIndex(IndexDefinition definition, int[] columns) {
        this.definition = definition;
        this.columns = columns.clone();
    }

    IndexDefinition definition() {
        return definition;
    }

    int leadingColumn() {
        return columns[0];
    }

    void add(Object[] row, long rowId) {
        Object key = row[columns[0]];
        if (key != null) {
            entries.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(rowId);
        }
    }

    void remove(Object[] row, long rowId) {
        Object key = row[columns[0]];
        if (key == null) {
            return;
        }
        Set<Long> ids = entries.get(key);
        if (ids != null) {
            ids.remove(rowId);
            if (ids.isEmpty()) {
                entries.remove(key);
            }
        }
    }

    /** Ids of rows whose leading column equals key, in insertion order. */
    Collection<Long> lookup(Object key) {
        if (key == null) {
            return List.of();
        }
        Set<Long> ids = entries.get(key);
        return ids == null ? List.of() : ids;
    }

    /** The entries within the bounds (a null bound is open), in key order. */
    NavigableMap<Object, LinkedHashSet<Long>> range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        if (lower != null && upper != null) {
            int c = entries.comparator().compare(lower, upper);
            if (c > 0 || c == 0 && !(lowerInclusive && upperInclusive)) {
                // x BETWEEN 9 AND 1, or pk > 5 AND pk < 5: no key lies within (a TreeMap would throw).
                return Collections.emptyNavigableMap();
            }
        }
        NavigableMap<Object, LinkedHashSet<Long>> m = entries;
        if (lower != null) {
            m = m.tailMap(lower, lowerInclusive);
        }
        if (upper != null) {
            m = m.headMap(upper, upperInclusive);
        }
        return m;
    }

    /** The largest INTEGER among the leading column's values, or null when it holds none. */
    Long largestInteger() {
        for (Object key : entries.descendingKeySet()) {
            if (key instanceof Long l) {
                return l;
            }
        }
        return null;
    }

    /** The id of a row other than {@code self} that has the same non-NULL values in all indexed columns, or -1. */
    long conflict(Object[] row, long self, InMemoryTable table) {
        if (!definition.unique()) {
            return -1;
        }
        for (int c : columns) {
            if (row[c] == null) {
                return -1;
            }
        }
        for (long id : lookup(row[columns[0]])) {
            if (id == self) {
                continue;
            }
            Object[] other = table.rowAt(id);
            boolean same = true;
            for (int i = 1; i < columns.length && same; i++) {
                same = other[columns[i]] != null && ValueOrder.compare(other[columns[i]], row[columns[i]]) == 0;
            }
            if (same) {
                return id;
            }
        }
        return -1;
    }
}
