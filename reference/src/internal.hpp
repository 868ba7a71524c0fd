// Internal definitions shared by the object files of libsslref. Each object
// has its own file (session, context, connection, cache, encoding); this
// header only holds the struct layouts and the few helpers they share.
#pragma once

#include <openssl/ssl.h>

#include <boost/intrusive/set.hpp>
#include <boost/intrusive/unordered_set.hpp>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace sslref {

// ---- checked build -------------------------------------------------------
#if defined(SSLREF_CHECKED)
inline constexpr bool kChecked = true;
#else
inline constexpr bool kChecked = false;
#endif

// Prints "libsslref: <call>: <what>" and aborts. Used by the checked build
// for caller misuse only.
[[noreturn]] void misuse(const char* call, const char* what, const void* object);

// ---- clock ---------------------------------------------------------------
int64_t now();

// Saturating a + b: time arithmetic never wraps.
inline int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// ---- byte strings with a fixed capacity ----------------------------------
template <size_t N>
struct Bytes {
  unsigned char data[N] = {};
  unsigned len = 0;
  bool assign(const unsigned char* p, size_t n) {
    if (n > N) return false;
    if (n) std::memcpy(data, p, n);
    len = static_cast<unsigned>(n);
    return true;
  }
  bool operator==(const Bytes& o) const { return len == o.len && std::memcmp(data, o.data, len) == 0; }
};
using SessionId = Bytes<SSL_MAX_SSL_SESSION_ID_LENGTH>;
using SidCtx = Bytes<SSL_MAX_SID_CTX_LENGTH>;
// OpenSSL 3 keeps room for a TLS 1.3 resumption PSK (up to 64 bytes) in the
// master key field, so sessions it encodes may carry more than
// SSL_MAX_MASTER_KEY_LENGTH bytes there.
constexpr size_t kMasterKeyCapacity = 64;
using MasterKey = Bytes<kMasterKeyCapacity>;

// Session IDs are usually random, but callers may choose them (tests use
// counters and repeated bytes), so all bytes are mixed, a word at a time.
struct SessionIdHash {
  size_t operator()(const SessionId& id) const {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ id.len;
    for (unsigned i = 0; i < id.len; i += 8) {
      uint64_t w = 0;
      std::memcpy(&w, id.data + i, id.len - i < 8 ? id.len - i : 8);
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
    return static_cast<size_t>(h);
  }
};

// ---- ex_data registry ----------------------------------------------------
void ex_data_new(int class_index, void* parent, CRYPTO_EX_DATA* ad);
bool ex_data_dup(int class_index, CRYPTO_EX_DATA* to, const CRYPTO_EX_DATA* from);
void ex_data_free(int class_index, void* parent, CRYPTO_EX_DATA* ad);

// ---- random bytes (not cryptographic: the handshake is not TLS) ----------
void fill_pseudo_random(unsigned char* out, size_t n);

namespace bi = boost::intrusive;
using ExpiryHook = bi::set_member_hook<bi::link_mode<bi::normal_link>>;
using IdHook = bi::unordered_set_member_hook<bi::link_mode<bi::normal_link>, bi::store_hash<true>>;

}  // namespace sslref

// TLS_RSA_WITH_AES_128_GCM_SHA256 and TLS_AES_128_GCM_SHA256: the nominal
// suites sessions record (see ssl_session_st::cipher_id).
constexpr uint16_t kNominalCipherTls12 = 0x009c;
constexpr uint16_t kNominalCipherTls13 = 0x1301;

// The session. Fields other than refs/owner/cache_pos are protected by the
// owner's cache lock while cached (set_time/set_timeout reposition it).
struct ssl_session_st {
  static constexpr uint32_t kLive = 0x5e55104e;
  static constexpr uint32_t kDead = 0xdeadbeef;

