/**
 * The sqllogictest runner: the file format ({@link io.hyperspatial.hyperql.slt.SltParser}), result
 * formatting and hashing ({@link io.hyperspatial.hyperql.slt.ResultFormat}), and the runner.
 */
package io.hyperspatial.hyperql.slt;
