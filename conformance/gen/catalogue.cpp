#include "gen/catalogue.hpp"

#include "model/diagnostic.hpp"

#include <fstream>

namespace sslconf::gen {

namespace {

model::InputError bad(const std::string& path, const std::string& message) {
  return model::InputError({path, 0}, message);
}

void require_claim_fields(const std::string& path, const nlohmann::json& c) {
  for (const char* field : {"id", "page", "kind", "functions", "text", "source", "checkable"})
    if (!c.contains(field)) throw bad(path, "claim without \"" + std::string(field) + "\": " + c.dump().substr(0, 80));
}

}  // namespace

nlohmann::json load_catalogue(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw bad(path, "cannot read the claims catalogue");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) throw bad(path, "not JSON");
  if (!j.is_object() || j.value("schema", 0) != 1) throw bad(path, "not a schema 1 claims catalogue");
  if (!j.contains("claims") || !j["claims"].is_array()) throw bad(path, "no \"claims\" array");
  for (const auto& c : j["claims"]) require_claim_fields(path, c);
  return j;
}

}  // namespace sslconf::gen
