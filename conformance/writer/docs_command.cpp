// Placeholder until this component lands: the command exists and says so.
#include "tool/commands.hpp"

#include <iostream>

namespace sslconf::tool {

void add_docs_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("docs", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([] {
    std::cerr << "sslconf docs: error: not built yet\n";
    throw CLI::RuntimeError(kBadInput);
  });
}
}  // namespace sslconf::tool
