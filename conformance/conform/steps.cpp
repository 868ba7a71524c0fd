#include "conform/steps.hpp"

#include "gen/catalogue.hpp"
#include "model/diagnostic.hpp"
#include "plan/reproducers.hpp"
#include "platform/process.hpp"
#include "report/expectations.hpp"
#include "runner/runner.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::conform {

namespace {

// The lines that say what went wrong: those naming an error if any, else
// the last ones; each cut to a readable length.
std::string last_lines(const std::string& text, int n) {
  std::vector<std::string> lines, errors;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line.size() > 240) line = line.substr(0, 237) + "...";
    lines.push_back(line);
    if (line.find("error") != std::string::npos || line.find("undefined") != std::string::npos) errors.push_back(line);
  }
  if (!errors.empty()) lines = errors;
  std::string out;
  for (std::size_t i = lines.size() > static_cast<std::size_t>(n) ? lines.size() - n : 0; i < lines.size(); ++i)
    out += "\n    " + lines[i];
  return out;
}

// An entry of the build's CMakeCache.txt.
std::string cache_value(const std::string& build_dir, const std::string& name) {
  std::ifstream in(fs::path(build_dir) / "CMakeCache.txt");
  std::string line;
  const std::string prefix = name + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(line.find('=') + 1);
  return "";
}

// The upper median; 0 for an empty list.
double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// One line of timing. Most claims only print UNTESTED, so the median over
// all of them hides what a claim whose check ran (PASS or FAIL) costs: give
// both, over the claims that ran in a process (the others were decided at
// generation and cost none).
void print_timing(std::ostream& out, const std::string& name, const std::vector<runner::CaseOutcome>& outcomes,
                  double wall) {
  if (outcomes.empty()) return;
  std::vector<double> all, checked;
  for (const auto& c : outcomes) {
    if (!c.process) continue;
    all.push_back(c.milliseconds);
    if (c.outcome == "PASS" || c.outcome == "FAIL") checked.push_back(c.milliseconds);
  }
  std::ostringstream line;  // its own stream: the caller's keeps its number format
  line << std::fixed << std::setprecision(1) << "  " << name << ": " << outcomes.size() << " claims in "
       << static_cast<long>(wall) << " ms wall, " << outcomes.size() - all.size()
       << " without a check (no process); median per claim process (isolation included) " << median(all)
       << " ms over " << all.size() << ", ";
  if (checked.empty())
    line << "none checked";
  else
    line << median(checked) << " ms over the " << checked.size() << " checked";
  line << "; " << wall / static_cast<double>(outcomes.size()) << " ms per claim overall\n";
  out << line.str();
}

struct Progress {
  std::ostream& out;
  std::string name;
  bool live;
  std::map<std::string, int> counts;
  void operator()(const runner::CaseOutcome& c, std::size_t done, std::size_t total) {
    ++counts[c.outcome];
    if (!live) return;
    out << "\r  " << name << ": " << done << "/" << total;
    for (const char* o : {"PASS", "FAIL", "UNSUPPORTED", "UNTESTED", "UNRESOLVED"})
      if (counts[o]) out << "  " << o << " " << counts[o];
    if (done == total) out << "\n";
    out.flush();
  }
};

}  // namespace

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (!in || j.is_discarded()) throw model::InputError({path, 0}, "cannot read JSON");
  return j;
}

