package io.hyperspatial.cli;

import io.hyperspatial.cli.output.JsonWriter;
import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial search}: the k entities nearest to a vector (given, or another entity's)
 * in a dense vector field, through the field's HNSW index. The index is loaded from its snapshot
 * (or built from the collection the first time, and snapshotted when the command ends).
 */
@Command(name = "search", description = {"The k entities nearest to a vector in a dense vector field (HNSW index).",
        "Give the query as --vector 'x,y,…' or as --like KEY (that entity's own vector; it is left out of the results)."})
final class SearchCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TABLE, JSON }

    /** Exactly one way of giving the query. */
    static final class Query {
        @Option(names = "--vector", paramLabel = "X,Y,…", required = true, split = ",",
                description = "The query vector, comma-separated.")
        float[] vector;

        @Option(names = "--like", paramLabel = "KEY", required = true,
                description = "Use this entity's vector as the query.")
        String like;
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
    private String collection;

    @Option(names = "--field", paramLabel = "FIELD", required = true,
            description = "A dense vector field, or position.graph (graph positions; query with --like).")
    private String field;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Query query;

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "How many results (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--ef", paramLabel = "EF", defaultValue = "0",
            description = "Candidates examined; larger is more exact and slower (default: the index's, 64).")
    private int ef;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    private Format format;

    @Override
    public Integer call() {
        if (k < 1 || ef < 0) {
            throw new CommandFailure("-k must be at least 1 and --ef not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HyperspatialDatabase db = HyperspatialDatabase.open(data.openExisting(), CollectionIndexer::defaultConfig,
                SnapshotPolicy.AT_SHUTDOWN)) {
            Collection c = db.collection(collection);
            UUID self = query.like == null ? null : c.ids().forKey(query.like);
            long started = System.nanoTime();
            CollectionIndexer indexer = db.indexer(collection);
            long built = System.nanoTime();
            List<EntityHit> found = query.vector != null ? indexer.search(field, query.vector, k, ef, null)
                    : nearestTo(c, indexer, self);
            List<EntityHit> hits = found.stream().filter(h -> !h.entity().equals(self)).limit(k).toList();
            long searched = System.nanoTime();
            try (ReadView view = c.snapshot()) {
                if (format == Format.JSON) {
                    printJson(out, view, hits);
                } else {
                    printTable(out, view, hits);
                    String source = indexer.stats().stream().filter(s -> s.field().equals(field)).findFirst()
                            .map(s -> s.source().name().toLowerCase(Locale.ROOT)).orElse("built");
                    out.printf(Locale.ROOT, "%n%d results; index of %d vectors %s in %.2f s, search %.2f ms%n",
                            hits.size(), indexer.index(field).size(), source, (built - started) / 1e9, (searched - built) / 1e6);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The k + 1 nearest to an entity's own point (it is among them), at the precision its point is stored in. */
    private List<EntityHit> nearestTo(Collection c, CollectionIndexer indexer, UUID id) {
        if (!c.read(view -> view.entities().exists(id))) {
            throw new CommandFailure("collection '" + collection + "' has no entity with key '" + query.like + "'");
        }
        Optional<List<EntityHit>> hits = indexer.searchLike(field, id, k + 1, ef, null);
        return hits.orElseThrow(() -> new CommandFailure("entity '" + query.like + "' has no "
                + (CollectionIndexer.isPositionIndex(field) ? "position in '" : "vector in field '") + field + "'"));
    }

    /** Hits as a table: rank, key, type, distance and the entity's {@code name} property if any. */
    static void printTable(PrintWriter out, ReadView view, List<EntityHit> hits) {
        TextTable table = new TextTable("#", "KEY", "TYPE", "DISTANCE", "NAME").alignRight(0, 3);
        int rank = 1;
        for (EntityHit h : hits) {
            Optional<Entity> e = view.entities().get(h.entity());
            table.add(rank++, e.flatMap(Entity::key).orElse(h.entity().toString()), e.map(Entity::type).orElse("?"),
                    String.format(Locale.ROOT, "%.6f", h.distance()), name(view, h.entity()));
        }
        table.print(out);
    }

    private static void printJson(PrintWriter out, ReadView view, List<EntityHit> hits) {
        JsonWriter json = new JsonWriter().beginObject().name("results").beginArray();
        for (EntityHit h : hits) {
            Optional<Entity> e = view.entities().get(h.entity());
            json.beginObject().name("id").value(h.entity().toString());
            json.name("key");
            if (e.flatMap(Entity::key).isPresent()) {
                json.value(e.get().key().get());
            } else {
                json.nullValue();
            }
            json.name("type").value(e.map(Entity::type).orElse("?")).name("distance").value(h.distance()).endObject();
        }
        out.println(json.endArray().endObject());
    }

    /** The entity's {@code name} property when it is a string, else empty. */
    private static String name(ReadView view, UUID id) {
        Value v = view.properties().all(id).get("name");
        return v instanceof Value.StringValue s ? s.value() : "";
    }
}
