#!/usr/bin/env bash
# Runs the ANN comparison on one data set directory (made by bench/gen-data.sh, or any directory
# holding base.fvecs, queries.fvecs, truth.ivecs and a 'metric' file), every subject with the same
# M, ef_construction, build threads and ef list, one after the other, each in its own process:
#   hnsw         ours, through 'bin/hyperspatial bench ann --index hnsw'
#   brute_force  ours, exact (one ef)
#   lucene       Lucene HNSW (lucene-core, in the bench module's JVM)
#   jvector      jvector (in the bench module's JVM)
#   hnswlib_cpp  native hnswlib (Debian's libhnswlib-dev headers), bench/peers/hnswlib_peer.cpp
#                compiled with g++; every metric (custom spaces for poincare and lorentz)
#   hnswlib      Debian's python3-hnswlib   } bench/peers/ann_peers.py, with /usr/bin/python3
#   faiss        Debian's python3-faiss     } (installed with apt-get when missing)
# Writes every JSON line to <work>/<dataset>.jsonl, the report to --out (JSON), and prints a
# markdown table with ratios and issue 3's targets.
#
#   bench/run-ann.sh bench/target/ann-data/gaussian-l2-100000 --out bench/target/ann-gaussian.json
#   bench/run-ann.sh DIR --subjects hnsw,brute_force --ef 16,32,64
set -euo pipefail

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo
  echo "Options: --subjects LIST (default all of the above), --m N (16), --ef-construction N (200),"
  echo "         --threads N (2), --ef LIST (10,16,...,512), --k N (10), --out FILE, --work DIR (bench/target/ann-runs)"
}

[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$1" in -h|--help) usage; exit 0 ;; esac
data="$(cd "$1" && pwd)"; shift
subjects="hnsw,brute_force,lucene,jvector,hnswlib_cpp,hnswlib,faiss"
m=16; efc=200; threads=2; efs="10,16,24,32,48,64,96,128,192,256,384,512"; k=10; out=""; work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --subjects) subjects="$2"; shift 2 ;;
    --m) m="$2"; shift 2 ;;
    --ef-construction) efc="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --ef) efs="$2"; shift 2 ;;
    --k) k="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-ann.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
for f in base.fvecs queries.fvecs truth.ivecs metric; do
  [ -f "$data/$f" ] || { echo "run-ann.sh: $data/$f not found" >&2; exit 2; }
done
metric="$(tr -d '[:space:]' < "$data/metric")"

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk
work="${work:-$HS_ROOT/bench/target/ann-runs}"
mkdir -p "$work"
dataset="$(basename "$data")"
lines="$work/$dataset.jsonl"
: > "$lines"

hs_build_bench
java_bench() {
  hs_bench_java -- io.hyperspatial.bench.ann.AnnBench "$@"
}

python_peers=""
IFS=',' read -r -a chosen <<< "$subjects"
for s in "${chosen[@]}"; do
  case "$s" in
    hnsw)
      echo "run-ann.sh: hnsw (ours) on $dataset" >&2
      "$HS_ROOT/bin/hyperspatial" bench ann --index hnsw --metric "$metric" --base "$data/base.fvecs" \
        --queries "$data/queries.fvecs" --truth "$data/truth.ivecs" --m "$m" --ef-construction "$efc" \
        --threads "$threads" --ef "$efs" --k "$k" | tee -a "$lines" ;;
    brute_force|lucene|jvector)
      java_bench run --data "$data" --subjects "$s" --m "$m" --ef-construction "$efc" --threads "$threads" \
        --ef "$efs" --k "$k" --work "$work" --out "$lines" ;;
    hnswlib_cpp)
      peer="$(hs_build_hnswlib_peer)"
      echo "run-ann.sh: hnswlib_cpp on $dataset" >&2
      "$peer" "$data" "$m" "$efc" "$threads" "$k" "$efs" | tee -a "$lines" ;;
    hnswlib|faiss)
      python_peers="${python_peers:+$python_peers,}$s" ;;
    *) echo "run-ann.sh: unknown subject $s" >&2; exit 2 ;;
  esac
done

if [ -n "$python_peers" ]; then
  case "$metric" in
    poincare|lorentz) ;;  # the script reports them unsupported without importing them
    *)
      if ! /usr/bin/python3 -c 'import hnswlib, faiss' 2>/dev/null; then
        echo "run-ann.sh: installing python3-hnswlib and python3-faiss" >&2
        apt-get update -q >&2 && apt-get install -y -q python3-hnswlib python3-faiss >&2
      fi ;;
  esac
  echo "run-ann.sh: $python_peers on $dataset" >&2
  /usr/bin/python3 "$HS_ROOT/bench/peers/ann_peers.py" --data "$data" --peers "$python_peers" --m "$m" \
    --ef-construction "$efc" --threads "$threads" --ef "$efs" --k "$k" --out "$lines"
fi

echo >&2
java_bench report --in "$lines" --dataset "$dataset" ${out:+--out "$out"}
