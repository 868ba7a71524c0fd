// The steps of `sslconf conform`, each also a command of its own:
//   sslconf gen CLAIMS --out DIR            generated suite sources
//   sslconf probe CLAIMS --out probes.json --table FILE --work DIR --cxx CXX -- FLAGS...
//   sslconf run --suite EXE --claims CLAIMS --manifest FILE --name N ... --out results.json
//   sslconf report RESULTS... [--html FILE] [--claims FILE]  terminal matrix (and report.html)
#include "gen/catalogue.hpp"
#include "gen/generate.hpp"
#include "gen/probe.hpp"
#include "gen/steps.hpp"
#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "report/dashboard.hpp"
#include "report/matrix.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <fstream>
#include <iostream>

namespace sslconf::tool {

namespace {

void add_gen(CLI::App& app) {
  auto* cmd = app.add_subcommand("gen", "generate the Boost.Test suite sources from a claims catalogue");
  auto claims = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("claims", *claims, "claims.json")->required();
  cmd->add_option("--out", *out, "folder for the generated sources")->required();
  cmd->callback([=] {
    const auto files = gen::generate_suite(gen::load_catalogue(*claims));
    gen::write_files(*out, files);
  });
}

void add_probe(CLI::App& app) {
  auto* cmd = app.add_subcommand("probe", "probe the SYNOPSIS prototypes against an implementation's headers");
  auto claims = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto table = std::make_shared<std::string>();
  auto compiler = std::make_shared<gen::Compiler>();
  cmd->add_option("claims", *claims, "claims.json")->required();
  cmd->add_option("--out", *out, "probes.json to write")->required();
  cmd->add_option("--table", *table, "C++ source installing the results in the suite")->required();
  cmd->add_option("--work", compiler->work_dir, "scratch folder")->required();
  cmd->add_option("--cxx", compiler->cxx, "C++ compiler")->required();
  cmd->add_option("flags", compiler->flags, "compiler flags for the libssl headers (after --)");
  cmd->callback([=] {
    const auto probes = gen::run_probes(gen::load_catalogue(*claims), *compiler);
    report::write_atomically(*out, probes.dump(2) + "\n");
    gen::write_files(std::filesystem::path(*table).parent_path().string(),
                     {{std::filesystem::path(*table).filename().string(), gen::probe_table_source(probes)}});
  });
}

void add_run(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "run a built suite, one process per claim, and write its results");
  auto o = std::make_shared<gen::RunRequest>();
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
    const auto results = gen::run_and_record(*o, std::cerr);
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
    for (const auto& f : *files) all.push_back(gen::read_json(f));
    std::cout << report::matrix_text(all);
    if (!html->empty()) report::write_report_html(all, *html, claims->empty() ? nlohmann::json() : gen::read_json(*claims));
  });
}

}  // namespace

void add_suite_commands(CLI::App& app) {
  add_gen(app);
  add_probe(app);
  add_run(app);
  add_report(app);
}

}  // namespace sslconf::tool
