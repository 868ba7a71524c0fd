// Cost of running a generated suite claim by claim, isolation included.
// Point it at a built suite with two environment variables,
//   SSLCONF_BENCH_SUITE     build/impl-reference/conformance/suite/sslconf_suite
//   SSLCONF_BENCH_MANIFEST  build/impl-reference/conformance/suite/generated/manifest.json
// and run build/reference/conformance/runner/run_suite_bench.
#include "runner/runner.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>

namespace {

void run_whole_suite(benchmark::State& state) {
  const char* suite = std::getenv("SSLCONF_BENCH_SUITE");
  const char* manifest_path = std::getenv("SSLCONF_BENCH_MANIFEST");
  if (!suite || !manifest_path) {
    state.SkipWithError("set SSLCONF_BENCH_SUITE and SSLCONF_BENCH_MANIFEST");
    return;
  }
  std::ifstream in(manifest_path);
  const auto manifest = nlohmann::json::parse(in);
  sslconf::runner::RunOptions o;
  o.suite = suite;
  o.jobs = static_cast<unsigned>(state.range(0));
  o.isolation = state.range(1) ? sslconf::runner::RunOptions::Isolation::fork : sslconf::runner::RunOptions::Isolation::exec;
  for (auto _ : state) benchmark::DoNotOptimize(sslconf::runner::run_suite(manifest, o));
  const auto claims = static_cast<double>(manifest["cases"].size());
  state.counters["claims"] = claims;
  state.counters["per_claim"] =
      benchmark::Counter(claims * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

// Args: jobs, and 1 = forked from a suite server, 0 = a program start per claim.
BENCHMARK(run_whole_suite)->Args({1, 0})->Args({1, 1})->Args({2, 0})->Args({2, 1})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
