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

// What the page's script reads: the implementations with their totals, and
// one row per claim (catalogue order) with each implementation's cell.
// `catalogue` (claims.json, or null) gives the reason of each claim that is
// not machine-checkable; without it the reason is left empty.
nlohmann::json dashboard_data(const std::vector<nlohmann::json>& results, const nlohmann::json& catalogue);

// The whole page.
std::string dashboard_html(const std::vector<nlohmann::json>& results, const nlohmann::json& catalogue);

// dashboard_html written atomically to `path`.
void write_report_html(const std::vector<nlohmann::json>& results, const std::string& path,
                       const nlohmann::json& catalogue = nullptr);

}  // namespace sslconf::report
