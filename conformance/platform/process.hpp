// Running other programs: the one place that knows about POSIX spawning,
// pipes and signals, so a port to another platform touches only process.cpp.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <utility>
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
  double cpu_seconds = 0;  // user + system CPU time the child used (when it was waited for)
  // The child's peak resident memory, in KiB. Linux counts a spawned child
  // from the parent's memory at the moment it was started (the exec'd image
  // inherits that high-water mark), so this is never below what we held then.
  long max_rss_kb = 0;
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

// Runs `body` in a copy of this process (fork), with the same capture and
// time limit as run_process; the child ends with exit(body()). Cheaper than
// starting a program, with the same isolation: the body cannot harm us.
ProcessResult run_forked(const std::function<int()>& body, const ProcessOptions& options = {});

// A long-lived child program spoken to in lines over its standard input and
// output (its standard error is ours). The destructor closes its input and
// waits briefly for it to end, then kills it.
class LineChannel {
 public:
  explicit LineChannel(const std::vector<std::string>& argv);  // throws std::runtime_error
  ~LineChannel();
  LineChannel(const LineChannel&) = delete;
  LineChannel& operator=(const LineChannel&) = delete;
  bool send(const std::string& line);
  // False when no whole line came within the limit or the program ended.
  bool receive(std::string& line, std::chrono::milliseconds limit);

 private:
  int pid_ = -1;
  int to_ = -1;
  int from_ = -1;
  std::string buffer_;
};

// True when standard error is a terminal (progress may redraw in place
// there; in a log or a pipe it must not).
bool stderr_is_terminal();
// True when standard output is a terminal (JSON is indented for a reader
// there, compact for a program reading a pipe or a file).
bool stdout_is_terminal();

// Number of cores to use for parallel work (at least 1).
unsigned hardware_cores();

// Absolute path of the running executable.
std::string self_executable();

// True when the path names an executable file.
bool is_executable(const std::string& path);

// What makes two paths one file (device and file number, after symbolic
// links): nullopt when the path cannot be examined. One stat() call, where
// std::filesystem::canonical reads every component of the path as a link.
std::optional<std::pair<unsigned long long, unsigned long long>> file_identity(const std::string& path);

// The address of `symbol` in the shared library at `library`, loaded on its
// own (its symbols do not replace those already loaded), or nullptr with
// the reason in `why`. The library stays loaded for the process's life.
void* library_symbol(const std::string& library, const std::string& symbol, std::string& why);

}  // namespace sslconf::platform
