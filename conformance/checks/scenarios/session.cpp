// Session objects: creation, copies, references, times, IDs, the
// encoding, and the fields a session carries.
#include "checks/scenarios/common.hpp"
#include "checks/scenarios/der_corpus.hpp"

#include "harness/adapter.hpp"

#include <algorithm>
#include <ctime>
#include <type_traits>
#include <vector>

namespace sslconf::checks::scenarios {

namespace {

void add_session_objects(Registry& r) {
  r["SSL_SESSION_new"].success = [] { return pointer(harness::new_blank_session()); };

  auto& up = r["SSL_SESSION_up_ref"];
  up.success = [] { return integer(optional::session_up_ref(blank_session())); };
  up.references = [] {
    SSL_SESSION* s = blank_session();
    return RefTrial{s, 1, [s] { return integer(optional::session_up_ref(s)); }};
  };

  auto& free = r["SSL_SESSION_free"];
  free.returns_void = std::is_void_v<decltype(SSL_SESSION_free(nullptr))>;
  free.with_null = [] {
    SSL_SESSION_free(nullptr);
    return Result::nothing();
  };
  free.references = [] {
    SSL_SESSION* s = blank_session();
    if (optional::session_up_ref(s) != 1) throw Unresolved("scenario: SSL_SESSION_up_ref failed");
    return RefTrial{s, 2, [s] {
                      SSL_SESSION_free(s);
                      return Result::nothing();
                    }};
  };

  // A new session: its creator's reference is the only one.
  free.creation = [] { return RefTrial{blank_session(), 1, {}}; };

  auto& dup = r["SSL_SESSION_dup"];
  dup.success = [] { return pointer(optional::session_dup(handshake_session())); };
  dup.invoke = [](const Inputs& in) { return pointer(optional::session_dup(in.session)); };

  auto& resumable = r["SSL_SESSION_is_resumable"];
  resumable.success = [] { return integer(optional::session_is_resumable(handshake_session())); };
  // A session shown to resume (the next connection reused it) stands for a
  // resumable one; a blank one cannot resume.
  resumable.cases = {{{"resumable", "can be resumed", "used to resume"}, [] {
                        SSL_SESSION* s = resumed_session();
                        Result r = integer(optional::session_is_resumable(s));
                        r.input = "a session the next connection resumed";
                        return r;
                      },
                      [] { return integer(optional::session_is_resumable(blank_session())); }}};
}

// A session in a context's cache, created now with a timeout of 100 s, its
// timeout then set to `change_to` (0: left alone), the cache flushed as
// `flush_after` seconds from now: was the session removed?
bool flushed_after(long change_to, long flush_after) {
  SSL_CTX* ctx = server_context();
  SSL_SESSION* s = handshake_session();
  const long now = static_cast<long>(std::time(nullptr));
  optional::session_set_time(s, now);
  SSL_SESSION_set_timeout(s, 100);
  if (SSL_CTX_add_session(ctx, s) != 1) throw Unresolved("scenario: SSL_CTX_add_session failed");
  if (change_to != 0) SSL_SESSION_set_timeout(s, change_to);
  SSL_CTX_flush_sessions(ctx, now + flush_after);
  const bool removed = SSL_CTX_remove_session(ctx, s) == 0;  // 0: the cache no longer had it
  SSL_SESSION_free(s);
  SSL_CTX_free(ctx);
  return removed;
}

// Extended to 1000 s, a session survives a flush 200 s on that removes it
// unchanged; cut to 10 s, it is removed by a flush 50 s on that keeps it
// unchanged.
Comparison lifetime_changed(bool extend) {
  const long flush_after = extend ? 200 : 50, change_to = extend ? 1000 : 10;
  const bool unchanged = flushed_after(0, flush_after), changed = flushed_after(change_to, flush_after);
  const auto said = [](bool removed) { return removed ? std::string("removed") : std::string("kept"); };
  return {unchanged == extend && changed == !extend,
          "a cached session of timeout 100 s, flushed " + std::to_string(flush_after) + " s after its creation: " + said(unchanged) +
              "; with its timeout set to " + std::to_string(change_to) + " s after it was cached: " + said(changed)};
}

void add_session_times(Registry& r) {
  for (const char* fn : {"SSL_SESSION_get_time", "SSL_SESSION_set_time", "SSL_SESSION_get_timeout", "SSL_SESSION_set_timeout"})
    r[fn].lifetime_change = lifetime_changed;
  auto& get_time = r["SSL_SESSION_get_time"];
  get_time.success = [] { return integer(static_cast<long long>(SSL_SESSION_get_time(handshake_session()))); };
  get_time.current = [] {
    SSL_SESSION* s = blank_session();
    optional::session_set_time(s, 1000000);
    return compare_values(static_cast<long long>(SSL_SESSION_get_time(s)), 1000000);
  };
  auto& set_time = r["SSL_SESSION_set_time"];
  set_time.success = [] { return integer(static_cast<long long>(optional::session_set_time(blank_session(), 1000000))); };
  set_time.previous = [] {
    SSL_SESSION* s = blank_session();
    optional::session_set_time(s, 1000000);
    return compare_values(static_cast<long long>(optional::session_set_time(s, 2000000)), 1000000);
  };

  auto& get_timeout = r["SSL_SESSION_get_timeout"];
  get_timeout.success = [] { return integer(static_cast<long long>(SSL_SESSION_get_timeout(handshake_session()))); };
  get_timeout.current = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_timeout(s, 1234);
    return compare_values(static_cast<long long>(SSL_SESSION_get_timeout(s)), 1234);
  };
  auto& set_timeout = r["SSL_SESSION_set_timeout"];
  set_timeout.success = [] { return integer(static_cast<long long>(SSL_SESSION_set_timeout(blank_session(), 1234))); };
  set_timeout.previous = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_timeout(s, 1234);
    return compare_values(static_cast<long long>(SSL_SESSION_set_timeout(s, 4321)), 1234);
  };
}

