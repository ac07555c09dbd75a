package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GraphConnectivity}: nodes cut off on level 0, in either direction, are linked back so
 * that every search can reach them again.
 */
class GraphConnectivityTest {
    static final int N = 600;
    static final int DIM = 8;

    private static HnswIndex built(VectorMetric metric, float[][] data) {
        HnswIndex index = new HnswIndex(IndexConfig.of(metric, metric == VectorMetric.LORENTZ ? DIM + 1 : DIM));
        index.addAll(IntStream.range(0, data.length).toArray(), data, 1);
        return index;
    }

    private static GraphConnectivity check(HnswIndex index) {
        return new GraphConnectivity(index.graph(), index.space(), 100);
    }

    /** Removes every level-0 link into {@code pocket} from outside it. */
    private static void cutIn(HnswGraph graph, int... pocket) {
        int[] list = new int[graph.maxConnections(0)];
        for (int node = 0; node < graph.size(); node++) {
            if (contains(pocket, node)) {
                continue;
            }
            int count = graph.neighbors(node, 0, list);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (!contains(pocket, list[i])) {
                    list[kept++] = list[i];
                }
            }
            graph.setNeighbors(node, 0, list, kept);
        }
    }

    /** Leaves the pocket's nodes linking only to each other. */
    private static void cutOut(HnswGraph graph, int... pocket) {
        for (int node : pocket) {
            int[] others = Arrays.stream(pocket).filter(p -> p != node).toArray();
            graph.setNeighbors(node, 0, others, others.length);
        }
    }

    private static boolean contains(int[] nodes, int node) {
        return Arrays.stream(nodes).anyMatch(n -> n == node);
    }

    /** A search for each point finds it, or a point at the same place (the sets hold a few duplicates). */
    private static void assertEachIsItsOwnNearest(HnswIndex index, float[][] data, int... ids) {
        for (int id : ids) {
            SearchHit first = index.search(new SearchRequest(data[id], 1, 50, null)).getFirst();
            assertThat(first.id() == id || first.distance() < 1e-3).as("search for point %d found %s", id, first).isTrue();
        }
    }

    /**
     * Online inserts get the pass too: once single adds since the last pass reach
     * {@link HnswIndex#MIN_CONNECT_BATCH} (a tenth of the graph when that is more), the next add
     * runs it, and a node cut off in the meantime is linked in again.
     */
    @Test
    void singleAddsRunThePassOnceEnoughHaveAccumulated() {
        int batch = HnswIndex.MIN_CONNECT_BATCH;
        float[][] data = TestVectors.of(VectorMetric.L2, N + batch, DIM, 5);
        HnswIndex index = built(VectorMetric.L2, Arrays.copyOf(data, N));
        assertThat(index.connectivityPasses()).as("after the bulk add").isEqualTo(1);
        int lonely = index.ids().ordinal(17);
        cutIn(index.graph(), lonely);

        for (int id = N; id < N + batch - 1; id++) {
            index.add(id, data[id]);
        }
        assertThat(index.connectivityPasses()).as("one add short of the batch").isEqualTo(1);
        index.add(N + batch - 1, data[N + batch - 1]);

        assertThat(index.connectivityPasses()).isEqualTo(2);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        assertEachIsItsOwnNearest(index, data, 17);
    }

    /**
     * When writes pause, {@link HnswIndex#settle} runs the pass for single adds far short of a
     * batch, once they reach a hundredth of the graph: an index fed by a trickle of inserts ends
     * up as connected as a bulk-built one.
     */
    @Test
    void settlingAfterAFewSingleAddsRunsThePass() {
        int due = (int) Math.ceil(HnswIndex.SETTLE_CONNECT_FRACTION * (N + 10));
        float[][] data = TestVectors.of(VectorMetric.L2, N + 10, DIM, 5);
        HnswIndex index = built(VectorMetric.L2, Arrays.copyOf(data, N));
        int lonely = index.ids().ordinal(17);
        cutIn(index.graph(), lonely);

        index.add(N, data[N]);
        index.settle();
        assertThat(index.connectivityPasses()).as("one add, fewer than a hundredth of the graph").isEqualTo(1);
        for (int id = N + 1; id < N + due; id++) {
            index.add(id, data[id]);
        }
        index.settle();

        assertThat(index.connectivityPasses()).isEqualTo(2);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        assertEachIsItsOwnNearest(index, data, 17);
        index.settle();
        assertThat(index.connectivityPasses()).as("nothing added since").isEqualTo(2);
    }

    /**
     * A poor graph (m 2, ef_construction 4) built by single adds, as an indexer following the
     * change feed builds it: after settling, every node is reachable and found. Before the pass
     * searched at least {@link GraphConnectivity#MIN_SEARCH_EF} wide, 12 of these 20 seeds left
     * 1 to 15 nodes cut off (and {@code AlterVectorIndexTest} failed now and then).
     */
    @Test
    void aNarrowGraphBuiltBySingleAddsSettlesConnected() {
        int n = 400;
        int dim = 32;
        for (int seed = 0; seed < 20; seed++) {
            float[][] data = TestVectors.of(VectorMetric.L2, n, dim, seed);
            HnswIndex index = new HnswIndex(new IndexConfig(VectorMetric.L2, dim, 2, 4, 1, Quantization.NONE, 1.0));
            for (int id = 0; id < n; id++) {
                index.add(id, data[id]);
            }
            index.settle();
            assertThat(check(index).disconnected().stream().toArray()).as("cut off, seed %d", seed).isEmpty();
            for (int id = 0; id < n; id++) {
                assertThat(index.search(new SearchRequest(data[id], 1, n, null)).getFirst().id())
                        .as("nearest to point %d, seed %d", id, seed).isEqualTo(id);
            }
        }
    }

    /** Below 100 nodes any single add makes the pass due when the writer settles. */
    @Test
    void aSmallIndexSettlesAfterEveryAdd() {
        float[][] data = TestVectors.of(VectorMetric.L2, 50, DIM, 8);
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, DIM));
        for (int id = 0; id < data.length; id++) {
            index.add(id, data[id]);
        }
        assertThat(index.connectivityPasses()).isZero();
        index.settle();
        assertThat(index.connectivityPasses()).isEqualTo(1);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
    }

    @Test
    void aNodeNothingLinksToIsLinkedInAgain() {
        float[][] data = TestVectors.of(VectorMetric.L2, N, DIM, 3);
        HnswIndex index = built(VectorMetric.L2, data);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        int lonely = index.ids().ordinal(17);
        cutIn(index.graph(), lonely);
        assertThat(check(index).disconnected().stream().toArray()).containsExactly(lonely);
        assertThat(index.search(new SearchRequest(data[17], 1, 50, null)).getFirst().id()).isNotEqualTo(17);

        assertThat(index.connectUnreachable()).isEqualTo(1);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        assertEachIsItsOwnNearest(index, data, 17);
    }

    @Test
    void aPocketReachableOnlyFromItselfIsBroughtInWhole() {
        float[][] data = TestVectors.of(VectorMetric.L2, N, DIM, 4);
        HnswIndex index = built(VectorMetric.L2, data);
        int[] pocket = {index.ids().ordinal(40), index.ids().ordinal(41), index.ids().ordinal(42)};
        cutIn(index.graph(), pocket);
        cutOut(index.graph(), pocket);
        assertThat(check(index).disconnected().stream().toArray()).containsExactlyInAnyOrder(pocket);

        assertThat(index.connectUnreachable()).isEqualTo(3);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        assertEachIsItsOwnNearest(index, data, 40, 41, 42);
    }

    @Test
    void nodesThatCannotGetBackToTheRestAreGivenAWayOut() {
        float[][] data = TestVectors.of(VectorMetric.L2, N, DIM, 5);
        HnswIndex index = built(VectorMetric.L2, data);
        int[] trap = {index.ids().ordinal(70), index.ids().ordinal(71)};
        cutOut(index.graph(), trap);
        assertThat(check(index).disconnected().stream().toArray()).containsExactlyInAnyOrder(trap);

        assertThat(index.connectUnreachable()).isEqualTo(2);
        assertThat(check(index).disconnected().isEmpty()).isTrue();
        int[] list = new int[index.graph().maxConnections(0)];
        long linksOut = Arrays.stream(trap)
                .flatMap(node -> Arrays.stream(list, 0, index.graph().neighbors(node, 0, list)).filter(n -> !contains(trap, n)))
                .count();
        assertThat(linksOut).as("links out of the trap").isPositive();
        assertEachIsItsOwnNearest(index, data, 70, 71);
    }

    /**
     * Hierarchical Poincaré points, the hard case: before builds and repairs ended with this
     * pass, a build of this set left 97 of its 2,000 points unfound by a search for themselves at
     * ef 200, and a repair after deleting 300 left 344 of the 1,719 survivors unfound (a tenth
     * of them cut off from the best-linked node one way or the other). Now: none, and 13.
     */
    @Test
    void buildsAndRepairsOfHierarchicalPointsLeaveLevelZeroStronglyConnected() {
        int n = 2000;
        float[][] data = TestVectors.of(VectorMetric.POINCARE, n, 16, 41);
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.POINCARE, 16));
        index.addAll(IntStream.range(0, n).toArray(), data, 1);
        assertThat(check(index).disconnected().isEmpty()).as("after the build").isTrue();
        assertThat(unfound(index, data, IntStream.range(0, n).toArray())).as("unfound after the build").isZero();
        SplittableRandom random = new SplittableRandom(9);
        boolean[] removed = new boolean[n];
        for (int i = 0; i < 300; i++) {
            int id = random.nextInt(n);
            index.remove(id);
            removed[id] = true;
        }
        index.repairDeletions();
        assertThat(check(index).disconnected().isEmpty()).as("after the repair").isTrue();
        int[] survivors = IntStream.range(0, n).filter(i -> !removed[i]).toArray();
        assertThat(unfound(index, data, survivors)).as("unfound after the repair").isLessThanOrEqualTo(survivors.length / 100);
    }

    /** How many of the points a search at ef 200 does not find (nor a duplicate of). */
    private static int unfound(HnswIndex index, float[][] data, int[] ids) {
        int unfound = 0;
        for (int id : ids) {
            SearchHit first = index.search(new SearchRequest(data[id], 1, 200, null)).getFirst();
            if (first.id() != id && first.distance() >= 1e-3) {
                unfound++;
            }
        }
        return unfound;
    }

    @Test
    void anEmptyOrSingleNodeGraphNeedsNothing() {
        HnswIndex empty = new HnswIndex(IndexConfig.of(VectorMetric.L2, DIM));
        assertThat(empty.connectUnreachable()).isZero();
        empty.add(1, new float[DIM]);
        assertThat(empty.connectUnreachable()).isZero();
        assertThat(check(empty).disconnected().isEmpty()).isTrue();
    }
}
