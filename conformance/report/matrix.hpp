// Presenting results of several implementations side by side: the terminal
// matrix and report.html (Markdown made into HTML by pandoc).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

// Claims × implementations with per-implementation totals. A cell that
// differs from its expectation carries a '!'; a row whose outcomes differ
// between implementations is marked '≠' at its start.
std::string matrix_text(const std::vector<nlohmann::json>& results);

// The report as Pandoc Markdown: totals, the claims whose outcomes differ
// between implementations, then every claim with its sentence, source and
// each implementation's outcome and detail.
std::string report_markdown(const std::vector<nlohmann::json>& results);

// report_markdown through `pandoc` to a standalone HTML file, written
// atomically. Throws std::runtime_error when pandoc fails.
void write_report_html(const std::vector<nlohmann::json>& results, const std::string& path);

}  // namespace sslconf::report
