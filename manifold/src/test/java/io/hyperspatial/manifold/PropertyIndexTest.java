package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaCodec;
import io.hyperspatial.manifold.table.IndexKeyCodec;
import io.hyperspatial.manifold.table.PropertyIndexTable.Bound;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property indexes against an in-memory model: random upserts, patches (NULL included) and
 * deletes of two entity types, with an index declared before the data and one built over it
 * midway; every index's equality and range answers are compared with the model's at intervals,
 * after a reopen and after an index is dropped and declared again.
 */
class PropertyIndexTest {
    private static final int OPERATIONS = 1_500;
    private static final List<String> KEYS = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "k" + i).toList();

    @TempDir
    Path dir;

    /** The model: per entity, its type and properties. */
    private final Map<UUID, String> types = new HashMap<>();
    private final Map<UUID, Map<String, Value>> properties = new HashMap<>();

    private static void declare(io.hyperspatial.manifold.schema.SchemaEditor s) {
        s.entityType("Item", Map.of("n", ValueType.INT64, "f", ValueType.FLOAT64, "s", ValueType.STRING))
                .entityType("Other", Map.of("n", ValueType.INT64))
                .propertyIndex("item_n", "Item", "n")
                .propertyIndex("item_s", "Item", "s");
    }

    private static Value randomValue(Random r, String property) {
        if (r.nextInt(6) == 0) {
            return Value.NULL;
        }
        return switch (property) {
            case "n" -> Value.of((long) r.nextInt(21) - 10);
            case "f" -> Value.of((r.nextInt(41) - 20) / 4.0);
            default -> Value.of(List.of("", "a", "ab", "b", "Zürich", "\u0000x").get(r.nextInt(6)));
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 20_260_401L})
    void indexesAnswerAsTheModelDoes(long seed) {
        Random r = new Random(seed);
        try (Database db = TestCollections.open(dir)) {
            Collection c = db.createCollection("ix");
            c.updateSchema(PropertyIndexTest::declare);
            for (int op = 0; op < OPERATIONS; op++) {
                step(c, r);
                if (op == OPERATIONS / 2) {
                    c.updateSchema(s -> s.propertyIndex("item_f", "Item", "f"));
                }
                if (op % 300 == 299) {
                    check(c, r, "op " + op + " seed " + seed);
                }
            }
        }
        try (Database db = TestCollections.open(dir)) {
            Collection c = db.collection("ix");
            check(c, r, "after reopen, seed " + seed);
            c.updateSchema(s -> s.dropPropertyIndex("item_s"));
            assertThat(c.schema().propertyIndexes()).doesNotContainKey("item_s");
            c.updateSchema(s -> s.propertyIndex("item_s", "Item", "s"));
            check(c, r, "after drop and rebuild, seed " + seed);
        }
    }

    private void step(Collection c, Random r) {
        UUID id = c.ids().forKey(KEYS.get(r.nextInt(KEYS.size())));
        int kind = r.nextInt(10);
        if (kind == 0) {
            c.write(tx -> tx.deleteEntity(id));
            types.remove(id);
            properties.remove(id);
            return;
        }
        String type = types.getOrDefault(id, r.nextInt(4) == 0 ? "Other" : "Item");
        List<String> names = type.equals("Item") ? List.of("n", "f", "s") : List.of("n");
        Map<String, Value> patch = new LinkedHashMap<>();
        for (String name : names) {
            if (r.nextBoolean()) {
                patch.put(name, randomValue(r, name));
            }
        }
        String key = KEYS.stream().filter(k -> c.ids().forKey(k).equals(id)).findFirst().orElseThrow();
        c.write(tx -> {
            tx.upsertEntity(key, type);
            tx.patchProperties(id, patch);
        });
        types.put(id, type);
        Map<String, Value> props = properties.computeIfAbsent(id, x -> new HashMap<>());
        patch.forEach((name, v) -> {
            if (v instanceof Value.NullValue) {
                props.remove(name);
            } else {
                props.put(name, v);
            }
        });
    }

    private void check(Collection c, Random r, String where) {
        Map<String, String> indexed = new LinkedHashMap<>();
        c.schema().propertyIndexes().values().forEach(d -> indexed.put(d.name(), d.property()));
        try (ReadView view = c.snapshot()) {
            for (Map.Entry<String, String> e : indexed.entrySet()) {
                String property = e.getValue();
                assertThat(view.propertyIndexes().all(e.getKey())).as(where + " all " + e.getKey())
                        .containsExactlyElementsOf(expected(property, null, null));
                for (int i = 0; i < 20; i++) {
                    Value probe = randomValue(r, property);
                    assertThat(view.propertyIndexes().equal(e.getKey(), probe)).as(where + " = " + probe)
                            .containsExactlyElementsOf(probe instanceof Value.NullValue ? List.of()
                                    : expected(property, new Bound(probe, true), new Bound(probe, true)));
                    Value lo = randomValue(r, property);
                    Value hi = randomValue(r, property);
                    Bound lower = lo instanceof Value.NullValue ? null : new Bound(lo, r.nextBoolean());
                    Bound upper = hi instanceof Value.NullValue ? null : new Bound(hi, r.nextBoolean());
                    assertThat(view.propertyIndexes().range(e.getKey(), lower, upper, Integer.MAX_VALUE))
                            .as(where + " range " + lower + " .. " + upper)
                            .containsExactlyElementsOf(expected(property, lower, upper));
                }
            }
        }
    }

    /** Items whose property is within the bounds, in value order then id order, from the model. */
    private List<UUID> expected(String property, Bound lower, Bound upper) {
        Comparator<byte[]> bytes = Arrays::compareUnsigned;
        record Entry(byte[] key, UUID id) {
        }
        List<Entry> out = new ArrayList<>();
        properties.forEach((id, props) -> {
            Value v = props.get(property);
            if (!types.get(id).equals("Item") || v == null) {
                return;
            }
            byte[] key = IndexKeyCodec.encode(v);
            if (lower != null) {
                int cmp = bytes.compare(key, IndexKeyCodec.encode(lower.value()));
                if (cmp < 0 || (cmp == 0 && !lower.inclusive())) {
                    return;
                }
            }
            if (upper != null) {
                int cmp = bytes.compare(key, IndexKeyCodec.encode(upper.value()));
                if (cmp > 0 || (cmp == 0 && !upper.inclusive())) {
                    return;
                }
            }
            out.add(new Entry(key, id));
        });
        out.sort(Comparator.comparing(Entry::key, bytes).thenComparing(Entry::id,
                Comparator.comparing((UUID u) -> u.getMostSignificantBits(), Long::compareUnsigned)
                        .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned)));
        return out.stream().map(Entry::id).toList();
    }

    @Test
    void aDroppedTypeMustBeEmptyAndTakesItsIndexesAlong() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = db.createCollection("drop");
            c.updateSchema(PropertyIndexTest::declare);
            c.write(tx -> tx.upsertEntity("a", "Item"));
            assertThatThrownBy(() -> c.updateSchema(s -> s.dropEntityType("Item")))
                    .isInstanceOfSatisfying(ManifoldException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertThat(c.schema().entityTypes()).containsKey("Item");
            c.write(tx -> tx.deleteEntity(c.ids().forKey("a")));
            c.updateSchema(s -> s.dropEntityType("Item"));
            assertThat(c.schema().entityTypes()).doesNotContainKey("Item");
            assertThat(c.schema().propertyIndexes()).isEmpty();
        }
    }

    @Test
    void listsCannotBeIndexedAndAPropertyHasOneIndex() {
        Schema s = Schema.EMPTY.edit().entityType("T", Map.of("l", ValueType.LIST, "x", ValueType.STRING)).build();
        assertThatThrownBy(() -> s.edit().propertyIndex("t_l", "T", "l").build())
                .isInstanceOfSatisfying(ManifoldException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        Schema indexed = s.edit().propertyIndex("t_x", "T", "x").build();
        assertThat(indexed.edit().propertyIndex("t_x", "T", "x").build()).isSameAs(indexed);
        assertThatThrownBy(() -> indexed.edit().propertyIndex("other", "T", "x").build())
                .isInstanceOfSatisfying(ManifoldException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_CONFLICT));
    }

    @Test
    void theCatalogKeepsIndexesAndEncodesAsBeforeWithoutThem() {
        Schema plain = Schema.EMPTY.edit().entityType("T", Map.of("x", ValueType.STRING)).build();
        Schema indexed = plain.edit().propertyIndex("t_x", "T", "x").build();
        assertThat(SchemaCodec.decode(SchemaCodec.encode(indexed))).isEqualTo(indexed);
        assertThat(new String(SchemaCodec.encode(plain), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("property_indexes");
    }
}
