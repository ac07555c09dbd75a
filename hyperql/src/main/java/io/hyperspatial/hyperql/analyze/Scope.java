package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.plan.ColumnInfo;

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

    private final Scope parent;
    private final List<Entry> entries = new ArrayList<>();

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

    /** Adds the columns of a FROM element at the end of the row. */
    void add(String qualifier, List<ColumnInfo> columns) {
        for (ColumnInfo c : columns) {
            entries.add(new Entry(qualifier, c, entries.size(), false));
        }
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
            if (!e.column().name().equalsIgnoreCase(name)) {
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
        return found;
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
