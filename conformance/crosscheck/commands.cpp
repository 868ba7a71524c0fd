// Placeholder until this component lands: the command exists and says so.
#include "tool/commands.hpp"

#include <iostream>

namespace sslconf::tool {

void add_lint_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("lint", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([] {
    std::cerr << "sslconf lint: error: not built yet\n";
    throw CLI::RuntimeError(kBadInput);
  });
}

void add_crosscheck_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("crosscheck", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([] {
    std::cerr << "sslconf crosscheck: error: not built yet\n";
    throw CLI::RuntimeError(kBadInput);
  });
}
}  // namespace sslconf::tool
