// Return-value kinds: the page's stated value against the value the call
// returns in the scenario the statement describes.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/probes.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/observers.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <map>

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

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// SSL_get_error's symbolic values, as this library defines them.
bool symbol_value(const std::string& name, long long& value) {
  static const std::map<std::string, long long> symbols{
      {"SSL_ERROR_NONE", SSL_ERROR_NONE},       {"SSL_ERROR_SSL", SSL_ERROR_SSL},
      {"SSL_ERROR_WANT_READ", SSL_ERROR_WANT_READ}, {"SSL_ERROR_WANT_WRITE", SSL_ERROR_WANT_WRITE},
      {"SSL_ERROR_SYSCALL", SSL_ERROR_SYSCALL}, {"SSL_ERROR_ZERO_RETURN", SSL_ERROR_ZERO_RETURN}};
  const auto it = symbols.find(name);
  if (it == symbols.end()) return false;
  value = it->second;
  return true;
}

// The scenario a RETURN VALUES item describes: the function's own keyed
// cases first, else its success or failure case by the condition's words.
std::pair<std::string, Result> item_scenario(const Scenario& s, const std::string& fn, const std::string& condition) {
  const std::string c = lower(condition);
  for (const auto& [key, run] : s.cases)
    if (c.find(key) != std::string::npos) return {"case \"" + key + "\"", run()};
  if (!s.cases.empty() && !s.success && !s.failure)
    throw Untestable("no scenario for " + fn + " when: " + condition);
  const bool failure = describes_failure(condition);
  return {failure ? "failure case" : "success case",
          failure ? call(s.failure, fn, "failure") : call(s.success, fn, "success")};
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
  nlohmann::json value = p["value"];
  static const char* const signs[] = {"nonzero", "positive", "nonnegative", "negative", "nonpositive"};
  const bool sign = value.is_string() && std::any_of(std::begin(signs), std::end(signs),
                                                     [&](const char* w) { return value == w; });
  if (value.is_string() && !is_pointer_expectation(value) && !sign) {
    long long v = 0;
    if (!symbol_value(value.get<std::string>(), v)) throw Untestable("no value known for " + value.get<std::string>());
    value = v;
  }
  const Scenario& s = scenario_for(fn);
  const auto [where, r] = item_scenario(s, fn, text_param(p, "condition"));
  return check_value(value, r, where);
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

Verdict sets_value(const Claim& c) {
  const auto& fn = subject(c);
  const Comparison r = call(scenario_for(fn).sets, fn, "set-then-read-back");
  return r.holds ? pass(r.observed) : fail(r.observed + " (page: the value set)");
}

Verdict cache_add(const Claim& c) {
  const auto& fn = subject(c);
  if (!harness::CacheWatch::broken().empty()) throw Unresolved(harness::CacheWatch::broken());
  const auto [before, after] = call(scenario_for(fn).cache_change, fn, "cache-membership");
  const std::string seen = "SSL_CTX_sess_number went from " + std::to_string(before) + " to " + std::to_string(after);
  return after == before + 1 ? pass(seen) : fail(seen + " (page: the session enters the cache)");
}

Verdict cache_remove(const Claim& c) {
  const auto& fn = subject(c);
  if (!harness::CacheWatch::broken().empty()) throw Unresolved(harness::CacheWatch::broken());
  const auto [before, after] = call(scenario_for(fn).cache_change, fn, "cache-membership");
  const std::string seen = "SSL_CTX_sess_number went from " + std::to_string(before) + " to " + std::to_string(after);
  return after == before - 1 ? pass(seen) : fail(seen + " (page: the session leaves the cache)");
}

Verdict returns_current(const Claim& c) {
  const auto& fn = subject(c);
  const Comparison r = call(scenario_for(fn).current, fn, "set-then-get");
  return r.holds ? pass(r.observed) : fail(r.observed + " (page: the value in effect)");
}

}  // namespace sslconf::checks
