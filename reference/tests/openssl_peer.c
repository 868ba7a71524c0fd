/* Interop peer linked against the SYSTEM OpenSSL (never against libsslref).
 *
 *   sslref_openssl_peer write FILE      encode the known session to FILE
 *   sslref_openssl_peer read FILE       decode FILE, print its fields
 *   sslref_openssl_peer reencode IN OUT decode IN, encode it again to OUT
 *
 * The known session: ID 32 x 0x5a, ID context "interop", master key bytes
 * 0..47, time 1600000000, timeout 1234, TLS 1.2, cipher 0x009c. Fields are
 * printed as one line: id=HEX sid_ctx=HEX master_key=HEX time=N timeout=N
 * version=N resumable=N. Exit status 0 on success, 1 on failure. */
#include <openssl/ssl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_hex(const char *name, const unsigned char *p, size_t n) {
  printf("%s=", name);
  for (size_t i = 0; i < n; ++i) printf("%02x", p[i]);
  printf(" ");
}

static SSL_SESSION *known_session(void) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  SSL *ssl = SSL_new(ctx);
  SSL_SESSION *s = SSL_SESSION_new();
  unsigned char id[32], key[48];
  memset(id, 0x5a, sizeof id);
  for (int i = 0; i < 48; ++i) key[i] = (unsigned char)i;
  /* OpenSSL refuses to encode a session without a cipher. */
  const SSL_CIPHER *cipher = SSL_CIPHER_find(ssl, (const unsigned char *)"\x00\x9c");
  int ok = s && cipher && SSL_SESSION_set1_id(s, id, sizeof id) &&
           SSL_SESSION_set1_id_context(s, (const unsigned char *)"interop", 7) &&
           SSL_SESSION_set1_master_key(s, key, sizeof key) && SSL_SESSION_set_time(s, 1600000000) &&
           SSL_SESSION_set_timeout(s, 1234) && SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION) &&
           SSL_SESSION_set_cipher(s, cipher);
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  if (!ok) {
    SSL_SESSION_free(s);
    return NULL;
  }
  return s;
}

static int write_session(const SSL_SESSION *s, const char *path) {
  unsigned char *der = NULL;
  int n = i2d_SSL_SESSION(s, &der);
  FILE *f = fopen(path, "wb");
  int ok = n > 0 && f && fwrite(der, 1, (size_t)n, f) == (size_t)n;
  if (f) fclose(f);
  OPENSSL_free(der);
  return ok;
}

static SSL_SESSION *read_session(const char *path) {
  static unsigned char buf[65536];
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  const unsigned char *p = buf;
  return d2i_SSL_SESSION(NULL, &p, (long)n);
}

static void print_fields(const SSL_SESSION *s) {
  unsigned int len = 0;
  const unsigned char *id = SSL_SESSION_get_id(s, &len);
  print_hex("id", id, len);
  const unsigned char *ctx = SSL_SESSION_get0_id_context(s, &len);
  print_hex("sid_ctx", ctx, len);
  unsigned char key[64];
  size_t klen = SSL_SESSION_get_master_key(s, key, sizeof key);
  print_hex("master_key", key, klen);
  printf("time=%ld timeout=%ld version=%d resumable=%d\n", SSL_SESSION_get_time(s), SSL_SESSION_get_timeout(s),
         SSL_SESSION_get_protocol_version(s), SSL_SESSION_is_resumable(s));
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "write") == 0) {
    SSL_SESSION *s = known_session();
    int ok = s && write_session(s, argv[2]);
    SSL_SESSION_free(s);
    return ok ? 0 : 1;
  }
  if (argc == 3 && strcmp(argv[1], "read") == 0) {
    SSL_SESSION *s = read_session(argv[2]);
    if (!s) return 1;
    print_fields(s);
    SSL_SESSION_free(s);
    return 0;
  }
  if (argc == 4 && strcmp(argv[1], "reencode") == 0) {
    SSL_SESSION *s = read_session(argv[2]);
    int ok = s && write_session(s, argv[3]);
    SSL_SESSION_free(s);
    return ok ? 0 : 1;
  }
  fprintf(stderr, "usage: sslref_openssl_peer write FILE | read FILE | reencode IN OUT\n");
  return 2;
}
