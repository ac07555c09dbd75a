package io.hyperspatial.bench.positions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The WordNet check the position benchmarks share: a clear message instead of a stack trace when the files are missing. */
final class WordNetFiles {
    private WordNetFiles() {
    }

    /** Whether {@code dir} holds WordNet 3.0's noun files; if not, says so on stderr and how to get them. */
    static boolean present(Path dir) {
        for (String file : new String[]{"data.noun", "index.noun"}) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                System.err.println("WordNet 3.0 not found: " + dir.resolve(file) + " is missing. Install Debian's"
                        + " wordnet-base (apt-get install -y wordnet-base) or pass --wordnet DIR.");
                return false;
            }
        }
        return true;
    }
}
