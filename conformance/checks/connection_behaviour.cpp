// Kinds about calls that copy a value out to the caller (added for issue
// 13): the count a call returns of the bytes it copied, a field's fixed
// size, and one call behaving as another. Each runs the call on a real
// connection or session through the subject's `copy_out` scenario.
#include "checks/check.hpp"
#include "checks/probes.hpp"
#include "checks/text.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/optional.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace sslconf::checks {

namespace {

const Scenario& copying(const std::string& fn) {
  const Scenario& s = scenario_for(fn);
  if (!s.copy_out) throw Untestable("no scenario has " + fn + " copy into a buffer");
  return s;
}

// The whole value's size: what a call with ample room writes.
std::size_t whole_size(const Scenario& s, const std::string& fn) {
  const CopyCall big = s.copy_out(4096);
  if (big.written == 0) throw Unresolved("scenario: " + fn + " wrote nothing into a 4096-byte buffer");
  return big.written;
}

std::string described(std::size_t outlen, const CopyCall& c) {
  return "outlen " + std::to_string(outlen) + ": returned " + std::to_string(c.returned) + ", wrote " +
         std::to_string(c.written);
}

// The outlen values a condition on outlen allows: a positive outlen
// ("outlen is greater than 0", "a non-zero outlen") or, with no condition,
// any the check chooses. Others are not set up.
bool positive_outlen_allowed(const std::string& condition) {
  if (condition.empty()) return true;
  const std::string c = lower(condition);
  for (const char* w : {"greater than 0", "greater than zero", "> 0", ">0", "positive", "non-zero", "nonzero", "not 0",
                        "not zero", "at least 1", "at least one"})
    if (c.find(w) != std::string::npos) return true;
  return false;
}

// How a copying call treats the outlen values the check tries: for each,
// whether it returned and wrote what the copy contract gives
// (min(outlen, whole), and the whole size for outlen 0).
struct Contract {
  std::vector<bool> kept;
  std::string seen;
};

Contract contract_of(const Scenario& s, const std::string& fn) {
  const std::size_t whole = whole_size(s, fn);
  Contract k;
  for (const std::size_t outlen : {std::size_t{0}, std::size_t{1}, whole / 2, whole, whole + 8}) {
    const CopyCall c = s.copy_out(outlen);
    const std::size_t copies = outlen == 0 ? 0 : std::min(outlen, whole);
    const long long returns = outlen == 0 ? static_cast<long long>(whole) : static_cast<long long>(copies);
    k.kept.push_back(c.returned == returns && c.written == copies);
    k.seen += (k.seen.empty() ? "" : "; ") + described(outlen, c);
  }
  k.seen = fn + " (" + std::to_string(whole) + " bytes) " + k.seen;
  return k;
}

}  // namespace

Verdict returns_copied(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const std::string condition = text_param(p, "condition");
  if (!positive_outlen_allowed(condition))
    throw Untestable("the page's condition names no outlen the suite sets: " + condition);
  const Scenario& s = copying(fn);
  const std::size_t whole = whole_size(s, fn);
  const bool bounded = !text_param(p, "bound").empty();
  std::string seen, wrong;
  for (const std::size_t outlen : {std::size_t{1}, whole / 2, whole, whole + 8}) {
    if (outlen == 0) continue;
    const CopyCall call = s.copy_out(outlen);
    const std::string one = described(outlen, call);
    seen += (seen.empty() ? "" : "; ") + one;
    const bool counted = call.returned == static_cast<long long>(call.written);
    const bool within = !bounded || call.returned <= static_cast<long long>(outlen);
    if (!counted || !within) wrong += (wrong.empty() ? "" : "; ") + one;
  }
  if (!wrong.empty())
    return fail(wrong + " (page: returns the number of bytes copied" +
                (bounded ? ", at most " + text_param(p, "bound") : std::string()) + ")");
  return pass(seen + (condition.empty() ? "" : " (when \"" + condition + "\")"));
}

Verdict behaves_like(const Claim& c) {
  const auto& fn = subject(c);
  const std::string like = text_param(params_of(c), "like");
  if (like.empty()) throw Untestable("the claim names no function to compare with");
  const Scenario* other = find_scenario(like);
  if (!find_scenario(fn) || !find_scenario(fn)->copy_out || !other || !other->copy_out)
    throw Untestable("no scenario compares " + fn + " with " + like);
  const Contract mine = contract_of(*find_scenario(fn), fn);
  Contract theirs;
  try {
    theirs = contract_of(*other, like);
  } catch (const harness::Missing& m) {
    throw Untestable("the page compares " + fn + " with " + like + ", which this library does not declare");
  }
  const std::string seen = mine.seen + " | " + theirs.seen;
  return mine.kept == theirs.kept ? pass("the same copy behaviour: " + seen)
                                  : fail(seen + " (page: " + fn + " behaves as " + like + ")");
}

Verdict length_is(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const std::string value = text_param(p, "value");
  long long expected = 0;
  if (!value.empty() && std::all_of(value.begin(), value.end(), [](unsigned char ch) { return std::isdigit(ch); }))
    expected = std::stoll(value);
  else if (!checks::constant_value(value, expected))
    throw Untestable(no_value_reason(value));
  // "In current versions of the TLS protocols": the versions a handshake
  // of this library negotiates. Another condition is not set up.
  const std::string condition = lower(text_param(p, "condition"));
  if (!condition.empty() && condition.find("current") == std::string::npos)
    throw Untestable("the page's condition is not set up: " + condition);
  const Scenario& s = copying(fn);
  const CopyCall asked = s.copy_out(0);
  const std::size_t whole = whole_size(s, fn);
  const std::string seen = fn + ": outlen 0 returned " + std::to_string(asked.returned) + ", a 4096-byte buffer got " +
                           std::to_string(whole) + " bytes";
  const bool holds = asked.returned == expected && static_cast<long long>(whole) == expected;
  return holds ? pass(seen) : fail(seen + " (page: " + value + " = " + std::to_string(expected) + " bytes)");
}

Verdict returns_one_of(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  if (!p.contains("values") || !p["values"].is_array()) throw Untestable("the claim names no values");
  const Scenario& s = scenario_for(fn);
  if (!s.success) throw Untestable("no success scenario for " + fn);
  std::string known;
  std::vector<long long> values;
  for (const auto& v : p["values"]) {
    long long value = 0;
    if (!v.is_string() || !checks::constant_value(v.get<std::string>(), value)) continue;
    values.push_back(value);
    known += (known.empty() ? "" : ", ") + v.get<std::string>() + " (" + std::to_string(value) + ")";
  }
  if (values.empty()) throw Untestable("no value known for any constant the page names");
  const Result r = s.success();
  if (r.type != Result::Type::integer) throw Unresolved("scenario: " + fn + " returned " + r.describe());
  const bool among = std::find(values.begin(), values.end(), r.integer) != values.end();
  const std::string seen = "on success returned " + r.describe() + "; the page's constants: " + known;
  if (among) return pass(seen);
  // Constants given as examples ("e.g.") do not bound the set.
  if (p.value("examples", false)) throw Untestable(seen + " (the page lists them as examples only)");
  return fail(seen);
}

}  // namespace sslconf::checks
