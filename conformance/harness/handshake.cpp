#include "harness/handshake.hpp"

#include "harness/optional.hpp"

namespace sslconf::harness {

namespace {

const unsigned char kSessionIdContext[] = "sslconf";

bool configure(SSL_CTX* ctx, const HandshakeOptions& options, std::string& why) {
  if (!pin_protocol(ctx, options.protocol)) {
    why = "the library refused to pin the protocol version";
    return false;
  }
  if (!options.tickets) disable_tickets(ctx);
  return true;
}

bool still_going(SSL* ssl, int rc) {
  if (rc == 1) return false;
  const int e = SSL_get_error(ssl, rc);
  return e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
}

// Alternates the two ends until both report the handshake done. A bounded
// number of rounds: a handshake that never ends is a harness failure.
bool drive(Connection& c, std::string& why) {
  bool client_done = false, server_done = false;
  for (int round = 0; round < 64 && !(client_done && server_done); ++round) {
    if (!client_done) {
      const int rc = SSL_do_handshake(c.client);
      client_done = rc == 1;
      if (!client_done && !still_going(c.client, rc)) {
        why = "client handshake failed";
        return false;
      }
    }
    if (!server_done) {
      const int rc = SSL_do_handshake(c.server);
      server_done = rc == 1;
      if (!server_done && !still_going(c.server, rc)) {
        why = "server handshake failed";
        return false;
      }
    }
  }
  if (!(client_done && server_done)) why = "handshake did not finish";
  return client_done && server_done;
}

}  // namespace

std::string test_file(const char* name) { return std::string(SSLCONF_HARNESS_DATA "/") + name; }

bool make_contexts(const HandshakeOptions& options, Contexts& out, std::string& why) {
  if (!supports(options.protocol)) {
    why = "this library cannot pin that protocol version";
    return false;
  }
  out.client = SSL_CTX_new(optional::tls_method());
  out.server = SSL_CTX_new(optional::tls_method());
  if (!out.client || !out.server) {
    why = "SSL_CTX_new failed";
    return false;
  }
  if (!use_test_identity(out.server)) {
    why = "the server context refused the test certificate and key";
    return false;
  }
  SSL_CTX_set_session_id_context(out.server, kSessionIdContext, sizeof kSessionIdContext - 1);
  return configure(out.client, options, why) && configure(out.server, options, why);
}

bool connect(const Contexts& ctx, Connection& out, std::string& why, SSL_SESSION* resume, bool read_after) {
  out.client = SSL_new(ctx.client);
  out.server = SSL_new(ctx.server);
  BIO* client_end = nullptr;
  BIO* server_end = nullptr;
  if (!out.client || !out.server || BIO_new_bio_pair(&client_end, 0, &server_end, 0) != 1) {
    why = "could not create the connection objects";
    return false;
  }
  SSL_set_bio(out.client, client_end, client_end);
  out.client_end = client_end;
  SSL_set_bio(out.server, server_end, server_end);
  SSL_set_connect_state(out.client);
  SSL_set_accept_state(out.server);
  if (resume && SSL_set_session(out.client, resume) != 1) {
    why = "SSL_set_session refused the session to resume";
    return false;
  }
  if (!drive(out, why)) return false;
  if (read_after && !drain_post_handshake(out.client)) {
    why = "the client failed reading after the handshake";
    return false;
  }
  return true;
}

void disconnect(Connection& c, bool clean) {
  if (clean) {
    // Two rounds: each end sends close_notify, then reads the other's.
    for (int i = 0; i < 2; ++i) {
      SSL_shutdown(c.client);
      SSL_shutdown(c.server);
    }
  }
  SSL_free(c.client);
  SSL_free(c.server);
  c = {};
}

}  // namespace sslconf::harness
