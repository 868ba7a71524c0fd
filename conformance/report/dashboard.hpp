// report.html: a self-contained dashboard (one file, inline CSS and script,
// no network, works from file://) drawn in the browser from the results
// themselves, embedded as JSON: a bar of outcomes per implementation, the
// claim grid with its filters, and an annotated view of every page (its
// sentences in page order, each marked by what became of it).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

// What the page's script reads: the implementations with their totals, one
// row per claim (catalogue order) with each implementation's cell, which
// page documents each function, and the findings (findings.hpp's to_json;
// null: made from `results`, without reproducer links).
// `catalogue` (claims.json, or null) gives the reason of each claim that is
// not machine-checkable; without it the reason is left empty.
nlohmann::json dashboard_data(const std::vector<nlohmann::json>& results, const nlohmann::json& catalogue,
                              const nlohmann::json& findings = nullptr);

// The whole page.
std::string dashboard_html(const std::vector<nlohmann::json>& results, const nlohmann::json& catalogue,
                           const nlohmann::json& findings = nullptr);

// dashboard_html written atomically to `path`. Without `findings`, they are
// made from the results as if these lay beside `path` (as conform writes
// them), reproducers in its repro/ folder.
void write_report_html(const std::vector<nlohmann::json>& results, const std::string& path,
                       const nlohmann::json& catalogue = nullptr, const nlohmann::json& findings = nullptr);

}  // namespace sslconf::report
