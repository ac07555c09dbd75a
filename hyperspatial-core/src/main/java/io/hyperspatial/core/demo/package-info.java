/**
 * A synthetic, seeded demo dataset: a product taxonomy of categories and items with properties,
 * graph edges, dense embeddings and a time series, written through the ordinary write path.
 * {@link io.hyperspatial.core.demo.DemoDataset} is the entry point.
 */
package io.hyperspatial.core.demo;
