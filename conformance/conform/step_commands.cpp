// The driver's steps of `sslconf conform`, each also a command of its own:
//   sslconf run --suite EXE --claims CLAIMS --manifest FILE --name N ... --out results.json
//   sslconf report RESULTS... [--html FILE] [--claims FILE] [--findings FILE [--lint FILE] [--patch FILE]]
//                                             terminal matrix (and report.html, findings.md)
//   sslconf expectations RESULTS --claims CLAIMS --into DIR  the expectation file of a run
#include "conform/record.hpp"
#include "conform/steps.hpp"
#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "report/dashboard.hpp"
#include "report/findings.hpp"
#include "report/matrix.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sslconf::tool {

namespace {

void add_run(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "run a built suite, one process per claim, and write its results");
  auto o = std::make_shared<conform::RunRequest>();
  cmd->add_option("--suite", o->suite, "the generated suite executable")->required();
  cmd->add_option("--claims", o->claims, "claims.json")->required();
  cmd->add_option("--manifest", o->manifest, "the generator's manifest.json")->required();
  cmd->add_option("--name", o->impl.name, "implementation name")->required();
  cmd->add_option("--family", o->impl.family, "implementation family");
  cmd->add_option("--version", o->impl.version, "implementation version text");
  cmd->add_option("--expectations", o->expectations_dir, "folder of expectation files");
  cmd->add_option("--out", o->results, "results-<impl>.json")->required();
  cmd->add_option("--junit", o->junit, "junit-<impl>.xml");
  cmd->add_option("--timeout-ms", o->timeout_ms, "time limit per claim");
  cmd->add_option("--jobs", o->jobs, "parallel claims (default: cores)");
  cmd->add_flag("--exec-per-claim", o->exec_per_claim,
                "start the suite program for every claim instead of forking each claim from a suite server");
  cmd->callback([=] {
    o->live_progress = platform::stderr_is_terminal();
    const auto results = conform::run_and_record(*o, std::cerr);
    std::cout << report::matrix_text({results});
    if (!report::unexpected(results).empty()) throw CLI::RuntimeError(kFindings);
  });
}

std::string text_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw model::InputError({path, 0}, "cannot read the file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ReportArgs {
  std::vector<std::string> files;
  std::string html, claims, findings, lint, patch;
};

// Results files may come from other machines: each one's reproducers are
// looked for in the repro/ folder beside it.
void write_report(const ReportArgs& a) {
  std::vector<nlohmann::json> all;
  std::vector<report::ResultsFile> files;
  for (const auto& f : a.files) {
    all.push_back(conform::read_json(f));
    files.push_back({all.back(), std::filesystem::path(f).parent_path().string()});
  }
  std::cout << report::matrix_text(all);
  auto folder_of = [](const std::string& p) { return std::filesystem::path(p).parent_path().string(); };
  if (!a.html.empty())
    report::write_report_html(all, a.html, a.claims.empty() ? nlohmann::json() : conform::read_json(a.claims),
                              report::to_json(report::divergences(files, folder_of(a.html))));
  if (a.findings.empty()) return;
  report::DocDefects docs;
  if (!a.lint.empty()) docs.lint = conform::read_json(a.lint);
  if (!docs.lint.is_array()) throw model::InputError({a.lint, 0}, "not a JSON array of findings (sslconf lint --json)");
  if (!a.patch.empty()) docs.patch = text_of(a.patch);
  report::write_atomically(a.findings,
                           report::findings_markdown(report::divergences(files, folder_of(a.findings)), docs));
  std::cerr << "sslconf report: wrote " << a.findings << "\n";
}

void add_report(CLI::App& app) {
  auto* cmd = app.add_subcommand("report",
                                 "print the matrix of results files (from any machines) and write report.html "
                                 "and findings.md");
  auto a = std::make_shared<ReportArgs>();
  cmd->add_option("results", a->files, "results-<impl>.json files")->required();
  cmd->add_option("--html", a->html, "report.html to write (the dashboard)");
  cmd->add_option("--claims", a->claims, "claims.json, for the reasons of the claims that cannot be checked");
  cmd->add_option("--findings", a->findings,
                  "findings.md to write: each divergence once across the results files, with where it reproduces "
                  "and holds and its reproducer (repro/ beside the results file), ready for an upstream tracker");
  cmd->add_option("--lint", a->lint, "the pages' defects for findings.md: output of sslconf lint --json");
  cmd->add_option("--patch", a->patch, "their certain fixes, shown with each page: output of sslconf lint --patch");
  cmd->callback([a] { write_report(*a); });
}

void add_expectations(CLI::App& app) {
  auto* cmd = app.add_subcommand("expectations", "write the expectation file of a run's results (every claim "
                                                 "not at its default, with the observation)");
  auto results = std::make_shared<std::string>();
  auto claims = std::make_shared<std::string>();
  auto into = std::make_shared<std::string>();
  cmd->add_option("results", *results, "results-<impl>.json of sslconf conform")->required();
  cmd->add_option("--claims", *claims, "the claims.json of the same run")->required();
  cmd->add_option("--into", *into, "folder of expectation files (e.g. conformance/expectations/installed-libssl)")
      ->required();
  cmd->callback([=] {
    namespace fs = std::filesystem;
    if (!fs::is_directory(*into)) throw model::InputError({*into, 0}, "--into is not a folder");
    const auto path_of = [&](const std::string& file) { return (fs::path(*into) / file).string(); };
    const auto run = conform::read_json(*results), catalogue = conform::read_json(*claims);
    // The file's name comes from the results; its header is kept when it exists.
    auto recorded = conform::record_expectations(run, catalogue, *results, "");
    if (std::ifstream old{path_of(recorded.file)}) {
      std::ostringstream text;
      text << old.rdbuf();
      recorded = conform::record_expectations(run, catalogue, *results, text.str());
    }
    report::write_atomically(path_of(recorded.file), recorded.text);
    std::cout << path_of(recorded.file) << ":";
    for (const auto& [outcome, n] : recorded.lines_by_outcome) std::cout << " " << outcome << " " << n;
    std::cout << "\n";
  });
}

}  // namespace

void add_step_commands(CLI::App& app) {
  add_run(app);
  add_report(app);
  add_expectations(app);
}

}  // namespace sslconf::tool
