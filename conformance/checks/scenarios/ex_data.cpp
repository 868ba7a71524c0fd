// ex_data: the session's slots, and the general CRYPTO_EX_DATA calls.
#include "checks/scenarios/common.hpp"

#include <sslconf_available.h>

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace sslconf::checks::scenarios {

namespace {

// One type's application data slots: its index call, setter and getter
// on a fresh object of the type.
template <class T>
struct Slots {
  std::string type;  // "SSL_SESSION"
  std::function<T*()> make;
  std::function<int()> new_index;
  std::function<int(T*, int, void*)> set;
  std::function<void*(T*, int)> get;
};

int slot_value = 0;

template <class T>
void add_slots(Registry& r, const Slots<T>& t) {
  r[t.type + "_get_ex_new_index"].success = [t] { return integer(t.new_index()); };
  auto& set = r[t.type + "_set_ex_data"];
  set.success = [t] { return integer(t.set(t.make(), t.new_index(), &slot_value)); };
  set.sets = [t] {
    T* object = t.make();
    const int idx = t.new_index();
    t.set(object, idx, &slot_value);
    const bool same = t.get(object, idx) == &slot_value;
    return Comparison{same, t.type + (same ? "_get_ex_data returned the pointer stored" : "_get_ex_data returned another pointer")};
  };
  auto& get = r[t.type + "_get_ex_data"];
  get.success = [t] {
    T* object = t.make();
    const int idx = t.new_index();
    t.set(object, idx, &slot_value);
    return pointer(t.get(object, idx));
  };
  get.cases = {{{"value-not-set"}, [t] { return pointer(t.get(t.make(), t.new_index())); }}};
}

void add_session_slots(Registry& r) {
  auto slot = [] { return SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr); };
  add_slots<SSL_SESSION>(r, {"SSL_SESSION", blank_session, slot, SSL_SESSION_set_ex_data, SSL_SESSION_get_ex_data});
  add_slots<SSL>(r, {"SSL", fresh_connection, optional::ssl_get_ex_new_index, optional::ssl_set_ex_data,
                     optional::ssl_get_ex_data});
  add_slots<SSL_CTX>(r, {"SSL_CTX", server_context, optional::ctx_get_ex_new_index, optional::ctx_set_ex_data,
                         optional::ctx_get_ex_data});
  auto& index = r["SSL_SESSION_get_ex_new_index"];
  // A library may limit the indexes of a class; none is known to fail
  // otherwise short of memory, so a library that grants them all has no
  // failure case to show.
  index.cases = {{{"no-more-indexes"}, [slot] {
    constexpr int kTries = 4096;
    for (int i = 0; i < kTries; ++i)
      if (const int idx = slot(); idx < 0) return integer(idx);
    throw Untestable("no failure case: " + std::to_string(kTries) + " new session indexes were all granted");
  }}};
}

// BIO_get_ex_new_index(3) states the return values of its TYPE_ calls once
// for every type. The types of this library answer for the template: the
// same value from each (the result names them), else the first that
// differs. A type whose calls the library lacks is left out.
Result over_types(const std::vector<std::pair<std::string, std::function<Result()>>>& runs) {
  std::optional<Result> first;
  std::string names;
  for (const auto& [type, run] : runs) {
    Result r;
    try {
      r = run();
    } catch (const harness::Missing&) {
      continue;
    }
    if (!first) first = r;
    if (!(r == *first)) {
      r.input = type + ", where " + names + " gave " + first->describe();
      return r;
    }
    names += (names.empty() ? "" : ", ") + type;
  }
  if (!first) throw Unresolved("scenario: this library has none of the TYPE_ calls of SSL_SESSION, SSL, SSL_CTX");
  first->input = "each of " + names;
  return *first;
}

void add_template_slots(Registry& r) {
  for (const std::string suffix : {"_set_ex_data", "_get_ex_data"}) {
    std::vector<std::pair<std::string, std::function<Result()>>> runs;
    for (const std::string type : {"SSL_SESSION", "SSL", "SSL_CTX"}) runs.emplace_back(type, r[type + suffix].success);
    r["TYPE" + suffix].success = [runs] { return over_types(runs); };
  }
}

// The general ex_data calls, on a set of slots the scenario owns. Their
// types are the library's own, so they are compiled only where the probe
// found them.
void add_general_ex_data(Registry& r) {
  (void)r;  // every entry below is absent on a family without these calls
#if SSLCONF_HAS_CRYPTO_get_ex_new_index && SSLCONF_HAS_CRYPTO_EX_INDEX_APP && SSLCONF_HAS_CRYPTO_EX_INDEX__COUNT
  auto& index = r["CRYPTO_get_ex_new_index"];
  index.success = [] { return integer(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_APP, 0, nullptr, nullptr, nullptr, nullptr)); };
  index.cases = {{{"unknown-class"}, [] {
                    return integer(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX__COUNT + 7, 0, nullptr, nullptr, nullptr, nullptr));
                  }}};
