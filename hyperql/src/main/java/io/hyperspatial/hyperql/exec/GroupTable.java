package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups of a hash aggregation by the values of its group keys: one key is looked up as its
 * own hash key, several through a {@link RowKey}; per row the keys are evaluated into one reused
 * array and looked up through one reused probe, so a group's own key array is made only when it is
 * new. A group keeps its key values as its last row had them (equal keys may differ in type: 1 and
 * 1.0), as SQLite reports them. Not thread-safe.
 *
 * @param <G> a group: made from its first row's key values, whose array it keeps as its keys
 */
final class GroupTable<G> {
    private final List<Scalar> keys;
    private final boolean single;
    private final Map<Object, G> groups = new HashMap<>();
    private final Object[] keyValues;
    private final RowKey probe;
    private final Function<Object[], G> create;
    private final Function<G, Object[]> keysOf;

    GroupTable(List<Scalar> keys, Function<Object[], G> create, Function<G, Object[]> keysOf) {
        this.keys = keys;
        this.single = keys.size() == 1;
        this.keyValues = new Object[keys.size()];
        this.probe = new RowKey(new Object[keys.size()]);
        this.create = create;
        this.keysOf = keysOf;
    }

    /** The group of the row's key values, made when new; its keys now are this row's. */
    G groupOf(Object[] row, Frame frame) {
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] = Evaluator.eval(keys.get(i), row, frame);
            probe.values()[i] = ValueOrder.hashKey(keyValues[i]);
        }
        Object lookup = single ? probe.values()[0] : probe;
        G g = groups.get(lookup);
        if (g == null) {
            g = create.apply(keyValues.clone());
            groups.put(single ? lookup : new RowKey(probe.values().clone()), g);
        } else {
            System.arraycopy(keyValues, 0, keysOf.apply(g), 0, keyValues.length);
        }
        return g;
    }

    /** The groups by their hash keys (a merge of two tables of the same aggregation goes through it). */
    Map<Object, G> groups() {
        return groups;
    }

    /** For an aggregate over the whole table (no group keys) that saw no row: its one group, made empty. */
    void addEmptyWholeTableGroup() {
        if (groups.isEmpty() && keys.isEmpty()) {
            groups.put(probe, create.apply(new Object[0]));
        }
    }
}
