// Scenarios derived from the pages: the plans `sslconf plan` made from the
// SYNOPSIS and the claims, compiled into the suite as C (plans.c), turned
// into the registry's Scenario parts for functions no hand-written scenario
// covers.
#pragma once

#include "checks/scenarios.hpp"

#include <string>
#include <vector>

namespace sslconf::checks::plans {

// The derived scenario of a function, or nullptr (then `unplanned` says why
// when the planner said so).
const Scenario* derived(const std::string& function);
std::string unplanned(const std::string& function);

// What the plans did during one attempt at a claim: the situation tried
// (a part with several situations runs the variant-th), how many the
// parts offered, whether a guessed value was involved, and the plans that
// ran (for the reproducer).
struct Trial {
  int variant = 0;
  int variants = 1;
  bool guessed = false;
  std::string guess;
  std::vector<std::string> ran;
};
Trial& trial();

// Appends the plans of the current trial to the reproducer records of this
// suite program (one JSON line per FAIL: the claim id and the plan ids).
void record_failure(const std::string& claim_id);

}  // namespace sslconf::checks::plans