// The old names (SSL_get_time ...) on the same inputs as the SSL_SESSION_ ones.
void add_time_synonyms(Registry& r) {
  auto session = [](const Inputs& in) {
    if (!in.session) throw Unresolved("scenario: no session among the inputs");
    return in.session;
  };
  r["SSL_SESSION_get_time"].invoke = [session](const Inputs& in) { return integer(SSL_SESSION_get_time(session(in))); };
  r["SSL_get_time"].invoke = [session](const Inputs& in) { return integer(optional::old_get_time(session(in))); };
  r["SSL_SESSION_get_timeout"].invoke = [session](const Inputs& in) {
    return integer(SSL_SESSION_get_timeout(session(in)));
  };
  r["SSL_get_timeout"].invoke = [session](const Inputs& in) { return integer(optional::old_get_timeout(session(in))); };
  // A setter's return for the same new value on the same session.
  r["SSL_SESSION_set_time"].invoke = [session](const Inputs& in) {
    return integer(optional::session_set_time(session(in), 1000000));
  };
  r["SSL_set_time"].invoke = [session](const Inputs& in) { return integer(optional::old_set_time(session(in), 1000000)); };
  r["SSL_SESSION_set_timeout"].invoke = [session](const Inputs& in) {
    return integer(SSL_SESSION_set_timeout(session(in), 1234));
  };
  r["SSL_set_timeout"].invoke = [session](const Inputs& in) { return integer(optional::old_set_timeout(session(in), 1234)); };
  // Each of them given a NULL session.
  r["SSL_SESSION_get_time"].with_null = [] { return integer(SSL_SESSION_get_time(nullptr)); };
  r["SSL_get_time"].with_null = [] { return integer(optional::old_get_time(nullptr)); };
  r["SSL_SESSION_get_timeout"].with_null = [] { return integer(SSL_SESSION_get_timeout(nullptr)); };
  r["SSL_get_timeout"].with_null = [] { return integer(optional::old_get_timeout(nullptr)); };
  r["SSL_SESSION_set_time"].with_null = [] { return integer(optional::session_set_time(nullptr, 1000000)); };
  r["SSL_set_time"].with_null = [] { return integer(optional::old_set_time(nullptr, 1000000)); };
  r["SSL_SESSION_set_timeout"].with_null = [] { return integer(SSL_SESSION_set_timeout(nullptr, 1234)); };
  r["SSL_set_timeout"].with_null = [] { return integer(optional::old_set_timeout(nullptr, 1234)); };
}

