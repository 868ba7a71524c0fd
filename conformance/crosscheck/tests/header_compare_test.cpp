// Page against header: declarations parsed from preprocessed header text
// (fixtures below), then from the real installed headers where present.
#define BOOST_TEST_MODULE crosscheck_header
#include <boost/test/unit_test.hpp>

#include "crosscheck/header_compare.hpp"
#include "model/diagnostic.hpp"
#include "page_builder.hpp"

#include <filesystem>

using namespace sslconf;
using namespace sslconf::crosscheck;
using namespace sslconf::crosscheck::test;

namespace {

// What `cc -E -dD -P` gives for a small header in OpenSSL's style.
const char* const kOpenSslStyle = R"(#define OPENSSL_SSL_H 1
typedef struct ssl_session_st SSL_SESSION;
typedef struct ssl_ctx_st SSL_CTX;
__attribute__((deprecated)) extern SSL_SESSION *SSL_SESSION_new(void);
SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);
int SSL_SESSION_up_ref(SSL_SESSION *ses);
void SSL_SESSION_free(SSL_SESSION *ses);
static inline int SSL_helper(int x) { if (x) { return 1; } return 0; }
const char *SSL_SESSION_get0_hostname(const SSL_SESSION *s);
#define SSL_get0_session SSL_get_session
SSL_SESSION *SSL_get_session(const struct ssl_st *ssl);
#define SSL_CTX_sess_number(ctx) SSL_CTX_ctrl(ctx,20,0,NULL)
)";

// wolfSSL's shape: the OpenSSL names are macros over wolfSSL_ functions and
// SSL_SESSION is a typedef of the wolfSSL type.
const char* const kWolfStyle = R"(typedef struct WOLFSSL_SESSION WOLFSSL_SESSION;
WOLFSSL_SESSION* wolfSSL_SESSION_new(void);
void wolfSSL_SESSION_free(WOLFSSL_SESSION* session);
typedef WOLFSSL_SESSION SSL_SESSION;
#define SSL_SESSION_new wolfSSL_SESSION_new
#define SSL_SESSION_free wolfSSL_SESSION_free
)";

model::Prototype session_ptr_param(const std::string& ret, const std::string& name, const std::string& type) {
  return prototype(ret, name, {{type, "src", false}}, 12);
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_declaration_is_same) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("int", "SSL_SESSION_up_ref", {{"SSL_SESSION *", "s", false}}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "same");
  BOOST_TEST(c.declaration->text == "int SSL_SESSION_up_ref(SSL_SESSION *ses);");
}

BOOST_AUTO_TEST_CASE(attributes_and_storage_class_do_not_matter) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("SSL_SESSION *", "SSL_SESSION_new", {}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "same");
  BOOST_TEST(c.declaration->text == "SSL_SESSION *SSL_SESSION_new(void);");
}

BOOST_AUTO_TEST_CASE(header_adding_const_to_an_argument_is_compatible) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(session_ptr_param("SSL_SESSION *", "SSL_SESSION_dup", "SSL_SESSION *"), header);
  BOOST_TEST(to_string(c.agreement) == "compatible");
  BOOST_REQUIRE_EQUAL(c.reasons.size(), 1u);
  BOOST_TEST(c.reasons[0] == "parameter 1 src: the header adds const to the pointee");
}

BOOST_AUTO_TEST_CASE(header_dropping_const_from_an_argument_is_different) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("int", "SSL_SESSION_up_ref", {{"const SSL_SESSION *", "s", false}}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "different");
  BOOST_TEST(c.reasons[0] == "parameter 1 s: page const struct ssl_session_st *, header struct ssl_session_st *");
}

BOOST_AUTO_TEST_CASE(different_parameter_count_is_different) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("void", "SSL_SESSION_free", {}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "different");
  BOOST_TEST(c.reasons[0] == "the page has 0 parameter(s), the header 1");
}

BOOST_AUTO_TEST_CASE(const_return_on_the_page_and_plain_in_the_header_is_compatible) {
  const auto header = HeaderIndex::parse(R"(char *f(void);)");
  BOOST_TEST(to_string(compare(prototype("const char *", "f", {}, 3), header).agreement) == "compatible");
  BOOST_TEST(to_string(compare(prototype("int", "f", {}, 3), header).agreement) == "different");
}

BOOST_AUTO_TEST_CASE(absent_function_is_missing) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("int", "SSL_SESSION_is_resumable", {}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "missing");
}

BOOST_AUTO_TEST_CASE(object_like_macro_is_followed_to_its_function) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("SSL_SESSION *", "SSL_get0_session", {{"const SSL *", "ssl", false}}, 3), header);
  BOOST_REQUIRE(c.declaration);
  BOOST_TEST(c.declaration->macro == "#define SSL_get0_session SSL_get_session");
  BOOST_TEST(c.declaration->declared_as == "SSL_get_session");
}

