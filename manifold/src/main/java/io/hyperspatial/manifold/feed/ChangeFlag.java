package io.hyperspatial.manifold.feed;

/** What changed about one entity in one logical operation; combined as a bit mask. */
public enum ChangeFlag {
    CREATED, UPDATED, DELETED, PROPERTIES, VECTORS, EDGES, MEASURES, POSITIONS;

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
