#define BOOST_TEST_MODULE checks_conditions
#include <boost/test/unit_test.hpp>

#include "checks/conditions.hpp"

using namespace sslconf::checks;

BOOST_AUTO_TEST_CASE(a_success_item_is_success_unless_it_names_a_failure) {
  BOOST_TEST(condition_classes("The operation succeeded.").count("success") == 1u);
  BOOST_TEST(condition_classes("The operation was not successful, it failed.").count("success") == 0u);
}

BOOST_AUTO_TEST_CASE(a_named_cause_selects_its_class) {
  const auto both = condition_classes(
      "The operation failed. In case of the add operation, it was tried to add the same (identical) session twice. "
      "In case of the remove operation, the session was not found in the cache.");
  BOOST_TEST(both.count("identical-object") == 1u);
  BOOST_TEST(both.count("not-in-cache") == 1u);
  BOOST_TEST(condition_classes("The length sid_ctx_len exceeded the maximum allowed length").count("too-long") == 1u);
  BOOST_TEST(condition_classes("The handshake of ssl had already started").count("handshake-started") == 1u);
  BOOST_TEST(condition_classes("if there is no data to read in the buffer").count("nothing-to-read") == 1u);
  BOOST_TEST(condition_classes("after the peer BIO has been freed").count("peer-gone") == 1u);
  BOOST_TEST(condition_classes("even if bytes were never read").count("nothing-to-read") == 0u);
  BOOST_TEST(condition_classes("because ctx is NULL").count("null-argument") == 1u);
  BOOST_TEST(condition_classes("It can occur if an action is needed to continue the operation for nonblocking BIOs.")
                 .count("would-block") == 1u);
  BOOST_TEST(condition_classes("If a callback function has not been set, the NULL pointer is returned.")
                 .count("no-callback") == 1u);
  BOOST_TEST(condition_classes("If nothing was stored in that slot, NULL is returned.").count("value-not-set") == 1u);
  BOOST_TEST(condition_classes("Nothing is done; the stored value is returned.").count("value-not-set") == 0u);
}

BOOST_AUTO_TEST_CASE(a_failure_without_a_cause_is_bare) {
  BOOST_TEST(is_bare_failure("The operation failed; check the error stack to find out the reason."));
  BOOST_TEST(is_bare_failure("The SSL_clear() operation could not be performed. Check the error stack to find out the reason."));
  BOOST_TEST(is_bare_failure("The creation of a new SSL_CTX object failed."));
  BOOST_TEST(!is_bare_failure("The connection could not be created, for instance because ctx is NULL."));
  BOOST_TEST(!is_bare_failure("A new session was negotiated."));
}

BOOST_AUTO_TEST_CASE(free_words_notice_a_negation_just_before_them) {
  bool negated = false;
  BOOST_TEST(condition_names("the session is resumable", "resumable", negated));
  BOOST_TEST(!negated);
  BOOST_TEST(condition_names("the session is not resumable", "resumable", negated));
  BOOST_TEST(negated);
  BOOST_TEST(condition_names("The handshake did not complete, because the operation must be repeated", "repeated", negated));
  BOOST_TEST(!negated);
  BOOST_TEST(condition_names("the peer's alert has not been received yet", "not been received", negated));
  BOOST_TEST(!negated);
  BOOST_TEST(!condition_names("The connection was reset.", "renegotiation", negated));
}
