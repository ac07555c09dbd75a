package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.Table;

import java.util.List;

/**
 * One step of a {@link PlanNode.GraphMatch}: follow edges from the current node, then bind the node
 * they lead to. Variables are written into the match's output row at their offsets as they are
 * bound, so {@code filter} (over the output row) may read every variable bound up to this step.
 *
 * @param edgeTypes      the edge types' declared names (an edge of any of them), empty for any type
 * @param direction      which way edges are followed
 * @param minHops        the fewest edges of the step (0 binds the node to the current one)
 * @param maxHops        the most edges of the step
 * @param variableLength whether the pattern wrote {@code *} (a path of edges rather than one edge)
 * @param edgeVariable   the edge's variable, or null
 * @param edgeOffset     where the edge's columns ({@link #EDGE_COLUMNS}) start in the output row, or -1
 * @param label          the table the node must be a row of, or null for any node
 * @param nodeVariable   the node's variable, or null
 * @param nodeOffset     where the node's row starts in the output row, or -1 when it exposes no columns
 * @param filter         what the bound row must satisfy at this step (pushed down from WHERE), or null
 * @param fromStart      whether the step follows edges from the match's start node rather than from the
 *                       node the previous step bound: a pattern read from a labelled middle node walks
 *                       back to its first node, then goes on from the middle node to its last
 */
public record GraphStep(List<String> edgeTypes, Graph.Direction direction, int minHops, int maxHops, boolean variableLength,
                        String edgeVariable, int edgeOffset, Table label, String nodeVariable, int nodeOffset,
                        Scalar filter, boolean fromStart) {

    /** The columns of an edge variable: its type, its weight (summed over a path) and its length in edges. */
    public static final java.util.List<String> EDGE_COLUMNS = java.util.List.of("type", "weight", "length");

    public GraphStep {
        edgeTypes = List.copyOf(edgeTypes);
    }

    /** What an edge variable's {@code type} reads on a path of several edges: the pattern's one type, else NULL. */
    public String pathType() {
        return edgeTypes.size() == 1 ? edgeTypes.getFirst() : null;
    }

    /** The step with another filter. */
    public GraphStep withFilter(Scalar newFilter) {
        return new GraphStep(edgeTypes, direction, minHops, maxHops, variableLength, edgeVariable, edgeOffset, label,
                nodeVariable, nodeOffset, newFilter, fromStart);
    }

    /** The first output position after the columns this step binds, given where the previous steps ended. */
    public int boundEnd(int previousEnd) {
        int end = previousEnd;
        if (edgeOffset >= 0) {
            end = Math.max(end, edgeOffset + EDGE_COLUMNS.size());
        }
        if (nodeOffset >= 0) {
            end = Math.max(end, nodeOffset + label.schema().columns().size());
        }
        return end;
    }

    /** The pattern text of the step, as EXPLAIN shows it: {@code -[e:knows*1..3]->(b:person)}. */
    public String text() {
        String range = !variableLength ? "" : "*" + minHops + ".." + (maxHops == Integer.MAX_VALUE ? "" : maxHops);
        String bracket = "[" + (edgeVariable == null ? "" : edgeVariable) + (edgeTypes.isEmpty() ? "" : ":" + String.join("|", edgeTypes)) + range + "]";
        String edge = switch (direction) {
            case OUTGOING -> "-" + bracket + "->";
            case INCOMING -> "<-" + bracket + "-";
            case BOTH -> "-" + bracket + "-";
        };
        return edge + node(nodeVariable, label);
    }

    /** A node as pattern text: {@code (b:person)}. */
    public static String node(String variable, Table label) {
        return "(" + (variable == null ? "" : variable) + (label == null ? "" : ":" + label.schema().name()) + ")";
    }
}
