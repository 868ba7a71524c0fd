/**
 * @file ssl.h
 * @brief libsslref: the SSL_SESSION lifecycle API of OpenSSL 3.0, with the
 * same names, signatures and constant values, so that code written for
 * OpenSSL 3 compiles unchanged against it for everything in scope.
 *
 * Ownership words follow OpenSSL: "new"/"get1"/"dup" hand the caller a
 * reference it must release; "get0"/"get" borrow; "set1" copies the bytes;
 * "up_ref" adds a reference.
 *
 * @section wire The loopback handshake (this is NOT TLS)
 * SSL_do_handshake() runs a tiny message exchange over the connection's
 * BIOs. It does no cryptography and offers no security whatsoever: it only
 * creates sessions and resumes them by session ID, as the session-cache
 * pages describe. Every message is
 *
 *     type (1 byte) | length (2 bytes, big-endian) | body (length bytes)
 *
 * - 0x01 CLIENT_HELLO: min_version(2) max_version(2) id_len(1) id
 *   (id = the ID of the session set with SSL_set_session, when it is
 *   resumable; empty otherwise).
 * - 0x02 SERVER_HELLO: version(2) resumed(1) id_len(1) id mk_len(1)
 *   master_key (the server's session; id is empty when the server does not
 *   cache; master_key is empty when resumed).
 * - 0x03 CLIENT_FINISHED: empty body. The client is done once it sent it,
 *   the server once it received it.
 * - 0x04 NEW_SESSION_TICKET (TLS 1.3, server to client, after a full
 *   handshake, twice): u8 id_len, session ID, u8 key_len, master key. Each
 *   ticket is a session of its own on both ends; the client's session is
 *   resumable only once it has read one (SSL_do_handshake on a completed
 *   client reads them).
 * - 0x15 CLOSE_NOTIFY: empty body (SSL_shutdown).
 * - 0x7f FAILURE: reason text (e.g. no protocol version in common, the
 *   server has no certificate and key).
 *
 * The server resumes only a session it finds in its own cache (mode
 * SSL_SESS_CACHE_SERVER without SSL_SESS_CACHE_NO_INTERNAL_LOOKUP), not
 * expired, with the connection's session ID context and the negotiated
 * version. Resumption is always by session ID; SSL_OP_NO_TICKET is accepted
 * and recorded.
 */
#ifndef SSLREF_SSL_H
#define SSLREF_SSL_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <openssl/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Constants (OpenSSL 3.0 values)                                      */
/* ------------------------------------------------------------------ */

#define SSL3_VERSION 0x0300
#define TLS1_VERSION 0x0301
#define TLS1_1_VERSION 0x0302
#define TLS1_2_VERSION 0x0303
#define TLS1_3_VERSION 0x0304
#define TLS_MAX_VERSION TLS1_3_VERSION

#define SSL_MAX_SSL_SESSION_ID_LENGTH 32
#define SSL_MAX_SID_CTX_LENGTH 32
#define SSL_MAX_MASTER_KEY_LENGTH 48

#define SSL_FILETYPE_PEM 1
#define SSL_FILETYPE_ASN1 2

#define SSL_SENT_SHUTDOWN 1
#define SSL_RECEIVED_SHUTDOWN 2

#define SSL_OP_BIT(n) ((uint64_t)1 << (uint64_t)n)
#define SSL_OP_NO_TICKET SSL_OP_BIT(14)

#define SSL_SESSION_CACHE_MAX_SIZE_DEFAULT (1024 * 20)
#define SSL_SESS_CACHE_OFF 0x0000
#define SSL_SESS_CACHE_CLIENT 0x0001
#define SSL_SESS_CACHE_SERVER 0x0002
#define SSL_SESS_CACHE_BOTH (SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER)
#define SSL_SESS_CACHE_NO_AUTO_CLEAR 0x0080
#define SSL_SESS_CACHE_NO_INTERNAL_LOOKUP 0x0100
#define SSL_SESS_CACHE_NO_INTERNAL_STORE 0x0200
#define SSL_SESS_CACHE_NO_INTERNAL \
    (SSL_SESS_CACHE_NO_INTERNAL_LOOKUP | SSL_SESS_CACHE_NO_INTERNAL_STORE)
#define SSL_SESS_CACHE_UPDATE_TIME 0x0400