// The ID written back: its bytes, and their number in *len.
Comparison id_and_length(const unsigned char* got, unsigned int len) {
  Comparison c = compare_bytes(got, len, kId, kIdLength);
  c.observed = "*len held " + std::to_string(len) + " after an ID of " + std::to_string(kIdLength) + " bytes was set; " +
               c.observed;
  return c;
}

void add_session_ids(Registry& r) {
  auto& set_id = r["SSL_SESSION_set1_id"];
  set_id.success = [] { return integer(optional::session_set1_id(blank_session(), kId, kIdLength)); };
  // Longer than any session ID (SSL_MAX_SSL_SESSION_ID_LENGTH is 32).
  set_id.cases = {{{"too-long"}, [] {
                     static const unsigned char too_long[64] = {1};
                     return integer(optional::session_set1_id(blank_session(), too_long, sizeof too_long));
                   }}};

  set_id.limits = {{{"session id"}, [](long long limit) {
                     return accepts_up_to(limit, "a session ID", [](const unsigned char* v, unsigned int len) {
                       return optional::session_set1_id(blank_session(), v, len);
                     });
                   }}};

  auto& get_id = r["SSL_SESSION_get_id"];
  get_id.outputs = {{{"len"}, [] {
                       SSL_SESSION* s = blank_session();
                       if (optional::session_set1_id(s, kId, kIdLength) != 1) throw Unresolved("scenario: SSL_SESSION_set1_id failed");
                       unsigned int len = 0;
                       const unsigned char* got = SSL_SESSION_get_id(s, &len);
                       return id_and_length(got, len);
                     }}};
  get_id.success = [] {
    unsigned int len = 0;
    return pointer(SSL_SESSION_get_id(handshake_session(), &len));
  };
  get_id.current = [] {
    SSL_SESSION* s = blank_session();
    optional::session_set1_id(s, kId, kIdLength);
    unsigned int len = 0;
    const unsigned char* got = SSL_SESSION_get_id(s, &len);
    return compare_bytes(got, len, kId, kIdLength);
  };

  auto& set_ctx = r["SSL_SESSION_set1_id_context"];
  set_ctx.success = [] { return integer(optional::session_set1_id_context(blank_session(), kId, kIdLength)); };
  set_ctx.cases = {{{"too-long"}, [] {  // longer than SSL_MAX_SID_CTX_LENGTH (32)
                      static const unsigned char too_long[64] = {1};
                      return integer(optional::session_set1_id_context(blank_session(), too_long, sizeof too_long));
                    }}};
  set_ctx.limits = {{{"sid_ctx", "id context"}, [](long long limit) {
                      return accepts_up_to(limit, "an ID context", [](const unsigned char* v, unsigned int len) {
                        return optional::session_set1_id_context(blank_session(), v, len);
                      });
                    }}};
  auto& get_ctx = r["SSL_SESSION_get0_id_context"];
  get_ctx.outputs = {{{"len"}, [] {
                        SSL_SESSION* s = blank_session();
                        if (optional::session_set1_id_context(s, kId, kIdLength) != 1)
                          throw Unresolved("scenario: SSL_SESSION_set1_id_context failed");
                        unsigned int len = 0;
                        const unsigned char* got = optional::session_get0_id_context(s, &len);
                        return id_and_length(got, len);
                      }}};
  get_ctx.success = [] {
    unsigned int len = 0;
    return pointer(optional::session_get0_id_context(handshake_session(), &len));
  };
  get_ctx.current = [] {
    SSL_SESSION* s = blank_session();
    optional::session_set1_id_context(s, kId, kIdLength);
    unsigned int len = 0;
    const unsigned char* got = optional::session_get0_id_context(s, &len);
    return compare_bytes(got, len, kId, kIdLength);
  };
}

Der encoding_of(SSL_SESSION* s, const char* whose) {
  const int n = i2d_SSL_SESSION(s, nullptr);
  Der der(n > 0 ? static_cast<std::size_t>(n) : 0);
  unsigned char* out = der.data();
  if (der.empty() || i2d_SSL_SESSION(s, &out) != n)
    throw Unresolved(std::string("scenario: i2d_SSL_SESSION did not encode the ") + whose + " session of a handshake");
  return der;
}

