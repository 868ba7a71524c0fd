// Kinds about a session's state (KINDS.md, added for issue 15): what a
// server requires before it resumes, what marks a session not resumable,
// what a session starts with, what its encoding keeps, where a cursor
// points after an encoding call, the value a setter returns or refuses.
#include "checks/check.hpp"
#include "checks/conditions.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/optional.hpp"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <functional>
#include <vector>

namespace sslconf::checks {


namespace {

namespace optional = harness::optional;

bool reused_both(const harness::Connection& c) {
  return SSL_session_reused(c.client) == 1 && SSL_session_reused(c.server) == 1;
}

bool reused_either(const harness::Connection& c) {
  return SSL_session_reused(c.client) == 1 || SSL_session_reused(c.server) == 1;
}

// A first handshake whose sessions the trial then changes before the client
// offers its session again: `change` gets the contexts, the client's
// session and the server's (both owned by the trial), and returns what it
// did, or "" when it could not set the situation up.
using Change = std::function<std::string(const harness::Contexts&, SSL_SESSION* client, SSL_SESSION* server)>;

struct Second {
  bool resumed = false;  // both ends said SSL_session_reused
  bool refused = false;  // neither did
};

Second offer_again(const Change& change, std::string& did) {
  Live l = live();
  SSL_SESSION* mine = SSL_get1_session(l.conn.client);
  SSL_SESSION* theirs = SSL_get1_session(l.conn.server);
  if (!mine || !theirs) throw Unresolved("scenario: no session after the first handshake");
  harness::disconnect(l.conn, true);
  did = change(l.ctx, mine, theirs);
  if (did.empty()) throw Unresolved("scenario: the situation could not be set up");
  harness::Connection again = reconnect(l, mine);
  Second s{reused_both(again), !reused_either(again)};
  harness::disconnect(again, true);
  SSL_SESSION_free(theirs);
  SSL_SESSION_free(mine);
  return s;
}

// Changes a session's creation time so that, at the second it is read,
// the server's session is `past` seconds beyond its last valid second
// (0: the last valid second itself). The clock must not tick between the
// change and the lookup: a trial that straddles a second is made again.
Second at_expiry_edge(long past) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::time_t start = 0;
    std::string did;
    const Second s = offer_again(
        [&](const harness::Contexts&, SSL_SESSION*, SSL_SESSION* server) {
          start = std::time(nullptr);
          const long timeout = static_cast<long>(SSL_SESSION_get_timeout(server));
          optional::session_set_time(server, static_cast<long>(start) - timeout - past);
          return std::string("server session set to expire ") + (past ? "before" : "at") + " this second";
        },
        did);
    if (std::time(nullptr) == start) return s;
  }
  throw Unresolved("scenario: the clock ticked during every trial at the expiry edge");
}

std::string requirement_trial(const std::string& requirement, std::string& problems) {
  auto note = [&problems](bool holds, const std::string& seen) {
    if (!holds) problems += (problems.empty() ? "" : "; ") + seen;
    return seen;
  };
  std::string did;
  if (requirement == "not-expired") {
    const bool last_second = at_expiry_edge(0).resumed;
    const bool first_expired = at_expiry_edge(1).refused;
    return note(last_second && first_expired, std::string("at its last valid second the session was ") +
                                                  (last_second ? "resumed" : "not resumed") +
                                                  ", one second later it was " + (first_expired ? "refused" : "resumed"));
  }
  Change change;
  if (requirement == "in-cache")
    change = [](const harness::Contexts& ctx, SSL_SESSION*, SSL_SESSION* server) {
      SSL_CTX_remove_session(ctx.server, server);
      return std::string("the session removed from the server's cache");
    };
  else if (requirement == "same-sid-ctx")
    change = [](const harness::Contexts& ctx, SSL_SESSION*, SSL_SESSION*) {
      static const unsigned char other[] = "sslconf-another-service";
      return SSL_CTX_set_session_id_context(ctx.server, other, sizeof other - 1) == 1
                 ? std::string("the server context given another session ID context")
                 : std::string();
    };
  else if (requirement == "resumable")
    change = [](const harness::Contexts& ctx, SSL_SESSION* client, SSL_SESSION*) {
      SSL_CTX_remove_session(ctx.client, client);  // marks it not resumable (SSL_CTX_add_session(3))
      return optional::session_is_resumable(client) == 0 ? std::string("the client's session marked not resumable")
                                                          : std::string();
    };
  else
    throw Untestable("no scenario for the resumption requirement " + requirement);
  const Second s = offer_again(change, did);
  return note(s.refused, did + ": " + (s.refused ? "not resumed" : "resumed"));
}

