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
     * {@code -[variable:type*min..max]->}; variable and type may be null (any type). A single edge
     * has {@code minHops == maxHops == 1} and {@code variableLength} false.
     */
    public record Edge(String variable, String type, Direction direction, int minHops, int maxHops,
                       boolean variableLength, SourcePosition position) {
    }

    /** An edge and the node it leads to. */
    public record Step(Edge edge, Node node) {
    }
}