// The client's and the server's sessions of one handshake, encoded by the
// implementation under test: the valid inputs the corpus is made from.
std::vector<std::pair<std::string, Der>> own_encodings() {
  Live l = live();
  std::vector<std::pair<std::string, Der>> out;
  for (const auto& side : {std::make_pair("client", l.conn.client), std::make_pair("server", l.conn.server)}) {
    SSL_SESSION* s = SSL_get_session(side.second);
    if (!s) throw Unresolved(std::string("scenario: the ") + side.first + " has no session after a handshake");
    out.push_back({side.first, encoding_of(s, side.first)});
  }
  return out;
}

// The malformed-encoding corpus (der_corpus.hpp) made from the
// implementation's own encodings: NULL when d2i_SSL_SESSION refused every
// input, else the first session it returned, with each class of
// malformation it accepted named by its first input.
Result accepted_malformations() {
  std::vector<std::string> kinds, examples;
  std::size_t inputs = 0, left_out = 0;
  SSL_SESSION* first = nullptr;
  for (const auto& own : own_encodings()) {
    const Corpus corpus = malformed_session_encodings(own.second);
    inputs += corpus.malformed.size();
    left_out += corpus.still_valid;
    for (const auto& bad : corpus.malformed) {
      const unsigned char* in = bad.bytes.data();
      SSL_SESSION* decoded = d2i_SSL_SESSION(nullptr, &in, static_cast<long>(bad.bytes.size()));
      if (!decoded) continue;
      if (!first) first = decoded;
      else SSL_SESSION_free(decoded);
      if (std::find(kinds.begin(), kinds.end(), bad.kind) != kinds.end()) continue;
      kinds.push_back(bad.kind);
      examples.push_back(bad.kind + " (" + bad.what + ", " + own.first + " session)");
    }
  }
  Result r = pointer(first);
  if (!first) {
    r.input = "each of " + std::to_string(inputs) + " malformed encodings made from its own client and server sessions (" +
              std::to_string(left_out) + " single-point changes that stay session encodings left out)";
    return r;
  }
  // The corpus size varies by a few inputs between runs (an INTEGER of
  // random value may take a byte less), so only the classes name the finding.
  r.input = "malformed encodings of its own sessions (about " + std::to_string(inputs) + " inputs), classes accepted (" +
            std::to_string(kinds.size()) + "): ";
  for (std::size_t i = 0; i < examples.size(); ++i) r.input += (i ? "; " : "") + examples[i];
  return r;
}

void add_session_encoding(Registry& r) {
  auto& i2d = r["i2d_SSL_SESSION"];
  i2d.success = [] { return integer(i2d_SSL_SESSION(handshake_session(), nullptr)); };
  // No session at all: the one failure OpenSSL's encoder checks for besides
  // a session without a cipher.
  i2d.cases = {{{"null-argument"}, [] { return integer(i2d_SSL_SESSION(nullptr, nullptr)); }}};
  auto& d2i = r["d2i_SSL_SESSION"];
  d2i.success = [] {
    SSL_SESSION* s = handshake_session();
    std::vector<unsigned char> der(static_cast<std::size_t>(i2d_SSL_SESSION(s, nullptr)));
    unsigned char* out = der.data();
    i2d_SSL_SESSION(s, &out);
    const unsigned char* in = der.data();
    return pointer(d2i_SSL_SESSION(nullptr, &in, static_cast<long>(der.size())));
  };
  // A DER sequence cut short, then malformed encodings made from a real one.
  d2i.cases = {{{"malformed-input"}, [] {
                  static const unsigned char garbage[] = {0x30, 0x03, 0x02, 0x01};
                  const unsigned char* in = garbage;
                  const Result truncated = pointer(d2i_SSL_SESSION(nullptr, &in, sizeof garbage));
                  return truncated.pointer ? truncated : accepted_malformations();
                }}};
}

