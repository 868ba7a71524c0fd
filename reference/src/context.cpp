// SSL_CTX: the shared configuration of connections and the owner of the
// session cache (cache.cpp). Methods are static objects.
#include "internal.hpp"

#include <fstream>
#include <iterator>
#include <new>

namespace sslref {
namespace {

const SSL_METHOD kTlsMethod{0};
const SSL_METHOD kTlsClientMethod{1};
const SSL_METHOD kTlsServerMethod{2};

constexpr uint32_t kCtxLive = 0xc0a7e47u;
constexpr uint32_t kCtxDead = 0xdeadc0a7u;

void check_live(const SSL_CTX* ctx, const char* call) {
  if (kChecked && ctx->magic.load() != kCtxLive) misuse(call, "SSL_CTX already freed (double free or use after free)", ctx);
}

bool known_version(long v) {
  return v == 0 || v == SSL3_VERSION || v == TLS1_VERSION || v == TLS1_1_VERSION || v == TLS1_2_VERSION ||
         v == TLS1_3_VERSION;
}

long set_cache_size(SSL_CTX* ctx, long size) {
  if (size < 0) return 0;
  return ctx->cache_size.exchange(size);
}

long set_version(int& field, long v) {
  if (!known_version(v)) return 0;
  field = static_cast<int>(v);
  return 1;
}

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool is_base64_body(const std::string& body) {
  size_t chars = 0;
  for (char c : body) {
    const bool b64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                     c == '/' || c == '=';
    if (b64) ++chars;
    else if (c != '\n' && c != '\r' && c != ' ' && c != '\t') return false;
  }
  return chars > 0 && chars % 4 == 0;
}

// True when text holds a PEM block whose label ends with label_suffix
// ("CERTIFICATE", "PRIVATE KEY") with a base64 body.
bool has_pem_block(const std::string& text, const std::string& label_suffix) {
  size_t pos = 0;
  while ((pos = text.find("-----BEGIN ", pos)) != std::string::npos) {
    const size_t label_end = text.find("-----", pos + 11);
    if (label_end == std::string::npos) return false;
    const std::string label = text.substr(pos + 11, label_end - pos - 11);
    const std::string end_line = "-----END " + label + "-----";
    const size_t end = text.find(end_line, label_end);
    const bool label_ok =
        label.size() >= label_suffix.size() && label.compare(label.size() - label_suffix.size(), label_suffix.size(), label_suffix) == 0;
    if (end != std::string::npos && label_ok && is_base64_body(text.substr(label_end + 5, end - label_end - 5)))
      return true;
    pos = label_end;
  }
  return false;
}

// True when data is exactly one DER SEQUENCE (shape only).
bool is_der_sequence(const std::string& data) {
  if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x30) return false;
  size_t len = static_cast<unsigned char>(data[1]);
  size_t header = 2;
  if (len & 0x80) {
    const size_t n = len & 0x7f;
    if (n == 0 || n > 4 || data.size() < 2 + n) return false;
    len = 0;
    for (size_t i = 0; i < n; ++i) len = (len << 8) | static_cast<unsigned char>(data[2 + i]);
    header += n;
  }
  return header + len == data.size();
}

bool load_checked_shape(const char* file, int type, const char* pem_label) {
  std::string data;
  if (!file || !read_file(file, data)) return false;
  if (type == SSL_FILETYPE_PEM) return has_pem_block(data, pem_label);
  if (type == SSL_FILETYPE_ASN1) return is_der_sequence(data);
  return false;
}

// The checked build keeps the last few destroyed contexts, marked dead, so
// that a second free is reported instead of corrupting the heap. They stay
// reachable from here, so leak checkers do not count them.
void keep_dead(SSL_CTX* ctx) {
  static std::mutex lock;
  static auto* dead = new std::vector<SSL_CTX*>;
  constexpr size_t kCapacity = 256;
  std::lock_guard<std::mutex> guard(lock);
  if (dead->size() == kCapacity) {
    delete dead->front();
    dead->erase(dead->begin());
  }
  dead->push_back(ctx);
}

void destroy(SSL_CTX* ctx) {
  cache_flush(ctx, 0, /*all=*/true);
  if (kChecked) {
    ctx->magic.store(kCtxDead);
    keep_dead(ctx);
  } else {
    delete ctx;
  }
}

}  // namespace
}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------
using namespace sslref;

extern "C" const SSL_METHOD* TLS_method(void) { return &kTlsMethod; }
extern "C" const SSL_METHOD* TLS_client_method(void) { return &kTlsClientMethod; }
extern "C" const SSL_METHOD* TLS_server_method(void) { return &kTlsServerMethod; }

extern "C" SSL_CTX* SSL_CTX_new(const SSL_METHOD* meth) {
  if (!meth) return nullptr;
  SSL_CTX* ctx = new (std::nothrow) SSL_CTX;
  if (ctx) ctx->method = meth;
  return ctx;
}

extern "C" int SSL_CTX_up_ref(SSL_CTX* ctx) {
  if (!ctx) return 0;
  check_live(ctx, "SSL_CTX_up_ref");
  ctx->refs.fetch_add(1, std::memory_order_relaxed);
  return 1;
}

