/**
 * Parsing: the ANTLR grammar ({@code HyperQL.g4}, compiled at build time) and the conversion of its
 * parse tree into the AST. {@link io.hyperspatial.hyperql.parse.SqlParser} is the entry point.
 */
package io.hyperspatial.hyperql.parse;
