// SSL_SESSION: a reference-counted record of one negotiated session. The
// C++ helpers come first; the C entry points at the end are thin shims.
#include "internal.hpp"

#include <deque>
#include <new>

namespace sslref {
namespace {

// The checked build never hands a destroyed session's memory back at once:
// it keeps the last few thousand marked dead, so a second free or a use
// after free is recognised and reported instead of corrupting the heap.
class Quarantine {
 public:
  void keep(SSL_SESSION* s) {
    std::lock_guard<std::mutex> guard(lock_);
    dead_.push_back(s);
    if (dead_.size() > kCapacity) {
      delete dead_.front();
      dead_.pop_front();
    }
  }

 private:
  static constexpr size_t kCapacity = 4096;
  std::mutex lock_;
  std::deque<SSL_SESSION*> dead_;
};

Quarantine& quarantine() {
  static Quarantine* q = new Quarantine;  // never destroyed: sessions may die at exit
  return *q;
}

void release_memory(SSL_SESSION* s) {
  if (kChecked) {
    s->magic.store(ssl_session_st::kDead);
    quarantine().keep(s);
  } else {
    delete s;
  }
}

void copy_fields(SSL_SESSION* to, const SSL_SESSION* from) {
  to->time = from->time;
  to->timeout = from->timeout;
  to->version = from->version;
  to->cipher_id = from->cipher_id;
  to->verify_result = from->verify_result;
  to->max_fragment_len_mode = from->max_fragment_len_mode;
  to->kex_group = from->kex_group;
  to->id = from->id;
  to->sid_ctx = from->sid_ctx;
  to->master_key = from->master_key;
  to->not_resumable.store(from->not_resumable.load());
}

}  // namespace

void session_destroy(SSL_SESSION* s, const char* call) {
  if (kChecked && s->owner.load() != nullptr)
    misuse(call,
           "reference count reached zero while the session is still in an SSL_CTX cache "
           "(reference-count underflow: a reference was released twice)",
           s);
  ex_data_free(CRYPTO_EX_INDEX_SSL_SESSION, s, &s->ex_data);
  release_memory(s);
}

SSL_SESSION* session_new_at(int64_t when) {
  SSL_SESSION* s = new (std::nothrow) SSL_SESSION;
  if (!s) return nullptr;
  s->time = when;
  ex_data_new(CRYPTO_EX_INDEX_SSL_SESSION, s, &s->ex_data);
  return s;
}

SSL_SESSION* session_dup(const SSL_SESSION* src) {
  SSL_SESSION* copy = new (std::nothrow) SSL_SESSION;
  if (!copy) return nullptr;
  copy_fields(copy, src);
  ex_data_new(CRYPTO_EX_INDEX_SSL_SESSION, copy, &copy->ex_data);
  if (!ex_data_dup(CRYPTO_EX_INDEX_SSL_SESSION, &copy->ex_data, &src->ex_data)) {
    session_release(copy, "SSL_SESSION_dup");
    return nullptr;
  }
  return copy;
}

}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------
using sslref::session_check_live;

extern "C" SSL_SESSION* SSL_SESSION_new(void) { return sslref::session_new_at(sslref::now()); }

extern "C" SSL_SESSION* SSL_SESSION_dup(const SSL_SESSION* src) {
  if (!src) return nullptr;
  session_check_live(src, "SSL_SESSION_dup");
  return sslref::session_dup(src);
}

extern "C" int SSL_SESSION_up_ref(SSL_SESSION* ses) {
  if (!ses) return 0;
  session_check_live(ses, "SSL_SESSION_up_ref");
  ses->refs.fetch_add(1, std::memory_order_relaxed);
  return 1;
}

extern "C" void SSL_SESSION_free(SSL_SESSION* ses) {
  if (ses) sslref::session_release(ses, "SSL_SESSION_free");
}

extern "C" long SSL_SESSION_get_time(const SSL_SESSION* s) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_get_time");
  return static_cast<long>(s->time);
}

