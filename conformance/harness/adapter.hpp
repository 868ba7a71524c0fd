// The family adapter: the few places where OpenSSL-API libraries differ in
// shape (not in documented behaviour). One implementation file per family
// under adapters/; the checks call only these and the common API, so they
// stay family-free.
#pragma once

#include <openssl/ssl.h>

#include <string>

namespace sslconf::harness {

enum class Protocol { tls12, tls13 };

// "openssl", "libressl", "boringssl", "aws-lc", "wolfssl" or "reference".
const char* family_name();

// The release the library claims to implement, as {major, minor, patch}
// of the OpenSSL release numbering (BoringSSL and wolfSSL claim one too).
// `claimed` is false for a family that follows no OpenSSL release (LibreSSL).
struct Release {
  int major = 0, minor = 0, patch = 0;
  bool claimed = true;
};
Release claimed_release();

// A blank session, made the way this family's SSL_SESSION_new wants.
SSL_SESSION* new_blank_session();

// A file of the committed test identity ("cert.pem", "key.pem").
std::string test_file(const char* name);

// Installs the committed test certificate and key on a server context.
bool use_test_identity(SSL_CTX* server);

// Pins the context to one protocol version; false when the family cannot.
bool pin_protocol(SSL_CTX* ctx, Protocol p);

// Turns session tickets off (so TLS 1.2 sessions live in the ID cache).
void disable_tickets(SSL_CTX* ctx);

// Lets the client read what the server sent after the handshake (TLS 1.3
// NewSessionTicket messages). Returns false if reading failed hard.
bool drain_post_handshake(SSL* client);

// One read of application data (SSL_read of one byte in the TLS families):
// what the read returned. Throws optional::Missing where the family has no
// read call (the reference).
int read_once(SSL* ssl);

// One write of one byte of application data (SSL_write in the TLS
// families): what the write returned. Throws optional::Missing where the
// family has no write call (the reference).
int write_once(SSL* ssl, char byte);

// The bytes a peer sends to end the exchange in an orderly way (TLS: a
// warning-level close_notify alert record; the reference: its close
// message), written raw by a scenario into a BIO, so a handshake can meet
// an orderly close before it completes.
std::string orderly_close_bytes();

// Families whose sessions carry no meaningful protocol handshake (the
// reference's loopback handshake) still report true here when a TLS 1.3
// handshake is possible.
bool supports(Protocol p);

}  // namespace sslconf::harness
