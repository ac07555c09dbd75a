package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.value.ValueType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEditorTest {

    private static Schema base() {
        return Schema.EMPTY.edit()
                .entityType("Person", Map.of("name", ValueType.STRING, "age", ValueType.INT64))
                .entityType("City", Map.of("name", ValueType.STRING))
                .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                .edgeType("knows")
                .measure("temp", Duration.ZERO)
                .build();
    }

    @Test
    void anEmptyEditChangesNothing() {
        assertThat(Schema.EMPTY.edit().build()).isSameAs(Schema.EMPTY);
        assertThat(Schema.EMPTY.revision()).isZero();
    }

    @Test
    void theFirstDeclarationsMakeRevisionOne() {
        Schema s = base();

        assertThat(s.revision()).isEqualTo(1);
        assertThat(s.entityTypes()).containsOnlyKeys("Person", "City");
        assertThat(s.entityType("Person").properties()).containsOnlyKeys("name", "age");
        assertThat(s.property(s.entityType("Person"), "age").type()).isEqualTo(ValueType.INT64);
        assertThat(s.vectorField("emb")).extracting(VectorField::kind, VectorField::dimension, VectorField::metric)
                .containsExactly(VectorKind.DENSE, 3, VectorMetric.COSINE);
        assertThat(s.edgeTypes()).containsOnlyKeys("knows");
        assertThat(s.measure("temp").retainsForever()).isTrue();
    }

    @Test
    void redeclaringEverythingAsItIsReturnsTheSameInstance() {
        Schema s = base();

        Schema again = s.edit()
                .entityType("Person", Map.of("age", ValueType.INT64, "name", ValueType.STRING))
                .entityType("City", Map.of())
                .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                .edgeType("knows")
                .measure("temp", Duration.ZERO)
                .build();

        assertThat(again).isSameAs(s);
        assertThat(again.revision()).isEqualTo(1);
    }

    @Test
    void redeclaringASubsetOfPropertiesKeepsTheOthers() {
        Schema s = base();

        Schema again = s.edit().entityType("Person", Map.of("name", ValueType.STRING)).build();

        assertThat(again).isSameAs(s);
        assertThat(again.entityType("Person").properties()).containsOnlyKeys("name", "age");
    }

    @Test
    void additiveChangesBumpTheRevisionOncePerBuildAndKeepExistingIds() {
        Schema s = base();
        int ageId = s.property(s.entityType("Person"), "age").id();
        int personId = s.entityType("Person").id();

        Schema next = s.edit()
                .entityType("Person", Map.of("email", ValueType.STRING))
                .entityType("Company", Map.of("founded", ValueType.TIMESTAMP))
                .vectorField("terms", VectorKind.SPARSE, 1000, VectorMetric.DOT)
                .edgeType("works_at")
                .measure("load", Duration.ofDays(7))
                .build();

        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.entityType("Person").id()).isEqualTo(personId);
        assertThat(next.property(next.entityType("Person"), "age").id()).isEqualTo(ageId);
        assertThat(next.entityType("Person").properties()).containsOnlyKeys("name", "age", "email");
        assertThat(next.entityTypes()).containsOnlyKeys("Person", "City", "Company");
        assertThat(next.edgeTypes()).containsOnlyKeys("knows", "works_at");
        assertThat(next.measure("load").retention()).isEqualTo(Duration.ofDays(7));
        assertThat(s.entityTypes()).doesNotContainKey("Company");

        Schema third = next.edit().edgeType("likes").build();
        assertThat(third.revision()).isEqualTo(3);
    }

    @Test
    void everyDeclaredThingGetsItsOwnIdAndIdsAreNeverReused() {
        Schema s = base().edit()
                .entityType("Person", Map.of("email", ValueType.STRING))
                .vectorField("terms", VectorKind.SPARSE, 10, VectorMetric.DOT)
                .edgeType("likes")
                .build();

        List<Integer> ids = new ArrayList<>();
        s.entityTypes().values().forEach(t -> {
            ids.add(t.id());
            t.properties().values().forEach(p -> ids.add(p.id()));
        });
        s.vectorFields().values().forEach(f -> ids.add(f.id()));
        s.edgeTypes().values().forEach(e -> ids.add(e.id()));
        s.measures().values().forEach(m -> ids.add(m.id()));

        Set<Integer> unique = new HashSet<>(ids);
        assertThat(unique).hasSameSizeAs(ids);
        assertThat(s.propertyNameById(s.property(s.entityType("Person"), "email").id())).contains("email");
        assertThat(s.entityTypeById(s.entityType("City").id()).map(EntityType::name)).contains("City");
        assertThat(s.edgeTypeById(s.edgeType("likes").id()).map(EdgeType::name)).contains("likes");
        assertThat(s.measureById(s.measure("temp").id()).map(MeasureDef::name)).contains("temp");
    }

    @Test
    void changingAMeasureRetentionKeepsItsIdAndBumpsTheRevision() {
        Schema s = base();

        Schema next = s.edit().measure("temp", Duration.ofHours(1)).build();

        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.measure("temp").id()).isEqualTo(s.measure("temp").id());
        assertThat(next.measure("temp").retention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void redeclaringAPropertyWithAnotherTypeIsAConflictNamingIt() {
        assertSchemaConflict(() -> base().edit().entityType("Person", Map.of("age", ValueType.STRING)), "Person.age");
    }

    @Test
    void redeclaringAVectorFieldWithAnotherDimensionIsAConflict() {
        assertSchemaConflict(() -> base().edit().vectorField("emb", VectorKind.DENSE, 4, VectorMetric.COSINE), "emb");
    }

    @Test
    void redeclaringAVectorFieldWithAnotherMetricIsAConflict() {
        assertSchemaConflict(() -> base().edit().vectorField("emb", VectorKind.DENSE, 3, VectorMetric.L2), "emb");
    }

    @Test
    void redeclaringAVectorFieldWithAnotherKindIsAConflict() {
        assertSchemaConflict(() -> base().edit().vectorField("emb", VectorKind.MULTI, 3, VectorMetric.COSINE), "emb");
    }

    @Test
    void aConflictLeavesTheEditedSchemaAsItWas() {
        Schema s = base();

        assertThatThrownBy(() -> s.edit().edgeType("likes").vectorField("emb", VectorKind.DENSE, 9, VectorMetric.COSINE))
                .isInstanceOf(ConflictException.class);

        assertThat(s.edgeTypes()).containsOnlyKeys("knows");
        assertThat(s.vectorField("emb").dimension()).isEqualTo(3);
        assertThat(s.revision()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "has space", "a-b", "dot.ted", "ünïcode", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void invalidNamesAreRejectedEverywhere(String name) {
        assertInvalid(() -> Schema.EMPTY.edit().entityType(name, Map.of()), name);
        assertInvalid(() -> Schema.EMPTY.edit().entityType("Person", Map.of(name, ValueType.STRING)), name);
        assertInvalid(() -> Schema.EMPTY.edit().vectorField(name, VectorKind.DENSE, 3, VectorMetric.L2), name);
        assertInvalid(() -> Schema.EMPTY.edit().edgeType(name), name);
        assertInvalid(() -> Schema.EMPTY.edit().measure(name, Duration.ZERO), name);
    }

    @Test
    void namesOfUpToSixtyFourCharactersStartingWithALetterOrUnderscoreAreValid() {
        String longest = "a".repeat(64);

        Schema s = Schema.EMPTY.edit().entityType(longest, Map.of("_x9", ValueType.BOOL)).edgeType("_").build();

        assertThat(s.entityTypes()).containsKey(longest);
        assertThat(s.edgeTypes()).containsKey("_");
    }

    @Test
    void aNullNameIsInvalid() {
        assertThatThrownBy(() -> Schema.EMPTY.edit().edgeType(null))
                .isInstanceOfSatisfying(SchemaViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void aPropertyCannotBeDeclaredNull() {
        assertInvalid(() -> Schema.EMPTY.edit().entityType("Person", Map.of("nothing", ValueType.NULL)), "Person.nothing");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_537})
    void vectorDimensionsOutsideTheRangeAreInvalid(int dimension) {
        assertInvalid(() -> Schema.EMPTY.edit().vectorField("v", VectorKind.DENSE, dimension, VectorMetric.L2), "v");
    }

    @Test
    void vectorDimensionsAtTheEdgesOfTheRangeAreValid() {
        Schema s = Schema.EMPTY.edit()
                .vectorField("one", VectorKind.DENSE, 1, VectorMetric.L2)
                .vectorField("max", VectorKind.SPARSE, 65_536, VectorMetric.DOT)
                .vectorField("hyper", VectorKind.DENSE, 2, VectorMetric.LORENTZ)
                .build();

        assertThat(s.vectorFields()).containsOnlyKeys("one", "max", "hyper");
    }

    @Test
    void aLorentzFieldNeedsATimeCoordinateAndOneMore() {
        assertInvalid(() -> Schema.EMPTY.edit().vectorField("h", VectorKind.DENSE, 1, VectorMetric.LORENTZ), "h");
    }

    @Test
    void aNegativeRetentionIsInvalid() {
        assertInvalid(() -> Schema.EMPTY.edit().measure("m", Duration.ofSeconds(-1)), "m");
    }

    @Test
    void lookupsOfUnknownNamesNameWhatWasAskedFor() {
        Schema s = base();

        assertUnknown(() -> s.entityType("Planet"), "Planet");
        assertUnknown(() -> s.property(s.entityType("Person"), "height"), "Person.height");
        assertUnknown(() -> s.vectorField("nope"), "nope");
        assertUnknown(() -> s.edgeType("hates"), "hates");
        assertUnknown(() -> s.measure("pressure"), "pressure");
        assertThat(s.entityTypeById(9_999)).isEmpty();
        assertThat(s.propertyNameById(9_999)).isEmpty();
    }

    private static void assertSchemaConflict(ThrowingCallable edit, String field) {
        assertThatThrownBy(edit).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_CONFLICT);
            assertThat(e.code().code()).isEqualTo("schema.conflict");
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).contains(field);
        });
    }

    private static void assertInvalid(ThrowingCallable edit, String field) {
        assertThatThrownBy(edit).isInstanceOfSatisfying(SchemaViolationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.field()).contains(field);
        });
    }

    private static void assertUnknown(ThrowingCallable lookup, String field) {
        assertThatThrownBy(lookup).isInstanceOfSatisfying(ManifoldException.class, e -> {
            assertThat(e).isInstanceOf(SchemaViolationException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
            assertThat(e.field()).contains(field);
        });
    }
}