#define SSL_ERROR_NONE 0
#define SSL_ERROR_SSL 1
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
#define SSL_ERROR_WANT_X509_LOOKUP 4
#define SSL_ERROR_SYSCALL 5
#define SSL_ERROR_ZERO_RETURN 6
#define SSL_ERROR_WANT_CONNECT 7
#define SSL_ERROR_WANT_ACCEPT 8
#define SSL_ERROR_WANT_ASYNC 9
#define SSL_ERROR_WANT_ASYNC_JOB 10
#define SSL_ERROR_WANT_CLIENT_HELLO_CB 11
#define SSL_ERROR_WANT_RETRY_VERIFY 12

/* SSL_CTX_ctrl() commands the libsslref macros below use. */
#define SSL_CTRL_SESS_NUMBER 20
#define SSL_CTRL_OPTIONS 32
#define SSL_CTRL_SET_SESS_CACHE_SIZE 42
#define SSL_CTRL_GET_SESS_CACHE_SIZE 43
#define SSL_CTRL_SET_SESS_CACHE_MODE 44
#define SSL_CTRL_GET_SESS_CACHE_MODE 45
#define SSL_CTRL_SET_MIN_PROTO_VERSION 123
#define SSL_CTRL_SET_MAX_PROTO_VERSION 124
#define SSL_CTRL_GET_MIN_PROTO_VERSION 130
#define SSL_CTRL_GET_MAX_PROTO_VERSION 131

/* ------------------------------------------------------------------ */
/* Sessions                                                            */
/* ------------------------------------------------------------------ */

/**
 * SSL_SESSION_new() creates an empty session with one reference, owned by
 * the caller; its time is now, its timeout 304 seconds (OpenSSL's value).
 *
 * @return the new session, or NULL when memory runs out.
 */
SSL_SESSION *SSL_SESSION_new(void);

/**
 * SSL_SESSION_dup() creates a copy of src: a distinct session with equal
 * fields, its ex_data copied through the dup callbacks, in no cache, with
 * one reference owned by the caller.
 *
 * @return the copy, or NULL when src is NULL, memory runs out or a dup
 * callback fails (nothing is leaked then).
 */
SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);

/**
 * SSL_SESSION_up_ref() adds one reference to ses (atomically).
 *
 * @return 1 on success, 0 when ses is NULL.
 */
int SSL_SESSION_up_ref(SSL_SESSION *ses);

/**
 * SSL_SESSION_free() releases one reference to ses; the session is
 * destroyed, and its ex_data free callbacks run, exactly when the last
 * reference goes. Nothing is done when ses is NULL.
 */
void SSL_SESSION_free(SSL_SESSION *ses);

/**
 * SSL_SESSION_get_time() returns the creation time of s, in seconds since
 * the epoch, or 0 when s is NULL.
 */
long SSL_SESSION_get_time(const SSL_SESSION *s);

/**
 * SSL_SESSION_set_time() sets the creation time of s to t (repositioning s
 * in its cache's timeout order).
 *
 * @return t, as OpenSSL 3.0 itself does (its manual page says 1; our
 * page follows the behaviour), or 0 when s is NULL.
 */
long SSL_SESSION_set_time(SSL_SESSION *s, long t);

/**
 * SSL_SESSION_get_timeout() returns the lifetime of s in seconds, or 0 when
 * s is NULL.
 */
long SSL_SESSION_get_timeout(const SSL_SESSION *s);

/**
 * SSL_SESSION_set_timeout() sets the lifetime of s to t seconds. The expiry
 * time (time + timeout) saturates instead of overflowing.
 *
 * @return 1 on success, 0 when s is NULL or t is negative (as OpenSSL 3
 * does; s is then unchanged).
 */
long SSL_SESSION_set_timeout(SSL_SESSION *s, long t);

/**
 * SSL_SESSION_get_protocol_version() returns the protocol version of s
 * (e.g. TLS1_2_VERSION), 0 when unset.
 */
int SSL_SESSION_get_protocol_version(const SSL_SESSION *s);

/**
 * SSL_SESSION_set_protocol_version() sets the protocol version of s.
 *
 * @return 1 on success, 0 when s is NULL.
 */
int SSL_SESSION_set_protocol_version(SSL_SESSION *s, int version);

/**
 * SSL_SESSION_get_id() returns the session ID of s and stores its length
 * in *len when len is not NULL.
 *
 * @return a pointer into s (borrowed, valid while s lives and its ID is not
 * changed).
 */
