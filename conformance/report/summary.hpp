// What `scripts/conform` prints by default: one line of totals per
// implementation, then only what needs a reader's attention. The full
// claims × implementations matrix (matrix.hpp) is behind --matrix.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

// One implementation's results with the wall time its steps took (0 when
// not measured, e.g. results read from files).
struct RunRecord {
  nlohmann::json results;  // results-<impl>.json
  double build_seconds = 0;
  double run_seconds = 0;
};

// "name  family  version  N claims:  PASS n  FAIL n ...  unexpected n
// built in t s, ran in t s", aligned, one line per implementation.
std::string summary_text(const std::vector<RunRecord>& runs);

// Results that differ from the expectation files first, then the FAIL and
// UNRESOLVED results not already listed, each one line
// "file:line: impl: id: detail"; a FAIL the expectation file lists ends in
// "[known]". Empty when there is nothing to show.
// Sources under `base` (the current folder, say) are shown relative to it.
std::string attention_text(const std::vector<RunRecord>& runs, const std::string& base = "");

}  // namespace sslconf::report
