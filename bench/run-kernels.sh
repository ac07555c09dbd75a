#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs the vector-kernel microbenchmarks with
# JMH: the Vector API kernels against their scalar twin, ending with a Markdown table of medians
# and Panama/Scalar ratios. Arguments go to JMH (try -h); the defaults (1 fork, 3 warm-up and
# 5 measured iterations of 1 s) finish in about four minutes. Extra JVM options for the JMH
# host can be given in HS_BENCH_JAVA_OPTS.
#
#   bench/run-kernels.sh
#   bench/run-kernels.sh -p dim=384 'FloatKernelBenchmarks.dot$'
#   bench/run-kernels.sh -f 3 -i 10            # a longer, steadier run
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk

hs_build_bench

# JMH forks inherit these options, and the benchmarks add --add-modules themselves too.
hs_bench_java -- io.hyperspatial.bench.kernels.KernelBench "$@"
