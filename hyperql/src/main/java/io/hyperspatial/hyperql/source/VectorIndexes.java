package io.hyperspatial.hyperql.source;

import java.util.Map;

/**
 * A data source's optional ability to change the settings of the approximate indexes it keeps over
 * its vector columns, what {@code ALTER TABLE t ALTER COLUMN c SET (option = value, ...)} asks for
 * (see {@link DataSource#vectorIndexes()}). The engine checks the names and ranges of the options
 * (as for {@code VECTOR(n) WITH (...)}) and that the column is a stored vector column; the source
 * decides what the settings mean and when its index follows them.
 */
public interface VectorIndexes {
    /**
     * Changes the options given and keeps the others, as one change of the source.
     *
     * @param table   the table, as the engine resolved it
     * @param column  the vector column, as the table's schema spells it
     * @param options lower-case option names ({@code m}, {@code ef_construction}, {@code ef_search}:
     *                {@link Long}; {@code quantization}: {@link String}), in the order written
     * @return every setting of the column's index after the change, by option name
     * @throws io.hyperspatial.hyperql.error.HqlException naming what the source refuses
     */
    Map<String, Object> change(String table, String column, Map<String, Object> options);
}
