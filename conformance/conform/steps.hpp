// The steps `sslconf conform` strings together, shared with the commands
// that expose them one by one.
#pragma once

#include "report/results.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace sslconf::conform {

struct RunRequest {
  std::string suite, claims, manifest;
  report::Implementation impl;
  std::string expectations_dir;  // empty: no expectation file
  std::string results, junit;    // files to write (junit may be empty)
  long timeout_ms = 10000;
  unsigned jobs = 0;
  bool exec_per_claim = false;  // start the suite program per claim instead of forking a server
  // Redraw a progress line in place after each claim: only for a terminal
  // (platform::stderr_is_terminal); a log gets the one timing line per run.
  bool live_progress = false;
  // Where the reproducers of the FAILs found with derived scenarios go
  // (empty: none are written).
  std::string reproducers{};
};

// Runs every case, shows progress on `progress`, writes results (and
// JUnit) atomically, and returns the results document.
nlohmann::json run_and_record(const RunRequest& r, std::ostream& progress);

// A JSON file the steps read (manifest, results); model::InputError naming
// the file when it is missing or not JSON.
nlohmann::json read_json(const std::string& path);

struct BuildRequest {
  std::string project;     // source root
  std::string build_dir;   // build/impl-<name>
  std::string kind;        // reference|openssl|boringssl|wolfssl|prefix
  std::string prefix;      // for kind == prefix
  std::string claims;      // claims.json the suite is generated from
  std::string tool;        // this sslconf executable
  std::vector<std::string> extra_configure;  // further -D arguments (sslconf mutate: the reference copy)
  // The docs set the catalogue comes from ("pod", "installed", ...): each
  // set's sources are generated in a folder of their own, so going back to
  // a set compiles only what changed since (one build folder per
  // implementation serves every set). Empty: the folder "generated".
  std::string docs_set;
};

struct BuiltSuite {
  bool ok = false;
  std::string error;  // one line when !ok
  std::string suite, manifest, probes;
  report::Implementation impl;  // family and version from the build's cache
};

// Configures the implementation's build folder and builds the generated
// suite in it (cmake and ninja through platform::run_process).
BuiltSuite build_suite(const BuildRequest& b, const std::string& name);

}  // namespace sslconf::conform
