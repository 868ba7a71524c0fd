// BIO pairs: two in-memory endpoints joined by a shared state. Each end
// writes into its own bounded buffer, which the other end reads.
#include "internal.hpp"

#include <algorithm>
#include <new>

namespace sslref {
namespace {

constexpr size_t kDefaultCapacity = 17 * 1024;

BIO* new_end(const std::shared_ptr<BioPair>& pair, int end) {
  BIO* b = new (std::nothrow) BIO;
  if (b) {
    b->pair = pair;
    b->end = end;
  }
  return b;
}

}  // namespace

long bio_write(BIO* b, const unsigned char* p, size_t n) {
  BioPair& pair = *b->pair;
  std::lock_guard<std::mutex> guard(pair.lock);
  if (pair.closed[1 - b->end]) return -1;
  std::vector<unsigned char>& buf = pair.buf[b->end];
  const size_t room = pair.cap[b->end] - std::min(pair.cap[b->end], buf.size());
  const size_t k = std::min(room, n);
  buf.insert(buf.end(), p, p + k);
  return static_cast<long>(k);
}

long bio_read(BIO* b, unsigned char* p, size_t n) {
  BioPair& pair = *b->pair;
  std::lock_guard<std::mutex> guard(pair.lock);
  std::vector<unsigned char>& buf = pair.buf[1 - b->end];
  if (buf.empty()) return pair.closed[1 - b->end] ? -1 : 0;
  const size_t k = std::min(n, buf.size());
  std::copy(buf.begin(), buf.begin() + static_cast<long>(k), p);
  buf.erase(buf.begin(), buf.begin() + static_cast<long>(k));
  return static_cast<long>(k);
}

}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------

extern "C" int BIO_new_bio_pair(BIO** bio1, size_t writebuf1, BIO** bio2, size_t writebuf2) {
  if (!bio1 || !bio2) return 0;
  *bio1 = *bio2 = nullptr;
  std::shared_ptr<BioPair> pair(new (std::nothrow) BioPair);
  if (!pair) return 0;
  pair->cap[0] = writebuf1 ? writebuf1 : sslref::kDefaultCapacity;
  pair->cap[1] = writebuf2 ? writebuf2 : sslref::kDefaultCapacity;
  BIO* a = sslref::new_end(pair, 0);
  BIO* b = sslref::new_end(pair, 1);
  if (!a || !b) {
    delete a;
    delete b;
    return 0;
  }
  *bio1 = a;
  *bio2 = b;
  return 1;
}

extern "C" int BIO_free(BIO* a) {
  if (!a) return 0;
  if (a->refs.fetch_sub(1, std::memory_order_acq_rel) > 1) return 1;
  {
    // The pair is dissolved, as OpenSSL's is: what this end wrote and the
    // other has not read goes with it.
    std::lock_guard<std::mutex> guard(a->pair->lock);
    a->pair->closed[a->end] = true;
    a->pair->buf[a->end].clear();
  }
  delete a;
  return 1;
}

extern "C" int BIO_up_ref(BIO* a) {
  if (!a) return 0;
  a->refs.fetch_add(1, std::memory_order_relaxed);
  return 1;
}

extern "C" size_t BIO_ctrl_get_write_guarantee(BIO* b) {
  if (!b) return 0;
  BioPair& pair = *b->pair;
  std::lock_guard<std::mutex> guard(pair.lock);
  if (pair.closed[0] || pair.closed[1]) return 0;
  return pair.cap[b->end] - std::min(pair.cap[b->end], pair.buf[b->end].size());
}

extern "C" int BIO_write(BIO* b, const void* data, int dlen) {
  if (!b || !data || dlen < 0) return -1;
  if (dlen == 0) return 0;
  const long n = sslref::bio_write(b, static_cast<const unsigned char*>(data), static_cast<size_t>(dlen));
  return n > 0 ? static_cast<int>(n) : -1;
}

extern "C" int BIO_read(BIO* b, void* data, int dlen) {
  if (!b || !data || dlen < 0) return -1;
  if (dlen == 0) return 0;
  const long n = sslref::bio_read(b, static_cast<unsigned char*>(data), static_cast<size_t>(dlen));
  // Nothing there yet and the other end gone both read as -1, as in OpenSSL 3
  // (which tells them apart by the retry flag, an API libsslref leaves out).
  return n > 0 ? static_cast<int>(n) : -1;
}
