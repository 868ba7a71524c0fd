// Return-value kinds: the page's stated value against the value the call
// returns in the scenario the statement describes.
#include "checks/check.hpp"
#include "checks/conditions.hpp"
#include "checks/params.hpp"
#include "checks/probes.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/observers.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <vector>

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
  std::string notes;  // the parts of the claim not exercised, and why
  void add(bool holds, const std::string& what) {
    ok = ok && holds;
    detail += (detail.empty() ? "" : "; ") + what;
  }
  Verdict verdict() const {
    const std::string all = notes.empty() ? detail : detail + "; " + notes;
    return ok ? pass(all) : fail(all);
  }
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

// SSL_get_error's symbolic values, as this library defines them.
bool symbol_value(const std::string& name, long long& value) {
  static const std::map<std::string, long long> symbols{
      {"SSL_ERROR_NONE", SSL_ERROR_NONE},       {"SSL_ERROR_SSL", SSL_ERROR_SSL},
      {"SSL_ERROR_WANT_READ", SSL_ERROR_WANT_READ}, {"SSL_ERROR_WANT_WRITE", SSL_ERROR_WANT_WRITE},
      {"SSL_ERROR_SYSCALL", SSL_ERROR_SYSCALL}, {"SSL_ERROR_ZERO_RETURN", SSL_ERROR_ZERO_RETURN}};
  const auto it = symbols.find(name);
  if (it == symbols.end()) return checks::constant_value(name, value);
  value = it->second;
  return true;
}

// The run a page's condition selects for a function: a case that
// realises it (its `otherwise` when the page negates the case's words), the
// success call for a plain success. Anything else is UNTESTED with the
// reason: a condition the suite cannot set up, or a failure with no cause.
// `label` quotes the condition, so a FAIL says which words it rests on.
struct Selected {
  std::string label;
  std::function<Result()> run;
};

// The vocabulary class the claims' own class (params `when`, KINDS.md)
// stands for, or "" when it adds nothing to the condition's words.
std::string class_of_when(const std::string& when) {
  if (when == "already-present") return "already-in-cache";
  if (when == "not-found") return "not-in-cache";
  if (when == "null-argument" || when == "identical-object" || when == "success") return when;
  return "";
}

Selected select_named(const Scenario& s, const std::string& fn, const std::string& condition, bool opposite,
                      const std::string& when);

Selected select_case(const Scenario& s, const std::string& fn, const std::string& condition, bool opposite = false,
                     const std::string& when = "") {
  if (condition.empty()) throw Untestable("the page gives no condition for this value of " + fn);
  return select_named(s, fn, condition, opposite, when);
}

Selected select_named(const Scenario& s, const std::string& fn, const std::string& condition, bool opposite,
                      const std::string& when) {
  const std::string when_class = class_of_when(when);
  const std::string quoted = "when \"" + condition + "\"" + (opposite ? " does not hold" : "");
  for (const auto& c : s.cases)
    for (const auto& key : c.conditions) {
      bool negated = false;
      if (key != when_class && !condition_names(condition, key, negated)) continue;
      const auto& run = negated != opposite ? c.otherwise : c.run;
      if (run) return {quoted + " (case " + key + (negated != opposite ? ", not" : "") + ")", run};
    }
  const bool success = when.empty() ? condition_classes(condition).count("success") > 0 : when == "success";
  if (!opposite && s.success && success) return {quoted + " (success case)", s.success};
  if (when == "failure" || is_bare_failure(condition)) throw Untestable("the page does not say what makes " + fn + " fail: " + condition);
  throw Untestable("the page names no condition the suite can set up for " + fn + ": " + condition +
                   (opposite ? " (its opposite)" : ""));
}

// The condition a claim states for its failure value: the page's own words
// (param `failure_condition`), else the opposite of the stated success
// condition ("1 if resumable, 0 otherwise").
Selected failure_case(const Scenario& s, const std::string& fn, const nlohmann::json& p) {
  const std::string failure = text_param(p, "failure_condition");
  if (!failure.empty()) return select_case(s, fn, failure);
  const std::string condition = text_param(p, "condition");
  // A condition that selects the success value: the failure value is its
  // opposite ("1 if resumable, 0 otherwise").
  if (!condition.empty() && text_param(p, "condition_of", "success") == "success")
    return select_case(s, fn, condition, true);
  throw Untestable("the page does not say what makes " + fn + " fail");
}

// The type names an item gives ("points to an allocated SSL_CTX object"):
// words in capitals and underscores followed by "object" or "structure".
std::vector<std::string> named_types(const std::string& text) {
  std::vector<std::string> types;
  std::string word;
  std::string previous;
  auto flush = [&] {
    if (word == "object" || word == "structure" || word == "objects" || word == "structures")
      if (previous.size() > 1 && std::all_of(previous.begin(), previous.end(), [](unsigned char ch) {
            return std::isupper(ch) || std::isdigit(ch) || ch == '_';
          }))
        types.push_back(previous);
    if (!word.empty()) previous = word;
    word.clear();
  };
  for (const unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '_') word += static_cast<char>(ch);
    else flush();
  }
  flush();
  return types;
}

