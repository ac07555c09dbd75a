package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.Directories;
import io.hyperspatial.manifold.store.SharedResources;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A directory of collections ({@code DIR/collections/NAME}), each its own RocksDB instance,
 * sharing one block cache and one write-buffer budget. One process at a time may open a
 * database (a lock file guards it). A maintenance thread closes idle collections, fsyncs
 * {@link Durability#BATCH} writes and applies retention. Thread-safe; close it when done.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");
    private static final String COLLECTIONS = "collections";
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    private final Path root;
    private final Path collectionsDir;
    private final DatabaseOptions options;
    private final SharedResources shared;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;
    private volatile boolean closed;

    private Database(Path root, DatabaseOptions options) throws IOException {
        this.root = root;
        this.options = options;
        this.collectionsDir = root.resolve(COLLECTIONS);
        Files.createDirectories(collectionsDir);
        this.lockChannel = FileChannel.open(root.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            lockChannel.close();
            throw e;
        }
        if (l == null) {
            lockChannel.close();
            throw new StorageException(ErrorCode.STORAGE_IO, "database " + root + " is in use (opened by this or another process)");
        }
        this.lock = l;
        removeLeftovers();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(collectionsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    collections.put(name, new Collection(this, name, d));
                }
            }
        }
        this.shared = new SharedResources(options);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hyperspatial-maintenance-" + root.getFileName());
            t.setDaemon(true);
            return t;
        });
        long syncMillis = options.batchSyncInterval().toMillis();
        maintenance.scheduleWithFixedDelay(() -> each(Collection::syncIfNeeded), syncMillis, syncMillis, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::housekeeping, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens (creating if needed) the database in {@code root} with default options. */
    public static Database open(Path root) {
        return open(root, DatabaseOptions.defaults());
    }

    public static Database open(Path root, DatabaseOptions options) {
        try {
            return new Database(root.toAbsolutePath(), options);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot open database at " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public DatabaseOptions options() {
        return options;
    }

    SharedResources shared() {
        return shared;
    }

    /** Bytes of the shared block cache in use, memtable reservations included. */
    public long cacheUsage() {
        return shared.cacheUsage();
    }

    /** Bytes of the shared row cache in use (0 when {@link DatabaseOptions#rowCacheBytes()} is 0). */
    public long rowCacheUsage() {
        return shared.rowCacheUsage();
    }

    /** Names of all collections, sorted. */
    public List<String> collectionNames() {
        return collections.keySet().stream().sorted().toList();
    }

    public Optional<Collection> findCollection(String name) {
        checkOpen();
        return Optional.ofNullable(collections.get(name));
    }

    /** The named collection; {@link ErrorCode#COLLECTION_NOT_FOUND} if there is none. */
    public Collection collection(String name) {
        return findCollection(name).orElseThrow(() -> new NotFoundException(ErrorCode.COLLECTION_NOT_FOUND, name,
                "collection '" + name + "' does not exist"));
    }

    /** Creates an empty collection; {@link ErrorCode#COLLECTION_EXISTS} if the name is taken. */
    public synchronized Collection createCollection(String name) {
        checkOpen();
        checkName(name);
        if (collections.containsKey(name)) {
            throw new ConflictException(ErrorCode.COLLECTION_EXISTS, name, "collection '" + name + "' already exists");
        }
        Path staging = collectionsDir.resolve(".creating-" + name);
        Directories.deleteRecursively(staging);
        try (CollectionStore store = CollectionStore.open(staging, options, shared, true)) {
            CollectionMeta.initialise(store, name);
        }
        Path dir = collectionsDir.resolve(name);
        move(staging, dir);
        Collection c = new Collection(this, name, dir);
        collections.put(name, c);
        return c;
    }

    public synchronized Collection getOrCreateCollection(String name) {
        Collection c = collections.get(name);
        return c != null ? c : createCollection(name);
    }

    /** Drops a collection and deletes its files. Waits for its open views and transactions to finish. */
    public synchronized void dropCollection(String name) {
        Collection c = collection(name);
        if (!c.close(CLOSE_WAIT_MILLIS)) {
            throw new StorageException(ErrorCode.STORAGE_IO, "collection '" + name + "' is still in use; not dropped");
        }
        collections.remove(name);
        Path trash = collectionsDir.resolve(".dropping-" + name);
        move(c.dir(), trash);
        Directories.deleteRecursively(trash);
    }

    /**
     * Restores a collection from a directory written by {@link Collection#backup}. The backup is
     * copied (never modified) and checked before anything existing is touched. With
     * {@code replace}, an existing collection of that name is dropped first; without it, an
     * existing name is {@link ErrorCode#COLLECTION_EXISTS}.
     */
    public synchronized Collection restoreCollection(String name, Path backup, boolean replace) {
        checkOpen();
        checkName(name);
        if (!Files.isRegularFile(backup.resolve("CURRENT"))) {
            throw new StorageException(ErrorCode.STORAGE_IO, backup + " is not a collection backup (no CURRENT file)");
        }
        if (collections.containsKey(name) && !replace) {
            throw new ConflictException(ErrorCode.COLLECTION_EXISTS, name,
                    "collection '" + name + "' already exists; restore with replace to overwrite it");
        }
        Path staging = collectionsDir.resolve(".restoring-" + name);
        Directories.deleteRecursively(staging);
        Directories.copyRecursively(backup, staging);
        try (CollectionStore store = CollectionStore.open(staging, options, shared, false)) {
            CollectionMeta.checkFormat(store);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(staging);
            throw e;
        }
        if (collections.containsKey(name)) {
            dropCollection(name);
        }
        Path dir = collectionsDir.resolve(name);
        move(staging, dir);
        Collection c = new Collection(this, name, dir);
        collections.put(name, c);
        return c;
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long idle = options.idleClose().toNanos();
        long wall = System.currentTimeMillis();
        each(c -> {
            c.applyRetention(wall);
            c.expireReaders(now);
            c.closeIfIdle(now, idle);
        });
    }

    private void each(java.util.function.Consumer<Collection> task) {
        for (Collection c : collections.values()) {
            try {
                task.accept(c);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "maintenance of collection '" + c.name() + "' failed", e);
                }
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException(ErrorCode.CLOSED, "database " + root + " is closed");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "invalid collection name '" + name
                    + "': use 1-64 letters, digits, _ or -, not starting with -");
        }
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(collectionsDir, p -> p.getFileName().toString().startsWith("."))) {
            for (Path d : dirs) {
                Directories.deleteRecursively(d);
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }



    /**
     * Closes every collection (waiting for open views and transactions to finish), then the
     * shared cache and the lock. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean allClosed = true;
        for (Collection c : collections.values()) {
            if (!c.close(CLOSE_WAIT_MILLIS)) {
                allClosed = false;
                LOG.warning("collection '" + c.name() + "' still in use at close; its store is left open");
            }
        }
        if (allClosed) {
            shared.close();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot release lock of " + root, e);
        }
    }
}
