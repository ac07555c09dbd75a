package io.hyperspatial.core.index.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code .fvecs} or {@code .ivecs} file is not well formed: empty, truncated in the middle of a
 * vector, or with a vector whose declared dimension differs from the first one. The message names
 * the file and the 0-based number of the offending vector; {@link #vector()} gives that number
 * (−1 when the problem is the file as a whole).
 */
public final class VectorFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long vector;

    public VectorFileException(Path file, long vector, String message) {
        super(file + ": " + message);
        this.file = file;
        this.vector = vector;
    }

    public Path file() {
        return file;
    }

    /** The 0-based number of the vector at fault, or −1 when the error is about the whole file. */
    public long vector() {
        return vector;
    }
}
