package io.hyperspatial.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import io.grpc.stub.StreamObserver;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.QueryRequest;
import io.hyperspatial.grpc.v1.QueryResponse;
import io.hyperspatial.grpc.v1.QueryRow;
import io.hyperspatial.grpc.v1.QueryServiceGrpc;
import io.hyperspatial.grpc.v1.QueryValue;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.operation.HyperQlQueries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hyperspatial.server.grpc.CollectionGrpcService.finish;
import static io.hyperspatial.server.grpc.CollectionGrpcService.required;

/**
 * {@code hyperspatial.v1.QueryService} over {@link HyperQlQueries}, so that roles, frozen
 * collections, the per-collection engine, timeouts and cancel are those of {@code POST /v1/query}.
 * The call's deadline becomes the statement's timeout (Armeria turns {@code grpc-timeout} into the
 * request timeout), and a cancelled call cancels the statement. Runs on the blocking executor;
 * thread-safe.
 */
@Blocking
final class QueryGrpcService extends QueryServiceGrpc.QueryServiceImplBase {
    static final Map<String, Role> ROLES = Map.of(QueryServiceGrpc.getQueryMethod().getFullMethodName(), Role.READ);

    private final HyperQlQueries queries;

    QueryGrpcService(HyperQlQueries queries) {
        this.queries = queries;
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> reply) {
        String collection = required("collection", request.getCollection());
        String sql = required("query", request.getQuery());
        Map<String, Object> params = new LinkedHashMap<>();
        request.getParamsMap().forEach((name, value) -> params.put(name, parameter(name, value)));
        ServiceRequestContext ctx = ServiceRequestContext.current();
        long timeoutMs = Integer.toUnsignedLong(request.getTimeoutMs());
        HyperQlQueries.Outcome outcome = queries.run(ctx, ctx.attr(Authenticator.ROLE), collection, sql, params,
                timeoutMs == 0 ? null : timeoutMs, "timeout_ms");
        QueryResponse.Builder out = QueryResponse.newBuilder().setElapsedMs(outcome.elapsedMs());
        switch (outcome.result()) {
            case StatementResult.Rows r -> {
                out.addAllColumns(r.columns());
                for (List<Object> row : r.rows()) {
                    QueryRow.Builder values = QueryRow.newBuilder();
                    row.forEach(v -> values.addValues(value(v)));
                    out.addRows(values);
                }
            }
            case StatementResult.Count c -> out.setRowsAffected(c.changed());
            case StatementResult.SchemaChange s -> out.setSchemaChange(s.description());
        }
        finish(reply, out.build());
    }

    private static Object parameter(String name, QueryValue v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case INT_VALUE -> v.getIntValue();
            case REAL_VALUE -> v.getRealValue();
            case TEXT_VALUE -> v.getTextValue();
            case BLOB_VALUE -> v.getBlobValue().toByteArray();
            case BOOL_VALUE -> v.getBoolValue();
            case VECTOR_VALUE -> {
                List<Float> values = v.getVectorValue().getValuesList();
                if (values.isEmpty()) {
                    throw ApiException.invalid("params." + name, "parameter '" + name + "' is an empty vector");
                }
                float[] floats = new float[values.size()];
                for (int i = 0; i < floats.length; i++) {
                    floats[i] = values.get(i);
                }
                yield floats;
            }
        };
    }

    private static QueryValue value(Object v) {
        QueryValue.Builder b = QueryValue.newBuilder();
        return switch (v) {
            case null -> b.setNullValue(NullValue.NULL_VALUE).build();
            case Long l -> b.setIntValue(l).build();
            case Double d -> b.setRealValue(d).build();
            case String s -> b.setTextValue(s).build();
            case Blob blob -> b.setBlobValue(ByteString.copyFrom(blob.bytes())).build();
            case Vector vector -> {
                DenseVector.Builder dense = DenseVector.newBuilder();
                for (float f : vector.components()) {
                    dense.addValues(f);
                }
                yield b.setVectorValue(dense).build();
            }
            default -> b.setTextValue(v.toString()).build();
        };
    }
}
