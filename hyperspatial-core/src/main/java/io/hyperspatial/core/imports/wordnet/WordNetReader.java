package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the WordNet 3.0 noun database ({@code data.noun} and {@code index.noun} in one directory,
 * e.g. Debian's {@code /usr/share/wordnet}) into {@link WordNetNouns}.
 *
 * <p>Names follow NLTK: the first lemma of the synset, lowercased, {@code .n.}, and the two-digit
 * position (from 1) of the synset's offset in that lemma's line of {@code index.noun} — the sense
 * number, e.g. {@code mammal.n.01}. A line that does not follow the format raises
 * {@link ManifoldException} ({@code invalid_argument}) whose field names the file and line.
 * Stateless; each call reads the files afresh.
 */
public final class WordNetReader {
    /** Debian's {@code wordnet-base} installs the database here. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/wordnet");

    private WordNetReader() {
    }

    /** Reads {@code dir/data.noun} and {@code dir/index.noun}. */
    public static WordNetNouns read(Path dir) throws IOException {
        Path data = dir.resolve("data.noun");
        Path index = dir.resolve("index.noun");
        for (Path p : List.of(data, index)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null,
                        "WordNet 3.0 noun file not found (on Debian/Ubuntu: apt-get install wordnet-base)");
            }
        }
        Map<String, int[]> senses = readIndex(index);
        return new WordNetNouns(readData(data, senses));
    }

    private static Map<String, int[]> readIndex(Path index) throws IOException {
        Map<String, int[]> senses = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.charAt(0) == ' ') {
                    continue;
                }
                String[] f = line.trim().split(" +");
                try {
                    int synsetCount = Integer.parseInt(f[2]);
                    int pointerCount = Integer.parseInt(f[3]);
                    int first = 4 + pointerCount + 2;
                    int[] offsets = new int[synsetCount];
                    for (int i = 0; i < synsetCount; i++) {
                        offsets[i] = Integer.parseInt(f[first + i]);
                    }
                    senses.put(f[0].toLowerCase(java.util.Locale.ROOT), offsets);
                } catch (RuntimeException e) {
                    throw malformed("index.noun", lineNo, e);
                }
            }
        }
        return senses;
    }

    private static List<WordNetSynset> readData(Path data, Map<String, int[]> senses) throws IOException {
        List<WordNetSynset> synsets = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.charAt(0) == ' ') {
                    continue;
                }
                try {
                    synsets.add(parseSynset(line, senses));
                } catch (RuntimeException e) {
                    throw malformed("data.noun", lineNo, e);
                }
            }
        }
        return synsets;
    }

    /** One data.noun line: offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (ptr)* | gloss. */
    static WordNetSynset parseSynset(String line, Map<String, int[]> senses) {
        int bar = line.indexOf(" | ");
        String gloss = bar < 0 ? "" : line.substring(bar + 3).trim();
        String[] f = (bar < 0 ? line : line.substring(0, bar)).trim().split(" +");
        int offset = Integer.parseInt(f[0]);
        if (!f[2].equals("n")) {
            throw new IllegalArgumentException("synset type is '" + f[2] + "', not n");
        }
        int wordCount = Integer.parseInt(f[3], 16);
        List<String> lemmas = new ArrayList<>(wordCount);
        int at = 4;
        for (int i = 0; i < wordCount; i++, at += 2) {
            lemmas.add(f[at]);
        }
        int pointerCount = Integer.parseInt(f[at++]);
        IntList hypernyms = new IntList();
        IntList instances = new IntList();
        for (int i = 0; i < pointerCount; i++, at += 4) {
            String symbol = f[at];
            boolean noun = f[at + 2].equals("n");
            if (noun && symbol.equals("@")) {
                hypernyms.add(Integer.parseInt(f[at + 1]));
            } else if (noun && symbol.equals("@i")) {
                instances.add(Integer.parseInt(f[at + 1]));
            }
        }
        if (at != f.length) {
            throw new IllegalArgumentException(f.length - at + " unexpected fields after the pointers");
        }
        if (lemmas.isEmpty()) {
            throw new IllegalArgumentException("a synset without lemmas");
        }
        String lemma = lemmas.getFirst().toLowerCase(java.util.Locale.ROOT);
        int[] offsets = senses.get(lemma);
        int sense = -1;
        for (int i = 0; offsets != null && i < offsets.length && sense < 0; i++) {
            if (offsets[i] == offset) {
                sense = i + 1;
            }
        }
        if (sense < 0) {
            throw new IllegalArgumentException("lemma '" + lemma + "' of synset " + offset
                    + " has no sense with that offset in index.noun");
        }
        String name = String.format("%s.n.%02d", lemma, sense);
        return new WordNetSynset(offset, name, lemmas, gloss, hypernyms.toArray(), instances.toArray());
    }

    private static ManifoldException malformed(String file, int lineNo, RuntimeException cause) {
        return new ManifoldException(ErrorCode.INVALID_ARGUMENT, file + ":" + lineNo,
                file + " line " + lineNo + " is not in WordNet's format: " + cause.getMessage(), cause);
    }

    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
