package io.hyperspatial.core.demo;

/**
 * What {@link DemoDataset#writeTo} wrote.
 *
 * @param categories     {@code Category} entities
 * @param items          {@code Item} entities
 * @param edges          edges of all three types
 * @param measurePoints  points of the {@code views} measure
 * @param lastSequence   the change-feed sequence of the final (strict) commit
 */
public record DemoSummary(int categories, int items, long edges, long measurePoints, long lastSequence) {
    public long entities() {
        return (long) categories + items;
    }
}
