// What a user runs, measured as the CPU time of the child processes (the
// tool with everything it starts, e.g. pandoc) against a peer program over
// the same files, in the same run:
//  - `sslconf read` over a POD tree vs podchecker over the same files;
//  - `sslconf claims` over the installed OpenSSL manual (no peer: its goal
//    is absolute), with the tool's peak memory as a counter.
// Each iteration's time is the child's CPU time (manual time), so the load
// of other programs on the machine moves the numbers less than wall time
// would. SSLCONF_POD_CORPUS and SSLCONF_MAN_DIR choose other folders.
#include "bench/corpus.hpp"
#include "platform/process.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sslconf::platform::ProcessResult;
using sslconf::platform::run_process;

using sslconf::bench::ends_with;
using sslconf::bench::env_or;
using sslconf::bench::files_under;

namespace {

const std::vector<std::string>& pod_files() {
  static const auto files = files_under(env_or("SSLCONF_POD_CORPUS", "/usr/share/perl/5.36/pod"), ".pod");
  return files;
}

const std::vector<std::string>& manual_files() {
  static const auto files = files_under(env_or("SSLCONF_MAN_DIR", "/usr/share/man/man3"), ".3ssl.gz");
  return files;
}

std::vector<std::string> command(std::vector<std::string> argv, const std::vector<std::string>& files) {
  argv.insert(argv.end(), files.begin(), files.end());
  return argv;
}

// Runs argv once per iteration; the iteration's time is the child's CPU time.
void measure_child(benchmark::State& state, const std::vector<std::string>& argv, std::size_t files) {
  if (files == 0) return state.SkipWithError("no input files");
  long max_rss_kb = 0;
  for (auto _ : state) {
    const ProcessResult r = run_process(argv);
    if (!r.exited) return state.SkipWithError((argv[0] + " did not finish").c_str());
    state.SetIterationTime(r.cpu_seconds);
    max_rss_kb = std::max(max_rss_kb, r.max_rss_kb);
  }
  state.counters["files"] = static_cast<double>(files);
  state.counters["max_rss_mb"] = static_cast<double>(max_rss_kb) / 1024.0;
}

void BM_SslconfRead(benchmark::State& state) {
  measure_child(state, command({SSLCONF_TOOL_PATH, "read"}, pod_files()), pod_files().size());
}
BENCHMARK(BM_SslconfRead)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

void BM_Podchecker(benchmark::State& state) {
  measure_child(state, command({"podchecker"}, pod_files()), pod_files().size());
}
BENCHMARK(BM_Podchecker)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

void BM_SslconfClaimsInstalledManual(benchmark::State& state) {
  measure_child(state, command({SSLCONF_TOOL_PATH, "claims", "-q", "-o", "/dev/null"}, manual_files()),
                manual_files().size());
}
BENCHMARK(BM_SslconfClaimsInstalledManual)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
