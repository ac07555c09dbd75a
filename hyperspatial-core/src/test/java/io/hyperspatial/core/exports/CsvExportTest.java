package io.hyperspatial.core.exports;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hyperspatial.core.imports.RichCollection;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {
    @TempDir Path dir;

    @Test
    void oneRecordPerEntityWithPropertyColumnsAndJsonCells() throws Exception {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.createCollection("rich");
            RichCollection.fill(c, 3, 10);
            StringWriter out = new StringWriter();
            long n = c.read(v -> CsvExport.write(v, out));

            List<Map<String, Object>> rows = parse(out.toString());
            assertThat(n).isEqualTo(13);
            assertThat(rows).hasSize(13);
            assertThat(out.toString().lines().findFirst().orElseThrow()).isEqualTo("key,id,type,attrs,blob,count,flag,name,"
                    + "note,score,seen,tags,vectors,edges,measures,graph_position,embedding_position,property_position");
            Map<String, Object> t0 = rows.stream().filter(r -> "t0".equals(r.get("key"))).findFirst().orElseThrow();
            assertThat((String) t0.get("name")).startsWith("thing \"0\" \u00e9\n");
            assertThat((String) t0.get("tags")).isEqualTo("[\"a0\",0,0.5,true]");
            assertThat(t0.get("note")).isEqualTo("");
            Map<String, Object> vectors = JsonTree.object(parseJson((String) t0.get("vectors")), "vectors");
            assertThat(vectors).containsKeys("emb", "ball", "bag", "parts");
            assertThat(JsonTree.array(parseJson((String) t0.get("edges")), "edges")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(JsonTree.array(parseJson((String) t0.get("graph_position")), "graph")).hasSize(4);
            Map<String, Object> keyless = rows.stream().filter(r -> "Other".equals(r.get("type"))).findFirst().orElseThrow();
            assertThat(keyless.get("key")).isEqualTo("");
            assertThat((String) keyless.get("note")).startsWith("no key");
        }
    }

    @Test
    void anEmptyCollectionIsAHeaderRow() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.createCollection("empty");
            StringWriter out = new StringWriter();
            c.read(v -> CsvExport.write(v, out));
            assertThat(out.toString()).isEqualTo("key,id,type,vectors,edges,measures,graph_position,embedding_position,"
                    + "property_position\n");
        }
    }

    private static List<Map<String, Object>> parse(String csv) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvParser p = new CsvFactory().createParser(new StringReader(csv))) {
            p.setSchema(CsvSchema.emptySchema().withHeader());
            while (p.nextToken() != null) {
                rows.add(JsonTree.object(JsonTree.read(p), "row"));
            }
        }
        return rows;
    }

    private static Object parseJson(String json) throws Exception {
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            return JsonTree.read(p);
        }
    }
}