  // What the cache touches on every add, remove and flush comes first, so
  // that it shares as few cache lines as possible.
  std::atomic<uint32_t> magic{kLive};
  std::atomic<int> refs{1};
  // Cache membership: the context whose cache holds this session (NULL when
  // none) and its links in that cache's two indexes, which live in the
  // session itself so that caching allocates nothing. The keys are copies
  // taken when it was linked: changing the ID or times of a cached session
  // cannot corrupt the indexes.
  std::atomic<SSL_CTX*> owner{nullptr};
  sslref::IdHook id_hook;
  sslref::ExpiryHook expiry_hook;
  int64_t cached_expiry = 0;
  sslref::SessionId cached_id;
  int64_t time = 0;
  int64_t timeout = 304;
  sslref::SessionId id;
  std::atomic<bool> not_resumable{false};
  int version = 0;
  sslref::SidCtx sid_ctx;
  sslref::MasterKey master_key;
  // Carried only so that DER encodings round-trip with OpenSSL's. No cipher
  // ever runs; the suite is nominal, but OpenSSL refuses to decode a
  // session whose suite it does not know, so one is always recorded.
  uint16_t cipher_id = kNominalCipherTls12;
  int64_t verify_result = 1;           // OpenSSL's initial value
  int64_t max_fragment_len_mode = 255;  // "unspecified"
  int64_t kex_group = 0;
  CRYPTO_EX_DATA ex_data{};

  int64_t expiry() const { return sslref::saturating_add(time, timeout); }
};

namespace sslref {
// Session helpers used by other objects. The two on every reference-count
// path are inline: a call across the shared library's symbol table costs
// more than the atomic operation itself.
SSL_SESSION* session_new_at(int64_t when);
// A copy that belongs to no cache, ex_data copied (SSL_SESSION_dup).
SSL_SESSION* session_dup(const SSL_SESSION* src);
// Frees a session whose last reference is gone (session.cpp).
void session_destroy(SSL_SESSION* s, const char* call);

// In the checked build, aborts when s was already destroyed; a no-op
// otherwise.
inline void session_check_live(const SSL_SESSION* s, const char* call) {
  if (kChecked && s && s->magic.load() != ssl_session_st::kLive)
    misuse(call, "SSL_SESSION already freed (double free or use after free)", s);
}

// Drops one reference and destroys s with the last one. The decrement
// releases (this owner's writes to s come before it); the owner that sees
// the count reach zero loads it once more with acquire, which reads its own
// decrement, the end of the release sequence of every other owner's, so it
// sees their writes before destroying. (An acquire load rather than a
// fence: ThreadSanitizer does not model standalone fences and reported the
// destruction as a race.) Increments may stay relaxed: a new reference is
// always taken from one already held.
inline void session_release(SSL_SESSION* s, const char* call) {
  session_check_live(s, call);
  const int before = s->refs.fetch_sub(1, std::memory_order_release);
  if (before > 1) return;
  (void)s->refs.load(std::memory_order_acquire);
  if (kChecked && before < 1) misuse(call, "reference count underflow", s);
  session_destroy(s, call);
}
}  // namespace sslref

struct ssl_method_st {
  int role;  // 0 both, 1 client, 2 server
};

namespace sslref {
struct ExpiryKey {
  using type = int64_t;
  type operator()(const SSL_SESSION& s) const { return s.cached_expiry; }
};
struct IdKey {
  using type = SessionId;
  const type& operator()(const SSL_SESSION& s) const { return s.cached_id; }
};
using ExpiryIndex = bi::multiset<SSL_SESSION, bi::member_hook<SSL_SESSION, ExpiryHook, &SSL_SESSION::expiry_hook>,
                                 bi::key_of_value<ExpiryKey>, bi::constant_time_size<false>>;
using IdIndex = bi::unordered_set<SSL_SESSION, bi::member_hook<SSL_SESSION, IdHook, &SSL_SESSION::id_hook>,
                                  bi::key_of_value<IdKey>, bi::hash<SessionIdHash>, bi::power_2_buckets<true>, bi::compare_hash<true>,
                                  bi::constant_time_size<true>>;
}  // namespace sslref

// The session cache of one context: a hash index by session ID (add,
// remove, lookup in O(1)) and an index ordered by expiry time (a red-black
// tree: eviction of the first to expire, and a flush that visits only the
// sessions it removes, in O(log n) each). Both are intrusive.
struct SessionCache {
  SessionCache();
  ~SessionCache();
  std::mutex lock;
  std::vector<sslref::IdIndex::bucket_type> buckets;
  sslref::IdIndex by_id;
  sslref::ExpiryIndex by_expiry;
};

