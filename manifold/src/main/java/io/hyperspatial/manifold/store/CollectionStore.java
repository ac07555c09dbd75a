package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.DBOptions;
import org.rocksdb.OptimisticTransactionDB;
import org.rocksdb.OptimisticTransactionOptions;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open RocksDB instance (an {@link OptimisticTransactionDB}) holding one collection, with its
 * column family handles. Owns every native object it creates and closes them in reverse order.
 * Thread-safe: RocksDB handles may be used concurrently; adding a vector family is synchronised.
 */
public final class CollectionStore implements AutoCloseable {
    /** Memtable bloom filter size as a fraction of the memtable size (see {@link #familyOptions}). */
    private static final double MEMTABLE_BLOOM_RATIO = 0.02;
    /**
     * Keys between restart points in the entities family's data blocks (RocksDB's default is 16).
     * Entity ids are random UUIDs, so neighbouring keys share almost no prefix and a restart
     * point costs little more than the 4 bytes of its offset; a point read then decodes at most
     * this many keys after the binary or hash search instead of up to 16.
     */
    private static final int ENTITY_RESTART_INTERVAL = 4;

    private final Path dir;
    private final DBOptions dbOptions;
    private final BloomFilter bloomFilter;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyOptions trackedCfOptions;
    private final ColumnFamilyOptions probedCfOptions;
    private final OptimisticTransactionDB db;
    private final RocksDB baseDb;
    private final Map<String, ColumnFamilyHandle> families = new ConcurrentHashMap<>();
    private final List<ColumnFamilyHandle> openOrder = new ArrayList<>();
    private final WriteOptions syncedWrites = new WriteOptions().setSync(true);
    private final WriteOptions unsyncedWrites = new WriteOptions().setSync(false);
    private final OptimisticTransactionOptions transactionOptions = new OptimisticTransactionOptions();

    private CollectionStore(Path dir, DBOptions dbOptions, BloomFilter bloomFilter, ColumnFamilyOptions cfOptions,
                            ColumnFamilyOptions trackedCfOptions, ColumnFamilyOptions probedCfOptions,
                            OptimisticTransactionDB db, List<ColumnFamilyDescriptor> descriptors,
                            List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.dbOptions = dbOptions;
        this.bloomFilter = bloomFilter;
        this.cfOptions = cfOptions;
        this.trackedCfOptions = trackedCfOptions;
        this.probedCfOptions = probedCfOptions;
        this.db = db;
        this.baseDb = db.getBaseDB();
        for (int i = 0; i < handles.size(); i++) {
            families.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
            openOrder.add(handles.get(i));
        }
    }

