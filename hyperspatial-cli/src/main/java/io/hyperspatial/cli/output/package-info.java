/**
 * How the command writes for people and programs: aligned text tables, JSON, human-readable
 * sizes and durations, and a progress line on stderr.
 */
package io.hyperspatial.cli.output;
