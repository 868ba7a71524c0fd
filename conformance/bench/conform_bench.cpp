// The conform pipeline as a user meets it, in wall time (what they wait for):
//  - cold: the 27 session-family pages of the installed manual against one
//    implementation, from an empty build folder (configure, probes, build
//    of the harness, the checks and the generated suite, run, reports);
//  - re-run: pod/ against the system OpenSSL after a one-sentence edit of a
//    page, the build folder warm from the run before;
//  - the whole installed libssl manual (--docs installed-libssl) against the
//    system OpenSSL, cold, and re-run after a one-sentence edit of one of
//    its pages (a copy of them, uncompressed).
// Builds go to a scratch folder of their own (conform's hidden
// --build-root), never to the user's build/. The children's CPU time is a
// counter beside the wall time. Goals (issue 13): cold < 60 s for every
// implementation, re-run < 10 s; whole manual (issue 25): cold < 180 s,
// re-run < 30 s.
#include "platform/process.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sslconf::platform::ProcessOptions;
using sslconf::platform::ProcessResult;
using sslconf::platform::run_process;

namespace {

const fs::path kScratch = fs::path(SSLCONF_BENCH_WORK_DIR);

// One conform run, its wall time in `seconds`; false (with the reason on
// the state) when it failed.
bool conform(benchmark::State& state, const std::vector<std::string>& args, const fs::path& build_root,
             double& seconds, double& cpu_seconds) {
  std::vector<std::string> argv{SSLCONF_TOOL_PATH, "conform", "--project", SSLCONF_SOURCE_DIR, "--build-root",
                                build_root.string(), "--out", (kScratch / "out").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.timeout = std::chrono::minutes(20);
  o.env["CCACHE_DISABLE"] = "1";  // cold means compiled, whatever launcher the environment names
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult r = run_process(argv, o);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cpu_seconds += r.cpu_seconds;
  // Exit 1 is "a claim needs attention" (an unexpected outcome): still a run.
  if (r.exited && (r.exit_code == 0 || r.exit_code == 1)) return true;
  state.SkipWithError(("sslconf conform failed: " + r.err.substr(0, 200)).c_str());
  return false;
}

void BM_ConformColdInstalled(benchmark::State& state, const std::string& impl) {
  const fs::path root = kScratch / ("cold-" + fs::path(impl).filename().string());
  double cpu = 0, seconds = 0;
  for (auto _ : state) {
    fs::remove_all(root);  // outside the measured time: conform() times the run alone
    if (!conform(state, {"--impl", impl, "--docs", "installed"}, root, seconds, cpu)) return;
    state.SetIterationTime(seconds);
  }
  state.counters["cpu_s"] = cpu / static_cast<double>(state.iterations());
}

void BM_ConformColdLibssl(benchmark::State& state) {
  const fs::path root = kScratch / "cold-libssl";
  double cpu = 0, seconds = 0;
  for (auto _ : state) {
    fs::remove_all(root);
    if (!conform(state, {"--impl", "openssl", "--docs", "installed-libssl"}, root, seconds, cpu)) return;
    state.SetIterationTime(seconds);
  }
  state.counters["cpu_s"] = cpu / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ConformColdLibssl)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

// The goal holds for every implementation: the four named ones, then each
// install prefix unpacked from ../shared/impls (scripts/setup puts them
// under build/impls/), by path as a user names one.
std::vector<std::string> cold_implementations() {
  std::vector<std::string> out{"openssl", "reference", "boringssl", "wolfssl"};
  std::error_code ec;
  std::vector<std::string> prefixes;
  for (const auto& e : fs::directory_iterator(fs::path(SSLCONF_SOURCE_DIR) / "build/impls", ec))
    if (fs::exists(e.path() / "include/openssl/ssl.h")) prefixes.push_back(e.path().string());
  std::sort(prefixes.begin(), prefixes.end());
  out.insert(out.end(), prefixes.begin(), prefixes.end());
  return out;
}

// Swaps one word of a DESCRIPTION sentence, back and forth: the claims of
// that page change, so the suite's page source is generated and built again.
bool edit_one_sentence(const fs::path& page, int round, const std::string& a = "frees the object when",
                       const std::string& b = "frees that object when") {
  std::ifstream in(page);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const std::string& from = round % 2 ? b : a;
  const std::string& to = round % 2 ? a : b;
  const auto at = s.find(from);
  if (at == std::string::npos) return false;
  s.replace(at, from.size(), to);
  std::ofstream(page) << s;
  return true;
}

void BM_ConformRerunAfterEdit(benchmark::State& state) {
  const fs::path docs = kScratch / "pod";
  const fs::path root = kScratch / "warm";
  fs::remove_all(docs);
  fs::create_directories(kScratch);
  fs::copy(fs::path(SSLCONF_SOURCE_DIR) / "pod", docs, fs::copy_options::recursive);
  const std::vector<std::string> args{"--impl", "openssl", "--docs", docs.string()};
  double cpu = 0, seconds = 0;
  if (!conform(state, args, root, seconds, cpu)) return;  // warm the build folder
  cpu = 0;
  int round = 0;
  for (auto _ : state) {
    if (!edit_one_sentence(docs / "man3/SSL_SESSION_new.pod", round++))
      return state.SkipWithError("the sentence the benchmark edits is no longer in SSL_SESSION_new.pod");
    if (!conform(state, args, root, seconds, cpu)) return;
    state.SetIterationTime(seconds);
  }
  state.counters["cpu_s"] = cpu / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ConformRerunAfterEdit)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

// The pages `--docs installed-libssl` reads (conform --list-docs names
// them), copied uncompressed into `docs`.
bool copy_installed_libssl(const fs::path& docs) {
  ProcessOptions o;
  const auto listed = run_process({SSLCONF_TOOL_PATH, "conform", "--project", SSLCONF_SOURCE_DIR, "--impl", "openssl",
                                   "--docs", "installed-libssl", "--list-docs"}, o);
  if (!listed.exited || listed.exit_code != 0) return false;
  fs::remove_all(docs);
  fs::create_directories(docs);
  std::istringstream pages(listed.out);
  int copied = 0;
  for (std::string page; std::getline(pages, page);) {
    std::string name = fs::path(page).filename().string();
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
    const auto r = run_process({"gzip", "-dcf", page}, o);
    if (!r.exited || r.exit_code != 0) return false;
    std::ofstream(docs / name) << r.out;
    ++copied;
  }
  return copied > 0;
}

void BM_ConformRerunLibsslAfterEdit(benchmark::State& state) {
  const fs::path docs = kScratch / "libssl-manual", root = kScratch / "warm-libssl";
  double cpu = 0, seconds = 0;
  if (!copy_installed_libssl(docs)) return state.SkipWithError("could not copy the installed libssl pages");
  fs::remove_all(root);  // one cold build, then only the edited page's
  const std::vector<std::string> args{"--impl", "openssl", "--docs", docs.string()};
  if (!conform(state, args, root, seconds, cpu)) return;  // warm for this copy
  cpu = 0;
  int round = 0;
  for (auto _ : state) {
    if (!edit_one_sentence(docs / "SSL_SESSION_free.3ssl", round++, "reference count on the given",
                           "reference count of the given"))
      return state.SkipWithError("the sentence the benchmark edits is not in the installed SSL_SESSION_free page");
    if (!conform(state, args, root, seconds, cpu)) return;
    state.SetIterationTime(seconds);
  }
  state.counters["cpu_s"] = cpu / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ConformRerunLibsslAfterEdit)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  for (const auto& impl : cold_implementations())
    benchmark::RegisterBenchmark(("BM_ConformColdInstalled/" + fs::path(impl).filename().string()).c_str(),
                                 BM_ConformColdInstalled, impl)
        ->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
