// Adapter for BoringSSL: SSL_SESSION_new takes the context whose X.509 method it uses.
#include "harness/family.hpp"

#if defined(SSLCONF_FAMILY_BORINGSSL)
#include "harness/adapter.hpp"

namespace sslconf::harness {

const char* family_name() { return "boringssl"; }

// BoringSSL: SSL_SESSION_new(const SSL_CTX *); the session keeps what it
// needs, so the context may go at once.
SSL_SESSION* new_blank_session() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = SSL_SESSION_new(ctx);
  SSL_CTX_free(ctx);
  return s;
}

}  // namespace sslconf::harness
#endif
