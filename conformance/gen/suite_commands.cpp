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

// The probes of an earlier configure are reused only when their
// fingerprint (the names and declarations probed, the headers' text, the
// compiler and flags) is this catalogue's: a page edit that changes no
// prototype or name costs no probe compile, and other pages never see them.
nlohmann::json cached_or_run(const nlohmann::json& catalogue, const gen::Compiler& compiler) {
  const auto cache = std::filesystem::path(compiler.work_dir) / "probes-cache.json";
  const std::string fingerprint = gen::probe_fingerprint(catalogue, compiler);
  std::ifstream in(cache);
  auto cached = nlohmann::json::parse(in, nullptr, false);
  if (!cached.is_discarded() && cached.is_object() && cached.value("fingerprint", "") == fingerprint && !cached.contains("error"))
    return cached;
  auto probes = gen::run_probes(catalogue, compiler);
  report::write_atomically(cache.string(), probes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  return probes;
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
    const auto catalogue = gen::load_catalogue(*claims);
    const auto probes = cached_or_run(catalogue, *compiler);
    report::write_atomically(*out, probes.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
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
