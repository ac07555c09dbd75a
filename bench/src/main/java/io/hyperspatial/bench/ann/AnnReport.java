package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.eval.AnnEvaluation;
import io.hyperspatial.core.index.eval.JsonLine;
import io.hyperspatial.core.index.eval.RecallCurve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison of one data set's run: from the JSON lines every subject printed (Java or
 * Python), each subject's build time, memory, curve and speed at recall
 * {@value AnnEvaluation#TARGET_RECALL} (interpolated by {@link RecallCurve}), the ratios of ours to
 * each peer, and issue 3's targets, met or not. Rendered as a markdown table and as one JSON
 * document. Immutable.
 */
final class AnnReport {
    /** The subject the ratios are taken from: our HNSW, as {@code hyperspatial bench ann --index hnsw} names it. */
    static final String OURS = "hnsw";

    /** What one subject reported. {@code reason} is set, and the rest empty, for a subject that did not run. */
    record Subject(String name, Map<String, Object> build, List<RecallCurve.Point> curve, String reason) {
        Optional<RecallCurve.AtRecall> atTarget() {
            return RecallCurve.at(curve, AnnEvaluation.TARGET_RECALL);
        }

        double maxRecall() {
            return curve.stream().mapToDouble(RecallCurve.Point::recall).max().orElse(Double.NaN);
        }

        double buildSeconds() {
            return number(build, "build_s");
        }

        double memoryBytes() {
            return number(build, "memory_bytes");
        }
    }

    /** One of issue 3's targets on this data set: met, missed, or null when it cannot be judged (and why). */
    record Target(String name, Boolean met, String detail) {
    }

    private final String dataset;
    private final List<Subject> subjects;

    private AnnReport(String dataset, List<Subject> subjects) {
        this.dataset = dataset;
        this.subjects = subjects;
    }

    /** Groups lines by subject, in order of first appearance; lines without a subject are ignored. */
    static AnnReport of(String dataset, List<String> lines) {
        Map<String, Map<String, Object>> builds = new LinkedHashMap<>();
        Map<String, List<RecallCurve.Point>> curves = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> o = FlatJson.parse(line);
            if (!(o.get("subject") instanceof String name)) {
                continue;
            }
            curves.computeIfAbsent(name, n -> new ArrayList<>());
            if (Boolean.FALSE.equals(o.get("supported"))) {
                reasons.put(name, String.valueOf(o.get("reason")));
            } else if (o.containsKey("build_s")) {
                builds.put(name, o);
            } else if (o.containsKey("ef") && o.containsKey("recall")) {
                curves.get(name).add(new RecallCurve.Point((int) number(o, "ef"), number(o, "recall"),
                        number(o, "qps"), number(o, "p50_us"), number(o, "p99_us")));
            }
        }
        List<Subject> subjects = new ArrayList<>();
        curves.forEach((name, curve) -> subjects.add(
                new Subject(name, builds.getOrDefault(name, Map.of()), List.copyOf(curve), reasons.get(name))));
        return new AnnReport(dataset, subjects);
    }

    List<Subject> subjects() {
        return subjects;
    }

    Optional<Subject> subject(String name) {
        return subjects.stream().filter(s -> s.name().equals(name) && s.reason() == null && !s.curve().isEmpty()).findFirst();
    }

    /**
     * Issue 3's targets on this data set, against native hnswlib ({@code hnswlib_cpp}) and its
     * Python binding ({@code hnswlib}) separately. The latency target applies to Poincaré data only.
     */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Optional<Subject> ours = subject(OURS);
        out.add(qpsTarget(ours, "hnswlib_cpp", 1.0));
        out.add(qpsTarget(ours, "hnswlib", 1.0));
        out.add(qpsTarget(ours, "lucene", 1.5));
        out.add(qpsTarget(ours, "jvector", 1.5));
        out.add(buildTarget(ours, "hnswlib_cpp"));
        out.add(buildTarget(ours, "hnswlib"));
        if ("poincare".equals(ours.map(s -> s.build().get("metric")).orElse(null))) {
            Optional<RecallCurve.AtRecall> at = ours.get().atTarget();
            out.add(new Target("k-NN p50 <= 70 us at recall 0.95", at.map(a -> a.p50Us() <= 70).orElse(null),
                    at.map(a -> String.format(Locale.ROOT, "%.1f us", a.p50Us())).orElse("recall 0.95 not reached")));
        }
        return out;
    }

    private Target buildTarget(Optional<Subject> ours, String peer) {
        String name = "build time <= 1.0x " + peer;
        Optional<Subject> other = subject(peer);
        if (ours.isEmpty() || other.isEmpty()) {
            return new Target(name, null, missing(ours, other, peer));
        }
        double ratio = ours.get().buildSeconds() / other.get().buildSeconds();
        return new Target(name, ratio <= 1.0, String.format(Locale.ROOT, "%.3fx", ratio));
    }

    private Target qpsTarget(Optional<Subject> ours, String peer, double factor) {
        String name = String.format(Locale.ROOT, "QPS at recall 0.95 >= %.1fx %s", factor, peer);
        Optional<Subject> other = subject(peer);
        if (ours.isEmpty() || other.isEmpty()) {
            return new Target(name, null, missing(ours, other, peer));
        }
        Optional<RecallCurve.AtRecall> a = ours.get().atTarget();
        Optional<RecallCurve.AtRecall> b = other.get().atTarget();
        if (a.isEmpty()) {
            return new Target(name, false, "ours does not reach recall 0.95");
        }
        if (b.isEmpty()) {
            return new Target(name, true, peer + " does not reach recall 0.95");
        }
        double ratio = a.get().qps() / b.get().qps();
        return new Target(name, ratio >= factor, String.format(Locale.ROOT, "%.3fx", ratio));
    }

    private String missing(Optional<Subject> ours, Optional<Subject> peer, String peerName) {
        if (ours.isEmpty()) {
            return "ours was not measured";
        }
        return subjects.stream().filter(s -> s.name().equals(peerName) && s.reason() != null).findFirst()
                .map(Subject::reason).orElse(peerName + " was not measured");
    }

    String markdown() {
        Optional<Subject> ours = subject(OURS);
        StringBuilder md = new StringBuilder();
        md.append("| subject | build s | memory MiB | max recall@10 | QPS at 0.95 | p50 µs at 0.95 | p99 µs at 0.95 | ours ÷ subject QPS | ours ÷ subject build time |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Subject s : subjects) {
            if (s.reason() != null) {
                md.append("| ").append(s.name()).append(" | ").append(s.reason()).append(" | | | | | | | |\n");
                continue;
            }
            Optional<RecallCurve.AtRecall> at = s.atTarget();
            md.append("| ").append(s.name().equals(OURS) ? OURS + " (ours)" : s.name())
                    .append(" | ").append(fmt("%.1f", s.buildSeconds()))
                    .append(" | ").append(fmt("%.1f", s.memoryBytes() / (1024.0 * 1024)))
                    .append(" | ").append(fmt("%.3f", s.maxRecall()))
                    .append(" | ").append(at.map(a -> fmt("%.0f", a.qps())).orElse("not reached"))
                    .append(" | ").append(at.map(a -> fmt("%.0f", a.p50Us())).orElse("–"))
                    .append(" | ").append(at.map(a -> fmt("%.0f", a.p99Us())).orElse("–"))
                    .append(" | ").append(ratio(ours, s, true))
                    .append(" | ").append(ratio(ours, s, false)).append(" |\n");
        }
        return md.toString();
    }

    private static String ratio(Optional<Subject> ours, Subject s, boolean qps) {
        if (ours.isEmpty()) {
            return "ours pending";
        }
        if (qps) {
            Optional<RecallCurve.AtRecall> a = ours.get().atTarget();
            Optional<RecallCurve.AtRecall> b = s.atTarget();
            return a.isPresent() && b.isPresent() ? fmt("%.2f×", a.get().qps() / b.get().qps()) : "–";
        }
        return fmt("%.2f×", ours.get().buildSeconds() / s.buildSeconds());
    }

    /** The report as one JSON document: data set, per-subject summaries with their curves, targets. */
    String json() {
        StringBuilder out = new StringBuilder("{\"dataset\":").append(JsonLine.quote(dataset)).append(",\"subjects\":[");
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            out.append(i == 0 ? "" : ",").append("{\"subject\":").append(JsonLine.quote(s.name()));
            if (s.reason() != null) {
                out.append(",\"supported\":false,\"reason\":").append(JsonLine.quote(s.reason())).append('}');
                continue;
            }
            JsonLine build = new JsonLine();
            s.build().forEach((k, v) -> {
                switch (v) {
                    case Double d -> build.put(k, d);
                    case Boolean b -> build.put(k, b);
                    case null -> build.put(k, (String) null);
                    default -> build.put(k, v.toString());
                }
            });
            out.append(",\"build\":").append(build);
            JsonLine at = new JsonLine().put("reached", s.atTarget().isPresent());
            s.atTarget().ifPresent(a -> at.put("qps", a.qps()).put("p50_us", a.p50Us()).put("p99_us", a.p99Us())
                    .put("ef", a.ef()).put("bracketed", a.bracketed()));
            out.append(",\"at_recall_0.95\":").append(at).append(",\"curve\":[");
            for (int j = 0; j < s.curve().size(); j++) {
                RecallCurve.Point p = s.curve().get(j);
                out.append(j == 0 ? "" : ",").append(new JsonLine().put("ef", p.ef()).put("recall", p.recall())
                        .put("qps", p.qps()).put("p50_us", p.p50Us()).put("p99_us", p.p99Us()));
            }
            out.append("]}");
        }
        out.append("],\"targets\":[");
        List<Target> targets = targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            out.append(i == 0 ? "" : ",").append("{\"target\":").append(JsonLine.quote(t.name())).append(",\"met\":")
                    .append(t.met() == null ? "null" : t.met().toString()).append(",\"detail\":")
                    .append(JsonLine.quote(t.detail())).append('}');
        }
        return out.append("]}").toString();
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static double number(Map<String, Object> o, String key) {
        return o.get(key) instanceof Double d ? d : Double.NaN;
    }
}
