// How long report.html takes to load in headless Chromium with many claims:
// a synthetic run of N claims (spread over pages, kinds and outcomes the way
// a whole installed manual spreads them) is written as report.html, then
// Chromium loads it and the page says when its first view was drawn
// (data-rendered-ms: milliseconds since navigation began, HTML parsing and
// the embedded JSON included). Reported as the counter `rendered_ms`; the
// benchmark's own time also counts starting the browser.
//   build/reference/conformance/report/dashboard_load_bench --benchmark_counters_tabular=true
#include "platform/process.hpp"
#include "report/dashboard.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* const kOutcomes[] = {"PASS", "FAIL", "UNSUPPORTED", "UNTESTED", "UNRESOLVED"};
const char* const kKinds[] = {"prototype", "returns-int", "returns-pointer-or-null", "null-noop", "informative",
                              "unrecognised", "caller-obligation", "refcount-increment"};

// One implementation's results of `claims` synthetic claims, 20 to a page.
json synthetic_results(int claims, int impl) {
  json results = json::array();
  json totals = {{"PASS", 0}, {"FAIL", 0}, {"UNSUPPORTED", 0}, {"UNTESTED", 0}, {"UNRESOLVED", 0}};
  for (int i = 0; i < claims; ++i) {
    const std::string page = "PAGE_" + std::to_string(i / 20);
    const std::string kind = kKinds[i % 8];
    const int pick = (i * 7 + impl * 3) % 20;
    const std::string outcome = kind == "informative" || kind == "unrecognised" || kind == "caller-obligation"
                                    ? "UNTESTED"
                                    : kOutcomes[pick < 14 ? 0 : pick < 16 ? 1 : pick < 18 ? 2 : 4];
    totals[outcome] = totals[outcome].get<int>() + 1;
    results.push_back({{"id", page + "/" + kind + "/" + std::to_string(i)},
                       {"page", page},
                       {"section", i % 20 < 3 ? "SYNOPSIS" : i % 20 < 12 ? "DESCRIPTION" : "RETURN VALUES"},
                       {"functions", {page}},
                       {"kind", kind},
                       {"text", page + "() does what sentence number " + std::to_string(i) +
                                    " of this synthetic page says it does, in about as many words as a manual uses."},
                       {"source", "/usr/share/man/man3/" + page + ".3ssl.gz:" + std::to_string(10 + (i % 20) * 3)},
                       {"outcome", outcome},
                       {"detail", outcome == "FAIL" ? "returned 0 where the page says 1" : "as documented"},
                       {"expected", outcome}});
  }
  return {{"schema", 1},
          {"implementation", {{"name", "impl" + std::to_string(impl)}, {"family", "openssl"}, {"version", "synthetic"}}},
          {"results", results},
          {"totals", totals}};
}

int rendered_ms(const fs::path& html, const fs::path& profile) {
  sslconf::platform::ProcessOptions o;
  o.timeout = std::chrono::seconds(120);
  const auto r = sslconf::platform::run_process(
      {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
       "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.string(),
       "--dump-dom", "file://" + html.string()},
      o);
  std::smatch m;
  static const std::regex attr("data-rendered-ms=\"([0-9]+)\"");
  return std::regex_search(r.out, m, attr) ? std::stoi(m[1].str()) : -1;
}

void BM_report_load_in_chromium(benchmark::State& state) {
  const int claims = static_cast<int>(state.range(0));
  const int impls = static_cast<int>(state.range(1));
  const fs::path dir = fs::temp_directory_path() / ("sslconf-dashboard-bench-" + std::to_string(claims));
  fs::create_directories(dir);
  std::vector<json> runs;
  for (int i = 0; i < impls; ++i) runs.push_back(synthetic_results(claims, i));
  const fs::path html = dir / "report.html";
  sslconf::report::write_report_html(runs, html.string());
  double total = 0;
  int n = 0;
  for (auto _ : state) {
    const int ms = rendered_ms(html, dir / "profile");
    if (ms < 0) {
      state.SkipWithError("chromium gave no data-rendered-ms (is chromium installed?)");
      break;
    }
    total += ms;
    ++n;
  }
  state.counters["rendered_ms"] = n ? total / n : -1;
  state.counters["html_MB"] = static_cast<double>(fs::file_size(html)) / 1e6;
  fs::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_report_load_in_chromium)
    ->Args({590, 2})
    ->Args({10000, 1})
    ->Args({10000, 4})
    ->Args({30000, 1})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
