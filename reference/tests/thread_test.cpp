// Concurrency: reference counts and the cache under several threads. Run
// under ThreadSanitizer (SSLCONF_SANITIZE=thread) to prove freedom from
// data races; in a plain build these prove the counts come out exact.
#define BOOST_TEST_MODULE sslref_thread
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <atomic>
#include <thread>

using namespace sslref_test;

namespace {

constexpr int kThreads = 4;

// Boost.Test assertions are not thread-safe: worker threads count their
// failures here and the main thread checks the count.
std::atomic<int> g_failures{0};
void expect(bool ok) {
  if (!ok) ++g_failures;
}

template <typename F>
void run_threads(F body) {
  g_failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(body, t);
  for (auto& th : threads) th.join();
  BOOST_TEST(g_failures.load() == 0);
}

std::atomic<int> g_removed{0};
void count_removal(SSL_CTX*, SSL_SESSION*) { ++g_removed; }

}  // namespace

BOOST_AUTO_TEST_CASE(concurrent_up_ref_and_free_free_the_session_once) {
  FreeCounter counter;
  SSL_SESSION* s = SSL_SESSION_new();
  counter.tag(s);
  run_threads([s](int) {
    for (int i = 0; i < 20000; ++i) {
      expect(SSL_SESSION_up_ref(s) == 1);
      SSL_SESSION_free(s);
    }
  });
  BOOST_TEST(counter.freed() == 0);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_AUTO_TEST_CASE(concurrent_get1_and_free_keep_the_session_alive) {
  FreeCounter counter;
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL* ssl = SSL_new(ctx);
  SSL_SESSION* s = make_session(1);
  counter.tag(s);
  BOOST_REQUIRE(SSL_set_session(ssl, s) == 1);
  SSL_SESSION_free(s);
  run_threads([ssl](int) {
    for (int i = 0; i < 20000; ++i) SSL_SESSION_free(SSL_get1_session(ssl));
  });
  BOOST_TEST(counter.freed() == 0);
  SSL_free(ssl);
  BOOST_TEST(counter.freed() == 1);
  SSL_CTX_free(ctx);
}

BOOST_AUTO_TEST_CASE(concurrent_add_remove_and_flush_lose_no_reference) {
  FreeCounter counter;
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_sess_set_cache_size(ctx, 0);
  SSL_CTX_sess_set_remove_cb(ctx, count_removal);
  g_removed = 0;
  constexpr int kPerThread = 2000;
  run_threads([ctx, &counter](int t) {
    for (int i = 0; i < kPerThread; ++i) {
      SSL_SESSION* s = make_session(0, 1000 + i, i % 3 == 0 ? 0 : 100000);
      const unsigned char id[3] = {static_cast<unsigned char>(t), static_cast<unsigned char>(i >> 8),
                                   static_cast<unsigned char>(i & 0xff)};
      expect(SSL_SESSION_set1_id(s, id, 3) == 1);
      counter.tag(s);
      expect(SSL_CTX_add_session(ctx, s) == 1);
      if (i % 2 == 0) (void)SSL_CTX_remove_session(ctx, s);
      if (i % 100 == 0) SSL_CTX_flush_sessions(ctx, 1500);
      (void)SSL_CTX_sess_number(ctx);
      SSL_SESSION_free(s);
    }
  });
  const long left = SSL_CTX_sess_number(ctx);
  BOOST_TEST(counter.freed() == kThreads * kPerThread - left);
  BOOST_TEST(g_removed.load() == kThreads * kPerThread - left);
  SSL_CTX_free(ctx);
  BOOST_TEST(counter.freed() == kThreads * kPerThread);
}

BOOST_AUTO_TEST_CASE(concurrent_handshakes_on_shared_contexts_all_complete) {
  SSL_CTX* client = make_client_ctx();
  SSL_CTX* server = make_server_ctx();
  BOOST_REQUIRE(client && server);
  std::atomic<int> completed{0}, resumed{0};
  run_threads([&](int) {
    SSL_SESSION* last = nullptr;
    for (int i = 0; i < 100; ++i) {
      Pair p;
      if (!connect(client, server, p, last)) continue;
      ++completed;
      if (SSL_session_reused(p.client)) ++resumed;
      SSL_SESSION_free(last);
      last = SSL_get1_session(p.client);
      shutdown_cleanly(p);
      free_pair(p);
    }
    SSL_SESSION_free(last);
  });
  BOOST_TEST(completed.load() == kThreads * 100);
  BOOST_TEST(resumed.load() == kThreads * 99);
  SSL_CTX_free(client);
  SSL_CTX_free(server);
}
