package io.hyperspatial.core.imports;

import java.io.IOException;

/**
 * Entities read one at a time from an import's input, checked against the schema. Not
 * thread-safe.
 */
interface EntitySource {
    /**
     * The next entity, or null at the end of the input. A bad row throws {@link RowException}, after
     * which the next call goes on with the following row; input that cannot be read on (malformed
     * JSON in an array, broken CSV quoting) throws {@link ImportInputException}.
     */
    ImportedEntity next() throws IOException;
}
