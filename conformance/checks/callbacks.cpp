// Kinds about the session cache's callbacks and mode flags (KINDS.md): when
// a callback runs and with what, what its return value does to the cache,
// how mode flags combine and which are off by default. The situation comes
// from the page's words; one no scenario can make happen is UNTESTED with
// those words quoted.
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

const CallbackSituation* situation_for(const Scenario& s, const std::string& phrase) {
  for (const auto& c : s.callback_situations)
    if (std::all_of(c.words.begin(), c.words.end(), [&](const auto& group) { return has_any(phrase, group); })) return &c;
  return nullptr;
}

// "A or when B": each alternative is a situation of its own.
std::vector<std::string> alternatives(const std::string& phrase) {
  std::vector<std::string> out;
  std::string rest = phrase;
  for (const std::string sep : {" or when ", " or if ", " or whenever "}) {
    std::size_t at = 0;
    while ((at = rest.find(sep)) != std::string::npos) {
      out.push_back(rest.substr(0, at));
      rest = rest.substr(at + sep.size());
    }
  }
  out.push_back(rest);
  return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// One situation run against what the page says of the calls: once per
// unit, or (times "multiple") more than once.
bool judge(const CallbackRun& r, bool multiple, std::string& seen) {
  seen += (seen.empty() ? "" : "; ") + r.what + ": the callback ran " + std::to_string(r.calls) + " time(s)";
  if (multiple) return r.calls >= 2;
  return r.calls == r.units;
}

Verdict called_in_situations(const Claim& c, const Scenario& s, const std::string& phrase, bool multiple, bool even) {
  std::string seen, expected;
  bool ok = true;
  for (const auto& part : alternatives(lower(phrase))) {
    const CallbackSituation* sit = situation_for(s, part);
    if (!sit) throw Untestable("no scenario makes " + quoted(part) + " happen for " + subject(c));
    const CallbackRun r = sit->run();
    // "Multiple times" is said of connections that establish several
    // sessions; the callback's calls are the only count of them the suite
    // has, so a single call means the situation did not arise.
    if (multiple && r.calls < 2)
      throw Untestable(r.what + ": the callback ran " + std::to_string(r.calls) +
                       " time(s); the library established no second session, the page's situation");
    const bool as_said = judge(r, multiple, seen);
    ok = (even ? r.calls >= 1 : as_said) && ok;
    expected = multiple ? "more than once" : even ? "at least once" : std::to_string(r.units) + " time(s)";
  }
  return ok ? pass(seen) : fail(seen + " (the page: called " + expected + " when " + quoted(phrase) + ")");
}

}  // namespace

Verdict callback_called(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  const std::string only = text_param(p, "only");
  if (!only.empty()) {
    if (!s.callback_sides) throw Untestable("no scenario installs " + subject(c) + "'s callback on both sides");
    const SideCalls r = s.callback_sides();
    const int mine = only == "server" ? r.server : r.client;
    const int other = only == "server" ? r.client : r.server;
    const std::string seen = r.what + ": the client's callback ran " + std::to_string(r.client) + " time(s), the server's " +
                             std::to_string(r.server);
    return mine >= 1 && other == 0 ? pass(seen) : fail(seen + " (the page: only called on " + only + "s)");
  }
  if (const std::string even = text_param(p, "even"); !even.empty())
    return called_in_situations(c, s, even, false, true);
  std::string event = text_param(p, "event");
  if (event.empty()) throw Untestable("the claim names no situation");
  // A page of another call ("When a session is found and removed" on
  // SSL_CTX_flush_sessions): the situation is that call's.
  if (const std::string during = text_param(p, "during"); !during.empty()) event += " (during " + during + ")";
  return called_in_situations(c, s, event, text_param(p, "times") == "multiple", false);
}

Verdict callback_passed(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.callback_arguments) throw Untestable("no scenario watches what " + subject(c) + "'s callback is handed");
  if (!p.contains("arguments") || !p["arguments"].is_array() || p["arguments"].empty())
    throw Untestable("the claim names no argument");
  const auto handed = s.callback_arguments();
  std::string seen, unknown;
  bool ok = true;
  for (const auto& a : p["arguments"]) {
    const std::string phrase = lower(a.is_string() ? a.get<std::string>() : a.dump());
    const auto it = std::find_if(handed.begin(), handed.end(), [&](const HandedArgument& h) { return has_any(phrase, h.words); });
    if (it == handed.end()) {
      unknown += (unknown.empty() ? "" : ", ") + quoted(phrase);
      continue;
    }
    ok = ok && it->seen.holds;
    seen += (seen.empty() ? "" : "; ") + it->seen.observed;
  }
  if (!unknown.empty()) throw Untestable("no scenario tells what the callback is handed as " + unknown);
  return ok ? pass("the callback was handed " + seen) : fail("the callback was handed " + seen);
}

Verdict callback_return_removes(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.callback_return_cached) throw Untestable("no scenario runs " + subject(c) + "'s callback with a chosen return value");
  if (!p.contains("returns") || !p["returns"].is_number_integer()) throw Untestable("the claim names no return value");
  const bool removed = p.value("removed", true);
  const Comparison r = s.callback_return_cached(p["returns"].get<int>());
  const bool holds = removed ? !r.holds : r.holds;
  return holds ? pass(r.observed)
               : fail(r.observed + (removed ? " (the page: removed from the internal cache)" : " (the page: kept in the cache)"));
}

