package io.hyperspatial.core.positioning;

/**
 * How {@link HierarchyEmbedder} places a hierarchy. Defaults ({@link #defaults()}) suit hierarchies
 * from a few hundred to about a hundred thousand nodes; every field has a wither.
 *
 * @param dims              spatial dimensions d (a point has d + 1 Lorentz coordinates); ≥ 2
 * @param seed              seed of every random choice; same seed (and config) → identical output
 * @param threads           worker threads for the refinement; the output does not depend on it
 * @param epochs            refinement epochs (passes over all closure pairs); 0 keeps the construction
 * @param learningRate      initial Riemannian SGD step size (per node, on its mean gradient over a
 *                          batch); decays linearly to 1% of it
 * @param negatives         negatives per (node, ancestor) pair in the ranking loss
 * @param localNegatives    fraction of the negatives drawn from nearby subtrees (hard negatives)
 *                          rather than uniformly from all nodes
 * @param batchSize         pairs per synchronous mini-batch
 * @param coneSlack         construction: a child's cap takes this fraction of the angular radius its
 *                          share of the parent's subtree would give it (&lt; 1 leaves gaps between caps)
 * @param radiusMargin      construction: radius added to every node beyond 2·ln(2/cap angle)
 * @param maxRadius         no node is placed farther than this from the origin; the construction needs
 *                          about 2·ln 2 per level of depth (WordNet nouns: 28), and double precision
 *                          holds far beyond that in the polar form used here
 * @param initScale         where training starts: 1 = the cone construction; s in (0, 1) = the
 *                          construction with every radius times s; 0 = Nickel and Kiela's start, every
 *                          node within 0.001 of the origin (uniform spatial Lorentz coordinates in ±0.001)
 * @param burnInEpochs      the first this many of {@code epochs} run at 1% of the learning rate, as
 *                          the Poincaré-embeddings code's nouns recipe does (burn-in multiplier 0.01)
 * @param constantRate      true: the learning rate stays constant after burn-in (Nickel and Kiela);
 *                          false: it decays linearly to 1% of it over the epochs
 */
public record EmbeddingConfig(int dims, long seed, int threads, int epochs, double learningRate, int negatives,
                              double localNegatives, int batchSize, double coneSlack, double radiusMargin,
                              double maxRadius, double initScale, int burnInEpochs, boolean constantRate) {

    public EmbeddingConfig {
        require(dims >= 2, "dims", dims, "at least 2");
        require(threads >= 1, "threads", threads, "at least 1");
        require(epochs >= 0, "epochs", epochs, "at least 0");
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "positive");
        require(negatives >= 1, "negatives", negatives, "at least 1");
        require(localNegatives >= 0 && localNegatives <= 1, "localNegatives", localNegatives, "in [0, 1]");
        require(batchSize >= 1, "batchSize", batchSize, "at least 1");
        require(coneSlack > 0 && coneSlack <= 1, "coneSlack", coneSlack, "in (0, 1]");
        require(radiusMargin >= 0 && Double.isFinite(radiusMargin), "radiusMargin", radiusMargin, "finite, >= 0");
        require(maxRadius > 1 && Double.isFinite(maxRadius), "maxRadius", maxRadius, "finite, > 1");
        require(initScale >= 0 && initScale <= 1, "initScale", initScale, "in [0, 1]");
        require(burnInEpochs >= 0, "burnInEpochs", burnInEpochs, "at least 0");
    }

    /**
     * 16 dimensions, seed 42, one thread per core, and the settings measured best on WordNet nouns
     * (docs/positioning.md): the cone construction, then 5 epochs at learning rate 0.001 decaying,
     * no burn-in, 20 negatives of which half local, batches of 512, cone slack 0.5, no radius
     * margin, radius at most 40.
     */
    public static EmbeddingConfig defaults() {
        return new EmbeddingConfig(16, 42, Runtime.getRuntime().availableProcessors(), 5, 0.001, 20, 0.5, 512,
                0.5, 0, 40, 1, 0, false);
    }

    /**
     * Nickel and Kiela's recipe for WordNet nouns (train-nouns.sh of facebookresearch/poincare-embeddings,
     * Lorentz model): start within 0.001 of the origin, 50 uniform negatives, batches of 50, 20 burn-in
     * epochs at 1% of the rate, then learning rate 0.5 constant; their run takes 1,500 epochs.
     * Unlike theirs, burn-in negatives are uniform (theirs follow the node frequency) and a node's
     * step is its mean gradient over a batch, as always here.
     */
    public static EmbeddingConfig nickelKiela(int epochs) {
        return defaults().withInitScale(0).withNegatives(50).withLocalNegatives(0).withBatchSize(50)
                .withBurnInEpochs(20).withLearningRate(0.5).withConstantRate(true).withEpochs(epochs);
    }

    /** The learning rate of epoch {@code epoch} (0-based): burn-in, then constant or linear decay. */
    public double rateAt(int epoch) {
        if (epoch < burnInEpochs) {
            return learningRate * 0.01;
        }
        if (constantRate) {
            return learningRate;
        }
        return learningRate * (1 - 0.99 * (epoch - burnInEpochs) / Math.max(1, epochs - burnInEpochs));
    }

    public EmbeddingConfig withDims(int v) {
        return new EmbeddingConfig(v, seed, threads, epochs, learningRate, negatives, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withSeed(long v) {
        return new EmbeddingConfig(dims, v, threads, epochs, learningRate, negatives, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withThreads(int v) {
        return new EmbeddingConfig(dims, seed, v, epochs, learningRate, negatives, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withEpochs(int v) {
        return new EmbeddingConfig(dims, seed, threads, v, learningRate, negatives, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withLearningRate(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, v, negatives, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withNegatives(int v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, v, localNegatives, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withLocalNegatives(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, v, batchSize,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withBatchSize(int v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives, v,
                coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withConeSlack(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, v, radiusMargin, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withRadiusMargin(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, coneSlack, v, maxRadius, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withMaxRadius(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, coneSlack, radiusMargin, v, initScale, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withInitScale(double v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, coneSlack, radiusMargin, maxRadius, v, burnInEpochs, constantRate);
    }

    public EmbeddingConfig withBurnInEpochs(int v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, coneSlack, radiusMargin, maxRadius, initScale, v, constantRate);
    }

    public EmbeddingConfig withConstantRate(boolean v) {
        return new EmbeddingConfig(dims, seed, threads, epochs, learningRate, negatives, localNegatives,
                batchSize, coneSlack, radiusMargin, maxRadius, initScale, burnInEpochs, v);
    }

    private static void require(boolean ok, String field, Object value, String what) {
        if (!ok) {
            throw new IllegalArgumentException("EmbeddingConfig." + field + " must be " + what + ", got " + value);
        }
    }
}
