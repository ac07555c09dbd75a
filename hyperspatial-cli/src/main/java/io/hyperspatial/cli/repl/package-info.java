/**
 * The interactive HyperQL shell ({@code hyperspatial repl}): a session that runs statements and
 * dot-commands through a {@link io.hyperspatial.cli.query.StatementRunner}, the JLine line editor
 * around it (multi-line statements ended by {@code ;}, history, completion from the schema,
 * highlighting), and the plain line loop used when the input is not a terminal.
 */
package io.hyperspatial.cli.repl;