Verdict flag_combines(const Claim& c) {
  const auto p = params_of(c);
  const std::string flag = text_param(p, "flag");
  if (flag.empty() || !p.contains("of") || !p["of"].is_array()) throw Untestable("the claim names no flags");
  long long value = 0, joined = 0;
  if (!checks::constant_value(flag, value)) throw Untestable(no_value_reason(flag));
  std::string names;
  for (const auto& o : p["of"]) {
    const std::string name = o.is_string() ? o.get<std::string>() : o.dump();
    long long v = 0;
    if (!checks::constant_value(name, v)) throw Untestable(no_value_reason(name));
    joined |= v;
    names += (names.empty() ? "" : " | ") + name;
  }
  const std::string seen = flag + " is " + std::to_string(value) + ", " + names + " is " + std::to_string(joined);
  return value == joined ? pass(seen) : fail(seen + " (the page: the same)");
}

Verdict default_excludes(const Claim& c) {
  const auto p = params_of(c);
  const std::string flag = text_param(p, "flag");
  long long bit = 0;
  if (!checks::constant_value(flag, bit)) throw Untestable(no_value_reason(flag));
  if (bit == 0) throw Untestable(flag + " is 0: no bit to find in a value");
  const Scenario& s = scenario_for(subject(c));
  if (s.defaults.size() != 1) throw Untestable("no one default of " + subject(c) + " to read " + flag + " in");
  const long long value = s.defaults.front().read();
  const std::string seen = "a new object reads " + std::to_string(value) + " before any setter (" + flag + " is " +
                           std::to_string(bit) + ")";
  return (value & bit) == 0 ? pass(seen) : fail(seen + " (the page: not set by default)");
}

namespace {

long flag_value(const std::string& name) {
  long long v = 0;
  if (!checks::constant_value(name, v)) throw Untestable(no_value_reason(name));
  return static_cast<long>(v);
}

struct Lookups {
  std::string seen, problems;
  void note(const LookupRun& r, bool holds) {
    seen += (seen.empty() ? "" : "; ") + r.what;
    if (!holds) problems += (problems.empty() ? "" : "; ") + r.what;
  }
};

// The external cache is reached through the get callback.
LookupRun trial(long mode, bool cached, bool external) {
  try {
    return lookup_trial(mode, cached, external);
  } catch (const harness::Missing& m) {
    throw Untestable("the external cache is reached through " + m.function + ", which this library does not declare");
  }
}

}  // namespace

Verdict cache_lookup(const Claim& c) {
  const auto p = params_of(c);
  const std::string looks = text_param(p, "looks");
  const std::string mode = text_param(p, "mode");
  const long flag = mode.empty() ? 0 : flag_value(mode);
  Lookups l;
  if (looks == "external") {
    // Not in the internal cache: the external one is asked ...
    const LookupRun missing = trial(0, false, true);
    l.note(missing, missing.external_calls >= 1);
    // ... and, with the flag, even for a session the internal cache holds.
    if (flag != 0) {
      const LookupRun flagged = trial(flag, true, true);
      l.note(flagged, flagged.external_calls >= 1);
    }
  } else if (looks == "internal" && p.value("negated", false)) {
    if (flag == 0) throw Untestable("the page names no mode that stops the internal lookup");
    const LookupRun held = trial(flag, true, false);
    l.note(held, !held.resumed);
  } else if (looks == "internal") {
    // Found inside, resumed; first inside: the external cache not asked.
    const bool then_external = text_param(p, "then") == "external";
    const LookupRun held = trial(0, true, then_external);
    l.note(held, held.resumed && held.external_calls == 0);
    if (then_external && flag != 0) {  // "unless X is set": then outside
      const LookupRun flagged = trial(flag, true, true);
      l.note(flagged, flagged.external_calls >= 1);
    }
  } else {
    throw Untestable("the claim names no cache the server looks in");
  }
  return l.problems.empty() ? pass(l.seen) : fail(l.problems + " (the page: the server looks " + (p.value("negated", false) ? "not " : "") +
                                                  "in the " + looks + " cache" + (mode.empty() ? "" : " with " + mode) + ")");
}

Verdict effect(const Claim& c);  // checks/state.cpp

Verdict unlimited_value(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.unlimited) throw Untestable("no scenario of " + subject(c) + " tries a value that sets no bound");
  if (!p.contains("value") || !p["value"].is_number_integer()) throw Untestable("the claim names no value");
  const Comparison r = s.unlimited(p["value"].get<long long>());
  return r.holds ? pass(r.observed) : fail(r.observed + " (the page: no limit)");
}

Verdict cache_evicts(const Claim& c) { return effect(c); }

Verdict callback_copy(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.callback_copy) throw Untestable("no scenario sets the flag of " + subject(c) + "'s callback");
  if (!p.contains("value") || !p["value"].is_number_integer()) throw Untestable("the claim names no flag value");
  const bool incremented = text_param(p, "references") == "incremented";
  const Comparison r = s.callback_copy(p["value"].get<int>());
  return r.holds == incremented ? pass(r.observed)
                                : fail(r.observed + (incremented ? " (the page: the reference count incremented)"
                                                                 : " (the page: the reference count unchanged)"));
}

Verdict epoch_seconds(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  if (!s.epoch_time) throw Untestable("no scenario reads " + subject(c) + " of an object made now");
  const Comparison r = s.epoch_time();
  return r.holds ? pass(r.observed) : fail(r.observed + " (the page: seconds since the Epoch, as time() gives)");
}

}  // namespace sslconf::checks
