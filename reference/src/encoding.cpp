// i2d_SSL_SESSION / d2i_SSL_SESSION in the DER layout OpenSSL uses for
// sessions (its SSL_SESSION_ASN1 sequence), for the fields libsslref models:
//
//   SEQUENCE {
//     version            INTEGER (1)
//     ssl_version        INTEGER
//     cipher             OCTET STRING (2 bytes)
//     session_id         OCTET STRING
//     master_key         OCTET STRING
//     time           [1] EXPLICIT INTEGER OPTIONAL   -- omitted when 0
//     timeout        [2] EXPLICIT INTEGER OPTIONAL   -- omitted when 0
//     sid_ctx        [4] EXPLICIT OCTET STRING
//     verify_result  [5] EXPLICIT INTEGER OPTIONAL   -- omitted when 0
//     max_frag_mode [17] EXPLICIT INTEGER OPTIONAL   -- omitted when 0
//     kex_group     [19] EXPLICIT INTEGER
//   }
//
// Other context-tagged fields OpenSSL may write (peer certificate, host
// name, ticket, ALPN...) must hold one element of the type OpenSSL gives
// them, and are skipped on decoding.
#include "internal.hpp"

#include <cstdlib>
#include <new>

namespace sslref {
namespace {

constexpr unsigned char kInteger = 0x02;
constexpr unsigned char kOctetString = 0x04;
constexpr unsigned char kSequence = 0x30;
constexpr unsigned char kContext = 0xa0;  // constructed, context-specific
constexpr int64_t kAsn1Version = 1;

// ---- writing -------------------------------------------------------------

using Der = std::vector<unsigned char>;

void put_length(Der& out, size_t len) {
  if (len < 0x80) {
    out.push_back(static_cast<unsigned char>(len));
    return;
  }
  unsigned char bytes[sizeof(size_t)];
  int n = 0;
  for (size_t v = len; v; v >>= 8) bytes[n++] = static_cast<unsigned char>(v & 0xff);
  out.push_back(static_cast<unsigned char>(0x80 | n));
  while (n) out.push_back(bytes[--n]);
}

void put_tlv(Der& out, unsigned char tag, const Der& content) {
  out.push_back(tag);
  put_length(out, content.size());
  out.insert(out.end(), content.begin(), content.end());
}

// Minimal two's-complement big-endian content of an INTEGER.
Der integer_content(int64_t v) {
  Der bytes;
  for (int shift = 56; shift >= 0; shift -= 8) bytes.push_back(static_cast<unsigned char>((static_cast<uint64_t>(v) >> shift) & 0xff));
  size_t start = 0;
  while (start + 1 < bytes.size() &&
         ((bytes[start] == 0x00 && !(bytes[start + 1] & 0x80)) || (bytes[start] == 0xff && (bytes[start + 1] & 0x80))))
    ++start;
  return Der(bytes.begin() + static_cast<long>(start), bytes.end());
}

void put_integer(Der& out, int64_t v) { put_tlv(out, kInteger, integer_content(v)); }

void put_octets(Der& out, const unsigned char* p, size_t n) { put_tlv(out, kOctetString, Der(p, p + n)); }

void put_explicit(Der& out, int tag, const Der& inner) { put_tlv(out, static_cast<unsigned char>(kContext | tag), inner); }

void put_explicit_integer(Der& out, int tag, int64_t v) {
  Der inner;
  put_integer(inner, v);
  put_explicit(out, tag, inner);
}

Der encode(const SSL_SESSION& s) {
  Der body;
  put_integer(body, kAsn1Version);
  put_integer(body, s.version);
  const unsigned char cipher[2] = {static_cast<unsigned char>(s.cipher_id >> 8), static_cast<unsigned char>(s.cipher_id & 0xff)};
  put_octets(body, cipher, 2);
  put_octets(body, s.id.data, s.id.len);
  put_octets(body, s.master_key.data, s.master_key.len);
  if (s.time != 0) put_explicit_integer(body, 1, s.time);
  if (s.timeout != 0) put_explicit_integer(body, 2, s.timeout);
  Der sid_ctx;
  put_octets(sid_ctx, s.sid_ctx.data, s.sid_ctx.len);
  put_explicit(body, 4, sid_ctx);
  if (s.verify_result != 0) put_explicit_integer(body, 5, s.verify_result);
  if (s.max_fragment_len_mode != 0) put_explicit_integer(body, 17, s.max_fragment_len_mode);
  put_explicit_integer(body, 19, s.kex_group);
  Der out;
  put_tlv(out, kSequence, body);
  return out;
}

// ---- reading -------------------------------------------------------------

// A bounds-checked DER reader over [p, end). Every failure is sticky.
struct DerReader {
  const unsigned char* p;
  const unsigned char* end;
  bool ok = true;