// Both ends of a handshake derive the same master key: the client's
// session and the server's must give the same bytes, as many as outlen 0
// says the key has.
Comparison master_key_written() {
  Live l = live();
  SSL_SESSION* mine = SSL_get_session(l.conn.client);
  SSL_SESSION* theirs = SSL_get_session(l.conn.server);
  if (!mine || !theirs) throw Unresolved("scenario: no session after a handshake");
  const std::size_t size = optional::session_get_master_key(mine, nullptr, 0);
  std::vector<unsigned char> a(size + 8, 0), b(size + 8, 0xff);
  const std::size_t copied = optional::session_get_master_key(mine, a.data(), a.size());
  optional::session_get_master_key(theirs, b.data(), b.size());
  const bool same = size > 0 && std::equal(a.begin(), a.begin() + static_cast<long>(size), b.begin());
  return {same && copied == size, "outlen 0 returned " + std::to_string(size) + ", a larger buffer got " +
                                      std::to_string(copied) + " bytes, " +
                                      (same ? "equal to the server's" : "not the server's master key")};
}

void add_session_fields(Registry& r) {
  auto& master = r["SSL_SESSION_set1_master_key"];
  master.success = [] {
    static const unsigned char key[48] = {7};
    return integer(optional::session_set1_master_key(blank_session(), key, sizeof key));
  };
  master.cases = {{{"too-long"}, [] {  // longer than any master key (SSL_MAX_MASTER_KEY_LENGTH is 48)
                     static const unsigned char key[4096] = {7};
                     return integer(optional::session_set1_master_key(blank_session(), key, sizeof key));
                   }}};
  master.limits = {{{"master key"}, [](long long limit) {
                     return accepts_up_to(limit, "a master key", [](const unsigned char* v, unsigned int len) {
                       return optional::session_set1_master_key(blank_session(), v, len);
                     });
                   }}};
  r["SSL_SESSION_get_master_key"].outputs = {{{"out"}, master_key_written}};
  master.sets = [] {
    static const unsigned char key[48] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    SSL_SESSION* s = blank_session();
    optional::session_set1_master_key(s, key, sizeof key);
    unsigned char out[64] = {0};
    const auto got = optional::session_get_master_key(s, out, sizeof out);
    return compare_bytes(out, static_cast<unsigned int>(got), key, sizeof key);
  };
  // The client's session holds the server's certificate; a blank session
  // has no peer.
  auto& peer = r["SSL_SESSION_get0_peer"];
  peer.success = [] { return pointer(optional::session_get0_peer(handshake_session())); };
  peer.cases = {{{"no-peer-certificate"}, [] { return pointer(optional::session_get0_peer(blank_session())); }}};
  r["SSL_SESSION_get_protocol_version"].success = [] {
    return integer(optional::session_get_protocol_version(handshake_session()));
  };
  r["SSL_SESSION_get_protocol_version"].current = [] {
    SSL_SESSION* s = blank_session();
    if (optional::session_set_protocol_version(s, TLS1_1_VERSION) != 1)
      throw Unresolved("scenario: SSL_SESSION_set_protocol_version refused TLS1_1_VERSION");
    return compare_values(optional::session_get_protocol_version(s), TLS1_1_VERSION);
  };
  auto& version = r["SSL_SESSION_set_protocol_version"];
  version.success = [] { return integer(optional::session_set_protocol_version(blank_session(), TLS1_2_VERSION)); };
  version.sets = [] {
    SSL_SESSION* s = blank_session();
    optional::session_set_protocol_version(s, TLS1_1_VERSION);
    return compare_values(optional::session_get_protocol_version(s), TLS1_1_VERSION);
  };
}

// A session setter of a number, called on a fresh session.
template <typename Set, typename Get>
std::function<NumberCall(long long)> session_number(Set set, Get get) {
  return [set, get](long long v) {
    SSL_SESSION* s = blank_session();
    NumberCall call;
    call.before = static_cast<long long>(get(s));
    call.returned = integer(static_cast<long long>(set(s, static_cast<long>(v))));
    call.after = static_cast<long long>(get(s));
    SSL_SESSION_free(s);
    return call;
  };
}

