#!/usr/bin/python3
"""hnswlib and faiss (Debian's python3-hnswlib and python3-faiss) on one ANN data set directory.

Reads the same base.fvecs / queries.fvecs / truth.ivecs / metric files as the Java side, builds
each peer with the same M, ef_construction and threads, and prints the same JSON lines as
io.hyperspatial.core.index.eval.AnnEvaluation: one for the build, one per ef, so that the bench
module's report can put them side by side with ours.

Measurement, as the Java side: untimed warm-up passes (first and middle ef alternately, at least
two and for at least WARMUP_SECONDS), then per ef the queries from one thread. Queries per second come from one batch call of all queries on one thread (the
peer's native loop, no Python call per query: the most favourable figure for the peer); p50/p99
come from one call per query and so include the binding's per-call overhead (a few microseconds,
stated in the output as "latency_method":"per python call"). Memory is the growth of the process's
resident set during the build.

Poincare and Lorentz: neither binding has a custom space, so each prints
{"subject":...,"supported":false,"reason":...}.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

HYPERBOLIC = ("poincare", "lorentz")

WARMUP_SECONDS = 2.0


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype="<i4")
    if raw.size == 0:
        sys.exit(f"error: {path}: file is empty")
    d = int(raw[0])
    if d < 1 or raw.size % (d + 1) != 0:
        sys.exit(f"error: {path}: size {raw.size * 4} bytes is not a whole number of vectors of dimension {d}")
    rows = raw.reshape(-1, d + 1)
    bad = np.nonzero(rows[:, 0] != d)[0]
    if bad.size:
        sys.exit(f"error: {path}: vector {bad[0]} declares dimension {rows[bad[0], 0]}, the first has {d}")
    return np.ascontiguousarray(rows[:, 1:]).view(dtype)


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def unit(x):
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def recall(found, truth, k):
    hits = 0
    for f, t in zip(found, truth):
        hits += len(set(int(i) for i in f[:k]) & set(int(i) for i in t[:k]))
    return hits / (k * len(truth))


def emit(obj, out):
    line = json.dumps(obj, separators=(",", ":"))
    print(line, flush=True)
    if out:
        with open(out, "a") as f:
            f.write(line + "\n")


class Hnswlib:
    name = "hnswlib"

    def __init__(self, metric, base, m, ef_construction, threads):
        import hnswlib
        space = {"l2": "l2", "cosine": "cosine", "dot": "ip"}[metric]
        self.index = hnswlib.Index(space=space, dim=base.shape[1])
        self.index.init_index(max_elements=base.shape[0], ef_construction=ef_construction, M=m, random_seed=100)
        self.index.set_num_threads(threads)
        self.index.add_items(base, np.arange(base.shape[0]), num_threads=threads)
        self.index.set_num_threads(1)

    def set_ef(self, ef):
        self.index.set_ef(ef)

    def batch(self, queries, k):
        labels, _ = self.index.knn_query(queries, k=k, num_threads=1)
        return labels

    def one(self, query, k):
        return self.index.knn_query(query, k=k, num_threads=1)[0][0]


class Faiss:
    name = "faiss"

    def __init__(self, metric, base, m, ef_construction, threads):
        import faiss
        self.faiss = faiss
        self.normalise = metric == "cosine"
        kind = faiss.METRIC_L2 if metric == "l2" else faiss.METRIC_INNER_PRODUCT
        self.index = faiss.IndexHNSWFlat(base.shape[1], m, kind)
        self.index.hnsw.efConstruction = ef_construction
        faiss.omp_set_num_threads(threads)
        self.index.add(unit(base) if self.normalise else base)
        faiss.omp_set_num_threads(1)

    def set_ef(self, ef):
        self.index.hnsw.efSearch = ef

    def prepare(self, queries):
        return unit(queries) if self.normalise else queries

    def batch(self, queries, k):
        return self.index.search(self.prepare(queries), k)[1]

    def one(self, query, k):
        return self.index.search(self.prepare(query), k)[1][0]


def run(peer_class, metric, base, queries, truth, args):
    before = rss_bytes()
    start = time.perf_counter()
    peer = peer_class(metric, base, args.m, args.ef_construction, args.threads)
    build_s = time.perf_counter() - start
    memory = rss_bytes() - before
    emit({"subject": peer.name, "build_s": build_s, "memory_bytes": memory, "metric": metric,
          "n": base.shape[0], "dimension": base.shape[1], "queries": queries.shape[0], "k": args.k,
          "m": args.m, "ef_construction": args.ef_construction, "threads": args.threads,
          "quantization": "none", "filter_selectivity": 0, "allowed": base.shape[0], "truth": "file",
          "memory_method": "resident set growth during build", "qps_method": "one batch call, one thread",
          "latency_method": "per python call"}, args.out)
    efs = args.ef
    warm_start = time.perf_counter()
    passes = 0
    while passes < 2 or time.perf_counter() - warm_start < WARMUP_SECONDS:
        peer.set_ef(efs[0] if passes % 2 == 0 else efs[len(efs) // 2])
        peer.batch(queries, args.k)
        passes += 1
    for ef in efs:
        peer.set_ef(ef)
        start = time.perf_counter()
        found = peer.batch(queries, args.k)
        qps = queries.shape[0] / (time.perf_counter() - start)
        lat = np.empty(queries.shape[0])
        for i in range(queries.shape[0]):
            q = queries[i:i + 1]
            t0 = time.perf_counter_ns()
            peer.one(q, args.k)
            lat[i] = (time.perf_counter_ns() - t0) / 1e3
        emit({"subject": peer.name, "ef": ef, "recall": recall(found, truth, args.k), "qps": qps,
              "p50_us": float(np.percentile(lat, 50, method="higher")),
              "p99_us": float(np.percentile(lat, 99, method="higher"))}, args.out)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help="data set directory (base.fvecs, queries.fvecs, truth.ivecs, metric)")
    p.add_argument("--peers", default="hnswlib,faiss")
    p.add_argument("--m", type=int, default=16)
    p.add_argument("--ef-construction", type=int, default=200)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--ef", default="10,16,24,32,48,64,96,128,192,256,384,512")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--out", help="also append the JSON lines to this file")
    args = p.parse_args()
    args.ef = [int(e) for e in args.ef.split(",")]
    with open(os.path.join(args.data, "metric")) as f:
        metric = f.read().strip()
    peers = {"hnswlib": Hnswlib, "faiss": Faiss}
    chosen = [peers[name] for name in args.peers.split(",")]
    if metric in HYPERBOLIC:
        for peer in chosen:
            emit({"subject": peer.name, "supported": False,
                  "reason": f"the {peer.name} Python binding has no custom space ({metric})"}, args.out)
        return
    if metric not in ("l2", "cosine", "dot"):
        sys.exit(f"error: unknown metric '{metric}'")
    base = read_vecs(os.path.join(args.data, "base.fvecs"), np.float32)
    queries = read_vecs(os.path.join(args.data, "queries.fvecs"), np.float32)
    truth = read_vecs(os.path.join(args.data, "truth.ivecs"), np.int32)
    if queries.shape[1] != base.shape[1]:
        sys.exit(f"error: queries have dimension {queries.shape[1]}, base vectors {base.shape[1]}")
    if truth.shape[0] != queries.shape[0] or truth.shape[1] < args.k:
        sys.exit(f"error: truth.ivecs has {truth.shape[0]} rows of {truth.shape[1]} ids for {queries.shape[0]} queries and k={args.k}")
    for peer in chosen:
        run(peer, metric, base, queries, truth, args)


if __name__ == "__main__":
    main()
