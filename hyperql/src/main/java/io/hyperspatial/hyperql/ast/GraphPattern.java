package io.hyperspatial.hyperql.ast;

import io.hyperspatial.hyperql.error.SourcePosition;

import java.util.List;

/**
 * A graph pattern in FROM: {@code MATCH (a:Person)-[e:knows*1..3]->(b)}, or a shortest-path
 * pattern {@code SHORTEST [WEIGHTED] PATH (a:T)-[:e*]->(b:T)}: a start node, then steps of an
 * edge and the node it leads to.
 *
 * @param mode     what rows the pattern yields
 * @param start    the first node
 * @param steps    the edges and nodes after it, possibly none
 * @param position where the pattern starts
 */
public record GraphPattern(Mode mode, Node start, List<Step> steps, SourcePosition position) {

    /** What rows a pattern yields. */
    public enum Mode {
        /** {@code MATCH}: one row per matching path. */
        ALL_PATHS,
        /** {@code SHORTEST PATH}: per pair of end nodes, one path with the fewest edges. */
        SHORTEST,
        /** {@code SHORTEST WEIGHTED PATH}: per pair of end nodes, one path of least total weight. */
        SHORTEST_WEIGHTED
    }

    /** Which way an edge is followed. */
    public enum Direction { OUTGOING, INCOMING, BOTH }

    /** {@code (variable:label)}; either may be null. */
    public record Node(String variable, String label, SourcePosition position) {
    }

    /**
     * {@code -[variable:type|other*min..max]->}; variable may be null, types empty (any type). A
     * single edge has {@code minHops == maxHops == 1} and {@code variableLength} false.
     */
    public record Edge(String variable, List<String> types, Direction direction, int minHops, int maxHops,
                       boolean variableLength, SourcePosition position) {
        public Edge {
            types = List.copyOf(types);
        }

        /** The same edge followed the other way, for a pattern read from its end. */
        public Edge reversed() {
            Direction back = switch (direction) {
                case OUTGOING -> Direction.INCOMING;
                case INCOMING -> Direction.OUTGOING;
                case BOTH -> Direction.BOTH;
            };
            return new Edge(variable, types, back, minHops, maxHops, variableLength, position);
        }
    }

    /** An edge and the node it leads to. */
    public record Step(Edge edge, Node node) {
    }

    /**
     * The same paths read from node {@code k} (0 is the first node): the edges before it followed
     * the other way back to the first node, then the edges after it from node {@code k} on. The
     * step at index {@code k} of the result (the first after the walk back) starts again from
     * node {@code k}.
     */
    public GraphPattern rootedAt(int k) {
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(start);
        steps.forEach(s -> nodes.add(s.node()));
        List<Step> out = new java.util.ArrayList<>();
        for (int i = k - 1; i >= 0; i--) {
            out.add(new Step(steps.get(i).edge().reversed(), nodes.get(i)));
        }
        out.addAll(steps.subList(k, steps.size()));
        return new GraphPattern(mode, nodes.get(k), out, position);
    }

    /** The same paths written from the last node to the first, each edge followed the other way. */
    public GraphPattern reversed() {
        List<Step> back = new java.util.ArrayList<>();
        Node previous = start;
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(start);
        steps.forEach(s -> nodes.add(s.node()));
        for (int i = steps.size() - 1; i >= 0; i--) {
            back.add(new Step(steps.get(i).edge().reversed(), nodes.get(i)));
        }
        return new GraphPattern(mode, nodes.getLast(), back, position);
    }
}
