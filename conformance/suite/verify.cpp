#include "suite/verify.hpp"

#include <cstdio>

namespace sslconf::suite {

namespace {

// One line the runner reads: "@@sslconf <OUTCOME> <detail>". Written with
// stdio and flushed at once, so a crash later in the process cannot lose it.
void report(const checks::Claim& claim, const checks::Verdict& v) {
  std::string detail = v.detail;
  for (char& ch : detail)
    if (ch == '\n' || ch == '\r') ch = ' ';
  std::printf("@@sslconf %s %s\n", checks::outcome_name(v.outcome), detail.c_str());
  std::fflush(stdout);
  BOOST_TEST_MESSAGE(claim.id << ": " << checks::outcome_name(v.outcome) << ": " << detail);
  // Only a FAIL fails the Boost.Test case; the other outcomes are verdicts
  // about what could be checked, reported in the message above.
  if (v.outcome == checks::Outcome::fail) BOOST_ERROR(claim.id << ": " << detail);
}

}  // namespace

void verify(checks::Check check, const checks::Claim& claim) { report(claim, checks::run(check, claim)); }

}  // namespace sslconf::suite
