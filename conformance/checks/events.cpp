// Kinds about what happens during a connection's life: counts a context
// keeps of events (SSL_CTX_sess_*), and flags a call sets (the shutdown
// flags). The event or situation comes from the page's words; one the
// scenarios cannot make happen is UNTESTED with those words quoted.
#include "checks/check.hpp"
#include "checks/text.hpp"
#include "checks/conditions.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/optional.hpp"

#include <algorithm>
#include <cctype>

namespace sslconf::checks {

namespace {

const CountedEvent* event_for(const std::string& phrase) {
  for (const auto& e : counted_events())
    if (std::all_of(e.words.begin(), e.words.end(), [&](const auto& group) { return has_any(phrase, group); })) return &e;
  return nullptr;
}

// One side's reading against the times the event happened there.
bool read_side(const std::string& counter, SSL_CTX* ctx, long times, const char* side, std::string& detail) {
  const long got = harness::optional::statistic(counter, ctx);
  detail += (detail.empty() ? "" : "; ") + counter + " read " + std::to_string(got) + " on the " + side +
            "'s context (expected " + std::to_string(times) + ")";
  return got == times;
}

}  // namespace

Verdict counts(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const std::string event = text_param(p, "event");
  const std::string mode = text_param(p, "mode");
  if (event.empty()) throw Untestable("the claim names no event");
  const CountedEvent* e = event_for(lower(event));
  if (!e) throw Untestable("no scenario makes \"" + event + "\" happen");
  // "These sessions are not included in the X count": the event happens
  // and the counter stays at 0.
  const bool excluded = p.value("excluded", false);
  Counted run = e->run();
  const long happened_client = run.on_client, happened_server = run.on_server;
  if (excluded) {
    if (run.on_client > 0) run.on_client = 0;
    if (run.on_server > 0) run.on_server = 0;
  }
  const bool client = mode.empty() || mode == "client";
  const bool server = mode.empty() || mode == "server";
  if ((client && !server && run.on_client < 0) || (server && !client && run.on_server < 0))
    throw Untestable("the scenario for \"" + event + "\" does not count it in " + mode + " mode");
  std::string detail;
  bool ok = true;
  int read = 0;
  if (client && run.on_client >= 0) {
    ok = read_side(fn, run.client, run.on_client, "client", detail) && ok;
    ++read;
  }
  if (server && run.on_server >= 0) {
    ok = read_side(fn, run.server, run.on_server, "server", detail) && ok;
    ++read;
  }
  if (read == 0) throw Untestable("the scenario for \"" + event + "\" counts it on no side it can state");
  detail += " after " + run.what;
  if (excluded) {
    detail += " (the event happened " + std::to_string(std::max(happened_client, happened_server)) + " time(s))";
    return ok ? pass(detail) : fail(detail + " (page: " + event + " are not counted)");
  }
  return ok ? pass(detail) : fail(detail + " (page: the number of " + event + (mode.empty() ? "" : " in " + mode + " mode") + ")");
}

namespace {

// Every setting the page names is compared; one no scenario compares makes
// the claim UNTESTED (a pass on part of the list would claim too much).
Verdict compare_settings(const Claim& c, std::vector<Setting> Scenario::*member, const char* verb) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  if (!p.contains("settings") || !p["settings"].is_array() || p["settings"].empty())
    throw Untestable("the claim names no setting");
  const Scenario& s = scenario_for(fn);
  std::vector<const Setting*> chosen;
  std::string unknown;
  for (const auto& name : p["settings"]) {
    const std::string n = lower(name.is_string() ? name.get<std::string>() : name.dump());
    const auto it = std::find_if((s.*member).begin(), (s.*member).end(), [&](const Setting& st) { return has_any(n, st.words); });
    if (it == (s.*member).end()) unknown += (unknown.empty() ? "" : ", ") + n;
    else chosen.push_back(&*it);
  }
  if (!unknown.empty()) throw Untestable("no scenario compares the setting(s) " + fn + " " + verb + ": " + unknown);
  std::string detail;
  bool ok = true;
  try {
    for (const Setting* st : chosen) {
      const Comparison r = st->run();
      ok = ok && r.holds;
      detail += (detail.empty() ? "" : "; ") + r.observed;
    }
  } catch (const harness::Missing& m) {
    throw Untestable("the setting is read through " + m.function + ", which this implementation does not declare");
  }
  return ok ? pass(detail) : fail(detail + " (page: " + fn + " " + verb + " them)");
}

}  // namespace

Verdict keeps_settings(const Claim& c) {
  const std::string condition = lower(text_param(params_of(c), "condition"));
  if (!condition.empty()) {
    const Scenario& s = scenario_for(subject(c));
    const bool realised = std::any_of(s.kept_when.begin(), s.kept_when.end(), [&](const std::string& w) {
      bool negated = false;
      return condition_names(condition, w, negated) && !negated;
    });
    if (!realised) throw Untestable("no scenario compares the settings " + subject(c) + " keeps when \"" + condition + "\"");
  }
  return compare_settings(c, &Scenario::kept, "keeps");
}
Verdict inherits_settings(const Claim& c) { return compare_settings(c, &Scenario::inherited, "inherits"); }

Verdict sets_flag(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const std::string flag = text_param(p, "flag");
  const std::string condition = lower(text_param(p, "condition"));
  if (flag.empty()) throw Untestable("the claim names no flag");
  const Scenario& s = scenario_for(fn);
  for (const auto& f : s.flags) {
    if (f.flag != flag) continue;
    bool negated = false;
    const bool selected = condition.empty() ? f.conditions.empty()
                                            : std::any_of(f.conditions.begin(), f.conditions.end(), [&](const std::string& k) {
                                                return condition_names(condition, k, negated) && !negated;
                                              });
    if (!selected) continue;
    try {
      const Comparison r = f.run();
      return r.holds ? pass(r.observed) : fail(r.observed + " (page: " + flag + " is set" +
                                               (condition.empty() ? "" : " when \"" + condition + "\"") + ")");
    } catch (const harness::Missing& m) {
      throw Untestable("the flag is read through " + m.function + ", which this implementation does not declare");
    }
  }
  throw Untestable("no scenario for " + fn + " setting " + flag +
                   (condition.empty() ? std::string() : " when \"" + condition + "\""));
}

}  // namespace sslconf::checks
