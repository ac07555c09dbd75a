package io.hyperspatial.cli;

import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCommandTest {
    @TempDir Path tmp;

    private void declare() {
        try (Database db = Database.open(tmp, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.createCollection("words");
            c.updateSchema(e -> e.entityType("Synset", Map.of("name", ValueType.STRING))
                    .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                    .vectorField("ball", VectorKind.DENSE, 2, VectorMetric.POINCARE)
                    .edgeType("hypernym")
                    .measure("views", Duration.ofDays(30)));
            GraphPositioner.declare(c, 4, List.of("hypernym"));
        }
    }

    @Test
    void printsEveryPartOfTheSchemaWithPositionSpacesAndSqlTables() {
        declare();
        Cli r = Cli.run("schema", "--data", tmp.toString(), "-c", "words");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Schema of collection 'words' in " + tmp.toAbsolutePath().normalize() + " (revision ")
                .contains("ENTITY TYPE  PROPERTIES\nSynset       name string\n")
                .contains("VECTOR FIELD  KIND   DIMENSION  METRIC    INDEX\n"
                        + "ball          dense          2  poincare  m=16 ef_construction=200 ef_search=64 quantization=none\n"
                        + "emb           dense          3  cosine    m=16 ef_construction=200 ef_search=64 quantization=none\n")
                .contains("EDGE TYPE\nhypernym\n")
                .contains("MEASURE  RETENTION\nviews    30 days\n")
                .contains("POSITION SPACE  DIMENSION  CURVATURE  LEARNED FROM\ngraph                   4        1.0  hypernym\n")
                .contains("(no property indexes)")
                .contains("SQL TABLE  COLUMNS\nSynset     key TEXT, name TEXT, emb VECTOR(3, cosine), ball VECTOR(2, poincare),"
                        + " graph_position VECTOR(4, poincare)\n");
    }

    @Test
    void jsonForPrograms() {
        declare();
        Cli r = Cli.run("schema", "--data", tmp.toString(), "-c", "words", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String compact = r.out().replaceAll("\\s", "");
        assertThat(compact).startsWith("{\"collection\":\"words\",\"revision\":")
                .contains("\"positionSpaces\":[{\"kind\":\"graph\",\"dimension\":4,\"curvature\":1,\"edgeTypes\":[\"hypernym\"]}]")
                .contains("\"measures\":[{\"name\":\"views\",\"retentionSeconds\":2592000}]")
                .contains("\"indexes\":[]");
    }

    @Test
    void aMissingCollectionOrDatabaseIsOneLine() {
        declare();
        assertThat(Cli.run("schema", "--data", tmp.toString(), "-c", "nope").err())
                .isEqualTo("error: collection 'nope' does not exist [collection.not_found]\n");
        assertThat(Cli.run("schema", "--data", tmp.resolve("none").toString(), "-c", "x").err())
                .startsWith("error: no database at ");
    }
}
