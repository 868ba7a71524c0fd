// How long the manual of pod/ takes to write. Run by hand, never in tests:
//   build/<dir>/conformance/writer/bench/writer_bench
// BM_TransformAllPages: the pure page model → Pandoc JSON step, all pages,
//   all three formats (no pandoc).
// BM_WriteWholeManual: everything sslconf docs does after reading: pandoc
//   on all cores, files, links, stylesheets.
#include <benchmark/benchmark.h>

#include "reader/reader.hpp"
#include "writer/book.hpp"
#include "writer/link_index.hpp"
#include "writer/manual_writer.hpp"
#include "writer/page_document.hpp"

#include <filesystem>
#include <unistd.h>

namespace sw = sslconf::writer;

namespace {

const std::vector<sslconf::model::Page>& pod_pages() {
  static const auto pages = sslconf::reader::read_docs({std::string(SSLCONF_SOURCE_DIR) + "/pod"});
  return pages;
}

void BM_TransformAllPages(benchmark::State& state) {
  const auto& pages = pod_pages();
  const sw::LinkIndex links(pages);
  const sw::BookPlan plan = sw::plan_book(pages, "Book");
  for (auto _ : state) {
    std::size_t bytes = 0;
    for (auto format : {sw::Format::man, sw::Format::html, sw::Format::book}) {
      sw::RenderContext ctx;
      ctx.format = format;
      ctx.links = &links;
      for (std::size_t k = 0; k < plan.order.size(); ++k) {
        ctx.navigation = plan.navigation[k];
        bytes += sw::page_document(pages[plan.order[k]], ctx).dump().size();
      }
    }
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pages.size()) * 3);
}
BENCHMARK(BM_TransformAllPages)->Unit(benchmark::kMillisecond);

void BM_WriteWholeManual(benchmark::State& state) {
  sw::ManualOptions options;
  options.out_dir = (std::filesystem::temp_directory_path() / ("sslconf-writer-bench-" + std::to_string(::getpid()))).string();
  options.docs_dir = std::string(SSLCONF_SOURCE_DIR) + "/docs";
  options.date = "2026-01-01";
  options.jobs = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sw::write_manual(pod_pages(), options).files);
  std::filesystem::remove_all(options.out_dir);
}
BENCHMARK(BM_WriteWholeManual)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
