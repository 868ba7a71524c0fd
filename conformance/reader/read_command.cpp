// Placeholder until this component lands: the command exists and says so.
#include "tool/commands.hpp"

#include <iostream>

namespace sslconf::tool {

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([] {
    std::cerr << "sslconf read: error: not built yet\n";
    throw CLI::RuntimeError(kBadInput);
  });
}
}  // namespace sslconf::tool
