package io.hyperspatial.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.grpc.v1.CollectionDescription;
import io.hyperspatial.grpc.v1.CollectionStats;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.Entity;
import io.hyperspatial.grpc.v1.EntityTypeDef;
import io.hyperspatial.grpc.v1.FieldIndex;
import io.hyperspatial.grpc.v1.MeasureDef;
import io.hyperspatial.grpc.v1.MultiVector;
import io.hyperspatial.grpc.v1.PropertyList;
import io.hyperspatial.grpc.v1.PropertyMap;
import io.hyperspatial.grpc.v1.PropertyValue;
import io.hyperspatial.grpc.v1.Schema;
import io.hyperspatial.grpc.v1.SearchHit;
import io.hyperspatial.grpc.v1.SearchResponse;
import io.hyperspatial.grpc.v1.SparseVector;
import io.hyperspatial.grpc.v1.Vector;
import io.hyperspatial.grpc.v1.VectorFieldDef;
import io.hyperspatial.grpc.v1.VectorIndexDef;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.server.operation.KnnResult;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Replies of the gRPC services, built from what the shared operations return: the same content
 * as the HTTP API's JSON, with exact types (int64, bytes and timestamps as themselves). Stateless.
 */
final class ProtoReplies {
    private ProtoReplies() {
    }

    static CollectionDescription description(io.hyperspatial.server.operation.CollectionDescription d) {
        io.hyperspatial.manifold.CollectionStats s = d.stats();
        CollectionDescription.Builder b = CollectionDescription.newBuilder()
                .setName(d.name())
                .setFrozen(d.frozen())
                .setSchema(schema(d.schema()))
                .setStats(CollectionStats.newBuilder().setEntitiesEstimated(s.estimatedEntities())
                        .setDiskBytes(s.diskBytes()).setMemtableBytes(s.memtableBytes())
                        .setLastSequence(s.lastSequence()).setOpen(s.open()));
        for (FieldIndexStats f : d.indexes()) {
            b.addIndexes(FieldIndex.newBuilder().setField(f.field()).setMetric(f.metric()).setDimension(f.dimension())
                    .setVectors(f.vectors()).setMemoryBytes(f.memoryBytes()).setAppliedSequence(f.appliedSequence())
                    .setBacklog(f.backlog()).setSource(f.source().name().toLowerCase(Locale.ROOT))
                    .setMappedBytes(f.mappedBytes()).setM(f.m()).setEfConstruction(f.efConstruction())
                    .setEfSearch(f.efSearch()).setQuantization(f.quantization()));
        }
        return b.build();
    }

    static Schema schema(io.hyperspatial.manifold.schema.Schema schema) {
        Schema.Builder b = Schema.newBuilder().setRevision(schema.revision());
        schema.entityTypes().forEach((name, type) -> {
            EntityTypeDef.Builder t = EntityTypeDef.newBuilder();
            type.properties().values().forEach((PropertyDef p) -> t.putProperties(p.name(), p.type().displayName()));
            b.putEntityTypes(name, t.build());
        });
        schema.vectorFields().forEach((name, f) -> {
            VectorFieldDef.Builder v = VectorFieldDef.newBuilder().setDimension(f.dimension())
                    .setMetric(f.metric().displayName()).setKind(f.kind().name().toLowerCase(Locale.ROOT))
                    .setCurvature(f.curvature());
            if (f.kind() == VectorKind.DENSE) {
                VectorIndexSettings s = f.index();
                v.setIndex(VectorIndexDef.newBuilder().setM(s.m()).setEfConstruction(s.efConstruction())
                        .setEfSearch(s.efSearch()).setQuantization(s.quantization().displayName()));
            }
            b.putVectorFields(name, v.build());
        });
        schema.edgeTypes().values().stream().map(EdgeType::name).sorted().forEach(b::addEdgeTypes);
        schema.measures().forEach((name, m) ->
                b.putMeasures(name, MeasureDef.newBuilder().setRetentionSeconds(m.retention().toSeconds()).build()));
        return b.build();
    }

    static Entity entity(ReadView view, io.hyperspatial.manifold.table.Entity e, boolean withVectors) {
        Entity.Builder b = Entity.newBuilder()
                .setKey(e.key().orElse(""))
                .setId(e.id().toString())
                .setType(e.type())
                .setCreatedMillis(e.createdMillis())
                .setUpdatedMillis(e.updatedMillis())
                .setVersion(e.version());
        view.properties().all(e.id()).forEach((name, v) -> b.putProperties(name, value(v)));
        if (withVectors) {
            for (VectorField f : view.schema().vectorFields().values()) {
                stored(view, e.id(), f).ifPresent(v -> b.putVectors(f.name(), v));
            }
        }
        return b.build();
    }

    static SearchResponse search(KnnResult result) {
        SearchResponse.Builder b = SearchResponse.newBuilder().setIndexSequence(result.indexSequence());
        for (KnnResult.Hit h : result.hits()) {
            SearchHit.Builder hit = SearchHit.newBuilder().setId(h.id().toString()).setDistance(h.distance());
            if (h.key() != null) {
                hit.setKey(h.key());
            }
            h.properties().forEach((name, v) -> hit.putProperties(name, value(v)));
            b.addResults(hit);
        }
        return b.build();
    }

    static PropertyValue value(Value value) {
        PropertyValue.Builder b = PropertyValue.newBuilder();
        return switch (value) {
            case Value.NullValue n -> b.setNullValue(NullValue.NULL_VALUE).build();
            case Value.BoolValue v -> b.setBoolValue(v.value()).build();
            case Value.IntValue v -> b.setIntValue(v.value()).build();
            case Value.FloatValue v -> b.setFloatValue(v.value()).build();
            case Value.StringValue v -> b.setStringValue(v.value()).build();
            case Value.BytesValue v -> b.setBytesValue(ByteString.copyFrom(v.value())).build();
            case Value.TimestampValue v -> b.setTimestampValue(timestamp(v.value())).build();
            case Value.ListValue l -> {
                PropertyList.Builder list = PropertyList.newBuilder();
                l.values().forEach(v -> list.addValues(value(v)));
                yield b.setListValue(list).build();
            }
            case Value.MapValue m -> {
                PropertyMap.Builder map = PropertyMap.newBuilder();
                m.entries().forEach((k, v) -> map.putEntries(k, value(v)));
                yield b.setMapValue(map).build();
            }
        };
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static Optional<Vector> stored(ReadView view, UUID entity, VectorField field) {
        return switch (field.kind()) {
            case DENSE -> view.vectors().dense(entity, field.name()).map(v -> Vector.newBuilder().setDense(dense(v)).build());
            case SPARSE -> view.vectors().sparse(entity, field.name()).map(s -> {
                SparseVector.Builder sb = SparseVector.newBuilder();
                for (int i : s.indices()) {
                    sb.addIndices(i);
                }
                for (float x : s.values()) {
                    sb.addValues(x);
                }
                return Vector.newBuilder().setSparse(sb).build();
            });
            case MULTI -> view.vectors().multi(entity, field.name()).map(list -> {
                MultiVector.Builder mb = MultiVector.newBuilder();
                list.forEach(v -> mb.addVectors(dense(v)));
                return Vector.newBuilder().setMulti(mb).build();
            });
        };
    }

    static DenseVector dense(float[] v) {
        DenseVector.Builder b = DenseVector.newBuilder();
        for (float x : v) {
            b.addValues(x);
        }
        return b.build();
    }
}
