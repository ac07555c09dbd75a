package io.hyperspatial.core.index.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecallCurveTest {

    @Test
    void interpolatesBetweenTheTwoPointsThatBracketTheTarget() {
        List<RecallCurve.Point> curve = List.of(
                new RecallCurve.Point(10, 0.80, 9000, 100, 300),
                new RecallCurve.Point(20, 0.90, 6000, 150, 400),
                new RecallCurve.Point(40, 1.00, 2000, 450, 900));
        RecallCurve.AtRecall at = RecallCurve.at(curve, 0.95).orElseThrow();
        assertThat(at.bracketed()).isTrue();
        assertThat(at.qps()).isCloseTo(4000, within(1e-9));
        assertThat(at.p50Us()).isCloseTo(300, within(1e-9));
        assertThat(at.p99Us()).isCloseTo(650, within(1e-9));
        assertThat(at.ef()).isCloseTo(30, within(1e-9));
    }

    @Test
    void aTargetMetExactlyUsesThatPoint() {
        List<RecallCurve.Point> curve = List.of(
                new RecallCurve.Point(10, 0.90, 9000, 100, 300),
                new RecallCurve.Point(20, 0.95, 6000, 150, 400));
        assertThat(RecallCurve.at(curve, 0.95).orElseThrow().qps()).isCloseTo(6000, within(1e-9));
    }

    @Test
    void firstPointAlreadyAboveIsReportedUnbracketed() {
        List<RecallCurve.Point> curve = List.of(new RecallCurve.Point(10, 0.99, 5000, 100, 300));
        RecallCurve.AtRecall at = RecallCurve.at(curve, 0.95).orElseThrow();
        assertThat(at.bracketed()).isFalse();
        assertThat(at.qps()).isEqualTo(5000);
    }

    @Test
    void neverReachingTheTargetIsEmpty() {
        List<RecallCurve.Point> curve = List.of(
                new RecallCurve.Point(10, 0.5, 5000, 100, 300), new RecallCurve.Point(20, 0.94, 4000, 100, 300));
        assertThat(RecallCurve.at(curve, 0.95)).isEmpty();
        assertThat(RecallCurve.at(List.of(), 0.95)).isEmpty();
    }
}