extern "C" long SSL_SESSION_set_time(SSL_SESSION* s, long t) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_set_time");
  sslref::cache_session_times_changed(s, t, s->timeout);
  return t;  // what OpenSSL 3.0 returns, and what pod/ documents
}

extern "C" long SSL_SESSION_get_timeout(const SSL_SESSION* s) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_get_timeout");
  return static_cast<long>(s->timeout);
}

extern "C" long SSL_SESSION_set_timeout(SSL_SESSION* s, long t) {
  if (!s || t < 0) return 0;  // OpenSSL 3 refuses a negative timeout too
  session_check_live(s, "SSL_SESSION_set_timeout");
  sslref::cache_session_times_changed(s, s->time, t);
  return 1;
}

extern "C" int SSL_SESSION_get_protocol_version(const SSL_SESSION* s) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_get_protocol_version");
  return s->version;
}

extern "C" int SSL_SESSION_set_protocol_version(SSL_SESSION* s, int version) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_set_protocol_version");
  s->version = version;
  return 1;
}

extern "C" const unsigned char* SSL_SESSION_get_id(const SSL_SESSION* s, unsigned int* len) {
  if (!s) {
    if (len) *len = 0;
    return nullptr;
  }
  session_check_live(s, "SSL_SESSION_get_id");
  if (len) *len = s->id.len;
  return s->id.data;
}

extern "C" int SSL_SESSION_set1_id(SSL_SESSION* s, const unsigned char* sid, unsigned int sid_len) {
  if (!s || (!sid && sid_len)) return 0;
  session_check_live(s, "SSL_SESSION_set1_id");
  return s->id.assign(sid, sid_len) ? 1 : 0;
}

extern "C" const unsigned char* SSL_SESSION_get0_id_context(const SSL_SESSION* s, unsigned int* len) {
  if (!s) {
    if (len) *len = 0;
    return nullptr;
  }
  session_check_live(s, "SSL_SESSION_get0_id_context");
  if (len) *len = s->sid_ctx.len;
  return s->sid_ctx.data;
}

extern "C" int SSL_SESSION_set1_id_context(SSL_SESSION* s, const unsigned char* sid_ctx, unsigned int sid_ctx_len) {
  if (!s || (!sid_ctx && sid_ctx_len)) return 0;
  session_check_live(s, "SSL_SESSION_set1_id_context");
  return s->sid_ctx.assign(sid_ctx, sid_ctx_len) ? 1 : 0;
}

extern "C" size_t SSL_SESSION_get_master_key(const SSL_SESSION* sess, unsigned char* out, size_t outlen) {
  if (!sess) return 0;
  session_check_live(sess, "SSL_SESSION_get_master_key");
  if (outlen == 0) return sess->master_key.len;
  const size_t n = outlen < sess->master_key.len ? outlen : sess->master_key.len;
  if (n) std::memcpy(out, sess->master_key.data, n);
  return n;
}

extern "C" int SSL_SESSION_set1_master_key(SSL_SESSION* sess, const unsigned char* in, size_t len) {
  if (!sess || (!in && len)) return 0;
  session_check_live(sess, "SSL_SESSION_set1_master_key");
  return sess->master_key.assign(in, len) ? 1 : 0;
}

extern "C" int SSL_SESSION_is_resumable(const SSL_SESSION* s) {
  if (!s) return 0;
  session_check_live(s, "SSL_SESSION_is_resumable");
  return !s->not_resumable.load() && s->id.len > 0 ? 1 : 0;
}

extern "C" int SSL_SESSION_set_ex_data(SSL_SESSION* ss, int idx, void* data) {
  if (!ss) return 0;
  session_check_live(ss, "SSL_SESSION_set_ex_data");
  return CRYPTO_set_ex_data(&ss->ex_data, idx, data);
}

extern "C" void* SSL_SESSION_get_ex_data(const SSL_SESSION* ss, int idx) {
  if (!ss) return nullptr;
  session_check_live(ss, "SSL_SESSION_get_ex_data");
  return CRYPTO_get_ex_data(&ss->ex_data, idx);
}
