// The ex_data registry: application data slots with new/dup/free callbacks,
// per object class, with OpenSSL's conventions (index 0 reserved, the free
// callback of every registered index runs at destruction, even for an unset
// slot, with its value).
#include "internal.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace {

struct ExCallbacks {
  long argl = 0;
  void* argp = nullptr;
  CRYPTO_EX_new* new_func = nullptr;
  CRYPTO_EX_dup* dup_func = nullptr;
  CRYPTO_EX_free* free_func = nullptr;
};

// Registered indexes never move nor change, so readers need no lock: an
// entry is complete before `count` publishes it (release/acquire).
constexpr int kMaxIndexes = 256;

struct ExClass {
  std::array<ExCallbacks, kMaxIndexes> entries{};
  std::atomic<int> count{1};  // index 0 is reserved, as in OpenSSL
  std::mutex register_lock;
};

ExClass& ex_class(int class_index) {
  static std::array<ExClass, CRYPTO_EX_INDEX__COUNT> classes;
  return classes[static_cast<size_t>(class_index)];
}

bool valid_class(int class_index) { return class_index >= 0 && class_index < CRYPTO_EX_INDEX__COUNT; }

}  // namespace

namespace sslref {

void ex_data_new(int class_index, void* parent, CRYPTO_EX_DATA* ad) {
  ExClass& c = ex_class(class_index);
  const int n = c.count.load(std::memory_order_acquire);
  for (int i = 1; i < n; ++i) {
    const ExCallbacks& e = c.entries[i];
    if (e.new_func) e.new_func(parent, nullptr, ad, i, e.argl, e.argp);
  }
}

bool ex_data_dup(int class_index, CRYPTO_EX_DATA* to, const CRYPTO_EX_DATA* from) {
  ExClass& c = ex_class(class_index);
  const int n = c.count.load(std::memory_order_acquire);
  const int used = static_cast<int>(from->count);
  for (int i = 0; i < used; ++i) {
    void* value = from->slots[i];
    const ExCallbacks* e = i < n ? &c.entries[i] : nullptr;
    if (e && e->dup_func && !e->dup_func(to, from, &value, i, e->argl, e->argp)) return false;
    if (!CRYPTO_set_ex_data(to, i, value)) return false;
  }
  return true;
}

void ex_data_free(int class_index, void* parent, CRYPTO_EX_DATA* ad) {
  ExClass& c = ex_class(class_index);
  const int n = c.count.load(std::memory_order_acquire);
  for (int i = 1; i < n; ++i) {
    const ExCallbacks& e = c.entries[i];
    if (e.free_func) e.free_func(parent, CRYPTO_get_ex_data(ad, i), ad, i, e.argl, e.argp);
  }
  std::free(ad->slots);
  ad->slots = nullptr;
  ad->count = 0;
}

}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------

extern "C" int CRYPTO_get_ex_new_index(int class_index, long argl, void* argp, CRYPTO_EX_new* new_func,
                                       CRYPTO_EX_dup* dup_func, CRYPTO_EX_free* free_func) {
  if (!valid_class(class_index)) return -1;
  ExClass& c = ex_class(class_index);
  std::lock_guard<std::mutex> guard(c.register_lock);
  const int idx = c.count.load(std::memory_order_relaxed);
  if (idx >= kMaxIndexes) return -1;
  c.entries[idx] = ExCallbacks{argl, argp, new_func, dup_func, free_func};
  c.count.store(idx + 1, std::memory_order_release);
  return idx;
}

extern "C" int CRYPTO_set_ex_data(CRYPTO_EX_DATA* ad, int idx, void* val) {
  if (!ad || idx < 0) return 0;
  const size_t want = static_cast<size_t>(idx) + 1;
  if (ad->count < want) {
    void** grown = static_cast<void**>(std::realloc(ad->slots, want * sizeof(void*)));
    if (!grown) return 0;
    std::fill(grown + ad->count, grown + want, nullptr);
    ad->slots = grown;
    ad->count = want;
  }
  ad->slots[idx] = val;
  return 1;
}

extern "C" void* CRYPTO_get_ex_data(const CRYPTO_EX_DATA* ad, int idx) {
  if (!ad || idx < 0 || static_cast<size_t>(idx) >= ad->count) return nullptr;
  return ad->slots[idx];
}

extern "C" int CRYPTO_new_ex_data(int class_index, void* obj, CRYPTO_EX_DATA* ad) {
  if (!ad || !valid_class(class_index)) return 0;
  *ad = CRYPTO_EX_DATA{};
  sslref::ex_data_new(class_index, obj, ad);
  return 1;
}

extern "C" void CRYPTO_free_ex_data(int class_index, void* obj, CRYPTO_EX_DATA* ad) {
  if (!ad || !valid_class(class_index)) return;
  sslref::ex_data_free(class_index, obj, ad);
}
