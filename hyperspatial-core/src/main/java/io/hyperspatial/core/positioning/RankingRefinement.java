package io.hyperspatial.core.positioning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Riemannian SGD on the ranking loss of Nickel and Kiela: for a closure pair (u, v) and negatives
 * x₁…x_K (non-ancestors of u), L = −log( e^{−d(u,v)} / (e^{−d(u,v)} + Σ e^{−d(u,xₖ)}) ), with the
 * gradient applied to u, v and every xₖ.
 *
 * <p>Coordinates: geodesic polar (ρ, n), where the metric is dρ² + sinh²ρ·dΩ², so the Riemannian
 * gradient is (∂ρ, sinh⁻²ρ·∂n projected on the sphere's tangent space); a step moves ρ and rotates n
 * (a retraction), then the radius is kept in [0, maxRadius] (a negative ρ is the same point as
 * (−ρ, −n)). A node moves once per batch, by the learning rate times the mean of the gradient
 * contributions it received in that batch: a general node is the positive of a large share of all
 * pairs, and summing those would throw it about (and with it every node that ranks it). Every step
 * is also clipped to hyperbolic length {@link #MAX_STEP}. Distances and gradients come from the
 * cancellation-free polar formula, so nodes far out keep double precision.
 *
 * <p>Determinism with threads: each epoch walks the pairs in a seeded shuffle, in synchronous
 * mini-batches. Within a batch the workers read the positions as of the batch start and write
 * gradient contributions to their own buffers (worker t takes the t-th contiguous slice); then each
 * worker sums, for the nodes it owns (node mod threads), the contributions in buffer order — which
 * is pair order — and moves its nodes. Negatives are drawn from a generator seeded per (epoch,
 * pair). So the result is bit-identical for any thread count. Not thread-safe itself; one use.
 */
final class RankingRefinement {
    static final double MAX_STEP = 1.0;

    private final HierarchyClosure closure;
    private final PolarPoints points;
    private final EmbeddingConfig config;
    private final NegativeSampler sampler;
    private final int[] pairChild;
    private final int[] pairAncestor;
    private final Worker[] workers;
    private final double[] accRho;
    private final double[] accDir;
    private final boolean[] touched;
    private final int[] contributions;

    RankingRefinement(HierarchyClosure closure, SpanningTree tree, PolarPoints points, EmbeddingConfig config) {
        this.closure = closure;
        this.points = points;
        this.config = config;
        this.sampler = new NegativeSampler(closure, tree, config.localNegatives());
        int pairs = (int) closure.pairCount();
        this.pairChild = new int[pairs];
        this.pairAncestor = new int[pairs];
        for (int u = 0, q = 0; u < closure.size(); u++) {
            for (int k = 0; k < closure.ancestorCount(u); k++, q++) {
                pairChild[q] = u;
                pairAncestor[q] = closure.ancestorAt(closure.rowStart(u) + k);
            }
        }
        this.workers = new Worker[config.threads()];
        int sliceMax = (config.batchSize() + config.threads() - 1) / config.threads();
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker(t, sliceMax);
        }
        this.accRho = new double[points.size];
        this.accDir = new double[points.size * points.dims];
        this.touched = new boolean[points.size];
        this.contributions = new int[points.size];
    }

    void run(ProgressListener listener, long startNanos) {
        run(listener, startNanos, 0, (epoch, positions) -> { });
    }

    /** Trains; hands {@code snapshots} the positions after every {@code every}-th epoch (never when 0). */
    void run(ProgressListener listener, long startNanos, int every, EpochSnapshots snapshots) {
        int pairs = pairChild.length;
        int epochs = config.epochs();
        int[] order = new int[pairs];
        ExecutorService pool = workers.length > 1 ? Executors.newFixedThreadPool(workers.length) : null;
        try {
            listener.onProgress(new ProgressListener.Event(ProgressListener.Phase.REFINEMENT, 0, epochs, Double.NaN,
                    (System.nanoTime() - startNanos) / 1_000_000));
            for (int epoch = 0; epoch < epochs; epoch++) {
                shuffle(order, epoch);
                double rate = config.rateAt(epoch);
                double loss = 0;
                for (int lo = 0; lo < pairs; lo += config.batchSize()) {
                    int hi = Math.min(pairs, lo + config.batchSize());
                    int slice = (hi - lo + workers.length - 1) / workers.length;
                    List<Callable<Void>> compute = new ArrayList<>();
                    List<Callable<Void>> apply = new ArrayList<>();
                    for (Worker w : workers) {
                        int from = Math.min(hi, lo + w.index * slice);
                        int to = Math.min(hi, from + slice);
                        int e = epoch;
                        compute.add(() -> w.compute(order, from, to, e));
                        apply.add(() -> w.apply(rate));
                    }
                    runAll(pool, compute);
                    runAll(pool, apply);
                    for (Worker w : workers) {
                        loss += w.loss;
                    }
                }
                listener.onProgress(new ProgressListener.Event(ProgressListener.Phase.REFINEMENT, epoch + 1, epochs,
                        loss / pairs, (System.nanoTime() - startNanos) / 1_000_000));
                if (every > 0 && (epoch + 1) % every == 0) {
                    snapshots.onSnapshot(epoch + 1, LorentzEmbedding.fromPolar(points));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private void shuffle(int[] order, int epoch) {
        NegativeSampler.SplitMix random = new NegativeSampler.SplitMix();
        random.seed(config.seed(), -1 - epoch);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            if (pool == null) {
                for (Callable<Void> task : tasks) {
                    task.call();
                }
                return;
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    /** One thread's share: gradient buffers of a batch slice, and the nodes it owns when applying. */
    private final class Worker {
        final int index;
        final int dims = points.dims;
        final NegativeSampler.SplitMix random = new NegativeSampler.SplitMix();
        final int[] others;
        final double[] distance;
        final double[] weight;
        final double[] uDir;
        int[] node;
        double[] gradRho;
        double[] gradDir;
        int entries;
        double loss;

        Worker(int index, int sliceMax) {
            this.index = index;
            int k = config.negatives() + 1;
            this.others = new int[k];
            this.distance = new double[k];
            this.weight = new double[k];
            this.uDir = new double[dims];
            int capacity = sliceMax * (k + 1);
            this.node = new int[capacity];
            this.gradRho = new double[capacity];
            this.gradDir = new double[capacity * dims];
        }

        Void compute(int[] order, int from, int to, int epoch) {
            entries = 0;
            loss = 0;
            for (int i = from; i < to; i++) {
                int q = order[i];
                random.seed(config.seed(), (long) epoch * pairChild.length + q);
                pair(pairChild[q], pairAncestor[q]);
            }
            return null;
        }

        private void pair(int u, int v) {
            others[0] = v;
            int count = 1;
            for (int k = 0; k < config.negatives(); k++) {
                int x = sampler.sample(u, random);
                if (x >= 0) {
                    others[count++] = x;
                }
            }
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                distance[j] = points.distance(u, others[j]);
                min = Math.min(min, distance[j]);
            }
            double z = 0;
            for (int j = 0; j < count; j++) {
                weight[j] = Math.exp(min - distance[j]);
                z += weight[j];
            }
            loss += distance[0] - min + Math.log(z);
            int uEntry = entries++;
            node[uEntry] = u;
            gradRho[uEntry] = 0;
            java.util.Arrays.fill(gradDir, uEntry * dims, (uEntry + 1) * dims, 0);
            for (int j = 0; j < count; j++) {
                double p = weight[j] / z;
                double coefficient = j == 0 ? 1 - p : -p;
                addDistanceGradient(u, others[j], coefficient, uEntry);
            }
        }

        /** Adds coefficient·grad d(u,x) to u's entry and a new entry for x. */
        private void addDistanceGradient(int u, int x, double coefficient, int uEntry) {
            double m = points.coshMinusOne(u, x);
            if (!(m > 1e-300)) {
                return;
            }
            double scale = coefficient / Math.sqrt(m * (m + 2));
            int a = u * dims;
            int b = x * dims;
            double chord = 0;
            for (int k = 0; k < dims; k++) {
                double diff = points.dir[a + k] - points.dir[b + k];
                chord += diff * diff;
            }
            double su = points.sinh[u];
            double sx = points.sinh[x];
            double cu = Math.cosh(points.rho[u]);
            double cx = Math.cosh(points.rho[x]);
            double delta = Math.sinh(points.rho[u] - points.rho[x]);
            int xEntry = entries++;
            node[xEntry] = x;
            gradRho[uEntry] += scale * (delta + 0.5 * cu * sx * chord);
            gradRho[xEntry] = scale * (-delta + 0.5 * cx * su * chord);
            double toU = su > 0 ? scale * sx / su : 0;
            double toX = sx > 0 ? scale * su / sx : 0;
            int gu = uEntry * dims;
            int gx = xEntry * dims;
            double half = 0.5 * chord;
            for (int k = 0; k < dims; k++) {
                double diff = points.dir[a + k] - points.dir[b + k];
                gradDir[gu + k] += toU * (diff - half * points.dir[a + k]);
                gradDir[gx + k] = toX * (-diff - half * points.dir[b + k]);
            }
        }

        Void apply(double rate) {
            int threads = workers.length;
            List<Integer> mine = new ArrayList<>();
            for (Worker w : workers) {
                for (int e = 0; e < w.entries; e++) {
                    int v = w.node[e];
                    if (v % threads != index) {
                        continue;
                    }
                    if (!touched[v]) {
                        touched[v] = true;
                        mine.add(v);
                    }
                    accRho[v] += w.gradRho[e];
                    contributions[v]++;
                    int base = v * dims;
                    int g = e * dims;
                    for (int k = 0; k < dims; k++) {
                        accDir[base + k] += w.gradDir[g + k];
                    }
                }
            }
            for (int v : mine) {
                move(v, rate);
                touched[v] = false;
            }
            return null;
        }

        private void move(int v, double rate) {
            int base = v * dims;
            rate /= contributions[v];
            contributions[v] = 0;
            double stepRho = -rate * accRho[v];
            double angular = 0;
            for (int k = 0; k < dims; k++) {
                double s = -rate * accDir[base + k];
                angular += s * s;
            }
            double length = Math.sqrt(stepRho * stepRho + angular * points.sinh[v] * points.sinh[v]);
            double clip = length > MAX_STEP ? MAX_STEP / length : 1;
            double angleClip = Math.sqrt(angular) * clip > 1 ? 1 / (Math.sqrt(angular) * clip) : 1;
            for (int k = 0; k < dims; k++) {
                points.dir[base + k] += -rate * accDir[base + k] * clip * angleClip;
                accDir[base + k] = 0;
            }
            double r = points.rho[v] + stepRho * clip;
            accRho[v] = 0;
            if (r < 0) {
                r = -r;
                for (int k = 0; k < dims; k++) {
                    points.dir[base + k] = -points.dir[base + k];
                }
            }
            points.rho[v] = Math.min(r, config.maxRadius());
            points.normalizeDirection(v);
            points.refresh(v);
        }
    }
}
