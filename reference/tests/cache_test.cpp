// The session cache of an SSL_CTX: references, replacement, size limit,
// timeouts and flush, remove callbacks.
#define BOOST_TEST_MODULE sslref_cache
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <algorithm>
#include <climits>
#include <random>
#include <set>

using namespace sslref_test;

namespace {

std::vector<SSL_SESSION*> g_removed;
void record_removal(SSL_CTX*, SSL_SESSION* s) { g_removed.push_back(s); }

struct CacheFixture {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  CacheFixture() {
    g_removed.clear();
    SSL_CTX_sess_set_remove_cb(ctx, record_removal);
  }
  ~CacheFixture() { SSL_CTX_free(ctx); }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(add_takes_a_reference_of_its_own, CacheFixture) {
  FreeCounter counter;
  SSL_SESSION* s = make_session(1);
  counter.tag(s);
  BOOST_TEST(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 0);  // the cache still holds it
  BOOST_TEST(SSL_CTX_remove_session(ctx, s) == 1);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_FIXTURE_TEST_CASE(adding_the_same_session_twice_returns_0, CacheFixture) {
  FreeCounter counter;
  SSL_SESSION* s = make_session(2);
  counter.tag(s);
  BOOST_TEST(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_TEST(SSL_CTX_add_session(ctx, s) == 0);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  SSL_SESSION_free(s);
  BOOST_TEST(SSL_CTX_remove_session(ctx, s) == 1);
  BOOST_TEST(counter.freed() == 1);  // one cache reference, not two
}

BOOST_FIXTURE_TEST_CASE(add_with_an_existing_id_replaces_and_releases_the_old, CacheFixture) {
  FreeCounter counter;
  SSL_SESSION* old_s = make_session(3);
  SSL_SESSION* new_s = make_session(3);
  counter.tag(old_s);
  BOOST_TEST(SSL_CTX_add_session(ctx, old_s) == 1);
  SSL_SESSION_free(old_s);
  BOOST_TEST(SSL_CTX_add_session(ctx, new_s) == 1);
  BOOST_TEST(counter.freed() == 1);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  BOOST_TEST(SSL_CTX_remove_session(ctx, new_s) == 1);
  SSL_SESSION_free(new_s);
}

BOOST_FIXTURE_TEST_CASE(remove_calls_the_callback_once_and_marks_not_resumable, CacheFixture) {
  SSL_SESSION* s = make_session(4);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_TEST(SSL_CTX_remove_session(ctx, s) == 1);
  BOOST_TEST(g_removed.size() == 1u);
  BOOST_TEST(g_removed[0] == s);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 0);
  BOOST_TEST(SSL_CTX_remove_session(ctx, s) == 0);  // not there any more
  BOOST_TEST(g_removed.size() == 1u);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(remove_takes_out_the_cached_session_with_the_same_id, CacheFixture) {
  FreeCounter counter;
  SSL_SESSION* cached = make_session(6);
  counter.tag(cached);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, cached) == 1);
  SSL_SESSION_free(cached);
  SSL_SESSION* twin = make_session(6);  // same ID, another object
  BOOST_TEST(SSL_CTX_remove_session(ctx, twin) == 1);
  BOOST_TEST(counter.freed() == 1);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 0);
  BOOST_TEST(SSL_SESSION_is_resumable(twin) == 0);
  SSL_SESSION_free(twin);
}

BOOST_FIXTURE_TEST_CASE(remove_of_a_session_never_added_returns_0, CacheFixture) {
  SSL_SESSION* s = make_session(5);
  BOOST_TEST(SSL_CTX_remove_session(ctx, s) == 0);
  BOOST_TEST(g_removed.empty());
  SSL_SESSION_free(s);
  BOOST_TEST(SSL_CTX_remove_session(ctx, nullptr) == 0);
  BOOST_TEST(SSL_CTX_add_session(ctx, nullptr) == 0);
}

BOOST_FIXTURE_TEST_CASE(full_cache_evicts_the_oldest_session, CacheFixture) {
  BOOST_TEST(SSL_CTX_sess_set_cache_size(ctx, 2) == SSL_SESSION_CACHE_MAX_SIZE_DEFAULT);
  SSL_SESSION* a = make_session(10, 100);
  SSL_SESSION* b = make_session(11, 200);
  SSL_SESSION* c = make_session(12, 300);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, b) == 1);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, a) == 1);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, c) == 1);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 2);
  BOOST_TEST(g_removed.size() == 1u);
  BOOST_TEST(g_removed[0] == a);  // the oldest, not the first added
  BOOST_TEST(SSL_SESSION_is_resumable(a) == 0);
  for (SSL_SESSION* s : {a, b, c}) SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(cache_size_0_means_unlimited, CacheFixture) {
  SSL_CTX_sess_set_cache_size(ctx, 0);
  for (int i = 0; i < 100; ++i) {
    SSL_SESSION* s = make_session(static_cast<unsigned char>(i), 1000 + i);
    BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
    SSL_SESSION_free(s);
  }
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 100);
}

