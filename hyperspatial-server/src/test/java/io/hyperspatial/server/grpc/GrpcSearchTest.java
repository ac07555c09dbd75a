package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.WriteProgress;
import io.hyperspatial.grpc.v1.BatchSearchRequest;
import io.hyperspatial.grpc.v1.BatchSearchResponse;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.EdgeInput;
import io.hyperspatial.grpc.v1.EntityInput;
import io.hyperspatial.grpc.v1.EntityTypeDef;
import io.hyperspatial.grpc.v1.Schema;
import io.hyperspatial.grpc.v1.SearchHit;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.SearchResponse;
import io.hyperspatial.grpc.v1.UpsertEntitiesRequest;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.server.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.hyperspatial.server.grpc.GrpcTestClient.dense;
import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The gRPC SearchService over a real socket: k-NN by vector, by entity and by graph position, batch search, bad input. */
class GrpcSearchTest extends SharedServer {
    private static final int N = 200;
    private GrpcTestClient grpc;
    private final List<float[]> vectors = new ArrayList<>();

    @BeforeEach
    void people() {
        grpc = new GrpcTestClient(s.server().port());
        grpc.collections.createCollection(GrpcCollectionsTest.people("people"));
        Random random = new Random(42);
        UpsertEntitiesRequest.Builder batch = UpsertEntitiesRequest.newBuilder().setCollection("people");
        for (int i = 0; i < N; i++) {
            float[] v = {random.nextFloat() + 0.01f, random.nextFloat(), random.nextFloat()};
            vectors.add(v);
            batch.addEntities(EntityInput.newBuilder(GrpcEntitiesTest.person("p" + i, i)).putVectors("emb", dense(v)));
        }
        grpc.upsert(List.of(batch.build()));
    }

    private static SearchRequest.Builder query() {
        return SearchRequest.newBuilder().setCollection("people").setField("emb").setWaitForIndex(true);
    }

