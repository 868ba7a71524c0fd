// SSL objects and the loopback handshake: session creation, resumption by
// session ID, cache modes, callbacks, and the bad-shutdown rule (on TLS 1.2,
// one session per handshake), then the tickets of TLS 1.3.
#define BOOST_TEST_MODULE sslref_connection
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace sslref_test;

namespace {

struct Contexts {
  SSL_CTX* client = make_client_ctx();
  SSL_CTX* server = make_server_ctx();
  // TLS 1.2 unless a test says otherwise: a full TLS 1.3 handshake makes a
  // session per ticket (the tests at the end).
  Contexts() {
    BOOST_REQUIRE(client && server);
    SSL_CTX_set_max_proto_version(server, TLS1_2_VERSION);
  }
  ~Contexts() {
    SSL_CTX_free(client);
    SSL_CTX_free(server);
  }
  // A full handshake, cleanly shut down; returns the client's session (a
  // reference the caller owns).
  SSL_SESSION* first_session() {
    Pair p;
    BOOST_REQUIRE(connect(client, server, p));
    SSL_SESSION* s = SSL_get1_session(p.client);
    shutdown_cleanly(p);
    free_pair(p);
    return s;
  }
  // Connects offering `offer`; returns whether both sides report reuse.
  bool resumes(SSL_SESSION* offer) {
    Pair p;
    BOOST_REQUIRE(connect(client, server, p, offer));
    const bool client_reused = SSL_session_reused(p.client) == 1;
    const bool server_reused = SSL_session_reused(p.server) == 1;
    BOOST_TEST(client_reused == server_reused);
    shutdown_cleanly(p);
    free_pair(p);
    return client_reused && server_reused;
  }
};

int g_new_cb_calls = 0;
SSL_SESSION* g_kept = nullptr;
int keep_session(SSL*, SSL_SESSION* s) {
  ++g_new_cb_calls;
  g_kept = s;
  return 1;  // we keep the reference
}
int decline_session(SSL*, SSL_SESSION*) {
  ++g_new_cb_calls;
  return 0;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(handshake_creates_a_session_the_server_caches, Contexts) {
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  SSL_SESSION* cs = SSL_get_session(p.client);
  SSL_SESSION* ss = SSL_get0_session(p.server);
  BOOST_REQUIRE(cs && ss);
  BOOST_TEST(id_of(cs) == id_of(ss));
  BOOST_TEST(id_of(cs).size() == 32u);
  BOOST_TEST(SSL_SESSION_get_master_key(cs, nullptr, 0) == 48u);
  BOOST_TEST(SSL_SESSION_is_resumable(cs) == 1);
  BOOST_TEST(SSL_session_reused(p.client) == 0);
  BOOST_TEST(SSL_CTX_sess_number(server) == 1);
  BOOST_TEST(SSL_CTX_sess_number(client) == 0);  // default mode caches on servers only
  shutdown_cleanly(p);
  free_pair(p);
}

BOOST_FIXTURE_TEST_CASE(a_kept_session_resumes_the_next_connection, Contexts) {
  SSL_SESSION* s = first_session();
  BOOST_TEST(resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(resumption_requires_the_same_session_id_context, Contexts) {
  SSL_SESSION* s = first_session();
  const unsigned char other[] = "another context";
  BOOST_REQUIRE(SSL_CTX_set_session_id_context(server, other, sizeof other - 1) == 1);
  BOOST_TEST(!resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(resumption_requires_the_session_in_the_server_cache, Contexts) {
  SSL_SESSION* s = first_session();
  SSL_CTX_flush_sessions(server, 0);
  BOOST_TEST(!resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(resumption_works_on_the_last_valid_second_only, Contexts) {
  FakeClock clock(10000);
  SSL_CTX_set_timeout(server, 100);  // the server's cache decides
  SSL_CTX_set_timeout(client, 100);  // each side stamps its own session
  SSL_SESSION* s = first_session();
  BOOST_TEST(SSL_SESSION_get_timeout(s) == 100);
  clock.set(10100);  // time + timeout: still valid
  BOOST_TEST(resumes(s));
  clock.set(10101);  // first expired second: refused, and dropped from the cache
  BOOST_TEST(!resumes(s));
  BOOST_TEST(SSL_CTX_sess_number(server) == 1);  // only the new full handshake's session
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(cache_mode_off_gives_sessions_without_id, Contexts) {
  SSL_CTX_set_session_cache_mode(server, SSL_SESS_CACHE_OFF);
  SSL_SESSION* s = first_session();
  BOOST_TEST(SSL_CTX_sess_number(server) == 0);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 0);
  BOOST_TEST(!resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(no_internal_store_skips_the_cache_but_calls_new_cb, Contexts) {
  SSL_CTX_set_session_cache_mode(server, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL_STORE);
  SSL_CTX_sess_set_new_cb(server, decline_session);
  g_new_cb_calls = 0;
  SSL_SESSION* s = first_session();
  BOOST_TEST(g_new_cb_calls == 1);
  BOOST_TEST(SSL_CTX_sess_number(server) == 0);
  BOOST_TEST(!resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(no_internal_lookup_stores_but_never_resumes, Contexts) {
  SSL_CTX_set_session_cache_mode(server, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL_LOOKUP);
  SSL_SESSION* s = first_session();
  BOOST_TEST(SSL_CTX_sess_number(server) == 1);
  BOOST_TEST(!resumes(s));
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(client_mode_caches_on_the_client, Contexts) {
  SSL_CTX_set_session_cache_mode(client, SSL_SESS_CACHE_CLIENT);
  SSL_SESSION* s = first_session();
  BOOST_TEST(SSL_CTX_sess_number(client) == 1);
  BOOST_TEST(SSL_CTX_remove_session(client, s) == 1);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(new_session_callback_may_keep_the_reference, Contexts) {
  FreeCounter counter;
  SSL_CTX_sess_set_new_cb(server, keep_session);
  g_new_cb_calls = 0;
  g_kept = nullptr;
  SSL_SESSION* s = first_session();
  BOOST_REQUIRE(g_kept);
  counter.tag(g_kept);
  SSL_CTX_flush_sessions(server, 0);
  BOOST_TEST(counter.freed() == 0);  // the callback's reference keeps it alive
  SSL_SESSION_free(g_kept);
  BOOST_TEST(counter.freed() == 1);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(ssl_free_without_shutdown_removes_the_session_from_the_cache, Contexts) {
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  BOOST_TEST(SSL_CTX_sess_number(server) == 1);
  free_pair(p);
  BOOST_TEST(SSL_CTX_sess_number(server) == 0);
}

BOOST_FIXTURE_TEST_CASE(clean_shutdown_keeps_the_session_cached, Contexts) {
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  BOOST_TEST(SSL_shutdown(p.client) == 0);  // sent, peer's not yet seen
  BOOST_TEST(SSL_shutdown(p.server) == 0);
  BOOST_TEST(SSL_shutdown(p.client) == 1);
  BOOST_TEST(SSL_shutdown(p.server) == 1);
  free_pair(p);
  BOOST_TEST(SSL_CTX_sess_number(server) == 1);
}

BOOST_FIXTURE_TEST_CASE(ssl_clear_without_shutdown_removes_the_session, Contexts) {
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  BOOST_TEST(SSL_clear(p.server) == 1);
  BOOST_TEST(SSL_CTX_sess_number(server) == 0);
  free_pair(p);
}

// SSL_clear(3): the connection's reference to a bad session is released, so
// the session is freed once nobody else holds it (as OpenSSL 3.0 does).
BOOST_FIXTURE_TEST_CASE(ssl_clear_without_shutdown_releases_the_session, Contexts) {
  FreeCounter counter;
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  counter.tag(SSL_get_session(p.server));
  BOOST_TEST(SSL_clear(p.server) == 1);
  BOOST_TEST(SSL_get_session(p.server) == nullptr);
  BOOST_TEST(counter.freed() == 1);
  free_pair(p);
}

BOOST_FIXTURE_TEST_CASE(ssl_clear_after_clean_shutdown_keeps_the_session, Contexts) {
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  SSL_SESSION* s = SSL_get_session(p.client);
  shutdown_cleanly(p);
  BOOST_TEST(SSL_clear(p.client) == 1);
  BOOST_TEST(SSL_get_session(p.client) == s);
  free_pair(p);
}

BOOST_FIXTURE_TEST_CASE(get1_session_survives_ssl_free, Contexts) {
  FreeCounter counter;
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  SSL_SESSION* s = SSL_get1_session(p.client);
  counter.tag(s);
  BOOST_TEST(SSL_get_session(p.client) == s);
  shutdown_cleanly(p);
  free_pair(p);
  BOOST_TEST(counter.freed() == 0);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 1);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_AUTO_TEST_CASE(get_session_of_a_fresh_ssl_is_null) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL* ssl = SSL_new(ctx);
  BOOST_TEST(SSL_get_session(ssl) == nullptr);
  BOOST_TEST(SSL_get1_session(ssl) == nullptr);
  BOOST_TEST(SSL_get_session(nullptr) == nullptr);
  SSL_free(ssl);
  SSL_free(nullptr);
  SSL_CTX_free(ctx);
}

BOOST_AUTO_TEST_CASE(set_session_takes_a_reference_and_null_clears_it) {
  FreeCounter counter;
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL* ssl = SSL_new(ctx);
  SSL_SESSION* s = make_session(1);
  counter.tag(s);
  BOOST_TEST(SSL_set_session(ssl, s) == 1);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 0);
  BOOST_TEST(SSL_get_session(ssl) == s);
  BOOST_TEST(SSL_set_session(ssl, nullptr) == 1);
  BOOST_TEST(counter.freed() == 1);
  SSL_free(ssl);
  SSL_CTX_free(ctx);
}

BOOST_FIXTURE_TEST_CASE(server_without_certificate_fails_the_handshake, Contexts) {
  SSL_CTX* bare = SSL_CTX_new(TLS_method());
  Pair p;
  BOOST_REQUIRE(create_pair(client, bare, p));
  BOOST_TEST(!complete_handshake(p));
  BOOST_TEST(SSL_get_error(p.server, SSL_do_handshake(p.server)) == SSL_ERROR_SSL);
  free_pair(p);
  SSL_CTX_free(bare);
}

BOOST_FIXTURE_TEST_CASE(versions_without_overlap_fail_the_handshake, Contexts) {
  SSL_CTX_set_min_proto_version(client, TLS1_3_VERSION);
  SSL_CTX_set_max_proto_version(server, TLS1_2_VERSION);
  Pair p;
  BOOST_REQUIRE(create_pair(client, server, p));
  BOOST_TEST(!complete_handshake(p));
  free_pair(p);
}

BOOST_FIXTURE_TEST_CASE(session_records_the_negotiated_version, Contexts) {
  SSL_CTX_set_max_proto_version(server, TLS1_2_VERSION);
  SSL_SESSION* s = first_session();
  BOOST_TEST(SSL_SESSION_get_protocol_version(s) == TLS1_2_VERSION);
  SSL_SESSION_free(s);
  SSL_CTX_set_max_proto_version(server, 0);
  s = first_session();
  BOOST_TEST(SSL_SESSION_get_protocol_version(s) == TLS1_3_VERSION);
  SSL_SESSION_free(s);
}

BOOST_FIXTURE_TEST_CASE(server_waits_for_the_client_hello, Contexts) {
  Pair p;
  BOOST_REQUIRE(create_pair(client, server, p));
  const int rc = SSL_do_handshake(p.server);
  BOOST_TEST(rc == -1);
  BOOST_TEST(SSL_get_error(p.server, rc) == SSL_ERROR_WANT_READ);
  BOOST_TEST(complete_handshake(p));
  free_pair(p);
}

BOOST_FIXTURE_TEST_CASE(connect_and_accept_drive_the_same_handshake, Contexts) {
  SSL* c = SSL_new(client);
  SSL* s = SSL_new(server);
  BIO* a = nullptr;
  BIO* b = nullptr;
  BOOST_REQUIRE(BIO_new_bio_pair(&a, 0, &b, 0) == 1);
  SSL_set_bio(c, a, a);
  SSL_set_bio(s, b, b);
  int rc_c = -1, rc_s = -1;
  for (int i = 0; i < 8 && !(rc_c == 1 && rc_s == 1); ++i) {
    if (rc_c != 1) rc_c = SSL_connect(c);
    if (rc_s != 1) rc_s = SSL_accept(s);
  }
  BOOST_TEST(rc_c == 1);
  BOOST_TEST(rc_s == 1);
  SSL_free(c);
  SSL_free(s);
}

BOOST_FIXTURE_TEST_CASE(auto_flush_runs_every_256_handshakes, Contexts) {
  FakeClock clock(50000);
  SSL_SESSION* stale = make_session(0xee, 100, 10);  // long expired
  BOOST_REQUIRE(SSL_CTX_add_session(server, stale) == 1);
  for (int i = 0; i < 255; ++i) {
    SSL_SESSION* s = first_session();
    SSL_SESSION_free(s);
  }
  BOOST_TEST(SSL_CTX_remove_session(server, stale) == 1);  // still cached after 255 handshakes
  BOOST_REQUIRE(SSL_CTX_add_session(server, stale) == 1);
  SSL_SESSION_free(first_session());  // the 256th handshake flushes
  BOOST_TEST(SSL_CTX_remove_session(server, stale) == 0);
  SSL_SESSION_free(stale);
}

BOOST_FIXTURE_TEST_CASE(no_auto_clear_disables_the_automatic_flush, Contexts) {
  FakeClock clock(50000);
  SSL_CTX_set_session_cache_mode(server, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_AUTO_CLEAR);
  SSL_SESSION* stale = make_session(0xef, 100, 10);
  BOOST_REQUIRE(SSL_CTX_add_session(server, stale) == 1);
  for (int i = 0; i < 300; ++i) SSL_SESSION_free(first_session());
  BOOST_TEST(SSL_CTX_remove_session(server, stale) == 1);
  SSL_SESSION_free(stale);
}

BOOST_AUTO_TEST_CASE(bio_free_of_null_returns_0) { BOOST_TEST(BIO_free(nullptr) == 0); }

// A pair end lives until its last reference goes; the other end's write
// guarantee drops to 0 exactly then.
BOOST_AUTO_TEST_CASE(bio_up_ref_keeps_the_end_until_the_last_free) {
  BIO *a = nullptr, *b = nullptr;
  BOOST_REQUIRE(BIO_new_bio_pair(&a, 100, &b, 50) == 1);
  BOOST_TEST(BIO_ctrl_get_write_guarantee(a) == 100u);
  BOOST_TEST(BIO_ctrl_get_write_guarantee(b) == 50u);
  BOOST_TEST(BIO_up_ref(a) == 1);
  BOOST_TEST(BIO_free(a) == 1);
  BOOST_TEST(BIO_ctrl_get_write_guarantee(b) == 50u);
  BOOST_TEST(BIO_free(a) == 1);
  BOOST_TEST(BIO_ctrl_get_write_guarantee(b) == 0u);
  BOOST_TEST(BIO_free(b) == 1);
  BOOST_TEST(BIO_up_ref(nullptr) == 0);
  BOOST_TEST(BIO_ctrl_get_write_guarantee(nullptr) == 0u);
}

BOOST_AUTO_TEST_CASE(bio_write_and_read_carry_bytes_and_report_full_empty_and_gone) {
  BIO *a = nullptr, *b = nullptr;
  BOOST_REQUIRE(BIO_new_bio_pair(&a, 4, &b, 4) == 1);
  char out[8] = {0};
  BOOST_TEST(BIO_read(b, out, sizeof out) == -1);  // nothing written yet
  BOOST_TEST(BIO_write(a, "abcdef", 6) == 4);     // only the buffer's room
  BOOST_TEST(BIO_write(a, "ef", 2) == -1);        // full
  BOOST_TEST(BIO_ctrl_get_write_guarantee(a) == 0u);
  BOOST_TEST(BIO_read(b, out, 3) == 3);
  BOOST_TEST(std::string(out, 3) == "abc");
  BOOST_TEST(BIO_write(a, "", 0) == 0);
  BOOST_TEST(BIO_free(a) == 1);
  BOOST_TEST(BIO_read(b, out, sizeof out) == -1);  // the unread byte went with a
  BOOST_TEST(BIO_write(b, "x", 1) == -1);         // nobody left to read
  BOOST_TEST(BIO_free(b) == 1);
}

BOOST_FIXTURE_TEST_CASE(set_session_is_refused_once_the_handshake_has_started, Contexts) {
  FreeCounter counter;
  SSL* ssl = SSL_new(client);
  BIO *a = nullptr, *b = nullptr;
  BOOST_REQUIRE(BIO_new_bio_pair(&a, 0, &b, 0) == 1);
  SSL_set_bio(ssl, a, a);
  SSL_set_connect_state(ssl);
  BOOST_TEST(SSL_do_handshake(ssl) == -1);  // the hello is out; the server is silent
  SSL_SESSION* s = make_session(2);
  counter.tag(s);
  BOOST_TEST(SSL_set_session(ssl, s) == 0);
  BOOST_TEST(SSL_get_session(ssl) == nullptr);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);  // the refused call took no reference
  BOOST_TEST(SSL_clear(ssl) == 1);
  SSL_SESSION* t = make_session(3);
  BOOST_TEST(SSL_set_session(ssl, t) == 1);  // a reset connection accepts one again
  SSL_SESSION_free(t);
  SSL_free(ssl);
  BIO_free(b);
}

// A renegotiation is a second full handshake on the same connections: new
// session on both sides, and SSL_clear refuses while it is pending.
BOOST_FIXTURE_TEST_CASE(renegotiation_replaces_the_session_and_blocks_clear_meanwhile, Contexts) {
  SSL_CTX_set_max_proto_version(client, TLS1_2_VERSION);
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  SSL_SESSION* first = SSL_get1_session(p.client);
  BOOST_TEST(SSL_renegotiate(p.server) == 0);  // from the client only
  BOOST_TEST(SSL_renegotiate_pending(p.client) == 0);
  BOOST_TEST(SSL_renegotiate(p.client) == 1);
  BOOST_TEST(SSL_renegotiate_pending(p.client) == 1);
  BOOST_TEST(SSL_clear(p.client) == 0);
  BOOST_TEST(SSL_get_session(p.client) == first);  // the refused reset changed nothing
  BOOST_REQUIRE(complete_handshake(p));
  BOOST_TEST(SSL_renegotiate_pending(p.client) == 0);
  SSL_SESSION* second = SSL_get_session(p.client);
  BOOST_TEST(second != first);
  BOOST_TEST(id_of(second) == id_of(SSL_get0_session(p.server)));
  BOOST_TEST(id_of(second) != id_of(first));
  BOOST_TEST(SSL_session_reused(p.client) == 0);
  BOOST_TEST(SSL_CTX_sess_number(server) == 2);
  shutdown_cleanly(p);
  BOOST_TEST(SSL_clear(p.client) == 1);
  free_pair(p);
  SSL_SESSION_free(first);
}

BOOST_FIXTURE_TEST_CASE(no_renegotiation_before_a_handshake_or_with_tls_1_3, Contexts) {
  SSL* fresh = SSL_new(client);
  BOOST_TEST(SSL_renegotiate(fresh) == 0);
  SSL_free(fresh);
  SSL_CTX_set_min_proto_version(client, TLS1_3_VERSION);
  SSL_CTX_set_max_proto_version(server, 0);
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  BOOST_TEST(SSL_renegotiate(p.client) == 0);
  BOOST_TEST(SSL_renegotiate(nullptr) == 0);
  BOOST_TEST(SSL_renegotiate_pending(nullptr) == 0);
  shutdown_cleanly(p);
  free_pair(p);
}

// ---- TLS 1.3: tickets after the handshake ----

// A full TLS 1.3 handshake leaves the client's session not resumable until
// the server's tickets are read; each ticket is a session of its own, on
// both ends, and each end keeps the last one.
BOOST_FIXTURE_TEST_CASE(tls13_client_session_resumes_only_once_a_ticket_is_read, Contexts) {
  SSL_CTX_set_max_proto_version(server, 0);
  SSL_CTX_set_session_cache_mode(client, SSL_SESS_CACHE_CLIENT);
  Pair p;
  BOOST_REQUIRE(create_pair(client, server, p));
  BOOST_REQUIRE(complete_handshake(p));  // reads the tickets too
  SSL_SESSION* last = SSL_get_session(p.client);
  BOOST_TEST(SSL_SESSION_is_resumable(last) == 1);
  BOOST_TEST(id_of(last) == id_of(SSL_get0_session(p.server)));
  BOOST_TEST(SSL_CTX_sess_number(server) == 2);  // one session per ticket
  BOOST_TEST(SSL_CTX_sess_number(client) == 2);
  SSL_SESSION* kept = SSL_get1_session(p.client);
  shutdown_cleanly(p);
  free_pair(p);
  BOOST_TEST(resumes(kept));
  SSL_SESSION_free(kept);
}

BOOST_FIXTURE_TEST_CASE(tls13_session_before_the_tickets_cannot_resume, Contexts) {
  SSL_CTX_set_max_proto_version(server, 0);
  Pair p;
  BOOST_REQUIRE(create_pair(client, server, p));
  bool client_done = false, server_done = false;
  for (int round = 0; round < 8 && !(client_done && server_done); ++round) {
    if (!client_done) client_done = SSL_do_handshake(p.client) == 1;
    if (!server_done) server_done = SSL_do_handshake(p.server) == 1;
  }
  BOOST_REQUIRE(client_done && server_done);
  SSL_SESSION* early = SSL_get1_session(p.client);
  BOOST_TEST(SSL_SESSION_is_resumable(early) == 0);
  BOOST_TEST(SSL_do_handshake(p.client) == 1);  // takes the tickets
  BOOST_TEST(SSL_get_session(p.client) != early);
  BOOST_TEST(SSL_SESSION_is_resumable(SSL_get_session(p.client)) == 1);
  shutdown_cleanly(p);
  free_pair(p);
  BOOST_TEST(!resumes(early));
  SSL_SESSION_free(early);
}

BOOST_FIXTURE_TEST_CASE(tls13_new_session_callback_runs_once_per_ticket, Contexts) {
  SSL_CTX_set_max_proto_version(server, 0);
  SSL_CTX_set_session_cache_mode(client, SSL_SESS_CACHE_CLIENT);
  SSL_CTX_sess_set_new_cb(client, decline_session);
  g_new_cb_calls = 0;
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  BOOST_TEST(g_new_cb_calls == 2);
  shutdown_cleanly(p);
  free_pair(p);
}