BOOST_FIXTURE_TEST_CASE(flush_keeps_the_last_valid_second_and_removes_the_first_expired, CacheFixture) {
  SSL_SESSION* s = make_session(20, 1000, 300);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  SSL_CTX_flush_sessions(ctx, 1300);  // 1000 + 300: still valid
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  BOOST_TEST(g_removed.empty());
  SSL_CTX_flush_sessions(ctx, 1301);  // first expired second
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 0);
  BOOST_TEST(g_removed.size() == 1u);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 0);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(flush_removes_exactly_the_sessions_expired_at_that_time, CacheFixture) {
  SSL_CTX_sess_set_cache_size(ctx, 0);
  std::mt19937 rng(7);
  std::vector<SSL_SESSION*> all;
  for (int i = 0; i < 200; ++i) {
    const long time = 1000 + static_cast<long>(rng() % 500);
    const long timeout = static_cast<long>(rng() % 500);
    SSL_SESSION* s = make_session(0, time, timeout);
    const unsigned char id[2] = {static_cast<unsigned char>(i & 0xff), static_cast<unsigned char>(i >> 8)};
    BOOST_REQUIRE(SSL_SESSION_set1_id(s, id, 2) == 1);
    BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
    all.push_back(s);
  }
  const long flush_at = 1400;
  std::set<SSL_SESSION*> expected;
  for (SSL_SESSION* s : all)
    if (flush_at > SSL_SESSION_get_time(s) + SSL_SESSION_get_timeout(s)) expected.insert(s);
  SSL_CTX_flush_sessions(ctx, flush_at);
  const std::set<SSL_SESSION*> removed(g_removed.begin(), g_removed.end());
  BOOST_TEST((removed == expected));
  BOOST_TEST(SSL_CTX_sess_number(ctx) == static_cast<long>(all.size() - expected.size()));
  for (SSL_SESSION* s : all) SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(flush_at_time_0_removes_everything, CacheFixture) {
  for (unsigned char i = 0; i < 5; ++i) {
    SSL_SESSION* s = make_session(i, 1000 + i);
    SSL_CTX_add_session(ctx, s);
    SSL_SESSION_free(s);
  }
  SSL_CTX_flush_sessions(ctx, 0);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 0);
  BOOST_TEST(g_removed.size() == 5u);
}

BOOST_FIXTURE_TEST_CASE(set_time_on_a_cached_session_moves_its_expiry, CacheFixture) {
  SSL_SESSION* s = make_session(30, 1000, 10);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_REQUIRE(SSL_SESSION_set_time(s, 5000) == 5000);
  SSL_CTX_flush_sessions(ctx, 2000);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  BOOST_REQUIRE(SSL_SESSION_set_timeout(s, 0) == 1);
  SSL_CTX_flush_sessions(ctx, 5001);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 0);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(huge_timeout_saturates_instead_of_wrapping, CacheFixture) {
  SSL_SESSION* s = make_session(31, LONG_MAX - 10, LONG_MAX);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  SSL_CTX_flush_sessions(ctx, LONG_MAX);  // a wrapped expiry would be in the past
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(a_session_in_one_cache_is_refused_by_another, CacheFixture) {
  if (sslref_checked_build()) return;  // the checked build aborts instead (death test)
  SSL_CTX* other = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = make_session(32);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_TEST(SSL_CTX_add_session(other, s) == 0);
  BOOST_TEST(SSL_CTX_sess_number(other) == 0);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  SSL_SESSION_free(s);
  SSL_CTX_free(other);
}

BOOST_FIXTURE_TEST_CASE(update_time_mode_refreshes_the_time_on_add, CacheFixture) {
  FakeClock clock(9000);
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_UPDATE_TIME);
  SSL_SESSION* s = make_session(33, 1000);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  BOOST_TEST(SSL_SESSION_get_time(s) == 9000);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(freeing_the_context_removes_every_session_with_the_callback) {
  FreeCounter counter;
  g_removed.clear();
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_sess_set_remove_cb(ctx, record_removal);
  for (unsigned char i = 0; i < 3; ++i) {
    SSL_SESSION* s = make_session(i);
    counter.tag(s);
    SSL_CTX_add_session(ctx, s);
    SSL_SESSION_free(s);
  }
  SSL_CTX_free(ctx);
  BOOST_TEST(g_removed.size() == 3u);
  BOOST_TEST(counter.freed() == 3);
}
