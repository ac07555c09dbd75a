package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.core.positioning.Hierarchy;

import java.util.List;

/**
 * A selection of noun synsets and the hypernym hierarchy among them: node i of {@link #hierarchy()}
 * is {@code synsets().get(i)}; edges run from a synset to its direct hypernyms within the selection.
 * Immutable.
 */
public record WordNetHierarchy(List<WordNetSynset> synsets, Hierarchy hierarchy) {
    public WordNetHierarchy {
        synsets = List.copyOf(synsets);
        if (synsets.size() != hierarchy.size()) {
            throw new IllegalArgumentException(synsets.size() + " synsets for a hierarchy of " + hierarchy.size());
        }
    }
}
