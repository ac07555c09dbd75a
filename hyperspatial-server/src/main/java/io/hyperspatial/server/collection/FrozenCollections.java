package io.hyperspatial.server.collection;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.server.http.ApiException;
import com.linecorp.armeria.common.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Which collections are frozen. A frozen collection is read-only through the server: entity and
 * edge writes, schema changes and dropping it are refused with {@link ApiException#FROZEN} until
 * it is unfrozen. The set is kept in {@code DIR/server/frozen} (one name per line, replaced
 * atomically), so it survives restarts; freezing is a server feature, and a program that opens
 * the data directory directly is not bound by it.
 *
 * <p>A write runs under its collection's read lock and freezing takes the write lock, so when
 * {@link #freeze} returns no write is in flight and none will start. Thread-safe.
 */
public final class FrozenCollections {
    private final Path file;
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    private FrozenCollections(Path file) {
        this.file = file;
    }

    /** The frozen set of the database in {@code root}, forgetting names not in {@code existing}. */
    public static FrozenCollections load(Path root, Collection<String> existing) {
        FrozenCollections f = new FrozenCollections(root.resolve("server").resolve("frozen"));
        if (Files.exists(f.file)) {
            try {
                for (String line : Files.readAllLines(f.file, StandardCharsets.UTF_8)) {
                    String name = line.strip();
                    if (!name.isEmpty() && existing.contains(name)) {
                        f.frozen.add(name);
                    }
                }
            } catch (IOException e) {
                throw new StorageException(ErrorCode.STORAGE_IO, "cannot read " + f.file + ": " + e.getMessage(), e);
            }
        }
        return f;
    }

    public boolean isFrozen(String collection) {
        return frozen.contains(collection);
    }

    /** Runs a write to {@code collection} unless it is frozen; freezing waits for it to finish. */
    public <T> T write(String collection, Supplier<T> work) {
        ReentrantReadWriteLock.ReadLock lock = lock(collection).readLock();
        lock.lock();
        try {
            requireNotFrozen(collection);
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Freezes the collection once writes in flight have finished; returns false if it already was. */
    public boolean freeze(String collection) {
        return change(collection, true);
    }

    /** Unfreezes the collection; returns false if it was not frozen. */
    public boolean unfreeze(String collection) {
        return change(collection, false);
    }

    /** Forgets a dropped collection. */
    public void forget(String collection) {
        if (frozen.remove(collection)) {
            persist();
        }
        locks.remove(collection);
    }

    private boolean change(String collection, boolean freeze) {
        ReentrantReadWriteLock.WriteLock lock = lock(collection).writeLock();
        lock.lock();
        try {
            boolean changed = freeze ? frozen.add(collection) : frozen.remove(collection);
            if (changed) {
                try {
                    persist();
                } catch (RuntimeException e) {
                    if (freeze) {
                        frozen.remove(collection);
                    } else {
                        frozen.add(collection);
                    }
                    throw e;
                }
            }
            return changed;
        } finally {
            lock.unlock();
        }
    }

    private void requireNotFrozen(String collection) {
        if (frozen.contains(collection)) {
            throw new ApiException(HttpStatus.CONFLICT, ApiException.FROZEN, "collection '" + collection
                    + "' is frozen: it accepts no writes, schema changes or drop until it is unfrozen");
        }
    }

    private ReentrantReadWriteLock lock(String collection) {
        return locks.computeIfAbsent(collection, c -> new ReentrantReadWriteLock());
    }

    private synchronized void persist() {
        List<String> names = new ArrayList<>(new TreeSet<>(frozen));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, names, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
