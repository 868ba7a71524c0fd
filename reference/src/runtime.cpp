// What every object file leans on: the clock (replaceable by tests), the
// checked build's misuse report, the non-cryptographic byte source of the
// loopback handshake, and the version text.
#include "internal.hpp"

#include <sslref/test_hooks.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>

namespace {

std::atomic<long (*)(void)> g_clock{nullptr};

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

namespace sslref {

int64_t now() {
  long (*clock)(void) = g_clock.load(std::memory_order_acquire);
  return clock ? clock() : static_cast<int64_t>(std::time(nullptr));
}

void misuse(const char* call, const char* what, const void* object) {
  std::fprintf(stderr, "libsslref: %s: %s (object %p)\n", call, what, object);
  std::fflush(stderr);
  std::abort();
}

void fill_pseudo_random(unsigned char* out, size_t n) {
  // Unique, unpredictable enough for IDs in one process; NOT a CSPRNG, and
  // nothing here needs one: the handshake is not TLS.
  static const uint64_t seed = std::random_device{}();
  static std::atomic<uint64_t> counter{0};
  for (size_t i = 0; i < n; i += 8) {
    const uint64_t v = splitmix64(seed ^ counter.fetch_add(1, std::memory_order_relaxed) * 0x9e3779b97f4a7c15ull);
    std::memcpy(out + i, &v, n - i < 8 ? n - i : 8);
  }
}

}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------

extern "C" void sslref_test_set_clock(long (*clock)(void)) { g_clock.store(clock, std::memory_order_release); }

extern "C" int sslref_checked_build(void) { return sslref::kChecked ? 1 : 0; }

extern "C" const char* OpenSSL_version(int type) {
  switch (type) {
    case OPENSSL_VERSION:
    case OPENSSL_FULL_VERSION_STRING:
      return SSLREF_VERSION_TEXT;
    case OPENSSL_VERSION_STRING:
      return "0.1.0";
    case OPENSSL_CFLAGS:
      return "compiler: not available";
    case OPENSSL_BUILT_ON:
      return "built on: not available";
    case OPENSSL_PLATFORM:
      return "platform: not available";
    case OPENSSL_DIR:
      return "OPENSSLDIR: not available";
    case OPENSSL_ENGINES_DIR:
      return "ENGINESDIR: not available";
    case OPENSSL_MODULES_DIR:
      return "MODULESDIR: not available";
    case OPENSSL_CPU_INFO:
      return "CPUINFO: not available";
    default:
      return "not available";
  }
}
