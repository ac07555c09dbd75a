/**
 * The {@code hyperspatial} command: one class per subcommand ({@link io.hyperspatial.cli.DemoCommand},
 * {@link io.hyperspatial.cli.DescribeCommand}, {@link io.hyperspatial.cli.BackupCommand},
 * {@link io.hyperspatial.cli.RestoreCommand}, {@link io.hyperspatial.cli.BenchCommand} with
 * {@link io.hyperspatial.cli.AnnBenchCommand}) under {@link io.hyperspatial.cli.HyperspatialCommand}.
 * Commands open a data directory directly; exit codes are 0 (success), 2 (usage or database
 * error, one line on stderr) and 1 (an unexpected failure, which is a bug).
 */
package io.hyperspatial.cli;
