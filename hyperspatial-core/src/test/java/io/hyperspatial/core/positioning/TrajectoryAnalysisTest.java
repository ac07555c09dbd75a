package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.manifold.table.PositionSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrajectoryAnalysisTest {
    /** The point at distance r from the origin along the first axis (negative r: the other way). */
    private static double[] along(double r) {
        return new double[]{Math.cosh(r), Math.sinh(r), 0};
    }

    @Test
    void aGeodesicWalkHasDriftEqualToItsPathAndConstantVelocity() {
        List<PositionSnapshot> t = List.of(new PositionSnapshot(0, along(0)), new PositionSnapshot(1_000, along(1)),
                new PositionSnapshot(2_000, along(2)), new PositionSnapshot(4_000, along(4)));

        TrajectoryAnalysis a = TrajectoryAnalysis.of(t, 1.0);

        assertThat(a.snapshots()).isEqualTo(4);
        assertThat(a.drift()).isCloseTo(4, within(1e-9));
        assertThat(a.pathLength()).isCloseTo(4, within(1e-9));
        assertThat(a.meanVelocity()).isCloseTo(1, within(1e-9));
        assertThat(a.steps()).extracting(TrajectoryAnalysis.Step::velocity)
                .allSatisfy(v -> assertThat(v).isCloseTo(1, within(1e-9)));
        assertThat(a.steps().get(0).acceleration()).isNaN();
        assertThat(a.steps().get(2).acceleration()).isCloseTo(0, within(1e-9));
    }

    @Test
    void goingAndComingBackDriftsLittleButTravelsFar() {
        List<PositionSnapshot> t = List.of(new PositionSnapshot(0, along(0)), new PositionSnapshot(1_000, along(3)),
                new PositionSnapshot(2_000, along(0.5)));

        TrajectoryAnalysis a = TrajectoryAnalysis.of(t, 1.0);

        assertThat(a.drift()).isCloseTo(0.5, within(1e-9));
        assertThat(a.pathLength()).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void speedingUpShowsAsPositiveAcceleration() {
        List<PositionSnapshot> t = List.of(new PositionSnapshot(0, along(0)), new PositionSnapshot(1_000, along(1)),
                new PositionSnapshot(2_000, along(4)));

        TrajectoryAnalysis a = TrajectoryAnalysis.of(t, 1.0);

        // velocities 1 and 3 per second, midpoints 1 s apart
        assertThat(a.steps().get(1).acceleration()).isCloseTo(2, within(1e-9));
    }

    @Test
    void distancesFollowTheCurvature() {
        LorentzModel quarter = new LorentzModel(4);
        double[] o = quarter.origin(2);
        double[] p = quarter.expMap(o, new double[]{0, 1.5, 0});
        TrajectoryAnalysis a = TrajectoryAnalysis.of(List.of(new PositionSnapshot(0, o), new PositionSnapshot(10, p)), 4);
        assertThat(a.drift()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void emptyAndUnorderedTrajectoriesAreRejected() {
        assertThatThrownBy(() -> TrajectoryAnalysis.of(List.of(), 1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TrajectoryAnalysis.of(List.of(new PositionSnapshot(5, along(0)),
                new PositionSnapshot(5, along(1))), 1)).hasMessageContaining("not ordered");
    }
}
