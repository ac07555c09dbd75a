#!/usr/bin/env bash
# Learned hyperbolic positions on WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): reads the
# noun database, embeds a subset with io.hyperspatial.core.positioning.HierarchyEmbedder, evaluates
# reconstruction exactly as the Poincaré-embeddings code does (mean rank, MAP), and measures k-NN
# recall@10 of our HNSW on the positions (Poincaré ball, float32; exact double truth). Prints one JSON
# line per run (progress on stderr) and appends it to --out when given.
#
#   bench/run-positions.sh --subset mammals --dims 5
#   nice bench/run-positions.sh --subset nouns --dims 10 --out bench/target/positions.jsonl
set -euo pipefail

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo
  echo "Options: --subset mammals|nouns (mammals), --dims D (5), --threads T (2), --epochs E and --max-radius R"
  echo "         (defaults of the embedder), --seed S (42), --knn-queries Q (1000; 0 skips k-NN), --ef LIST (64,128,256),"
  echo "         --knn-metric lorentz|poincare (lorentz), --wordnet DIR (/usr/share/wordnet), --out FILE"
  echo "Training: --recipe default|nickel-kiela (default), --learning-rate, --negatives, --local-negatives,"
  echo "         --batch-size, --init-scale (1 construction, 0 near the origin), --burn-in E, --constant-rate true|false"
  echo "         (each defaults to the recipe's); --eval-every N and --eval-sample S (2000) print a sampled"
  echo "         evaluation with CPU seconds every N epochs; --rank-breakdown attributes the mean rank (stderr)"
}

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rank-breakdown) args+=("$1"); shift ;;
    --subset|--dims|--threads|--epochs|--max-radius|--seed|--knn-queries|--knn-metric|--ef|--wordnet|--out|\
    --recipe|--learning-rate|--negatives|--local-negatives|--batch-size|--init-scale|--burn-in|--constant-rate|\
    --eval-every|--eval-sample)
      [ $# -ge 2 ] || { echo "run-positions.sh: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    *) echo "run-positions.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/env.sh"
hs_find_jdk
hs_build_bench
hs_bench_java -Xmx6g -- io.hyperspatial.bench.positions.PositionsBench "${args[@]}"