// The named fields of a session, each read where the API offers a reader.
struct Field {
  const char* words;  // the words a page uses for it
  std::function<std::string(SSL_SESSION*)> read;  // its value as text
};

std::string bytes(const unsigned char* p, unsigned int n) { return p ? std::string(reinterpret_cast<const char*>(p), n) : ""; }

const std::vector<Field>& fields() {
  static const std::vector<Field> table{
      {"session id context", [](SSL_SESSION* s) {
         unsigned int n = 0;
         const unsigned char* p = optional::session_get0_id_context(s, &n);
         return bytes(p, n);
       }},
      {"session id", [](SSL_SESSION* s) {
         unsigned int n = 0;
         const unsigned char* p = SSL_SESSION_get_id(s, &n);
         return bytes(p, n);
       }},
      {"master key", [](SSL_SESSION* s) {
         std::vector<unsigned char> k(optional::session_get_master_key(s, nullptr, 0));
         optional::session_get_master_key(s, k.data(), k.size());
         return std::string(k.begin(), k.end());
       }},
      {"protocol version", [](SSL_SESSION* s) { return std::to_string(optional::session_get_protocol_version(s)); }},
      {"cipher suite", [](SSL_SESSION* s) { return std::to_string(optional::session_cipher_id(s)); }},
      {"creation time", [](SSL_SESSION* s) { return std::to_string(SSL_SESSION_get_time(s)); }},
      {"timeout", [](SSL_SESSION* s) { return std::to_string(SSL_SESSION_get_timeout(s)); }},
  };
  return table;
}

const Field* field_named(const std::string& words) {
  for (const auto& f : fields())
    if (words.find(f.words) != std::string::npos) return &f;
  return nullptr;
}

