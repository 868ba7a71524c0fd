// The optional calls behind the probe results. Each body is the call where
// the headers declare it, else the Missing exception.
#include "harness/optional.hpp"

#include <sslconf_available.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

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

long long session_ticket_lifetime_hint(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_get_ticket_lifetime_hint
  return static_cast<long long>(SSL_SESSION_get_ticket_lifetime_hint(s));
#else
  (void)s;
  missing("SSL_SESSION_get_ticket_lifetime_hint");
#endif
}

#if SSLCONF_HAS_SSL_CTX_set_session_ticket_cb
namespace {
// A ticket that decrypts is used and a new one sent in its place.
SSL_TICKET_RETURN renew_good_tickets(SSL*, SSL_SESSION*, const unsigned char*, size_t, SSL_TICKET_STATUS status, void*) {
  if (status == SSL_TICKET_SUCCESS || status == SSL_TICKET_SUCCESS_RENEW) return SSL_TICKET_RETURN_USE_RENEW;
  return status == SSL_TICKET_EMPTY || status == SSL_TICKET_NO_DECRYPT ? SSL_TICKET_RETURN_IGNORE_RENEW : SSL_TICKET_RETURN_ABORT;
}
}  // namespace
#endif

void ctx_set_num_tickets(SSL_CTX* ctx, std::size_t n) {
#if SSLCONF_HAS_SSL_CTX_set_num_tickets
  if (SSL_CTX_set_num_tickets(ctx, n) != 1) missing("SSL_CTX_set_num_tickets");
#else
  (void)ctx, (void)n;
  missing("SSL_CTX_set_num_tickets");
#endif
}

