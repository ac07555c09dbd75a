#!/usr/bin/env bash
# Incremental placement end to end (io.hyperspatial.bench.positions.PlacementBench): loads a WordNet
# subset, learns its graph positions, then writes new entities one per transaction with a hypernym
# edge to a random synset and measures the time from each write's acknowledgement until the new
# entity's position is committed by the IncrementalPositioner. Prints one JSON line.
#
#   bench/run-placement.sh [--subset mammals|nouns] [--dims 5] [--placements 2000] [--durability batch|strict]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk
hs_build_bench
hs_bench_java -Xmx4g --sun-misc-unsafe-memory-access=allow -- io.hyperspatial.bench.positions.PlacementBench "$@"
