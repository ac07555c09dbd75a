#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the HyperQL benchmark: Hyperspatial
# (HyperQL over a collection), SQLite and H2, in one process, on the same seeded data and the same
# five queries. Arguments go to the harness (try --help); relative paths in them are resolved from
# the directory you run this from. Extra JVM options (a JFR recording, a heap size) can be given in
# HS_BENCH_JAVA_OPTS.
#
#   bench/run-hyperql.sh --out bench/target/hyperql-report.jsonl        # 1M rows, as in docs/benchmarks.md
#   bench/run-hyperql.sh --rows 100000 --scale 0.2                      # a quick run
#   HS_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=hql.jfr" bench/run-hyperql.sh --rows 100000
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

# Maven's output goes to stderr: stdout carries only the JSON report.
hs_build_bench

hs_bench_java -- io.hyperspatial.bench.hyperql.HyperQlBench "$@"
