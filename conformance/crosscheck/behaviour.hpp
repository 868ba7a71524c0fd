// Page against behaviour: from one implementation's results-<impl>.json, the
// claims it contradicts (FAIL) and the functions it lacks (UNSUPPORTED),
// grouped by page, for the maintainers of that page.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace sslconf::crosscheck {

struct ResultEntry {
  std::string id, page, section, kind, text, source, outcome, detail, expected;
  std::vector<std::string> functions;
  bool known() const { return expected == outcome; }  // listed in the expectation file
};

struct PageBehaviour {
  std::vector<ResultEntry> contradicted;  // FAIL
  std::vector<ResultEntry> unsupported;   // UNSUPPORTED
};

struct BehaviourSummary {
  std::string origin;  // the results file
  std::string implementation, family, version;
  std::map<std::string, PageBehaviour> pages;  // only pages with something to say
  std::size_t results = 0;
  std::size_t contradicted() const;
  std::size_t unsupported() const;
};

// Throws model::InputError naming `origin` when the JSON is not a schema 1
// results file.
BehaviourSummary summarise_results(const nlohmann::json& results, const std::string& origin);
BehaviourSummary summarise_results_file(const std::string& path);

std::string to_text(const BehaviourSummary& s);
nlohmann::json to_json(const BehaviourSummary& s);

}  // namespace sslconf::crosscheck
