// The checked build turns caller misuse into an immediate diagnostic naming
// the call, then aborts. Each scenario runs in its own process.
#define BOOST_TEST_MODULE sslref_death
#include <boost/test/unit_test.hpp>

#include "platform/process.hpp"

#include <chrono>
#include <string>

namespace {

using sslconf::platform::ProcessResult;

ProcessResult run_scenario(const std::string& scenario) {
  sslconf::platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(10000);
  return sslconf::platform::run_process({SSLREF_MISUSE_PROGRAM, scenario}, options);
}

void expect_abort_naming(const std::string& scenario, const std::string& diagnostic) {
  const ProcessResult r = run_scenario(scenario);
  BOOST_TEST_CONTEXT(scenario << " stderr: " << r.err) {
    BOOST_TEST(r.signal_name() == "SIGABRT");
    BOOST_TEST(r.err.find(diagnostic) != std::string::npos);
    BOOST_TEST(r.out.find("reached the end") == std::string::npos);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(correct_use_runs_to_the_end) {
  const ProcessResult r = run_scenario("correct_use");
  BOOST_TEST(r.exited);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out.find("reached the end of correct_use") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(double_free_aborts_naming_ssl_session_free) {
  expect_abort_naming("double_free", "libsslref: SSL_SESSION_free: SSL_SESSION already freed");
}

BOOST_AUTO_TEST_CASE(use_after_free_aborts_naming_ssl_session_up_ref) {
  expect_abort_naming("use_after_free", "libsslref: SSL_SESSION_up_ref: SSL_SESSION already freed");
}

BOOST_AUTO_TEST_CASE(refcount_underflow_aborts_naming_ssl_session_free) {
  expect_abort_naming("refcount_underflow", "libsslref: SSL_SESSION_free: reference count reached zero while the session is still in an SSL_CTX cache");
}

BOOST_AUTO_TEST_CASE(session_in_two_caches_aborts_naming_ssl_ctx_add_session) {
  expect_abort_naming("session_in_two_caches", "libsslref: SSL_CTX_add_session: session is already in the cache of another SSL_CTX");
}

BOOST_AUTO_TEST_CASE(context_double_free_aborts_naming_ssl_ctx_free) {
  expect_abort_naming("context_double_free", "libsslref: SSL_CTX_free: SSL_CTX already freed");
}
