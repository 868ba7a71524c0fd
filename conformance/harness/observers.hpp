// Observing an opaque implementation (DESIGN.md): the moment a session dies
// through an ex_data free callback, and cache membership through
// SSL_CTX_sess_number and the remove callback. Each observer tests itself
// first; a claim that needs an observer which does not work on this library
// is UNRESOLVED, never PASS or FAIL.
#pragma once

#include <openssl/ssl.h>

#include <string>
#include <vector>

namespace sslconf::harness {

// One watched session: how often the library ran its free callback.
struct Tag {
  int frees = 0;
  bool alive() const { return frees == 0; }
};

class DeathWatch {
 public:
  // Empty when the observer works; otherwise why it cannot be trusted.
  static const std::string& broken();
  // Starts watching: the session's ex_data slot points at a new tag
  // (replacing any tag it inherited, e.g. through a copy).
  static Tag* watch(SSL_SESSION* s);
};

class CacheWatch {
 public:
  static const std::string& broken();
  // Installs the remove callback on ctx; removals are recorded from now on.
  static void attach(SSL_CTX* ctx);
  static long size(SSL_CTX* ctx);
  // Sessions the library reported removed from ctx since attach().
  static const std::vector<SSL_SESSION*>& removed(SSL_CTX* ctx);
};

// A BIO pair end's death, seen from the other end: while both ends live,
// the other end can take data (BIO_ctrl_get_write_guarantee above 0); once
// one end is destroyed nothing written could ever be read, and it is 0.
class PairWatch {
 public:
  static const std::string& broken();
  static bool alive(BIO* other_end);
};

}  // namespace sslconf::harness
