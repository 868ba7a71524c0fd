// The generator's steps of `sslconf conform`, each also a command of its own
// (the build uses them at configure time):
//   sslconf gen CLAIMS --out DIR            generated suite sources
//   sslconf probe CLAIMS --out probes.json --table FILE --work DIR --cxx CXX -- FLAGS...
#include "gen/catalogue.hpp"
#include "gen/generate.hpp"
#include "gen/probe.hpp"
#include "model/diagnostic.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <fstream>

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

}  // namespace

void add_suite_commands(CLI::App& app) {
  add_gen(app);
  add_probe(app);
}

}  // namespace sslconf::tool
