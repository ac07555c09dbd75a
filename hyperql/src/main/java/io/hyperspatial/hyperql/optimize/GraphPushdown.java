package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.GraphStep;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pushes WHERE terms over a graph match into the traversal: a term that reads only the start
 * node's columns filters the start table's read (where {@link IndexSelection} can turn a key
 * equality into a key lookup), and any other term is checked at the earliest step that has bound
 * every variable it reads, so a failing path is cut there instead of after it was completed.
 * Terms that read no column stay above. Results are unchanged: a step's filter rejects exactly the
 * rows the filter above would.
 */
final class GraphPushdown {
    private GraphPushdown() {
    }

    static PlanNode apply(PlanNode.GraphMatch g, List<Scalar> terms) {
        int startWidth = g.startVariable() == null ? 0 : g.startTable().schema().columns().size();
        List<Scalar> startTerms = new ArrayList<>();
        List<List<Scalar>> stepTerms = new ArrayList<>();
        g.steps().forEach(s -> stepTerms.add(new ArrayList<>(Conjuncts.split(s.filter()))));
        List<Scalar> stay = new ArrayList<>();
        for (Scalar t : terms) {
            BitSet columns = Conjuncts.columns(t);
            if (columns.isEmpty()) {
                stay.add(t);
            } else if (columns.length() <= startWidth) {
                startTerms.add(t);
            } else {
                int step = earliestStep(g, columns.length());
                (step < 0 ? stay : stepTerms.get(step)).add(t);
            }
        }
        List<GraphStep> steps = new ArrayList<>();
        for (int i = 0; i < g.steps().size(); i++) {
            steps.add(g.steps().get(i).withFilter(Conjuncts.and(stepTerms.get(i))));
        }
        PlanNode start = startTerms.isEmpty() ? g.start() : new PlanNode.Filter(g.start(), Conjuncts.and(startTerms));
        PlanNode matched = new PlanNode.GraphMatch(PredicatePushdown.apply(start), g.graph(), g.startTable(), g.startVariable(),
                g.mode(), steps, g.columns());
        return stay.isEmpty() ? matched : new PlanNode.Filter(matched, Conjuncts.and(stay));
    }

    /** The first step after which every output position below {@code end} is bound, or -1. */
    private static int earliestStep(PlanNode.GraphMatch g, int end) {
        int bound = g.startVariable() == null ? 0 : g.startTable().schema().columns().size();
        for (int i = 0; i < g.steps().size(); i++) {
            bound = g.steps().get(i).boundEnd(bound);
            if (end <= bound) {
                return i;
            }
        }
        return -1;
    }
}
