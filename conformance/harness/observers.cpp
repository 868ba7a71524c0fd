#include "harness/observers.hpp"

#include "harness/adapter.hpp"
#include "harness/family.hpp"
#include "harness/handshake.hpp"
#include "harness/optional.hpp"

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

SelfTest works(std::string observed) { return {SelfTest::Result::works, std::move(observed)}; }
SelfTest fails(std::string observed) { return {SelfTest::Result::fails, std::move(observed)}; }
SelfTest not_set_up(std::string observed) { return {SelfTest::Result::not_set_up, std::move(observed)}; }

std::string verdict_of(const SelfTest& t) { return t.result == SelfTest::Result::works ? "" : "observer: " + t.observed; }

// Whether this library runs the free callback of an index registered after
// the session was created (a fact about the library worth reporting, since
// it is why prepare() exists). One throwaway index.
std::string late_index_note() {
  SSL_SESSION* s = new_blank_session();
  if (!s) return "";
  const int late = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, count_free);
  Tag tag;
  const bool set = late >= 0 && SSL_SESSION_set_ex_data(s, late, &tag) == 1;
  SSL_SESSION_free(s);
  if (!set || tag.frees == 1) return "";
  return "; a free callback registered after the session was created ran " + std::to_string(tag.frees) +
         " times (the observer's index is registered before any watched session exists)";
}

// The way claims use the watch: a tagged session with a second reference
// lives through the first release and dies, once, at the second. Without
// an up_ref call, a session with one reference must die at its release.
SelfTest test_death_watch() {
  if (death_index() < 0) return fails("SSL_SESSION_get_ex_new_index gave no index");
  SSL_SESSION* s = new_blank_session();
  if (!s) return not_set_up("no blank session to test the ex_data free callback on");
  Tag* tag = DeathWatch::watch(s);
  if (!tag) return fails("SSL_SESSION_set_ex_data refused the tag");
  int references = 1;
  try {
    references += optional::session_up_ref(s) == 1 ? 1 : 0;
  } catch (const Missing&) {
  }
  for (int release = 1; release < references; ++release) {
    SSL_SESSION_free(s);
    if (!tag->alive())
      return fails("the ex_data free callback ran at release " + std::to_string(release) + " of a session with " +
                   std::to_string(references) + " references");
  }
  SSL_SESSION_free(s);
  if (tag->frees == 1)
    return works("the ex_data free callback ran once, at the last of " + std::to_string(references) +
                 " releases of a new session" + late_index_note());
  return fails("the ex_data free callback ran " + std::to_string(tag->frees) + " times at the last of " +
               std::to_string(references) + " releases of a new session (expected once)");
}

std::map<SSL_CTX*, std::vector<SSL_SESSION*>>& removals() {
  static std::map<SSL_CTX*, std::vector<SSL_SESSION*>> r;
  return r;
}

void record_removal(SSL_CTX* ctx, SSL_SESSION* s) { removals()[ctx].push_back(s); }

// Add a handshake's session to a fresh context by hand and take it out
// again, recording the count and what the remove callback reported.
struct CacheTrial {
  std::string not_set_up;  // why the trial could not run, or empty
  long before = 0, with = 0, after = 0;
  SSL_SESSION* session = nullptr;
  std::vector<SSL_SESSION*> removed;
};

const CacheTrial& cache_trial() {
  static const CacheTrial trial = [] {
    CacheTrial t;
    Contexts ctx;
    Connection c;
    std::string why;
    if (!make_contexts({}, ctx, why) || !connect(ctx, c, why)) {
      t.not_set_up = "no handshake to test the cache observer on: " + why;
      return t;
    }
    // The client's session: it is in no cache yet (the server's is in its
    // context's, and a session belongs to one cache at a time).
    t.session = SSL_get1_session(c.client);
    SSL_CTX* probe = SSL_CTX_new(optional::tls_method());
    if (!t.session || !probe) {
      t.not_set_up = "no session or context to test the cache observer on";
      return t;
    }
    SSL_CTX_set_session_cache_mode(probe, SSL_SESS_CACHE_SERVER);
    CacheWatch::attach(probe);
    t.before = CacheWatch::size(probe);
    SSL_CTX_add_session(probe, t.session);
    t.with = CacheWatch::size(probe);
    SSL_CTX_remove_session(probe, t.session);
    t.after = CacheWatch::size(probe);
    t.removed = CacheWatch::removed(probe);
    return t;
  }();
  return trial;
}

