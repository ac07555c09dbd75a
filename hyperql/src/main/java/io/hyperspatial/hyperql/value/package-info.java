/**
 * HyperQL values and SQLite's rules over them: storage classes, affinity, ordering, arithmetic,
 * truth and text form. Values are plain Java objects: null, Long, Double, String, Blob, Vector.
 */
package io.hyperspatial.hyperql.value;
