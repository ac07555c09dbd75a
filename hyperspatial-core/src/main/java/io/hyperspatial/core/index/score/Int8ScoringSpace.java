package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.vector.VectorKernels;

/**
 * Scalar quantization to one signed byte per coordinate of a vector's body (see
 * {@link QuantizationFrame}): code = round(b/step) clamped to ±127, with the step fitted on the
 * first vectors ({@link Calibration}). The inner product of two bodies is estimated as
 * step²·Σ qᵢrᵢ (one int8 kernel call) and their squared distance as step²·(Σq² + Σr² − 2Σqr),
 * which is the codes' squared distance computed exactly in integers; the metric's score follows
 * with the floats kept per vector. Memory: d bytes and two floats per vector beside the exact
 * space, about a quarter of float32. Rerank 3 candidates per result. Thread-safe (see
 * {@link CodeScoringSpace}).
 */
public final class Int8ScoringSpace extends CodeScoringSpace<byte[]> {
    private static final int RERANK_FACTOR = 3;

    private final VectorKernels kernels = VectorKernels.get();

    public Int8ScoringSpace(ScoringSpace exact, IndexConfig config) {
        this(exact, config, DEFAULT_CALIBRATION_SIZE);
    }

    public Int8ScoringSpace(ScoringSpace exact, IndexConfig config, int calibrationSize) {
        super(exact, config, calibrationSize, new QuantizationFrame(config).bodyDimension(), byte[]::new);
        adoptExisting();
    }

    @Override
    public int rerankFactor() {
        return RERANK_FACTOR;
    }

    @Override
    byte[] encode(float[] body, Calibration calibration) {
        float inverseStep = 1 / calibration.step();
        byte[] q = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            q[i] = (byte) Math.clamp(Math.round(body[i] * inverseStep), -Byte.MAX_VALUE, Byte.MAX_VALUE);
        }
        return q;
    }

    @Override
    float normTerm(float[] body, byte[] codes, Calibration calibration) {
        long squares = 0;
        for (byte b : codes) {
            squares += b * b;
        }
        float step = calibration.step();
        return squares * step * step;
    }

    @Override
    NodeScorer scorer(byte[] q, float normTerm, float kept, Calibration calibration) {
        float stepSquared = calibration.step() * calibration.step();
        int n = bodyDimension;
        return ordinal -> {
            float inner = stepSquared * kernels.dotInt8(q, 0, codes.page(ordinal), codes.offset(ordinal), n);
            float[] s = scalars.page(ordinal);
            int so = scalars.offset(ordinal);
            return frame.score(inner, normTerm, s[so], kept, s[so + 1]);
        };
    }

    @Override
    long codeBytes() {
        return bodyDimension;
    }
}
