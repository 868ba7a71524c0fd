// A claim: one typed, identified assertion a manual page makes.
// The JSON form is the claims.json schema of DESIGN.md (schema 1).
#pragma once

#include "model/page.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace sslconf::claims {

struct Claim {
  std::string id;       // page/function/kind/ordinal: stable across rewording
  std::string page;     // page title, e.g. "SSL_SESSION_new"
  std::string section;  // "RETURN VALUES"
  std::string kind;     // "returns-int", "null-noop", ... (DESIGN.md)
  std::vector<std::string> functions;
  nlohmann::json params = nlohmann::json::object();
  std::string text;     // the sentence or item the claim came from
  std::string source;   // file:line
  bool checkable = false;
  std::string reason;   // caller-obligation|informative|speculative|unrecognised, or ""
};

struct PageEntry {
  std::string name;
  std::string source;
  std::string format;   // pod|html|markdown|man|text
  std::vector<std::string> functions;
};

struct Catalogue {
  std::vector<PageEntry> pages;
  std::vector<Claim> claims;
  nlohmann::json coverage = nlohmann::json::object();
};

nlohmann::json to_json(const Claim& c);
Claim claim_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Catalogue& c);
// Writes to_json(c).dump(2) to out one claim at a time, without the document
// of the whole catalogue in memory (a whole manual's is hundreds of MB).
void write_json(std::ostream& out, const Catalogue& c);
// Throws model::InputError naming `origin` when the JSON is not schema 1.
Catalogue catalogue_from_json(const nlohmann::json& j, const std::string& origin);

}  // namespace sslconf::claims