std::vector<std::string> string_list(const nlohmann::json& p, const char* name) {
  std::vector<std::string> out;
  if (p.contains(name) && p[name].is_array())
    for (const auto& v : p[name])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// Gives a handshake session values no default would produce, so that an
// encoding that drops a field shows.
void make_distinct(SSL_SESSION* s) {
  static const unsigned char context[] = "sslconf-encoding";
  optional::session_set_time(s, 1234567890L);
  SSL_SESSION_set_timeout(s, 4321L);
  try {
    optional::session_set1_id_context(s, context, sizeof context - 1);
  } catch (const harness::Missing&) {
  }
}

SSL_SESSION* round_trip(SSL_SESSION* s) {
  const int n = i2d_SSL_SESSION(s, nullptr);
  if (n <= 0) throw Unresolved("scenario: i2d_SSL_SESSION did not encode the session");
  std::vector<unsigned char> der(static_cast<std::size_t>(n));
  unsigned char* out = der.data();
  i2d_SSL_SESSION(s, &out);
  const unsigned char* in = der.data();
  SSL_SESSION* back = d2i_SSL_SESSION(nullptr, &in, n);
  if (!back) throw Unresolved("scenario: d2i_SSL_SESSION did not decode the encoding");
  return back;
}

// Compares one field; a field the library gives no reader for is noted in
// `unread` (the claim then cannot pass).
void compare_field(const std::string& name, const std::function<std::string(const Field&)>& differs,
                   std::string& problems, std::string& unread, std::string& seen) {
  const Field* f = field_named(name);
  std::string d;
  try {
    if (!f) throw harness::Missing(name);
    d = differs(*f);
  } catch (const harness::Missing&) {
    unread += (unread.empty() ? "" : ", ") + name;
    return;
  }
  if (!d.empty()) problems += (problems.empty() ? "" : "; ") + d;
  else seen += (seen.empty() ? "" : ", ") + name;
}

Verdict fields_verdict(const std::string& problems, const std::string& unread, const std::string& seen) {
  if (!problems.empty()) return fail(problems);
  if (!unread.empty()) return untested("nothing this library offers reads " + unread + " (the others held: " + seen + ")");
  return pass(seen);
}

// What a new session starts with, each phrase judged on the session.
std::string start_difference(const std::string& phrase, SSL_SESSION* s, std::time_t before, std::time_t after,
                             long context_timeout) {
  const auto has = [&phrase](const char* w) { return phrase.find(w) != std::string::npos; };
  if (has("current time") || has("actual time") || has("present time")) {
    const long t = static_cast<long>(SSL_SESSION_get_time(s));
    return t >= before && t <= after ? "" : "creation time " + std::to_string(t) + " is not the time of its creation";
  }
  // "the default timeout value at creation": the one its context gives.
  if (has("timeout") && (has("context") || has("default"))) {
    const long t = static_cast<long>(SSL_SESSION_get_timeout(s));
    return t == context_timeout ? ""
                                : "timeout " + std::to_string(t) + ", its context's " + std::to_string(context_timeout);
  }
  if (has("session id") && (has("empty") || has("no "))) {
    unsigned int n = 0;
    SSL_SESSION_get_id(s, &n);
    return n == 0 ? "" : "session ID of " + std::to_string(n) + " bytes";
  }
  if (has("master key") && (has("empty") || has("no "))) {
    const std::size_t n = optional::session_get_master_key(s, nullptr, 0);
    return n == 0 ? "" : "master key of " + std::to_string(n) + " bytes";
  }
  if (has("cipher suite") && (has("empty") || has("no "))) {
    const unsigned long id = optional::session_cipher_id(s);
    return id == 0 ? "" : "a cipher suite (ID " + std::to_string(id) + ")";
  }
  throw harness::Missing(phrase);
}

// A handshake on contexts whose timeout the check chose: its client session.
SSL_SESSION* negotiated_with_timeout(long timeout, std::time_t& before, std::time_t& after) {
  harness::Contexts ctx;
  harness::Connection conn;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  SSL_CTX_set_timeout(ctx.client, timeout);
  SSL_CTX_set_timeout(ctx.server, timeout);
  before = std::time(nullptr);
  if (!harness::connect(ctx, conn, why)) throw Unresolved("scenario: " + why);
  after = std::time(nullptr);
  SSL_SESSION* s = SSL_get1_session(conn.client);
  if (!s) throw Unresolved("scenario: the client has no session after a handshake");
  return s;
}

const Output* output_for(const std::vector<Output>& list, const std::string& argument) {
  for (const auto& o : list)
    if (std::find(o.arguments.begin(), o.arguments.end(), argument) != o.arguments.end()) return &o;
  return nullptr;
}

// The situation of the claim's kind that the page's condition names.
Verdict conditional_effect(const Claim& c, const Scenario& s, const std::string& condition) {
  const std::string when = text_param(params_of(c), "when");
  for (const auto& e : s.effect_cases) {
    if (e.kind != c.kind) continue;
    for (const auto& key : e.conditions) {
      bool negated = false;
      if (key != when && (!condition_names(condition, key, negated) || negated)) continue;
      const Comparison cmp = e.run();
      const std::string quoted = " (when \"" + condition + "\")";
      return cmp.holds ? pass(cmp.observed + quoted) : fail(cmp.observed + quoted);
    }
  }
  throw Untestable("no scenario of " + subject(c) + " for " + c.kind + " when \"" + condition + "\"");
}

}  // namespace

