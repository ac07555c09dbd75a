package io.hyperspatial.core.imports;

import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImporterTest {
    @TempDir Path dir;
    private Database db;
    private Collection c;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        c = db.createCollection("people");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static final ImportMapping PEOPLE = new ImportMapping("id", "Person", null,
            List.of(ImportMapping.property("name:string"), ImportMapping.property("age:int64:Age"),
                    ImportMapping.property("height:float64"), ImportMapping.property("member:bool"),
                    ImportMapping.property("born:timestamp")),
            List.of(ImportMapping.vector("emb:emb:3:cosine")),
            List.of(ImportMapping.edge("knows:knows:strength")), null);

    @Test
    void csvWithAMappingDeclaresTheSchemaAndResolvesForwardReferences() {
        String csv = """
                id,name,Age,height,member,born,emb,knows,strength
                ann,Ann,31,1.7,true,2001-02-03T04:05:06Z,0.1;0.2;0.3,bob;cid,0.5
                bob,"Bob, Jr.",,1.8,false,,"[1, 0, 0]",cid,
                cid,Cid,40,2,1,,0 1 0,,
                """;
        ImportReport report = run(ImportFormat.CSV, PEOPLE, OnError.FAIL, csv);

        assertThat(report.entitiesWritten()).isEqualTo(3);
        assertThat(report.appliedThroughLine()).isEqualTo(4);
        assertThat(c.schema().entityType("Person").properties()).containsKeys("name", "age", "height", "member", "born");
        assertThat(c.schema().vectorField("emb").dimension()).isEqualTo(3);
        UUID ann = c.ids().forKey("ann");
        c.read(v -> {
            assertThat(v.properties().all(ann)).containsEntry("age", Value.of(31L)).containsEntry("height", Value.of(1.7))
                    .containsEntry("member", Value.of(true)).containsEntry("born", Value.of(Instant.parse("2001-02-03T04:05:06Z")));
            assertThat(v.properties().all(c.ids().forKey("bob"))).containsEntry("name", Value.of("Bob, Jr."))
                    .doesNotContainKey("age").doesNotContainKey("born");
            assertThat(v.properties().all(c.ids().forKey("cid"))).containsEntry("height", Value.of(2.0));
            assertThat(v.vectors().dense(ann, "emb")).hasValueSatisfying(e -> assertThat(e).containsExactly(0.1f, 0.2f, 0.3f));
            assertThat(v.vectors().dense(c.ids().forKey("cid"), "emb")).hasValueSatisfying(e -> assertThat(e).containsExactly(0f, 1f, 0f));
            List<Edge> out = v.graph().outgoing(ann);
            assertThat(out).extracting(Edge::to).containsExactlyInAnyOrder(c.ids().forKey("bob"), c.ids().forKey("cid"));
            assertThat(out).allSatisfy(e -> assertThat(e.weight()).isEqualTo(0.5f));
            assertThat(v.graph().outgoing(c.ids().forKey("bob"))).singleElement()
                    .satisfies(e -> assertThat(e.weight()).isEqualTo(1f));
            return null;
        });
    }

    @Test
    void csvLineNumbersCountTheLinesOfQuotedCellsThatSpanSeveral() {
        String csv = "id,name,Age\na,\"two\nlines\",1\nb,B,x\nc,\"three\n\nlines\",2\nd,D,y\n";
        ImportReport report = run(ImportFormat.CSV, PEOPLE, OnError.SKIP, csv);
        assertThat(report.skipped()).extracting(RowError::line).containsExactly(4L, 8L);
        String name = c.read(v -> v.properties().all(c.ids().forKey("a")).get("name").toString());
        assertThat(name).contains("two\nlines");
    }

    @Test
    void jsonArrayWithATypeColumnDeclaresEachTypeAsItAppears() {
        String json = """
                [{"key": "a", "kind": "Dog", "name": "Rex", "friends": ["b", "c"]},
                 {"key": "b", "kind": "Cat", "name": "Tom", "friends": "a"},
                 {"key": "c", "kind": "Dog", "name": null}]
                """;
        ImportMapping mapping = ImportMapping.fromJson(parse("""
                {"key": "key", "type_column": "kind", "properties": {"name": "string"},
                 "edges": [{"column": "friends", "type": "friend"}]}
                """));
        ImportReport report = run(ImportFormat.JSON, mapping, OnError.FAIL, json);

        assertThat(report.entitiesWritten()).isEqualTo(3);
        assertThat(c.schema().entityTypes()).containsKeys("Dog", "Cat");
        assertThat(c.schema().entityType("Cat").properties()).containsKey("name");
        c.read(v -> {
            assertThat(v.entities().get(c.ids().forKey("b")).orElseThrow().type()).isEqualTo("Cat");
            assertThat(v.graph().outgoing(c.ids().forKey("a"))).hasSize(2);
            assertThat(v.properties().all(c.ids().forKey("c"))).isEmpty();
            return null;
        });
    }

    @Test
    void aBadRowInAnInputThatFitsOneBatchLeavesEverythingUnwritten() {
        String jsonl = """
                {"id": "a", "name": "A", "Age": 1}
                {"id": "b", "name": "B", "Age": "old"}
                {"id": "c", "name": "C"}
                """;
        ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
                () -> run(ImportFormat.JSONL, PEOPLE, OnError.FAIL, jsonl));

        assertThat(e.row().line()).isEqualTo(2);
        assertThat(e.row().field()).isEqualTo("Age");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("line 2, field Age").contains("expected an integer, got 'old'")
                .contains("nothing was imported");
        assertThat(e.report().entitiesWritten()).isZero();
        assertThat(count()).isZero();
    }

    @Test
    void failingInALaterBatchKeepsTheEarlierBatchesAndSaysWhichLines() {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            jsonl.append(i == 6 ? "{\"id\": \"p6\", \"emb\": [1, 2]}" : "{\"id\": \"p" + i + "\", \"name\": \"n\"}").append('\n');
        }
        ImportOptions options = new ImportOptions(ImportFormat.JSONL, PEOPLE, OnError.FAIL, 2);
        ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
                () -> Importer.run(c, new StringReader(jsonl.toString()), options, r -> {
                }));

        assertThat(e.row().line()).isEqualTo(6);
        assertThat(e.row().field()).isEqualTo("vectors.emb");
        assertThat(e.code()).isEqualTo(ErrorCode.DIMENSION_MISMATCH);
        assertThat(e.getMessage()).contains("lines 1..4 were imported (4 entities in 2 batches)");
        assertThat(count()).isEqualTo(4);
        boolean p5 = c.read(v -> v.entities().get(c.ids().forKey("p5")).isPresent());
        assertThat(p5).isFalse();
    }

    @Test
    void skipImportsTheRestAndListsEveryBadRowWithItsReason() {
        c.updateSchema(s -> s.vectorField("ball", VectorKind.DENSE, 2, VectorMetric.POINCARE));
        ImportMapping mapping = new ImportMapping("id", "Person", null, List.of(ImportMapping.property("age:int64")),
                List.of(ImportMapping.vector("ball:ball")), List.of(), null);
        String csv = """
                id,age,ball
                ok1,1,0.1;0.1
                ,2,0.1;0.1
                bad-age,x,0.1;0.1
                outside,3,0.9;0.9
                nan,4,NaN;0
                short,5,0.1
                ok2,6,
                """;
        ImportReport report = run(ImportFormat.CSV, mapping, OnError.SKIP, csv);

        assertThat(report.entitiesWritten()).isEqualTo(2);
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.skipped()).extracting(RowError::line, RowError::field, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "id", ErrorCode.INVALID_ARGUMENT),
                org.assertj.core.groups.Tuple.tuple(4L, "age", ErrorCode.INVALID_ARGUMENT),
                org.assertj.core.groups.Tuple.tuple(5L, "vectors.ball", ErrorCode.INVALID_ARGUMENT),
                org.assertj.core.groups.Tuple.tuple(6L, "vectors.ball", ErrorCode.NON_FINITE_VALUE),
                org.assertj.core.groups.Tuple.tuple(7L, "vectors.ball", ErrorCode.DIMENSION_MISMATCH));
        assertThat(report.skipped().get(2).reason()).contains("Poincaré point must lie strictly inside");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aRowThatStorageRejectsAtWriteTimeIsSkippedAndTheBatchRetriedWithoutIt() {
        c.updateSchema(s -> s.entityType("Robot", Map.of()));
        c.write(tx -> tx.upsertEntity("taken", "Robot"));
        String jsonl = """
                {"id": "x", "name": "X"}
                {"id": "taken", "name": "T"}
                {"id": "y", "name": "Y"}
                """;
        ImportReport report = run(ImportFormat.JSONL, PEOPLE, OnError.SKIP, jsonl);

        assertThat(report.entitiesWritten()).isEqualTo(2);
        assertThat(report.skipped()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        });
        assertThatThrownBy(() -> run(ImportFormat.JSONL, PEOPLE, OnError.FAIL, jsonl))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("line 2");
    }

    @Test
    void malformedJsonLinesAreBadRowsButAMalformedJsonArrayStopsTheImport() {
        String jsonl = "{\"id\": \"a\"}\n{\"id\": \"b\",\n{\"id\": \"c\"}\n";
        ImportReport report = run(ImportFormat.JSONL, PEOPLE, OnError.SKIP, jsonl);
        assertThat(report.entitiesWritten()).isEqualTo(2);
        assertThat(report.skipped()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).startsWith("malformed JSON");
        });

        ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
                () -> run(ImportFormat.JSON, PEOPLE, OnError.SKIP, "[{\"id\": \"d\"},\n {\"id\": }]"));
        assertThat(e.row().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void anExportLineWithAnUnknownPropertyOrMemberNamesIt() {
        c.updateSchema(s -> s.entityType("Person", Map.of("name", ValueType.STRING)));
        String jsonl = """
                {"key": "a", "type": "Person", "properties": {"nick": "x"}}
                {"key": "b", "type": "Person", "colour": "red"}
                {"key": "c", "type": "Nobody"}
                {"key": "d", "type": "Person", "properties": {"name": "D"}, "edges": [{"type": "knows", "to": "a"}]}
                {"key": "e", "type": "Person", "properties": {"name": "E"}}
                """;
        ImportReport report = Importer.run(c, new StringReader(jsonl), ImportOptions.exportFormat().withOnError(OnError.SKIP), r -> {
        });
        assertThat(report.skipped()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "properties.nick"),
                org.assertj.core.groups.Tuple.tuple(2L, "colour"),
                org.assertj.core.groups.Tuple.tuple(3L, "type"),
                org.assertj.core.groups.Tuple.tuple(4L, "edges[0]"));
        assertThat(report.skipped()).allSatisfy(r -> assertThat(r.describe()).startsWith("line " + r.line()));
        assertThat(report.entitiesWritten()).isEqualTo(1);
    }

    @Test
    void anEmptyTextForAListOrMapPropertyIsABadRowNotAFailedImport() {
        c.updateSchema(s -> s.entityType("Person", Map.of("tags", ValueType.LIST)));
        String jsonl = """
                {"key": "a", "type": "Person", "properties": {"tags": ""}}
                {"key": "b", "type": "Person", "properties": {"tags": "[1]"}}
                """;
        ImportReport report = Importer.run(c, new StringReader(jsonl), ImportOptions.exportFormat().withOnError(OnError.SKIP), r -> {
        });
        assertThat(report.skipped()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.field()).isEqualTo("properties.tags");
            assertThat(r.reason()).contains("expected JSON text");
        });
        assertThat(report.entitiesWritten()).isEqualTo(1);
    }

    @Test
    void aFinishedImportCompactsUnlessToldNotToAndAFailedOneDoesNot() {
        String jsonl = "{\"id\": \"a\"}\n{\"id\": \"b\"}\n";
        ImportReport compacted = run(ImportFormat.JSONL, PEOPLE, OnError.FAIL, jsonl);
        assertThat(compacted.compacted()).isTrue();
        assertThat(compacted.compactMillis()).isNotNegative();
        ImportReport notCompacted = Importer.run(c, new StringReader(jsonl),
                new ImportOptions(ImportFormat.JSONL, PEOPLE, OnError.FAIL, 1).withCompact(false), r -> {
                });
        assertThat(notCompacted.compacted()).isFalse();
        assertThat(notCompacted.compactMillis()).isEqualTo(-1);
        assertThat(notCompacted.readCpuNanos()).isPositive();
        ImportFailedException failed = catchThrowableOfType(ImportFailedException.class,
                () -> Importer.run(c, new StringReader(jsonl + "{\"id\": [5]}\n"),
                        new ImportOptions(ImportFormat.JSONL, PEOPLE, OnError.FAIL, 2), r -> {
                        }));
        assertThat(failed.report().entitiesWritten()).isEqualTo(2);
        assertThat(failed.report().compacted()).isFalse();
    }

    @Test
    void progressHearsOfEveryCommittedBatch() {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            jsonl.append("{\"id\": \"k").append(i).append("\", \"knows\": [\"k").append(i + 1).append("\"]}\n");
        }
        List<Long> written = new ArrayList<>();
        ImportReport report = Importer.run(c, new StringReader(jsonl.toString()),
                new ImportOptions(ImportFormat.JSONL, PEOPLE, OnError.FAIL, 10), r -> written.add(r.entitiesWritten()));
        assertThat(written).containsExactly(10L, 20L, 25L);
        assertThat(report.batches()).isEqualTo(3);
        List<Edge> out = c.read(v -> v.graph().outgoing(c.ids().forKey("k24")));
        assertThat(out).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(c.ids().forKey("k25")));
    }

    @Test
    void mappingErrorsNameTheMember() {
        assertThatThrownBy(() -> ImportMapping.fromJson(parse("{\"type\": \"T\"}")))
                .hasMessageContaining("key must be a non-empty string");
        assertThatThrownBy(() -> ImportMapping.fromJson(parse("{\"key\": \"k\", \"type\": \"T\", \"properties\": {\"a\": \"wat\"}}")))
                .hasMessageContaining("property a: 'wat' is not a property type");
        assertThatThrownBy(() -> ImportMapping.fromJson(parse("{\"key\": \"k\"}")))
                .hasMessageContaining("either a fixed entity type or a type column");
        assertThatThrownBy(() -> ImportMapping.vector("emb:emb:3")).hasMessageContaining("both dimension and metric");
        assertThatThrownBy(() -> ImportMapping.edge("friends")).hasMessageContaining("column:edgeType[:weightColumn]");
    }

    private long count() {
        return c.read(v -> v.entities().count());
    }

    private ImportReport run(ImportFormat format, ImportMapping mapping, OnError onError, String input) {
        return Importer.run(c, new StringReader(input), new ImportOptions(format, mapping, onError, ImportOptions.DEFAULT_BATCH), r -> {
        });
    }

    private static Object parse(String json) {
        try (var p = new JsonFactory().createParser(json)) {
            return JsonTree.read(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
