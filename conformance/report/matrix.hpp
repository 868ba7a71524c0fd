// The terminal matrix: results of several implementations side by side
// (`scripts/conform --matrix`; report.html is dashboard.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

// Claims × implementations with per-implementation totals. A cell that
// differs from its expectation carries a '!'; a row whose outcomes differ
// between implementations is marked '≠' at its start.
std::string matrix_text(const std::vector<nlohmann::json>& results);

}  // namespace sslconf::report