const unsigned char *SSL_SESSION_get_id(const SSL_SESSION *s, unsigned int *len);

/**
 * SSL_SESSION_set1_id() copies sid_len bytes of sid into the session ID of
 * s.
 *
 * @return 1 on success, 0 when sid_len exceeds
 * SSL_MAX_SSL_SESSION_ID_LENGTH (s is then unchanged).
 */
int SSL_SESSION_set1_id(SSL_SESSION *s, const unsigned char *sid, unsigned int sid_len);

/**
 * SSL_SESSION_get0_id_context() returns the session ID context of s and
 * stores its length in *len when len is not NULL.
 *
 * @return a pointer into s (borrowed).
 */
const unsigned char *SSL_SESSION_get0_id_context(const SSL_SESSION *s, unsigned int *len);

/**
 * SSL_SESSION_set1_id_context() copies sid_ctx_len bytes of sid_ctx into
 * the session ID context of s.
 *
 * @return 1 on success, 0 when sid_ctx_len exceeds SSL_MAX_SID_CTX_LENGTH
 * (s is then unchanged).
 */
int SSL_SESSION_set1_id_context(SSL_SESSION *s, const unsigned char *sid_ctx,
                                unsigned int sid_ctx_len);

/**
 * SSL_SESSION_get_master_key() copies up to outlen bytes of the master key
 * of sess into out.
 *
 * @return the number of bytes copied; when outlen is 0, the length of the
 * master key (nothing is copied).
 */
size_t SSL_SESSION_get_master_key(const SSL_SESSION *sess, unsigned char *out, size_t outlen);

/**
 * SSL_SESSION_set1_master_key() copies len bytes of in as the master key
 * of sess.
 *
 * @return 1 on success, 0 when len exceeds 64 bytes, the room OpenSSL 3
 * keeps for a TLS 1.3 resumption secret (sess is then unchanged).
 */
int SSL_SESSION_set1_master_key(SSL_SESSION *sess, const unsigned char *in, size_t len);

/**
 * SSL_SESSION_is_resumable() tells whether s could resume a connection: it
 * has a session ID and was not removed from a cache or invalidated.
 *
 * @return 1 if resumable, 0 otherwise.
 */
int SSL_SESSION_is_resumable(const SSL_SESSION *s);

/**
 * SSL_SESSION_get_ex_new_index() registers an application data slot for
 * sessions; same as CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL_SESSION, ...).
 */
#define SSL_SESSION_get_ex_new_index(l, p, newf, dupf, freef) \
    CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL_SESSION, l, p, newf, dupf, freef)

/**
 * SSL_SESSION_set_ex_data() stores data in slot idx of ss.
 *
 * @return 1 on success, 0 when ss is NULL, idx is negative or memory runs
 * out. data stays owned by the caller.
 */
int SSL_SESSION_set_ex_data(SSL_SESSION *ss, int idx, void *data);

/**
 * SSL_SESSION_get_ex_data() returns the value in slot idx of ss, or NULL
 * when unset (borrowed).
 */
void *SSL_SESSION_get_ex_data(const SSL_SESSION *ss, int idx);

/**
 * i2d_SSL_SESSION() encodes in as DER, in the layout OpenSSL uses for
 * sessions (the fields libsslref models).
 *
 * @return the length of the encoding, or 0 when in is NULL. When pp is not
 * NULL: if *pp is NULL a buffer is allocated with malloc (the caller frees
 * it with free) and *pp points to it; otherwise the encoding is written at
 * *pp, which is advanced past it.
 */
int i2d_SSL_SESSION(const SSL_SESSION *in, unsigned char **pp);

/**
 * d2i_SSL_SESSION() decodes a DER session of at most length bytes at *pp.
 *
 * @return the session on success: *pp is advanced past the bytes used; if a
 * and *a are not NULL the session *a is reused (overwritten), otherwise a
 * new session with one reference is returned (and stored in *a when a is
 * not NULL). NULL on malformed input: nothing is leaked, *pp and *a are
 * unchanged.
 */
SSL_SESSION *d2i_SSL_SESSION(SSL_SESSION **a, const unsigned char **pp, long length);

/* ------------------------------------------------------------------ */
/* Methods and contexts                                                */
/* ------------------------------------------------------------------ */

