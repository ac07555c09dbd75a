package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;

import java.util.function.IntFunction;

/**
 * A {@link QuantizedScoringSpace} that keeps compact codes of its vectors beside the exact space
 * it wraps, under the same ordinals: {@link #add} and {@link #set} go to the exact space first
 * (which validates and stores the float vector; if it refuses, nothing changes here) and then
 * encode. Per vector it keeps the codes and two floats: a norm term of the body (see
 * {@link QuantizationFrame}) and the metric's exactly kept float (α, or the centre correction).
 *
 * <p>Scores estimate the exact space's scores in its own units, so {@link #distance} is the exact
 * space's, and a graph can compare a quantized score with an exact one. Codes need a
 * {@link Calibration} (a centre for the Euclidean metrics, a step for int8), fitted on the first
 * {@code calibrationSize} vectors and fixed from then on. Until that many vectors have arrived
 * there are no codes and every scorer is the exact space's: the first few hundred vectors of a
 * graph are scored exactly, which costs little and gives the calibration real data.
 *
 * <p>Thread-safe as {@link ScoringSpace} requires: adds and sets are serialised, and scoring of
 * ordinals already added may run concurrently with them. A scorer made before calibration stays
 * exact. A scorer reading an ordinal while it is being {@link #set} may see a mix of old and new
 * codes, which misestimates one score until the exact rerank.
 *
 * @param <C> the code array type ({@code byte[]} or {@code long[]})
 */
public abstract sealed class CodeScoringSpace<C> implements QuantizedScoringSpace
        permits Int8ScoringSpace, BinaryScoringSpace {

    /** Vectors the calibration is fitted on when the caller does not say. */
    public static final int DEFAULT_CALIBRATION_SIZE = 1000;

    final ScoringSpace exact;
    final QuantizationFrame frame;
    final int bodyDimension;
    final CodePages<C> codes;
    /** Per ordinal: [norm term, kept float]. */
    final FloatVectorStorage scalars = new FloatVectorStorage(2);

    private final int calibrationSize;
    private final Object writeLock = new Object();
    private volatile Calibration calibration;
    private volatile int size;

    CodeScoringSpace(ScoringSpace exact, IndexConfig config, int calibrationSize, int codeWidth,
                     IntFunction<C> allocate) {
        if (exact.dimension() != config.dimension()) {
            throw new IllegalArgumentException("the exact space has dimension " + exact.dimension()
                    + ", the index config " + config.dimension());
        }
        if (calibrationSize < 1) {
            throw new IllegalArgumentException("calibration size must be positive, got " + calibrationSize);
        }
        this.exact = exact;
        this.frame = new QuantizationFrame(config);
        this.bodyDimension = frame.bodyDimension();
        this.calibrationSize = calibrationSize;
        this.codes = new CodePages<>(codeWidth, allocate);
    }

    /** The codes of a body. */
    abstract C encode(float[] body, Calibration calibration);

    /** The norm term kept for a body and its codes (an estimated squared norm, or the exact norm). */
    abstract float normTerm(float[] body, C codes, Calibration calibration);

    /** A scorer of stored codes against one vector's codes, norm term and kept float. */
    abstract NodeScorer scorer(C codes, float normTerm, float kept, Calibration calibration);

    /** Bytes of codes per vector, without the two floats kept beside them. */
    abstract long codeBytes();

    /**
     * Takes in the vectors the exact space already held when it was wrapped (calibrating if they
     * are enough). Called once at the end of each subclass constructor.
     */
    final void adoptExisting() {
        synchronized (writeLock) {
            size = exact.size();
            if (size >= calibrationSize) {
                calibrate();
            }
        }
    }

    @Override
    public ScoringSpace exact() {
        return exact;
    }

    @Override
    public int dimension() {
        return exact.dimension();
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the calibration has been fitted, so scorers read codes (until then they are exact). */
    public boolean calibrated() {
        return calibration != null;
    }

    @Override
    public int add(float[] vector) {
        synchronized (writeLock) {
            int ordinal = exact.add(vector);
            if (ordinal != size) {
                throw new IllegalStateException("the exact space gave ordinal " + ordinal + " where " + size
                        + " was next: it must only be added to through this space");
            }
            Calibration c = calibration;
            if (c != null) {
                store(ordinal, vector, c);
            }
            size = ordinal + 1;
            if (c == null && size >= calibrationSize) {
                calibrate();
            }
            return ordinal;
        }
    }

    @Override
    public void set(int ordinal, float[] vector) {
        synchronized (writeLock) {
            exact.set(ordinal, vector);
            Calibration c = calibration;
            if (c != null) {
                store(ordinal, vector, c);
            }
        }
    }

    @Override
    public NodeScorer scorer(float[] query) {
        Calibration c = calibration;
        if (c == null) {
            return exact.scorer(query);
        }
        if (query.length != dimension()) {
            throw new IllegalArgumentException("vector of dimension " + query.length + ", the space has " + dimension());
        }
        float[] body = new float[bodyDimension];
        float kept = frame.prepare(query, c.centre(), body);
        C queryCodes = encode(body, c);
        return scorer(queryCodes, normTerm(body, queryCodes, c), kept, c);
    }

    @Override
    public NodeScorer scorer(int ordinal) {
        Calibration c = calibration;
        if (c == null) {
            return exact.scorer(ordinal);
        }
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " of " + size);
        }
        float[] s = scalars.copy(ordinal);
        return scorer(codes.copy(ordinal), s[0], s[1], c);
    }

    @Override
    public float distance(float score) {
        return exact.distance(score);
    }

    @Override
    public float[] vector(int ordinal) {
        return exact.vector(ordinal);
    }

    /** Bytes per vector of the codes and the two floats kept beside them, without the exact space. */
    public long codeBytesPerVector() {
        return codeBytes() + 2L * Float.BYTES;
    }

    /**
     * Codes and their floats plus the exact space's heap bytes: nothing more when the exact
     * vectors are mapped ({@link MappedFloatSpace}, as indexes build them), the float vectors
     * when they are on the heap.
     */
    @Override
    public long bytesPerVector() {
        return codeBytesPerVector() + exact.bytesPerVector();
    }

    /** The exact space's mapped bytes. */
    @Override
    public long mappedBytes() {
        return exact.mappedBytes();
    }

    /** Closes the exact space (the codes are on the heap). */
    @Override
    public void close() {
        exact.close();
    }

    /** Fits the calibration on the first {@code calibrationSize} ordinals and encodes all there are. */
    private void calibrate() {
        float[][] images = new float[calibrationSize][];
        for (int i = 0; i < calibrationSize; i++) {
            images[i] = frame.image(exact.vector(i));
        }
        Calibration c = Calibration.fit(images, frame.centred());
        for (int i = 0, n = size; i < n; i++) {
            store(i, exact.vector(i), c);
        }
        calibration = c;
    }

    /** Encodes a vector into the codes and floats of an ordinal (appending when it is new). */
    private void store(int ordinal, float[] vector, Calibration c) {
        float[] body = new float[bodyDimension];
        float kept = frame.prepare(vector, c.centre(), body);
        C encoded = encode(body, c);
        codes.put(ordinal, encoded);
        float[] slot = {normTerm(body, encoded, c), kept};
        if (ordinal < scalars.size()) {
            scalars.set(ordinal, slot);
        } else {
            scalars.add(slot);
        }
    }
}
