// Reference-count kinds, observed through the moment the session dies (the
// ex_data free callback), never through the count's internals.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/observers.hpp"

#include <functional>
#include <utility>

namespace sslconf::checks {

namespace {

std::string times(int n) { return std::to_string(n) + (n == 1 ? " release" : " releases"); }

// How a trial sees its object: alive or not, one release, and how many
// times it died (sessions only: a death callback run twice is a finding).
struct Watched {
  std::function<bool()> alive;
  std::function<void()> release;
  std::function<int()> deaths;
};

// After the call and the release of the other holders, exactly `owed`
// releases must be needed to free the object: it lives through owed-1 of
// them and dies at the last.
Verdict count_down(const Watched& w, int owed, const std::string& after) {
  if (owed <= 0) {
    return w.alive() ? fail("still alive " + after + ": the page implies no reference is left")
                     : pass("freed " + after + ": no reference was left, as the page implies");
  }
  if (!w.alive()) return fail("freed " + after + ", with " + times(owed) + " still owed by the page");
  for (int i = 1; i < owed; ++i) {
    w.release();
    if (!w.alive()) return fail("freed after " + times(i) + " of the " + std::to_string(owed) + " the page implies");
  }
  w.release();
  if (w.alive()) return fail("still alive after the " + times(owed) + " the page implies: a reference too many");
  if (w.deaths && w.deaths() > 1) return fail("the free callback ran " + std::to_string(w.deaths()) + " times");
  return pass("alive " + after + ", freed exactly at release " + std::to_string(owed) + " as the page implies");
}

Watched session_watch(SSL_SESSION* s) {
  const harness::Tag* tag = scenarios::watched(s);
  return {[tag] { return tag->alive(); }, [s] { SSL_SESSION_free(s); }, [tag] { return tag->frees; }};
}

Verdict run_trial(RefTrial t, int delta, const std::string& after) {
  Watched w;
  if (t.alive) {
    w.alive = t.alive;
  } else {
    w = session_watch(t.object);
    for (int i = 0; i < t.proxy_references; ++i) SSL_SESSION_free(t.object);
    if (!w.alive()) throw Unresolved("scenario: the session standing for the object died with the caller's reference");
  }
  if (t.release) w.release = t.release;
  if (t.act) t.act();
  t.release_others();
  return count_down(w, t.references + delta, after);
}

}  // namespace

Verdict reference_trial(const Claim& c, int delta) {
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  if (!s.references) throw Untestable("no reference-count scenario for " + fn);
  return run_trial(s.references(), delta, "after " + fn);
}

// "Creating an X for the first time increments the reference count": a new
// object holds one reference, so one call of its free function (the
// subject) frees it.
Verdict refcount_initial(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  if (!s.creation) throw Untestable("no new-object scenario for " + fn);
  const int references = p.contains("references") && p["references"].is_number_integer() ? p["references"].get<int>() : 1;
  RefTrial t = s.creation();
  const int delta = references - t.references;  // the trial counts the creator's reference itself
  return run_trial(std::move(t), delta, "new, with no other holder");
}

Verdict refcount_increment(const Claim& c) {
  const auto p = params_of(c);
  const int by = p.contains("by") && p["by"].is_number_integer() ? p["by"].get<int>() : 1;
  return reference_trial(c, by);
}

Verdict refcount_decrement_free(const Claim& c) { return reference_trial(c, -1); }
Verdict effect(const Claim& c);  // checks/state.cpp

// "If the session is not reused, the reference count is decremented again
// during SSL_connect()": only the situation the condition names shows it.
Verdict refcount_decrement(const Claim& c) {
  if (!text_param(params_of(c), "condition").empty()) return effect(c);
  return reference_trial(c, -1);
}
Verdict refcount_unchanged(const Claim& c) { return reference_trial(c, 0); }

Verdict null_noop(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const Scenario& s = scenario_for(fn);
  if (!s.with_null) throw Untestable("no NULL-argument scenario for " + fn);
  const Result r = s.with_null();
  return pass("called with NULL " + text_param(p, "argument", "argument") + ": returned " + r.describe() +
              ", the process carried on");
}

Verdict kept_reference_survives(const Claim& c) {
  const auto p = params_of(c);
  const std::string release = text_param(p, "release", "SSL_free");
  if (release != "SSL_free") throw Untestable("no scenario that drops a connection with " + release);
  Live l = live();
  SSL_SESSION* s = SSL_get1_session(l.conn.client);
  if (!s) throw Unresolved("scenario: the client has no session after a handshake");
  const Watched w = session_watch(s);
  harness::disconnect(l.conn, true);
  return count_down(w, 1, "after SSL_free of its connection");
}

}  // namespace sslconf::checks
