package io.hyperspatial.core.imports.wordnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The noun synsets of a WordNet database in file order, with lookup by offset and by NLTK name.
 * Immutable and thread-safe.
 */
public final class WordNetNouns {
    private final List<WordNetSynset> synsets;
    private final Map<Integer, Integer> byOffset;
    private final Map<String, Integer> byName;

    WordNetNouns(List<WordNetSynset> synsets) {
        this.synsets = List.copyOf(synsets);
        this.byOffset = HashMap.newHashMap(synsets.size());
        this.byName = HashMap.newHashMap(synsets.size());
        for (int i = 0; i < synsets.size(); i++) {
            byOffset.put(synsets.get(i).offset(), i);
            byName.put(synsets.get(i).name(), i);
        }
    }

    /** All noun synsets, in data.noun order. */
    public List<WordNetSynset> synsets() {
        return synsets;
    }

    /** The number of noun synsets. */
    public int size() {
        return synsets.size();
    }

    /** The position in {@link #synsets()} of the synset at {@code offset}, or −1. */
    public int indexOfOffset(int offset) {
        return byOffset.getOrDefault(offset, -1);
    }

    /** The synset named {@code name} (NLTK style, e.g. {@code mammal.n.01}). */
    public Optional<WordNetSynset> byName(String name) {
        Integer i = byName.get(name);
        return i == null ? Optional.empty() : Optional.of(synsets.get(i));
    }
}
