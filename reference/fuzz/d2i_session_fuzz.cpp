// libFuzzer target for d2i_SSL_SESSION. Beyond "no crash, no leak, no UB"
// it checks that whatever decodes re-encodes to a fixed point: encoding the
// decoded session and decoding that again gives the same bytes.
#include <openssl/ssl.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

std::vector<unsigned char> encode(const SSL_SESSION* s) {
  const int n = i2d_SSL_SESSION(s, nullptr);
  if (n <= 0) std::abort();
  std::vector<unsigned char> out(static_cast<size_t>(n));
  unsigned char* p = out.data();
  if (i2d_SSL_SESSION(s, &p) != n || p != out.data() + n) std::abort();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const unsigned char* p = data;
  SSL_SESSION* s = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(size));
  if (!s) {
    if (p != data) std::abort();  // a failed decode must not move pp
    return 0;
  }
  if (p < data || p > data + size) std::abort();
  const std::vector<unsigned char> once = encode(s);
  const unsigned char* q = once.data();
  SSL_SESSION* again = nullptr;
  if (!d2i_SSL_SESSION(&again, &q, static_cast<long>(once.size())) || q != once.data() + once.size()) std::abort();
  if (encode(again) != once) std::abort();
  SSL_SESSION_free(again);
  SSL_SESSION_free(s);
  return 0;
}
