// The check library's face to the generated suite: one check per claim kind
// (KINDS.md). A generated test case passes its claim (id, kind, functions,
// params as the page stated them) to the check for its kind; the verdict
// comes from comparing what the library does with what the params say.
//
// This header is all a generated translation unit includes: no OpenSSL and
// no JSON here, so the per-page sources compile quickly.
#pragma once

#include <string>
#include <vector>

extern "C" {
struct sslconf_plan_entry;  // plan/makers.h: one compiled scenario plan
}

namespace sslconf::checks {

enum class Outcome { pass, fail, unsupported, untested, unresolved };

const char* outcome_name(Outcome o);  // "PASS", "FAIL", ...

struct Verdict {
  Outcome outcome = Outcome::unresolved;
  std::string detail;  // one line: what was observed
};

struct Claim {
  const char* id;
  const char* kind;
  std::vector<std::string> functions;  // functions[0] is the subject
  const char* params;                  // the claim's params, as JSON text
};

using Check = Verdict (*)(const Claim&);

// Runs a check with the common rules around it: a subject the probes found
// absent is UNSUPPORTED (except for kinds about declarations), a scenario
// that cannot be set up is UNRESOLVED, an exception is UNRESOLVED.
Verdict run(Check check, const Claim& claim);

// Checkable kinds (KINDS.md, first table).
Verdict prototype(const Claim&);
Verdict returns_pointer_or_null(const Claim&);
Verdict returns_pointer(const Claim&);
Verdict returns_int(const Claim&);
Verdict returns_void(const Claim&);
Verdict returns_enumerated(const Claim&);
Verdict returns_on_null(const Claim&);
Verdict returns_previous(const Claim&);
Verdict returns_current(const Claim&);
Verdict null_noop(const Claim&);
Verdict refcount_increment(const Claim&);
Verdict refcount_decrement_free(const Claim&);
Verdict refcount_decrement(const Claim&);
Verdict refcount_unchanged(const Claim&);
Verdict alias(const Claim&);
Verdict alias_plus_ref(const Claim&);
Verdict copy(const Claim&);
Verdict copy_no_cache(const Claim&);
Verdict version_added(const Claim&);
Verdict version_deprecated(const Claim&);
Verdict version_removed(const Claim&);
Verdict session_from_handshake(const Claim&);
Verdict cache_by_mode(const Claim&);
Verdict flush_timeout(const Claim&);
Verdict kept_reference_survives(const Claim&);
Verdict resumption(const Claim&);
Verdict unclean_shutdown_removes(const Claim&);
Verdict sets_value(const Claim&);
Verdict cache_add(const Claim&);
Verdict cache_remove(const Claim&);
Verdict free_callback_once(const Claim&);
Verdict cache_count(const Claim&);
Verdict remove_callback(const Claim&);
Verdict refcount_initial(const Claim&);
Verdict limit(const Claim&);
Verdict default_value(const Claim&);
Verdict writes_output(const Claim&);
Verdict counts(const Claim&);
Verdict sets_flag(const Claim&);
Verdict keeps_settings(const Claim&);
Verdict inherits_settings(const Claim&);
// Session state (added for issue 15: checks/state.cpp).
Verdict resumption_requires(const Claim&);
Verdict marks_not_resumable(const Claim&);
Verdict advances_pointer(const Claim&);
Verdict encoding_keeps(const Claim&);
Verdict session_starts_with(const Claim&);
Verdict returns_argument(const Claim&);
Verdict refuses_value(const Claim&);
Verdict releases_previous(const Claim&);
Verdict cache_replaces_same_id(const Claim&);
Verdict callback_reference(const Claim&);
Verdict returns_quantity(const Claim&);
Verdict reuses_argument(const Claim&);
// Copying calls (added for issue 13: checks/connection_behaviour.cpp).
Verdict returns_copied(const Claim&);
Verdict behaves_like(const Claim&);
Verdict length_is(const Claim&);
Verdict returns_one_of(const Claim&);
// The session cache's callbacks and mode flags (checks/callbacks.cpp).
Verdict callback_called(const Claim&);
Verdict callback_passed(const Claim&);
Verdict callback_return_removes(const Claim&);
Verdict flag_combines(const Claim&);
Verdict default_excludes(const Claim&);
Verdict cache_lookup(const Claim&);
Verdict unlimited_value(const Claim&);
Verdict cache_evicts(const Claim&);
Verdict callback_copy(const Claim&);
Verdict epoch_seconds(const Claim&);
// A live connection and the objects around it (checks/connection_facts.cpp).
Verdict closes_direction(const Claim&);
Verdict refuses_after(const Claim&);
Verdict sends_alert(const Claim&);
Verdict peer_may_send(const Claim&);
Verdict reference_counted(const Claim&);
Verdict same_parent(const Claim&);
Verdict same_on_both_ends(const Claim&);
Verdict full_handshake(const Claim&);
Verdict part_of(const Claim&);
Verdict per_object(const Claim&);
// The versions a method constructor's connections speak (checks/protocols.cpp).
Verdict protocol_only(const Claim&);
Verdict negotiates_highest(const Claim&);
// Session lifetimes and ticket hints (checks/lifetimes.cpp).
Verdict ticket_lifetime_hint(const Claim&);
Verdict value_fixed_at_creation(const Claim&);
Verdict lifetime_adjustable(const Claim&);
Verdict session_before_established(const Claim&);
Verdict returns_last_session(const Claim&);
Verdict sessions_per_connection(const Claim&);

// A claim the page makes that no check verifies: UNTESTED with the reason.
Verdict not_checkable(const Claim&, const char* reason);
Verdict no_check_for_kind(const Claim&);

// The configure-time prototype probes (probes.json text), installed once by
// the generated suite before any check runs.
void use_probes(const char* probes_json);

// The scenario plans derived from the pages (plans.json text) and their
// compiled C (generated plans.c), installed once by the generated suite.
void use_plans(const char* plans_json, const sslconf_plan_entry* table, int count);

}  // namespace sslconf::checks
