#include "report/summary.hpp"

#include "report/results.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace sslconf::report {

namespace {

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// "file:line: impl: id: rest", the shape of every diagnostic of the project.
std::string line_of(const nlohmann::json& r, const std::string& impl, const std::string& base, const std::string& rest) {
  std::string source = str(r, "source");
  if (!base.empty() && source.rfind(base + "/", 0) == 0) source = source.substr(base.size() + 1);
  return source + ": " + impl + ": " + str(r, "id") + ": " + rest + "\n";
}

std::string name_of(const RunRecord& run) { return str(run.results["implementation"], "name"); }

}  // namespace

std::string summary_text(const std::vector<RunRecord>& runs) {
  static const std::pair<const char*, const char*> kColumns[] = {
      {"PASS", "PASS"}, {"FAIL", "FAIL"}, {"UNSUPPORTED", "UNSUP"}, {"UNTESTED", "UNTESTED"}, {"UNRESOLVED", "UNRES"}};
  std::size_t name_w = 4, family_w = 6, version_w = 7;
  for (const auto& run : runs) {
    const auto& impl = run.results["implementation"];
    name_w = std::max(name_w, str(impl, "name").size());
    family_w = std::max(family_w, str(impl, "family").size());
    version_w = std::max(version_w, std::min<std::size_t>(str(impl, "version").size(), 40));
  }
  std::string out;
  for (const auto& run : runs) {
    const auto& impl = run.results["implementation"];
    std::string version = str(impl, "version");
    if (version.size() > 40) version = version.substr(0, 39) + "~";
    std::string line = pad(str(impl, "name"), name_w) + "  " + pad(str(impl, "family"), family_w) + "  " +
                       pad(version, version_w) + "  " + std::to_string(run.results["results"].size()) + " claims:";
    for (const auto& [key, label] : kColumns)
      line += std::string("  ") + label + " " + std::to_string(run.results["totals"].value(key, 0));
    line += "  unexpected " + std::to_string(unexpected(run.results).size());
    if (run.build_seconds > 0) line += "  built in " + seconds_text(run.build_seconds) + ",";
    if (run.run_seconds > 0) line += "  ran in " + seconds_text(run.run_seconds);
    out += line + "\n";
  }
  return out;
}

std::string attention_text(const std::vector<RunRecord>& runs, const std::string& base) {
  std::string surprises, failures, unresolved;
  for (const auto& run : runs) {
    const std::string impl = name_of(run);
    std::set<const nlohmann::json*> listed;
    for (const auto* r : unexpected(run.results)) {
      listed.insert(r);
      surprises += line_of(*r, impl, base,
                           "expected " + str(*r, "expected") + ", got " + str(*r, "outcome") + ": " + str(*r, "detail"));
    }
    for (const auto& r : run.results["results"]) {
      if (listed.count(&r)) continue;
      const std::string outcome = str(r, "outcome");
      if (outcome == "FAIL") failures += line_of(r, impl, base, str(r, "detail") + " [known]");
      if (outcome == "UNRESOLVED") unresolved += line_of(r, impl, base, str(r, "detail") + " [known]");
    }
  }
  std::string out;
  if (!surprises.empty()) out += "Unexpected (differs from conformance/expectations):\n" + surprises;
  if (!failures.empty()) out += "FAIL:\n" + failures;
  if (!unresolved.empty()) out += "UNRESOLVED:\n" + unresolved;
  return out;
}

}  // namespace sslconf::report
