// Coverage of a catalogue: how many statements each page makes, how many
// claims of which kind they gave, how many are checkable, and which were not
// recognised (file:line), so the gap of the claim language stays visible.
#pragma once

#include "claims/claim.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace sslconf::claims {

enum class Statement { prototype, sentence, item };

struct PageTally {
  std::string page;
  std::string source;
  int sentences = 0;
  int items = 0;
  int prototypes = 0;
  int claims = 0;
  int checkable_claims = 0;
  int checkable_statements = 0;  // statements with at least one checkable claim
  int return_statements = 0;     // sentences and items of RETURN VALUES
  int return_recognised = 0;     // ... that gave a returns-* claim
  int return_checkable = 0;      // ... that gave a checkable returns-* claim
  // ... that state no value and are classified as no claim (a list
  // introduction, a stray reference list, advice): counted, not hidden.
  int return_noclaim = 0;
  // ... that state no value and describe what one means ("This message is
  // always fatal." after an item): descriptive only. With the no-claim
  // ones they are left out of the statements that state a value.
  int return_described = 0;
  std::map<std::string, int> by_kind;
  std::vector<std::pair<std::string, std::string>> unrecognised;  // source, text
  // Parsed (subject and predicate found) but no check exists for the
  // predicate: listed beside the unrecognised so the gap stays visible.
  std::vector<std::pair<std::string, std::string>> descriptive;  // source, text

  void count_statement(Statement what, const std::vector<Claim>& made,
                       const std::string& section = "SYNOPSIS");
  nlohmann::json to_json() const;
};

class Coverage {
 public:
  PageTally& page(const std::string& name, const std::string& source);
  // {"pages": [...], "total": {...}}: the `coverage` member of claims.json.
  nlohmann::json to_json() const;

 private:
  std::deque<PageTally> pages_;  // deque: references stay valid as pages are added
};

// Human-readable report of a `coverage` object, as `sslconf claims` prints
// it on stderr; `per_page` adds one line per page and the unrecognised list.
std::string coverage_report(const nlohmann::json& coverage, bool per_page);

}  // namespace sslconf::claims