void ctx_renew_tickets(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_set_session_ticket_cb
  if (SSL_CTX_set_session_ticket_cb(ctx, nullptr, renew_good_tickets, nullptr) != 1) missing("SSL_CTX_set_session_ticket_cb");
#else
  (void)ctx;
  missing("SSL_CTX_set_session_ticket_cb");
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

int get_shutdown(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_shutdown
  return SSL_get_shutdown(ssl);
#else
  (void)ssl;
  missing("SSL_get_shutdown");
#endif
}

const SSL_METHOD* get_ssl_method(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_ssl_method
  return SSL_get_ssl_method(ssl);
#else
  (void)ssl;
  missing("SSL_get_ssl_method");
#endif
}

const SSL_METHOD* ctx_get_ssl_method(const SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_get_ssl_method
  return SSL_CTX_get_ssl_method(ctx);
#else
  (void)ctx;
  missing("SSL_CTX_get_ssl_method");
#endif
}

int set_cipher_list(SSL* ssl, const char* list) {
#if SSLCONF_HAS_SSL_set_cipher_list
  return SSL_set_cipher_list(ssl, list);
#else
  (void)ssl;
  (void)list;
  missing("SSL_set_cipher_list");
#endif
}

std::string cipher_list(SSL* ssl) {
#if SSLCONF_HAS_SSL_get_cipher_list
  std::string out;
  for (int i = 0; const char* name = SSL_get_cipher_list(ssl, i); ++i) out += (i ? ":" : "") + std::string(name);
  return out;
#else
  (void)ssl;
  missing("SSL_get_cipher_list");
#endif
}

const BIO* get_rbio(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_rbio
  return SSL_get_rbio(ssl);
#else
  (void)ssl;
  missing("SSL_get_rbio");
#endif
}

const BIO* get_wbio(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_wbio
  return SSL_get_wbio(ssl);
#else
  (void)ssl;
  missing("SSL_get_wbio");
#endif
}

unsigned long long ctx_clear_options(SSL_CTX* ctx, unsigned long long options) {
#if SSLCONF_HAS_SSL_CTX_clear_options
  return static_cast<unsigned long long>(SSL_CTX_clear_options(ctx, options));
#else
  (void)ctx;
  (void)options;
  missing("SSL_CTX_clear_options");
#endif
}

unsigned long long get_options(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_options
  return static_cast<unsigned long long>(SSL_get_options(ssl));
#else
  (void)ssl;
  missing("SSL_get_options");
#endif
}

void ctx_set_verify_peer(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_set_verify
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
#else
  (void)ctx;
  missing("SSL_CTX_set_verify");
#endif
}

bool verifies_peer(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_verify_mode
  return SSL_get_verify_mode(ssl) == SSL_VERIFY_PEER;
#else
  (void)ssl;
  missing("SSL_get_verify_mode");
#endif
}

void set_shutdown(SSL* ssl, int mode) {
#if SSLCONF_HAS_SSL_set_shutdown
  SSL_set_shutdown(ssl, mode);
#else
  (void)ssl;
  (void)mode;
  missing("SSL_set_shutdown");
#endif
}

void set_quiet_shutdown(SSL* ssl, int mode) {
#if SSLCONF_HAS_SSL_set_quiet_shutdown
  SSL_set_quiet_shutdown(ssl, mode);
#else
  (void)ssl;
  (void)mode;
  missing("SSL_set_quiet_shutdown");
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

SSL_CTX* ssl_get_ssl_ctx(const SSL* ssl) {
#if SSLCONF_HAS_SSL_get_SSL_CTX
  return SSL_get_SSL_CTX(ssl);
#else
  (void)ssl;
  missing("SSL_get_SSL_CTX");
#endif
}

unsigned long session_cipher_id(SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_SESSION_get0_cipher
  const SSL_CIPHER* c = SSL_SESSION_get0_cipher(s);
  return c ? static_cast<unsigned long>(SSL_CIPHER_get_id(c)) : 0;
#else
  (void)s;
  missing("SSL_SESSION_get0_cipher");
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

int ctx_get_min_proto_version(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_get_min_proto_version
  return static_cast<int>(SSL_CTX_get_min_proto_version(ctx));
#else
  (void)ctx;
  missing("SSL_CTX_get_min_proto_version");
#endif
}

int ctx_get_max_proto_version(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_get_max_proto_version
  return static_cast<int>(SSL_CTX_get_max_proto_version(ctx));
#else
  (void)ctx;
  missing("SSL_CTX_get_max_proto_version");
#endif
}

void ctx_set_security_level(SSL_CTX* ctx, int level) {
#if SSLCONF_HAS_SSL_CTX_set_security_level
  SSL_CTX_set_security_level(ctx, level);
#else
  (void)ctx, (void)level;
  missing("SSL_CTX_set_security_level");
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

SSL_CTX* ctx_new_ex(const SSL_METHOD* method) {
#if SSLCONF_HAS_SSL_CTX_new_ex
  return SSL_CTX_new_ex(nullptr, nullptr, method);
#else
  (void)method;
  missing("SSL_CTX_new_ex");
#endif
}

void ctx_sess_set_new_cb(SSL_CTX* ctx, NewSessionCallback cb) {
#if SSLCONF_HAS_SSL_CTX_sess_set_new_cb
  SSL_CTX_sess_set_new_cb(ctx, cb);
#else
  (void)ctx, (void)cb;
  missing("SSL_CTX_sess_set_new_cb");
#endif
}

NewSessionCallback ctx_sess_get_new_cb(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_sess_get_new_cb
  return SSL_CTX_sess_get_new_cb(ctx);
#else
  (void)ctx;
  missing("SSL_CTX_sess_get_new_cb");
#endif
}

RemoveSessionCallback ctx_sess_get_remove_cb(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_sess_get_remove_cb
  return SSL_CTX_sess_get_remove_cb(ctx);
#else
  (void)ctx;
  missing("SSL_CTX_sess_get_remove_cb");
#endif
}

void ctx_sess_set_get_cb(SSL_CTX* ctx, GetSessionCallback cb) {
#if SSLCONF_HAS_SSL_CTX_sess_set_get_cb
  SSL_CTX_sess_set_get_cb(ctx, cb);
#else
  (void)ctx, (void)cb;
  missing("SSL_CTX_sess_set_get_cb");
#endif
}

GetSessionCallback ctx_sess_get_get_cb(SSL_CTX* ctx) {
#if SSLCONF_HAS_SSL_CTX_sess_get_get_cb && SSLCONF_HAS_SSL_CTX_sess_set_get_cb
  return SSL_CTX_sess_get_get_cb(ctx);
#else
  (void)ctx;
  missing("SSL_CTX_sess_get_get_cb");
#endif
}

std::size_t get_client_random(const SSL* ssl, unsigned char* out, std::size_t len) {
#if SSLCONF_HAS_SSL_get_client_random
  return SSL_get_client_random(ssl, out, len);
#else
  (void)ssl, (void)out, (void)len;
  missing("SSL_get_client_random");
#endif
}

std::size_t get_server_random(const SSL* ssl, unsigned char* out, std::size_t len) {
#if SSLCONF_HAS_SSL_get_server_random
  return SSL_get_server_random(ssl, out, len);
#else
  (void)ssl, (void)out, (void)len;
  missing("SSL_get_server_random");
#endif
}

long old_get_time(const SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_get_time
  return static_cast<long>(SSL_get_time(s));
#else
  (void)s;
  missing("SSL_get_time");
#endif
}

long old_set_time(SSL_SESSION* s, long t) {
#if SSLCONF_HAS_SSL_set_time
  return static_cast<long>(SSL_set_time(s, t));
#else
  (void)s, (void)t;
  missing("SSL_set_time");
#endif
}

long old_get_timeout(const SSL_SESSION* s) {
#if SSLCONF_HAS_SSL_get_timeout
  return static_cast<long>(SSL_get_timeout(s));
#else
  (void)s;
  missing("SSL_get_timeout");
#endif
}

long old_set_timeout(SSL_SESSION* s, long t) {
#if SSLCONF_HAS_SSL_set_timeout
  return static_cast<long>(SSL_set_timeout(s, t));
#else
  (void)s, (void)t;
  missing("SSL_set_timeout");
#endif
}

int ssl_get_ex_new_index() {
#if SSLCONF_HAS_SSL_get_ex_new_index
  return SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
#else
  missing("SSL_get_ex_new_index");
#endif
}

int ssl_set_ex_data(SSL* object, int idx, void* data) {
#if SSLCONF_HAS_SSL_set_ex_data
  return SSL_set_ex_data(object, idx, data);
#else
  (void)object, (void)idx, (void)data;
  missing("SSL_set_ex_data");
#endif
}

void* ssl_get_ex_data(const SSL* object, int idx) {
#if SSLCONF_HAS_SSL_get_ex_data
  return SSL_get_ex_data(object, idx);
#else
  (void)object, (void)idx;
  missing("SSL_get_ex_data");
#endif
}

int ctx_get_ex_new_index() {
#if SSLCONF_HAS_SSL_CTX_get_ex_new_index
  return SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
#else
  missing("SSL_CTX_get_ex_new_index");
#endif
}

int ctx_set_ex_data(SSL_CTX* object, int idx, void* data) {
#if SSLCONF_HAS_SSL_CTX_set_ex_data
  return SSL_CTX_set_ex_data(object, idx, data);
#else
  (void)object, (void)idx, (void)data;
  missing("SSL_CTX_set_ex_data");
#endif
}

void* ctx_get_ex_data(const SSL_CTX* object, int idx) {
#if SSLCONF_HAS_SSL_CTX_get_ex_data
  return SSL_CTX_get_ex_data(object, idx);
#else
  (void)object, (void)idx;
  missing("SSL_CTX_get_ex_data");
#endif
}

// Tables by name. The pages document deprecated calls too (TLSv1_method
// ...); calling them is the point, so their deprecation warnings are off
// here and only here.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

namespace {

using MethodCall = const SSL_METHOD* (*)();

// nullptr: the headers do not declare that constructor.
const std::map<std::string, MethodCall>& method_table() {
  static const std::map<std::string, MethodCall> table{
      {"TLS_method", []() -> const SSL_METHOD* { return tls_method(); }},
#if SSLCONF_HAS_TLS_server_method
      {"TLS_server_method", []() -> const SSL_METHOD* { return TLS_server_method(); }},
#else
      {"TLS_server_method", nullptr},
#endif
#if SSLCONF_HAS_TLS_client_method
      {"TLS_client_method", []() -> const SSL_METHOD* { return TLS_client_method(); }},
#else
      {"TLS_client_method", nullptr},
#endif
#if SSLCONF_HAS_SSLv23_method
      {"SSLv23_method", []() -> const SSL_METHOD* { return SSLv23_method(); }},
#else
      {"SSLv23_method", nullptr},
#endif
#if SSLCONF_HAS_SSLv23_server_method
      {"SSLv23_server_method", []() -> const SSL_METHOD* { return SSLv23_server_method(); }},
#else
      {"SSLv23_server_method", nullptr},
#endif
#if SSLCONF_HAS_SSLv23_client_method
      {"SSLv23_client_method", []() -> const SSL_METHOD* { return SSLv23_client_method(); }},
#else
      {"SSLv23_client_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_method
      {"TLSv1_method", []() -> const SSL_METHOD* { return TLSv1_method(); }},
#else
      {"TLSv1_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_server_method
      {"TLSv1_server_method", []() -> const SSL_METHOD* { return TLSv1_server_method(); }},
#else
      {"TLSv1_server_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_client_method
      {"TLSv1_client_method", []() -> const SSL_METHOD* { return TLSv1_client_method(); }},
#else
      {"TLSv1_client_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_1_method
      {"TLSv1_1_method", []() -> const SSL_METHOD* { return TLSv1_1_method(); }},
#else
      {"TLSv1_1_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_1_server_method
      {"TLSv1_1_server_method", []() -> const SSL_METHOD* { return TLSv1_1_server_method(); }},
#else
      {"TLSv1_1_server_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_1_client_method
      {"TLSv1_1_client_method", []() -> const SSL_METHOD* { return TLSv1_1_client_method(); }},
#else
      {"TLSv1_1_client_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_2_method
      {"TLSv1_2_method", []() -> const SSL_METHOD* { return TLSv1_2_method(); }},
#else
      {"TLSv1_2_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_2_server_method
      {"TLSv1_2_server_method", []() -> const SSL_METHOD* { return TLSv1_2_server_method(); }},
#else
      {"TLSv1_2_server_method", nullptr},
#endif
#if SSLCONF_HAS_TLSv1_2_client_method
      {"TLSv1_2_client_method", []() -> const SSL_METHOD* { return TLSv1_2_client_method(); }},
#else
      {"TLSv1_2_client_method", nullptr},
#endif
#if SSLCONF_HAS_DTLS_method
      {"DTLS_method", []() -> const SSL_METHOD* { return DTLS_method(); }},
#else
      {"DTLS_method", nullptr},
#endif
#if SSLCONF_HAS_DTLS_server_method
      {"DTLS_server_method", []() -> const SSL_METHOD* { return DTLS_server_method(); }},
#else
      {"DTLS_server_method", nullptr},
#endif
#if SSLCONF_HAS_DTLS_client_method
      {"DTLS_client_method", []() -> const SSL_METHOD* { return DTLS_client_method(); }},
#else
      {"DTLS_client_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_method
      {"DTLSv1_method", []() -> const SSL_METHOD* { return DTLSv1_method(); }},
#else
      {"DTLSv1_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_server_method
      {"DTLSv1_server_method", []() -> const SSL_METHOD* { return DTLSv1_server_method(); }},
#else
      {"DTLSv1_server_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_client_method
      {"DTLSv1_client_method", []() -> const SSL_METHOD* { return DTLSv1_client_method(); }},
#else
      {"DTLSv1_client_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_2_method
      {"DTLSv1_2_method", []() -> const SSL_METHOD* { return DTLSv1_2_method(); }},
#else
      {"DTLSv1_2_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_2_server_method
      {"DTLSv1_2_server_method", []() -> const SSL_METHOD* { return DTLSv1_2_server_method(); }},
#else
      {"DTLSv1_2_server_method", nullptr},
#endif
#if SSLCONF_HAS_DTLSv1_2_client_method
      {"DTLSv1_2_client_method", []() -> const SSL_METHOD* { return DTLSv1_2_client_method(); }},
#else
      {"DTLSv1_2_client_method", nullptr},
#endif
  };
  return table;
}

using StatisticCall = long (*)(SSL_CTX*);

const std::map<std::string, StatisticCall>& statistic_table() {
  static const std::map<std::string, StatisticCall> table{
#if SSLCONF_HAS_SSL_CTX_sess_connect
      {"SSL_CTX_sess_connect", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_connect(ctx)); }},
#else
      {"SSL_CTX_sess_connect", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_connect_good
      {"SSL_CTX_sess_connect_good", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_connect_good(ctx)); }},
#else
      {"SSL_CTX_sess_connect_good", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_connect_renegotiate
      {"SSL_CTX_sess_connect_renegotiate", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_connect_renegotiate(ctx)); }},
#else
      {"SSL_CTX_sess_connect_renegotiate", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_accept
      {"SSL_CTX_sess_accept", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_accept(ctx)); }},
#else
      {"SSL_CTX_sess_accept", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_accept_good
      {"SSL_CTX_sess_accept_good", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_accept_good(ctx)); }},
#else
      {"SSL_CTX_sess_accept_good", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_accept_renegotiate
      {"SSL_CTX_sess_accept_renegotiate", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_accept_renegotiate(ctx)); }},
#else
      {"SSL_CTX_sess_accept_renegotiate", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_hits
      {"SSL_CTX_sess_hits", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_hits(ctx)); }},
#else
      {"SSL_CTX_sess_hits", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_cb_hits
      {"SSL_CTX_sess_cb_hits", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_cb_hits(ctx)); }},
#else
      {"SSL_CTX_sess_cb_hits", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_misses
      {"SSL_CTX_sess_misses", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_misses(ctx)); }},
#else
      {"SSL_CTX_sess_misses", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_timeouts
      {"SSL_CTX_sess_timeouts", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_timeouts(ctx)); }},
#else
      {"SSL_CTX_sess_timeouts", nullptr},
#endif
#if SSLCONF_HAS_SSL_CTX_sess_cache_full
      {"SSL_CTX_sess_cache_full", [](SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_cache_full(ctx)); }},
#else
      {"SSL_CTX_sess_cache_full", nullptr},
#endif
  };
  return table;
}

const std::map<std::string, long long>& constant_table() {
  static const std::map<std::string, long long> table{
      {"SSL_SESS_CACHE_OFF", SSL_SESS_CACHE_OFF},
      {"SSL_SESS_CACHE_CLIENT", SSL_SESS_CACHE_CLIENT},
      {"SSL_SESS_CACHE_SERVER", SSL_SESS_CACHE_SERVER},
      {"SSL_SESS_CACHE_BOTH", SSL_SESS_CACHE_BOTH},
      {"SSL_SESS_CACHE_NO_INTERNAL_LOOKUP", SSL_SESS_CACHE_NO_INTERNAL_LOOKUP},
      {"SSL_SESS_CACHE_NO_INTERNAL_STORE", SSL_SESS_CACHE_NO_INTERNAL_STORE},
      {"SSL_SESS_CACHE_NO_INTERNAL", SSL_SESS_CACHE_NO_INTERNAL},
      {"SSL_MAX_SSL_SESSION_ID_LENGTH", SSL_MAX_SSL_SESSION_ID_LENGTH},
      {"TLS1_1_VERSION", TLS1_1_VERSION},
      {"TLS1_2_VERSION", TLS1_2_VERSION},
#if defined(SSL_SENT_SHUTDOWN) && defined(SSL_RECEIVED_SHUTDOWN)
      {"SSL_SENT_SHUTDOWN", SSL_SENT_SHUTDOWN},
      {"SSL_RECEIVED_SHUTDOWN", SSL_RECEIVED_SHUTDOWN},
#endif
#if SSLCONF_HAS_SSL_MAX_SID_CTX_LENGTH
      {"SSL_MAX_SID_CTX_LENGTH", SSL_MAX_SID_CTX_LENGTH},
#endif
#if SSLCONF_HAS_SSL_MAX_MASTER_KEY_LENGTH
      {"SSL_MAX_MASTER_KEY_LENGTH", SSL_MAX_MASTER_KEY_LENGTH},
#endif
#if SSLCONF_HAS_SSL_SESSION_CACHE_MAX_SIZE_DEFAULT
      {"SSL_SESSION_CACHE_MAX_SIZE_DEFAULT", SSL_SESSION_CACHE_MAX_SIZE_DEFAULT},
#endif
#if SSLCONF_HAS_SSL3_RANDOM_SIZE
      {"SSL3_RANDOM_SIZE", SSL3_RANDOM_SIZE},
#endif
#if SSLCONF_HAS_SSL_SESS_CACHE_NO_AUTO_CLEAR
      {"SSL_SESS_CACHE_NO_AUTO_CLEAR", SSL_SESS_CACHE_NO_AUTO_CLEAR},
#endif
#if SSLCONF_HAS_SSL_SESS_CACHE_UPDATE_TIME
      {"SSL_SESS_CACHE_UPDATE_TIME", SSL_SESS_CACHE_UPDATE_TIME},
#endif
#if SSLCONF_HAS_TLS1_3_VERSION
      {"TLS1_3_VERSION", TLS1_3_VERSION},
#endif
  };
  return table;
}

}  // namespace

bool is_method_constructor(const std::string& name) { return method_table().count(name) > 0; }

std::vector<std::string> method_constructors() {
  std::vector<std::string> names;
  for (const auto& entry : method_table()) names.push_back(entry.first);
  return names;
}

const SSL_METHOD* method_named(const std::string& name) {
  initialise_library();
  const auto it = method_table().find(name);
  if (it == method_table().end() || !it->second) missing(name.c_str());
  return it->second();
}

bool is_statistic(const std::string& name) { return statistic_table().count(name) > 0; }

std::vector<std::string> statistics() {
  std::vector<std::string> names;
  for (const auto& entry : statistic_table()) names.push_back(entry.first);
  return names;
}

long statistic(const std::string& name, SSL_CTX* ctx) {
  const auto it = statistic_table().find(name);
  if (it == statistic_table().end() || !it->second) missing(name.c_str());
  return it->second(ctx);
}

bool constant_value(const std::string& name, long long& value) {
  const auto it = constant_table().find(name);
  if (it == constant_table().end()) return false;
  value = it->second;
  return true;
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace sslconf::harness::optional
