#include "conform/record.hpp"

#include "model/diagnostic.hpp"
#include "report/expectations.hpp"

#include <filesystem>
#include <regex>
#include <sstream>

namespace sslconf::conform {

namespace {

// "OpenSSL 3.0.13 30 Jan 2024" -> "-3.0"; "" without a major.minor.
std::string release_suffix(const std::string& version) {
  std::smatch m;
  if (std::regex_search(version, m, std::regex(R"((\d+)\.(\d+))"))) return "-" + m[1].str() + "." + m[2].str();
  return "";
}

std::string one_line(std::string s) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return s;
}

// The comment lines at the top of a file, each with its newline.
std::string leading_comments(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line) && !line.empty() && line[0] == '#';) out += line + "\n";
  return out;
}

}  // namespace

RecordedExpectations record_expectations(const nlohmann::json& results, const nlohmann::json& catalogue,
                                         const std::string& results_name, const std::string& existing) {
  const auto bad = [&results_name](const std::string& message) { return model::InputError({results_name, 0}, message); };
  if (!results.is_object() || !results.contains("results") || !results["results"].is_array() ||
      !results.contains("implementation"))
    throw bad("not a results file of sslconf conform");
  if (!catalogue.is_object() || !catalogue.contains("claims")) throw bad("the --claims file is not a claims catalogue");
  std::map<std::string, bool> checkable;
  for (const auto& c : catalogue["claims"]) checkable[c.value("id", "")] = c.value("checkable", false);

  const auto& impl = results["implementation"];
  const std::string family = impl.value("family", "");
  const std::string version = impl.value("version", "");
  if (family.empty() || family == "unknown") throw bad("the results name no implementation family");
  RecordedExpectations r;
  r.file = family + release_suffix(version) + ".txt";

  std::string lines;
  for (const auto& res : results["results"]) {
    const std::string id = res.value("id", ""), outcome = res.value("outcome", "");
    const auto known = checkable.find(id);
    if (known == checkable.end()) throw bad("claim " + id + " is not in the --claims catalogue (results of another run?)");
    if (outcome == report::expected_outcome({}, id, known->second)) continue;
    const std::string detail = one_line(res.value("detail", ""));
    if (detail.empty()) throw bad("claim " + id + ": " + outcome + " without an observation");
    lines += id + " " + outcome + " " + detail + "\n";
    ++r.lines_by_outcome[outcome];
  }
  std::string header = leading_comments(existing);
  if (header.empty())
    header = "# " + family + " " + one_line(version) + ": outcomes other than the default (PASS when checkable,\n"
             "# UNTESTED when not), each with what was observed, recorded by `sslconf expectations` from\n"
             "# a run's " + std::filesystem::path(results_name).filename().string() +
             ". Every FAIL is judged by hand before this file is committed.\n";
  r.text = header + lines;
  return r;
}

}  // namespace sslconf::conform
