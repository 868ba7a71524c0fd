// The planner: from a claims catalogue, the plans that exercise each
// function its claims speak of, built from the SYNOPSIS prototype (the
// arguments come from the object model by type and name) and the claims'
// conditions (a condition the page names becomes a case in the state that
// realises it). Nothing here names a page or keys on one wording; a
// function that cannot be planned gets the missing piece as its reason.
#pragma once

#include "plan/plan.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace sslconf::plan {

// The claim kinds whose checks can run on a derived scenario.
const std::set<std::string>& planned_kinds();

Plans plan_catalogue(const nlohmann::json& catalogue);

}  // namespace sslconf::plan
