#include "report/expectations.hpp"

#include "model/diagnostic.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace sslconf::report {

Expectations load_expectations(const std::string& path) {
  static const std::set<std::string> outcomes{"PASS", "FAIL", "UNSUPPORTED", "UNTESTED", "UNRESOLVED"};
  Expectations e;
  std::ifstream in(path);
  if (!in) throw model::InputError({path, 0}, "cannot read the expectation file");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string id, outcome, reason;
    words >> id >> outcome;
    std::getline(words >> std::ws, reason);
    if (!outcomes.count(outcome)) throw model::InputError({path, n}, "expected \"<claim id> <OUTCOME> <observation>\"");
    if (e.count(id)) throw model::InputError({path, n}, "claim " + id + " listed twice");
    e[id] = {outcome, reason};
  }
  return e;
}

std::string expectation_file(const std::string& dir, const std::string& family, const std::string& version) {
  std::smatch m;
  namespace fs = std::filesystem;
  if (std::regex_search(version, m, std::regex(R"((\d+)\.(\d+))"))) {
    const fs::path specific = fs::path(dir) / (family + "-" + m[1].str() + "." + m[2].str() + ".txt");
    if (fs::exists(specific)) return specific.string();
  }
  const fs::path general = fs::path(dir) / (family + ".txt");
  return fs::exists(general) ? general.string() : "";
}

std::string expected_outcome(const Expectations& e, const std::string& id, bool checkable) {
  const auto it = e.find(id);
  if (it != e.end()) return it->second.outcome;
  return checkable ? "PASS" : "UNTESTED";
}

}  // namespace sslconf::report
