package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.BruteForceIndex;
import io.hyperspatial.core.index.eval.AnnSubject;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.nio.file.Path;
import java.util.Locale;

/** The indexes the Java side of the ANN benchmark runs in-process: exact brute force and the JVM peers. */
enum JavaSubject {
    /** Our exact index: recall 1, the floor every graph index must beat. Measured at one ef. */
    BRUTE_FORCE("brute_force"),
    /** Lucene's HNSW through an IndexWriter ({@link LuceneSubject}). */
    LUCENE("lucene"),
    /** jvector's graph index ({@link JvectorSubject}). */
    JVECTOR("jvector");

    final String label;

    JavaSubject(String label) {
        this.label = label;
    }

    /** Why this subject cannot run a metric, or null if it can. */
    String unsupported(VectorMetric metric) {
        boolean hyperbolic = metric == VectorMetric.POINCARE || metric == VectorMetric.LORENTZ;
        return switch (this) {
            case BRUTE_FORCE -> null;
            case LUCENE, JVECTOR -> hyperbolic ? label + " has no hyperbolic metric (poincare, lorentz)" : null;
        };
    }

    /** Whether ef changes anything: an exact index is measured at the first ef only. */
    boolean approximate() {
        return this != BRUTE_FORCE;
    }

    AnnSubject.Factory factory(Path workDir) {
        return switch (this) {
            case BRUTE_FORCE -> AnnSubject.of((config, ids, vectors, threads) -> BruteForceIndex.build(config, ids, vectors));
            case LUCENE -> LuceneSubject.factory(workDir);
            case JVECTOR -> JvectorSubject.factory();
        };
    }

    static JavaSubject parse(String s) {
        String wanted = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (JavaSubject j : values()) {
            if (j.label.equals(wanted)) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown subject '" + s + "'; expected brute_force, lucene or jvector");
    }
}
