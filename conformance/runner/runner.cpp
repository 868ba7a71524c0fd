#include "runner/runner.hpp"

#include "platform/process.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <mutex>
#include <sstream>
#include <thread>

namespace sslconf::runner {

namespace {

const std::string kMarker = "@@sslconf ";

std::string first_line(const std::string& s) {
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) return line.size() > 160 ? line.substr(0, 160) + "..." : line;
  return "";
}

// The last verdict line the process printed, split into outcome and detail.
bool last_verdict(const std::string& out, std::string& outcome, std::string& detail) {
  const auto at = out.rfind(kMarker);
  if (at == std::string::npos || (at > 0 && out[at - 1] != '\n')) return false;
  auto end = out.find('\n', at);
  const std::string line = out.substr(at + kMarker.size(), end == std::string::npos ? std::string::npos : end - at - kMarker.size());
  const auto space = line.find(' ');
  outcome = line.substr(0, space);
  detail = space == std::string::npos ? "" : line.substr(space + 1);
  return true;
}

CaseOutcome run_one(const std::string& id, const std::string& test, const RunOptions& o) {
  platform::ProcessOptions po;
  po.timeout = o.per_claim;
  // Boost.Test must not turn a crash into a test error: the signal is the
  // observation (FAIL naming it).
  const std::vector<std::string> argv{o.suite, "--run_test=" + test, "--catch_system_errors=no",
                                      "--log_level=nothing", "--report_level=no"};
  const auto start = std::chrono::steady_clock::now();
  const auto r = platform::run_process(argv, po);
  CaseOutcome c = interpret(id, r.timed_out, r.signal, r.signal_name(), r.exited, r.exit_code, r.out, r.err, o.per_claim);
  c.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return c;
}

// A worker's suite server (main.cpp of the suite, --sslconf-serve).
class Server {
 public:
  explicit Server(const RunOptions& o) : o_(o) {}

  // The claim's outcome through the server, or nothing when the server
  // could not give one (the caller then starts the suite program itself).
  std::optional<CaseOutcome> run(const std::string& id, const std::string& test) {
    if (!usable_) return std::nullopt;
    const auto start = std::chrono::steady_clock::now();
    try {
      if (!channel_)
        channel_ = std::make_unique<platform::LineChannel>(
            std::vector<std::string>{o_.suite, "--sslconf-serve", std::to_string(o_.per_claim.count())});
    } catch (const std::exception&) {
      usable_ = false;
      return std::nullopt;
    }
    std::string line;
    // The server enforces the claim's limit; the margin covers its own work.
    if (channel_->send(test) && channel_->receive(line, o_.per_claim + std::chrono::seconds(10))) {
      const auto a = nlohmann::json::parse(line, nullptr, false);
      if (a.is_object() && a.contains("out")) {
        ++answered_;
        CaseOutcome c = interpret(id, a.value("timed_out", false), a.value("signal", 0), a.value("signal_name", ""),
                                  a.value("exited", false), a.value("exit_code", -1), a.value("out", ""),
                                  a.value("err", ""), o_.per_claim);
        c.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return c;
      }
    }
    // A server that never answered cannot serve (e.g. a suite built before
    // server mode); one that stopped is replaced for the next claim.
    channel_.reset();
    if (answered_ == 0) usable_ = false;
    return std::nullopt;
  }

 private:
  const RunOptions& o_;
  std::unique_ptr<platform::LineChannel> channel_;
  bool usable_ = true;
  long answered_ = 0;
};

}  // namespace

namespace {

// The guess of the last "@@sslconf-risk" line of a claim's output that no
// "@@sslconf-risk-end" closed, or "".
std::string open_risk(const std::string& out) {
  const auto at = out.rfind("@@sslconf-risk ");
  if (at == std::string::npos || out.find("@@sslconf-risk-end", at) != std::string::npos) return "";
  const auto end = out.find('\n', at);
  const std::string guess = out.substr(at + 15, end == std::string::npos ? std::string::npos : end - at - 15);
  return guess.empty() ? "a guessed value" : guess;
}

}  // namespace

CaseOutcome interpret(const std::string& id, bool timed_out, int signal, const std::string& signal_name, bool exited,
                      int exit_code, const std::string& out, const std::string& err,
                      std::chrono::milliseconds limit) {
  CaseOutcome c{id, "", "", 0};
  std::string outcome, detail;
  const bool said = last_verdict(out, outcome, detail);
  if (timed_out) {
    c.outcome = "UNRESOLVED";
    c.detail = "no verdict within " + std::to_string(limit.count()) + " ms: the claim's process hung and was killed";
  } else if (signal != 0 && !open_risk(out).empty()) {
    // The process died while a plan ran on a value the suite guessed
    // (checks/plans): that says nothing about the page.
    c.outcome = "UNRESOLVED";
    c.detail = "the claim's process died of " + signal_name + " while running a plan with a guessed argument (" + open_risk(out) + ")";
  } else if (signal != 0) {
    c.outcome = "FAIL";
    c.detail = "the claim's process died of " + signal_name + (said ? " after reporting " + outcome + ": " + detail : "");
  } else if (said) {
    c.outcome = outcome;
    c.detail = detail;
  } else {
    c.outcome = "UNRESOLVED";
    c.detail = "the claim's process ended (" + (exited ? "status " + std::to_string(exit_code) : std::string("abnormally")) +
               ") without a verdict" + (err.empty() ? "" : ": " + first_line(err));
  }
  return c;
}

std::vector<CaseOutcome> run_suite(const nlohmann::json& manifest, const RunOptions& o) {
  const auto& cases = manifest.at("cases");
  const std::size_t total = cases.size();
  std::vector<CaseOutcome> results(total);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex m;
  auto worker = [&] {
    Server server(o);
    for (std::size_t i = next++; i < total; i = next++) {
      const auto id = cases[i].at("id").get<std::string>();
      if (cases[i].contains("outcome")) {  // decided at generation: no check to run, no process
        results[i] = {id, cases[i].at("outcome").get<std::string>(), cases[i].value("detail", ""), 0, false};
      } else {
        // A claim that cannot be started (no suite program, a malformed
        // case) is that claim's UNRESOLVED, not the end of the whole run.
        try {
          const auto test = cases[i].at("test").get<std::string>();
          std::optional<CaseOutcome> served;
          if (o.isolation == RunOptions::Isolation::fork) served = server.run(id, test);
          results[i] = served ? *served : run_one(id, test, o);
        } catch (const std::exception& e) {
          results[i] = {id, "UNRESOLVED", std::string("the claim's process could not be started: ") + e.what(), 0};
        }
      }
      std::lock_guard<std::mutex> lock(m);
      ++done;
      if (o.progress) o.progress(results[i], done, total);
    }
  };
  const unsigned jobs = o.jobs ? o.jobs : platform::hardware_cores();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  return results;
}

}  // namespace sslconf::runner
