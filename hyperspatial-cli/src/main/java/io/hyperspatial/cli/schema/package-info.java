/**
 * A collection's schema as the command line shows it ({@code schema}, the REPL's {@code .schema},
 * completion): read from an open collection or from a server's collection description, printed
 * as tables or JSON.
 */
package io.hyperspatial.cli.schema;
