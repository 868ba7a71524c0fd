#include "report/results.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace sslconf::report {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (const unsigned char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += (ch < 0x20 && ch != '\t') ? ' ' : static_cast<char>(ch);
    }
  }
  return out;
}

}  // namespace

nlohmann::json build_results(const nlohmann::json& catalogue, const std::vector<runner::CaseOutcome>& outcomes,
                             const Implementation& impl, const Expectations& expectations) {
  std::map<std::string, const runner::CaseOutcome*> by_id;
  for (const auto& o : outcomes) by_id[o.id] = &o;
  nlohmann::json totals = {{"PASS", 0}, {"FAIL", 0}, {"UNSUPPORTED", 0}, {"UNTESTED", 0}, {"UNRESOLVED", 0}};
  nlohmann::json results = nlohmann::json::array();
  for (const auto& c : catalogue["claims"]) {
    const std::string id = c["id"].get<std::string>();
    const auto it = by_id.find(id);
    const std::string outcome = it == by_id.end() ? "UNRESOLVED" : it->second->outcome;
    const std::string detail = it == by_id.end() ? "the generated suite has no case for this claim" : it->second->detail;
    const bool checkable = c.value("checkable", false);
    results.push_back({{"id", id},
                       {"page", c.value("page", "")},
                       {"section", c.value("section", "")},
                       {"functions", c.value("functions", nlohmann::json::array())},
                       {"kind", c.value("kind", "")},
                       {"text", c.value("text", "")},
                       {"source", c.value("source", "")},
                       {"outcome", outcome},
                       {"detail", detail},
                       {"expected", expected_outcome(expectations, id, checkable)}});
    if (totals.contains(outcome)) totals[outcome] = totals[outcome].get<int>() + 1;
  }
  return {{"schema", 1},
          {"implementation", {{"name", impl.name}, {"family", impl.family}, {"version", impl.version}}},
          {"results", results},
          {"totals", totals}};
}

std::vector<const nlohmann::json*> unexpected(const nlohmann::json& results) {
  std::vector<const nlohmann::json*> out;
  for (const auto& r : results["results"])
    if (r["outcome"] != r["expected"]) out.push_back(&r);
  return out;
}

// One test case per claim, grouped by page. A result that differs from its
// expectation is a <failure>; UNSUPPORTED and UNTESTED are <skipped>.
std::string junit_xml(const nlohmann::json& results) {
  std::map<std::string, std::vector<const nlohmann::json*>> pages;
  for (const auto& r : results["results"]) pages[r["page"].get<std::string>()].push_back(&r);
  const std::string impl = results["implementation"]["name"].get<std::string>();
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sslconf " + xml_escape(impl) + "\">\n";
  for (const auto& [page, rs] : pages) {
    int failures = 0, skipped = 0;
    std::string cases;
    for (const auto* r : rs) {
      const std::string outcome = (*r)["outcome"], expected = (*r)["expected"];
      cases += "    <testcase classname=\"" + xml_escape(impl + "." + page) + "\" name=\"" + xml_escape((*r)["id"]) + "\">\n";
      const std::string message = outcome + ": " + (*r)["detail"].get<std::string>() + " [" + (*r)["source"].get<std::string>() + "]";
      if (outcome != expected) {
        ++failures;
        cases += "      <failure message=\"" + xml_escape("expected " + expected + ", got " + message) + "\"/>\n";
      } else if (outcome == "UNSUPPORTED" || outcome == "UNTESTED") {
        ++skipped;
        cases += "      <skipped message=\"" + xml_escape(message) + "\"/>\n";
      }
      cases += "      <system-out>" + xml_escape(message + "\n" + (*r)["text"].get<std::string>()) + "</system-out>\n    </testcase>\n";
    }
    x += "  <testsuite name=\"" + xml_escape(page) + "\" tests=\"" + std::to_string(rs.size()) + "\" failures=\"" +
         std::to_string(failures) + "\" skipped=\"" + std::to_string(skipped) + "\">\n" + cases + "  </testsuite>\n";
  }
  return x + "</testsuites>\n";
}

void write_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  const fs::path tmp = target.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error(tmp.string() + ": cannot write");
  }
  fs::rename(tmp, target);
}

}  // namespace sslconf::report