Verdict resumption_requires(const Claim& c) {
  const auto required = string_list(params_of(c), "requires");
  if (required.empty()) throw Untestable("the claim names no requirement");
  std::string did;
  if (!offer_again([](const harness::Contexts&, SSL_SESSION*, SSL_SESSION*) { return std::string("nothing changed"); },
                   did)
           .resumed)
    throw Unresolved("scenario: the session was not resumed even when nothing was changed");
  std::string problems, seen;
  for (const auto& r : required) seen += (seen.empty() ? "" : "; ") + requirement_trial(r, problems);
  return problems.empty() ? pass("resumed when nothing changed; " + seen)
                          : fail(problems + " (the page: no resumption without it)");
}

Verdict marks_not_resumable(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  if (!s.on_session) throw Untestable("no scenario applies " + subject(c) + " to a given session");
  // "In both cases": held by a cache or not; else the session it removes.
  const bool both = params_of(c).value("cases", std::string()) == "both";
  std::string problems, seen;
  for (const bool cached : {true, false}) {
    if (!cached && !both) break;
    SSL_SESSION* session = handshake_session();
    if (optional::session_is_resumable(session) != 1) throw Unresolved("scenario: a handshake session is not resumable");
    s.on_session(session, cached);
    const int after = optional::session_is_resumable(session);
    const std::string one = std::string(cached ? "a cached" : "an uncached") + " session: SSL_SESSION_is_resumable " +
                            std::to_string(after) + " afterwards";
    seen += (seen.empty() ? "" : "; ") + one;
    if (after != 0) problems += (problems.empty() ? "" : "; ") + one;
    SSL_SESSION_free(session);
  }
  return problems.empty() ? pass(seen) : fail(problems + " (expected 0)");
}

Verdict advances_pointer(const Claim& c) {
  const std::string argument = text_param(params_of(c), "argument");
  const Output* o = output_for(scenario_for(subject(c)).cursors, argument);
  if (!o) throw Untestable("no scenario watches the cursor " + argument + " of " + subject(c));
  const Comparison cmp = o->run();
  return cmp.holds ? pass(cmp.observed) : fail(cmp.observed);
}

Verdict encoding_keeps(const Claim& c) {
  const auto names = string_list(params_of(c), "fields");
  if (names.empty()) throw Untestable("the claim names no field");
  SSL_SESSION* original = handshake_session();
  make_distinct(original);
  SSL_SESSION* back = round_trip(original);
  std::string problems, unread, seen;
  for (const auto& n : names)
    compare_field(
        n,
        [&](const Field& f) {
          const std::string a = f.read(original), b = f.read(back);
          return a == b ? std::string() : n + " differs after i2d_SSL_SESSION then d2i_SSL_SESSION";
        },
        problems, unread, seen);
  SSL_SESSION_free(back);
  SSL_SESSION_free(original);
  return fields_verdict(problems, unread, seen.empty() ? "" : "kept through the encoding: " + seen);
}

Verdict session_starts_with(const Claim& c) {
  const auto p = params_of(c);
  const auto phrases = string_list(p, "fields");
  if (phrases.empty()) throw Untestable("the claim names nothing a session starts with");
  constexpr long kContextTimeout = 4321;
  std::time_t before = 0, after = 0;
  SSL_SESSION* s = nullptr;
  if (p.value("origin", "") == "handshake") {
    s = negotiated_with_timeout(kContextTimeout, before, after);
  } else {
    const Scenario& sc = scenario_for(subject(c));
    if (!sc.new_session) throw Untestable("no scenario creates a session with " + subject(c));
    before = std::time(nullptr);
    s = sc.new_session();
    after = std::time(nullptr);
    if (!s) throw Unresolved("scenario: " + subject(c) + " returned NULL");
  }
  std::string problems, unread, seen;
  for (const auto& phrase : phrases) {
    std::string d;
    try {
      d = start_difference(phrase, s, before, after, kContextTimeout);
    } catch (const harness::Missing&) {
      unread += (unread.empty() ? "" : ", ") + phrase;
      continue;
    }
    if (!d.empty()) problems += (problems.empty() ? "" : "; ") + d;
    else seen += (seen.empty() ? "" : ", ") + phrase;
  }
  SSL_SESSION_free(s);
  return fields_verdict(problems, unread, seen.empty() ? "" : "the session started with " + seen);
}

