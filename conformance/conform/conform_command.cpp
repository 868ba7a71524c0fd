// sslconf conform: the product. Validates the command line, extracts the
// claims of the pages, then for each implementation builds the suite
// generated from them, runs it claim by claim, compares with the
// expectation file, and writes results, JUnit and report.html; prints a
// summary and what needs attention (the whole matrix with --matrix).
#include "claims/extract.hpp"
#include "conform/arguments.hpp"
#include "conform/reproducer_check.hpp"
#include "conform/steps.hpp"
#include "crosscheck/build.hpp"
#include "crosscheck/patch.hpp"
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "platform/process.hpp"
#include "report/dashboard.hpp"
#include "report/findings.hpp"
#include "report/matrix.hpp"
#include "report/results.hpp"
#include "report/summary.hpp"
#include "tool/commands.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::tool {

namespace {

// The folder of a docs set's expectation files, "" when it has none.
std::string expectations_folder(const std::string& project, const std::string& set) {
  if (set.empty()) return "";
  const fs::path all = fs::path(project) / "conformance/expectations";
  return (set == conform::kPodDocs ? all : all / set).string();
}

std::string file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The pages, read once, and their claims: the suites, the report and the
// cross-check all start from these.
struct Docs {
  std::vector<model::Page> pages;
  claims::Catalogue catalogue;
};

// The pages the suite is made from: those of --docs, less those the NAME
// filters (--session-family, --libssl) leave out. A page the reader rejects
// costs that page only: it is reported, and the run goes on with the others
// (exiting 2 at the end). A missing argument throws InputError (reported by
// main, status 2).
std::vector<model::Page> read_selected(const conform::Arguments& args, bool& rejected) {
  auto read = reader::read_pages(args.docs);
  rejected = reader::report_rejected(read, std::cerr) > 0;
  std::vector<model::Page> pages = std::move(read.pages);
  if (!args.family.empty()) {
    const std::set<std::string> family(args.family.begin(), args.family.end());
    const auto outside = [&family](const model::Page& p) {
      return std::none_of(p.names.begin(), p.names.end(), [&family](const std::string& n) { return family.count(n) > 0; });
    };
    pages.erase(std::remove_if(pages.begin(), pages.end(), outside), pages.end());
    if (pages.empty()) throw model::InputError({args.docs.front(), 0}, "no page names a session-family function");
  }
  if (!args.name_prefixes.empty()) {
    const auto outside = [&args](const model::Page& p) { return !conform::names_libssl(p.names, args.name_prefixes); };
    pages.erase(std::remove_if(pages.begin(), pages.end(), outside), pages.end());
    if (pages.empty()) throw model::InputError({args.docs.front(), 0}, "no page's NAME lists a libssl name (--libssl)");
  }
  return pages;
}

Docs read_and_extract(const conform::Arguments& args, bool& rejected) {
  Docs d;
  d.pages = read_selected(args, rejected);
  d.catalogue = claims::extract(d.pages);
  return d;
}

// claims.json, replaced only when its content changed, so unchanged pages
// do not rebuild any suite.
void write_claims(const claims::Catalogue& catalogue, const fs::path& claims) {
  const std::string text = claims::to_json(catalogue).dump(2) + "\n";
  if (fs::exists(claims) && file_text(claims) == text) return;
  report::write_atomically(claims.string(), text);
}

// A stale result of an earlier run must not pass for this run's.
void forget_results(const fs::path& out, const std::string& name) {
  for (const auto& f : {"results-" + name + ".json", "junit-" + name + ".xml", "probes-" + name + ".json"})
    fs::remove(out / f);
}

// out/crosscheck.html: lint, the pages against the installed release, each
// implementation's declarations (from the suite's probes) and behaviour.
// A cross-check that cannot run is a note in that page, never a failed run.
// Returns the pages' lint findings and the patch of their certain fixes,
// for findings.md (the patch is also written to out/docs.patch).
report::DocDefects write_crosscheck(const conform::Arguments& args, const std::string& project, Docs docs) {
  crosscheck::CrosscheckInputs in;
  in.docs_label = args.docs.size() == 1 ? fs::path(args.docs[0]).filename().string() : "docs";
  in.pages = std::move(docs.pages);
  in.catalogue = std::move(docs.catalogue);
  in.compare_with.push_back(crosscheck::installed_pages_for(in.pages));
  const fs::path out(args.out);
  for (const auto& impl : args.impls) {
    const fs::path probes = out / ("probes-" + impl.name + ".json");
    const fs::path results = out / ("results-" + impl.name + ".json");
    if (fs::exists(probes)) in.probes.push_back({impl.name, probes.string()});
    if (fs::exists(results)) in.results_files.push_back(results.string());
  }
  in.project_dir = project;
  const fs::path html = out / "crosscheck.html";
  std::vector<std::string> files;
  for (const auto& p : in.pages) files.push_back(p.source);
  const auto built = crosscheck::build_crosscheck_report(in);
  crosscheck::write_crosscheck_report(built, html.string());
  std::cerr << "sslconf conform: wrote " << html.string() << "\n";
  report::DocDefects defects;
  for (const auto& f : built.lint) defects.lint.push_back(crosscheck::to_json(f));
  defects.patch = crosscheck::certain_fixes(files, in.pages, built.lint, nullptr, args.docs).diff;
  fs::remove(out / "docs.patch");
  if (!defects.patch.empty()) report::write_atomically((out / "docs.patch").string(), defects.patch);
  return defects;
}

int run_conform(const conform::Arguments& args, const std::string& project, const fs::path& build_root) {
  const fs::path out(args.out);
  fs::create_directories(out);
  const std::string tool = platform::self_executable();
  const fs::path claims = out / "claims.json";
  bool rejected = false;
  Docs docs = read_and_extract(args, rejected);
  if (docs.pages.empty()) {
    std::cerr << "sslconf conform: error: no page could be read\n";
    return kBadInput;
  }
  write_claims(docs.catalogue, claims);
  int status = rejected ? kBadInput : kSuccess;
  std::vector<report::RunRecord> runs;
  // Reproducers of an earlier run must not pass for this run's.
  fs::remove_all(out / "repro");
  struct Built {
    std::string name, dir, kind, prefix;
  };
  std::vector<Built> built_dirs;
  for (const auto& impl : args.impls) {
    const auto build_start = std::chrono::steady_clock::now();
    std::cerr << "sslconf conform: " << impl.name << ": building the generated suite\n";
    const auto built = conform::build_suite({project, (build_root / ("impl-" + impl.name)).string(), impl.kind,
                                             impl.prefix, claims.string(), tool, {},
                                             args.expectations_set.empty() ? "other" : args.expectations_set},
                                            impl.name);
    if (!built.ok) {
      forget_results(out, impl.name);
      std::cerr << "sslconf conform: error: " << built.error << "\n";
      status = kBadInput;
      continue;
    }
    if (fs::exists(built.probes))
      fs::copy_file(built.probes, out / ("probes-" + impl.name + ".json"), fs::copy_options::overwrite_existing);
    conform::RunRequest run{built.suite, claims.string(), built.manifest, built.impl,
                        expectations_folder(project, args.expectations_set),
                        (out / ("results-" + impl.name + ".json")).string(),
                        (out / ("junit-" + impl.name + ".xml")).string()};
    run.live_progress = platform::stderr_is_terminal();
    run.reproducers = (out / "repro").string();
    const auto run_start = std::chrono::steady_clock::now();
    auto results = conform::run_and_record(run, std::cerr);
    const std::chrono::duration<double> building = run_start - build_start, ran = std::chrono::steady_clock::now() - run_start;
    runs.push_back({std::move(results), building.count(), ran.count()});
    built_dirs.push_back({impl.name, (build_root / ("impl-" + impl.name)).string(), impl.kind, impl.prefix});
    if (!report::unexpected(runs.back().results).empty() && status == kSuccess) status = kFindings;
  }
  if (runs.empty()) return status;
  std::vector<nlohmann::json> all;
  for (const auto& r : runs) all.push_back(r.results);
  // Each reproducer against every implementation of the run: its exit status
  // must be the suite's verdict there.
  std::vector<conform::ReproducerTarget> targets;
  for (std::size_t i = 0; i < built_dirs.size(); ++i) {
    conform::ReproducerTarget t{built_dirs[i].name, &runs[i].results, {}, ""};
    t.flags = conform::reproducer_build_flags(built_dirs[i].dir, built_dirs[i].kind, built_dirs[i].prefix, t.why);
    targets.push_back(std::move(t));
  }
  const auto tally = conform::check_reproducers((out / "repro").string(), targets, (build_root / "reproducers").string(), std::cerr);
  if (tally.disagree > 0 && status == kSuccess) status = kFindings;
  if (args.matrix) std::cout << report::matrix_text(all) << "\n";
  std::cout << report::summary_text(runs) << report::attention_text(runs, fs::current_path().string());
  std::cout.flush();
  report::write_report_html(all, (out / "report.html").string(), claims::to_json(docs.catalogue));
  std::cerr << "sslconf conform: wrote " << (out / "report.html").string() << "\n";
  const auto defects = write_crosscheck(args, project, std::move(docs));
  std::vector<std::string> results_files;
  for (const auto& impl : args.impls)
    if (fs::exists(out / ("results-" + impl.name + ".json")))
      results_files.push_back((out / ("results-" + impl.name + ".json")).string());
  report::write_findings(results_files, (out / "findings.md").string(), defects);
  std::cerr << "sslconf conform: wrote " << (out / "findings.md").string() << "\n";
  if (rejected)
    std::cerr << "sslconf conform: error: pages were rejected (listed above); the results are of the others\n";
  return status;
}

}  // namespace

void add_conform_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("conform", "run the suite generated from the pages against implementations");
  auto line = std::make_shared<conform::CommandLine>();
  line->project = SSLCONF_SOURCE_DIR;
  conform::add_options(*cmd, *line);
  cmd->callback([=] {
    const auto args = conform::validate(*line);
    if (line->list_docs) {  // the pages a run would read into the suite, filters applied
      bool rejected = false;
      for (const auto& page : read_selected(args, rejected)) std::cout << page.source << "\n";
      if (rejected) throw CLI::RuntimeError(kBadInput);
      return;
    }
    const fs::path project = fs::absolute(line->project).lexically_normal();
    const fs::path build_root = line->build_root.empty() ? project / "build" : fs::absolute(line->build_root);
    const int status = run_conform(args, project.string(), build_root);
    if (status != kSuccess) throw CLI::RuntimeError(status);
  });
}

}  // namespace sslconf::tool
