package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.GraphStep;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.source.Graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs a {@link PlanNode.GraphMatch}: pulls start rows one at a time and expands each into the rows
 * of its paths, depth first, through the graph's adjacency reads. A step binds its edge columns and
 * its node's row into the output row and checks its pushed-down filter before the next step runs.
 *
 * <p>A variable-length step enumerates simple paths: within the step a path visits each node at
 * most once (its first node included), so cycles end the path rather than repeating. The
 * shortest-path modes search breadth first (fewest edges) or by Dijkstra (least weight) from each
 * start node, reaching each node once and emitting it with the path it was first reached by. A
 * step marked {@link GraphStep#fromStart()} goes on from the start node instead of the node the
 * previous step bound (a pattern read from a labelled middle node).
 * Not thread-safe; one per execution.
 */
final class GraphTraversal {
    private final PlanNode.GraphMatch match;
    private final Frame frame;
    private final Graph graph;
    private final GraphStep[] steps;
    private final int startWidth;
    private final List<Object[]> found = new ArrayList<>();
    /** The node of the start row being expanded. */
    private Object startNode;

    private GraphTraversal(PlanNode.GraphMatch match, Frame frame) {
        this.match = match;
        this.frame = frame;
        this.graph = match.graph();
        this.steps = match.steps().toArray(GraphStep[]::new);
        this.startWidth = match.startTable().schema().columns().size();
    }

    static RowStream open(PlanNode.GraphMatch match, Frame frame) {
        GraphTraversal t = new GraphTraversal(match, frame);
        RowStream starts = Executor.open(match.start(), frame);
        ArrayDeque<Object[]> pending = new ArrayDeque<>();
        return () -> {
            while (pending.isEmpty()) {
                Object[] start = starts.next();
                if (start == null) {
                    return null;
                }
                pending.addAll(t.expand(start));
            }
            return pending.poll();
        };
    }

    /** The output rows of every path from one start row. */
    private List<Object[]> expand(Object[] startRow) {
        found.clear();
        Object[] row = new Object[match.columns().size()];
        if (match.startVariable() != null) {
            System.arraycopy(startRow, 0, row, 0, startWidth);
        }
        Object node = graph.node(match.startTable(), startRow[startWidth]);
        startNode = node;
        switch (match.mode()) {
            case ALL_PATHS -> step(0, node, row);
            case FEWEST_EDGES -> fewestEdges(node, row);
            case LEAST_WEIGHT -> leastWeight(node, row);
        }
        return new ArrayList<>(found);
    }

    private void step(int k, Object previous, Object[] row) {
        if (k == steps.length) {
            found.add(row.clone());
            return;
        }
        GraphStep s = steps[k];
        Object node = s.fromStart() ? startNode : previous;
        if (!s.variableLength()) {
            for (Graph.Adjacent a : adjacent(node, s)) {
                if (bind(s, a.node(), a.type(), a.weight(), 1, row)) {
                    step(k + 1, a.node(), row);
                }
            }
            return;
        }
        Set<Object> onPath = new HashSet<>();
        onPath.add(node);
        path(k, node, 0, 0.0, onPath, row);
    }

    /** Extends a variable-length step's path from {@code node}, {@code length} edges long so far. */
    private void path(int k, Object node, int length, double weight, Set<Object> onPath, Object[] row) {
        GraphStep s = steps[k];
        if (length >= s.minHops() && bind(s, node, s.pathType(), weight, length, row)) {
            step(k + 1, node, row);
        }
        if (length == s.maxHops()) {
            return;
        }
        for (Graph.Adjacent a : adjacent(node, s)) {
            if (onPath.add(a.node())) {
                path(k, a.node(), length + 1, weight + a.weight(), onPath, row);
                onPath.remove(a.node());
            }
        }
    }

    /** The edges at a node that the step follows: of its one type, of each of its types in turn, or of any. */
    private Iterable<Graph.Adjacent> adjacent(Object node, GraphStep s) {
        if (s.edgeTypes().size() <= 1) {
            return graph.adjacent(node, s.edgeTypes().isEmpty() ? null : s.edgeTypes().getFirst(), s.direction());
        }
        List<Graph.Adjacent> all = new ArrayList<>();
        for (String type : s.edgeTypes()) {
            graph.adjacent(node, type, s.direction()).forEach(all::add);
        }
        return all;
    }

    /**
     * Binds a step's edge and node into the row; false when the node is not a row of the step's
     * table or the step's filter rejects the row. Each call is a checkpoint of the statement's control.
     */
    private boolean bind(GraphStep s, Object node, String type, double weight, int length, Object[] row) {
        frame.checkpoint();
        if (s.label() != null) {
            Object[] nodeRow = graph.row(s.label(), node);
            if (nodeRow == null) {
                return false;
            }
            if (s.nodeOffset() >= 0) {
                System.arraycopy(nodeRow, 0, row, s.nodeOffset(), s.label().schema().columns().size());
            }
        }
        if (s.edgeOffset() >= 0) {
            row[s.edgeOffset()] = type;
            row[s.edgeOffset() + 1] = weight;
            row[s.edgeOffset() + 2] = (long) length;
        }
        return s.filter() == null || Evaluator.test(s.filter(), row, frame);
    }

    /** Breadth-first: every node reachable in the step's range, by a path of fewest edges. */
    private void fewestEdges(Object start, Object[] row) {
        GraphStep s = steps[0];
        Set<Object> seen = new HashSet<>();
        seen.add(start);
        emitShortest(s, start, 0, 0.0, row);
        List<Object> level = List.of(start);
        Map<Object, Double> weights = new HashMap<>();
        weights.put(start, 0.0);
        for (int length = 1; length <= s.maxHops() && !level.isEmpty(); length++) {
            List<Object> next = new ArrayList<>();
            for (Object node : level) {
                for (Graph.Adjacent a : adjacent(node, s)) {
                    if (seen.add(a.node())) {
                        double w = weights.get(node) + a.weight();
                        weights.put(a.node(), w);
                        next.add(a.node());
                        emitShortest(s, a.node(), length, w, row);
                    }
                }
            }
            level = next;
        }
    }

    /** Dijkstra: every node reachable in the step's range, by a path of least total weight. */
    private void leastWeight(Object start, Object[] row) {
        GraphStep s = steps[0];
        record Reached(Object node, double weight, int length) {
        }
        PriorityQueue<Reached> queue = new PriorityQueue<>((x, y) -> Double.compare(x.weight(), y.weight()));
        Map<Object, Double> best = new HashMap<>();
        Set<Object> done = new HashSet<>();
        queue.add(new Reached(start, 0.0, 0));
        best.put(start, 0.0);
        while (!queue.isEmpty()) {
            Reached r = queue.poll();
            if (!done.add(r.node())) {
                continue;
            }
            emitShortest(s, r.node(), r.length(), r.weight(), row);
            if (r.length() == s.maxHops()) {
                continue;
            }
            for (Graph.Adjacent a : adjacent(r.node(), s)) {
                if (a.weight() < 0) {
                    throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE,
                            "SHORTEST WEIGHTED PATH needs non-negative weights; found an edge of weight " + a.weight());
                }
                double w = r.weight() + a.weight();
                Double known = best.get(a.node());
                if (!done.contains(a.node()) && (known == null || w < known)) {
                    best.put(a.node(), w);
                    queue.add(new Reached(a.node(), w, r.length() + 1));
                }
            }
        }
    }

    private void emitShortest(GraphStep s, Object node, int length, double weight, Object[] row) {
        if (length >= s.minHops() && bind(s, node, s.pathType(), weight, length, row)) {
            found.add(row.clone());
        }
    }
}