// The words of the return type the page declares for fn ("const SSL_METHOD *").
std::vector<std::string> return_type_words(const std::string& fn) {
  const Probe* probe = probe_for(fn);
  if (!probe) return {};
  const std::string& declaration = probe->documented.empty() ? probe->actual : probe->documented;
  const auto at = declaration.find(fn + "(");
  std::vector<std::string> words;
  std::string word;
  for (const unsigned char ch : declaration.substr(0, at == std::string::npos ? 0 : at)) {
    if (std::isalnum(ch) || ch == '_') {
      word += static_cast<char>(ch);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// An item of a page listing several functions may describe the object one
// of them returns ("Pointer to an SSL_CTX object" on the page of SSL_CTX_new
// and the method constructors): for a function declared to return another
// type the item says nothing, and no scenario of that function can show it.
void not_about_another_type(const std::string& fn, const std::string& condition) {
  const auto types = named_types(condition);
  const auto returned = return_type_words(fn);
  if (types.empty() || returned.empty()) return;
  for (const auto& t : types)
    if (std::find(returned.begin(), returned.end(), t) != returned.end()) return;
  std::string declared;
  for (const auto& w : returned) declared += (declared.empty() ? "" : " ") + w;
  throw Untestable("the item describes " + types.front() + ", which " + fn + " does not return (declared: " + declared +
                   " *)");
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

// Runs one half of a two-valued claim; an untestable half is noted, not fatal.
template <class Select, class Judge>
void half(Tally& t, int& exercised, Select select, Judge judge) {
  try {
    const Selected chosen = select();
    judge(chosen.label, chosen.run());
    ++exercised;
  } catch (const Untestable& e) {
    t.notes += (t.notes.empty() ? "" : "; ") + std::string("not exercised: ") + e.what();
  }
}

Verdict returns_int(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  const auto success = IntExpectation::from(p, "success");
  const auto failure = IntExpectation::from(p, "failure");
  const std::string condition = text_param(p, "condition");
  Tally t;
  int exercised = 0;
  auto judge = [&t](const std::optional<IntExpectation>& e) {
    return [&t, e](const std::string& where, const Result& r) {
      t.add(r.type == Result::Type::integer && e->matches(r.integer), expecting(where + " returned " + r.describe(), e->describe()));
    };
  };
  if (success)
    half(t, exercised, [&] {
      if (!condition.empty()) return select_case(s, fn, condition, false, text_param(p, "when"));
      if (!s.success) throw Untestable("no success scenario for " + fn);
      return Selected{"on success", s.success};
    }, judge(success));
  if (failure) half(t, exercised, [&] { return failure_case(s, fn, p); }, judge(failure));
  if (exercised == 0) throw Untestable(t.notes);
  return t.verdict();
}

Verdict returns_pointer_or_null(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  Tally t;
  int exercised = 0;
  auto judge = [&t](const char* want) {
    return [&t, want](const std::string& where, const Result& r) {
      t.add(pointer_matches(r, want), expecting(where + " returned " + r.describe(), want == std::string("null") ? "NULL" : "non-NULL"));
    };
  };
  half(t, exercised, [&] {
    if (!s.success) throw Untestable("no success scenario for " + fn);
    return Selected{"on success", s.success};
  }, judge("non-null"));
  if (text_param(p, "failure", "null") == "null")
    half(t, exercised, [&] {
      const std::string condition = text_param(p, "condition");
      if (condition.empty()) throw Untestable("the page does not say what makes " + fn + " fail");
      return select_case(s, fn, condition, false, text_param(p, "when"));
    }, judge("null"));
  if (exercised == 0) throw Untestable(t.notes);
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
    if (!symbol_value(value.get<std::string>(), v)) throw Untestable(no_value_reason(value.get<std::string>()));
    value = v;
  }
  const Scenario& s = scenario_for(fn);
  const std::string condition = text_param(p, "condition");
  if (value == "non-null") not_about_another_type(fn, condition);
  // "Pointer to an X: <what it is>": the item describes the object the
  // call exists to return, which is its success case.
  const std::string when = text_param(p, "when");
  const bool plain = when.empty() || when == "success" || when.rfind("named:", 0) == 0;
  if (value == "non-null" && s.success && plain && !is_bare_failure(condition) && condition_classes(condition).empty()) {
    bool unused = false;
    const bool named = std::any_of(s.cases.begin(), s.cases.end(), [&](const Case& k) {
      return std::any_of(k.conditions.begin(), k.conditions.end(),
                         [&](const std::string& key) { return condition_names(condition, key, unused); });
    });
    if (!named) return check_value(value, s.success(), "success case (the item names the object returned)");
  }
  const Selected chosen = select_case(s, fn, condition, false, text_param(p, "when"));
  return check_value(value, chosen.run(), chosen.label);
}

Verdict returns_on_null(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  if (!p.contains("value")) throw Untestable("the claim states no value");
  const Scenario& s = scenario_for(fn);
  // The scenario's NULL call, else its case for the null-argument condition.
  std::function<Result()> with_null = s.with_null;
  for (const auto& k : s.cases)
    if (!with_null && std::find(k.conditions.begin(), k.conditions.end(), "null-argument") != k.conditions.end())
      with_null = k.run;
  const Result r = call(with_null, fn, "NULL-argument");
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