  bool at_end() const { return p == end; }

  // Reads a tag and a definite, minimally encoded length; returns the
  // content as a sub-reader and advances past it.
  DerReader element(unsigned char& tag) {
    DerReader none{p, p, false};
    if (!ok || end - p < 2) return fail(none);
    tag = *p++;
    if ((tag & 0x1f) == 0x1f) return fail(none);  // multi-byte tags never occur here
    size_t len = *p++;
    if (len & 0x80) {
      const size_t n = len & 0x7f;
      if (n == 0 || n > 4 || static_cast<size_t>(end - p) < n || *p == 0) return fail(none);
      len = 0;
      for (size_t i = 0; i < n; ++i) len = (len << 8) | *p++;
      if (len < 0x80) return fail(none);  // not minimal
    }
    if (static_cast<size_t>(end - p) < len) return fail(none);
    DerReader content{p, p + len};
    p += len;
    return content;
  }

  DerReader expect(unsigned char wanted) {
    unsigned char tag = 0;
    DerReader content = element(tag);
    if (ok && tag != wanted) ok = false;
    content.ok = content.ok && ok;
    return content;
  }

  bool peek_tag(unsigned char& tag) const {
    if (!ok || p == end) return false;
    tag = *p;
    return true;
  }

  DerReader fail(DerReader none) {
    ok = false;
    return none;
  }
};

bool read_integer(DerReader& r, int64_t& out) {
  DerReader c = r.expect(kInteger);
  const size_t n = static_cast<size_t>(c.end - c.p);
  if (!c.ok || n == 0 || n > 8) return false;
  if (n > 1 && ((c.p[0] == 0x00 && !(c.p[1] & 0x80)) || (c.p[0] == 0xff && (c.p[1] & 0x80)))) return false;
  uint64_t v = (c.p[0] & 0x80) ? ~uint64_t{0} : 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8) | c.p[i];
  out = static_cast<int64_t>(v);
  return true;
}

template <size_t N>
bool read_octets(DerReader& r, Bytes<N>& out) {
  DerReader c = r.expect(kOctetString);
  return c.ok && out.assign(c.p, static_cast<size_t>(c.end - c.p));
}

bool read_explicit_integer(DerReader& r, int tag, int64_t& out) {
  DerReader inner = r.expect(static_cast<unsigned char>(kContext | tag));
  return inner.ok && read_integer(inner, out) && inner.at_end();
}

// The values read, applied to a session only once all of them are valid.
struct Decoded {
  int64_t version = 0;
  uint16_t cipher_id = 0;
  SessionId id;
  MasterKey master_key;
  int64_t time = 0;
  int64_t timeout = 0;
  SidCtx sid_ctx;
  int64_t verify_result = 0;
  int64_t max_fragment_len_mode = 0;
  int64_t kex_group = 0;
};

bool plausible_version(int64_t v) {
  const int64_t major = v >> 8;
  return v >= 0 && v <= 0xffff && (major == 0x03 || major == 0xfe || v == 0x0100);
}

bool read_required(DerReader& seq, Decoded& d) {
  int64_t asn1_version = 0;
  if (!read_integer(seq, asn1_version) || asn1_version != kAsn1Version) return false;
  if (!read_integer(seq, d.version) || !plausible_version(d.version)) return false;
  DerReader cipher = seq.expect(kOctetString);
  if (!cipher.ok || cipher.end - cipher.p != 2) return false;
  d.cipher_id = static_cast<uint16_t>((cipher.p[0] << 8) | cipher.p[1]);
  return read_octets(seq, d.id) && read_octets(seq, d.master_key);
}

bool in_range(int64_t v, int64_t lo, int64_t hi) { return v >= lo && v <= hi; }

// The universal type OpenSSL's template gives the inner element of a
// tagged field libsslref does not model, or 0 where it gives none.
unsigned char skipped_field_type(int tag) {
  switch (tag) {
    case 3: return kSequence;  // the peer certificate
    case 9: case 13: case 14: case 15: return kInteger;
    case 6: case 7: case 8: case 10: case 11: case 12: case 16: case 18: return kOctetString;
    default: return 0;
  }
}

// A field we do not model: one element of its type, then skipped.
bool skip_tagged(DerReader& seq, int tag) {
  DerReader inner = seq.expect(static_cast<unsigned char>(kContext | tag));
  unsigned char inner_tag = 0;
  inner.element(inner_tag);
  const unsigned char wanted = skipped_field_type(tag);
  return inner.ok && inner.at_end() && (wanted == 0 || inner_tag == wanted);
}

bool read_tagged(DerReader& seq, int tag, Decoded& d) {
  switch (tag) {
    case 1: return read_explicit_integer(seq, 1, d.time);
    case 2: return read_explicit_integer(seq, 2, d.timeout);
    case 4: {
      DerReader inner = seq.expect(kContext | 4);
      return inner.ok && read_octets(inner, d.sid_ctx) && inner.at_end();
    }
    case 5: return read_explicit_integer(seq, 5, d.verify_result) && in_range(d.verify_result, INT32_MIN, INT32_MAX);
    case 17: return read_explicit_integer(seq, 17, d.max_fragment_len_mode) && in_range(d.max_fragment_len_mode, 0, 255);
    case 19: return read_explicit_integer(seq, 19, d.kex_group) && in_range(d.kex_group, 0, UINT32_MAX);
    default: return skip_tagged(seq, tag);
  }
}

// Context tags must appear once each, in increasing order, as in OpenSSL's
// template.
bool read_optional(DerReader& seq, Decoded& d) {
  int last_tag = 0;
  unsigned char tag = 0;
  while (seq.peek_tag(tag)) {
    const int number = tag & 0x1f;
    if ((tag & 0xe0) != kContext || number <= last_tag) return false;
    if (!read_tagged(seq, number, d)) return false;
    last_tag = number;
  }
  return seq.ok;
}

bool decode(const unsigned char* p, long length, Decoded& d, size_t& used) {
  if (!p || length <= 0) return false;
  DerReader all{p, p + length};
  DerReader seq = all.expect(kSequence);
  if (!seq.ok || !read_required(seq, d) || !read_optional(seq, d)) return false;
  used = static_cast<size_t>(all.p - p);
  return true;
}

void apply(const Decoded& d, SSL_SESSION* s) {
  s->version = static_cast<int>(d.version);
  s->cipher_id = d.cipher_id;
  s->id = d.id;
  s->master_key = d.master_key;
  s->sid_ctx = d.sid_ctx;
  s->verify_result = d.verify_result;
  s->max_fragment_len_mode = d.max_fragment_len_mode;
  s->kex_group = d.kex_group;
  s->not_resumable.store(false);
  // OpenSSL's conventions for absent times: now, and a 3-second lifetime.
  cache_session_times_changed(s, d.time != 0 ? d.time : now(), d.timeout != 0 ? d.timeout : 3);
}

}  // namespace
}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------

extern "C" int i2d_SSL_SESSION(const SSL_SESSION* in, unsigned char** pp) {
  if (!in) return 0;
  sslref::session_check_live(in, "i2d_SSL_SESSION");
  const sslref::Der der = sslref::encode(*in);
  if (pp) {
    if (*pp == nullptr) {
      *pp = static_cast<unsigned char*>(std::malloc(der.size()));
      if (!*pp) return 0;
      std::memcpy(*pp, der.data(), der.size());
    } else {
      std::memcpy(*pp, der.data(), der.size());
      *pp += der.size();
    }
  }
  return static_cast<int>(der.size());
}

extern "C" SSL_SESSION* d2i_SSL_SESSION(SSL_SESSION** a, const unsigned char** pp, long length) {
  if (!pp) return nullptr;
  sslref::Decoded decoded;
  size_t used = 0;
  if (!sslref::decode(*pp, length, decoded, used)) return nullptr;
  SSL_SESSION* target = (a && *a) ? *a : SSL_SESSION_new();
  if (!target) return nullptr;
  sslref::session_check_live(target, "d2i_SSL_SESSION");
  sslref::apply(decoded, target);
  *pp += used;
  if (a) *a = target;
  return target;
}
