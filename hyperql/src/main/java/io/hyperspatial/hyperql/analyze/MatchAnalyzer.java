package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.GraphPattern;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.GraphStep;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.SqlType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans a graph pattern in FROM as a {@link PlanNode.GraphMatch}: the first node's label (or, when
 * it has none, the last node's, the pattern then read backwards, or else the first labelled middle
 * node's, the pattern then read back to its first node and on to its last) is the table the
 * traversal starts from (read like any table, so filters and indexes apply to it), each
 * edge names a declared edge type, each labelled node a table. Variables become names in scope: a
 * labelled node's variable has its table's columns, an edge's variable has {@code type},
 * {@code weight} and {@code length}. Not thread-safe; one per analysis.
 */
final class MatchAnalyzer {
    /** The most edges of a variable-length MATCH edge written without a maximum ({@code *}, {@code *2..}). */
    static final int DEFAULT_MAX_HOPS = 8;

    private static final List<ColumnInfo> EDGE_COLUMNS = List.of(
            new ColumnInfo(GraphStep.EDGE_COLUMNS.get(0), Affinity.TEXT, SqlType.ANY),
            new ColumnInfo(GraphStep.EDGE_COLUMNS.get(1), Affinity.REAL, SqlType.ANY),
            new ColumnInfo(GraphStep.EDGE_COLUMNS.get(2), Affinity.INTEGER, SqlType.ANY));

    private final DataSource source;

    MatchAnalyzer(DataSource source) {
        this.source = source;
    }

