/** Built-in functions: scalar functions ({@link io.hyperspatial.hyperql.function.ScalarFunctions}) and aggregate accumulators. */
package io.hyperspatial.hyperql.function;
