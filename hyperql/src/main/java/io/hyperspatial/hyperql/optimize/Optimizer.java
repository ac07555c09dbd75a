package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.BoundStatement;

/** Placeholder replaced in the next commit. */
public final class Optimizer {
    private Optimizer() {
    }

    public static BoundStatement optimize(BoundStatement s) {
        return s;
    }
}
