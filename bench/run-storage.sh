#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the storage benchmark: manifold against
# raw RocksDB on the same data, in one run. Arguments go to the harness (try --help); relative
# paths in them are resolved from the directory you run this from. Extra JVM options (a JFR
# recording, a heap size) can be given in HS_BENCH_JAVA_OPTS.
#
#   bench/run-storage.sh --out storage.jsonl
#   bench/run-storage.sh --import-count 200000 --ops 5000
#   HS_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=storage.jfr" bench/run-storage.sh
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

# Maven's output goes to stderr: stdout carries only the JSON report.
hs_build_bench

hs_bench_java -- io.hyperspatial.bench.storage.StorageBench "$@"
