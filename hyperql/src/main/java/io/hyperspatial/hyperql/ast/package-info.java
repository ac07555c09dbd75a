/**
 * The abstract syntax tree of HyperQL: records under sealed interfaces, built once from the ANTLR
 * parse tree by {@link io.hyperspatial.hyperql.parse.AstBuilder}; nothing of ANTLR leaks past it.
 */
package io.hyperspatial.hyperql.ast;
