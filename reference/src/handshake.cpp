// The loopback handshake: a tiny message exchange that creates sessions and
// resumes them by session ID. It is NOT TLS and does no cryptography; the
// wire format is documented in <openssl/ssl.h>.
#include "internal.hpp"

#include <algorithm>

namespace sslref {
namespace {

enum MessageType : unsigned char {
  kClientHello = 0x01,
  kServerHello = 0x02,
  kClientFinished = 0x03,
  kNewSessionTicket = 0x04,
  kCloseNotify = 0x15,
  kFailure = 0x7f,
};

using Body = std::vector<unsigned char>;

// Result of one step of I/O: done, or the SSL_ERROR_* that stops us.
struct Step {
  int error = SSL_ERROR_NONE;
  bool ok() const { return error == SSL_ERROR_NONE; }
};

void queue_message(SSL* s, unsigned char type, const Body& body) {
  s->out.push_back(type);
  s->out.push_back(static_cast<unsigned char>(body.size() >> 8));
  s->out.push_back(static_cast<unsigned char>(body.size() & 0xff));
  s->out.insert(s->out.end(), body.begin(), body.end());
}

// A BIO pair whose other end is gone fails with an error the library
// reports (SSL_ERROR_SSL), as OpenSSL's and the other libraries' pairs do.
Step flush_output(SSL* s) {
  while (!s->out.empty()) {
    const long n = bio_write(s->wbio, s->out.data(), s->out.size());
    if (n < 0) return {SSL_ERROR_SSL};
    if (n == 0) return {SSL_ERROR_WANT_WRITE};
    s->out.erase(s->out.begin(), s->out.begin() + n);
  }
  return {};
}

// Reads one whole message into type/body; WANT_READ until it has arrived.
Step read_message(SSL* s, unsigned char& type, Body& body) {
  for (;;) {
    if (s->in.size() >= 3) {
      const size_t len = (size_t{s->in[1]} << 8) | s->in[2];
      if (s->in.size() >= 3 + len) {
        type = s->in[0];
        body.assign(s->in.begin() + 3, s->in.begin() + 3 + static_cast<long>(len));
        s->in.erase(s->in.begin(), s->in.begin() + 3 + static_cast<long>(len));
        return {};
      }
    }
    unsigned char chunk[4096];
    const long n = bio_read(s->rbio, chunk, sizeof chunk);
    if (n < 0) return {SSL_ERROR_SSL};
    if (n == 0) return {SSL_ERROR_WANT_READ};
    s->in.insert(s->in.end(), chunk, chunk + n);
  }
}

void put_u16(Body& b, int v) {
  b.push_back(static_cast<unsigned char>((v >> 8) & 0xff));
  b.push_back(static_cast<unsigned char>(v & 0xff));
}

template <size_t N>
void put_bytes(Body& b, const Bytes<N>& bytes) {
  b.push_back(static_cast<unsigned char>(bytes.len));
  b.insert(b.end(), bytes.data, bytes.data + bytes.len);
}

// A cursor over a received body; every read is bounds-checked.
struct Reader {
  const Body& body;
  size_t pos = 0;
  bool ok = true;
  int u8() {
    if (pos + 1 > body.size()) return ok = false, 0;
    return body[pos++];
  }
  int u16() { return (u8() << 8) | u8(); }
  template <size_t N>
  void bytes(Bytes<N>& out) {
    const size_t n = static_cast<size_t>(u8());
    if (!ok || pos + n > body.size() || !out.assign(body.data() + pos, n)) {
      ok = false;
      return;
    }
    pos += n;
  }
};

int min_version(const SSL* s) { return s->ctx->min_version ? s->ctx->min_version : TLS1_VERSION; }
int max_version(const SSL* s) { return s->ctx->max_version ? s->ctx->max_version : TLS1_3_VERSION; }

void replace_session(SSL* s, SSL_SESSION* fresh) {
  if (s->session) session_release(s->session, "SSL_do_handshake");
  s->session = fresh;
}

SSL_SESSION* new_connection_session(SSL* s, int version, bool with_id) {
  SSL_SESSION* fresh = session_new_at(now());
  if (!fresh) return nullptr;
  fresh->version = version;
  fresh->cipher_id = version == TLS1_3_VERSION ? kNominalCipherTls13 : kNominalCipherTls12;
  fresh->timeout = s->ctx->session_timeout.load();
  fresh->sid_ctx = s->sid_ctx;
  if (with_id) {
    fresh->id.len = SSL_MAX_SSL_SESSION_ID_LENGTH;
    fill_pseudo_random(fresh->id.data, fresh->id.len);
  }
  fresh->master_key.len = SSL_MAX_MASTER_KEY_LENGTH;
  fill_pseudo_random(fresh->master_key.data, fresh->master_key.len);
  return fresh;
}

// The session-cache side of a new session, following OpenSSL's
// ssl_update_cache: store it per the cache mode and hand it to the
// new-session callback. A session without an ID cannot resume: neither.
void store_new_session(SSL* s, long side) {
  SSL_CTX* ctx = s->ctx;
  const long mode = ctx->cache_mode.load();
  if (s->session->id.len == 0) return;
  if ((mode & side) && !s->hit) {
    if (!(mode & SSL_SESS_CACHE_NO_INTERNAL_STORE)) cache_add(ctx, s->session);
    if (ctx->new_session_cb) {
      s->session->refs.fetch_add(1);  // the callback's reference
      if (!ctx->new_session_cb(s, s->session)) session_release(s->session, "new_session_cb");
    }
  }
}

// A completed handshake: its session stored, and expired sessions flushed
// every 256 handshakes unless SSL_SESS_CACHE_NO_AUTO_CLEAR is set.
void update_cache(SSL* s, long side) {
  SSL_CTX* ctx = s->ctx;
  const long mode = ctx->cache_mode.load();
  std::atomic<unsigned>& good = side == SSL_SESS_CACHE_CLIENT ? ctx->good_handshakes_client : ctx->good_handshakes_server;
  const unsigned before = good.fetch_add(1);
  store_new_session(s, side);
  if (!(mode & SSL_SESS_CACHE_NO_AUTO_CLEAR) && (mode & side) == side && (before & 0xff) == 0xff)
    cache_flush(ctx, now(), /*all=*/false);
}

// ---- TLS 1.3 tickets -------------------------------------------------------
//
// As in the libraries people ship, a full TLS 1.3 handshake gives the client
// no resumable session: the server sends tickets after the handshake, each
// a session of its own (here: a session ID in the server's cache and a
// master key), and the client's session becomes resumable when it reads
// one. The connection keeps the last session on both ends.

constexpr int kTicketsPerHandshake = 2;  // OpenSSL's default number

bool tls13_full_handshake(const SSL* s) { return !s->hit && s->negotiated_version >= TLS1_3_VERSION; }

// The server, once the handshake is done: the first ticket is the
// handshake's session, each later one a copy with its own ID and key.
const char* server_send_tickets(SSL* s) {
  for (int i = 0; i < kTicketsPerHandshake; ++i) {
    if (i > 0) {
      SSL_SESSION* next = session_dup(s->session);
      if (!next) return "out of memory";
      if (next->id.len > 0) fill_pseudo_random(next->id.data, next->id.len);
      fill_pseudo_random(next->master_key.data, next->master_key.len);
      replace_session(s, next);
      store_new_session(s, SSL_SESS_CACHE_SERVER);
    } else {
      update_cache(s, SSL_SESS_CACHE_SERVER);
    }
    Body body;
    put_bytes(body, s->session->id);
    put_bytes(body, s->session->master_key);
    queue_message(s, kNewSessionTicket, body);
  }
  flush_output(s);  // what the BIO cannot take yet goes out with the next write
  return nullptr;
}

// The client: a ticket replaces its session with a resumable copy.
const char* client_take_ticket(SSL* s, const Body& body) {
  Reader r{body};
  SessionId id;
  MasterKey key;
  r.bytes(id);
  r.bytes(key);
  if (!r.ok || r.pos != body.size()) return "malformed ticket";
  SSL_SESSION* fresh = session_dup(s->session);
  if (!fresh) return "out of memory";
  fresh->id = id;
  fresh->master_key = key;
  replace_session(s, fresh);
  store_new_session(s, SSL_SESS_CACHE_CLIENT);
  return nullptr;
}

// Whole ticket messages that have arrived, taken in order; anything else
// (a close message) stays queued for SSL_shutdown.
const char* client_take_tickets(SSL* s) {
  unsigned char chunk[4096];
  for (long n; (n = bio_read(s->rbio, chunk, sizeof chunk)) > 0;) s->in.insert(s->in.end(), chunk, chunk + n);
  while (s->in.size() >= 3 && s->in[0] == kNewSessionTicket) {
    const size_t len = (size_t{s->in[1]} << 8) | s->in[2];
    if (s->in.size() < 3 + len) break;
    const Body body(s->in.begin() + 3, s->in.begin() + 3 + static_cast<long>(len));
    s->in.erase(s->in.begin(), s->in.begin() + 3 + static_cast<long>(len));
    if (const char* problem = client_take_ticket(s, body)) return problem;
  }
  return nullptr;
}

int fail(SSL* s, const char* reason) {
  const std::string text = reason;
  queue_message(s, kFailure, Body(text.begin(), text.end()));
  flush_output(s);
  s->state = HsState::kFailed;
  s->last_error = SSL_ERROR_SSL;
  return -1;
}

// ---- client --------------------------------------------------------------

bool offer_session(const SSL* s) {
  return s->session && !s->session->not_resumable.load() && s->session->id.len > 0;
}

// A renegotiation is a full handshake: it offers no session.
void client_send_hello(SSL* s, bool renegotiation = false) {
  Body body;
  put_u16(body, min_version(s));
  put_u16(body, max_version(s));
  SessionId offered;
  if (!renegotiation && offer_session(s)) offered = s->session->id;
  put_bytes(body, offered);
  queue_message(s, kClientHello, body);
  s->state = HsState::kClientSendHello;
}

// Returns an error text, or nullptr when the server hello was accepted.
const char* client_take_server_hello(SSL* s, const Body& body) {
  Reader r{body};
  const int version = r.u16();
  const bool resumed = r.u8() != 0;
  SessionId id;
  MasterKey key;
  r.bytes(id);
  r.bytes(key);
  if (!r.ok || r.pos != body.size()) return "malformed server hello";
  s->negotiated_version = version;
  if (resumed) {
    if (!offer_session(s) || !(s->session->id == id)) return "server resumed a session we did not offer";
    s->hit = true;
    return nullptr;
  }
  SSL_SESSION* fresh = new_connection_session(s, version, false);
  if (!fresh) return "out of memory";
  if (version < TLS1_3_VERSION) fresh->id = id;  // TLS 1.3: resumable once a ticket arrives
  fresh->master_key = key;
  replace_session(s, fresh);
  s->hit = false;
  return nullptr;
}

// ---- server --------------------------------------------------------------

bool server_may_look_up(const SSL* s, const SessionId& offered) {
  const long mode = s->ctx->cache_mode.load();
  return offered.len > 0 && (mode & SSL_SESS_CACHE_SERVER) && !(mode & SSL_SESS_CACHE_NO_INTERNAL_LOOKUP);
}

const char* server_choose_session(SSL* s, const SessionId& offered, int version) {
  SSL_SESSION* found = server_may_look_up(s, offered) ? cache_lookup(s->ctx, offered, s->sid_ctx, version) : nullptr;
  if (found) {
    replace_session(s, found);
    s->hit = true;
    return nullptr;
  }
  // Without server caching the session gets no ID, so it can never resume
  // (as OpenSSL does).
  const bool with_id = (s->ctx->cache_mode.load() & SSL_SESS_CACHE_SERVER) != 0;
  SSL_SESSION* fresh = new_connection_session(s, version, with_id);
  if (!fresh) return "out of memory";
  replace_session(s, fresh);
  s->hit = false;
  return nullptr;
}

const char* server_take_client_hello(SSL* s, const Body& body) {
  Reader r{body};
  const int client_min = r.u16();
  const int client_max = r.u16();
  SessionId offered;
  r.bytes(offered);
  if (!r.ok || r.pos != body.size()) return "malformed client hello";
  if (!s->ctx->have_certificate || !s->ctx->have_private_key) return "server has no certificate and private key";
  const int version = std::min(client_max, max_version(s));
  if (version < std::max(client_min, min_version(s))) return "no protocol version in common";
  s->negotiated_version = version;
  return server_choose_session(s, offered, version);
}

void server_send_hello(SSL* s) {
  Body body;
  put_u16(body, s->session->version);
  body.push_back(s->hit ? 1 : 0);
  put_bytes(body, s->session->id);
  put_bytes(body, s->hit ? MasterKey{} : s->session->master_key);
  queue_message(s, kServerHello, body);
  s->state = HsState::kServerSendHello;
}

// ---- the state machine ---------------------------------------------------

// A completed server looks at what has arrived: a client hello starts a
// renegotiation. Whatever else arrived stays queued for SSL_shutdown.
bool client_hello_waiting(SSL* s) {
  unsigned char chunk[4096];
  for (long n; (n = bio_read(s->rbio, chunk, sizeof chunk)) > 0;) s->in.insert(s->in.end(), chunk, chunk + n);
  return !s->in.empty() && s->in[0] == kClientHello;
}

int stop(SSL* s, Step step) {
  s->last_error = step.error;
  if (step.error == SSL_ERROR_SSL) s->state = HsState::kFailed;
  return -1;
}

// Receives the next message: 1 when it arrived, -1 when the handshake must
// stop (retry or failure), 0 when the peer closed in an orderly way (its
// close message came instead: the handshake can never complete). A FAILURE
// from the peer or a wrong type sets `problem`.
int expect(SSL* s, unsigned char wanted, Body& body, const char*& problem) {
  unsigned char type = 0;
  const Step step = read_message(s, type, body);
  if (!step.ok()) return stop(s, step);
  if (type == kCloseNotify) {
    s->shutdown |= SSL_RECEIVED_SHUTDOWN;
    s->state = HsState::kClosed;
    s->last_error = SSL_ERROR_ZERO_RETURN;
    return 0;
  }
  if (type == kFailure) problem = "peer reported a handshake failure";
  else if (type != wanted) problem = "unexpected message";
  return 1;
}

}  // namespace

int handshake_step(SSL* s) {
  if (!s->rbio || !s->wbio || !s->role_set) {
    s->last_error = SSL_ERROR_SSL;
    return -1;
  }
  for (;;) {
    Body body;
    const char* problem = nullptr;
    switch (s->state) {
      case HsState::kBefore:
        if (s->server) s->state = HsState::kServerWaitHello;
        else client_send_hello(s);
        break;
      case HsState::kClientSendHello: {
        const Step step = flush_output(s);
        if (!step.ok()) return stop(s, step);
        s->state = HsState::kClientWaitServerHello;
        break;
      }
      case HsState::kClientWaitServerHello:
        if (const int got = expect(s, kServerHello, body, problem); got <= 0) return got;
        if (!problem) problem = client_take_server_hello(s, body);
        if (problem) return fail(s, problem);
        queue_message(s, kClientFinished, {});
        s->state = HsState::kClientSendFinished;
        break;
      case HsState::kClientSendFinished: {
        const Step step = flush_output(s);
        if (!step.ok()) return stop(s, step);
        s->state = HsState::kDone;
        s->renegotiate = false;
        update_cache(s, SSL_SESS_CACHE_CLIENT);
        break;
      }
      case HsState::kServerWaitHello:
        if (const int got = expect(s, kClientHello, body, problem); got <= 0) return got;
        if (!problem) problem = server_take_client_hello(s, body);
        if (problem) return fail(s, problem);
        server_send_hello(s);
        break;
      case HsState::kServerSendHello: {
        const Step step = flush_output(s);
        if (!step.ok()) return stop(s, step);
        s->state = HsState::kServerWaitFinished;
        break;
      }
      case HsState::kServerWaitFinished:
        if (const int got = expect(s, kClientFinished, body, problem); got <= 0) return got;
        if (problem) return fail(s, problem);
        s->state = HsState::kDone;
        if (!tls13_full_handshake(s)) update_cache(s, SSL_SESS_CACHE_SERVER);
        else if (const char* no_tickets = server_send_tickets(s)) return fail(s, no_tickets);
        break;
      case HsState::kDone:
        if (!s->server && s->renegotiate && s->out.empty()) {
          client_send_hello(s, /*renegotiation=*/true);
          break;
        }
        if (s->server && !(s->shutdown & SSL_RECEIVED_SHUTDOWN) && client_hello_waiting(s)) {
          s->state = HsState::kServerWaitHello;
          break;
        }
        if (!s->server && !(s->shutdown & SSL_RECEIVED_SHUTDOWN)) {
          if (const char* bad_ticket = client_take_tickets(s)) return fail(s, bad_ticket);
        }
        s->last_error = SSL_ERROR_NONE;
        return 1;
      case HsState::kFailed:
        s->last_error = SSL_ERROR_SSL;
        return -1;
      case HsState::kClosed:
        s->last_error = SSL_ERROR_ZERO_RETURN;
        return 0;
    }
  }
}

// SSL_shutdown, as OpenSSL's: the first call sends close_notify and returns
// 1 if the peer's was already seen, 0 otherwise; later calls wait for the
// peer's (-1 with SSL_ERROR_WANT_READ until it arrives, then 1).
int shutdown_step(SSL* s) {
  if (s->state != HsState::kDone || !s->wbio || !s->rbio) {
    s->last_error = SSL_ERROR_SSL;
    return -1;
  }
  s->last_error = SSL_ERROR_NONE;
  if (!(s->shutdown & SSL_SENT_SHUTDOWN)) {
    queue_message(s, kCloseNotify, {});
    s->shutdown |= SSL_SENT_SHUTDOWN;
    const Step sent = flush_output(s);
    if (!sent.ok()) return stop(s, sent);
  } else if (!s->out.empty()) {
    const Step sent = flush_output(s);
    if (!sent.ok()) return stop(s, sent);
  } else if (!(s->shutdown & SSL_RECEIVED_SHUTDOWN)) {
    unsigned char type = 0;
    Body body;
    Step got = read_message(s, type, body);
    // Tickets not read yet come before the peer's close message.
    while (got.ok() && type == kNewSessionTicket && !s->server) {
      if (client_take_ticket(s, body)) break;
      got = read_message(s, type, body);
    }
    if (got.ok() && type == kCloseNotify) s->shutdown |= SSL_RECEIVED_SHUTDOWN;
    if (!(s->shutdown & SSL_RECEIVED_SHUTDOWN)) return stop(s, got.ok() ? Step{SSL_ERROR_WANT_READ} : got);
  }
  return s->shutdown == (SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN) ? 1 : 0;
}

}  // namespace sslref
