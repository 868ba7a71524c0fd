// Session lifecycle benchmarks, compiled three times from this one source:
// against libsslref (sslref_session_bench), the system OpenSSL
// (openssl_session_bench) and Debian's BoringSSL (boringssl_session_bench),
// with each library's real APIs. scripts/bench runs them in one go and
// prints each row of libsslref as a ratio to its peers.
//
// Rows: new+free, up_ref+free, i2d+d2i, and for caches of 10^4, 10^5 and
// 10^6 sessions: add (all N), remove (all N), flush of the 1% that expired.
// Cache rows report the time of one whole batch per iteration; the
// per-session cost is in the ns_per_session counter.
#include <benchmark/benchmark.h>
#include <openssl/ssl.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

namespace {

constexpr long kBaseTime = 1700000000;
constexpr long kTimeout = 100;

// BoringSSL's SSL_SESSION_new takes the context the session is for.
SSL_SESSION* new_session() {
#if defined(OPENSSL_IS_BORINGSSL)
  static SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  return SSL_SESSION_new(ctx);
#else
  return SSL_SESSION_new();
#endif
}

// OpenSSL refuses to encode a session without a cipher; libsslref records a
// nominal one itself. BoringSSL has no public call to set one (the i2d+d2i
// row is skipped there).
void give_cipher(SSL_SESSION* s) {
#if defined(SSLREF_VERSION_TEXT) || defined(OPENSSL_IS_BORINGSSL)
  (void)s;
#else
  static SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  static SSL* ssl = SSL_new(ctx);
  static const SSL_CIPHER* cipher = SSL_CIPHER_find(ssl, reinterpret_cast<const unsigned char*>("\x00\x9c"));
  (void)SSL_SESSION_set_cipher(s, cipher);
#endif
}

// Session IDs are 32 random bytes in real use (servers generate them), so
// the cache rows use pseudo-random IDs from a fixed seed: the same IDs for
// both libraries. (Counter IDs would favour OpenSSL's hash, which is the
// first four ID bytes: consecutive IDs then fill consecutive buckets.)
SSL_SESSION* numbered_session(uint32_t n) {
  SSL_SESSION* s = new_session();
  unsigned char id[32];
  uint64_t x = 0x243f6a8885a308d3ull ^ n;
  for (size_t i = 0; i < sizeof id; i += 8) {
    x += 0x9e3779b97f4a7c15ull;  // splitmix64
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    std::memcpy(id + i, &z, 8);
  }
  (void)SSL_SESSION_set1_id(s, id, sizeof id);
  (void)SSL_SESSION_set_time(s, kBaseTime + static_cast<long>(n));
  (void)SSL_SESSION_set_timeout(s, kTimeout);
  (void)SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION);
  give_cipher(s);
  return s;
}

// N sessions made once per size and kept for the whole run: the cache rows
// measure the cache, not session creation.
const std::vector<SSL_SESSION*>& sessions(size_t n) {
  static std::map<size_t, std::vector<SSL_SESSION*>> made;
  auto& v = made[n];
  if (v.empty())
    for (size_t i = 0; i < n; ++i) v.push_back(numbered_session(static_cast<uint32_t>(i)));
  return v;
}

SSL_CTX* unlimited_cache() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_sess_set_cache_size(ctx, 0);
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_AUTO_CLEAR);
  return ctx;
}

void fill(SSL_CTX* ctx, const std::vector<SSL_SESSION*>& all) {
  for (SSL_SESSION* s : all) (void)SSL_CTX_add_session(ctx, s);
}

void per_session(benchmark::State& state, size_t n) {
  // Inverted rate of n * 1e-9 per iteration: nanoseconds per session.
  state.counters["ns_per_session"] = benchmark::Counter(
      static_cast<double>(n) * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_new_free(benchmark::State& state) {
  for (auto _ : state) {
    SSL_SESSION* s = new_session();
    benchmark::DoNotOptimize(s);
    SSL_SESSION_free(s);
  }
}

void BM_up_ref_free(benchmark::State& state) {
  SSL_SESSION* s = new_session();
  for (auto _ : state) {
    (void)SSL_SESSION_up_ref(s);
    SSL_SESSION_free(s);
  }
  SSL_SESSION_free(s);
}

void BM_i2d_d2i(benchmark::State& state) {
#if defined(OPENSSL_IS_BORINGSSL)
  state.SkipWithError("BoringSSL: no public call gives a session a cipher, which encoding needs");
#else
  SSL_SESSION* s = numbered_session(7);
  unsigned char master_key[48] = {1};
  (void)SSL_SESSION_set1_master_key(s, master_key, sizeof master_key);
  std::vector<unsigned char> buf(static_cast<size_t>(i2d_SSL_SESSION(s, nullptr)));
  for (auto _ : state) {
    unsigned char* w = buf.data();
    benchmark::DoNotOptimize(i2d_SSL_SESSION(s, &w));
    const unsigned char* r = buf.data();
    SSL_SESSION* d = d2i_SSL_SESSION(nullptr, &r, static_cast<long>(buf.size()));
    benchmark::DoNotOptimize(d);
    SSL_SESSION_free(d);
  }
  SSL_SESSION_free(s);
#endif
}

void BM_cache_add(benchmark::State& state) {
  const auto& all = sessions(static_cast<size_t>(state.range(0)));
  SSL_CTX* ctx = unlimited_cache();
  for (auto _ : state) {
    fill(ctx, all);
    state.PauseTiming();
    for (SSL_SESSION* s : all) (void)SSL_CTX_remove_session(ctx, s);
    state.ResumeTiming();
  }
  per_session(state, all.size());
  SSL_CTX_free(ctx);
}

void BM_cache_remove(benchmark::State& state) {
  const auto& all = sessions(static_cast<size_t>(state.range(0)));
  SSL_CTX* ctx = unlimited_cache();
  for (auto _ : state) {
    state.PauseTiming();
    fill(ctx, all);
    state.ResumeTiming();
    for (SSL_SESSION* s : all) (void)SSL_CTX_remove_session(ctx, s);
  }
  per_session(state, all.size());
  SSL_CTX_free(ctx);
}

// The cache holds N sessions expiring one second apart; a flush at the
// right time removes the oldest 1%. Between iterations those are added back
// (newest first, so that each goes to the old end of OpenSSL's list in
// constant time).
void BM_cache_flush_1_percent(benchmark::State& state) {
  const auto& all = sessions(static_cast<size_t>(state.range(0)));
  const size_t expired = all.size() / 100;
  const long flush_at = kBaseTime + static_cast<long>(expired) + kTimeout;
  SSL_CTX* ctx = unlimited_cache();
  fill(ctx, all);
  for (auto _ : state) {
    SSL_CTX_flush_sessions(ctx, flush_at);
    state.PauseTiming();
    if (static_cast<size_t>(SSL_CTX_sess_number(ctx)) != all.size() - expired) state.SkipWithError("flush removed a wrong number");
    for (size_t i = expired; i-- > 0;) (void)SSL_CTX_add_session(ctx, all[i]);
    state.ResumeTiming();
  }
  per_session(state, expired);
  SSL_CTX_free(ctx);
}

}  // namespace

BENCHMARK(BM_new_free);
BENCHMARK(BM_up_ref_free);
BENCHMARK(BM_i2d_d2i);
BENCHMARK(BM_cache_add)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cache_remove)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_cache_flush_1_percent)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