    /**
     * Opens (or with {@code create}, creates) the RocksDB instance in {@code dir} with every
     * column family it has plus the fixed ones.
     */
    public static CollectionStore open(Path dir, DatabaseOptions options, SharedResources shared, boolean create) {
        DBOptions dbOptions = null;
        BloomFilter bloom = null;
        ColumnFamilyOptions cfOptions = null;
        ColumnFamilyOptions trackedCfOptions = null;
        ColumnFamilyOptions probedCfOptions = null;
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            dbOptions = new DBOptions()
                    .setCreateIfMissing(create)
                    .setCreateMissingColumnFamilies(true)
                    .setWriteBufferManager(shared.writeBufferManager())
                    .setMaxBackgroundJobs(options.backgroundJobs())
                    .setKeepLogFileNum(3)
                    .setMaxTotalWalSize(4 * options.memtableBytes());
            if (shared.rowCache() != null) {
                dbOptions.setRowCache(shared.rowCache());
            }
            bloom = new BloomFilter(options.bloomBitsPerKey(), false);
            BlockBasedTableConfig table = tableConfig(shared, bloom, 16);
            BlockBasedTableConfig entityTable = tableConfig(shared, bloom, ENTITY_RESTART_INTERVAL);
            // Nothing in the other families is tracked by transactions: no conflict-check history.
            cfOptions = familyOptions(table, options, 1, false);
            // Entity headers are what optimistic transactions track; a commit whose snapshot is
            // older than this history fails as a conflict and is retried.
            trackedCfOptions = familyOptions(entityTable, options, options.memtableBytes(), true);
            probedCfOptions = familyOptions(table, options, 1, true);

            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : familyNames(dir, create)) {
                ColumnFamilyOptions o = name.equals(ColumnFamilies.ENTITIES) ? trackedCfOptions
                        : name.equals(ColumnFamilies.EDGES_OUT) ? probedCfOptions : cfOptions;
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), o));
            }
            OptimisticTransactionDB db = OptimisticTransactionDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new CollectionStore(dir, dbOptions, bloom, cfOptions, trackedCfOptions, probedCfOptions, db,
                    descriptors, handles);
        } catch (RocksDBException e) {
            handles.forEach(ColumnFamilyHandle::close);
            closeAll(probedCfOptions, trackedCfOptions, cfOptions, bloom, dbOptions);
            throw StorageErrors.wrap("open collection at " + dir, e);
        } catch (RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            closeAll(probedCfOptions, trackedCfOptions, cfOptions, bloom, dbOptions);
            throw e;
        }
    }

    /**
     * The table format of a column family: 16 KiB blocks in the shared block cache with their
     * index and filter blocks, a whole-key bloom filter, and a hash index inside each data block
     * besides the binary-search one (about one byte per key), with which a point read finds its
     * key's restart point without a binary search; scans ignore it. Files written without it
     * stay readable, and older RocksDB versions (5.15 on) read files written with it.
     */
    private static BlockBasedTableConfig tableConfig(SharedResources shared, BloomFilter bloom, int restartInterval) {
        return new BlockBasedTableConfig()
                .setBlockCache(shared.blockCache())
                .setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setBlockSize(16 * 1024)
                .setBlockRestartInterval(restartInterval)
                .setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash)
                .setDataBlockHashTableUtilRatio(0.75)
                .setFormatVersion(5);
    }

    /**
     * Options of a column family. {@code historyBytes} bounds the flushed memtables that
     * OptimisticTransactionDB keeps to check conflicts (left at 0 it keeps max_write_buffer_number
     * of them, pinning memory in the shared cache). RocksJava has no setter for it, hence the
     * properties form. {@code probed}: a whole-key bloom filter in each memtable, for the families
     * that every write reads before it writes (entity headers, existing out-edges), most of whose
     * keys are new: a lookup of an absent key then skips the skip-list search. It costs
     * {@link #MEMTABLE_BLOOM_RATIO} of the memtable size.
     */
    private static ColumnFamilyOptions familyOptions(BlockBasedTableConfig table, DatabaseOptions options,
                                                     long historyBytes, boolean probed) {
        Properties props = new Properties();
        props.setProperty("max_write_buffer_size_to_maintain", Long.toString(historyBytes));
        ColumnFamilyOptions o = ColumnFamilyOptions.getColumnFamilyOptionsFromProps(props);
        if (o == null) {
            throw new StorageException(ErrorCode.STORAGE_IO, "RocksDB rejected column family options " + props);
        }
        return o.setTableFormatConfig(table)
                .setWriteBufferSize(options.memtableBytes())
                .setMemtablePrefixBloomSizeRatio(probed ? MEMTABLE_BLOOM_RATIO : 0)
                .setMemtableWholeKeyFiltering(probed)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true);
    }

    private static List<String> familyNames(Path dir, boolean create) throws RocksDBException {
        Map<String, Boolean> names = new LinkedHashMap<>();
        names.put(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8), true);
        ColumnFamilies.FIXED.forEach(n -> names.put(n, true));
        if (dir.resolve("CURRENT").toFile().exists()) {
            try (Options o = new Options()) {
                for (byte[] existing : RocksDB.listColumnFamilies(o, dir.toString())) {
                    names.put(new String(existing, StandardCharsets.UTF_8), true);
                }
            }
        } else if (!create) {
            throw new StorageException(ErrorCode.STORAGE_IO, "no collection store at " + dir);
        }
        return new ArrayList<>(names.keySet());
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // closing after a failed open: the open failure is what gets reported
                }
            }
        }
    }

    public OptimisticTransactionDB db() {
        return db;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Point deletions written straight to the base DB in batches (see {@link KeyDeletes}). Only for
     * families whose keys no transaction tracks for conflicts (change feed, measures).
     */
    public KeyDeletes keyDeletes(WriteOptions options, KeyDeletes.BeforeWrite beforeWrite) {
        return new KeyDeletes(baseDb, options, beforeWrite);
    }

    /**
     * Writes a batch straight to the base DB, past the optimistic layer (which would rebuild it
     * into a transaction to check conflicts). Only for writers that keep conflicting writers out
     * themselves (bulk loads hold the collection's write gate exclusively).
     */
    public void writeUnchecked(WriteOptions options, WriteBatch batch) throws RocksDBException {
        baseDb.write(options, batch);
    }

    /** Write options for a durability level: fsync before returning only for {@link Durability#STRICT}. */
    public WriteOptions writeOptions(Durability durability) {
        return durability == Durability.STRICT ? syncedWrites : unsyncedWrites;
    }

    public OptimisticTransactionOptions transactionOptions() {
        return transactionOptions;
    }

    /** The handle of a fixed family (see {@link ColumnFamilies}). */
    public ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle h = families.get(name);
        if (h == null) {
            throw new StorageException(ErrorCode.CORRUPTION, "column family '" + name + "' missing in " + dir);
        }
        return h;
    }

    /** The family of a vector field, or null if nothing was ever written to it. */
    public ColumnFamilyHandle existingVectorFamily(String field) {
        return families.get(ColumnFamilies.vectors(field));
    }

    /** The family of a vector field, created on first use. */
    public synchronized ColumnFamilyHandle vectorFamily(String field) {
        String name = ColumnFamilies.vectors(field);
        ColumnFamilyHandle h = families.get(name);
        if (h == null) {
            try {
                h = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
            } catch (RocksDBException e) {
                throw StorageErrors.wrap("create column family " + name, e);
            }
            families.put(name, h);
            openOrder.add(h);
        }
        return h;
    }

    /** A RocksDB property of one family, e.g. {@code rocksdb.estimate-num-keys}; 0 if unavailable. */
    public long longProperty(String family, String property) {
        try {
            return db.getLongProperty(family(family), property);
        } catch (RocksDBException e) {
            return 0;
        }
    }

    /** A RocksDB property summed over all families. */
    public long longPropertyAll(String property) {
        long sum = 0;
        for (ColumnFamilyHandle h : families.values()) {
            try {
                sum += db.getLongProperty(h, property);
            } catch (RocksDBException ignored) {
                // a property not kept for this family counts as zero
            }
        }
        return sum;
    }

    /**
     * Flushes the memtables and compacts every column family into one sorted run at the bottom
     * level. Reads and writes continue meanwhile; returns when done.
     */
    public void compactAll() {
        for (ColumnFamilyHandle h : families.values()) {
            try {
                db.compactRange(h);
            } catch (RocksDBException e) {
                throw StorageErrors.wrap("compact", e);
            }
        }
    }

    /** fsyncs the write-ahead log. */
    public void syncWal() {
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("sync write-ahead log", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.flushWal(true);
        } catch (RocksDBException ignored) {
            // nothing more can be done here; the WAL was written on every commit
        }
        for (int i = openOrder.size() - 1; i >= 0; i--) {
            openOrder.get(i).close();
        }
        db.close();
        transactionOptions.close();
        unsyncedWrites.close();
        syncedWrites.close();
        probedCfOptions.close();
        trackedCfOptions.close();
        cfOptions.close();
        bloomFilter.close();
        dbOptions.close();
    }
}
