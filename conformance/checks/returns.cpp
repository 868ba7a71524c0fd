// Return-value kinds: the page's stated value against the value the call
// returns in the scenario the statement describes.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/probes.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"

#include <algorithm>
#include <cctype>

namespace sslconf::checks {

namespace {

// Calls one scenario part, or throws Untestable naming the missing part.
template <class F>
auto call(const F& part, const std::string& function, const char* what) {
  if (!part) throw Untestable("no " + std::string(what) + " scenario for " + function);
  return part();
}

struct Tally {
  bool ok = true;
  std::string detail;
  void add(bool holds, const std::string& what) {
    ok = ok && holds;
    detail += (detail.empty() ? "" : "; ") + what;
  }
  Verdict verdict() const { return ok ? pass(detail) : fail(detail); }
};

std::string expecting(const std::string& observed, const std::string& page) {
  return observed + " (page: " + page + ")";
}

bool is_pointer_expectation(const nlohmann::json& v) {
  return v.is_string() && (v == "null" || v == "non-null");
}

bool pointer_matches(const Result& r, const std::string& expected) {
  return r.type == Result::Type::pointer && ((expected == "null") == (r.pointer == nullptr));
}

// Conditions that describe the failure or the empty case of a function.
bool describes_failure(std::string condition) {
  std::transform(condition.begin(), condition.end(), condition.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  static const char* const words[] = {"no ", "not ", "fail", "error", "unsuccessful", "null", "otherwise",
                                      "none", "invalid", "already"};
  return std::any_of(std::begin(words), std::end(words),
                     [&](const char* w) { return condition.find(w) != std::string::npos; });
}

Verdict check_value(const nlohmann::json& value, const Result& r, const std::string& where) {
  if (is_pointer_expectation(value)) {
    const auto want = value.get<std::string>();
    const bool ok = pointer_matches(r, want);
    const std::string text = expecting(where + " returned " + r.describe(), want);
    return ok ? pass(text) : fail(text);
  }
  const auto e = IntExpectation::from(nlohmann::json{{"value", value}}, "value");
  const bool ok = r.type == Result::Type::integer && e->matches(r.integer);
  const std::string text = expecting(where + " returned " + r.describe(), e->describe());
  return ok ? pass(text) : fail(text);
}

}  // namespace

Verdict returns_int(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  const auto success = IntExpectation::from(p, "success");
  const auto failure = IntExpectation::from(p, "failure");
  Tally t;
  int exercised = 0;
  if (success && s.success) {
    const Result r = s.success();
    t.add(r.type == Result::Type::integer && success->matches(r.integer),
          expecting("success case returned " + r.describe(), success->describe()));
    ++exercised;
  }
  if (failure && s.failure) {
    const Result r = s.failure();
    t.add(r.type == Result::Type::integer && failure->matches(r.integer),
          expecting("failure case returned " + r.describe(), failure->describe()));
    ++exercised;
  }
  if (exercised == 0) throw Untestable("no scenario for " + fn + " in the case the page describes");
  if (failure && !s.failure) t.detail += "; failure case not exercised (no failure scenario)";
  return t.verdict();
}

Verdict returns_pointer_or_null(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  Tally t;
  const Result ok = call(s.success, fn, "success");
  t.add(pointer_matches(ok, "non-null"), expecting("success case returned " + ok.describe(), "non-NULL"));
  if (s.failure && text_param(p, "failure", "null") == "null") {
    const Result bad = s.failure();
    t.add(pointer_matches(bad, "null"), expecting("failure case returned " + bad.describe(), "NULL"));
  } else {
    t.detail += "; failure case not exercised (no failure scenario)";
  }
  return t.verdict();
}

Verdict returns_pointer(const Claim& c) {
  const auto& fn = subject(c);
  const Result r = call(scenario_for(fn).success, fn, "success");
  const std::string text = expecting("success case returned " + r.describe(), "non-NULL");
  return pointer_matches(r, "non-null") ? pass(text) : fail(text);
}

Verdict returns_void(const Claim& c) {
  const auto& fn = subject(c);
  const Probe* probe = probe_for(fn);
  if (probe && probe->returns_void >= 0) {
    const std::string text = "declared as " + probe->actual;
    return probe->returns_void == 1 ? pass(text) : fail(text + " (page: returns no value)");
  }
  const Scenario& s = scenario_for(fn);
  if (!s.returns_void) throw Untestable("the return type of " + fn + " is not known to the checks");
  return *s.returns_void ? pass("declared to return void") : fail("declared to return a value (page: no value)");
}

Verdict returns_enumerated(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  if (!p.contains("value")) throw Untestable("the claim states no value");
  const auto& value = p["value"];
  if (value.is_string() && !is_pointer_expectation(value) && !IntExpectation::from(p, "value").has_value())
    throw Untestable("symbolic return values are not checked");
  const Scenario& s = scenario_for(fn);
  const std::string condition = text_param(p, "condition");
  const bool failure = describes_failure(condition);
  const Result r = failure ? call(s.failure, fn, "failure") : call(s.success, fn, "success");
  return check_value(value, r, failure ? "failure case" : "success case");
}

Verdict returns_on_null(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  if (!p.contains("value")) throw Untestable("the claim states no value");
  const Result r = call(scenario_for(fn).with_null, fn, "NULL-argument");
  return check_value(p["value"], r, "call with NULL " + text_param(p, "argument", "argument"));
}

Verdict returns_previous(const Claim& c) {
  const auto& fn = subject(c);
  const Comparison r = call(scenario_for(fn).previous, fn, "set-twice");
  return r.holds ? pass(r.observed) : fail(r.observed + " (page: the previous value)");
}

Verdict returns_current(const Claim& c) {
  const auto& fn = subject(c);
  const Comparison r = call(scenario_for(fn).current, fn, "set-then-get");
  return r.holds ? pass(r.observed) : fail(r.observed + " (page: the value in effect)");
}

}  // namespace sslconf::checks
