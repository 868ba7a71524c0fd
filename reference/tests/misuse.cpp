// Misuse scenarios for the death tests, one per command-line argument, run
// against the checked build (sslref_checked). Each misuse must abort with a
// diagnostic naming the call before this program reaches its end; if it
// does not, the program says so and exits 0.
#include <openssl/ssl.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

SSL_SESSION* session_with_id() {
  SSL_SESSION* s = SSL_SESSION_new();
  const unsigned char id[4] = {1, 2, 3, 4};
  if (!SSL_SESSION_set1_id(s, id, sizeof id)) return nullptr;
  return s;
}

void double_free() {
  SSL_SESSION* s = SSL_SESSION_new();
  SSL_SESSION_free(s);
  SSL_SESSION_free(s);
}

void use_after_free() {
  SSL_SESSION* s = SSL_SESSION_new();
  SSL_SESSION_free(s);
  (void)SSL_SESSION_up_ref(s);
}

// The caller releases the cache's reference as well as its own.
void refcount_underflow() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = session_with_id();
  (void)SSL_CTX_add_session(ctx, s);
  SSL_SESSION_free(s);
  SSL_SESSION_free(s);
}

void session_in_two_caches() {
  SSL_CTX* a = SSL_CTX_new(TLS_method());
  SSL_CTX* b = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = session_with_id();
  (void)SSL_CTX_add_session(a, s);
  (void)SSL_CTX_add_session(b, s);
}

void context_double_free() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_free(ctx);
  SSL_CTX_free(ctx);
}

// Correct use: must run to the end.
void correct_use() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = session_with_id();
  (void)SSL_CTX_add_session(ctx, s);
  SSL_SESSION_free(s);
  (void)SSL_CTX_remove_session(ctx, s);
  SSL_CTX_free(ctx);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sslref_misuse SCENARIO\n");
    return 2;
  }
  const std::string scenario = argv[1];
  if (scenario == "double_free") double_free();
  else if (scenario == "use_after_free") use_after_free();
  else if (scenario == "refcount_underflow") refcount_underflow();
  else if (scenario == "session_in_two_caches") session_in_two_caches();
  else if (scenario == "context_double_free") context_double_free();
  else if (scenario == "correct_use") correct_use();
  else {
    std::fprintf(stderr, "sslref_misuse: unknown scenario %s\n", argv[1]);
    return 2;
  }
  std::printf("reached the end of %s\n", argv[1]);
  return 0;
}