/** TLS_method() returns the (static) method for both roles; never NULL. */
const SSL_METHOD *TLS_method(void);
/** TLS_client_method() returns the (static) client method; never NULL. */
const SSL_METHOD *TLS_client_method(void);
/** TLS_server_method() returns the (static) server method; never NULL. */
const SSL_METHOD *TLS_server_method(void);

/**
 * SSL_CTX_new() creates a context with one reference owned by the caller:
 * cache mode SSL_SESS_CACHE_SERVER, cache size
 * SSL_SESSION_CACHE_MAX_SIZE_DEFAULT, session timeout 7200 seconds.
 *
 * @return the context, or NULL when meth is NULL or memory runs out.
 */
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);

/**
 * SSL_CTX_up_ref() adds one reference to ctx.
 *
 * @return 1 on success, 0 when ctx is NULL.
 */
int SSL_CTX_up_ref(SSL_CTX *ctx);

/**
 * SSL_CTX_free() releases one reference to ctx; at the last one, every
 * cached session is removed (remove callback called) and ctx destroyed.
 * Nothing is done when ctx is NULL.
 */
void SSL_CTX_free(SSL_CTX *ctx);

/**
 * SSL_CTX_ctrl() is the generic control call behind the macros below.
 *
 * @return the value the command documents; 0 for an unknown command or a
 * NULL ctx.
 */
long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg);

/** SSL_CTX_set_session_cache_mode() sets the cache mode; returns the
 * previous one. */
#define SSL_CTX_set_session_cache_mode(ctx, m) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_SET_SESS_CACHE_MODE, m, NULL)
/** SSL_CTX_get_session_cache_mode() returns the cache mode. */
#define SSL_CTX_get_session_cache_mode(ctx) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_GET_SESS_CACHE_MODE, 0, NULL)
/** SSL_CTX_sess_set_cache_size() sets the size limit (0: unlimited);
 * returns the previous one; a negative size is refused (returns 0). */
#define SSL_CTX_sess_set_cache_size(ctx, t) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_SET_SESS_CACHE_SIZE, t, NULL)
/** SSL_CTX_sess_get_cache_size() returns the size limit. */
#define SSL_CTX_sess_get_cache_size(ctx) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_GET_SESS_CACHE_SIZE, 0, NULL)
/** SSL_CTX_sess_number() returns the number of sessions in the cache. */
#define SSL_CTX_sess_number(ctx) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_SESS_NUMBER, 0, NULL)
/** SSL_CTX_set_min_proto_version() sets the lowest version (0: lowest
 * supported); returns 1, or 0 for an unknown version. */
#define SSL_CTX_set_min_proto_version(ctx, version) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, version, NULL)
/** SSL_CTX_set_max_proto_version() sets the highest version (0: highest
 * supported); returns 1, or 0 for an unknown version. */
#define SSL_CTX_set_max_proto_version(ctx, version) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MAX_PROTO_VERSION, version, NULL)
/** SSL_CTX_get_min_proto_version() returns the lowest version set (0: none). */
#define SSL_CTX_get_min_proto_version(ctx) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_GET_MIN_PROTO_VERSION, 0, NULL)
/** SSL_CTX_get_max_proto_version() returns the highest version set (0: none). */
#define SSL_CTX_get_max_proto_version(ctx) \
    SSL_CTX_ctrl(ctx, SSL_CTRL_GET_MAX_PROTO_VERSION, 0, NULL)

/**
 * SSL_CTX_set_options() adds the option bits op to ctx (SSL_OP_NO_TICKET is
 * the one libsslref gives meaning to).
 *
 * @return the new option bits.
 */
uint64_t SSL_CTX_set_options(SSL_CTX *ctx, uint64_t op);
/** SSL_CTX_clear_options() clears the bits op; returns the new bits. */
uint64_t SSL_CTX_clear_options(SSL_CTX *ctx, uint64_t op);
/** SSL_CTX_get_options() returns the option bits of ctx. */
uint64_t SSL_CTX_get_options(const SSL_CTX *ctx);

/**
 * SSL_CTX_set_timeout() sets the lifetime given to sessions created under
 * ctx, in seconds.
 *
 * @return the previous timeout, 0 when ctx is NULL.
 */
long SSL_CTX_set_timeout(SSL_CTX *ctx, long t);

/** SSL_CTX_get_timeout() returns the session timeout of ctx, 0 when ctx is
 * NULL. */
