package io.hyperspatial.core.demo;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemoDatasetTest {
    /** Recent, so the views measure's 30-day retention never trims points while a test runs. */
    private static final Instant ANCHOR = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @TempDir Path dir;

    @Test
    void writesTheAdvertisedCountsInSeveralTransactions() {
        DemoDataset demo = new DemoDataset(2100, 7, ANCHOR);
        withCollection(dir.resolve("a"), c -> {
            List<Long> progress = new ArrayList<>();
            DemoSummary summary = demo.writeTo(c, (written, total) -> {
                assertThat(total).isEqualTo(2100);
                progress.add(written);
            });
            assertThat(progress).containsExactly(1000L, 2000L, 2100L);
            assertThat(summary.categories()).isEqualTo(demo.categories()).isEqualTo(53);
            assertThat(summary.items()).isEqualTo(2047);
            // the schema change, then three data transactions
            assertThat(summary.lastSequence()).isEqualTo(4).isEqualTo(c.changes().lastSequence());
            c.read(view -> {
                Map<String, Integer> byType = new HashMap<>();
                view.entities().forEach(e -> byType.merge(e.type(), 1, Integer::sum));
                assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of("Category", 53, "Item", 2047));
                assertThat(view.entities().count()).isEqualTo(2100);
                long edges = 0;
                long points = 0;
                for (int i = 0; i < summary.items(); i++) {
                    UUID item = c.ids().forKey(DemoDataset.itemKey(i));
                    edges += view.graph().outgoing(item).size();
                    points += view.measures().range(item, DemoDataset.VIEWS, Long.MIN_VALUE, Long.MAX_VALUE).size();
                }
                for (int k = 0; k < summary.categories(); k++) {
                    edges += view.graph().outgoing(c.ids().forKey(DemoDataset.categoryKey(k))).size();
                }
                assertThat(edges).isEqualTo(summary.edges());
                assertThat(points).isEqualTo(summary.measurePoints()).isEqualTo(103L * DemoDataset.VIEWS_HOURS);
                return null;
            });
        });
    }

    @Test
    void edgesResolveAndFollowTheTaxonomy() {
        DemoDataset demo = new DemoDataset(2000, 3, ANCHOR);
        withCollection(dir, c -> {
            demo.writeTo(c, (w, t) -> { });
            c.read(view -> {
                Map<UUID, Entity> entities = new HashMap<>();
                view.entities().forEach(e -> entities.put(e.id(), e));
                int maxDepth = 0;
                for (Entity e : entities.values()) {
                    List<Edge> out = view.graph().outgoing(e.id());
                    for (Edge edge : out) {
                        assertThat(entities).as("target of %s", edge).containsKey(edge.to());
                    }
                    Map<String, Value> props = view.properties().all(e.id());
                    if (e.type().equals(DemoDataset.CATEGORY)) {
                        long depth = ((Value.IntValue) props.get("depth")).value();
                        maxDepth = (int) Math.max(maxDepth, depth);
                        checkCategory(view, entities, e, depth, out);
                    } else {
                        checkItem(view, entities, e, out);
                    }
                }
                assertThat(maxDepth).as("the tree has several levels").isGreaterThanOrEqualTo(2);
                return null;
            });
        });
    }

    private static void checkCategory(ReadView view, Map<UUID, Entity> entities, Entity category, long depth, List<Edge> out) {
        assertThat(out).allMatch(e -> e.type().equals(DemoDataset.SUBCATEGORY_OF));
        if (depth == 0) {
            assertThat(out).isEmpty();
        } else {
            assertThat(out).hasSize(1);
            Entity parent = entities.get(out.getFirst().to());
            assertThat(parent.type()).isEqualTo(DemoDataset.CATEGORY);
            assertThat(view.properties().get(parent.id(), "depth")).contains(Value.of(depth - 1));
        }
        assertThat(view.vectors().dense(category.id(), DemoDataset.EMBEDDING)).isEmpty();
    }

    private static void checkItem(ReadView view, Map<UUID, Entity> entities, Entity item, List<Edge> out) {
        float[] v = view.vectors().dense(item.id(), DemoDataset.EMBEDDING).orElseThrow();
        assertThat(v).hasSize(DemoDataset.DIMENSION);
        assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        List<Edge> categories = out.stream().filter(e -> e.type().equals(DemoDataset.IN_CATEGORY)).toList();
        assertThat(categories).hasSize(1);
        UUID category = categories.getFirst().to();
        assertThat(entities.get(category).type()).isEqualTo(DemoDataset.CATEGORY);
        assertThat(view.graph().incoming(category, DemoDataset.SUBCATEGORY_OF)).as("items sit in leaf categories").isEmpty();
        List<Edge> similar = out.stream().filter(e -> e.type().equals(DemoDataset.SIMILAR_TO)).toList();
        assertThat(similar).hasSizeLessThanOrEqualTo(3).hasSize(out.size() - 1);
        for (Edge s : similar) {
            assertThat(s.to()).isNotEqualTo(item.id());
            assertThat(entities.get(s.to()).type()).isEqualTo(DemoDataset.ITEM);
            float[] w = view.vectors().dense(s.to(), DemoDataset.EMBEDDING).orElseThrow();
            assertThat((double) s.weight()).isCloseTo(Math.max(0, dot(v, w)), within(1e-3));
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        String first = dump(dir.resolve("one"), new DemoDataset(300, 11, ANCHOR));
        String again = dump(dir.resolve("two"), new DemoDataset(300, 11, ANCHOR));
        String other = dump(dir.resolve("three"), new DemoDataset(300, 12, ANCHOR));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).contains("item:0|Item|").contains("category:0|Category|");
    }

    @Test
    void viewsEndAtTheAnchorHour() {
        Instant anchor = ANCHOR.plus(17, ChronoUnit.MINUTES);
        withCollection(dir, c -> {
            new DemoDataset(40, 5, anchor).writeTo(c, (w, t) -> { });
            List<MeasurePoint> points = c.read(v -> v.measures().range(c.ids().forKey(DemoDataset.itemKey(0)),
                    DemoDataset.VIEWS, Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(points).hasSize(DemoDataset.VIEWS_HOURS);
            assertThat(points.getLast().timeMillis()).isEqualTo(ANCHOR.toEpochMilli());
            assertThat(points.getFirst().timeMillis()).isEqualTo(ANCHOR.minus(71, ChronoUnit.HOURS).toEpochMilli());
            assertThat(points).allMatch(p -> p.value() >= 0 && p.value() == Math.rint(p.value()));
        });
    }

    @Test
    void rejectsEntityCountsOutOfRange() {
        assertThatThrownBy(() -> new DemoDataset(1, 1, ANCHOR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 5000000");
        assertThat(new DemoDataset(2, 1, ANCHOR).categories()).isEqualTo(1);
    }

    /** Every entity as one line, by key, with its properties, vector, outgoing edges (to keys) and views. */
    private static String dump(Path path, DemoDataset demo) {
        StringBuilder out = new StringBuilder();
        withCollection(path, c -> {
            demo.writeTo(c, (w, t) -> { });
            c.read(view -> {
                Map<UUID, String> keys = new HashMap<>();
                List<Entity> all = new ArrayList<>();
                view.entities().forEach(e -> {
                    keys.put(e.id(), e.key().orElseThrow());
                    all.add(e);
                });
                all.sort((a, b) -> a.key().orElseThrow().compareTo(b.key().orElseThrow()));
                for (Entity e : all) {
                    out.append(e.key().orElseThrow()).append('|').append(e.type()).append('|')
                            .append(view.properties().all(e.id())).append('|');
                    if (e.type().equals(DemoDataset.ITEM)) {
                        out.append(Arrays.toString(view.vectors().dense(e.id(), DemoDataset.EMBEDDING).orElseThrow()))
                                .append('|').append(view.measures().range(e.id(), DemoDataset.VIEWS, Long.MIN_VALUE, Long.MAX_VALUE));
                    }
                    view.graph().outgoing(e.id()).stream()
                            .map(edge -> edge.type() + "->" + keys.get(edge.to()) + "@" + edge.weight()).sorted()
                            .forEach(s -> out.append('|').append(s));
                    out.append('\n');
                }
                return null;
            });
        });
        return out.toString();
    }

    private static void withCollection(Path path, java.util.function.Consumer<Collection> body) {
        try (Database db = Database.open(path, DatabaseOptions.preset(StoragePreset.SMALL))) {
            body.accept(db.createCollection("demo"));
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
