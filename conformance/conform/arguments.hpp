// The scripts/conform command line (a stable interface, DESIGN.md):
//   --impl reference|openssl|boringssl|wolfssl|PREFIX   (repeatable)
//   --docs FILE_OR_DIR|installed|installed-libssl       (repeatable)
//   --session-family | --libssl                         (keep only those pages)
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
  // The docs the expectation files belong to: "pod" (conformance/
  // expectations), "installed" (its subfolder), or "" for any other manual,
  // which has none.
  std::string expectations_set;
  // With --session-family: only pages whose NAME lists one of these
  // functions are read into the suite (a release's whole doc/ tree).
  std::vector<std::string> family;
  // With --libssl: only pages whose NAME lists a name starting with one of
  // these (libssl_names.txt).
  std::vector<std::string> name_prefixes;
};

// The command line as written, before validation.
struct CommandLine {
  std::vector<std::string> impls, docs;
  std::string out = "out";
  std::string project;
  std::string build_root;  // where the per-implementation builds live (default: <project>/build)
  bool matrix = false;
  bool session_family = false;
  bool libssl = false;
  bool list_docs = false;  // print the page files --docs names and stop
};

// Declares the options of `conform` on `cmd`, filling `line` when parsed.
void add_options(CLI::App& cmd, CommandLine& line);


// The docs keyword that names the installed manual's session-family pages.
inline constexpr const char* kInstalledDocs = "installed";
// The docs keyword that names the whole installed libssl manual, and its
// expectation set.
inline constexpr const char* kInstalledLibsslDocs = "installed-libssl";
// The expectation set of the project's own pages.
inline constexpr const char* kPodDocs = "pod";

// The installed pages of the functions listed in `family_file`, looked up
// in `man_dirs` (each a manual folder holding man3/), symlinks and `.so`
// links followed, each page once, in list order. Throws model::InputError
// when no page is found.
std::vector<std::string> installed_pages(const std::string& family_file, const std::vector<std::string>& man_dirs);

// The name prefixes of libssl's API, one a line in `prefix_file`.
std::vector<std::string> libssl_name_prefixes(const std::string& prefix_file);

// Every installed page of libssl: the man3 entries (in `man_dirs`, the
// first folder holding a name wins) whose name starts with one of the
// prefixes of `prefix_file`, symlinks and `.so` links followed, each page
// once, in entry-name order. Throws model::InputError when none is found.
std::vector<std::string> installed_libssl_pages(const std::string& prefix_file, const std::vector<std::string>& man_dirs);

// Whether a page whose NAME lists `names` belongs to libssl.
bool names_libssl(const std::vector<std::string>& names, const std::vector<std::string>& prefixes);

// The manual folders `man -w` reports, else /usr/share/man.
std::vector<std::string> manual_folders();

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
