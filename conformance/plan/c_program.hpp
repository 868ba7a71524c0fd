// Plans printed as C: the suite's source of every plan (compiled against
// the library under test, missing functions tolerated), and a standalone
// reproducer of one plan with the page's sentence and expectation.
#pragma once

#include "plan/plan.hpp"

#include <map>
#include <string>

namespace sslconf::plan {

// The C function of one plan: `static int NAME(struct sslconf_obs *o)`.
// With `guards`, each called function that is not a macro is declared weak
// and checked for presence before the plan runs (the suite); without, the
// plain calls a reader expects (a reproducer).
std::string c_function(const Procedure& p, const std::string& name, bool guards);

// plans.c for the suite: every plan of `plans` as a function, then the
// table sslconf_plan_table[] of {id, function}. `lines` receives, for each
// plan id, the first and last line of its function (to lay a compiler
// error at the plan it points into).
std::string suite_source(const Plans& plans, std::map<std::string, std::pair<int, int>>* lines = nullptr);

// What a reproducer says about the claim it reproduces.
struct ReproducerClaim {
  std::string id;
  std::string source;    // file:line
  std::string sentence;  // the page's words
};

// One plan of a reproducer and what the page expects of it.
struct PlanCheck {
  Procedure plan;
  std::string expectation;  // C boolean over `o` that is true when the library does what the page says
  std::string says;         // the page's value in words ("1", "NULL", "the value set")
};

// A whole C program: the makers, the plans, and a main that prints the
// sentence, then for each plan the situation, what the page says and what
// the library did; it exits 1 when a divergence shows, 0 when the library
// does what the page says, 2 when a situation could not be set up.
std::string reproducer(const std::vector<PlanCheck>& checks, const ReproducerClaim& claim);

// The text of plan/makers.h and plan/reproducer_makers.c (embedded at build time).
extern const char* const kMakersHeader;
extern const char* const kReproducerMakers;

}  // namespace sslconf::plan
