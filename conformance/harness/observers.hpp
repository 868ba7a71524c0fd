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

// What an observer's self-test saw. The observers' own behaviour is
// documented too, so the same test is also a check of those pages.
struct SelfTest {
  enum class Result { works, fails, not_set_up } result = Result::not_set_up;
  std::string observed;  // what happened, in a sentence
};

class DeathWatch {
 public:
  // Registers the observer's ex_data index. Call before any object a claim
  // watches exists: LibreSSL 4.3 was seen to run a free callback only for
  // indexes registered before the object was created.
  static void prepare();
  // A new session with two references is released twice: the free callback
  // of its ex_data index must run exactly once, at the second release.
  static const SelfTest& self_test();
  // Empty when the observer works; otherwise why it cannot be trusted.
  static const std::string& broken();
  // Starts watching: the session's ex_data slot points at a new tag
  // (replacing any tag it inherited, e.g. through a copy).
  static Tag* watch(SSL_SESSION* s);
};

class CacheWatch {
 public:
  // One session added to a fresh context and removed again: the count
  // goes 0, 1, 0 ...
  static const SelfTest& count_test();
  // ... and the remove callback reports exactly that session.
  static const SelfTest& removal_test();
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
