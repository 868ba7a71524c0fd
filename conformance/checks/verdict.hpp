// Building verdicts inside checks, and the exception a scenario throws when
// it cannot set itself up (the claim is then UNRESOLVED, not FAIL).
#pragma once

#include "checks/check.hpp"

#include <stdexcept>
#include <string>

namespace sslconf::checks {

inline Verdict pass(std::string detail) { return {Outcome::pass, std::move(detail)}; }
inline Verdict fail(std::string detail) { return {Outcome::fail, std::move(detail)}; }
inline Verdict unsupported(std::string detail) { return {Outcome::unsupported, std::move(detail)}; }
inline Verdict untested(std::string detail) { return {Outcome::untested, std::move(detail)}; }
inline Verdict unresolved(std::string detail) { return {Outcome::unresolved, std::move(detail)}; }

struct Unresolved : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown when the registry lacks what a check needs (no scenario for the
// function, or none of the needed sort): the claim is UNTESTED.
struct Untestable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The reference-count trial of the claim's subject: after the call (and the
// release of holders the caller does not own) `delta` more references than
// before must be left. Shared by the refcount kinds and alias-plus-ref.
Verdict reference_trial(const Claim& c, int delta);

// The subject function of a claim.
const std::string& subject(const Claim& c);

}  // namespace sslconf::checks
