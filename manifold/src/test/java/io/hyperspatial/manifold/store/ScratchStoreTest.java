package io.hyperspatial.manifold.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.file.Path;

/** A test over a {@link ScratchStore} of its own, opened before each test and closed after it. */
abstract class ScratchStoreTest {
    @TempDir
    Path dir;

    ScratchStore scratch;
    CollectionStore store;
    ColumnFamilyHandle family;

    @BeforeEach
    void openScratch() {
        scratch = new ScratchStore(dir);
        store = scratch.store;
        family = scratch.family;
    }

    @AfterEach
    void closeScratch() {
        scratch.close();
    }
}
