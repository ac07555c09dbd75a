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
hs_find_maven

(cd "$HS_ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package) >&2

cd "$HS_ROOT"
# shellcheck disable=SC2086 # HS_BENCH_JAVA_OPTS is a list of options, split on purpose
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector ${HS_BENCH_JAVA_OPTS:-} \
  -cp "$HS_ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$HS_ROOT/bench/target/lib/*" \
  io.hyperspatial.bench.imports.ImportFileBench "$@"
