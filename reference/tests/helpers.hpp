// Small single-purpose helpers shared by libsslref's unit tests. Each one
// says what it provides; none hides an assertion.
#pragma once

#include <openssl/ssl.h>
#include <sslref/test_hooks.h>

#include <string>
#include <vector>

namespace sslref_test {

// Path of a file under reference/tests/data.
std::string data_path(const std::string& name);

// Replaces the library clock with a settable one for the life of the
// guard (tests step to the last valid second and the first expired one).
class FakeClock {
 public:
  explicit FakeClock(long start);
  ~FakeClock();
  FakeClock(const FakeClock&) = delete;
  FakeClock& operator=(const FakeClock&) = delete;
  void set(long t);
};

// Counts destructions of tagged sessions through an ex_data free callback:
// the callback firing is the moment a session was freed.
class FreeCounter {
 public:
  FreeCounter();
  // Tags s so that its destruction is counted.
  void tag(SSL_SESSION* s);
  int freed() const;
  int index() const { return index_; }

 private:
  int index_;
};

// A session with the given ID byte repeated, time and timeout.
SSL_SESSION* make_session(unsigned char id_byte, long time = 1000, long timeout = 300);

// A server context that can complete the loopback handshake: test
// certificate and key, session ID context "sslref-test", SSL_OP_NO_TICKET.
SSL_CTX* make_server_ctx();
// A client context with SSL_OP_NO_TICKET.
SSL_CTX* make_client_ctx();

struct Pair {
  SSL* client = nullptr;
  SSL* server = nullptr;
};

// Creates client and server joined by a BIO pair; offers `resume` when not
// NULL. Returns false (and frees what it made) when setup fails.
bool create_pair(SSL_CTX* client_ctx, SSL_CTX* server_ctx, Pair& out, SSL_SESSION* resume = nullptr);
// Drives both handshakes until both return 1 or one fails; true on success.
bool complete_handshake(Pair& p);
// Both ends send and receive close_notify.
void shutdown_cleanly(Pair& p);
// Frees both ends (no shutdown).
void free_pair(Pair& p);

// create_pair + complete_handshake; true when both succeeded.
bool connect(SSL_CTX* client_ctx, SSL_CTX* server_ctx, Pair& out, SSL_SESSION* resume = nullptr);

// Session ID bytes of s.
std::vector<unsigned char> id_of(const SSL_SESSION* s);

}  // namespace sslref_test
