package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.TestCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** A fresh {@link TestCollections} collection {@code people} with two Person entities, alice and bob, per test. */
abstract class TwoPeopleFixture {
    @TempDir
    Path dir;

    Database db;
    Collection people;
    UUID alice;
    UUID bob;

    @BeforeEach
    void openWithTwoPeople() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
        alice = people.ids().forKey("alice");
        bob = people.ids().forKey("bob");
        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.upsertEntity("bob", "Person");
        });
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
