// Native hnswlib (Debian's libhnswlib-dev headers) on one ANN data set directory, for every metric:
// l2 and dot with hnswlib's own spaces, cosine as inner product on unit vectors, and Poincaré and
// Lorentz through custom SpaceInterfaces that score like ours (Poincaré ‖u−v‖²·α_u·α_v with
// α = 1/(1−‖x‖²) stored after each vector; Lorentz ‖u_s−v_s‖² − (u₀−v₀)²), both monotone in the
// hyperbolic distance, curvature −1. Builds with the same M, ef_construction and threads (addPoint from
// `threads` std::threads), then for each ef searches every query once from one thread, timed one
// by one, and prints the same JSON lines as the Java side (subject "hnswlib_cpp").
//
// With a last argument `serve` it instead warms up at the first ef, prints {"ready":true}, and then
// answers lines "EF SECONDS" on stdin, each with one JSON line for a timed pass at that ef of at
// least SECONDS (every query once, repeated until the time is up): how the bench module's
// `ann-bench paired` alternates its passes with ours in one run (PairedCommand).
//
// Built by bench/run-ann.sh:  g++ -O3 -march=native -std=c++17 -pthread hnswlib_peer.cpp
// Usage: hnswlib_peer DIR M EF_CONSTRUCTION THREADS K EF1,EF2,... [serve]
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

struct Vectors {
    size_t n = 0;
    size_t dim = 0;
    std::vector<float> data;  // n × dim, row-major
};

[[noreturn]] void fail(const std::string &message) {
    std::fprintf(stderr, "error: %s\n", message.c_str());
    std::exit(2);
}

// Reads .fvecs or .ivecs (both 4-byte values after a little-endian int32 dimension).
template <typename T>
std::vector<T> readVecs(const std::string &path, size_t &n, size_t &dim) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path + ": cannot open");
    std::vector<T> out;
    n = 0;
    dim = 0;
    int32_t d;
    while (in.read(reinterpret_cast<char *>(&d), 4)) {
        if (d < 1 || (dim != 0 && static_cast<size_t>(d) != dim)) {
            fail(path + ": vector " + std::to_string(n) + " declares dimension " + std::to_string(d));
        }
        dim = static_cast<size_t>(d);
        size_t at = out.size();
        out.resize(at + dim);
        if (!in.read(reinterpret_cast<char *>(out.data() + at), 4 * dim)) {
            fail(path + ": vector " + std::to_string(n) + " is truncated");
        }
        n++;
    }
    if (n == 0) fail(path + ": file is empty");
    return out;
}

// Poincaré ball, curvature −1: each stored point is dim coordinates followed by α = 1/(1−‖x‖²).
float poincareScore(const void *a, const void *b, const void *param) {
    size_t dim = *static_cast<const size_t *>(param);
    const float *x = static_cast<const float *>(a);
    const float *y = static_cast<const float *>(b);
    float sq = 0;
    for (size_t i = 0; i < dim; i++) {
        float t = x[i] - y[i];
        sq += t * t;
    }
    return sq * x[dim] * y[dim];
}

// Lorentz hyperboloid, time coordinate first: the Minkowski square of the difference,
// ‖x_s−y_s‖² − (x₀−y₀)² = −2⟨x,y⟩_L − 2, ranks like −⟨x,y⟩_L but keeps float precision far from the
// origin (as ours does).
float lorentzScore(const void *a, const void *b, const void *param) {
    size_t dim = *static_cast<const size_t *>(param);
    const float *x = static_cast<const float *>(a);
    const float *y = static_cast<const float *>(b);
    float s = 0;
    for (size_t i = 1; i < dim; i++) {
        float t = x[i] - y[i];
        s += t * t;
    }
    float dt = x[0] - y[0];
    return s - dt * dt;
}

class HyperbolicSpace : public hnswlib::SpaceInterface<float> {
public:
    HyperbolicSpace(size_t dim, size_t stored, hnswlib::DISTFUNC<float> f) : dim_(dim), stored_(stored), f_(f) {}
    size_t get_data_size() override { return stored_ * sizeof(float); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return f_; }
    void *get_dist_func_param() override { return &dim_; }

private:
    size_t dim_;
    size_t stored_;
    hnswlib::DISTFUNC<float> f_;
};

