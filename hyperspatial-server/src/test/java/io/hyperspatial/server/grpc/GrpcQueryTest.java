package io.hyperspatial.server.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.QueryRequest;
import io.hyperspatial.grpc.v1.QueryResponse;
import io.hyperspatial.grpc.v1.QueryValue;
import io.hyperspatial.server.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gRPC QueryService over a real socket: DDL, DML and queries with parameters, errors with positions, deadlines. */
class GrpcQueryTest extends SharedServer {
    private GrpcTestClient grpc;

    @BeforeEach
    void shop() {
        grpc = new GrpcTestClient(s.server().port());
        grpc.collections.createCollection(CreateCollectionRequest.newBuilder().setName("shop").build());
    }

    private QueryResponse run(String sql) {
        return grpc.query.query(QueryRequest.newBuilder().setCollection("shop").setQuery(sql).build());
    }

    private static QueryValue integer(long v) {
        return QueryValue.newBuilder().setIntValue(v).build();
    }

    @Test
    void ddlWritesAndQueriesWithParametersRoundTrip() {
        assertThat(run("CREATE TABLE item(name TEXT, price REAL, photo BLOB, emb VECTOR(2, l2))").getSchemaChange())
                .isEqualTo("created table item");
        assertThat(run("INSERT INTO item VALUES('a', 'apple', 1.5, x'0aff', '[0, 1]'), ('b', 'bread', 3, NULL, '[1, 0]'),"
                + " ('c', 'cheese', 9.25, NULL, NULL)").getRowsAffected()).isEqualTo(3);

        QueryResponse cheap = grpc.query.query(QueryRequest.newBuilder().setCollection("shop")
                .setQuery("SELECT key, name, price, photo FROM item WHERE price < $max AND name <> $not ORDER BY price")
                .putParams("max", integer(5)).putParams("not", QueryValue.newBuilder().setTextValue("x").build()).build());
        assertThat(cheap.getColumnsList()).containsExactly("key", "name", "price", "photo");
        assertThat(cheap.getRowsCount()).isEqualTo(2);
        List<QueryValue> apple = cheap.getRows(0).getValuesList();
        assertThat(apple.get(0).getTextValue()).isEqualTo("a");
        assertThat(apple.get(2).getRealValue()).isEqualTo(1.5);
        assertThat(apple.get(3).getBlobValue()).isEqualTo(ByteString.copyFrom(new byte[]{0x0a, (byte) 0xff}));
        assertThat(cheap.getRows(1).getValues(3).hasNullValue()).isTrue();

        QueryResponse nearest = grpc.query.query(QueryRequest.newBuilder().setCollection("shop")
                .setQuery("SELECT key, emb FROM item ORDER BY emb <-> $q LIMIT 1")
                .putParams("q", QueryValue.newBuilder().setVectorValue(DenseVector.newBuilder().addValues(0.9f).addValues(0.1f)).build())
                .build());
        assertThat(nearest.getRows(0).getValues(0).getTextValue()).isEqualTo("b");
        assertThat(nearest.getRows(0).getValues(1).getVectorValue().getValuesList()).containsExactly(1f, 0f);

        assertThat(run("SELECT count(*) FROM item").getRows(0).getValues(0).getIntValue()).isEqualTo(3);
    }

    @Test
    void failuresCarryTheHyperQlCodeAndPosition() {
        StatusRuntimeException syntax = failure(() -> run("SELECT FROM"), Status.Code.INVALID_ARGUMENT, "HQL_SYNTAX");
        assertThat(syntax.getTrailers().get(GrpcErrors.POSITION)).startsWith("1:");
        failure(() -> run("SELECT * FROM nowhere"), Status.Code.INVALID_ARGUMENT, "HQL_UNKNOWN_TABLE");
        failure(() -> grpc.query.query(QueryRequest.newBuilder().setCollection("nope").setQuery("SELECT 1").build()),
                Status.Code.NOT_FOUND, "collection.not_found");
        failure(() -> grpc.query.query(QueryRequest.newBuilder().setCollection("shop").build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
    }

    @Test
    void aDeadlineOrATimeoutStopsARunawayStatementAndFreesTheCollection() {
        THOUSAND_ROWS.forEach(this::run);
        QueryRequest runaway = QueryRequest.newBuilder().setCollection("shop").setQuery(RUNAWAY).build();

        StatusRuntimeException deadline = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.query.withDeadlineAfter(300, TimeUnit.MILLISECONDS).query(runaway));
        assertThat(deadline.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        StatusRuntimeException timedOut = failure(() -> grpc.query.query(runaway.toBuilder().setTimeoutMs(200).build()),
                Status.Code.DEADLINE_EXCEEDED, "HQL_TIMEOUT");
        assertThat(timedOut.getStatus().getDescription()).contains("timeout of 200 ms");

        // Were either statement still running, this would wait behind it for the server's 2-minute request timeout.
        QueryResponse next = grpc.query.withDeadlineAfter(60, TimeUnit.SECONDS).query(
                QueryRequest.newBuilder().setCollection("shop").setQuery("SELECT count(*) FROM t").build());
        assertThat(next.getRows(0).getValues(0).getIntValue()).isEqualTo(1000);
    }
}
