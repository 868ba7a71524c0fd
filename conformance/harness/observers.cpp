#include "harness/observers.hpp"

#include "harness/adapter.hpp"
#include "harness/family.hpp"
#include "harness/handshake.hpp"

#include <map>

namespace sslconf::harness {

namespace {

// A template, so the parameter type of each family's free callback
// (wolfSSL's differs from OpenSSL's) is deduced where it is passed.
template <class ExData>
void count_free(void*, void* ptr, ExData*, int, long, void*) {
  if (ptr) ++static_cast<Tag*>(ptr)->frees;
}

int death_index() {
  static const int index = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, count_free);
  return index;
}

// A session whose only reference is freed must run the callback once.
std::string check_death_watch() {
  if (death_index() < 0) return "observer: SSL_SESSION_get_ex_new_index gave no index";
  SSL_SESSION* s = new_blank_session();
  if (!s) return "observer: no blank session to test the ex_data free callback on";
  Tag* tag = DeathWatch::watch(s);
  if (!tag) return "observer: SSL_SESSION_set_ex_data refused the tag";
  SSL_SESSION_free(s);
  if (tag->frees == 1) return "";
  return "observer: the ex_data free callback ran " + std::to_string(tag->frees) +
         " times when a new session's only reference was freed (expected once)";
}

std::map<SSL_CTX*, std::vector<SSL_SESSION*>>& removals() {
  static std::map<SSL_CTX*, std::vector<SSL_SESSION*>> r;
  return r;
}

void record_removal(SSL_CTX* ctx, SSL_SESSION* s) { removals()[ctx].push_back(s); }

// Add a handshake's session to a fresh context by hand and take it out
// again: the count must follow and the remove callback must report it.
std::string check_cache_watch() {
  Contexts ctx;
  Connection c;
  std::string why;
  if (!make_contexts({}, ctx, why) || !connect(ctx, c, why))
    return "observer: no handshake to test the cache observer on: " + why;
  // The client's session: it is in no cache yet (the server's is in its
  // context's, and a session belongs to one cache at a time).
  SSL_SESSION* s = SSL_get1_session(c.client);
  SSL_CTX* probe = SSL_CTX_new(TLS_method());
  if (!s || !probe) return "observer: no session or context to test the cache observer on";
  SSL_CTX_set_session_cache_mode(probe, SSL_SESS_CACHE_SERVER);
  CacheWatch::attach(probe);
  const long before = CacheWatch::size(probe);
  SSL_CTX_add_session(probe, s);
  const long with = CacheWatch::size(probe);
  SSL_CTX_remove_session(probe, s);
  const long after = CacheWatch::size(probe);
  const auto& gone = CacheWatch::removed(probe);
  if (before != 0 || with != 1 || after != 0)
    return "observer: SSL_CTX_sess_number went " + std::to_string(before) + ", " + std::to_string(with) + ", " +
           std::to_string(after) + " over add and remove (expected 0, 1, 0)";
  if (gone.size() != 1 || gone[0] != s)
    return "observer: the remove callback reported " + std::to_string(gone.size()) +
           " sessions for one SSL_CTX_remove_session (expected exactly that session)";
  return "";
}

// Freeing the only reference to one end of a fresh pair must bring the
// other end's guarantee from above 0 to 0.
std::string check_pair_watch() {
#if defined(SSLCONF_LACKS_BIO_ctrl_get_write_guarantee)
  return "observer: this library offers no BIO_ctrl_get_write_guarantee to see a BIO pair end die";
#else
  BIO *a = nullptr, *b = nullptr;
  if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) return "observer: no BIO pair to test the pair observer on";
  const auto before = BIO_ctrl_get_write_guarantee(b);
  BIO_free(a);
  const auto after = BIO_ctrl_get_write_guarantee(b);
  BIO_free(b);
  if (before > 0 && after == 0) return "";
  return "observer: the write guarantee of a pair end went from " + std::to_string(before) + " to " +
         std::to_string(after) + " when the other end was freed (expected above 0, then 0)";
#endif
}

}  // namespace

const std::string& PairWatch::broken() {
  static const std::string reason = check_pair_watch();
  return reason;
}

bool PairWatch::alive(BIO* other_end) {
#if defined(SSLCONF_LACKS_BIO_ctrl_get_write_guarantee)
  (void)other_end;
  return true;
#else
  return BIO_ctrl_get_write_guarantee(other_end) > 0;
#endif
}

const std::string& DeathWatch::broken() {
  static const std::string reason = check_death_watch();
  return reason;
}

Tag* DeathWatch::watch(SSL_SESSION* s) {
  auto* tag = new Tag;  // lives as long as the (one-claim) process
  if (death_index() < 0 || SSL_SESSION_set_ex_data(s, death_index(), tag) != 1) return nullptr;
  return tag;
}

const std::string& CacheWatch::broken() {
  static const std::string reason = check_cache_watch();
  return reason;
}

void CacheWatch::attach(SSL_CTX* ctx) {
  removals()[ctx].clear();
  SSL_CTX_sess_set_remove_cb(ctx, record_removal);
}

long CacheWatch::size(SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_number(ctx)); }

const std::vector<SSL_SESSION*>& CacheWatch::removed(SSL_CTX* ctx) { return removals()[ctx]; }

}  // namespace sslconf::harness
