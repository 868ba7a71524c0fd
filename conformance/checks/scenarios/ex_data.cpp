// ex_data: the session's slots, and the general CRYPTO_EX_DATA calls.
#include "checks/scenarios/common.hpp"

#include <sslconf_available.h>

#include <type_traits>

namespace sslconf::checks::scenarios {

namespace {

void add_session_slots(Registry& r) {
  static int slot_value = 0;
  auto slot = [] { return SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr); };
  auto& set = r["SSL_SESSION_set_ex_data"];
  set.success = [slot] { return integer(SSL_SESSION_set_ex_data(blank_session(), slot(), &slot_value)); };
  set.sets = [slot] {
    SSL_SESSION* s = blank_session();
    const int idx = slot();
    SSL_SESSION_set_ex_data(s, idx, &slot_value);
    const bool same = SSL_SESSION_get_ex_data(s, idx) == &slot_value;
    return Comparison{same, same ? "SSL_SESSION_get_ex_data returned the pointer stored"
                                 : "SSL_SESSION_get_ex_data returned another pointer"};
  };
  auto& get = r["SSL_SESSION_get_ex_data"];
  get.success = [slot] {
    SSL_SESSION* s = blank_session();
    const int idx = slot();
    SSL_SESSION_set_ex_data(s, idx, &slot_value);
    return pointer(SSL_SESSION_get_ex_data(s, idx));
  };
  get.cases = {{{"value-not-set"}, [slot] { return pointer(SSL_SESSION_get_ex_data(blank_session(), slot())); }}};
  auto& index = r["SSL_SESSION_get_ex_new_index"];
  index.success = [slot] { return integer(slot()); };
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
  add_general_ex_data(r);
}

}  // namespace sslconf::checks::scenarios