// d2i_SSL_SESSION given a valid encoding followed by spare bytes of each
// kind (der_corpus.hpp): it must decode the session and stop after it.
Comparison cursor_after_decoding(const Der& valid) {
  std::string seen;
  for (const auto& spare : with_trailing_bytes(valid)) {
    const unsigned char* in = spare.second.data();
    SSL_SESSION* back = d2i_SSL_SESSION(nullptr, &in, static_cast<long>(spare.second.size()));
    const long moved = static_cast<long>(in - spare.second.data());
    const std::string one = "over an encoding of " + std::to_string(valid.size()) + " bytes followed by " + spare.first;
    if (!back) return {false, "d2i_SSL_SESSION returned NULL " + one};
    SSL_SESSION_free(back);
    if (moved != static_cast<long>(valid.size()))
      return {false, "d2i_SSL_SESSION moved *pp by " + std::to_string(moved) + " bytes " + one};
    seen += (seen.empty() ? "" : ", ") + spare.first;
  }
  return {true, "d2i_SSL_SESSION moved *pp by " + std::to_string(valid.size()) +
                    " bytes over an encoding of as many bytes followed by each of: " + seen};
}

// An encoding call with its cursor: the encoding is written (or read,
// followed by spare bytes) at a buffer, and the cursor must end just past
// the encoding.
Comparison cursor_after(bool decode, bool length_asked = false) {
  SSL_SESSION* s = handshake_session();
  const int n = i2d_SSL_SESSION(s, nullptr);
  if (n <= 0) throw Unresolved("scenario: i2d_SSL_SESSION did not encode a handshake session");
  std::vector<unsigned char> der(static_cast<std::size_t>(n) + 4, 0);
  unsigned char* out = der.data();
  const int written = i2d_SSL_SESSION(s, &out);
  SSL_SESSION_free(s);
  long moved = static_cast<long>(out - der.data());
  // pp NULL asks for the length: the number of bytes the encoding takes.
  if (length_asked)
    return {written == n, "pp NULL returned " + std::to_string(n) + "; writing the encoding returned " + std::to_string(written)};
  if (decode) return cursor_after_decoding(Der(der.begin(), der.begin() + n));
  const std::string seen = std::string(decode ? "d2i_SSL_SESSION" : "i2d_SSL_SESSION") + " moved *pp by " +
                           std::to_string(moved) + " bytes over an encoding of " + std::to_string(n) +
                           (decode ? "" : " (returned " + std::to_string(written) + ")");
  return {moved == n, seen};
}

// i2d_SSL_SESSION writing a handshake session: its return value against
// the bytes it wrote (and the length pp NULL reports).
Comparison encoding_size_written() {
  SSL_SESSION* s = handshake_session();
  const int asked = i2d_SSL_SESSION(s, nullptr);
  if (asked <= 0) throw Unresolved("scenario: i2d_SSL_SESSION did not encode a handshake session");
  const CopyCall c = copy_into(
      [s](unsigned char* out, std::size_t) {
        unsigned char* p = out;
        return static_cast<std::size_t>(i2d_SSL_SESSION(s, &p));
      },
      static_cast<std::size_t>(asked));
  SSL_SESSION_free(s);
  return {c.returned == static_cast<long long>(c.written) && c.returned == asked,
          "i2d_SSL_SESSION returned " + std::to_string(c.returned) + " and wrote " + std::to_string(c.written) +
              " bytes (pp NULL: " + std::to_string(asked) + ")"};
}

// outlen 0 asks for the length: the number a call with room for the
// whole key reports copying.
Comparison master_key_length_asked() {
  SSL_SESSION* s = handshake_session();
  std::vector<unsigned char> room(256);
  const std::size_t whole = optional::session_get_master_key(s, room.data(), room.size());
  const std::size_t asked = optional::session_get_master_key(s, room.data(), 0);
  SSL_SESSION_free(s);
  if (whole == 0) throw Unresolved("scenario: a handshake session has an empty master key");
  return {asked == whole, "outlen 0 returned " + std::to_string(asked) + "; the key has " + std::to_string(whole) + " bytes"};
}

// d2i_SSL_SESSION given a session in *a: that session is filled in and
// returned, and *a still points to it.
Comparison decoded_into_given() {
  SSL_SESSION* s = handshake_session();
  Der der(static_cast<std::size_t>(i2d_SSL_SESSION(s, nullptr)));
  unsigned char* out = der.data();
  i2d_SSL_SESSION(s, &out);
  SSL_SESSION_free(s);
  SSL_SESSION* given = blank_session();
  SSL_SESSION* a = given;
  const unsigned char* in = der.data();
  SSL_SESSION* got = d2i_SSL_SESSION(&a, &in, static_cast<long>(der.size()));
  if (!got) throw Unresolved("scenario: d2i_SSL_SESSION did not decode a handshake session's encoding");
  const bool same = got == given && a == given;
  SSL_SESSION_free(got);
  return {same, std::string("d2i_SSL_SESSION returned ") + (got == given ? "the given session" : "another session") +
                    ", *a then pointed to " + (a == given ? "the given session" : "another session")};
}

