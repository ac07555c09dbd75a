package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.store.ColumnFamilies;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain {@link RocksDB} (no transaction layer) with manifold's column families and the options
 * manifold's {@code CollectionStore.open} uses (same table format, bloom filter, compression,
 * memtable size, background jobs, WAL limits, shared cache and write-buffer manager): the
 * baseline the benchmark compares manifold with. Owns its native objects. Thread-safe.
 */
final class RawRocksStore implements AutoCloseable {
    private final Path dir;
    private final DBOptions dbOptions;
    private final BloomFilter bloomFilter;
    private final ColumnFamilyOptions cfOptions;
    private final List<ColumnFamilyHandle> handles;
    private final RocksDB db;
    private final ColumnFamilyHandle entities;
    private final ColumnFamilyHandle edgesOut;
    private final ColumnFamilyHandle edgesIn;
    private final ColumnFamilyHandle changes;

    private RawRocksStore(Path dir, DBOptions dbOptions, BloomFilter bloomFilter, ColumnFamilyOptions cfOptions,
                          List<ColumnFamilyHandle> handles, RocksDB db) {
        this.dir = dir;
        this.dbOptions = dbOptions;
        this.bloomFilter = bloomFilter;
        this.cfOptions = cfOptions;
        this.handles = handles;
        this.db = db;
        this.entities = family(ColumnFamilies.ENTITIES);
        this.edgesOut = family(ColumnFamilies.EDGES_OUT);
        this.edgesIn = family(ColumnFamilies.EDGES_IN);
        this.changes = family(ColumnFamilies.CHANGES);
    }

    static RawRocksStore open(Path dir, RawRocksResources shared) throws RocksDBException {
        DatabaseOptions options = shared.options();
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(shared.writeBufferManager())
                .setMaxBackgroundJobs(options.backgroundJobs())
                .setKeepLogFileNum(3)
                .setMaxTotalWalSize(4 * options.memtableBytes());
        if (shared.rowCache() != null) {
            dbOptions.setRowCache(shared.rowCache());
        }
        BloomFilter bloom = new BloomFilter(options.bloomBitsPerKey(), false);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(shared.blockCache())
                .setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setBlockSize(16 * 1024)
                .setFormatVersion(5);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(options.memtableBytes())
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (String name : ColumnFamilies.FIXED) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new RawRocksStore(dir, dbOptions, bloom, cfOptions, handles, db);
        } catch (RocksDBException | RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            cfOptions.close();
            bloom.close();
            dbOptions.close();
            throw e;
        }
    }

    RocksDB db() {
        return db;
    }

    Path dir() {
        return dir;
    }

    ColumnFamilyHandle entities() {
        return entities;
    }

    ColumnFamilyHandle edgesOut() {
        return edgesOut;
    }

    ColumnFamilyHandle edgesIn() {
        return edgesIn;
    }

    ColumnFamilyHandle changes() {
        return changes;
    }

    /** The handles of manifold's fixed families (not {@code default}). */
    List<ColumnFamilyHandle> families() {
        return handles.subList(1, handles.size());
    }

    /** The handle of a fixed family; handles are in {@code default, FIXED…} order. */
    private ColumnFamilyHandle family(String name) {
        return handles.get(1 + ColumnFamilies.FIXED.indexOf(name));
    }

    @Override
    public void close() {
        try {
            db.flushWal(true);
        } catch (RocksDBException ignored) {
            // closing a benchmark store: the data is deleted next
        }
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).close();
        }
        db.close();
        cfOptions.close();
        bloomFilter.close();
        dbOptions.close();
    }
}
