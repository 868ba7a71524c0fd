// Reading claims.json (schema 1, DESIGN.md) for the generator and the
// runner: the raw JSON, checked for the fields they rely on.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sslconf::gen {

// Throws model::InputError ("path:0: error: ...") when the file is missing,
// is not JSON, or is not a schema-1 catalogue.
nlohmann::json load_catalogue(const std::string& path);

}  // namespace sslconf::gen
