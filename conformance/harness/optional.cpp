// The optional calls behind the probe results. Each body is the call where
// the headers declare it, else the Missing exception.
#include "harness/optional.hpp"

#include <sslconf_available.h>

#include <mutex>

namespace sslconf::harness::optional {

namespace {
[[noreturn]] void missing(const char* fn) { throw Missing(fn); }
}  // namespace

// Every context the harness makes starts here, so the library is set up
// before its first use on releases that need it.
const SSL_METHOD* tls_method() {
  initialise_library();
#if SSLCONF_HAS_TLS_method
  return TLS_method();
#elif SSLCONF_HAS_SSLv23_method
  return SSLv23_method();
#else
  missing("TLS_method");
#endif
}

void initialise_library() {
#if SSLCONF_HAS_SSL_library_init
  static std::once_flag once;
  std::call_once(once, [] { SSL_library_init(); });
#endif
}

int session_up_ref(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_up_ref
  return SSL_SESSION_up_ref(s);
#else
  (void)s;
  missing("SSL_SESSION_up_ref");
#endif
}

int ctx_up_ref(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_up_ref
  return SSL_CTX_up_ref(ctx);
#else
  (void)ctx;
  missing("SSL_CTX_up_ref");
#endif
}

int ssl_up_ref(SSL* ssl) {
#if SSLCONF_HAS_SSL_up_ref
  return SSL_up_ref(ssl);
#else
  (void)ssl;
  missing("SSL_up_ref");
#endif
}

int bio_up_ref(BIO* bio) {
#if SSLCONF_HAS_BIO_up_ref
  return BIO_up_ref(bio);
#else
  (void)bio;
  missing("BIO_up_ref");
#endif
}

SSL_SESSION* session_dup(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_dup
  return SSL_SESSION_dup(s);
#else
  (void)s;
  missing("SSL_SESSION_dup");
#endif
}

int session_is_resumable(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_is_resumable
  return SSL_SESSION_is_resumable(s);
#else
  (void)s;
  missing("SSL_SESSION_is_resumable");
#endif
}

long long session_set_time(SSL_SESSION* s, long t) {
#if SSLCONF_HAS_SSL_SESSION_set_time
  return static_cast<long long>(SSL_SESSION_set_time(s, t));
#else
  (void)s, (void)t;
  missing("SSL_SESSION_set_time");
#endif
}

int session_set1_id(SSL_SESSION* s, const unsigned char* id, unsigned int len) {
#if SSLCONF_HAS_SSL_SESSION_set1_id
  return SSL_SESSION_set1_id(s, id, len);
#else
  (void)s, (void)id, (void)len;
  missing("SSL_SESSION_set1_id");
#endif
}

int session_set1_id_context(SSL_SESSION* s, const unsigned char* ctx, unsigned int len) {
#if SSLCONF_HAS_SSL_SESSION_set1_id_context
  return SSL_SESSION_set1_id_context(s, ctx, len);
#else
  (void)s, (void)ctx, (void)len;
  missing("SSL_SESSION_set1_id_context");
#endif
}

const unsigned char* session_get0_id_context(SSL_SESSION* s, unsigned int* len) {
#if SSLCONF_HAS_SSL_SESSION_get0_id_context
  return SSL_SESSION_get0_id_context(s, len);
#else
  (void)s, (void)len;
  missing("SSL_SESSION_get0_id_context");
#endif
}

std::size_t session_get_master_key(SSL_SESSION* s, unsigned char* out, std::size_t len) {
#if SSLCONF_HAS_SSL_SESSION_get_master_key
  return SSL_SESSION_get_master_key(s, out, len);
#else
  (void)s, (void)out, (void)len;
  missing("SSL_SESSION_get_master_key");
#endif
}

int session_set1_master_key(SSL_SESSION* s, const unsigned char* key, std::size_t len) {
#if SSLCONF_HAS_SSL_SESSION_set1_master_key
  return SSL_SESSION_set1_master_key(s, key, len);
#else
  (void)s, (void)key, (void)len;
  missing("SSL_SESSION_set1_master_key");
#endif
}

int set_session_id_context(SSL* ssl, const unsigned char* ctx, unsigned int len) {
#if SSLCONF_HAS_SSL_set_session_id_context
  return SSL_set_session_id_context(ssl, ctx, len);
#else
  (void)ssl, (void)ctx, (void)len;
  missing("SSL_set_session_id_context");
#endif
}

const void* session_get0_peer(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_get0_peer
  return SSL_SESSION_get0_peer(s);
#else
  (void)s;
  missing("SSL_SESSION_get0_peer");
#endif
}

SSL* ssl_dup(SSL* ssl) {
#if SSLCONF_HAS_SSL_dup
  return SSL_dup(ssl);
#else
  (void)ssl;
  missing("SSL_dup");
#endif
}

int session_get_protocol_version(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_get_protocol_version
  return SSL_SESSION_get_protocol_version(s);
#else
  (void)s;
  missing("SSL_SESSION_get_protocol_version");
#endif
}

int session_set_protocol_version(SSL_SESSION* s, int version) {
#if SSLCONF_HAS_SSL_SESSION_set_protocol_version
  return SSL_SESSION_set_protocol_version(s, version);
#else
  (void)s, (void)version;
  missing("SSL_SESSION_set_protocol_version");
#endif
}

SSL_SESSION* get0_session(SSL* ssl) {
#if SSLCONF_HAS_SSL_get0_session
  return SSL_get0_session(ssl);
#else
  (void)ssl;
  missing("SSL_get0_session");
#endif
}

int ctx_set_min_proto_version(SSL_CTX* ctx, int version) {
#if SSLCONF_HAS_SSL_CTX_set_min_proto_version
  return static_cast<int>(SSL_CTX_set_min_proto_version(ctx, version));
#else
  (void)ctx, (void)version;
  missing("SSL_CTX_set_min_proto_version");
#endif
}

int ctx_set_max_proto_version(SSL_CTX* ctx, int version) {
#if SSLCONF_HAS_SSL_CTX_set_max_proto_version
  return static_cast<int>(SSL_CTX_set_max_proto_version(ctx, version));
#else
  (void)ctx, (void)version;
  missing("SSL_CTX_set_max_proto_version");
#endif
}

bool has_tls13() { return SSLCONF_HAS_TLS1_3_VERSION && SSLCONF_HAS_SSL_CTX_set_max_proto_version; }

int tls13_version() {
#if SSLCONF_HAS_TLS1_3_VERSION
  return TLS1_3_VERSION;
#else
  missing("TLS1_3_VERSION");
#endif
}

long long bio_write_guarantee(BIO* bio) {
#if SSLCONF_HAS_BIO_ctrl_get_write_guarantee
  return static_cast<long long>(BIO_ctrl_get_write_guarantee(bio));
#else
  (void)bio;
  missing("BIO_ctrl_get_write_guarantee");
#endif
}

}  // namespace sslconf::harness::optional
