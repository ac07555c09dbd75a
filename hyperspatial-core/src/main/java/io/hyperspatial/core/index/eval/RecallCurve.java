package io.hyperspatial.core.index.eval;

import java.util.List;
import java.util.Optional;

/**
 * Where a recall/speed curve, measured at increasing ef, crosses a target recall: speed and
 * latency interpolated linearly in recall between the two measured points that bracket the
 * target. Stateless and thread-safe.
 */
public final class RecallCurve {
    private RecallCurve() {
    }

    /** One measured point of the curve. */
    public record Point(int ef, double recall, double qps, double p50Us, double p99Us) {
    }

    /**
     * The curve at {@code target}. {@code bracketed} is false when already the first point
     * reaches the target (its figures are then reported: the index does at least that well).
     */
    public record AtRecall(double target, double ef, double qps, double p50Us, double p99Us, boolean bracketed) {
    }

    /**
     * The first crossing of {@code target} by the points in the order given (by increasing ef),
     * or empty if no point reaches it.
     */
    public static Optional<AtRecall> at(List<Point> points, double target) {
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.recall() < target) {
                continue;
            }
            if (i == 0) {
                return Optional.of(new AtRecall(target, p.ef(), p.qps(), p.p50Us(), p.p99Us(), false));
            }
            Point lo = points.get(i - 1);
            double t = (target - lo.recall()) / (p.recall() - lo.recall());
            return Optional.of(new AtRecall(target, lerp(lo.ef(), p.ef(), t), lerp(lo.qps(), p.qps(), t),
                    lerp(lo.p50Us(), p.p50Us(), t), lerp(lo.p99Us(), p.p99Us(), t), true));
        }
        return Optional.empty();
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
