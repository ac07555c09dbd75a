#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the import throughput benchmark: a
# seeded JSON Lines file in the export format (generated once under bench/target), imported into a
# new database under bench/target/import-db. Arguments go to the harness:
#
#   bench/run-import.sh                      # 1,000,000 entities, batches of 10,000
#   bench/run-import.sh --count 200000 --batch 50000
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

hs_build_bench

cd "$HS_ROOT"
hs_bench_java -- io.hyperspatial.bench.imports.ImportFileBench "$@"
