/** The in-memory {@link io.hyperspatial.hyperql.source.DataSource}: tables, ordered indexes and views held on the heap. */
package io.hyperspatial.hyperql.source.memory;
