// Small helpers that build the situations scenarios need, throwing
// Unresolved when the library will not let them be built.
#pragma once

#include "harness/handshake.hpp"

#include <openssl/ssl.h>

#include <functional>

namespace sslconf::checks {

// A finished handshake between a fresh client and server.
struct Live {
  harness::Contexts ctx;
  harness::Connection conn;
};

Live live(const harness::HandshakeOptions& options = {});
// As live(), with `prepare` run on the contexts before the handshake.
Live live_with(const std::function<void(harness::Contexts&)>& prepare, const harness::HandshakeOptions& options = {});
// A second connection on the same contexts, offering `resume`.
harness::Connection reconnect(const Live& l, SSL_SESSION* resume);

// A client session from a handshake whose connection is gone: the caller
// holds its only reference.
SSL_SESSION* handshake_session();
// A handshake's session that the next connection resumed (SSL_session_reused
// said so); UNRESOLVED where it did not. The caller owns the one reference.
SSL_SESSION* resumed_session();
SSL_SESSION* blank_session();
SSL_CTX* server_context();  // a context with the server cache on
SSL* fresh_connection();    // an SSL that has not handshaken

}  // namespace sslconf::checks
