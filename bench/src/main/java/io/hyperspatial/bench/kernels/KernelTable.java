package io.hyperspatial.bench.kernels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kernel results as a Markdown table, one row per kernel and dimension with the median
 * time of each implementation and their ratio (below 1 means the Vector API is faster). Medians
 * of the measurement iterations rather than means, because the benchmark machines are shared and
 * a neighbour's burst inflates single iterations. Not thread-safe.
 */
final class KernelTable {
    /** The order rows appear in; kernels not listed here follow, alphabetically. */
    private static final List<String> KERNEL_ORDER = List.of("dot", "squareDistance", "lorentzInner", "dotInt8", "hamming");

    /** One benchmark's median: kernel (the benchmark method), dimension, implementation, ns/op. */
    record Measurement(String kernel, int dim, String implementation, double medianNs) {
    }

    private final Map<String, Measurement> byKey = new LinkedHashMap<>();

    void add(Measurement m) {
        byKey.put(key(m.kernel(), m.dim(), m.implementation()), m);
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| kernel | dim | Panama ns/op | Scalar ns/op | Panama/Scalar |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        List<Measurement> rows = new ArrayList<>(byKey.values().stream()
                .filter(m -> m.implementation().equals("scalar") || !byKey.containsKey(key(m.kernel(), m.dim(), "scalar")))
                .toList());
        rows.sort(Comparator.comparingInt((Measurement m) -> rank(m.kernel())).thenComparing(Measurement::kernel)
                .thenComparingInt(Measurement::dim));
        for (Measurement row : rows) {
            Measurement panama = byKey.get(key(row.kernel(), row.dim(), "panama"));
            Measurement scalar = byKey.get(key(row.kernel(), row.dim(), "scalar"));
            out.append("| ").append(row.kernel())
                    .append(" | ").append(row.dim())
                    .append(" | ").append(panama == null ? "–" : format(panama.medianNs()))
                    .append(" | ").append(scalar == null ? "–" : format(scalar.medianNs()))
                    .append(" | ").append(panama == null || scalar == null ? "–"
                            : String.format(Locale.ROOT, "%.2f", panama.medianNs() / scalar.medianNs()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static int rank(String kernel) {
        int i = KERNEL_ORDER.indexOf(kernel);
        return i < 0 ? KERNEL_ORDER.size() : i;
    }

    private static String format(double ns) {
        return ns >= 100 ? String.format(Locale.ROOT, "%.0f", ns) : String.format(Locale.ROOT, "%.1f", ns);
    }

    private static String key(String kernel, int dim, String implementation) {
        return kernel + '/' + dim + '/' + implementation;
    }
}
