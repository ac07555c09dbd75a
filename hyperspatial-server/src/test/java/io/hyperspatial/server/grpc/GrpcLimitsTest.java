package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.grpc.v1.EntityInput;
import io.hyperspatial.grpc.v1.UpsertEntitiesRequest;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request size limit applies to each gRPC message, not to a whole client stream. */
class GrpcLimitsTest {
    private static final int LIMIT = 16 * 1024;

    private static UpsertEntitiesRequest batch(int first, int count) {
        UpsertEntitiesRequest.Builder b = UpsertEntitiesRequest.newBuilder().setCollection("people");
        for (int i = first; i < first + count; i++) {
            b.addEntities(EntityInput.newBuilder(GrpcEntitiesTest.person("p" + i, i))
                    .putProperties("name", GrpcTestClient.string("x".repeat(100))));
        }
        return b.build();
    }

    @Test
    void aStreamMayExceedTheLimitButNoMessageMay(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir, ServerConfig.loopback(0).withMaxRequestBytes(LIMIT))) {
            GrpcTestClient grpc = new GrpcTestClient(s.server().port());
            grpc.collections.createCollection(GrpcCollectionsTest.people("people"));
            List<UpsertEntitiesRequest> batches = new ArrayList<>();
            for (int b = 0; b < 8; b++) {
                batches.add(batch(b * 30, 30));
            }
            assertThat(batches.stream().mapToInt(UpsertEntitiesRequest::getSerializedSize).sum()).isGreaterThan(2 * LIMIT);
            assertThat(grpc.upsert(batches).getUpserted()).isEqualTo(240);

            UpsertEntitiesRequest big = batch(1_000, 200);
            assertThat(big.getSerializedSize()).isGreaterThan(LIMIT);
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.upsert(List.of(big)));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(s.get("/v1/collections/people/entities/p1000").status()).isEqualTo(404);
        }
    }
}
