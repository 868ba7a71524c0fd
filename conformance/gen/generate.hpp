// The generator: claims catalogue → C++ test sources (one Boost.Test suite
// per page, one case per claim), the configure-time probe program, and the
// manifest that maps claim ids to test names for the runner. Pure: the same
// catalogue always gives the same files, byte for byte.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace sslconf::gen {

using Files = std::map<std::string, std::string>;  // relative path → content

// pages/<page>.cpp for each page with a claim to check, sources.cmake,
// manifest.json. A case of the manifest names its test, or, for a claim
// without a check to run, carries its UNTESTED outcome and detail instead.
Files generate_suite(const nlohmann::json& catalogue);

// The checks that exist, by kind (KINDS.md): kind → C++ function name.
const std::map<std::string, std::string>& check_functions();

// A Boost.Test-safe identifier from any text.
std::string identifier(const std::string& text);

// Writes files under `dir`, touching only those whose content changed (so a
// rebuild recompiles only the pages that changed). Returns how many it wrote.
int write_files(const std::string& dir, const Files& files);

}  // namespace sslconf::gen
