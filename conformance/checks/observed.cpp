// Kinds about the observers' own documented behaviour: the ex_data free
// callback that marks a session's death, the cache count and the remove
// callback. Elsewhere these are tools, and a broken one makes its claims
// UNRESOLVED; here they are the subject, so their self-test is the check and
// a broken one is a FAIL against its own page.
#include "checks/check.hpp"
#include "checks/verdict.hpp"
#include "harness/observers.hpp"

namespace sslconf::checks {

namespace {

Verdict from(const harness::SelfTest& t) {
  switch (t.result) {
    case harness::SelfTest::Result::works: return pass(t.observed);
    case harness::SelfTest::Result::fails: return fail(t.observed);
    case harness::SelfTest::Result::not_set_up: break;
  }
  return unresolved("scenario: " + t.observed);
}

}  // namespace

Verdict free_callback_once(const Claim&) { return from(harness::DeathWatch::self_test()); }
Verdict cache_count(const Claim&) { return from(harness::CacheWatch::count_test()); }
Verdict remove_callback(const Claim&) { return from(harness::CacheWatch::removal_test()); }

}  // namespace sslconf::checks