void add_session_state(Registry& r) {
  r["d2i_SSL_SESSION"].effects["reuses-argument"] = decoded_into_given;
  r["SSL_SESSION_get_master_key"].quantities = {{{"length", "master key", "0"}, master_key_length_asked},
                                                  {{"outlen is 0"}, master_key_length_asked},
                                                  {{"outlen of 0"}, master_key_length_asked}};
  r["SSL_SESSION_get_master_key"].copy_out = [](std::size_t outlen) {
    SSL_SESSION* s = handshake_session();
    const CopyCall c = copy_into(
        [s](unsigned char* out, std::size_t n) { return optional::session_get_master_key(s, out, n); }, outlen);
    SSL_SESSION_free(s);
    return c;
  };
  // The size of the encoding, with pp NULL or written: what the call
  // returns, against the bytes it writes.
  r["i2d_SSL_SESSION"].quantities = {{{"length", "encoding", "NULL"}, [] { return cursor_after(false, true); }},
                                     {{"size"}, encoding_size_written},
                                     {{"length"}, encoding_size_written}};
  r["SSL_SESSION_new"].new_session = [] { return harness::new_blank_session(); };
  r["SSL_SESSION_set_time"].set_number = session_number(
      [](SSL_SESSION* s, long t) { return optional::session_set_time(s, t); }, [](SSL_SESSION* s) { return SSL_SESSION_get_time(s); });
  r["SSL_SESSION_set_timeout"].set_number = session_number(
      [](SSL_SESSION* s, long t) { return SSL_SESSION_set_timeout(s, t); }, [](SSL_SESSION* s) { return SSL_SESSION_get_timeout(s); });
  r["i2d_SSL_SESSION"].cursors = {{{"pp"}, [] { return cursor_after(false); }}};
  r["d2i_SSL_SESSION"].cursors = {{{"pp"}, [] { return cursor_after(true); }}};
}

}  // namespace

// A session a handshake makes now: its time is the clock's, in seconds.
Comparison handshake_time_is_now() {
  const long before = static_cast<long>(std::time(nullptr));
  SSL_SESSION* s = handshake_session();
  const long after = static_cast<long>(std::time(nullptr));
  const long t = static_cast<long>(SSL_SESSION_get_time(s));
  SSL_SESSION_free(s);
  return {t >= before && t <= after, "a session made between time() " + std::to_string(before) + " and " + std::to_string(after) +
                                         " read " + std::to_string(t)};
}

// A session that cannot resume (a new one, SSL_SESSION_is_resumable 0)
// offered by a client: the handshake completes in full, nothing reused.
Comparison not_resumable_offered() {
  SSL_SESSION* s = blank_session();
  const int resumable = optional::session_is_resumable(s);
  if (resumable != 0) throw Unresolved("scenario: SSL_SESSION_is_resumable said a new session can resume");
  harness::Contexts ctx;
  harness::Connection conn;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  const bool done = harness::connect(ctx, conn, why, s);
  const int reused = done ? SSL_session_reused(conn.client) : -1;
  SSL_SESSION_free(s);
  return {done && reused == 0, "a new session (SSL_SESSION_is_resumable 0) offered: the handshake " +
                                   (done ? "completed, SSL_session_reused " + std::to_string(reused) : "failed: " + why)};
}

void add_session(Registry& r) {
  r["SSL_SESSION_get_time"].epoch_time = handshake_time_is_now;
  add_session_objects(r);
  add_session_times(r);
  add_session_ids(r);
  add_time_synonyms(r);
  add_session_encoding(r);
  add_session_fields(r);
  add_session_state(r);  // it adds to what the others set
  r["SSL_SESSION_is_resumable"].effect_cases.push_back(
      {"full-handshake", {"non-resumable", "not resumable", "cannot be resumed"}, not_resumable_offered});
}

}  // namespace sslconf::checks::scenarios
