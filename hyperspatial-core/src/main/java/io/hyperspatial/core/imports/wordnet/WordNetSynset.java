package io.hyperspatial.core.imports.wordnet;

import java.util.List;
import java.util.Objects;

/**
 * One noun synset of WordNet 3.0 as read from {@code data.noun}: its byte offset in that file (the
 * synset's identity, e.g. 1861778 for {@code mammal.n.01}), its NLTK-style name, its lemmas as
 * written (case kept, underscores for spaces), its gloss, and the offsets of its direct hypernyms
 * ({@code @} pointers) and instance hypernyms ({@code @i} pointers). Immutable.
 */
public record WordNetSynset(int offset, String name, List<String> lemmas, String gloss,
                            int[] hypernyms, int[] instanceHypernyms) {
    public WordNetSynset {
        Objects.requireNonNull(name, "name");
        lemmas = List.copyOf(lemmas);
        Objects.requireNonNull(gloss, "gloss");
        hypernyms = hypernyms.clone();
        instanceHypernyms = instanceHypernyms.clone();
    }

    /** The entity key of this synset: {@code n} and its 8-digit offset, e.g. {@code n01861778}. */
    public String key() {
        return String.format("n%08d", offset);
    }

    /** The direct hypernym offsets (a copy). */
    @Override
    public int[] hypernyms() {
        return hypernyms.clone();
    }

    /** The direct instance-hypernym offsets (a copy). */
    @Override
    public int[] instanceHypernyms() {
        return instanceHypernyms.clone();
    }

    /** Hypernyms then instance hypernyms: every direct edge upwards (a new array). */
    public int[] allHypernyms() {
        int[] all = new int[hypernyms.length + instanceHypernyms.length];
        System.arraycopy(hypernyms, 0, all, 0, hypernyms.length);
        System.arraycopy(instanceHypernyms, 0, all, hypernyms.length, instanceHypernyms.length);
        return all;
    }
}
