/**
 * The executor: plans become pull-based {@link io.hyperspatial.hyperql.exec.RowStream}s; expressions
 * are evaluated by {@link io.hyperspatial.hyperql.exec.Evaluator}. Hash joins, hash aggregation and
 * top-N keep the common cases free of quadratic work.
 */
package io.hyperspatial.hyperql.exec;
