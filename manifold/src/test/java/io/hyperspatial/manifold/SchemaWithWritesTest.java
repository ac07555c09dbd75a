package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Collection#updateSchema(java.util.function.Consumer, java.util.function.Consumer)}: a schema change and writes in one commit. */
class SchemaWithWritesTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection people;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = db.findCollection("people").orElseGet(() -> TestCollections.create(db, "people"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        open();
    }

    private Optional<Value> name(String key) {
        return people.read(v -> v.properties().get(people.ids().forKey(key), "name"));
    }

    private boolean exists(String key) {
        return people.read(v -> v.entities().exists(people.ids().forKey(key)));
    }

    @Test
    void theChangeAndTheWritesCommitTogetherAndSurviveAReopen() {
        long before = people.changes().lastSequence();
        people.updateSchema(e -> e.entityType("Pet", Map.of("name", ValueType.STRING)), tx -> {
            tx.upsertEntity("note", "City");
            tx.patchProperties(people.ids().forKey("note"), Map.of("name", Value.of("pet declared")));
        });
        assertThat(people.changes().lastSequence()).as("one commit").isEqualTo(before + 1);

        reopen();
        assertThat(people.schema().entityTypes()).containsKey("Pet");
        assertThat(name("note")).contains(Value.of("pet declared"));
    }

    @Test
    void aFailingWorkLeavesTheSchemaAsItWas() {
        long revision = people.schema().revision();
        assertThatThrownBy(() -> people.updateSchema(e -> e.entityType("Pet", Map.of("name", ValueType.STRING)), tx -> {
            tx.upsertEntity("note", "City");
            throw new IllegalStateException("injected");
        })).hasMessage("injected");

        reopen();
        assertThat(people.schema().revision()).isEqualTo(revision);
        assertThat(people.schema().entityTypes()).doesNotContainKey("Pet");
        assertThat(exists("note")).isFalse();
    }

    @Test
    void aRefusedChangeRollsTheWorkBack() {
        people.write(tx -> {
            tx.upsertEntity("rome", "City");
            tx.upsertEntity("oslo", "City");
        });
        assertThatThrownBy(() -> people.updateSchema(e -> e.dropEntityType("City"),
                tx -> tx.deleteEntity(people.ids().forKey("rome"))))
                .isInstanceOf(ManifoldException.class).hasMessageContaining("still has entities");

        reopen();
        assertThat(people.schema().entityTypes()).containsKey("City");
        assertThat(exists("rome")).isTrue();
    }

    @Test
    void theWorkCanEmptyATypeTheChangeDrops() {
        people.write(tx -> tx.upsertEntity("rome", "City"));
        people.updateSchema(e -> e.dropEntityType("City"), tx -> tx.deleteEntity(people.ids().forKey("rome")));

        reopen();
        assertThat(people.schema().entityTypes()).doesNotContainKey("City");
        assertThat(exists("rome")).isFalse();
    }
}
