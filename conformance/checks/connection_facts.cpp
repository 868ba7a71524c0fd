// Kinds about a live connection and the objects around it (added for
// issue 13; claims/connection_rows.cpp reads them): the directions a
// shutdown closes, calls refused after it, the alert it sends and what the
// peer may still do, a type's reference count, a copy's parent, a value
// both ends of a handshake read, a session that gets a full handshake, a
// value stored in the object a connection makes, and state held apart per
// object. Each takes what it compares from the claim's params: the
// situation the subject's scenario registers under that key.
#include "checks/check.hpp"
#include "checks/conditions.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/text.hpp"
#include "checks/verdict.hpp"

#include <string>

namespace sslconf::checks {

Verdict effect(const Claim& c);  // checks/state.cpp

namespace {

Verdict judged(const Comparison& cmp, const std::string& page) {
  return cmp.holds ? pass(cmp.observed) : fail(cmp.observed + " (page: " + page + ")");
}

// The situation `key` of the function's scenario (Scenario::effects); a
// claim with a condition runs only the situation registered for it
// (Scenario::effect_cases under the same key).
Verdict keyed(const Claim& c, const std::string& fn, const std::string& key, const std::string& page) {
  const Scenario& s = scenario_for(fn);
  const auto p = params_of(c);
  const std::string condition = text_param(p, "condition");
  if (!condition.empty()) {
    for (const auto& e : s.effect_cases) {
      if (e.kind != key) continue;
      for (const auto& words : e.conditions) {
        bool negated = false;
        if (!condition_names(lower(condition), words, negated) || negated) continue;
        Verdict v = judged(e.run(), page);
        v.detail += " (when \"" + condition + "\")";
        return v;
      }
    }
    throw Untestable("no scenario of " + fn + " for " + key + " when \"" + condition + "\"");
  }
  const auto it = s.effects.find(key);
  if (it == s.effects.end()) throw Untestable("no scenario of " + fn + " for " + key);
  return judged(it->second(), page);
}

}  // namespace

Verdict closes_direction(const Claim& c) {
  const auto p = params_of(c);
  const std::string direction = text_param(p, "direction");
  const std::string by = text_param(p, "by", "caller");
  if (direction.empty()) throw Untestable("the claim names no direction");
  const bool only = p.value("only", false);
  const std::string key = "closes-direction:" + direction + ":" + by + (only ? ":only" : "");
  return keyed(c, subject(c), key,
               "the " + direction + " direction is closed by " + (by == "peer" ? "the peer" : subject(c)) +
                   (only ? ", and only that one" : ""));
}

Verdict refuses_after(const Claim& c) {
  const std::string call = text_param(params_of(c), "call");
  if (call.empty()) throw Untestable("the claim names no refused call");
  return keyed(c, subject(c), "refuses-after:" + call, call + " is refused after " + subject(c));
}

Verdict sends_alert(const Claim& c) {
  const std::string alert = text_param(params_of(c), "alert");
  if (alert.empty()) throw Untestable("the claim names no alert");
  return keyed(c, subject(c), "sends-alert:" + alert, subject(c) + " sends the " + alert + " alert to the peer");
}

Verdict peer_may_send(const Claim& c) {
  const std::string after = text_param(params_of(c), "after");
  if (after.empty()) throw Untestable("the claim names no event");
  return keyed(c, subject(c), "peer-may-send:" + after, "the peer may still send data after receiving " + after);
}

// The type's up-ref function is the subject: one reference more than the
// creator's means the object outlives one release.
Verdict reference_counted(const Claim& c) { return reference_trial(c, 1); }

Verdict same_parent(const Claim& c) {
  const auto p = params_of(c);
  return keyed(c, subject(c), "same-parent", subject(c) + " makes a new " + text_param(p, "object", "object") + " of the same " +
                                                 text_param(p, "parent", "parent") + " as " + text_param(p, "argument", "its argument"));
}

Verdict same_on_both_ends(const Claim& c) {
  const auto p = params_of(c);
  return keyed(c, subject(c), "same-on-both-ends",
               "the " + text_param(p, "value", "value") + " the " + text_param(p, "from", "one end") + " sent: both ends read it");
}

Verdict full_handshake(const Claim& c) { return effect(c); }

Verdict part_of(const Claim& c) {
  const auto p = params_of(c);
  return keyed(c, subject(c), "part-of", "the " + text_param(p, "value", "value") + " becomes part of the " + text_param(p, "whole", "object"));
}

// Held per object of a type: the situation belongs to the type's
// constructor (SSL_CTX → SSL_CTX_new), keyed by the quantity's first word.
Verdict per_object(const Claim& c) {
  const auto p = params_of(c);
  const std::string object = text_param(p, "object");
  const std::string quantity = lower(text_param(p, "quantity"));
  if (object.empty() || quantity.empty()) throw Untestable("the claim names no object or quantity");
  const Scenario* s = find_scenario(object + "_new");
  if (!s) throw Untestable("no scenario makes two " + object + " objects");
  for (const auto& e : s->effect_cases)
    if (e.kind == "per-object")
      for (const auto& w : e.conditions)
        if (quantity.find(w) != std::string::npos) return judged(e.run(), "the " + quantity + " are unique for each " + object);
  throw Untestable("no scenario compares the " + quantity + " of two " + object + " objects");
}

}  // namespace sslconf::checks