extern "C" void SSL_CTX_free(SSL_CTX* ctx) {
  if (!ctx) return;
  check_live(ctx, "SSL_CTX_free");
  if (ctx->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(ctx);
}

extern "C" long SSL_CTX_ctrl(SSL_CTX* ctx, int cmd, long larg, void* /*parg*/) {
  if (!ctx) return 0;
  check_live(ctx, "SSL_CTX_ctrl");
  switch (cmd) {
    case SSL_CTRL_SESS_NUMBER: return cache_count(ctx);
    case SSL_CTRL_OPTIONS: return static_cast<long>(ctx->options.fetch_or(static_cast<uint64_t>(larg)) | static_cast<uint64_t>(larg));
    case SSL_CTRL_SET_SESS_CACHE_SIZE: return set_cache_size(ctx, larg);
    case SSL_CTRL_GET_SESS_CACHE_SIZE: return ctx->cache_size.load();
    case SSL_CTRL_SET_SESS_CACHE_MODE: return ctx->cache_mode.exchange(larg);
    case SSL_CTRL_GET_SESS_CACHE_MODE: return ctx->cache_mode.load();
    case SSL_CTRL_SET_MIN_PROTO_VERSION: return set_version(ctx->min_version, larg);
    case SSL_CTRL_SET_MAX_PROTO_VERSION: return set_version(ctx->max_version, larg);
    case SSL_CTRL_GET_MIN_PROTO_VERSION: return ctx->min_version;
    case SSL_CTRL_GET_MAX_PROTO_VERSION: return ctx->max_version;
    default: return 0;
  }
}

extern "C" uint64_t SSL_CTX_set_options(SSL_CTX* ctx, uint64_t op) {
  if (!ctx) return 0;
  return ctx->options.fetch_or(op) | op;
}

extern "C" uint64_t SSL_CTX_clear_options(SSL_CTX* ctx, uint64_t op) {
  if (!ctx) return 0;
  return ctx->options.fetch_and(~op) & ~op;
}

extern "C" uint64_t SSL_CTX_get_options(const SSL_CTX* ctx) { return ctx ? ctx->options.load() : 0; }

extern "C" long SSL_CTX_set_timeout(SSL_CTX* ctx, long t) {
  if (!ctx) return 0;
  check_live(ctx, "SSL_CTX_set_timeout");
  return ctx->session_timeout.exchange(t);
}

extern "C" long SSL_CTX_get_timeout(const SSL_CTX* ctx) { return ctx ? ctx->session_timeout.load() : 0; }

extern "C" int SSL_CTX_add_session(SSL_CTX* ctx, SSL_SESSION* session) {
  if (!ctx || !session) return 0;
  check_live(ctx, "SSL_CTX_add_session");
  return cache_add(ctx, session);
}

extern "C" int SSL_CTX_remove_session(SSL_CTX* ctx, SSL_SESSION* session) {
  if (!ctx || !session) return 0;
  check_live(ctx, "SSL_CTX_remove_session");
  return cache_remove(ctx, session);
}

extern "C" void SSL_CTX_flush_sessions(SSL_CTX* ctx, long tm) {
  if (!ctx) return;
  check_live(ctx, "SSL_CTX_flush_sessions");
  cache_flush(ctx, tm, /*all=*/tm == 0);
}

extern "C" void SSL_CTX_sess_set_new_cb(SSL_CTX* ctx, int (*cb)(SSL*, SSL_SESSION*)) {
  if (ctx) ctx->new_session_cb = cb;
}

extern "C" int (*SSL_CTX_sess_get_new_cb(SSL_CTX* ctx))(SSL*, SSL_SESSION*) {
  return ctx ? ctx->new_session_cb : nullptr;
}

extern "C" void SSL_CTX_sess_set_remove_cb(SSL_CTX* ctx, void (*cb)(SSL_CTX*, SSL_SESSION*)) {
  if (ctx) ctx->remove_session_cb = cb;
}

extern "C" void (*SSL_CTX_sess_get_remove_cb(SSL_CTX* ctx))(SSL_CTX*, SSL_SESSION*) {
  return ctx ? ctx->remove_session_cb : nullptr;
}

extern "C" int SSL_CTX_set_session_id_context(SSL_CTX* ctx, const unsigned char* sid_ctx, unsigned int sid_ctx_len) {
  if (!ctx || (!sid_ctx && sid_ctx_len)) return 0;
  return ctx->sid_ctx.assign(sid_ctx, sid_ctx_len) ? 1 : 0;
}

extern "C" int SSL_CTX_use_certificate_file(SSL_CTX* ctx, const char* file, int type) {
  if (!ctx || !load_checked_shape(file, type, "CERTIFICATE")) return 0;
  ctx->have_certificate = true;
  return 1;
}

extern "C" int SSL_CTX_use_PrivateKey_file(SSL_CTX* ctx, const char* file, int type) {
  if (!ctx || !load_checked_shape(file, type, "PRIVATE KEY")) return 0;
  ctx->have_private_key = true;
  return 1;
}
