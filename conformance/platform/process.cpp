#include "platform/process.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sslconf::platform {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    // Close-on-exec from birth: a child spawned by another thread at the same
    // moment must not inherit our ends (it would hold our pipe open).
    if (pipe2(fd, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() { close_both(); }
  void close_read() { if (fd[0] >= 0) { close(fd[0]); fd[0] = -1; } }
  void close_write() { if (fd[1] >= 0) { close(fd[1]); fd[1] = -1; } }
  void close_both() { close_read(); close_write(); }
};

// A child starts with every signal at its default action, whatever we
// ignore (LineChannel ignores SIGPIPE): a claim sees what a program would.
void set_default_signals(posix_spawnattr_t* attr) {
  sigset_t all;
  sigfillset(&all);
  posix_spawnattr_setsigdefault(attr, &all);
}

// What exec does to a forked child's signals: handlers back to default.
void reset_signals_as_exec_would() {
  for (int sig = 1; sig < NSIG; ++sig) {
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) != 0) continue;
    if (current.sa_handler != SIG_DFL) std::signal(sig, SIG_DFL);
  }
}

std::vector<std::string> merged_environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    const auto name = entry.substr(0, entry.find('='));
    if (!extra.count(name)) env.push_back(entry);
  }
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Moves data between us and the child until both output pipes close or the
// deadline passes. Returns false on timeout.
bool pump(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessResult& r,
          std::optional<std::chrono::steady_clock::time_point> deadline) {
  std::size_t written = 0;
  if (input.empty()) in.close_write();
  char buf[8192];
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    int wait_ms = -1;
    if (deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      wait_ms = static_cast<int>(left);
    }
    const int ready = poll(fds, n, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in.fd[1]) {
        const ssize_t w = write(in.fd[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 || written == input.size()) in.close_write();
        continue;
      }
      const ssize_t got = read(fds[i].fd, buf, sizeof buf);
      const bool is_out = fds[i].fd == out.fd[0];
      if (got > 0) {
        (is_out ? r.out : r.err).append(buf, static_cast<std::size_t>(got));
      } else {
        is_out ? out.close_read() : err.close_read();
      }
    }
  }
  return true;
}

double seconds(const struct timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

// Closes the child's ends of the pipes on our side, feeds the input,
// captures the output and waits for the child, killing its process group at
// the deadline.

ProcessResult collect(pid_t pid, Pipe& in, Pipe& out, Pipe& err, const ProcessOptions& options) {
  in.close_read();
  out.close_write();
  err.close_write();
  if (!options.capture) {
    out.close_read();
    err.close_read();
  }
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (options.timeout) deadline = std::chrono::steady_clock::now() + *options.timeout;

  ProcessResult r;
  bool in_time = pump(in, out, err, options.input, r, deadline);
  int status = 0;
  // Output closed; the child may still be running (or ignoring its pipes).
  struct rusage usage {};
  while (in_time) {
    const pid_t w = wait4(pid, &status, WNOHANG, &usage);
    if (w == pid) break;
    if (deadline && std::chrono::steady_clock::now() >= *deadline) { in_time = false; break; }
    // Its output is closed, so it is ending: look again soon.
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  if (!in_time) {
    kill(-pid, SIGKILL);
    waitpid(pid, &status, 0);
    r.timed_out = true;
    return r;
  }
  r.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  r.max_rss_kb = usage.ru_maxrss;  // Linux and the BSDs count KiB
  if (WIFEXITED(status)) {
    r.exited = true;
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
  }
  return r;
}

}  // namespace

std::string ProcessResult::signal_name() const {
  if (signal == 0) return "";
  const char* abbrev = sigabbrev_np(signal);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  if (argv.empty()) throw std::runtime_error("run_process: empty command");
  Pipe in, out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  if (options.capture) {
    posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  }
  if (!options.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
  // Own process group, so a timeout kills the child's children too.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  set_default_signals(&attr);

  std::vector<std::string> args = argv;
  auto env = merged_environment(options.env);
  auto cargs = c_strings(args);
  auto cenv = c_strings(env);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0].c_str(), &actions, &attr, cargs.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error(argv[0] + ": cannot run: " + std::strerror(rc));

  return collect(pid, in, out, err, options);
}

ProcessResult run_forked(const std::function<int()>& body, const ProcessOptions& options) {
  Pipe in, out, err;
  std::fflush(nullptr);  // nothing buffered may be written twice
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    setpgid(0, 0);  // as run_process: a timeout kills the whole group
    reset_signals_as_exec_would();
    dup2(in.fd[0], 0);
    if (options.capture) {
      dup2(out.fd[1], 1);
      dup2(err.fd[1], 2);
    }
    in.close_both();
    out.close_both();
    err.close_both();
    if (!options.working_directory.empty() && chdir(options.working_directory.c_str()) != 0) _exit(127);
    for (const auto& [k, v] : options.env) setenv(k.c_str(), v.c_str(), 1);
    // A normal end (atexit handlers, stream flushes), as a spawned program's.
    std::exit(body());
  }
  setpgid(pid, pid);  // also from here, so the group exists before any kill
  return collect(pid, in, out, err, options);
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }
bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

unsigned hardware_cores() {
  const unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

std::string self_executable() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<std::size_t>(n));
}

bool is_executable(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::optional<std::pair<unsigned long long, unsigned long long>> file_identity(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::make_pair(static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino));
}

void* library_symbol(const std::string& library, const std::string& symbol, std::string& why) {
  void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* e = dlerror();
    why = library + ": cannot load: " + (e ? e : "unknown error");
    return nullptr;
  }
  void* address = dlsym(handle, symbol.c_str());
  if (!address) why = library + ": no symbol " + symbol;
  return address;
}

LineChannel::LineChannel(const std::vector<std::string>& argv) {
  if (argv.empty()) throw std::runtime_error("LineChannel: empty command");
  // A program that ends early must not end us when we write to it.
  std::signal(SIGPIPE, SIG_IGN);
  Pipe in, out;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  set_default_signals(&attr);
  std::vector<std::string> args = argv;
  auto cargs = c_strings(args);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0].c_str(), &actions, &attr, cargs.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error(argv[0] + ": cannot run: " + std::strerror(rc));
  pid_ = pid;
  to_ = in.fd[1];
  from_ = out.fd[0];
  in.fd[1] = out.fd[0] = -1;  // ours now; the child's ends close with the Pipes
}

LineChannel::~LineChannel() {
  if (to_ >= 0) close(to_);
  if (from_ >= 0) close(from_);
  if (pid_ > 0) {
    int status = 0;
    // End of input asks it to stop; one that does not is stopped.
    for (int i = 0; i < 2000; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

bool LineChannel::send(const std::string& line) {
  const std::string data = line + "\n";
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t w = write(to_, data.data() + done, data.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<std::size_t>(w);
  }
  return true;
}

bool LineChannel::receive(std::string& line, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto end = buffer_.find('\n');
    if (end != std::string::npos) {
      line = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      return true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fd{from_, POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    char chunk[65536];
    const ssize_t got = read(from_, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(got));
  }
}

}  // namespace sslconf::platform
