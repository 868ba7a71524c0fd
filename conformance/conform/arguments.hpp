// The scripts/conform command line (a stable interface, DESIGN.md):
//   --impl reference|openssl|boringssl|wolfssl|PREFIX   (repeatable)
//   --docs FILE_OR_DIR                                  (repeatable)
//   --out DIR
//   --matrix                                            (every claim × implementation)
// Validation happens before anything is built or written, so a bad argument
// costs one line on stderr and nothing half-made in --out.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace sslconf::conform {

struct Implementation {
  std::string name;    // "reference", "openssl", ... or the prefix's label
  std::string kind;    // reference|openssl|boringssl|wolfssl|prefix
  std::string prefix;  // absolute path when kind == "prefix"
};

struct Arguments {
  std::vector<Implementation> impls;
  std::vector<std::string> docs;
  std::string out;
  bool matrix = false;  // print the full matrix, not only the summary and what needs attention
};

// The command line as written, before validation.
struct CommandLine {
  std::vector<std::string> impls, docs;
  std::string out = "out";
  std::string project;
  bool matrix = false;
};

// Declares the options of `conform` on `cmd`, filling `line` when parsed.
void add_options(CLI::App& cmd, CommandLine& line);

// The implementations named without a path.
const std::vector<std::string>& known_implementations();

// Resolves one --impl value. Throws model::InputError with a one-line
// message for an unknown name or an unusable prefix.
Implementation resolve_implementation(const std::string& value);

// Applies the defaults (reference + openssl, pod/, out/) and validates.
// Relative defaults are resolved against `project_dir`.
Arguments validate(const std::vector<std::string>& impls, const std::vector<std::string>& docs,
                   const std::string& out, const std::string& project_dir);
Arguments validate(const CommandLine& line);

}  // namespace sslconf::conform
