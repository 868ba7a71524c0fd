// The session cache of an SSL_CTX. Two intrusive indexes over the same
// sessions: a hash by session ID (add, remove, lookup in O(1)) and a tree
// ordered by expiry time (eviction of the first to expire, and a flush that
// visits only the sessions it removes). The cache holds one reference per
// session; linking a session allocates nothing.
//
// User callbacks (remove_session_cb) are called after the cache lock is
// released, so a callback may call back into the cache.
#include "internal.hpp"

namespace {
constexpr size_t kInitialBuckets = 64;
}

SessionCache::SessionCache()
    : buckets(kInitialBuckets), by_id(sslref::IdIndex::bucket_traits(buckets.data(), buckets.size())) {}

SessionCache::~SessionCache() {
  by_expiry.clear();
  by_id.clear();
}

namespace sslref {
namespace {

// Sessions taken out under the lock, reported and released after it.
class Removed {
 public:
  void add(SSL_SESSION* s) {
    if (!first_) first_ = s;
    else more_.push_back(s);
  }
  bool empty() const { return first_ == nullptr; }
  template <typename F>
  void each(F f) const {
    if (first_) f(first_);
    for (SSL_SESSION* s : more_) f(s);
  }

 private:
  SSL_SESSION* first_ = nullptr;  // the common case needs no allocation
  std::vector<SSL_SESSION*> more_;
};

// Grows the bucket array so the load factor stays at most 1.
void grow_if_needed_locked(SessionCache& c) {
  if (c.by_id.size() < c.buckets.size()) return;
  std::vector<IdIndex::bucket_type> bigger(c.buckets.size() * 2);
  c.by_id.rehash(IdIndex::bucket_traits(bigger.data(), bigger.size()));
  c.buckets.swap(bigger);
}

void index_by_expiry_locked(SessionCache& c, SSL_SESSION* s) {
  s->cached_expiry = s->expiry();
  // Sessions are mostly added in expiry order: the end() hint makes that
  // case amortised O(1); otherwise O(log n).
  c.by_expiry.insert(c.by_expiry.end(), *s);
}

// Takes s out of both indexes. Requires the cache lock.
void unlink_locked(SSL_CTX* ctx, SSL_SESSION* s) {
  ctx->cache.by_id.erase(ctx->cache.by_id.iterator_to(*s));
  ctx->cache.by_expiry.erase(ctx->cache.by_expiry.iterator_to(*s));
  s->owner.store(nullptr);
}

// Unlinks s and marks it dead for resumption, to be reported and released
// by finish_removals once the lock is gone. Requires the cache lock.
void remove_locked(SSL_CTX* ctx, SSL_SESSION* s, Removed& removed) {
  unlink_locked(ctx, s);
  s->not_resumable.store(true);
  removed.add(s);
}

void finish_removals(SSL_CTX* ctx, const Removed& removed) {
  removed.each([ctx](SSL_SESSION* s) {
    if (ctx->remove_session_cb) ctx->remove_session_cb(ctx, s);
    session_release(s, "SSL_CTX cache");
  });
}

// Evicts the sessions that expire first until adding one more fits the size
// limit. Requires the cache lock; the session being added is not linked yet,
// so it cannot evict itself.
void evict_for_one_more_locked(SSL_CTX* ctx, Removed& removed) {
  const long limit = ctx->cache_size.load();
  if (limit <= 0) return;
  SessionCache& c = ctx->cache;
  while (!c.by_expiry.empty() && c.by_id.size() >= static_cast<size_t>(limit))
    remove_locked(ctx, &*c.by_expiry.begin(), removed);
}

// Requires the cache lock; s is in this cache.
void refresh_existing_locked(SSL_CTX* ctx, SSL_SESSION* s) {
  if (!(ctx->cache_mode.load() & SSL_SESS_CACHE_UPDATE_TIME)) return;
  ctx->cache.by_expiry.erase(ctx->cache.by_expiry.iterator_to(*s));
  s->time = now();
  index_by_expiry_locked(ctx->cache, s);
}

// Requires the cache lock; s is owned by no cache and holds a reference for
// this one.
void insert_new_locked(SSL_CTX* ctx, SSL_SESSION* s, Removed& replaced, Removed& evicted) {
  SessionCache& c = ctx->cache;
  auto same_id = c.by_id.find(s->id);
  if (same_id != c.by_id.end()) {
    // A different session with the same ID is replaced, as in OpenSSL:
    // released without the remove callback.
    SSL_SESSION* old = &*same_id;
    unlink_locked(ctx, old);
    replaced.add(old);
  }
  evict_for_one_more_locked(ctx, evicted);
  if (ctx->cache_mode.load() & SSL_SESS_CACHE_UPDATE_TIME) s->time = now();
  s->cached_id = s->id;
  grow_if_needed_locked(c);
  c.by_id.insert(*s);
  index_by_expiry_locked(c, s);
}

}  // namespace

int cache_add(SSL_CTX* ctx, SSL_SESSION* s) {
  session_check_live(s, "SSL_CTX_add_session");
  SSL_CTX* expected = nullptr;
  s->refs.fetch_add(1, std::memory_order_relaxed);  // the cache's reference
  Removed evicted, replaced;
  {
    std::lock_guard<std::mutex> guard(ctx->cache.lock);
    if (!s->owner.compare_exchange_strong(expected, ctx)) {
      if (expected == ctx) refresh_existing_locked(ctx, s);
    } else {
      insert_new_locked(ctx, s, replaced, evicted);
    }
  }
  finish_removals(ctx, evicted);
  replaced.each([](SSL_SESSION* r) { session_release(r, "SSL_CTX_add_session"); });
  if (expected == nullptr) return 1;
  session_release(s, "SSL_CTX_add_session");  // not added: give the reference back
  if (kChecked && expected != ctx)
    misuse("SSL_CTX_add_session", "session is already in the cache of another SSL_CTX", s);
  return 0;
}

// As OpenSSL does, the cached session with s's ID is removed, whether it is
// s itself or another object holding the same session (a copy, a decoded
// one); s is marked not resumable either way. The remove callback gets the
// session that left the cache.
int cache_remove(SSL_CTX* ctx, SSL_SESSION* s) {
  session_check_live(s, "SSL_CTX_remove_session");
  if (s->id.len == 0) return 0;
  Removed removed;
  {
    std::lock_guard<std::mutex> guard(ctx->cache.lock);
    if (s->owner.load() == ctx) {
      remove_locked(ctx, s, removed);  // s itself, even if its ID changed since
    } else {
      auto same_id = ctx->cache.by_id.find(s->id);
      if (same_id != ctx->cache.by_id.end()) remove_locked(ctx, &*same_id, removed);
    }
  }
  s->not_resumable.store(true);  // "removes ... and marks it as non-resumable"
  finish_removals(ctx, removed);
  return removed.empty() ? 0 : 1;
}

void cache_flush(SSL_CTX* ctx, int64_t tm, bool all) {
  Removed removed;
  {
    std::lock_guard<std::mutex> guard(ctx->cache.lock);
    ExpiryIndex& by_expiry = ctx->cache.by_expiry;
    while (!by_expiry.empty() && (all || tm > by_expiry.begin()->cached_expiry))
      remove_locked(ctx, &*by_expiry.begin(), removed);
  }
  finish_removals(ctx, removed);
}

long cache_count(SSL_CTX* ctx) {
  std::lock_guard<std::mutex> guard(ctx->cache.lock);
  return static_cast<long>(ctx->cache.by_id.size());
}

SSL_SESSION* cache_lookup(SSL_CTX* ctx, const SessionId& id, const SidCtx& sid_ctx, int version) {
  Removed expired;
  SSL_SESSION* found = nullptr;
  {
    std::lock_guard<std::mutex> guard(ctx->cache.lock);
    auto it = ctx->cache.by_id.find(id);
    if (it == ctx->cache.by_id.end()) return nullptr;
    SSL_SESSION* s = &*it;
    if (!(s->sid_ctx == sid_ctx) || s->version != version) return nullptr;
    if (now() > s->expiry()) {
      remove_locked(ctx, s, expired);
    } else {
      s->refs.fetch_add(1, std::memory_order_relaxed);
      found = s;
    }
  }
  finish_removals(ctx, expired);
  return found;
}

void cache_session_times_changed(SSL_SESSION* s, int64_t time, int64_t timeout) {
  for (;;) {
    SSL_CTX* ctx = s->owner.load();
    if (!ctx) {
      s->time = time;
      s->timeout = timeout;
      return;
    }
    std::lock_guard<std::mutex> guard(ctx->cache.lock);
    if (s->owner.load() != ctx) continue;  // removed meanwhile: retry uncached
    ctx->cache.by_expiry.erase(ctx->cache.by_expiry.iterator_to(*s));
    s->time = time;
    s->timeout = timeout;
    index_by_expiry_locked(ctx->cache, s);
    return;
  }
}

}  // namespace sslref
