// The sslconf subcommands. Each component adds its own subcommand with its
// own options; main() only assembles them. A command signals its exit status
// by throwing CLI::RuntimeError(status): 0 success, 1 findings, 2 bad input.
#pragma once

#include <CLI/CLI.hpp>

namespace sslconf::tool {

void add_read_command(CLI::App& app);        // conformance/reader
void add_claims_command(CLI::App& app);      // conformance/claims
void add_lint_command(CLI::App& app);        // conformance/crosscheck
void add_crosscheck_command(CLI::App& app);  // conformance/crosscheck
void add_docs_command(CLI::App& app);        // conformance/writer
void add_conform_command(CLI::App& app);     // conformance/conform
void add_suite_commands(CLI::App& app);      // conformance/gen: gen and probe, steps of conform
void add_step_commands(CLI::App& app);       // conformance/conform: run and report, steps of conform
void add_mutate_command(CLI::App& app);       // conformance/mutate
void add_plan_command(CLI::App& app);         // conformance/plan: scenario plans, a step of conform

// Exit statuses shared by every command.
enum ExitStatus { kSuccess = 0, kFindings = 1, kBadInput = 2 };

}  // namespace sslconf::tool
