package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system helpers for collection directories, which RocksDB changes while they are read. */
public final class Directories {
    private Directories() {
    }

    /** Bytes of the regular files under {@code dir}; files RocksDB deletes during the walk are skipped. */
    public static long size(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // only the starting directory itself can fail here (it was dropped): nothing more to count
        }
        return total[0];
    }

    /** Deletes {@code dir} and everything under it; nothing if it does not exist. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Copies the tree under {@code from} to {@code to}, which must not exist. */
    public static void copyRecursively(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            List<Path> all = new ArrayList<>(paths.toList());
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
