// Expectation files made from a run: `sslconf expectations RESULTS --claims
// CLAIMS --into DIR` writes the line of every claim whose observed outcome
// differs from its default (PASS when checkable, UNTESTED when not), with
// the observation, into DIR/<family>-<major.minor>.txt. A person still
// judges each FAIL before the file is committed; this only records.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace sslconf::conform {

struct RecordedExpectations {
  std::string file;  // <family>-<major.minor>.txt, or <family>.txt without a release
  std::string text;
  std::map<std::string, int> lines_by_outcome;
};

// The expectation file of one results document. `results_name` names it
// in errors and in the header; `existing` is the file's text today (its
// leading comment block, where people wrote their judgement, is kept).
// Throws model::InputError naming `results_name` for a results document
// that is not one, a claim the catalogue lacks, or an outcome other than
// the default without an observation.
RecordedExpectations record_expectations(const nlohmann::json& results, const nlohmann::json& catalogue,
                                         const std::string& results_name, const std::string& existing);

}  // namespace sslconf::conform
