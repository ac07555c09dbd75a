package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.manifold.table.PositionSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * How an entity's position moved over its trajectory, measured along the manifold (hyperbolic
 * distance between consecutive snapshots; time in seconds):
 * <ul>
 *   <li>{@code drift}: the distance from the first position to the last;</li>
 *   <li>{@code pathLength}: the sum of the steps' distances (≥ drift);</li>
 *   <li>each step's {@code velocity}: its distance over its duration;</li>
 *   <li>each step's {@code acceleration}: the change of velocity from the previous step over the
 *       time between the two steps' midpoints (NaN for the first step).</li>
 * </ul>
 * Snapshots at the same millisecond cannot exist (a trajectory keeps one per time). Immutable.
 */
public record TrajectoryAnalysis(int snapshots, long firstMillis, long lastMillis, double drift, double pathLength,
                                 List<Step> steps) {

    /** One move between consecutive snapshots. */
    public record Step(long fromMillis, long toMillis, double distance, double velocity, double acceleration) {
    }

    public TrajectoryAnalysis {
        steps = List.copyOf(steps);
    }

    /**
     * Analyses a trajectory (oldest first, as the position table returns it) on the hyperboloid of
     * curvature −{@code curvature}.
     *
     * @throws IllegalArgumentException if it is empty or not ordered by time
     */
    public static TrajectoryAnalysis of(List<PositionSnapshot> trajectory, double curvature) {
        if (trajectory.isEmpty()) {
            throw new IllegalArgumentException("an empty trajectory has nothing to analyse");
        }
        LorentzModel model = new LorentzModel(curvature);
        List<Step> steps = new ArrayList<>();
        double path = 0;
        Step previous = null;
        for (int i = 1; i < trajectory.size(); i++) {
            PositionSnapshot a = trajectory.get(i - 1);
            PositionSnapshot b = trajectory.get(i);
            if (b.timeMillis() <= a.timeMillis()) {
                throw new IllegalArgumentException("trajectory is not ordered by time at snapshot " + i);
            }
            double distance = model.distance(a.coordinates(), b.coordinates());
            double velocity = distance / seconds(b.timeMillis() - a.timeMillis());
            double acceleration = previous == null ? Double.NaN
                    : (velocity - previous.velocity()) / seconds(midpoint(a, b) - midpoint(previous));
            Step step = new Step(a.timeMillis(), b.timeMillis(), distance, velocity, acceleration);
            steps.add(step);
            path += distance;
            previous = step;
        }
        PositionSnapshot first = trajectory.getFirst();
        PositionSnapshot last = trajectory.getLast();
        return new TrajectoryAnalysis(trajectory.size(), first.timeMillis(), last.timeMillis(),
                model.distance(first.coordinates(), last.coordinates()), path, steps);
    }

    /** Mean velocity over the whole trajectory: path length over elapsed time (0 for one snapshot). */
    public double meanVelocity() {
        return lastMillis == firstMillis ? 0 : pathLength / seconds(lastMillis - firstMillis);
    }

    private static double midpoint(PositionSnapshot a, PositionSnapshot b) {
        return (a.timeMillis() + (double) b.timeMillis()) / 2;
    }

    private static double midpoint(Step s) {
        return (s.fromMillis() + (double) s.toMillis()) / 2;
    }

    private static double seconds(double millis) {
        return millis / 1000.0;
    }
}
