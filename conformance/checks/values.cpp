// Kinds about values a page names without a call's return: bounds ("X is
// limited to C"), defaults ("The default mode is M") and what a call
// writes through an output parameter.
#include "checks/check.hpp"
#include "checks/probes.hpp"
#include "checks/text.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/optional.hpp"

#include <algorithm>
#include <cctype>

namespace sslconf::checks {

namespace {

// The page's title: the id's first part ("page/subject/kind/ordinal"),
// without the "@file-stem" a run adds when two pages share a title.
std::string page_title(const Claim& c) {
  std::string id = c.id ? c.id : "";
  for (int part = 0; part < 3; ++part) {
    const auto slash = id.rfind('/');
    if (slash == std::string::npos) return "";
    id.erase(slash);
  }
  return id.substr(0, id.find('@'));
}

// The functions a statement is about: those it names, else (a page-level
// note naming none) the function the page is titled after.
std::vector<std::string> candidates(const Claim& c) {
  if (!c.functions.empty()) return c.functions;
  const std::string page = page_title(c);
  if (page.empty()) throw Untestable("the claim names no function and its page is not known");
  return {page};
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool names_quantity(const std::vector<std::string>& words, const std::string& quantity) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return quantity.find(w) != std::string::npos; });
}

// An integer or the name of a constant the headers under test define.
long long page_value(const nlohmann::json& p, const char* name) {
  if (!p.contains(name)) throw Untestable(std::string("the claim states no ") + name);
  const auto& v = p[name];
  if (v.is_number_integer()) return v.get<long long>();
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  long long value = 0;
  if (!checks::constant_value(text, value)) throw Untestable(no_value_reason(text));
  return value;
}

std::string stated(const nlohmann::json& p, const char* name, long long value) {
  const auto& v = p[name];
  return v.is_string() ? v.get<std::string>() + " (" + std::to_string(value) + ")" : std::to_string(value);
}

// Runs `judge` for every candidate function whose scenario has an entry the
// claim selects; Untestable when none has.
template <class Entries, class Selects, class Judge>
Verdict over_candidates(const Claim& c, Entries entries_of, Selects selects, Judge judge, const std::string& what) {
  const auto functions = candidates(c);
  bool ok = true;
  std::string detail;
  int tried = 0;
  for (const auto& fn : functions) {
    const Scenario* s = find_scenario(fn);
    if (!s) continue;
    for (const auto& entry : entries_of(*s)) {
      if (!selects(entry)) continue;
      const Comparison r = judge(entry);
      ok = ok && r.holds;
      detail += (detail.empty() ? "" : "; ") + fn + ": " + r.observed;
      ++tried;
      break;
    }
  }
  if (tried == 0) throw Untestable("no scenario for " + what + " of " + joined(functions));
  return ok ? pass(detail) : fail(detail);
}

}  // namespace

Verdict limit(const Claim& c) {
  const auto p = params_of(c);
  const std::string quantity = lower(text_param(p, "quantity"));
  const long long bound = page_value(p, "limit");
  const std::string page = stated(p, "limit", bound);
  return over_candidates(
      c, [](const Scenario& s) { return s.limits; },
      [&](const Bound& b) { return names_quantity(b.quantity, quantity); },
      [&](const Bound& b) {
        Comparison r = b.trial(bound);
        if (!r.holds) r.observed += " (page: " + quantity + " limited to " + page + ")";
        return r;
      },
      "the bound on \"" + quantity + "\"");
}

Verdict default_value(const Claim& c) {
  const auto p = params_of(c);
  const std::string quantity = lower(text_param(p, "quantity"));
  const long long want = page_value(p, "value");
  const std::string page = stated(p, "value", want);
  return over_candidates(
      c, [](const Scenario& s) { return s.defaults; },
      [&](const Default& d) { return quantity.empty() || names_quantity(d.quantity, quantity); },
      [&](const Default& d) {
        const long long got = d.read();
        return Comparison{got == want, "a new object reads " + std::to_string(got) + " before any setter (page: " + page + ")"};
      },
      "the default " + (quantity.empty() ? std::string("value") : quantity));
}

Verdict writes_output(const Claim& c) {
  const auto p = params_of(c);
  const std::string argument = text_param(p, "argument");
  if (argument.empty()) throw Untestable("the claim names no output parameter");
  // The scenarios make the call succeed with a real place to write to; a
  // condition other than those is not a situation they set up.
  const std::string condition = lower(text_param(p, "condition"));
  const bool met = condition.empty() || text_param(p, "when") == "success" ||
                   condition.find(lower(argument) + " is not null") != std::string::npos;
  if (!met)
    throw Untestable("the page writes *" + argument + " only when \"" + condition + "\", which no scenario sets up");
  return over_candidates(
      c, [](const Scenario& s) { return s.outputs; },
      [&](const Output& o) { return std::find(o.arguments.begin(), o.arguments.end(), argument) != o.arguments.end(); },
      [&](const Output& o) {
        Comparison r = o.run();
        if (!r.holds) r.observed += " (page: *" + argument + " holds " + text_param(p, "quantity", "the value") + ")";
        return r;
      },
      "the output *" + argument);
}

}  // namespace sslconf::checks
