// Client and server in one process, joined by a memory BIO pair: sessions
// from a real handshake without sockets or threads.
#pragma once

#include "harness/adapter.hpp"

#include <openssl/ssl.h>

#include <string>

namespace sslconf::harness {

struct HandshakeOptions {
  Protocol protocol = Protocol::tls12;
  bool tickets = false;  // off: TLS 1.2 sessions live in the session-ID cache
};

struct Contexts {
  SSL_CTX* client = nullptr;
  SSL_CTX* server = nullptr;
};

struct Connection {
  SSL* client = nullptr;
  SSL* server = nullptr;
  // The client's end of the BIO pair (owned by the client): a scenario can
  // fill it so that the client's next write would block.
  BIO* client_end = nullptr;
};

// A client and a server context ready to meet: the server holds the test
// identity and a session ID context, both are pinned to the protocol.
// Returns false (with the reason in `why`) when the library refuses.
bool make_contexts(const HandshakeOptions& options, Contexts& out, std::string& why);

// Creates both ends, offers `resume` (may be NULL) from the client, and
// drives the handshake to its end, then lets the client read what the
// server sent after it (TLS 1.3 tickets). False with the reason on failure.
// With `read_after` false the client stops when its handshake is done,
// before reading what the server sent after it.
bool connect(const Contexts& ctx, Connection& out, std::string& why, SSL_SESSION* resume = nullptr, bool read_after = true);

// Frees both ends; `clean` shuts both down first (close_notify exchanged).
void disconnect(Connection& c, bool clean);

}  // namespace sslconf::harness
