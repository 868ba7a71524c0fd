// The scenario registry: for each function the checks know, how to obtain
// its arguments, how to make the call succeed, how to make it fail where a
// page names a failure, and how to watch the references it takes or drops.
// A check for a kind is written once and asks the registry for the subject
// function's scenario; a function with no scenario (or no scenario of the
// needed sort) makes the claim UNTESTED with that reason.
#pragma once

#include <openssl/ssl.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sslconf::harness {
struct Tag;
}

namespace sslconf::checks {

// What one call returned.
struct Result {
  enum class Type { integer, pointer, none } type = Type::none;
  long long integer = 0;
  const void* pointer = nullptr;
  // Which input gave the value, when a case tries several (a corpus).
  std::string input{};

  static Result of_int(long long v) { return {Type::integer, v, nullptr}; }
  static Result of_pointer(const void* p) { return {Type::pointer, 0, p}; }
  static Result nothing() { return {}; }
  // "1", "NULL", "a non-NULL pointer", "no value", then " for <input>".
  std::string describe() const;
  bool operator==(const Result& o) const;
};

// A reference-count trial: a watched object, the references to it that the
// caller can release before the call, the call, and the release of the
// holders the caller does not own (e.g. SSL_free of the connection that
// holds the session).
//
// A session is watched directly (its ex_data free callback) and released
// with SSL_SESSION_free. Another object (a context, a connection) is
// watched through a proxy: a session that only the object holds, which
// dies exactly when the object does; `release` then releases the object,
// and the trial drops the caller's `proxy_references` to the proxy once it
// is tagged. An object with an observer of its own sets `alive` instead.
struct RefTrial {
  SSL_SESSION* object = nullptr;
  int references = 0;
  std::function<Result()> act;
  std::function<void()> release_others = [] {};
  std::function<void()> release{};  // one release of the object (default SSL_SESSION_free)
  int proxy_references = 0;
  std::function<bool()> alive{};  // the object's own observer, instead of a session's
};

// A comparison made by a getter/setter scenario: did the call return what
// the page says, and what was seen.
struct Comparison {
  bool holds = false;
  std::string observed;
};

// The standard inputs an alias check feeds both functions.
struct Inputs {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  SSL_SESSION* session = nullptr;
};

// One situation of a function, keyed by the conditions it realises:
// classes of the condition vocabulary (checks/conditions.hpp) or free words
// a page uses for it. A case runs only when a claim's condition names it.
struct Case {
  std::vector<std::string> conditions;
  std::function<Result()> run;
  std::function<Result()> otherwise{};  // the same call when the condition does not hold
};

// A bound a page states for a quantity ("the maximum length of the sid_ctx
// is limited to SSL_MAX_SID_CTX_LENGTH"): `quantity` holds words that name
// it; `trial` is given the page's bound and says whether a value of that
// size is taken and one beyond it refused.
struct Bound {
  std::vector<std::string> quantity;
  std::function<Comparison(long long limit)> trial;
};

// A value a new object starts with ("The default mode is ..."): read before
// any setter is called.
struct Default {
  std::vector<std::string> quantity;
  std::function<long long()> read;
};

// What a call writes through an output parameter: `argument` names the
// parameter as the SYNOPSIS does; `run` makes the call where the right
// value is known and compares.
struct Output {
  std::vector<std::string> arguments;
  std::function<Comparison()> run;
};

// A flag a call sets, read back through the family's getter (for the
// shutdown flags, SSL_get_shutdown) after the call in a real connection.
// `conditions` as in Case: the situation the case realises; empty for the
// plain call.
struct FlagCase {
  std::string flag;
  std::vector<std::string> conditions;
  std::function<Comparison()> run;
};

// A setting of a connection a scenario compares across a call: `words`
// name it as pages do ("method", "cipher", "bio"); `run` makes the call and
// compares the setting before and after (or with the context's).
struct Setting {
  std::vector<std::string> words;
  std::function<Comparison()> run;
};

// What a counted-event scenario did: the contexts it used, and how many
// times the event happened on each side (the client's context and the
// server's).
struct Counted {
  SSL_CTX* client = nullptr;
  SSL_CTX* server = nullptr;
  long on_client = 0;
  long on_server = 0;
  std::string what;  // "two completed full handshakes"
};

// An event a context counts (SSL_CTX_sess_*): `words` are groups of
// alternatives, every group having one in the page's phrase ("started" and
// "handshake"); `run` makes the event happen on fresh contexts.
struct CountedEvent {
  std::vector<std::vector<std::string>> words;
  std::function<Counted()> run;
};

// A server offered a session it negotiated (checks/callbacks.cpp,
// cache-lookup): its cache mode SSL_SESS_CACHE_SERVER | `extra_mode`, the
// session still in its internal cache or taken out (`cached`), a get
// callback that finds nothing installed or not (`external`).
struct LookupRun {
  bool resumed = false;
  int external_calls = 0;  // times the get callback was asked
  std::string what;
};
LookupRun lookup_trial(long extra_mode, bool cached, bool external);

// The events the scenarios can make happen, most specific first.
const std::vector<CountedEvent>& counted_events();

// A numeric setter called once on a fresh object: what it returned, and the
// value in effect before and after the call (read with its getter).
struct NumberCall {
  Result returned;
  long long before = 0;
  long long after = 0;
};

// What a call that copies into the caller's buffer did: what it returned
// and how many bytes of the buffer it wrote (any byte it changed, the
// buffer having room beyond outlen so an overrun shows).
struct CopyCall {
  long long returned = 0;
  std::size_t written = 0;
};

// One situation of an effect kind (see Scenario::effects).
struct EffectCase {
  std::string kind;
  std::vector<std::string> conditions;  // as Case::conditions
  std::function<Comparison()> run;
};

// A situation in which the library should call a callback (checks/
// callbacks.cpp): `words` are groups of alternatives, every group having one
// in the page's phrase ("expired"; "tls 1.3" and "multiple"); `run` makes it
// happen and says how often the callback ran.
struct CallbackRun {
  int calls = 0;  // times the callback ran
  int units = 0;  // times the situation called for it (sessions removed ...)
  std::string what;  // "one expired session flushed"
};
struct CallbackSituation {
  std::vector<std::vector<std::string>> words;
  std::function<CallbackRun()> run;
};
// What a callback was handed in one run: `words` name the argument as
// pages do ("connection", "session id"), `holds` says it was the right one.
struct HandedArgument {
  std::vector<std::string> words;
  Comparison seen;
};
// A callback installed on both a client's and a server's context in a
// situation both could call it in: how often each side did.
struct SideCalls {
  int client = 0;
  int server = 0;
  std::string what;
};

// The lifetime hint of the ticket a client received (checks/lifetimes.cpp,
// ticket-lifetime-hint): `ticket` false when the handshake brought none.
struct TicketHint {
  bool ticket = false;
  long long hint = 0;
  std::string what;  // "TLSv1.2, initial handshake, timeout 1000"
};

// The sessions one connection established, as its client's new-session
// callback was handed them (sessions-per-connection).
struct CountedSessions {
  int sessions = 0;
  std::string what;
};

struct Scenario {
  std::function<Result()> success;    // the call doing its job (a page's "on success")
  std::function<Result()> with_null;  // the call with NULL for its object argument
  std::function<RefTrial()> references;
  std::function<Comparison()> previous;  // setter: returns the value set before
  std::function<Comparison()> current;   // getter: returns the value set
  std::function<Result(const Inputs&)> invoke;  // the plain call on given inputs
  std::function<Comparison()> sets;  // setter: its getter reads back what was set
  // The situations a page can name: the first case one of whose
  // conditions the claim's condition names is the scenario for it.
  std::vector<Case> cases;
  // Cache membership around the call: sess_number before and after.
  std::function<std::pair<long, long>()> cache_change;
  std::optional<bool> returns_void;  // known from the declaration
  // A new object with only its creator's reference, released once by the
  // trial's `release` (the object's free function).
  std::function<RefTrial()> creation;
  std::vector<Bound> limits;
  std::vector<Default> defaults;
  std::vector<Output> outputs;
  std::vector<FlagCase> flags;  // the flags the call sets
  std::vector<Setting> kept;       // settings the call leaves as they were (SSL_clear)
  // Words naming the situation the `kept` comparisons run in ("closed
  // cleanly"): a page that keeps settings only under a condition is
  // checked only when its condition names one of them.
  std::vector<std::string> kept_when;
  std::vector<Setting> inherited;  // settings the new object takes from its parent (SSL_new)
  // A setter of a number: the call with `value` for its value parameter.
  std::function<NumberCall(long long value)> set_number;
  // A value the setter does not know, and the words that name what it is
  // not ("protocol version"): for "a value that is not a known X is refused".
  std::string unknown_of;
  long long unknown_value = 0;
  // Calls with a cursor (`const unsigned char **pp`): after the call, does
  // *pp point just past what was read or written? `arguments` names it.
  std::vector<Output> cursors;
  // The call applied to the resumable session `s`, which a context's cache
  // holds when `cached` is true; the check then asks SSL_SESSION_is_resumable.
  std::function<void(SSL_SESSION* s, bool cached)> on_session;
  // The call creating a session; the caller owns the result.
  std::function<SSL_SESSION*()> new_session;
  // Kinds whose whole check is one situation of this function, by kind name
  // ("releases-previous", "cache-replaces-same-id"): the scenario sets it
  // up, makes the call and compares with what the kind states.
  std::map<std::string, std::function<Comparison()>> effects;
  // A callback setter: a callback that returns `returns` is installed, a
  // handshake hands it a session, then every holder the library has is
  // released. `library_releases`: the page says the library lets go of the
  // callback's reference (the session must be gone), else the application
  // keeps it (alive until the one release the callback's owner makes).
  std::function<Comparison(int returns, bool library_releases)> callback_reference;
  // Quantities a call returns under a condition ("the length of the master
  // key is returned" when outlen is 0): `arguments` holds words naming the
  // quantity and the condition; `run` makes the call in that situation.
  std::vector<Output> quantities;
  // A call that copies a value into the caller's buffer (out, outlen),
  // made on a real connection or session with `outlen` for the length.
  std::function<CopyCall(std::size_t outlen)> copy_out;
  // Effects that hold under a condition the page names ("... is also the
  // case when session is a NULL pointer"), by kind: the first whose
  // conditions the claim's condition names runs.
  std::vector<EffectCase> effect_cases;
  // Callback setters (checks/callbacks.cpp): the situations in which the
  // callback installed should run, the arguments it is handed, the sides
  // that call it, and whether the session a new-session callback was
  // handed is still cached after it returned `returns` (holds: cached).
  std::vector<CallbackSituation> callback_situations;
  std::function<std::vector<HandedArgument>()> callback_arguments;
  std::function<SideCalls()> callback_sides;
  std::function<Comparison(int returns)> callback_return_cached;
  // A bound setter given `value` (a page's "0 means no limit"): does the
  // object then take more than any bound it had by default?
  std::function<Comparison(long long value)> unlimited;
  // A get callback handing back a session the application holds once, with
  // its output flag set to `flag`: did the library take a reference of its
  // own (holds: the session outlived the connection that used it)?
  std::function<Comparison(int flag)> callback_copy;
  // A getter of a time: its value for an object made now lies between the
  // clock (time()) read before and after it was made.
  std::function<Comparison()> epoch_time;
  // A timeout setter (ticket-lifetime-hint): the server's context given
  // `value`, tickets on, the protocol pinned (TLS 1.3 or 1.2); the hint of
  // the ticket the client received in the first handshake or, with
  // `resumed`, in a second one resuming it.
  std::function<TicketHint(long long value, bool tls13, bool resumed)> ticket_hint;
  // The session time calls (lifetime-adjustable): a cached session's
  // lifetime lengthened (`extend`) or cut, then a flush at a time that
  // removes it only when unchanged (extend) or only when changed (cut).
  std::function<Comparison(bool extend)> lifetime_change;
  // The session getters of a connection, over TLS 1.3 with tickets
  // (session-before-established, returns-last-session): what they return on
  // a client whose handshake is done and tickets unread, and whether that
  // resumes (holds: it does not, the session after the tickets does); on
  // the `server` or client side, whether they return the last session the
  // new-session callback was handed (`no_tickets`: the server sends none,
  // and the connection still has its session).
  std::function<Comparison()> before_established;
  std::function<Comparison(bool server, bool no_tickets)> last_session;
  // A new-session callback setter: one full handshake (TLS 1.3 with tickets,
  // or TLS 1.2), the client caching its sessions.
  std::function<CountedSessions(bool tls13)> sessions_established;
};

// The scenario for a function, or nullptr when the registry has none.
const Scenario* find_scenario(const std::string& function);

// Present only on implementations that declare the function (the registry
// compiles everywhere; entries for absent functions are left out).
bool has_scenario(const std::string& function);

// The scenario a check needs, or Untestable naming what is missing:
// `part` is the member the check will use ("success", "references", ...).
const Scenario& scenario_for(const std::string& function);

namespace scenarios {
// A session's death watched through its ex_data free callback; UNRESOLVED
// when the observer is unavailable.
const harness::Tag* watched(SSL_SESSION* s);
}  // namespace scenarios

}  // namespace sslconf::checks
