/**
 * The data source SPI: what HyperQL needs from storage. Tables declare their extra
 * {@link io.hyperspatial.hyperql.source.AccessPath}s (key lookup, range scan, k-NN) and the
 * optimizer uses only the declared ones. {@code memory/} holds the in-memory implementation.
 */
package io.hyperspatial.hyperql.source;
