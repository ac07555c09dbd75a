package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.source.RowIds;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The names visible to the expressions of one query level: the columns of its FROM clause, in row
 * order, each with the table name or alias that qualifies it; and the enclosing query's scope,
 * for correlated references. Not thread-safe; built and used by one analysis.
 */
final class Scope {
    /**
     * A visible column.
     *
     * @param qualifier     the table name or alias (null for an unnamed subquery)
     * @param column        the column's name, affinity and type
     * @param index         its position in the row
     * @param qualifiedOnly true for the right-hand copy of a USING/NATURAL join column, which
     *                      unqualified names and {@code *} do not see
     */
    record Entry(String qualifier, ColumnInfo column, int index, boolean qualifiedOnly) {
    }

    /** A resolved column: how many scopes out and which entry. */
    record Resolved(int depth, Entry entry) {
    }

    /**
     * One element of the FROM clause: its entries are {@code from} (inclusive) to {@code to}
     * (exclusive); {@code table} is the table it reads, null for a subquery, view or common table.
     */
    private record Item(String qualifier, int from, int to, Table table) {
    }

    private final Scope parent;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The row width: how many columns have been added. */
    int width() {
        return entries.size();
    }

    /** Adds the columns of a FROM element that is not a table (a subquery, a view) at the end of the row. */
    void add(String qualifier, List<ColumnInfo> columns) {
        addTable(qualifier, columns, null);
    }

    /** Adds the columns of a table read by a FROM element (its hidden rowid, if any, included) at the end of the row. */
    void addTable(String qualifier, List<ColumnInfo> columns, Table table) {
        int from = entries.size();
        for (ColumnInfo c : columns) {
            entries.add(new Entry(qualifier, c, entries.size(), false));
        }
        items.add(new Item(qualifier, from, entries.size(), table));
    }

    /** Adds columns only a qualified name reaches ({@code NEW.x}, {@code OLD.x} of a trigger). */
    void addQualifiedOnly(String qualifier, List<ColumnInfo> columns) {
        for (ColumnInfo c : columns) {
            entries.add(new Entry(qualifier, c, entries.size(), true));
        }
    }

    /** Hides an entry from unqualified lookup (the duplicate column of USING/NATURAL). */
    void hideUnqualified(int index) {
        Entry e = entries.get(index);
        entries.set(index, new Entry(e.qualifier(), e.column(), e.index(), true));
    }

    /** True when a table of that name or alias is in this scope. */
    boolean hasQualifier(String qualifier) {
        return entries.stream().anyMatch(e -> e.qualifier() != null && e.qualifier().equalsIgnoreCase(qualifier));
    }

    /** The entry for the name in this scope only, or null; ambiguous names are an error. */
    Entry find(String qualifier, String name, Expr at) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.column().rowid() || !e.column().name().equalsIgnoreCase(name)) {
                continue;
            }
            if (qualifier == null ? e.qualifiedOnly() : e.qualifier() == null || !e.qualifier().equalsIgnoreCase(qualifier)) {
                continue;
            }
            if (found != null) {
                throw new HqlSemanticException(ErrorCode.HQL_AMBIGUOUS_COLUMN, "ambiguous column name: " + name,
                        at.position());
            }
            found = e;
        }
        return found != null ? found : rowid(qualifier, name, at);
    }

    /**
     * SQLite's rowid for a name no column answers: when the name is {@code rowid}, {@code oid} or
     * {@code _rowid_} and exactly one FROM element matches the qualifier (so an unqualified rowid
     * needs a FROM of one element), that element's {@code INTEGER PRIMARY KEY} column or hidden
     * rowid. A table with neither fails with {@code HQL_UNSUPPORTED}; a subquery or view has none
     * (null: no such column).
     */
    private Entry rowid(String qualifier, String name, Expr at) {
        if (!RowIds.isAlias(name)) {
            return null;
        }
        List<Item> matching = items.stream()
                .filter(i -> qualifier == null || i.qualifier() != null && i.qualifier().equalsIgnoreCase(qualifier))
                .toList();
        if (matching.size() != 1 || matching.getFirst().table() == null) {
            return null;
        }
        Item item = matching.getFirst();
        TableSchema schema = item.table().schema();
        if (schema.hasIntegerPrimaryKey()) {
            return entries.get(item.from() + schema.indexOf(schema.primaryKey().getFirst()));
        }
        for (int i = item.from(); i < item.to(); i++) {
            if (entries.get(i).column().rowid()) {
                return entries.get(i);
            }
        }
        throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "no such column: " + name + " (table " + schema.name()
                + " has no rowid: its data source names rows by its own ids, not integers; "
                + "an INTEGER PRIMARY KEY column is its rowid where it has one)", at.position());
    }

    /** Resolves a name here or in an enclosing scope, or returns null. */
    Resolved resolve(String qualifier, String name, Expr at) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            Entry e = s.find(qualifier, name, at);
            if (e != null) {
                return new Resolved(depth, e);
            }
        }
        return null;
    }
}