    /** The graph of the source, or {@code HQL_UNSUPPORTED}. */
    static Graph graph(DataSource source, SourcePosition at) {
        return source.graph().orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                "this data source has no graph: MATCH, shortest paths and edge statements are not available", at));
    }

    /** The declared name of an edge type, matched case-insensitively; {@code HQL_UNKNOWN_TABLE} when there is none. */
    static String edgeType(Graph graph, String name, SourcePosition at) {
        for (String t : graph.edgeTypes()) {
            if (t.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: " + name, at);
    }

    PlanNode plan(GraphPattern written, Scope scope) {
        Graph graph = graph(source, written.position());
        Rooted rooted = startingWithALabel(written);
        GraphPattern pattern = rooted.pattern();
        GraphPattern.Node first = pattern.start();
        Set<String> variables = new HashSet<>();
        Table startTable = table(first);
        PlanNode.Scan start = FromAnalyzer.scan(startTable, first.variable() != null ? first.variable() : first.label(), true);
        List<ColumnInfo> columns = new ArrayList<>();
        if (first.variable() != null) {
            declare(variables, first.variable(), first.position());
            List<ColumnInfo> own = start.columns().subList(0, startTable.schema().columns().size());
            columns.addAll(own);
            scope.add(first.variable(), own);
        }
        PlanNode.PathMode mode = mode(pattern);
        List<GraphStep> steps = new ArrayList<>();
        for (int index = 0; index < pattern.steps().size(); index++) {
            GraphPattern.Step s = pattern.steps().get(index);
            GraphPattern.Edge e = s.edge();
            List<String> types = new ArrayList<>();
            for (String t : e.types()) {
                String declared = edgeType(graph, t, e.position());
                if (!types.contains(declared)) {
                    types.add(declared);
                }
            }
            int edgeOffset = -1;
            if (e.variable() != null) {
                declare(variables, e.variable(), e.position());
                edgeOffset = columns.size();
                columns.addAll(EDGE_COLUMNS);
                scope.add(e.variable(), EDGE_COLUMNS);
            }
            GraphPattern.Node n = s.node();
            Table label = n.label() == null ? null : table(n);
            int nodeOffset = -1;
            if (n.variable() != null) {
                declare(variables, n.variable(), n.position());
                if (label != null) {
                    nodeOffset = columns.size();
                    List<ColumnInfo> own = FromAnalyzer.scan(label, n.variable(), false).columns();
                    columns.addAll(own);
                    scope.add(n.variable(), own);
                }
            }
            steps.add(new GraphStep(types, direction(e.direction()), e.minHops(), maxHops(e, mode), e.variableLength(),
                    e.variable(), edgeOffset, label, n.variable(), nodeOffset, null, index == rooted.branch()));
        }
        return new PlanNode.GraphMatch(start, graph, startTable, first.variable(), mode, steps, columns);
    }

    /** A pattern as traversed, and the index of the step that starts again from its start node (-1: none). */
    private record Rooted(GraphPattern pattern, int branch) {
    }

    /**
     * The pattern to traverse: as written when its first node has a label, else read from its last
     * node when that one has (the same paths, each edge followed the other way, so the variables'
     * columns come in that order), else from its first labelled node in the middle (back to the
     * first node, then on from the middle node to the last); {@code HQL_UNSUPPORTED} when no node
     * has a label.
     */
    private static Rooted startingWithALabel(GraphPattern pattern) {
        if (pattern.start().label() != null) {
            return new Rooted(pattern, -1);
        }
        if (!pattern.steps().isEmpty() && pattern.steps().getLast().node().label() != null) {
            return new Rooted(pattern.reversed(), -1);
        }
        for (int k = 1; k < pattern.steps().size(); k++) {
            if (pattern.steps().get(k - 1).node().label() != null) {
                return new Rooted(pattern.rootedAt(k), k);
            }
        }
        GraphPattern.Node first = pattern.start();
        throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "a graph pattern needs a label on one of its nodes, "
                + "the table the traversal starts from: (" + (first.variable() == null ? "" : first.variable()) + ":table)",
                first.position());
    }

    private static PlanNode.PathMode mode(GraphPattern pattern) {
        if (pattern.mode() == GraphPattern.Mode.ALL_PATHS) {
            return PlanNode.PathMode.ALL_PATHS;
        }
        if (pattern.steps().size() != 1) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                    "a shortest-path pattern has exactly one edge: (a:T)-[:type*]->(b:T)", pattern.position());
        }
        GraphPattern.Edge e = pattern.steps().getFirst().edge();
        if (e.minHops() > 1) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                    "a shortest path starts at 0 or 1 edges (*0.. or *1..), not " + e.minHops(), e.position());
        }
        if (pattern.mode() == GraphPattern.Mode.SHORTEST_WEIGHTED && e.variableLength() && e.maxHops() >= 0) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                    "SHORTEST WEIGHTED PATH takes no maximum length: write *, *0.. or *1..", e.position());
        }
        return pattern.mode() == GraphPattern.Mode.SHORTEST ? PlanNode.PathMode.FEWEST_EDGES : PlanNode.PathMode.LEAST_WEIGHT;
    }

    private static int maxHops(GraphPattern.Edge e, PlanNode.PathMode mode) {
        if (e.maxHops() >= 0) {
            return e.maxHops();
        }
        return mode == PlanNode.PathMode.ALL_PATHS ? Math.max(DEFAULT_MAX_HOPS, e.minHops()) : Integer.MAX_VALUE;
    }

    private static Graph.Direction direction(GraphPattern.Direction d) {
        return switch (d) {
            case OUTGOING -> Graph.Direction.OUTGOING;
            case INCOMING -> Graph.Direction.INCOMING;
            case BOTH -> Graph.Direction.BOTH;
        };
    }

    private Table table(GraphPattern.Node n) {
        return source.table(n.label()).orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE,
                source.view(n.label()).isPresent() ? "a graph node's label must be a table, and " + n.label() + " is a view"
                        : "no such table: " + n.label(), n.position()));
    }

    private static void declare(Set<String> variables, String name, SourcePosition at) {
        if (!variables.add(name.toLowerCase(Locale.ROOT))) {
            throw new HqlSemanticException(ErrorCode.HQL_DUPLICATE_OBJECT,
                    "variable " + name + " appears twice in the pattern; give each node and edge its own name", at);
        }
    }
}