BOOST_AUTO_TEST_CASE(function_like_macro_taking_the_documented_arguments_is_compatible) {
  const auto header = HeaderIndex::parse(kOpenSslStyle);
  const auto c = compare(prototype("long", "SSL_CTX_sess_number", {{"SSL_CTX *", "ctx", false}}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "compatible");
  BOOST_TEST(c.reasons[0].rfind("the header has a function-like macro", 0) == 0);
  const auto wrong = compare(prototype("long", "SSL_CTX_sess_number", {}, 3), header);
  BOOST_TEST(to_string(wrong.agreement) == "different");
  BOOST_TEST(wrong.reasons[0] == "the header's function-like macro takes 1 argument(s), the page 0");
}

BOOST_AUTO_TEST_CASE(function_returning_a_function_pointer_is_found_and_compared) {
  const auto header = HeaderIndex::parse(
      "typedef struct ssl_st SSL;\ntypedef struct ssl_session_st SSL_SESSION;\ntypedef struct ssl_ctx_st SSL_CTX;\n"
      "int (*SSL_CTX_sess_get_new_cb(SSL_CTX *ctx))(struct ssl_st *ssl, SSL_SESSION *sess);\n"
      "void SSL_CTX_sess_set_new_cb(SSL_CTX *ctx, int (*new_session_cb)(struct ssl_st *, SSL_SESSION *));\n");
  const auto get = compare(prototype("int (*)(struct ssl_st *, SSL_SESSION *)", "SSL_CTX_sess_get_new_cb",
                                     {{"SSL_CTX *", "ctx", false}}, 3), header);
  BOOST_TEST(to_string(get.agreement) == "same");
  BOOST_REQUIRE(get.declaration);
  BOOST_TEST(get.declaration->text == "int (*SSL_CTX_sess_get_new_cb(SSL_CTX *ctx))(struct ssl_st *ssl, SSL_SESSION *sess);");
  const auto wrong = compare(prototype("void (*)(SSL *, SSL_SESSION *)", "SSL_CTX_sess_get_new_cb",
                                       {{"SSL_CTX *", "ctx", false}}, 3), header);
  BOOST_TEST(to_string(wrong.agreement) == "different");
  const auto set = compare(prototype("void", "SSL_CTX_sess_set_new_cb",
                                     {{"SSL_CTX *", "ctx", false}, {"int (*)(SSL *, SSL_SESSION *)", "new_session_cb", true}}, 4),
                           header);
  BOOST_TEST(to_string(set.agreement) == "same");
}

BOOST_AUTO_TEST_CASE(callback_parameter_returning_a_pointer_keeps_its_star_and_name) {
  const auto header = HeaderIndex::parse(
      "typedef struct ssl_st SSL;\ntypedef struct ssl_session_st SSL_SESSION;\ntypedef struct ssl_ctx_st SSL_CTX;\n"
      "void SSL_CTX_sess_set_get_cb(SSL_CTX *ctx, SSL_SESSION *(*get_session_cb) (struct ssl_st *ssl, "
      "const unsigned char *data, int len, int *copy));\n");
  const auto d = header.find("SSL_CTX_sess_set_get_cb");
  BOOST_REQUIRE(d);
  BOOST_REQUIRE_EQUAL(d->params.size(), 2u);
  BOOST_TEST(d->params[1].name == "get_session_cb");
  BOOST_TEST(header.canonical_function_type(d->params[1].type) ==
             header.canonical_function_type("SSL_SESSION *(*)(SSL *, const unsigned char *, int, int *)"));
  const auto documented = compare(prototype("void", "SSL_CTX_sess_set_get_cb",
                                            {{"SSL_CTX *", "ctx", false},
                                             {"SSL_SESSION *(*)(SSL *, const unsigned char *, int, int *)",
                                              "get_session_cb", true}}, 4), header);
  BOOST_TEST(to_string(documented.agreement) == "same");
  const auto lacking_star = compare(prototype("void", "SSL_CTX_sess_set_get_cb",
                                              {{"SSL_CTX *", "ctx", false},
                                               {"SSL_SESSION (*)(SSL *, const unsigned char *, int, int *)",
                                                "get_session_cb", true}}, 4), header);
  BOOST_TEST(to_string(lacking_star.agreement) == "different");
}

BOOST_AUTO_TEST_CASE(typedefs_resolve_across_names) {
  const auto header = HeaderIndex::parse(kWolfStyle);
  BOOST_TEST(header.canonical_type("SSL_SESSION *") == "struct WOLFSSL_SESSION *");
  const auto c = compare(prototype("void", "SSL_SESSION_free", {{"SSL_SESSION *", "session", false}}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "same");
  BOOST_TEST(c.declaration->text == "void wolfSSL_SESSION_free(WOLFSSL_SESSION *session);");
}

// The real headers: the 1.1.1 page's SSL_SESSION_dup against each family.
BOOST_AUTO_TEST_CASE(installed_openssl_declares_dup_with_a_const_argument) {
  if (!std::filesystem::exists("/usr/include/openssl/ssl.h")) {
    BOOST_TEST_MESSAGE("skipped: no /usr/include/openssl/ssl.h");
    return;
  }
  const auto header = read_header(header_source_for("openssl", SSLCONF_SOURCE_DIR));
  const auto c = compare(session_ptr_param("SSL_SESSION *", "SSL_SESSION_dup", "SSL_SESSION *"), header);
  BOOST_TEST(to_string(c.agreement) == "compatible");
  BOOST_TEST(c.declaration->text == "SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);");
}

BOOST_AUTO_TEST_CASE(installed_boringssl_session_new_takes_a_context) {
  if (!std::filesystem::exists("/usr/include/android/openssl/ssl.h")) {
    BOOST_TEST_MESSAGE("skipped: no BoringSSL headers");
    return;
  }
  const auto header = read_header(header_source_for("boringssl", SSLCONF_SOURCE_DIR));
  const auto c = compare(prototype("SSL_SESSION *", "SSL_SESSION_new", {}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "different");
  BOOST_TEST(c.declaration->text == "SSL_SESSION *SSL_SESSION_new(const SSL_CTX *ctx);");
}

BOOST_AUTO_TEST_CASE(installed_wolfssl_free_is_a_macro_over_its_own_function) {
  if (!std::filesystem::exists("/usr/include/wolfssl/openssl/ssl.h")) {
    BOOST_TEST_MESSAGE("skipped: no wolfSSL headers");
    return;
  }
  const auto header = read_header(header_source_for("wolfssl", SSLCONF_SOURCE_DIR));
  const auto c = compare(prototype("void", "SSL_SESSION_free", {{"SSL_SESSION *", "session", false}}, 3), header);
  BOOST_TEST(to_string(c.agreement) == "same");
  BOOST_TEST(c.declaration->macro == "#define SSL_SESSION_free wolfSSL_SESSION_free");
}

BOOST_AUTO_TEST_CASE(unknown_implementation_is_refused) {
  BOOST_CHECK_THROW(header_source_for("/nonexistent/prefix", SSLCONF_SOURCE_DIR), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(suite_probes_give_the_same_verdicts_with_page_locations) {
  model::Page page = good_page();  // SSL_SESSION_new at line 10, SSL_SESSION_free at 11
  const auto r = header_report_from_probes_file(
      SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/probes/probes-boringssl.json", {page}, "boringssl");
  BOOST_REQUIRE_EQUAL(r.comparisons.size(), 3u);
  BOOST_TEST(r.count(Agreement::different) == 1u);
  BOOST_TEST(r.count(Agreement::same) == 1u);
  BOOST_TEST(r.count(Agreement::missing) == 1u);
  const auto text = to_text(r);
  BOOST_TEST(text.find("fixture.pod:10: SSL_SESSION_new: different: page \"SSL_SESSION *SSL_SESSION_new(void);\"; "
                       "boringssl \"SSL_SESSION *SSL_SESSION_new(const SSL_CTX *ctx);\"") != std::string::npos);
  // SSL_SESSION_dup is not on this page: reported under the implementation's name.
  BOOST_TEST(text.find("boringssl: SSL_SESSION_dup: missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(probes_file_of_another_schema_is_bad_input) {
  BOOST_CHECK_THROW(header_report_from_probes(nlohmann::json{{"schema", 2}}, "p.json", {}, "x"), model::InputError);
}

BOOST_AUTO_TEST_CASE(malformed_declarations_do_not_crash_the_parser) {
  for (const char* text : {"int f(int (*cb;", "typedef ;", "x(", "int (*)(", "{{{", "}", "int f(void) {", ";;(", "#define",
                           "#define F(", "int f(int (*g)(int), ...);"}) {
    const auto header = HeaderIndex::parse(text);
    compare(prototype("int", "f", {{"int", "a", false}}, 1), header);
  }
}

BOOST_AUTO_TEST_CASE(pages_own_includes_are_read_where_the_implementation_has_them) {
  const std::string project = SSLCONF_SOURCE_DIR;
  if (!std::filesystem::exists(project + "/reference/include/sslref/test_hooks.h")) {
    BOOST_TEST_MESSAGE("skipped: no reference test hooks header");
    return;
  }
  model::Page page = good_page();
  page.synopsis.includes = {"openssl/ssl.h", "sslref/test_hooks.h", "no/such/header.h"};
  auto source = header_source_for("reference", project);
  source.optional_includes = synopsis_includes({page});
  const auto header = read_header(source);  // the absent header is skipped, not an error
  BOOST_TEST(to_string(compare(prototype("int", "sslref_checked_build", {}, 3), header).agreement) == "same");
}
