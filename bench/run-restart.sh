#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the restart benchmark: an HNSW index
# build against writing and loading its snapshot. Arguments go to the harness (try --help).
# Extra JVM options (a heap size) can be given in HS_BENCH_JAVA_OPTS.
#
#   bench/run-restart.sh                                  # 1,000,000 × 16 Poincaré vectors
#   bench/run-restart.sh --count 200000 --out restart.json
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

# Maven's output goes to stderr: stdout carries only the JSON report.
hs_build_bench

hs_bench_java -- io.hyperspatial.bench.ann.RestartBench --dir "$HS_ROOT/bench/target" "$@"
