// The results fixtures the report tests share (fixtures/results-*.json).
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace sslconf::report::testing {

inline const std::string kFixtures = std::string(SSLCONF_SOURCE_DIR) + "/conformance/report/tests/fixtures/";

inline nlohmann::json fixture(const std::string& name) {
  std::ifstream in(kFixtures + name);
  return nlohmann::json::parse(in);
}

}  // namespace sslconf::report::testing
