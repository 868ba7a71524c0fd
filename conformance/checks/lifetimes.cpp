// Kinds about how long sessions live and what tickets say of it (KINDS.md):
// the lifetime hint a ticket carries under the protocol and handshake the
// page names, a timeout a session keeps from its negotiation, a lifetime
// the session time calls lengthen or cut.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/optional.hpp"

#include <functional>
#include <vector>

namespace sslconf::checks {

namespace {

// The protocols a claim is about: the one it names, else both the library has.
std::vector<bool> tls13_choices(const std::string& protocol) {
  if (protocol == "TLSv1.2") return {false};
  if (protocol == "TLSv1.3") {
    if (!harness::optional::has_tls13()) throw Untestable("this library cannot pin TLSv1.3, the protocol the page names");
    return {true};
  }
  if (!protocol.empty()) throw Untestable("no scenario pins " + protocol);
  if (harness::optional::has_tls13()) return {false, true};
  return {false};
}

TicketHint hint_trial(const Scenario& s, long long value, bool tls13, bool resumed) {
  try {
    return s.ticket_hint(value, tls13, resumed);
  } catch (const harness::Missing& m) {
    throw Untestable("reading the ticket needs " + m.function + ", which this library does not declare");
  }
}

}  // namespace

// The page's value: "set" (the setting itself, bounded by `at_most` when
// the page gives one) or a number; a setting under any bound, and with a
// bound one beyond it too.
Verdict ticket_lifetime_hint(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.ticket_hint) throw Untestable("no scenario of " + subject(c) + " reads the lifetime hint of a ticket");
  const bool resumed = text_param(p, "handshake") == "resumed";
  const bool as_set = p.contains("value") && p["value"].is_string() && p["value"].get<std::string>() == "set";
  if (!as_set && !(p.contains("value") && p["value"].is_number_integer())) throw Untestable("the claim names no hint value");
  const long long at_most = p.contains("at_most") && p["at_most"].is_number_integer() ? p["at_most"].get<long long>() : 0;
  std::vector<long long> settings{1000};
  if (at_most > 0) settings.push_back(at_most * 2);
  std::string seen, wrong;
  for (const bool tls13 : tls13_choices(text_param(p, "protocol")))
    for (const long long setting : settings) {
      const TicketHint h = hint_trial(s, setting, tls13, resumed);
      if (!h.ticket) throw Untestable(h.what + ": the client received no ticket, the page's situation");
      const long long want = as_set ? (at_most > 0 && setting > at_most ? at_most : setting) : p["value"].get<long long>();
      const std::string one = h.what + ": hint " + std::to_string(h.hint) + " (the page: " + std::to_string(want) + ")";
      seen += (seen.empty() ? "" : "; ") + one;
      if (h.hint != want) wrong += (wrong.empty() ? "" : "; ") + one;
    }
  return wrong.empty() ? pass(seen) : fail(wrong);
}

Verdict effect(const Claim& c);  // checks/state.cpp

Verdict value_fixed_at_creation(const Claim& c) { return effect(c); }

Verdict lifetime_adjustable(const Claim& c) {
  const auto p = params_of(c);
  const Scenario& s = scenario_for(subject(c));
  if (!s.lifetime_change) throw Untestable("no scenario of " + subject(c) + " changes a cached session's lifetime");
  if (!p.contains("changes") || !p["changes"].is_array() || p["changes"].empty()) throw Untestable("the claim names no change");
  std::string seen, wrong;
  for (const auto& change : p["changes"]) {
    const bool extend = change.is_string() && change.get<std::string>() == "extend";
    const Comparison r = s.lifetime_change(extend);
    seen += (seen.empty() ? "" : "; ") + r.observed;
    if (!r.holds) wrong += (wrong.empty() ? "" : "; ") + r.observed + (extend ? " (the page: extended)" : " (the page: shortened)");
  }
  return wrong.empty() ? pass(seen) : fail(wrong);
}

namespace {

// The getters' claims are about TLS 1.3, where a connection's sessions come
// after its handshake: a page naming another protocol names no situation
// the scenarios make.
void need_tls13(const nlohmann::json& p) {
  const std::string protocol = text_param(p, "protocol");
  if (!protocol.empty() && protocol != "TLSv1.3") throw Untestable("no scenario of several sessions per connection in " + protocol);
  if (!harness::optional::has_tls13()) throw Untestable("this library cannot pin TLSv1.3, where sessions follow the handshake");
}

Comparison with_optional_calls(const std::function<Comparison()>& run) {
  try {
    return run();
  } catch (const harness::Missing& m) {
    throw Untestable("the scenario needs " + m.function + ", which this library does not declare");
  }
}

}  // namespace

Verdict session_before_established(const Claim& c) {
  const auto p = params_of(c);
  need_tls13(p);
  if (text_param(p, "side") != "client") throw Untestable("no scenario reads a " + text_param(p, "side") + "'s session before it is established");
  const Scenario& s = scenario_for(subject(c));
  if (!s.before_established) throw Untestable("no scenario calls " + subject(c) + " before the session is established");
  const Comparison r = with_optional_calls(s.before_established);
  return r.holds ? pass(r.observed) : fail(r.observed + " (the page: a session that cannot be used for resuming)");
}

Verdict returns_last_session(const Claim& c) {
  const auto p = params_of(c);
  need_tls13(p);
  const Scenario& s = scenario_for(subject(c));
  if (!s.last_session) throw Untestable("no scenario counts the sessions a connection of " + subject(c) + " establishes");
  const bool server = text_param(p, "side") == "server";
  const Comparison main = with_optional_calls([&] { return s.last_session(server, false); });
  if (!main.holds) return fail(main.observed + " (the page: the last session " + (server ? "sent)" : "received)"));
  if (text_param(p, "otherwise").empty()) return pass(main.observed);
  const Comparison none = with_optional_calls([&] { return s.last_session(server, true); });
  return none.holds ? pass(main.observed + "; " + none.observed)
                    : fail(none.observed + " (the page: with no tickets sent, the session for the current connection)");
}

// "It is possible for multiple sessions to be established with a single
// connection": one connection of the protocol named (TLS 1.3 when none)
// hands that many sessions to the client's new-session callback. Fewer is
// no counterexample of "possible": UNTESTED.
Verdict sessions_per_connection(const Claim& c) {
  const auto p = params_of(c);
  const std::string protocol = text_param(p, "protocol");
  const Scenario& s = scenario_for(subject(c));
  if (!s.sessions_established) throw Untestable("no scenario of " + subject(c) + " counts the sessions of one connection");
  const bool tls13 = protocol.empty() ? harness::optional::has_tls13() : tls13_choices(protocol).front();
  const CountedSessions r = s.sessions_established(tls13);
  const std::string seen = r.what + ": " + std::to_string(r.sessions) + " session(s)";
  if (r.sessions >= 2) return pass(seen);
  throw Untestable(seen + "; the page says several are possible, which this run did not show");
}

}  // namespace sslconf::checks