#endif
#if SSLCONF_HAS_CRYPTO_set_ex_data && SSLCONF_HAS_CRYPTO_get_ex_new_index && SSLCONF_HAS_CRYPTO_EX_INDEX_APP
  static int value = 0;
  auto app_index = [] { return CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_APP, 0, nullptr, nullptr, nullptr, nullptr); };
  auto& set = r["CRYPTO_set_ex_data"];
  set.success = [app_index] {
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_set_ex_data(&ad, app_index(), &value));
  };
  set.cases = {{{"invalid-index"}, [] {  // no slot has a negative index
                  static CRYPTO_EX_DATA ad{};
                  return integer(CRYPTO_set_ex_data(&ad, -1, &value));
                }}};
#if SSLCONF_HAS_CRYPTO_get_ex_data
  auto& get = r["CRYPTO_get_ex_data"];
  get.success = [app_index] {
    static CRYPTO_EX_DATA ad{};
    const int idx = app_index();
    CRYPTO_set_ex_data(&ad, idx, &value);
    return pointer(CRYPTO_get_ex_data(&ad, idx));
  };
  get.cases = {{{"value-not-set"}, [app_index] {  // a slot never set
                  static CRYPTO_EX_DATA ad{};
                  const int set_idx = app_index();
                  CRYPTO_set_ex_data(&ad, set_idx, &value);
                  return pointer(CRYPTO_get_ex_data(&ad, app_index()));
                }}};
  set.sets = [app_index] {
    static CRYPTO_EX_DATA ad{};
    const int idx = app_index();
    CRYPTO_set_ex_data(&ad, idx, &value);
    const bool same = CRYPTO_get_ex_data(&ad, idx) == &value;
    return Comparison{same, same ? "CRYPTO_get_ex_data returned the pointer stored"
                                 : "CRYPTO_get_ex_data returned another pointer"};
  };
#endif
#endif
#if SSLCONF_HAS_CRYPTO_new_ex_data && SSLCONF_HAS_CRYPTO_free_ex_data && SSLCONF_HAS_CRYPTO_EX_INDEX_APP && SSLCONF_HAS_CRYPTO_EX_INDEX__COUNT
  auto& init = r["CRYPTO_new_ex_data"];
  init.success = [] {
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_new_ex_data(CRYPTO_EX_INDEX_APP, nullptr, &ad));
  };
  init.cases = {{{"unknown-class"}, [] {
                   static CRYPTO_EX_DATA ad{};
                   return integer(CRYPTO_new_ex_data(CRYPTO_EX_INDEX__COUNT + 7, nullptr, &ad));
                 }}};
  r["CRYPTO_free_ex_data"].returns_void = std::is_void_v<decltype(CRYPTO_free_ex_data(0, nullptr, nullptr))>;
#endif
}

}  // namespace

void add_ex_data(Registry& r) {
  add_session_slots(r);
  add_template_slots(r);
  add_general_ex_data(r);
}

}  // namespace sslconf::checks::scenarios
