package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.ScoringSpace;

import java.util.Arrays;

/**
 * The neighbour-selection heuristic of the HNSW paper (Malkov and Yashunin, Algorithm 4): walk
 * the candidates nearest first and keep one only if it is closer to the base node than to every
 * neighbour already kept. A candidate that fails is "covered" by a kept neighbour, which already
 * leads towards it; keeping such diverse links is what lets greedy search cross between clusters.
 * With {@code keepPrunedConnections}, rejected candidates then fill any free slots, nearest first.
 *
 * <p>Candidates are collected here ({@link #clear}, {@link #add}) or handed over already sorted
 * ({@link #setSorted}); scores are the base node's scores of them. Comparing candidate to kept
 * neighbour asks the space for a scorer of the candidate, so the heuristic works in any metric
 * and encoding.
 *
 * <p>Not thread-safe: owned by one builder or repair pass, whose scratch arrays it holds.
 */
final class NeighborSelector {
    private final ScoringSpace space;
    private final boolean keepPrunedConnections;
    private int[] nodes = new int[64];
    private float[] scores = new float[64];
    private int count;
    private boolean sorted = true;
    private int[] pruned = new int[64];
    /** How many of the last selection's picks were the heuristic's own (before any filling). */
    private int diverseCount;

    NeighborSelector(ScoringSpace space, boolean keepPrunedConnections) {
        this.space = space;
        this.keepPrunedConnections = keepPrunedConnections;
    }

    void clear() {
        count = 0;
        sorted = true;
    }

    /** Adds a candidate with its score to the base node (in any order). */
    void add(int node, float score) {
        if (count == nodes.length) {
            nodes = Arrays.copyOf(nodes, count * 2);
            scores = Arrays.copyOf(scores, count * 2);
        }
        if (count > 0 && score < scores[count - 1]) {
            sorted = false;
        }
        nodes[count] = node;
        scores[count] = score;
        count++;
    }

    /** Copies {@code n} candidates already sorted nearest first. */
    void setSorted(int[] fromNodes, float[] fromScores, int n) {
        clear();
        for (int i = 0; i < n; i++) {
            add(fromNodes[i], fromScores[i]);
        }
    }

    int candidateCount() {
        return count;
    }

    /** Whether {@code node} is among the candidates (a linear scan; lists here are short). */
    boolean contains(int node) {
        for (int i = 0; i < count; i++) {
            if (nodes[i] == node) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chooses at most {@code max} of the candidates into {@code into}, nearest first, and
     * returns how many.
     */
    int select(int max, int[] into) {
        if (!sorted) {
            sortByScore();
        }
        if (pruned.length < count) {
            pruned = new int[Math.max(count, pruned.length * 2)];
        }
        int selected = 0;
        int prunedCount = 0;
        for (int i = 0; i < count && selected < max; i++) {
            if (isDiverse(nodes[i], scores[i], into, selected)) {
                into[selected++] = nodes[i];
            } else {
                pruned[prunedCount++] = nodes[i];
            }
        }
        diverseCount = selected;
        if (keepPrunedConnections) {
            for (int i = 0; i < prunedCount && selected < max; i++) {
                into[selected++] = pruned[i];
            }
        }
        return selected;
    }

    /**
     * How many of the last {@link #select}'s picks the heuristic itself kept: they come first,
     * and are exactly what it keeps when run again over the picks alone (a pruned candidate was
     * covered by a kept one nearer the base, and dropping pruned candidates changes no decision).
     */
    int diverseCount() {
        return diverseCount;
    }

    /**
     * Offers {@code candidate} to the full list {@code list[0..count)} of {@code base}, whose
     * first {@code diverse} entries are the heuristic's picks over the whole list and the rest
     * pruned candidates, both nearest first. If a pick nearer the base than the candidate covers
     * it, the candidate is pruned too and joins the rest by distance, the farthest pruned entry
     * dropping out: the same list a full {@link #select} of list and candidate would give (the
     * picks nearer the candidate decide alone; the candidate, not kept, changes no later
     * decision), at a few scores instead of one per pair. Returns the list's new length, with
     * the list updated in place, or −1 (list untouched) when no pick covers the candidate; the
     * heuristic's picks may then change, and the caller re-selects in full.
     *
     * @param candidateScore the base's score of the candidate
     */
    int offerCovered(int base, int[] list, int count, int diverse, int candidate, float candidateScore) {
        for (int i = 0; i < diverse; i++) {
            int kept = list[i];
            float keptScore = space.score(base, kept);
            if (keptScore > candidateScore) {
                return -1;
            }
            if (space.score(candidate, kept) < candidateScore) {
                return insertPruned(base, list, count, diverse, candidate, candidateScore);
            }
        }
        return -1;
    }

    /** Places a covered candidate among the pruned entries by its score, dropping the farthest. */
    private int insertPruned(int base, int[] list, int count, int diverse, int candidate, float candidateScore) {
        int at = count;
        while (at > diverse && space.score(base, list[at - 1]) > candidateScore) {
            at--;
        }
        if (at == count) {
            return count;
        }
        System.arraycopy(list, at, list, at + 1, count - 1 - at);
        list[at] = candidate;
        return count;
    }

    /** True if the candidate is nearer the base than every neighbour chosen so far. */
    private boolean isDiverse(int candidate, float scoreToBase, int[] chosen, int chosenCount) {
        if (chosenCount == 0) {
            return true;
        }
        for (int j = 0; j < chosenCount; j++) {
            if (space.score(candidate, chosen[j]) < scoreToBase) {
                return false;
            }
        }
        return true;
    }

    /** Insertion sort: candidate lists are a few dozen long and usually almost sorted. */
    private void sortByScore() {
        for (int i = 1; i < count; i++) {
            int node = nodes[i];
            float score = scores[i];
            int j = i - 1;
            while (j >= 0 && scores[j] > score) {
                nodes[j + 1] = nodes[j];
                scores[j + 1] = scores[j];
                j--;
            }
            nodes[j + 1] = node;
            scores[j + 1] = score;
        }
        sorted = true;
    }
}
