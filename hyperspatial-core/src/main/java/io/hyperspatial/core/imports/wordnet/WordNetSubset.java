package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.core.positioning.HierarchyClosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hierarchies of the Poincaré-embeddings evaluation (facebookresearch/poincare-embeddings,
 * {@code wordnet/transitive_closure.py}), selected from {@link WordNetNouns}.
 *
 * <ul>
 *   <li>{@link #NOUNS}: every noun synset, edges {@code @} (hypernym) and {@code @i} (instance
 *       hypernym). WordNet 3.0: 82,115 nodes, 84,427 direct edges, 743,241 closure pairs. The
 *       script's closure follows {@code @i} from an instance and {@code @} from there on; on WordNet
 *       3.0 the plain closure over both pointer kinds, used here, gives the same 743,241 pairs.</li>
 *   <li>{@link #MAMMALS}: {@code mammal.n.01} and every synset whose closure contains it, with the
 *       closure pairs between them, minus every pair whose child is {@code tusker.n.01} or
 *       {@code female_mammal.n.01} (the script's filter file lists more names, but it applies them
 *       with {@code str.match}, anchored at the start of "child parent", so only these two
 *       {@code ^}-anchored patterns can match), keeping the nodes that still appear in a pair:
 *       1,180 nodes, 6,540 closure pairs. The resulting relation is still transitive; the hierarchy
 *       returned is its transitive reduction, so its {@link Hierarchy#closure()} is exactly those
 *       pairs.</li>
 * </ul>
 */
public enum WordNetSubset {
    NOUNS,
    MAMMALS;

    private static final String MAMMAL = "mammal.n.01";
    private static final Set<String> MAMMAL_FILTER = Set.of("tusker.n.01", "female_mammal.n.01");

    /** The subset named {@code nouns} or {@code mammals} (case-insensitive). */
    public static WordNetSubset parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nouns" -> NOUNS;
            case "mammals" -> MAMMALS;
            default -> throw new IllegalArgumentException("unknown WordNet subset '" + name + "': nouns or mammals");
        };
    }

    /** The lowercase name used on command lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The selected synsets and their hierarchy. */
    public WordNetHierarchy select(WordNetNouns nouns) {
        Hierarchy all = allNouns(nouns);
        return switch (this) {
            case NOUNS -> new WordNetHierarchy(nouns.synsets(), all);
            case MAMMALS -> mammals(nouns, all);
        };
    }

    private static Hierarchy allNouns(WordNetNouns nouns) {
        Hierarchy.Builder builder = Hierarchy.builder(nouns.size());
        for (int i = 0; i < nouns.size(); i++) {
            for (int offset : nouns.synsets().get(i).allHypernyms()) {
                int parent = nouns.indexOfOffset(offset);
                if (parent < 0) {
                    throw new IllegalArgumentException("synset " + nouns.synsets().get(i).name()
                            + " points to hypernym offset " + offset + ", which data.noun does not have");
                }
                builder.edge(i, parent);
            }
        }
        return builder.build();
    }

    private static WordNetHierarchy mammals(WordNetNouns nouns, Hierarchy all) {
        HierarchyClosure closure = all.closure();
        int mammal = indexOfName(nouns, MAMMAL);
        boolean[] inSet = new boolean[nouns.size()];
        inSet[mammal] = true;
        for (int i = 0; i < nouns.size(); i++) {
            inSet[i] |= closure.isAncestor(i, mammal);
        }
        int[][] kept = new int[nouns.size()][];
        boolean[] appears = new boolean[nouns.size()];
        for (int i = 0; i < nouns.size(); i++) {
            if (!inSet[i] || MAMMAL_FILTER.contains(nouns.synsets().get(i).name())) {
                continue;
            }
            int[] row = Arrays.stream(closure.ancestors(i)).filter(a -> inSet[a]).toArray();
            if (row.length > 0) {
                kept[i] = row;
                appears[i] = true;
                for (int a : row) {
                    appears[a] = true;
                }
            }
        }
        int[] newIndex = new int[nouns.size()];
        List<WordNetSynset> synsets = new ArrayList<>();
        for (int i = 0; i < nouns.size(); i++) {
            newIndex[i] = appears[i] ? synsets.size() : -1;
            if (appears[i]) {
                synsets.add(nouns.synsets().get(i));
            }
        }
        Hierarchy.Builder builder = Hierarchy.builder(synsets.size());
        for (int i = 0; i < nouns.size(); i++) {
            if (kept[i] != null) {
                for (int parent : transitiveReduction(kept[i], kept)) {
                    builder.edge(newIndex[i], newIndex[parent]);
                }
            }
        }
        return new WordNetHierarchy(synsets, builder.build());
    }

    /** The ancestors a of a node that no other ancestor of the node has as its own ancestor. */
    private static int[] transitiveReduction(int[] ancestors, int[][] rows) {
        return Arrays.stream(ancestors).filter(a -> {
            for (int b : ancestors) {
                if (b != a && rows[b] != null && Arrays.binarySearch(rows[b], a) >= 0) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    private static int indexOfName(WordNetNouns nouns, String name) {
        WordNetSynset s = nouns.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "WordNet has no synset " + name + "; is this WordNet 3.0?"));
        return nouns.indexOfOffset(s.offset());
    }
}
