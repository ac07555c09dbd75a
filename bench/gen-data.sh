#!/usr/bin/env bash
# Generates the seeded ANN data sets with their exact ground truth: (a) gaussian-l2 (128 dims),
# (b) cosine (384), (c) poincare (16), (d) lorentz (17 coordinates), each into <out>/<kind>-<n>/
# as base.fvecs, queries.fvecs, truth.ivecs and metric. Arguments go to the generator (--help).
#
#   bench/gen-data.sh --out bench/target/ann-data --n 100000 --queries 1000
#   bench/gen-data.sh --out /tmp/ann --kind poincare,lorentz --n 20000
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk
hs_find_maven

(cd "$HS_ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package) >&2

# shellcheck disable=SC2086 # HS_BENCH_JAVA_OPTS is a list of options, split on purpose
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector ${HS_BENCH_JAVA_OPTS:-} \
  -cp "$HS_ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$HS_ROOT/bench/target/lib/*" \
  io.hyperspatial.bench.ann.AnnBench generate "$@"
