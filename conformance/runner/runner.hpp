// The runner: every claim of the generated suite in its own process (crash
// and hang isolation), with a time limit per claim, in parallel across the
// machine's cores.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace sslconf::runner {

struct CaseOutcome {
  std::string id;
  std::string outcome;  // PASS | FAIL | UNSUPPORTED | UNTESTED | UNRESOLVED
  std::string detail;
  double milliseconds = 0;  // wall time of the claim's process
  bool process = true;      // false: decided at generation, no process ran
};

struct RunOptions {
  std::string suite;  // the generated suite executable
  std::chrono::milliseconds per_claim{10000};
  unsigned jobs = 0;  // 0: one per core
  // How each claim gets its own process: a forked copy of a long-lived
  // suite server (the default; no program start per claim), or a new run
  // of the suite program. A server that cannot start or stops answering
  // is replaced, and the claim is run as a new program instead.
  enum class Isolation { fork, exec } isolation = Isolation::fork;
  // Called after each claim (from the thread that ran it, serialised).
  std::function<void(const CaseOutcome&, std::size_t done, std::size_t total)> progress;
};

// Runs the cases of a manifest (gen's manifest.json); outcomes in manifest
// order. A case that carries its outcome (a claim without a check) is
// recorded as it is, without a process.
std::vector<CaseOutcome> run_suite(const nlohmann::json& manifest, const RunOptions& options);

// The outcome of one finished process, from its exit and its output.
CaseOutcome interpret(const std::string& id, bool timed_out, int signal, const std::string& signal_name,
                      bool exited, int exit_code, const std::string& out, const std::string& err,
                      std::chrono::milliseconds limit);

}  // namespace sslconf::runner