nlohmann::json run_and_record(const RunRequest& r, std::ostream& progress) {
  const auto catalogue = gen::load_catalogue(r.claims);
  const auto manifest = read_json(r.manifest);
  report::Expectations expectations;
  if (!r.expectations_dir.empty()) {
    const auto file = report::expectation_file(r.expectations_dir, r.impl.family, r.impl.version);
    if (!file.empty()) expectations = report::load_expectations(file);
  }
  runner::RunOptions o;
  o.suite = r.suite;
  o.per_claim = std::chrono::milliseconds(r.timeout_ms);
  o.jobs = r.jobs;
  if (r.exec_per_claim) o.isolation = runner::RunOptions::Isolation::exec;
  Progress p{progress, r.impl.name, r.live_progress, {}};
  o.progress = [&p](const runner::CaseOutcome& c, std::size_t done, std::size_t total) { p(c, done, total); };
  // The suite records, beside itself, the plans each FAIL ran (checks/plans).
  const std::string records = r.suite + ".repro-records";
  std::error_code gone;
  fs::remove(records, gone);
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = runner::run_suite(manifest, o);
  const double wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  print_timing(progress, r.impl.name, outcomes, wall);
  const auto results = report::build_results(catalogue, outcomes, r.impl, expectations);
  report::write_atomically(r.results, results.dump(2) + "\n");
  if (!r.junit.empty()) report::write_atomically(r.junit, report::junit_xml(results));
  // plans.json lies beside the manifest, in the docs set's generated folder.
  const fs::path plans = fs::path(r.manifest).parent_path() / "plans/plans.json";
  if (!r.reproducers.empty() && fs::exists(records) && fs::exists(plans)) {
    const auto written = plan::write_reproducers(catalogue, results, plan::plans_from_json(read_json(plans.string())), records,
                                                 r.reproducers);
    if (!written.empty())
      progress << "sslconf conform: " << r.impl.name << ": " << written.size() << " reproducer(s) in " << r.reproducers << "\n";
  }
  return results;
}

BuiltSuite build_suite(const BuildRequest& b, const std::string& name) {
  BuiltSuite s;
  std::vector<std::string> configure{"cmake", "-S", b.project, "-B", b.build_dir, "-G", "Ninja",
                                     "-DSSLCONF_IMPL=" + b.kind, "-DSSLCONF_BUILD_TOOLS=OFF",
                                     "-DSSLCONF_BUILD_BENCHMARKS=OFF", "-DSSLCONF_BUILD_DOCS=OFF",
                                     "-DSSLCONF_CLAIMS=" + b.claims, "-DSSLCONF_TOOL=" + b.tool,
                                     // Built once per implementation and run for a second or two:
                                     // debug information and -O2 cost about 40% of its compile time.
                                     "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_FLAGS_RELEASE=-O1 -DNDEBUG",
                                     "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG"};
  if (!b.prefix.empty()) configure.push_back("-DSSLCONF_PREFIX=" + b.prefix);
  configure.push_back("-DSSLCONF_SUITE_SET=" + b.docs_set);
  configure.insert(configure.end(), b.extra_configure.begin(), b.extra_configure.end());
  platform::ProcessOptions o;
  o.timeout = std::chrono::minutes(20);
  // A folder whose cache already holds every value given here is not
  // configured again: its build re-runs the configure step itself when the
  // catalogue's content or the tool changed (CMAKE_CONFIGURE_DEPENDS), so an
  // unchanged manual costs no configure and no probe run.
  const bool configured = fs::exists(fs::path(b.build_dir) / "build.ninja") &&
                          std::all_of(configure.begin(), configure.end(), [&b](const std::string& a) {
                            if (a.rfind("-D", 0) != 0) return true;
                            const auto eq = a.find('=');
                            return eq != std::string::npos &&
                                   cache_value(b.build_dir, a.substr(2, eq - 2)) == a.substr(eq + 1);
                          });
  platform::ProcessResult r;
  if (!configured) {
    r = platform::run_process(configure, o);
    if (!r.exited || r.exit_code != 0) {
      s.error = name + ": configuring " + b.build_dir + " failed:" + last_lines(r.err + r.out, 6);
      return s;
    }
  }
  r = platform::run_process({"cmake", "--build", b.build_dir, "--target", "sslconf_suite"}, o);
  if (!r.exited || r.exit_code != 0) {
    s.error = name + ": building the generated suite in " + b.build_dir + " failed:" + last_lines(r.out + r.err, 8);
    return s;
  }
  const fs::path suite_dir = fs::path(b.build_dir) / "conformance/suite";
  s.suite = (suite_dir / "sslconf_suite").string();
  s.manifest = (suite_dir / "generated" / b.docs_set / "manifest.json").lexically_normal().string();
  // Beside the set's sources: each docs set keeps its own probe results.
  s.probes = (suite_dir / "generated" / b.docs_set / "probes.json").lexically_normal().string();
  s.impl = {name, cache_value(b.build_dir, "SSLCONF_IMPL_FAMILY"), cache_value(b.build_dir, "SSLCONF_IMPL_VERSION")};
  if (s.impl.family.empty()) s.impl.family = "unknown";
  s.ok = true;
  return s;
}

}  // namespace sslconf::conform
