package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a common table whose query names itself, with SQLite's rules: the SELECTs before the first
 * one that names the table are the initial rows; that one and every later one are recursive
 * SELECTs, joined to the rest by UNION (a row already queued is dropped) or UNION ALL; each names
 * the table exactly once, in its own FROM clause (not in a subquery), and aggregates nothing. The
 * query's ORDER BY orders the queue, its LIMIT and OFFSET cut the output
 * ({@link PlanNode.RecursiveUnion}). The RECURSIVE keyword is optional, as in SQLite.
 */
final class RecursiveCommonTable {
    private final SelectAnalyzer selects;
    private final Select.CommonTable cte;
    private PlanNode.WorkingTable working;
    private int workingDepth;
    private int uses;

    private RecursiveCommonTable(SelectAnalyzer selects, Select.CommonTable cte) {
        this.selects = selects;
        this.cte = cte;
    }

    /** Whether the common table's query names it in a FROM clause of one of its SELECTs. */
    static boolean namesItself(Select.CommonTable cte) {
        return cte.query().cores().stream().anyMatch(c -> namesTable(cte, c));
    }

    static RecursiveCommonTable of(SelectAnalyzer selects, Select.CommonTable cte) {
        return new RecursiveCommonTable(selects, cte);
    }

    /**
     * The working table for a use of the common table's name met while planning, or an error when
     * the use is not where SQLite allows it.
     */
    PlanNode reference(Select.TableRef at) {
        if (working == null) {
            throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "circular reference: " + cte.name(), at.position());
        }
        if (selects.depth() != workingDepth) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "recursive reference in a subquery: " + cte.name(),
                    at.position());
        }
        if (++uses > 1) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "multiple references to recursive table: "
                    + cte.name(), at.position());
        }
        return working;
    }

    /** The plan of the common table's rows, used where the queries around have scope {@code outer}. */
    PlanNode plan(Select.TableRef at, Scope outer) {
        Select query = cte.query();
        List<Select.Core> cores = query.cores();
        int first = 0;
        while (!namesTable(cte, cores.get(first))) {
            first++;
        }
        if (first == 0) {
            throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "circular reference: " + cte.name(), at.position());
        }
        for (int i = first - 1; i < query.operators().size(); i++) {
            Select.SetOperator op = query.operators().get(i);
            if (op != Select.SetOperator.UNION && op != Select.SetOperator.UNION_ALL) {
                throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "recursive common table " + cte.name()
                        + " must join its recursive SELECT with UNION or UNION ALL, not " + op.name().replace('_', ' '),
                        cte.position());
            }
        }
        PlanNode initial = selects.plan(new Select(cores.subList(0, first), query.operators().subList(0, first - 1),
                List.of(), null, null, query.with()), outer);
        if (!cte.columns().isEmpty()) {
            initial = FromAnalyzer.renamed(initial, cte.columns(), cte.name(), at);
        }
        List<ColumnInfo> columns = initial.columns();
        PlanNode.RecursiveTable table = new PlanNode.RecursiveTable(cte.name());
        working = new PlanNode.WorkingTable(table, columns);
        List<PlanNode> recursive = new ArrayList<>();
        for (int i = first; i < cores.size(); i++) {
            uses = 0;
            workingDepth = selects.depth() + 1;
            PlanNode step = selects.plan(new Select(List.of(cores.get(i)), List.of(), List.of(), null, null, query.with()),
                    outer);
            if (step.columns().size() != columns.size()) {
                throw SelectAnalyzer.widthMismatch(query.operators().get(i - 1), cte.position());
            }
            if (aggregates(step)) {
                throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "recursive aggregate queries not supported",
                        cte.position());
            }
            recursive.add(step);
        }
        working = null;
        boolean distinct = query.operators().get(first - 1) == Select.SetOperator.UNION;
        PlanNode plan = new PlanNode.RecursiveUnion(initial, recursive, table, distinct,
                SelectAnalyzer.compoundOrder(query, columns), columns);
        return selects.limit(plan, query);
    }

    /** Whether the SELECT itself aggregates (its own nodes above its FROM clause). */
    private static boolean aggregates(PlanNode plan) {
        for (PlanNode n = plan; n instanceof PlanNode.OneInput one; n = one.input()) {
            if (n instanceof PlanNode.Aggregate) {
                return true;
            }
        }
        return false;
    }

    /** Whether the core names the common table in its FROM clause (joins and FROM subqueries included). */
    private static boolean namesTable(Select.CommonTable cte, Select.Core core) {
        return core instanceof Select.QuerySpec spec && spec.from() != null && names(cte, spec.from());
    }

    private static boolean names(Select.CommonTable cte, Select.From from) {
        return switch (from) {
            case Select.TableRef t -> t.name().equalsIgnoreCase(cte.name());
            case Select.Join j -> names(cte, j.left()) || names(cte, j.right());
            case Select.SubqueryRef s -> s.query().cores().stream().anyMatch(c -> namesTable(cte, c));
            case Select.MatchRef m -> false;
        };
    }
}
