#!/usr/bin/env bash
# Ours and native hnswlib on one data set directory (made by bench/gen-data.sh) in one run, their
# timed query passes alternated round by round (the bench module's `ann-bench paired`), so both
# see the same moments of a shared machine. Builds the bench module and bench/target/hnswlib_peer
# as needed. Prints one JSON line per build, one per round (ours_qps, peer_qps, ratio = ours ÷
# peer) and a summary whose ratio_median is the figure to quote.
#
#   bench/run-ann-paired.sh bench/target/ann-data/poincare-100000
#   bench/run-ann-paired.sh DIR --ef 16 --peer-ef 10 --rounds 15 --out /tmp/paired.jsonl
#
# Options (passed on): --ef N (10), --peer-ef N (--ef), --rounds N (9), --pass-seconds S (0.5),
#   --m N (16), --ef-construction N (200), --threads N (2), --k N (10),
#   --keep-pruned-connections true|false (true), --out FILE
set -euo pipefail

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
  '') usage >&2; exit 2 ;;
  -h|--help) usage; exit 0 ;;
esac
data="$1"; shift
for f in base.fvecs queries.fvecs truth.ivecs metric; do
  [ -f "$data/$f" ] || { echo "run-ann-paired.sh: $data/$f not found (make it with bench/gen-data.sh)" >&2; exit 2; }
done

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk
hs_build_bench
peer="$(hs_build_hnswlib_peer)"
hs_bench_java -- io.hyperspatial.bench.ann.AnnBench paired --data "$data" --peer "$peer" "$@"
