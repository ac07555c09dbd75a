#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the HTTP server benchmark: batch
# upserts, then k-NN searches from concurrent clients, all on loopback in one process. Arguments
# go to the harness (try --help); stdout carries one JSON line per protocol searched.
#
#   bench/run-server.sh                                   # 100k x 32 cosine, 4 clients, 20 s
#   bench/run-server.sh --vectors 20000 --concurrency 1 --seconds 10
#   bench/run-server.sh --protocols http1,grpc    # the same searches over HTTP/JSON, then gRPC
#   HS_BENCH_TRACE=1 bench/run-server.sh      # also prints each upsert batch's time on stderr
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

hs_build_bench

hs_bench_java -Djava.util.logging.config.file=/dev/null -- io.hyperspatial.bench.server.HttpBench "$@"