Verdict returns_argument(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  // The object given back under the page's condition ("for connections
  // that are not in their initial state").
  if (const std::string condition = text_param(params_of(c), "condition"); !condition.empty() && !s.set_number)
    return conditional_effect(c, s, condition);
  if (!s.set_number) throw Untestable("no scenario calls " + subject(c) + " with a chosen value");
  std::string seen;
  bool holds = true;
  for (const long long v : {1234567LL, 7654321LL}) {
    const Result r = s.set_number(v).returned;
    holds = holds && r.type == Result::Type::integer && r.integer == v;
    seen += (seen.empty() ? "" : "; ") + std::string("given ") + std::to_string(v) + ", returned " + r.describe();
  }
  return holds ? pass(seen) : fail(seen + " (the page: the value given)");
}

Verdict refuses_value(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  if (!s.set_number) throw Untestable("no scenario calls " + subject(c) + " with a chosen value");
  const auto p = params_of(c);
  const std::string value = text_param(p, "value");
  long long v = 0;
  if (value == "negative") {
    v = -1;
  } else if (value == "unknown") {
    // The page names what the value is not ("a known protocol version"):
    // only a scenario that knows a value outside that set can try it.
    const std::string of = text_param(p, "of");
    if (s.unknown_of.empty() || of.find(s.unknown_of) == std::string::npos)
      throw Untestable("no scenario of " + subject(c) + " knows a value that is not a known " + of);
    v = s.unknown_value;
  } else if (value != "zero") {
    throw Untestable("no scenario tries the value " + value);
  }
  const NumberCall call = s.set_number(v);
  const std::string seen = "given " + std::to_string(v) + ": returned " + call.returned.describe() + ", value " +
                           std::to_string(call.before) + " before, " + std::to_string(call.after) + " after";
  return call.after == call.before ? pass(seen) : fail(seen + " (the page: refused, nothing changed)");
}

// The situation the subject's scenario registers for the claim's kind
// (under the page's condition when it states one).
Verdict effect(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  if (const std::string condition = text_param(params_of(c), "condition"); !condition.empty())
    return conditional_effect(c, s, condition);
  const auto it = s.effects.find(c.kind);
  if (it == s.effects.end()) throw Untestable("no scenario of " + subject(c) + " for " + c.kind);
  const Comparison cmp = it->second();
  return cmp.holds ? pass(cmp.observed) : fail(cmp.observed);
}

Verdict callback_reference(const Claim& c) {
  const Scenario& s = scenario_for(subject(c));
  if (!s.callback_reference) throw Untestable("no scenario installs a callback with " + subject(c));
  const auto p = params_of(c);
  if (!p.contains("returns") || !p["returns"].is_number_integer()) throw Untestable("the claim names no return value");
  const Comparison cmp = s.callback_reference(p["returns"].get<int>(), p.value("holder", "") == "library");
  return cmp.holds ? pass(cmp.observed) : fail(cmp.observed);
}

// The scenario whose words all appear in the claim's quantity and condition.
Verdict returns_quantity(const Claim& c) {
  const auto p = params_of(c);
  const std::string said = text_param(p, "quantity") + " | " + text_param(p, "condition");
  for (const auto& q : scenario_for(subject(c)).quantities) {
    const bool named = std::all_of(q.arguments.begin(), q.arguments.end(),
                                   [&](const std::string& w) { return said.find(w) != std::string::npos; });
    if (!named) continue;
    const Comparison cmp = q.run();
    return cmp.holds ? pass(cmp.observed) : fail(cmp.observed);
  }
  throw Untestable("no scenario of " + subject(c) + " returns " + said);
}

Verdict releases_previous(const Claim& c) { return effect(c); }
Verdict reuses_argument(const Claim& c) { return effect(c); }
Verdict cache_replaces_same_id(const Claim& c) { return effect(c); }

}  // namespace sslconf::checks