// The rows as the space stores them: unit vectors for cosine, α appended for Poincaré.
std::vector<float> prepare(const std::string &metric, const Vectors &v, size_t &stored) {
    stored = metric == "poincare" ? v.dim + 1 : v.dim;
    std::vector<float> out(v.n * stored);
    for (size_t r = 0; r < v.n; r++) {
        const float *x = &v.data[r * v.dim];
        float *y = &out[r * stored];
        double sq = 0;
        for (size_t i = 0; i < v.dim; i++) sq += static_cast<double>(x[i]) * x[i];
        double scale = metric == "cosine" ? 1.0 / std::sqrt(sq) : 1.0;
        for (size_t i = 0; i < v.dim; i++) y[i] = static_cast<float>(x[i] * scale);
        if (metric == "poincare") y[v.dim] = static_cast<float>(1.0 / (1.0 - sq));
    }
    return out;
}

long residentBytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGE_SIZE);
}

std::string num(double d) {
    std::ostringstream s;
    s.precision(6);
    s << d;
    return s.str();
}

}  // namespace

int main(int argc, char **argv) {
    bool serve = argc == 8 && std::string(argv[7]) == "serve";
    if (argc != 7 && !serve) fail("usage: hnswlib_peer DIR M EF_CONSTRUCTION THREADS K EF1,EF2,... [serve]");
    std::string dir = argv[1];
    size_t m = std::stoul(argv[2]), efc = std::stoul(argv[3]), threads = std::stoul(argv[4]), k = std::stoul(argv[5]);
    std::vector<size_t> efs;
    std::stringstream list(argv[6]);
    for (std::string e; std::getline(list, e, ',');) efs.push_back(std::stoul(e));
    std::string metric;
    std::ifstream(dir + "/metric") >> metric;

    Vectors base, queries;
    base.data = readVecs<float>(dir + "/base.fvecs", base.n, base.dim);
    queries.data = readVecs<float>(dir + "/queries.fvecs", queries.n, queries.dim);
    size_t truthN, truthDim;
    std::vector<int32_t> truth = readVecs<int32_t>(dir + "/truth.ivecs", truthN, truthDim);
    if (queries.dim != base.dim) fail("queries and base vectors differ in dimension");
    if (truthN != queries.n || truthDim < k) fail("truth.ivecs does not hold k ids per query");

    std::unique_ptr<hnswlib::SpaceInterface<float>> space;
    if (metric == "l2") space.reset(new hnswlib::L2Space(base.dim));
    else if (metric == "cosine" || metric == "dot") space.reset(new hnswlib::InnerProductSpace(base.dim));
    else if (metric == "poincare") space.reset(new HyperbolicSpace(base.dim, base.dim + 1, poincareScore));
    else if (metric == "lorentz") space.reset(new HyperbolicSpace(base.dim, base.dim, lorentzScore));
    else fail("unknown metric '" + metric + "'");
    size_t stored;
    std::vector<float> rows = prepare(metric, base, stored);
    std::vector<float> qrows = prepare(metric, queries, stored);

    long before = residentBytes();
    auto start = std::chrono::steady_clock::now();
    hnswlib::HierarchicalNSW<float> index(space.get(), base.n, m, efc, 100);
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (size_t t = 0; t < threads; t++) {
        workers.emplace_back([&] {
            for (size_t i = next++; i < base.n; i = next++) index.addPoint(&rows[i * stored], i);
        });
    }
    for (auto &w : workers) w.join();
    double buildS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    long memory = residentBytes() - before;
    std::printf("{\"subject\":\"hnswlib_cpp\",\"build_s\":%s,\"memory_bytes\":%ld,\"metric\":\"%s\",\"n\":%zu,"
                "\"dimension\":%zu,\"queries\":%zu,\"k\":%zu,\"m\":%zu,\"ef_construction\":%zu,\"threads\":%zu,"
                "\"quantization\":\"none\",\"filter_selectivity\":0,\"allowed\":%zu,\"truth\":\"file\","
                "\"memory_method\":\"resident set growth during build\"}\n",
                num(buildS).c_str(), memory, metric.c_str(), base.n, base.dim, queries.n, k, m, efc, threads, base.n);
    std::fflush(stdout);

    auto pass = [&](size_t ef, std::vector<double> *micros, std::vector<std::vector<size_t>> *found) {
        index.setEf(ef);
        for (size_t q = 0; q < queries.n; q++) {
            auto t0 = std::chrono::steady_clock::now();
            auto result = index.searchKnn(&qrows[q * stored], k);
            auto t1 = std::chrono::steady_clock::now();
            if (micros) (*micros)[q] = std::chrono::duration<double, std::micro>(t1 - t0).count();
            if (found) {
                auto &row = (*found)[q];
                row.clear();
                for (; !result.empty(); result.pop()) row.push_back(result.top().second);
            }
        }
    };
    // Warm-up as AnnEvaluation's: first and middle ef alternately, at least 2 passes and 2 s.
    auto warmStart = std::chrono::steady_clock::now();
    for (size_t passes = 0; passes < 2
            || std::chrono::duration<double>(std::chrono::steady_clock::now() - warmStart).count() < 2.0; passes++) {
        pass(passes % 2 == 0 ? efs.front() : efs[efs.size() / 2], nullptr, nullptr);
    }
    auto recallOf = [&](const std::vector<std::vector<size_t>> &found) {
        size_t hits = 0;
        for (size_t q = 0; q < queries.n; q++) {
            for (size_t i = 0; i < k; i++) {
                size_t want = static_cast<size_t>(truth[q * truthDim + i]);
                hits += std::count(found[q].begin(), found[q].end(), want) > 0;
            }
        }
        return static_cast<double>(hits) / (k * queries.n);
    };
    auto percentile = [](std::vector<double> &sorted, double p) {
        return sorted[std::min(sorted.size() - 1, static_cast<size_t>(std::ceil(p * sorted.size())) - 1)];
    };
    if (serve) {
        std::printf("{\"subject\":\"hnswlib_cpp\",\"ready\":true}\n");
        std::fflush(stdout);
        size_t ef;
        double minSeconds;
        while (std::cin >> ef >> minSeconds) {
            std::vector<double> micros, one(queries.n);
            std::vector<std::vector<size_t>> found(queries.n);
            auto t0 = std::chrono::steady_clock::now();
            double seconds = 0;
            for (size_t passes = 0; passes == 0 || seconds < minSeconds; passes++) {
                pass(ef, &one, passes == 0 ? &found : nullptr);
                micros.insert(micros.end(), one.begin(), one.end());
                seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            }
            std::sort(micros.begin(), micros.end());
            std::printf("{\"subject\":\"hnswlib_cpp\",\"ef\":%zu,\"recall\":%s,\"qps\":%s,\"p50_us\":%s,\"p99_us\":%s}\n",
                        ef, num(recallOf(found)).c_str(), num(micros.size() / seconds).c_str(),
                        num(percentile(micros, 0.50)).c_str(), num(percentile(micros, 0.99)).c_str());
            std::fflush(stdout);
        }
        return 0;
    }
    for (size_t ef : efs) {
        std::vector<double> micros(queries.n);
        std::vector<std::vector<size_t>> found(queries.n);
        auto t0 = std::chrono::steady_clock::now();
        pass(ef, &micros, &found);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::sort(micros.begin(), micros.end());
        std::printf("{\"subject\":\"hnswlib_cpp\",\"ef\":%zu,\"recall\":%s,\"qps\":%s,\"p50_us\":%s,\"p99_us\":%s}\n", ef,
                    num(recallOf(found)).c_str(), num(queries.n / seconds).c_str(),
                    num(percentile(micros, 0.50)).c_str(), num(percentile(micros, 0.99)).c_str());
        std::fflush(stdout);
    }
    return 0;
}
