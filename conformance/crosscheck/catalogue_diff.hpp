// Page against page: two documentation sets (releases, formats) compared
// claim by claim. Claims are aligned by subject function and claim kind,
// never by sentence text, so a reworded sentence is not a change while a
// different return value, argument type or release is.
#pragma once

#include "claims/claim.hpp"
#include "model/page.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace sslconf::crosscheck {

// One side of a comparison: what was read and what was extracted from it.
struct DocSet {
  std::string label;  // the argument as given ("seeds/003.txt", "pod")
  std::vector<model::Page> pages;
  claims::Catalogue catalogue;
};

struct ParamChange {
  std::string key;  // "success", "release", "params[0].type"
  nlohmann::json before;
  nlohmann::json after;
};

struct ClaimChange {
  enum class Type { added, removed, changed };
  Type type = Type::added;
  std::string function;  // subject, "-" for page-level claims
  std::string kind;
  claims::Claim before;  // empty for added
  claims::Claim after;   // empty for removed
  std::vector<ParamChange> params;  // changed only
};

// A SEE ALSO target that appears, disappears, or moves to another manual
// section ("ssl(3)" → "ssl(7)"), between pages that share a function.
struct SeeAlsoChange {
  std::string page_before;
  std::string page_after;
  std::string before;  // "ssl(3)", empty when added
  std::string after;   // "ssl(7)", empty when removed
  model::SourceLocation loc;  // where the new (or, if removed, the old) target stands
};

struct DocSetDiff {
  std::string before;  // labels
  std::string after;
  std::vector<std::string> functions_added;
  std::vector<std::string> functions_removed;
  std::vector<ClaimChange> claims;  // sorted by function, kind, type
  std::vector<SeeAlsoChange> see_also;
  std::map<std::string, std::string> function_sources;  // added/removed function → file:line of its NAME
  bool empty() const {
    return functions_added.empty() && functions_removed.empty() && claims.empty() && see_also.empty();
  }
};

DocSetDiff diff(const DocSet& before, const DocSet& after);

// Parameter keys compared between aligned claims. Wording-only params
// (`declaration`, `condition`, `mentions`) are not: they restate the text.
std::vector<ParamChange> param_changes(const claims::Claim& before, const claims::Claim& after);

// Text: one line per difference, "file:line: <what>"; JSON: see to_json.
std::string to_text(const DocSetDiff& d);
nlohmann::json to_json(const DocSetDiff& d);

std::string to_string(ClaimChange::Type t);

// " (argument=session, by=1)": a claim's parameters, wording ones left out;
// empty for prototypes, whose text is the declaration itself.
std::string params_text(const claims::Claim& c);

}  // namespace sslconf::crosscheck
