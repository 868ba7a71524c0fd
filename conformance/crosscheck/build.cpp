#include "crosscheck/build.hpp"

#include "claims/extract.hpp"
#include "crosscheck/lint.hpp"
#include "reader/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace sslconf::crosscheck {

namespace {

DocSet this_set(const CrosscheckInputs& in) { return DocSet{in.docs_label, in.pages, in.catalogue}; }

// A page of the other set that the reader rejects is a note; the
// comparison is of the others.
DocSet read_set(const OtherDocs& docs, std::vector<std::string>& notes) {
  DocSet d;
  d.label = docs.label;
  auto read = reader::read_pages(docs.paths);
  for (const auto& e : read.rejected) notes.push_back(std::string("page not compared: ") + e.what());
  d.pages = std::move(read.pages);
  d.catalogue = claims::extract(d.pages);
  return d;
}

template <typename F>
void or_note(CrosscheckReport& report, const std::string& what, F&& step) {
  try {
    step();
  } catch (const std::exception& e) {
    report.notes.push_back(what + ": " + e.what());
  }
}

}  // namespace

CrosscheckReport build_crosscheck_report(const CrosscheckInputs& in) {
  CrosscheckReport report;
  report.docs = in.docs_label;
  LintOptions options;
  options.known_pages.add_man_directories(in.man_dirs.empty() ? std::vector<std::string>{"/usr/share/man"} : in.man_dirs);
  report.lint = lint(in.pages, options);
  const DocSet mine = this_set(in);
  for (const auto& other : in.compare_with)
    or_note(report, "page against page with " + other.label, [&] { report.page_diffs.push_back(diff(read_set(other, report.notes), mine)); });
  std::vector<std::string> by_preprocessor = in.implementations;
  for (const auto& probes : in.probes) {
    try {
      auto r = header_report_from_probes_file(probes.path, in.pages, probes.implementation);
      r.docs = in.docs_label;
      report.headers.push_back(std::move(r));
    } catch (const std::exception& e) {
      // Without the suite's verdict, read the same headers ourselves.
      report.notes.push_back(std::string(e.what()) + "; comparing with the preprocessed headers instead");
      if (std::find(by_preprocessor.begin(), by_preprocessor.end(), probes.implementation) == by_preprocessor.end())
        by_preprocessor.push_back(probes.implementation);
    }
  }
  for (const auto& impl : by_preprocessor)
    or_note(report, "page against header of " + impl, [&] {
      auto source = header_source_for(impl, in.project_dir);
      source.optional_includes = synopsis_includes(in.pages);
      auto r = compare_pages_with_header(in.pages, read_header(source), impl);
      r.docs = in.docs_label;
      report.headers.push_back(std::move(r));
    });
  for (const auto& file : in.results_files)
    or_note(report, "page against behaviour from " + file,
            [&] { report.behaviours.push_back(summarise_results_file(file)); });
  return report;
}

std::string implementation_of_probes_file(const std::string& path) {
  const std::string stem = std::filesystem::path(path).stem().string();
  return stem.rfind("probes-", 0) == 0 && stem.size() > 7 ? stem.substr(7) : stem;
}

OtherDocs installed_pages_for(const std::vector<model::Page>& pages, const std::string& man_dir) {
  namespace fs = std::filesystem;
  std::set<std::string> names;
  for (const auto& p : pages) names.insert(p.names.begin(), p.names.end());
  std::set<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(man_dir + "/man3", ec)) {
    const std::string file = entry.path().filename().string();
    const auto dot = file.find(".3");
    if (dot == std::string::npos || !names.count(file.substr(0, dot))) continue;
    const auto real = fs::canonical(entry.path(), ec);
    if (!ec) found.insert(real.string());
  }
  return {"installed manual (" + man_dir + ")", {found.begin(), found.end()}};
}

bool has_differences(const CrosscheckReport& r) {
  for (const auto& d : r.page_diffs)
    if (!d.empty()) return true;
  for (const auto& h : r.headers)
    if (h.count(Agreement::different) + h.count(Agreement::missing) > 0) return true;
  for (const auto& b : r.behaviours)
    if (b.contradicted() > 0) return true;
  return !r.lint.empty();
}

}  // namespace sslconf::crosscheck
