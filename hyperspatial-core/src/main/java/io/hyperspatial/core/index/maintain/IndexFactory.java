package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.VectorIndex;

/** Creates the vector index of a field from its configuration. */
@FunctionalInterface
public interface IndexFactory {
    VectorIndex create(IndexConfig config);
}
