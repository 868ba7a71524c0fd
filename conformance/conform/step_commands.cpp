// The driver's steps of `sslconf conform`, each also a command of its own:
//   sslconf run --suite EXE --claims CLAIMS --manifest FILE --name N ... --out results.json
//   sslconf report RESULTS... [--html FILE] [--claims FILE]  terminal matrix (and report.html)
#include "conform/steps.hpp"
#include "platform/process.hpp"
#include "report/dashboard.hpp"
#include "report/matrix.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <iostream>

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

void add_report(CLI::App& app) {
  auto* cmd = app.add_subcommand("report", "print the matrix of results files and write report.html");
  auto files = std::make_shared<std::vector<std::string>>();
  auto html = std::make_shared<std::string>();
  cmd->add_option("results", *files, "results-<impl>.json files")->required();
  auto claims = std::make_shared<std::string>();
  cmd->add_option("--html", *html, "report.html to write (the dashboard)");
  cmd->add_option("--claims", *claims, "claims.json, for the reasons of the claims that cannot be checked");
  cmd->callback([=] {
    std::vector<nlohmann::json> all;
    for (const auto& f : *files) all.push_back(conform::read_json(f));
    std::cout << report::matrix_text(all);
    if (!html->empty()) report::write_report_html(all, *html, claims->empty() ? nlohmann::json() : conform::read_json(*claims));
  });
}

}  // namespace

void add_step_commands(CLI::App& app) {
  add_run(app);
  add_report(app);
}

}  // namespace sslconf::tool
