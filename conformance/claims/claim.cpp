// JSON form of claims and catalogues: the claims.json schema 1 of DESIGN.md.
#include "claims/claim.hpp"

#include "model/diagnostic.hpp"

namespace sslconf::claims {

namespace {

constexpr int kSchema = 1;

nlohmann::json page_json(const PageEntry& p) {
  return {{"name", p.name}, {"source", p.source}, {"format", p.format},
          {"functions", p.functions}};
}

PageEntry page_from(const nlohmann::json& j) {
  return PageEntry{j.at("name"), j.at("source"), j.at("format"),
                   j.at("functions").get<std::vector<std::string>>()};
}

// The location inside claims.json of the first claim that failed, so a bad
// catalogue is reported like any other bad input.
model::SourceLocation where(const std::string& origin) { return {origin, 0}; }

}  // namespace

nlohmann::json to_json(const Claim& c) {
  return {{"id", c.id},         {"page", c.page},     {"section", c.section},
          {"kind", c.kind},     {"functions", c.functions},
          {"params", c.params}, {"text", c.text},     {"source", c.source},
          {"checkable", c.checkable}, {"reason", c.reason}};
}

Claim claim_from_json(const nlohmann::json& j) {
  Claim c;
  c.id = j.at("id");
  c.page = j.at("page");
  c.section = j.at("section");
  c.kind = j.at("kind");
  c.functions = j.at("functions").get<std::vector<std::string>>();
  c.params = j.value("params", nlohmann::json::object());
  c.text = j.at("text");
  c.source = j.at("source");
  c.checkable = j.at("checkable");
  c.reason = j.value("reason", "");
  return c;
}

nlohmann::json to_json(const Catalogue& c) {
  auto pages = nlohmann::json::array();
  for (const auto& p : c.pages) pages.push_back(page_json(p));
  auto claims = nlohmann::json::array();
  for (const auto& k : c.claims) claims.push_back(to_json(k));
  return {{"schema", kSchema}, {"pages", pages}, {"claims", claims},
          {"coverage", c.coverage}};
}

Catalogue catalogue_from_json(const nlohmann::json& j, const std::string& origin) {
  if (!j.is_object() || j.value("schema", 0) != kSchema)
    throw model::InputError(where(origin), "not a claims.json of schema 1");
  Catalogue c;
  try {
    for (const auto& p : j.at("pages")) c.pages.push_back(page_from(p));
    for (const auto& k : j.at("claims")) c.claims.push_back(claim_from_json(k));
    c.coverage = j.value("coverage", nlohmann::json::object());
  } catch (const nlohmann::json::exception& e) {
    throw model::InputError(where(origin), std::string("malformed claims.json: ") + e.what());
  }
  return c;
}

}  // namespace sslconf::claims
