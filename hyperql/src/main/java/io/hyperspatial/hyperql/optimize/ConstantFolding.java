package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.exec.Evaluator;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.ScalarRewriter;

/**
 * Evaluates, once at planning time, every sub-expression whose inputs are all constants: no column,
 * parameter, subquery, aggregate or non-deterministic function. An expression whose evaluation fails
 * (an overflow, say) is left alone so that the error surfaces when, and only if, it runs.
 */
final class ConstantFolding {
    private static final Object[] NO_ROW = new Object[0];

    private ConstantFolding() {
    }

    static Scalar fold(Scalar e) {
        return ScalarRewriter.bottomUp(e, ConstantFolding::foldNode);
    }

    private static Scalar foldNode(Scalar e) {
        switch (e) {
            case Scalar.Constant c -> {
                return c;
            }
            case Scalar.Column c -> {
                return c;
            }
            case Scalar.Param p -> {
                return p;
            }
            case Scalar.SessionValue v -> {
                return v;
            }
            case Scalar.AggregateCall a -> {
                return a;
            }
            case Scalar.Call c when !c.function().deterministic() -> {
                return c;
            }
            default -> {
            }
        }
        if (!PlanWalker.subqueries(e).isEmpty()) {
            return e;
        }
        for (Scalar child : PlanWalker.children(e)) {
            if (!(child instanceof Scalar.Constant)) {
                return e;
            }
        }
        try {
            return new Scalar.Constant(Evaluator.eval(e, NO_ROW, Frame.root(NO_ROW)));
        } catch (HqlException runtimeError) {
            return e;
        }
    }
}
