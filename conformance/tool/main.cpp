// sslconf: read manual pages, extract claims, generate and run the
// conformance suite, lint and cross-check pages, generate documentation.
#include "model/diagnostic.hpp"
#include "tool/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"sslconf: documentation-driven conformance suite for the SSL_SESSION API"};
  app.require_subcommand(1);
  using namespace sslconf::tool;
  add_read_command(app);
  add_claims_command(app);
  add_lint_command(app);
  add_crosscheck_command(app);
  add_docs_command(app);
  add_conform_command(app);
  add_suite_commands(app);
  add_step_commands(app);
  add_mutate_command(app);
  add_plan_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own status
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    // Usage errors are bad input: one line and status 2.
    std::string what = e.what();
    for (auto& c : what)
      if (c == '\n') c = ' ';
    std::cerr << "sslconf: error: " << what << '\n';
    return kBadInput;
  } catch (const sslconf::model::InputError& e) {
    std::cerr << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "sslconf: error: " << e.what() << '\n';
    return kBadInput;
  }
  return kSuccess;
}
