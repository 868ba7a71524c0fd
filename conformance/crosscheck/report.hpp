// One HTML page gathering the four cross-checks, written through pandoc:
// the report is built as a Pandoc JSON document (pure, unit-tested), then
// `pandoc -f json -t html5 -s` renders it.
#pragma once

#include "crosscheck/behaviour.hpp"
#include "crosscheck/catalogue_diff.hpp"
#include "crosscheck/finding.hpp"
#include "crosscheck/header_compare.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::crosscheck {

struct CrosscheckReport {
  std::string docs;                      // what was linted and compared with headers
  std::vector<Finding> lint;
  std::vector<DocSetDiff> page_diffs;    // page against page
  std::vector<HeaderReport> headers;     // page against header, one per implementation
  std::vector<BehaviourSummary> behaviours;  // page against behaviour, one per results file
  std::vector<std::string> notes;        // what could not be done, said in the report itself
};

// The pandoc-api-version this report is written for; pandoc's own is checked
// first and a different major.minor API is an error, not a silent misrender.
nlohmann::json report_document(const CrosscheckReport& report, const std::vector<int>& api_version);

// Renders the report to `html_path` (standalone HTML5). Throws
// std::runtime_error when pandoc is missing, speaks another API, or fails.
void write_crosscheck_report(const CrosscheckReport& report, const std::string& html_path);

// Machine-readable form of the whole report (the same content as the HTML).
nlohmann::json to_json(const CrosscheckReport& report);

}  // namespace sslconf::crosscheck
