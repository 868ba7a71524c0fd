#include "helpers.hpp"

#include <atomic>
#include <cstring>

namespace sslref_test {
namespace {

std::atomic<long> g_now{0};
long fake_now() { return g_now.load(); }

std::atomic<int> g_freed{0};
void count_free(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  if (ptr) ++g_freed;
}
int g_tag = 0;

const unsigned char kSidCtx[] = "sslref-test";

}  // namespace

std::string data_path(const std::string& name) { return std::string(SSLREF_TEST_DATA_DIR) + "/" + name; }

FakeClock::FakeClock(long start) {
  g_now = start;
  sslref_test_set_clock(fake_now);
}
FakeClock::~FakeClock() { sslref_test_set_clock(nullptr); }
void FakeClock::set(long t) { g_now = t; }

FreeCounter::FreeCounter() : index_(SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, count_free)) {
  g_freed = 0;
}
void FreeCounter::tag(SSL_SESSION* s) { (void)SSL_SESSION_set_ex_data(s, index_, &g_tag); }
int FreeCounter::freed() const { return g_freed.load(); }

SSL_SESSION* make_session(unsigned char id_byte, long time, long timeout) {
  SSL_SESSION* s = SSL_SESSION_new();
  unsigned char id[SSL_MAX_SSL_SESSION_ID_LENGTH];
  std::memset(id, id_byte, sizeof id);
  if (!s || !SSL_SESSION_set1_id(s, id, sizeof id) || !SSL_SESSION_set_time(s, time) ||
      !SSL_SESSION_set_timeout(s, timeout)) {
    SSL_SESSION_free(s);
    return nullptr;
  }
  return s;
}

SSL_CTX* make_server_ctx() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  if (!ctx) return nullptr;
  const bool ok = SSL_CTX_use_certificate_file(ctx, data_path("cert.pem").c_str(), SSL_FILETYPE_PEM) == 1 &&
                  SSL_CTX_use_PrivateKey_file(ctx, data_path("key.pem").c_str(), SSL_FILETYPE_PEM) == 1 &&
                  SSL_CTX_set_session_id_context(ctx, kSidCtx, sizeof kSidCtx - 1) == 1;
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  if (!ok) {
    SSL_CTX_free(ctx);
    return nullptr;
  }
  return ctx;
}

SSL_CTX* make_client_ctx() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  if (ctx) SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  return ctx;
}

bool create_pair(SSL_CTX* client_ctx, SSL_CTX* server_ctx, Pair& out, SSL_SESSION* resume) {
  out.client = SSL_new(client_ctx);
  out.server = SSL_new(server_ctx);
  BIO* c = nullptr;
  BIO* s = nullptr;
  if (!out.client || !out.server || BIO_new_bio_pair(&c, 0, &s, 0) != 1 ||
      (resume && SSL_set_session(out.client, resume) != 1)) {
    BIO_free(c);
    BIO_free(s);
    free_pair(out);
    return false;
  }
  SSL_set_bio(out.client, c, c);
  SSL_set_bio(out.server, s, s);
  SSL_set_connect_state(out.client);
  SSL_set_accept_state(out.server);
  return true;
}

namespace {
bool may_continue(SSL* ssl, int rc) {
  const int e = SSL_get_error(ssl, rc);
  return e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
}
}  // namespace

bool complete_handshake(Pair& p) {
  bool client_done = false, server_done = false;
  for (int round = 0; round < 32 && !(client_done && server_done); ++round) {
    if (!client_done) {
      const int rc = SSL_do_handshake(p.client);
      client_done = rc == 1;
      if (!client_done && !may_continue(p.client, rc)) return false;
    }
    if (!server_done) {
      const int rc = SSL_do_handshake(p.server);
      server_done = rc == 1;
      if (!server_done && !may_continue(p.server, rc)) return false;
    }
  }
  // Once both are done, the client reads what the server sent after the
  // handshake (TLS 1.3 tickets), as an application's first read would.
  return client_done && server_done && SSL_do_handshake(p.client) == 1;
}

void shutdown_cleanly(Pair& p) {
  for (int i = 0; i < 2; ++i) {
    (void)SSL_shutdown(p.client);
    (void)SSL_shutdown(p.server);
  }
}

void free_pair(Pair& p) {
  SSL_free(p.client);
  SSL_free(p.server);
  p = {};
}

bool connect(SSL_CTX* client_ctx, SSL_CTX* server_ctx, Pair& out, SSL_SESSION* resume) {
  return create_pair(client_ctx, server_ctx, out, resume) && complete_handshake(out);
}

std::vector<unsigned char> id_of(const SSL_SESSION* s) {
  unsigned int len = 0;
  const unsigned char* p = SSL_SESSION_get_id(s, &len);
  return std::vector<unsigned char>(p, p + len);
}

}  // namespace sslref_test
