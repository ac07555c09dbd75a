/** Files of vectors: the {@code .fvecs} / {@code .ivecs} formats of ANN benchmark data sets. */
package io.hyperspatial.core.index.io;
