package io.hyperspatial.bench.ann;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnnReportTest {

    private static List<String> lines(String metric) {
        return List.of(
                build("hnsw", 10, metric), ef("hnsw", 10, 0.90, 20000, 40), ef("hnsw", 20, 1.00, 10000, 60),
                build("hnswlib", 20, metric), ef("hnswlib", 10, 0.95, 12000, 50), ef("hnswlib", 20, 0.99, 8000, 70),
                build("lucene", 40, metric), ef("lucene", 10, 0.80, 9000, 90), ef("lucene", 20, 0.90, 6000, 120),
                "{\"subject\":\"faiss\",\"supported\":false,\"reason\":\"no custom space\"}",
                "{\"dataset\":\"ignored, no subject\"}");
    }

    @Test
    void ratiosAndTargetsComeFromTheInterpolatedSpeeds() {
        AnnReport report = AnnReport.of("toy", lines("l2"));
        assertThat(report.subjects()).extracting(AnnReport.Subject::name).containsExactly("hnsw", "hnswlib", "lucene", "faiss");
        // Ours crosses 0.95 half way between its points: 15,000 qps; hnswlib's first point is already at 0.95.
        assertThat(report.subject("hnsw").orElseThrow().atTarget().orElseThrow().qps()).isCloseTo(15000, org.assertj.core.api.Assertions.within(1e-6));
        List<AnnReport.Target> targets = report.targets();
        assertThat(targets).extracting(AnnReport.Target::name, AnnReport.Target::met, AnnReport.Target::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("QPS at recall 0.95 >= 1.0x hnswlib_cpp", null, "hnswlib_cpp was not measured"),
                        org.assertj.core.groups.Tuple.tuple("QPS at recall 0.95 >= 1.0x hnswlib", true, "1.250x"),
                        org.assertj.core.groups.Tuple.tuple("QPS at recall 0.95 >= 1.5x lucene", true, "lucene does not reach recall 0.95"),
                        org.assertj.core.groups.Tuple.tuple("QPS at recall 0.95 >= 1.5x jvector", null, "jvector was not measured"),
                        org.assertj.core.groups.Tuple.tuple("build time <= 1.0x hnswlib_cpp", null, "hnswlib_cpp was not measured"),
                        org.assertj.core.groups.Tuple.tuple("build time <= 1.0x hnswlib", true, "0.500x"));
        String md = report.markdown();
        assertThat(md).contains("| hnsw (ours) | 10.0 | 1.0 | 1.000 | 15000 | 50 |")
                .contains("| hnswlib | 20.0 | 1.0 | 0.990 | 12000 | 50 | 100 | 1.25× | 0.50× |")
                .contains("| lucene | 40.0 | 1.0 | 0.900 | not reached |")
                .contains("| faiss | no custom space |");
        assertThat(report.json()).startsWith("{\"dataset\":\"toy\",\"subjects\":[{\"subject\":\"hnsw\",\"build\":{")
                .contains("\"at_recall_0.95\":{\"reached\":true,\"qps\":15000,")
                .contains("{\"subject\":\"faiss\",\"supported\":false,\"reason\":\"no custom space\"}")
                .contains("{\"target\":\"build time <= 1.0x hnswlib\",\"met\":true,\"detail\":\"0.500x\"}");
    }

    @Test
    void latencyTargetOnlyOnPoincareData() {
        assertThat(AnnReport.of("p", lines("poincare")).targets()).last()
                .satisfies(t -> {
                    assertThat(t.name()).isEqualTo("k-NN p50 <= 70 us at recall 0.95");
                    assertThat(t.met()).isTrue();
                    assertThat(t.detail()).isEqualTo("50.0 us");
                });
        assertThat(AnnReport.of("l", lines("l2")).targets()).noneMatch(t -> t.name().contains("p50"));
    }

    @Test
    void withoutOursNothingIsJudgedAndRatiosArePending() {
        AnnReport report = AnnReport.of("peers", lines("l2").subList(3, 9));
        assertThat(report.targets()).allSatisfy(t -> {
            assertThat(t.met()).isNull();
            assertThat(t.detail()).isEqualTo("ours was not measured");
        });
        assertThat(report.markdown()).contains("ours pending");
    }

    private static String build(String subject, double seconds, String metric) {
        return "{\"subject\":\"" + subject + "\",\"build_s\":" + seconds + ",\"memory_bytes\":1048576,\"metric\":\"" + metric + "\"}";
    }

    private static String ef(String subject, int ef, double recall, double qps, double p50) {
        return "{\"subject\":\"" + subject + "\",\"ef\":" + ef + ",\"recall\":" + recall + ",\"qps\":" + qps
                + ",\"p50_us\":" + p50 + ",\"p99_us\":" + (2 * p50) + "}";
    }
}