    /** The keys nearest to {@code q} by cosine distance, by brute force. */
    private List<String> nearest(float[] q, int k, int skip) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            if (i != skip) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(cosine(q, vectors.get(a)), cosine(q, vectors.get(b))));
        return order.subList(0, k).stream().map(i -> "p" + i).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }

    @Test
    void searchByVectorAndByEntityFindsTheNearest() {
        float[] q = {0.3f, 0.9f, 0.1f};
        SearchResponse r = grpc.search.search(query().setVector(dense(q).getDense()).setK(5).addProperties("age").build());
        assertThat(r.getResultsList()).extracting(SearchHit::getKey).containsExactlyElementsOf(nearest(q, 5, -1));
        assertThat(r.getResults(0).getPropertiesMap().get("age").getIntValue())
                .isEqualTo(Long.parseLong(r.getResults(0).getKey().substring(1)));
        assertThat(r.getIndexSequence()).isPositive();
        SearchResponse plain = grpc.search.search(query().setVector(dense(q).getDense()).setK(5).build());
        assertThat(plain.getResultsList()).as("answered on the event loop, the same hits")
                .extracting(SearchHit::getKey, SearchHit::getDistance)
                .containsExactlyElementsOf(r.getResultsList().stream().map(h -> tuple(h.getKey(), h.getDistance())).toList());
        assertThat(plain.getResults(0).getPropertiesMap()).isEmpty();

        SearchResponse like = grpc.search.search(query().setLike("p7").setK(3).build());
        assertThat(like.getResultsList()).extracting(SearchHit::getKey).containsExactlyElementsOf(nearest(vectors.get(7), 3, 7));
        assertThat(like.getResults(0).getPropertiesMap()).isEmpty();
        assertThat(grpc.search.search(query().setLike("p7").build()).getResultsCount()).isEqualTo(10);
    }

    @Test
    void aBatchSearchAnswersEveryQueryInOrder() {
        Random random = new Random(7);
        BatchSearchRequest.Builder batch = BatchSearchRequest.newBuilder();
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] q = {random.nextFloat(), random.nextFloat(), random.nextFloat() + 0.01f};
            queries.add(q);
            batch.addQueries(query().setVector(dense(q).getDense()).setK(4));
        }
        BatchSearchResponse r = grpc.search.batchSearch(batch.build());
        assertThat(r.getResponsesCount()).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(r.getResponses(i).getResultsList()).extracting(SearchHit::getKey)
                    .containsExactlyElementsOf(nearest(queries.get(i), 4, -1));
        }
    }

    @Test
    void badQueriesAreRefusedNamingTheField() {
        StatusRuntimeException k = failure(() -> grpc.search.search(query().setLike("p1").setK(10_001).build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(k.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("k");
        failure(() -> grpc.search.search(query().build()), Status.Code.INVALID_ARGUMENT, "request.invalid");
        failure(() -> grpc.search.search(query().setVector(dense(1, 2).getDense()).build()),
                Status.Code.INVALID_ARGUMENT, "schema.dimension_mismatch");
        failure(() -> grpc.search.search(query().setField("nope").setLike("p1").build()),
                Status.Code.INVALID_ARGUMENT, "schema.unknown_field");
        failure(() -> grpc.search.search(query().setLike("ghost").build()), Status.Code.NOT_FOUND, "entity.not_found");
        failure(() -> grpc.search.search(query().setCollection("nope").setLike("p1").build()),
                Status.Code.NOT_FOUND, "collection.not_found");

        StatusRuntimeException inBatch = failure(() -> grpc.search.batchSearch(BatchSearchRequest.newBuilder()
                        .addQueries(query().setLike("p1")).addQueries(query().setLike("p2").setEf(100_001)).build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(inBatch.getTrailers().get(GrpcErrors.INDEX)).isEqualTo("1");
        assertThat(inBatch.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("ef");
        StatusRuntimeException missing = failure(() -> grpc.search.batchSearch(BatchSearchRequest.newBuilder()
                .addQueries(query().setLike("p1")).addQueries(query().setCollection("nope").setLike("p1")).build()),
                Status.Code.NOT_FOUND, "collection.not_found");
        assertThat(missing.getTrailers().get(GrpcErrors.INDEX)).isEqualTo("1");
        failure(() -> grpc.search.batchSearch(BatchSearchRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT,
                "request.invalid");
    }

    @Test
    void searchByGraphPosition() {
        grpc.collections.createCollection(CreateCollectionRequest.newBuilder().setName("taxa").setSchema(Schema.newBuilder()
                .putEntityTypes("Taxon", EntityTypeDef.getDefaultInstance()).addEdgeTypes("is_a")).build());
        UpsertEntitiesRequest.Builder batch = UpsertEntitiesRequest.newBuilder().setCollection("taxa");
        batch.addEntities(EntityInput.newBuilder().setKey("t").setType("Taxon"));
        for (int c = 0; c < 4; c++) {
            batch.addEntities(taxon("t." + c, "t"));
            for (int g = 0; g < 4; g++) {
                batch.addEntities(taxon("t." + c + "." + g, "t." + c));
            }
        }
        grpc.upsert(List.of(batch.build()));
        Collection taxa = s.server().database().collection("taxa");
        GraphPositioner.declare(taxa, 4, List.of("is_a"));
        GraphPositioner.learn(taxa, EmbeddingConfig.defaults().withThreads(1).withEpochs(20), ProgressListener.NONE,
                1_000, WriteProgress.NONE);

        SearchResponse r = grpc.search.search(SearchRequest.newBuilder().setCollection("taxa").setField("position.graph")
                .setLike("t.2.1").setK(4).setWaitForIndex(true).build());
        assertThat(r.getResultsList()).extracting(SearchHit::getKey).hasSize(4).doesNotContain("t.2.1").contains("t.2");
    }

    private static EntityInput taxon(String key, String parent) {
        return EntityInput.newBuilder().setKey(key).setType("Taxon")
                .addEdges(EdgeInput.newBuilder().setType("is_a").setTo(parent)).build();
    }
}