long SSL_CTX_get_timeout(const SSL_CTX *ctx);

/**
 * SSL_CTX_add_session() adds session to the cache of ctx, which takes a
 * reference. A cached session with the same ID is replaced (and released).
 * When the cache is over its size limit, the sessions that expire first
 * are evicted (remove callback called).
 *
 * @return 1 when added, 0 when session is already in this cache (nothing
 * changes), is NULL, or is in another context's cache (a checked build
 * aborts on that misuse).
 */
int SSL_CTX_add_session(SSL_CTX *ctx, SSL_SESSION *session);

/**
 * SSL_CTX_remove_session() removes from the cache of ctx the session with
 * the ID of session (session itself, or another object holding the same
 * session, as OpenSSL does), calls the remove callback with it and releases
 * the cache's reference. session is marked not resumable either way, as the
 * manual page says.
 *
 * @return 1 when a session was removed, 0 otherwise (also for NULL
 * arguments and a session without ID).
 */
int SSL_CTX_remove_session(SSL_CTX *ctx, SSL_SESSION *session);

/**
 * SSL_CTX_flush_sessions() removes from the cache of ctx every session
 * expired at time tm (tm > time + timeout), calling the remove callback for
 * each; tm == 0 removes all. Costs in proportion to the sessions removed.
 */
void SSL_CTX_flush_sessions(SSL_CTX *ctx, long tm);

/**
 * SSL_CTX_sess_set_new_cb() sets the callback called when a handshake
 * creates a session that the cache mode says to cache. The callback
 * receives a reference; returning 1 keeps it, 0 gives it back.
 */
void SSL_CTX_sess_set_new_cb(SSL_CTX *ctx,
                             int (*new_session_cb)(struct ssl_st *ssl, SSL_SESSION *sess));
/** SSL_CTX_sess_get_new_cb() returns the new-session callback (or NULL). */
int (*SSL_CTX_sess_get_new_cb(SSL_CTX *ctx))(struct ssl_st *ssl, SSL_SESSION *sess);

/**
 * SSL_CTX_sess_set_remove_cb() sets the callback called whenever a session
 * leaves the cache of ctx (remove, flush, eviction, bad shutdown, context
 * freed). It borrows the session.
 */
void SSL_CTX_sess_set_remove_cb(SSL_CTX *ctx,
                                void (*remove_session_cb)(struct ssl_ctx_st *ctx,
                                                          SSL_SESSION *sess));
/** SSL_CTX_sess_get_remove_cb() returns the remove callback (or NULL). */
void (*SSL_CTX_sess_get_remove_cb(SSL_CTX *ctx))(struct ssl_ctx_st *ctx, SSL_SESSION *sess);

/**
 * SSL_CTX_set_session_id_context() copies the session ID context that SSL
 * objects created afterwards from ctx inherit.
 *
 * @return 1 on success, 0 when sid_ctx_len exceeds SSL_MAX_SID_CTX_LENGTH.
 */
int SSL_CTX_set_session_id_context(SSL_CTX *ctx, const unsigned char *sid_ctx,
                                   unsigned int sid_ctx_len);

/**
 * SSL_CTX_use_certificate_file() loads a certificate (PEM or DER by type).
 * libsslref checks its shape only (PEM armour and base64, or one DER
 * SEQUENCE); it does no cryptography.
 *
 * @return 1 on success, 0 when the file cannot be read or is not a
 * certificate.
 */
int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type);

/**
 * SSL_CTX_use_PrivateKey_file() loads a private key (PEM or DER by type),
 * checked for shape only, like SSL_CTX_use_certificate_file().
 *
 * @return 1 on success, 0 when the file cannot be read or is not a key.
 */
int SSL_CTX_use_PrivateKey_file(SSL_CTX *ctx, const char *file, int type);

/* ------------------------------------------------------------------ */
/* Connections                                                         */
/* ------------------------------------------------------------------ */

/**
 * SSL_new() creates a connection under ctx (taking a reference to ctx),
 * inheriting its session ID context and versions. Owned by the caller.
 *
 * @return the connection, or NULL when ctx is NULL or memory runs out.
 */
SSL *SSL_new(SSL_CTX *ctx);

/**
 * SSL_free() destroys ssl, its BIOs and its session reference. If the
 * handshake completed and no close_notify was sent, the session is first
 * removed from the context's cache. Nothing is done when ssl is NULL.
 */
