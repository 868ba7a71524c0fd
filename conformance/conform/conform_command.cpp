// sslconf conform: the product. Validates the command line, then for each
// implementation builds and runs the suite generated from the pages.
#include "conform/arguments.hpp"
#include "tool/commands.hpp"

#include <iostream>

namespace sslconf::tool {

void add_conform_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("conform", "run the suite generated from the pages against implementations");
  auto impls = std::make_shared<std::vector<std::string>>();
  auto docs = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>("out");
  auto project = std::make_shared<std::string>(SSLCONF_SOURCE_DIR);
  cmd->add_option("--impl", *impls, "reference, openssl, boringssl, wolfssl, or an install PREFIX");
  cmd->add_option("--docs", *docs, "manual page file or folder (default: pod/)");
  cmd->add_option("--out", *out, "output folder (default: out)");
  cmd->add_option("--project", *project, "project source folder")->group("");
  cmd->callback([=] {
    const auto args = conform::validate(*impls, *docs, *out, *project);
    std::cerr << "sslconf conform: error: the generated suite is not built yet\n";
    (void)args;
    throw CLI::RuntimeError(kBadInput);
  });
}

}  // namespace sslconf::tool
