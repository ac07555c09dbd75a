package io.hyperspatial.core.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test over one collection's SQL tables: a fresh database per test, set up by {@link #script()}, closed after. */
abstract class SqlCollectionTest {
    @TempDir
    Path dir;

    SqlCollection sql;

    /** The statements run before each test. */
    abstract String script();

    @BeforeEach
    void openCollection() {
        sql = new SqlCollection(dir);
        sql.engine.executeScript(script());
    }

    @AfterEach
    void closeCollection() {
        sql.close();
    }
}
