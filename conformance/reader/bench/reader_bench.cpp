// Reader speed, measured in one run against a reference point:
//  - our POD reader vs podchecker (Pod::Checker, one perl process for all
//    files) over the same POD corpus, searched recursively (perl-doc's pods
//    by default; scripts/bench points it at OpenSSL's doc/ tree);
//  - the whole installed OpenSSL manual (/usr/share/man/man3/*ssl.gz: roff
//    made by pod2man, read natively; with SSLCONF_ROFF_READER=pandoc through
//    batched, parallel pandoc runs as before, for comparison).
// The reader and podchecker rows report CPU time (manual time: ours from
// std::clock, podchecker's that of the child process), so that other load on
// a shared machine moves the ratio less; the installed-manual row is
// wall-clock time, its pandoc work being spread over threads and children. Set SSLCONF_POD_CORPUS / SSLCONF_MAN_DIR to measure other
// folders.
#include "bench/corpus.hpp"
#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "reader/formats.hpp"
#include "reader/reader.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace sslconf;

using bench::ends_with;
using bench::env_or;
using bench::files_under;

namespace {

std::vector<std::string> files_in(const fs::path& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (ends_with(e.path().string(), suffix)) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct PodCorpus {
  std::vector<std::string> paths;
  std::vector<std::string> contents;
  std::size_t bytes = 0;
  PodCorpus() {
    paths = files_under(env_or("SSLCONF_POD_CORPUS", "/usr/share/perl/5.36/pod"), ".pod");
    for (const auto& p : paths) {
      std::ostringstream s;
      s << std::ifstream(p).rdbuf();
      contents.push_back(s.str());
      bytes += contents.back().size();
    }
  }
};

const PodCorpus& pod_corpus() {
  static const PodCorpus c;
  return c;
}

// Our reader: parse and build the page model, file by file, one thread.
// Files may be read from memory; podchecker reads them from the page cache.
void BM_PodReader(benchmark::State& state) {
  const auto& c = pod_corpus();
  if (c.paths.empty()) return state.SkipWithError("no POD corpus");
  std::size_t models = 0, rejected = 0;
  for (auto _ : state) {
    const std::clock_t start = std::clock();
    models = rejected = 0;
    for (std::size_t i = 0; i < c.paths.size(); ++i) {
      try {
        auto page = reader::assemble(reader::read_pod(c.contents[i], c.paths[i]));
        benchmark::DoNotOptimize(page);
        ++models;
      } catch (const model::InputError&) {
        ++rejected;  // e.g. a perl pod without a NAME section
      }
    }
    state.SetIterationTime(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  state.counters["files"] = static_cast<double>(c.paths.size());
  state.counters["models"] = static_cast<double>(models);
  state.counters["rejected"] = static_cast<double>(rejected);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_PodReader)->Unit(benchmark::kMillisecond)->UseManualTime();

// podchecker over the same files: one perl process checks them all, so
// its start-up is paid once, in its favour.
void BM_Podchecker(benchmark::State& state) {
  const auto& c = pod_corpus();
  if (c.paths.empty()) return state.SkipWithError("no POD corpus");
  std::vector<std::string> argv{"podchecker"};
  argv.insert(argv.end(), c.paths.begin(), c.paths.end());
  for (auto _ : state) {
    const auto r = platform::run_process(argv);
    if (!r.exited) return state.SkipWithError("podchecker did not finish");
    state.SetIterationTime(r.cpu_seconds);
    benchmark::DoNotOptimize(r.err.size());
  }
  state.counters["files"] = static_cast<double>(c.paths.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Podchecker)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

// The whole installed OpenSSL manual through read_docs: every name, symbolic
// links read once, on hardware_cores() threads (pandoc's runs too, when
// SSLCONF_ROFF_READER=pandoc sends the pages there).
void BM_ReadInstalledManual(benchmark::State& state) {
  const auto files = files_in(env_or("SSLCONF_MAN_DIR", "/usr/share/man/man3"), "ssl.gz");
  if (files.empty()) return state.SkipWithError("no installed OpenSSL manual");
  std::size_t prototypes = 0;
  for (auto _ : state) {
    const auto pages = reader::read_docs(files);
    prototypes = 0;
    for (const auto& p : pages) prototypes += p.synopsis.prototypes.size();
    benchmark::DoNotOptimize(pages.data());
  }
  state.counters["pages"] = static_cast<double>(files.size());
  state.counters["prototypes"] = static_cast<double>(prototypes);
  state.counters["threads"] = platform::hardware_cores();
}
BENCHMARK(BM_ReadInstalledManual)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
