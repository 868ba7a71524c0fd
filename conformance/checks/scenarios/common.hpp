// Shared by the registry files (one per object: session, context,
// connection, BIO, ex_data): the registry type, result helpers and the
// small situations more than one object's scenarios build.
#pragma once

#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/observers.hpp"
#include "harness/optional.hpp"

#include <openssl/ssl.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sslconf::checks::scenarios {

using Registry = std::map<std::string, Scenario>;
namespace optional = harness::optional;

inline Result integer(long long v) { return Result::of_int(v); }
inline Result pointer(const void* p) { return Result::of_pointer(p); }

// Calls `get(out, outlen)` twice, over a buffer of zeros and one of 0xff
// bytes with room beyond outlen: a byte either call changed was written.
template <class Get>
CopyCall copy_into(Get get, std::size_t outlen) {
  std::vector<unsigned char> zeros(outlen + 16, 0x00), ones(outlen + 16, 0xff);
  CopyCall c;
  c.returned = static_cast<long long>(get(zeros.data(), outlen));
  get(ones.data(), outlen);
  for (std::size_t i = 0; i < zeros.size(); ++i)
    if (zeros[i] != 0x00 || ones[i] != 0xff) c.written = i + 1;
  return c;
}

Comparison compare_values(long long returned, long long expected);
Comparison compare_bytes(const unsigned char* got, unsigned int got_len, const unsigned char* want,
                         unsigned int want_len);

// A bound's trial (Bound::trial): a value of `limit` bytes is taken (the
// setter returns 1) and one of limit + 1 bytes is refused (it does not).
Comparison accepts_up_to(long long limit, const std::string& what,
                         const std::function<int(const unsigned char*, unsigned int)>& set);

// A session ID (and ID context) value the scenarios set and read back.
inline const unsigned char kId[] = "sslconf-session-id";
inline constexpr unsigned int kIdLength = 18;

// One end of a connection on a BIO pair whose other end the scenario
// drives by hand (raw bytes, or nothing at all).
struct HalfOpen {
  SSL* ssl = nullptr;
  BIO* peer = nullptr;  // the pair's other end, held by the scenario
};
HalfOpen alone(bool server, std::size_t own_buffer = 0);

// A context's death seen through a session only its cache holds; `extra`
// references are taken first, so a release must count down rather than
// free at once.
RefTrial context_trial(std::function<Result(SSL_CTX*)> act_on, int extra = 0);

// A handshake whose server context (or, with on_connection, the server's
// connection) was given a session ID context: the server's session must
// carry it (SSL_CTX_set_session_id_context, SSL_set_session_id_context).
Comparison server_session_id_context(bool on_connection);

// What a new-session callback (record_new_session) was handed: how many
// sessions, the last one; it returns `returns` (0: the application keeps
// no reference). Reset before each trial.
struct NewSessions {
  int returns = 0;
  int calls = 0;
  SSL_SESSION* last = nullptr;
};
NewSessions& recorded_sessions();
int record_new_session(SSL*, SSL_SESSION* s);

void add_session(Registry& r);
void add_context(Registry& r);
void add_connection(Registry& r);
void add_bio(Registry& r);
void add_ex_data(Registry& r);

}  // namespace sslconf::checks::scenarios
