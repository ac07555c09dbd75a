/**
 * Running HyperQL statements for the command line, wherever the collection is: in this process
 * ({@link io.hyperspatial.cli.query.LocalRunner}) or on a server over HTTP
 * ({@link io.hyperspatial.cli.query.RemoteRunner}), behind one {@link io.hyperspatial.cli.query.StatementRunner};
 * splitting scripts into statements; printing results as a table, JSON or CSV.
 */
package io.hyperspatial.cli.query;
