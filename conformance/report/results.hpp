// results-<impl>.json (DESIGN.md schema, exactly) and its JUnit rendering.
#pragma once

#include "report/expectations.hpp"
#include "runner/runner.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

struct Implementation {
  std::string name;     // reference, openssl, prefix-..., as on the command line
  std::string family;   // reference|openssl|boringssl|wolfssl|libressl|unknown
  std::string version;  // what the library reports
};

// One result per claim of the catalogue, in catalogue order.
nlohmann::json build_results(const nlohmann::json& catalogue, const std::vector<runner::CaseOutcome>& outcomes,
                             const Implementation& impl, const Expectations& expectations);

// Results whose outcome differs from the expectation (either direction).
std::vector<const nlohmann::json*> unexpected(const nlohmann::json& results);

std::string junit_xml(const nlohmann::json& results);

// Writes to a temporary file beside `path` and renames it into place, so a
// reader never sees half a file.
void write_atomically(const std::string& path, const std::string& content);

}  // namespace sslconf::report
