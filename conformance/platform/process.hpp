// Running other programs: the one place that knows about POSIX spawning,
// pipes and signals, so a port to another platform touches only process.cpp.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sslconf::platform {

struct ProcessResult {
  int exit_code = -1;      // valid when exited
  bool exited = false;     // ended by exit()/return
  int signal = 0;          // the signal that ended it, 0 if none
  bool timed_out = false;  // killed by us after the time limit
  std::string out;         // captured standard output
  std::string err;         // captured standard error
  std::string signal_name() const;  // "SIGSEGV", or "" when signal == 0
};

struct ProcessOptions {
  std::optional<std::chrono::milliseconds> timeout;  // none: wait forever
  std::map<std::string, std::string> env;            // added to / overriding ours
  std::string working_directory;                     // empty: ours
  std::string input;                                 // fed to standard input
  bool capture = true;  // false: the child shares our stdout/stderr
};

// Runs argv[0] (looked up on PATH) with the arguments, waits for it.
// Throws std::runtime_error when the program cannot be started at all.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Number of cores to use for parallel work (at least 1).
unsigned hardware_cores();

// Absolute path of the running executable.
std::string self_executable();

// True when the path names an executable file.
bool is_executable(const std::string& path);

// The address of `symbol` in the shared library at `library`, loaded on its
// own (its symbols do not replace those already loaded), or nullptr with
// the reason in `why`. The library stays loaded for the process's life.
void* library_symbol(const std::string& library, const std::string& symbol, std::string& why);

}  // namespace sslconf::platform
