// Placeholder until this component lands: the command exists and says so.
#include "tool/commands.hpp"

#include <iostream>

namespace sslconf::tool {

void add_suite_commands(CLI::App& app) {
  auto* cmd = app.add_subcommand("gen", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([] {
    std::cerr << "sslconf gen: error: not built yet\n";
    throw CLI::RuntimeError(kBadInput);
  });
}
}  // namespace sslconf::tool
