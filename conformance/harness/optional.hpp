// The optional OpenSSL calls (availability/optional_api.txt) as the harness
// and the checks use them. Each wrapper calls the library where the
// configure-time probe found the call, and otherwise throws Missing naming
// it, so a scenario that needs it stops with that reason instead of the
// suite failing to compile. Nothing else under harness/ or checks/ calls
// an optional function directly.
#pragma once

#include <openssl/ssl.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace sslconf::harness {

// The library under test does not declare `function` (in the shape used).
struct Missing : std::runtime_error {
  explicit Missing(const std::string& fn)
      : std::runtime_error(fn + " is not declared by this library"), function(fn) {}
  std::string function;
};

namespace optional {

// TLS_method, or SSLv23_method before OpenSSL 1.1.0; sets the library up
// first (initialise_library).
const SSL_METHOD* tls_method();
// Library set-up for releases that need it (SSL_library_init); once.
void initialise_library();

int session_up_ref(SSL_SESSION* s);
int ctx_up_ref(SSL_CTX* ctx);
int ssl_up_ref(SSL* ssl);
int bio_up_ref(BIO* bio);

SSL_SESSION* session_dup(SSL_SESSION* s);
int session_is_resumable(SSL_SESSION* s);
long long session_ticket_lifetime_hint(SSL_SESSION* s);
// The server renews every ticket it accepts (a new one in a resumed handshake).
void ctx_renew_tickets(SSL_CTX* ctx);
void ctx_set_num_tickets(SSL_CTX* ctx, std::size_t n);  // the TLS 1.3 tickets a server sends
long long session_set_time(SSL_SESSION* s, long t);
int session_set1_id(SSL_SESSION* s, const unsigned char* id, unsigned int len);
int session_set1_id_context(SSL_SESSION* s, const unsigned char* ctx, unsigned int len);
const unsigned char* session_get0_id_context(SSL_SESSION* s, unsigned int* len);
std::size_t session_get_master_key(SSL_SESSION* s, unsigned char* out, std::size_t len);
int session_set1_master_key(SSL_SESSION* s, const unsigned char* key, std::size_t len);
int session_get_protocol_version(SSL_SESSION* s);
// The ID of the session's cipher suite (SSL_CIPHER_get_id), 0 when it has none.
unsigned long session_cipher_id(SSL_SESSION* s);
int set_session_id_context(SSL* ssl, const unsigned char* ctx, unsigned int len);
int get_shutdown(const SSL* ssl);  // the SSL_SENT_SHUTDOWN / SSL_RECEIVED_SHUTDOWN flags
void set_shutdown(SSL* ssl, int mode);
void set_quiet_shutdown(SSL* ssl, int mode);  // SSL_shutdown then sends no alert
// Connection settings (SSL_clear and SSL_new scenarios).
const SSL_METHOD* get_ssl_method(const SSL* ssl);
const SSL_METHOD* ctx_get_ssl_method(const SSL_CTX* ctx);
int set_cipher_list(SSL* ssl, const char* list);
std::string cipher_list(SSL* ssl);  // SSL_get_cipher_list(ssl, 0..), joined by ':' (wolfSSL: not const)
const BIO* get_rbio(const SSL* ssl);
const BIO* get_wbio(const SSL* ssl);
unsigned long long get_options(const SSL* ssl);
unsigned long long ctx_clear_options(SSL_CTX* ctx, unsigned long long options);  // the mask now in effect
void ctx_set_verify_peer(SSL_CTX* ctx);  // SSL_VERIFY_PEER, no callback
// SSL_get_verify_mode(ssl) == SSL_VERIFY_PEER
bool verifies_peer(const SSL* ssl);
const void* session_get0_peer(SSL_SESSION* s);  // the peer's certificate
SSL* ssl_dup(SSL* ssl);
SSL_CTX* ssl_get_ssl_ctx(const SSL* ssl);  // the context the connection was made from
int session_set_protocol_version(SSL_SESSION* s, int version);
SSL_SESSION* get0_session(SSL* ssl);

int ctx_set_min_proto_version(SSL_CTX* ctx, int version);
int ctx_set_max_proto_version(SSL_CTX* ctx, int version);
int ctx_get_min_proto_version(SSL_CTX* ctx);
int ctx_get_max_proto_version(SSL_CTX* ctx);
bool has_tls13();
int tls13_version();  // TLS1_3_VERSION
void ctx_set_security_level(SSL_CTX* ctx, int level);

long long bio_write_guarantee(BIO* bio);  // BIO_ctrl_get_write_guarantee

// The method constructors a page may name (TLS_method, TLSv1_2_client_method,
// DTLS_method ...): whether `name` is one, and its result (Missing where
// the headers do not declare it).
bool is_method_constructor(const std::string& name);
std::vector<std::string> method_constructors();
const SSL_METHOD* method_named(const std::string& name);

SSL_CTX* ctx_new_ex(const SSL_METHOD* method);  // default library context and properties

// The context's statistics by name ("SSL_CTX_sess_hits" ...): whether
// `name` is one, and its value (Missing where absent).
bool is_statistic(const std::string& name);
std::vector<std::string> statistics();
long statistic(const std::string& name, SSL_CTX* ctx);

using NewSessionCallback = int (*)(SSL*, SSL_SESSION*);
using RemoveSessionCallback = void (*)(SSL_CTX*, SSL_SESSION*);
using GetSessionCallback = SSL_SESSION* (*)(SSL*, const unsigned char*, int, int*);
void ctx_sess_set_new_cb(SSL_CTX* ctx, NewSessionCallback cb);
NewSessionCallback ctx_sess_get_new_cb(SSL_CTX* ctx);
RemoveSessionCallback ctx_sess_get_remove_cb(SSL_CTX* ctx);
void ctx_sess_set_get_cb(SSL_CTX* ctx, GetSessionCallback cb);
GetSessionCallback ctx_sess_get_get_cb(SSL_CTX* ctx);

std::size_t get_client_random(const SSL* ssl, unsigned char* out, std::size_t len);
std::size_t get_server_random(const SSL* ssl, unsigned char* out, std::size_t len);

// The old names of the session time calls (SSL_get_time ...).
long old_get_time(const SSL_SESSION* s);
long old_set_time(SSL_SESSION* s, long t);
long old_get_timeout(const SSL_SESSION* s);
long old_set_timeout(SSL_SESSION* s, long t);

// Application data slots of connections and contexts.
int ssl_get_ex_new_index();
int ssl_set_ex_data(SSL* ssl, int idx, void* data);
void* ssl_get_ex_data(const SSL* ssl, int idx);
int ctx_get_ex_new_index();
int ctx_set_ex_data(SSL_CTX* ctx, int idx, void* data);
void* ctx_get_ex_data(const SSL_CTX* ctx, int idx);

// A constant a page names (SSL_MAX_SID_CTX_LENGTH, SSL_SESS_CACHE_SERVER ...),
// as the headers under test define it; false when they do not.
bool constant_value(const std::string& name, long long& value);

}  // namespace optional
}  // namespace sslconf::harness
