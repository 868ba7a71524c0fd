// Golden files of the writer tests. Run a test with SSLCONF_UPDATE_GOLDEN=1
// to rewrite the golden files from the current output (then review the diff).
#pragma once

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sslconf::writer::test {

inline const std::filesystem::path kTestDir =
    std::filesystem::path(SSLCONF_SOURCE_DIR) / "conformance" / "writer" / "tests";

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void check_golden(const std::string& actual, const std::string& golden_name) {
  const auto path = kTestDir / "golden" / golden_name;
  if (std::getenv("SSLCONF_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  BOOST_TEST_INFO("golden file " << path.string() << " (SSLCONF_UPDATE_GOLDEN=1 rewrites it)");
  BOOST_REQUIRE(std::filesystem::exists(path));
  BOOST_TEST(actual == read_text(path));
}

}  // namespace sslconf::writer::test
