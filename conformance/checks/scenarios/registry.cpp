// The scenario registry: assembled from one file per object, then the
// pairings between setters and getters, and the lookups the checks use.
#include "checks/scenarios/common.hpp"

#include "checks/plans/derived.hpp"
#include "harness/family.hpp"
#include "harness/observers.hpp"
#include "platform/process.hpp"

#include <cstring>
#include <vector>

namespace sslconf::checks {

std::string Result::describe() const {
  std::string value = "no value";
  switch (type) {
    case Type::integer: value = std::to_string(integer); break;
    case Type::pointer: value = pointer ? "a non-NULL pointer" : "NULL"; break;
    case Type::none: break;
  }
  return input.empty() ? value : value + " for " + input;
}

bool Result::operator==(const Result& o) const {
  return type == o.type && integer == o.integer && pointer == o.pointer;
}

namespace scenarios {

Comparison compare_values(long long returned, long long expected) {
  return {returned == expected, "returned " + std::to_string(returned) + ", value in effect " + std::to_string(expected)};
}

Comparison compare_bytes(const unsigned char* got, unsigned int got_len, const unsigned char* want, unsigned int want_len) {
  const bool same = got && got_len == want_len && std::memcmp(got, want, want_len) == 0;
  return {same, same ? "returned the bytes that were set"
                     : "returned " + std::to_string(got_len) + " bytes that differ from the " + std::to_string(want_len) + " set"};
}

Comparison accepts_up_to(long long limit, const std::string& what,
                         const std::function<int(const unsigned char*, unsigned int)>& set) {
  if (limit < 0 || limit > 65536) throw Untestable("no scenario tries a bound of " + std::to_string(limit) + " bytes");
  const std::vector<unsigned char> bytes(static_cast<std::size_t>(limit) + 1, 0x5a);
  const auto n = static_cast<unsigned int>(limit);
  const int at = set(bytes.data(), n);
  const int beyond = set(bytes.data(), n + 1);
  return {at == 1 && beyond != 1, what + " of " + std::to_string(n) + " bytes: returned " + std::to_string(at) +
                                      "; of " + std::to_string(n + 1) + " bytes: returned " + std::to_string(beyond) +
                                      " (1: taken)"};
}

NewSessions& recorded_sessions() {
  static NewSessions record;
  return record;
}

int record_new_session(SSL*, SSL_SESSION* s) {
  ++recorded_sessions().calls;
  recorded_sessions().last = s;
  return recorded_sessions().returns;
}

const harness::Tag* watched(SSL_SESSION* s) {
  if (!harness::DeathWatch::broken().empty()) throw Unresolved(harness::DeathWatch::broken());
  const harness::Tag* tag = harness::DeathWatch::watch(s);
  if (!tag) throw Unresolved("observer: the session could not be tagged");
  return tag;
}

HalfOpen alone(bool server, std::size_t own_buffer) {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  HalfOpen h;
  h.ssl = SSL_new(server ? ctx.server : ctx.client);
  BIO* own = nullptr;
  if (!h.ssl || BIO_new_bio_pair(&own, own_buffer, &h.peer, 0) != 1) throw Unresolved("scenario: no connection objects");
  SSL_set_bio(h.ssl, own, own);
  if (server) SSL_set_accept_state(h.ssl);
  else SSL_set_connect_state(h.ssl);
  return h;
}

namespace {

// libsslref's two builds report which they are; each is loaded by path, so
// the answer is compared with the build it really came from.
void add_reference_build(Registry& r) {
#if defined(SSLCONF_FAMILY_REFERENCE) && defined(SSLCONF_REFERENCE_CHECKED_LIBRARY)
  auto flavour_of = [](const char* library) {
    std::string why;
    void* symbol = platform::library_symbol(library, "sslref_checked_build", why);
    if (!symbol) throw Unresolved("scenario: " + why);
    return integer(reinterpret_cast<int (*)(void)>(symbol)());
  };
  auto& build = r["sslref_checked_build"];
  build.cases.push_back({{"checked build"}, [flavour_of] { return flavour_of(SSLCONF_REFERENCE_CHECKED_LIBRARY); }});
#if defined(SSLCONF_REFERENCE_REGULAR_LIBRARY)
  build.cases.push_back({{"regular build"}, [flavour_of] { return flavour_of(SSLCONF_REFERENCE_REGULAR_LIBRARY); }});
#else
  build.cases.push_back({{"regular build"}, []() -> Result {
                           throw Untestable("this build of libsslref is the checked one (SSLCONF_CHECKED): no regular build to ask");
                         }});
#endif
#else
  (void)r;
#endif
}

const Registry& registry() {
  static const Registry r = [] {
    Registry built;
    add_session(built);
    add_context(built);
    add_connection(built);
    add_bio(built);
    add_ex_data(built);
    add_reference_build(built);
    // A setter's read-back is its getter's scenario.
    const std::pair<const char*, const char*> pairs[] = {
        {"SSL_SESSION_set_time", "SSL_SESSION_get_time"}, {"SSL_SESSION_set_timeout", "SSL_SESSION_get_timeout"},
        {"SSL_SESSION_set1_id", "SSL_SESSION_get_id"}, {"SSL_SESSION_set1_id_context", "SSL_SESSION_get0_id_context"},
        {"SSL_CTX_set_timeout", "SSL_CTX_get_timeout"}, {"SSL_CTX_set_session_cache_mode", "SSL_CTX_get_session_cache_mode"},
        {"SSL_CTX_sess_set_cache_size", "SSL_CTX_sess_get_cache_size"}};
    for (const auto& [setter, getter] : pairs)
      if (built.count(getter) && built[getter].current && !built[setter].sets) built[setter].sets = built[getter].current;
    return built;
  }();
  return r;
}

}  // namespace
}  // namespace scenarios

// A hand-written scenario, else one derived from the pages' plans.
const Scenario* find_scenario(const std::string& function) {
  const auto& r = scenarios::registry();
  const auto it = r.find(function);
  return it == r.end() ? plans::derived(function) : &it->second;
}

bool has_scenario(const std::string& function) { return find_scenario(function) != nullptr; }

const Scenario& scenario_for(const std::string& function) {
  const Scenario* s = find_scenario(function);
  if (!s) {
    const std::string why = plans::unplanned(function);
    throw Untestable("no scenario for " + function + (why.empty() ? "" : ": " + why));
  }
  return *s;
}

}  // namespace sslconf::checks
