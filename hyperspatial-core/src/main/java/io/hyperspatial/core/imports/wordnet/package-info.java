/**
 * WordNet 3.0 noun hierarchy reader (Debian's {@code wordnet-base}: {@code data.noun} and
 * {@code index.noun}): {@link io.hyperspatial.core.imports.wordnet.WordNetReader} parses the files
 * into {@link io.hyperspatial.core.imports.wordnet.WordNetSynset}s with NLTK-style names, and
 * {@link io.hyperspatial.core.imports.wordnet.WordNetSubset} selects the hierarchies the
 * Poincaré-embeddings evaluation uses (all nouns, mammals) as a
 * {@link io.hyperspatial.core.positioning.Hierarchy}. Pure parsing, no storage.
 */
package io.hyperspatial.core.imports.wordnet;
