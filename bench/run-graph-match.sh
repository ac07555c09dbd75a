#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and times a 3-hop variable-length HyperQL MATCH
# over a collection: a seeded graph of person entities with random knows edges, built in a new
# database under bench/target/graph-db. Arguments go to the harness:
#
#   bench/run-graph-match.sh                          # 10,000 nodes x 10 edges = 100,000 edges, 3 runs
#   bench/run-graph-match.sh --nodes 20000 --degree 5 --runs 5
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

hs_build_bench

cd "$HS_ROOT"
hs_bench_java -- io.hyperspatial.bench.graph.GraphMatchBench "$@"
