// How long the cross-checks take on the project's own pages and on the
// system OpenSSL headers. Run by hand; never part of the tests.
#include "claims/extract.hpp"
#include "crosscheck/catalogue_diff.hpp"
#include "crosscheck/header_compare.hpp"
#include "crosscheck/lint.hpp"
#include "platform/process.hpp"
#include "reader/reader.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace sslconf;

const std::vector<model::Page>& pod_pages() {
  static const auto pages = reader::read_docs({SSLCONF_SOURCE_DIR "/pod"});
  return pages;
}

void lint_pod(benchmark::State& state) {
  crosscheck::LintOptions options;
  options.known_pages.add_man_directories({"/usr/share/man"});
  for (auto _ : state) benchmark::DoNotOptimize(crosscheck::lint(pod_pages(), options));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pod_pages().size()));
}
BENCHMARK(lint_pod)->Unit(benchmark::kMillisecond);

void diff_pod_with_itself(benchmark::State& state) {
  const crosscheck::DocSet set{"pod", pod_pages(), claims::extract(pod_pages())};
  for (auto _ : state) benchmark::DoNotOptimize(crosscheck::diff(set, set));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(set.catalogue.claims.size()));
}
BENCHMARK(diff_pod_with_itself)->Unit(benchmark::kMillisecond);

void parse_openssl_header(benchmark::State& state) {
  platform::ProcessOptions o;
  o.input = "#include <openssl/ssl.h>\n";
  const auto text = platform::run_process({"cc", "-E", "-dD", "-P", "-x", "c", "-"}, o).out;
  for (auto _ : state) benchmark::DoNotOptimize(crosscheck::HeaderIndex::parse(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(parse_openssl_header)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