void SSL_free(SSL *ssl);

/**
 * SSL_clear() resets ssl for a new connection, keeping its session (for
 * resumption) unless the connection ended without a clean shutdown, in
 * which case the session is removed from the cache as in SSL_free().
 *
 * @return 1 on success; 0, with nothing changed, when a renegotiation asked
 * for with SSL_renegotiate() has not completed (as OpenSSL), or ssl is NULL.
 */
int SSL_clear(SSL *s);

/**
 * SSL_set_session() sets the session to offer at the next handshake; the
 * connection takes a reference, and releases the one it held. NULL clears
 * it. Once the connection's handshake has started (until SSL_clear) the
 * session can no longer be offered, and nothing is changed.
 *
 * @return 1 on success; 0 when to is NULL or its handshake has started.
 */
int SSL_set_session(SSL *to, SSL_SESSION *session);

/**
 * SSL_get_session() returns the session of ssl, borrowed (no reference is
 * added), or NULL when there is none.
 */
SSL_SESSION *SSL_get_session(const SSL *ssl);

/** SSL_get0_session() is the same as SSL_get_session() (a macro, as in
 * OpenSSL 3). */
#define SSL_get0_session SSL_get_session

/**
 * SSL_get1_session() returns the session of ssl with one more reference,
 * owned by the caller, or NULL when there is none.
 */
SSL_SESSION *SSL_get1_session(SSL *ssl);

/**
 * SSL_session_reused() tells whether the last handshake of s resumed a
 * session.
 *
 * @return 1 if it did, 0 otherwise.
 */
int SSL_session_reused(const SSL *s);

/** SSL_set_connect_state() makes s a client. */
void SSL_set_connect_state(SSL *s);
/** SSL_set_accept_state() makes s a server. */
void SSL_set_accept_state(SSL *s);

/**
 * SSL_set_bio() gives s its read and write BIOs; s takes ownership of one
 * reference to each (one in all when rbio == wbio) and releases the ones it
 * held before.
 */
void SSL_set_bio(SSL *s, BIO *rbio, BIO *wbio);

/**
 * SSL_do_handshake() advances the loopback handshake (see the file
 * comment) as far as the BIOs allow.
 *
 * @return 1 when the handshake is complete; -1 when it must be called
 * again (SSL_get_error says SSL_ERROR_WANT_READ or SSL_ERROR_WANT_WRITE) or
 * failed (SSL_ERROR_SSL, also when the other end of the BIO pair is gone,
 * as in the libraries people ship); 0 when the peer closed in an orderly way (its close
 * message came instead of the next handshake message; SSL_get_error says
 * SSL_ERROR_ZERO_RETURN).
 */
int SSL_do_handshake(SSL *s);

/** SSL_connect() makes s a client and runs SSL_do_handshake(). */
int SSL_connect(SSL *ssl);
/** SSL_accept() makes s a server and runs SSL_do_handshake(). */
int SSL_accept(SSL *ssl);

/**
 * SSL_shutdown() sends close_notify (once) and checks for the peer's.
 *
 * @return 1 when both close_notify were exchanged, 0 when ours was sent but
 * the peer's not yet received, -1 on error or when it cannot proceed now
 * (SSL_get_error tells).
 */
int SSL_shutdown(SSL *s);

/**
 * SSL_renegotiate() asks for a new full handshake on a client connection
 * whose handshake completed with TLS 1.2 or older; the next
 * SSL_do_handshake() starts it, offering no session, and the server takes
 * it up in its next SSL_do_handshake(). The new session replaces the old.
 *
 * @return 1 when the request was recorded; 0 for a server, a connection
 * without a completed handshake, TLS 1.3, or NULL.
 */
int SSL_renegotiate(SSL *s);

/**
 * SSL_renegotiate_pending() tells whether a renegotiation asked for with
 * SSL_renegotiate() has yet to complete.
 *
 * @return 1 while it is pending, else 0.
 */
int SSL_renegotiate_pending(const SSL *s);

/**
 * SSL_get_error() explains the result ret of the last SSL_do_handshake(),
 * SSL_connect(), SSL_accept() or SSL_shutdown() on s.
 *
 * @return one of the SSL_ERROR_* values.
 */
int SSL_get_error(const SSL *s, int ret_code);

#ifdef __cplusplus
}
#endif

#endif