SelfTest test_count() {
  const CacheTrial& t = cache_trial();
  if (!t.not_set_up.empty()) return not_set_up(t.not_set_up);
  const std::string seen = "SSL_CTX_sess_number went " + std::to_string(t.before) + ", " + std::to_string(t.with) +
                           ", " + std::to_string(t.after) + " over add and remove";
  if (t.before == 0 && t.with == 1 && t.after == 0) return works(seen);
  return fails(seen + " (expected 0, 1, 0)");
}

SelfTest test_removal() {
  const CacheTrial& t = cache_trial();
  if (!t.not_set_up.empty()) return not_set_up(t.not_set_up);
  if (t.removed.size() == 1 && t.removed[0] == t.session)
    return works("the remove callback reported the one session SSL_CTX_remove_session took out");
  return fails("the remove callback reported " + std::to_string(t.removed.size()) +
               " sessions for one SSL_CTX_remove_session (expected exactly that session)");
}

// Freeing the only reference to one end of a fresh pair must bring the
// other end's guarantee from above 0 to 0.
std::string check_pair_watch() {
  BIO *a = nullptr, *b = nullptr;
  if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) return "observer: no BIO pair to test the pair observer on";
  try {
    const auto before = optional::bio_write_guarantee(b);
    BIO_free(a);
    const auto after = optional::bio_write_guarantee(b);
    BIO_free(b);
    if (before > 0 && after == 0) return "";
    return "observer: the write guarantee of a pair end went from " + std::to_string(before) + " to " +
           std::to_string(after) + " when the other end was freed (expected above 0, then 0)";
  } catch (const Missing& m) {
    return "observer: no way to see a BIO pair end die: " + std::string(m.what());
  }
}

}  // namespace

const std::string& PairWatch::broken() {
  static const std::string reason = check_pair_watch();
  return reason;
}

bool PairWatch::alive(BIO* other_end) {
  return optional::bio_write_guarantee(other_end) > 0;
}

void DeathWatch::prepare() { (void)death_index(); }

const SelfTest& DeathWatch::self_test() {
  static const SelfTest t = test_death_watch();
  return t;
}

const std::string& DeathWatch::broken() {
  static const std::string reason = verdict_of(self_test());
  return reason;
}

Tag* DeathWatch::watch(SSL_SESSION* s) {
  auto* tag = new Tag;  // lives as long as the (one-claim) process
  if (death_index() < 0 || SSL_SESSION_set_ex_data(s, death_index(), tag) != 1) return nullptr;
  return tag;
}

const SelfTest& CacheWatch::count_test() {
  static const SelfTest t = test_count();
  return t;
}

const SelfTest& CacheWatch::removal_test() {
  static const SelfTest t = test_removal();
  return t;
}

const std::string& CacheWatch::broken() {
  static const std::string reason = [] {
    const std::string count = verdict_of(count_test());
    return count.empty() ? verdict_of(removal_test()) : count;
  }();
  return reason;
}

void CacheWatch::attach(SSL_CTX* ctx) {
  removals()[ctx].clear();
  SSL_CTX_sess_set_remove_cb(ctx, record_removal);
}

long CacheWatch::size(SSL_CTX* ctx) { return static_cast<long>(SSL_CTX_sess_number(ctx)); }

const std::vector<SSL_SESSION*>& CacheWatch::removed(SSL_CTX* ctx) { return removals()[ctx]; }

}  // namespace sslconf::harness