struct ssl_ctx_st {
  std::atomic<uint32_t> magic{0xc0a7e47u};
  std::atomic<int> refs{1};
  const SSL_METHOD* method = nullptr;
  std::atomic<long> cache_mode{SSL_SESS_CACHE_SERVER};
  std::atomic<long> cache_size{SSL_SESSION_CACHE_MAX_SIZE_DEFAULT};
  std::atomic<long> session_timeout{7200};
  std::atomic<uint64_t> options{0};
  int min_version = 0;
  int max_version = 0;
  sslref::SidCtx sid_ctx;
  bool have_certificate = false;
  bool have_private_key = false;
  int (*new_session_cb)(SSL*, SSL_SESSION*) = nullptr;
  void (*remove_session_cb)(SSL_CTX*, SSL_SESSION*) = nullptr;
  std::atomic<unsigned> good_handshakes_client{0};
  std::atomic<unsigned> good_handshakes_server{0};
  SessionCache cache;
};

namespace sslref {
// Cache operations (cache.cpp); all take the cache lock themselves.
int cache_add(SSL_CTX* ctx, SSL_SESSION* s);
int cache_remove(SSL_CTX* ctx, SSL_SESSION* s);
void cache_flush(SSL_CTX* ctx, int64_t tm, bool all);
long cache_count(SSL_CTX* ctx);
// Finds an unexpired session with this ID and ID context; returns it with a
// reference added, or NULL. An expired match is removed from the cache.
SSL_SESSION* cache_lookup(SSL_CTX* ctx, const SessionId& id, const SidCtx& sid_ctx, int version);
// Repositions a cached session after its time or timeout changed.
void cache_session_times_changed(SSL_SESSION* s, int64_t time, int64_t timeout);
}  // namespace sslref

// One endpoint of a BIO pair. The two ends share the Pair; each end reads
// what the other wrote.
struct BioPair {
  std::mutex lock;
  std::vector<unsigned char> buf[2];  // buf[i]: written by end i, read by end 1-i
  size_t cap[2] = {0, 0};
  bool closed[2] = {false, false};  // end i was freed
};

struct bio_st {
  std::atomic<int> refs{1};
  std::shared_ptr<BioPair> pair;
  int end = 0;
};

namespace sslref {
// Returns bytes written (>0), or 0 when the buffer is full (retry later),
// -1 when the peer is gone.
long bio_write(BIO* b, const unsigned char* p, size_t n);
// Returns bytes read (>0), 0 when nothing is there yet, -1 when the peer is
// gone (its unread bytes went with it).
long bio_read(BIO* b, unsigned char* p, size_t n);
}  // namespace sslref

enum class HsState {
  kBefore,          // nothing done yet
  kClientSendHello,
  kClientWaitServerHello,
  kClientSendFinished,
  kServerWaitHello,
  kServerSendHello,
  kServerWaitFinished,
  kDone,
  kFailed,
  kClosed,  // the peer closed in an orderly way before the handshake completed
};

struct ssl_st {
  SSL_CTX* ctx = nullptr;
  SSL_CTX* session_ctx = nullptr;  // holds a reference of its own (see SSL_new)
  BIO* rbio = nullptr;
  BIO* wbio = nullptr;
  bool server = false;
  bool role_set = false;
  HsState state = HsState::kBefore;
  SSL_SESSION* session = nullptr;
  bool hit = false;
  int shutdown = 0;  // SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN
  int last_error = SSL_ERROR_NONE;
  sslref::SidCtx sid_ctx;
  int negotiated_version = 0;
  bool renegotiate = false;  // SSL_renegotiate asked for a new handshake that has not completed
  std::vector<unsigned char> out;  // bytes waiting to be written
  std::vector<unsigned char> in;   // bytes read, not yet a whole message
};

namespace sslref {
int handshake_step(SSL* s);
int shutdown_step(SSL* s);
}  // namespace sslref
