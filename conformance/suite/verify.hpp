// What a generated test case calls: runs the claim's check and reports the
// verdict twice, as one machine-readable line for the runner and as a
// Boost.Test result for anyone running the suite by hand.
#pragma once

#include <boost/test/unit_test.hpp>

#include "checks/check.hpp"

namespace sslconf::suite {

void verify(checks::Check check, const checks::Claim& claim);

}  // namespace sslconf::suite
