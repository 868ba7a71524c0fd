// Expectation files (conformance/expectations/<family>-<major.minor>.txt):
// the divergences really observed on one implementation family and
// release, one line per claim id:
//   <claim id> <OUTCOME> <what was observed>
// '#' starts a comment line. A claim without a line is expected to PASS
// when it is checkable and to be UNTESTED when it is not.
#pragma once

#include <map>
#include <string>

namespace sslconf::report {

struct Expectation {
  std::string outcome;
  std::string reason;
};

using Expectations = std::map<std::string, Expectation>;

// Throws model::InputError ("file:line: error: ...") on a malformed line.
Expectations load_expectations(const std::string& path);

// The file for a family and the version text the library reports, in
// `dir`: <family>-<major.minor>.txt, else <family>.txt; "" when neither.
std::string expectation_file(const std::string& dir, const std::string& family, const std::string& version);

std::string expected_outcome(const Expectations& e, const std::string& id, bool checkable);

}  // namespace sslconf::report
