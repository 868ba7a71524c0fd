// The SYNOPSIS parser: declarations into prototypes, however they were laid
// out or flattened.
#define BOOST_TEST_MODULE reader_synopsis_test
#include "reader/synopsis.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf;
using reader::parse_prototype;

namespace {

std::string params(const model::Prototype& p) {
  std::string out;
  for (const auto& a : p.params) out += "[" + a.type + "|" + a.name + (a.function_pointer ? "|fp" : "") + "]";
  return out;
}

model::Prototype proto(const std::string& text) {
  model::Prototype p;
  BOOST_TEST_REQUIRE(parse_prototype(text, p), text);
  return p;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_function) {
  const auto p = proto("SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);");
  BOOST_TEST(p.return_type == "SSL_SESSION *");
  BOOST_TEST(p.name == "SSL_SESSION_dup");
  BOOST_TEST(params(p) == "[const SSL_SESSION *|src]");
  BOOST_TEST(p.text == "SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);");
}

BOOST_AUTO_TEST_CASE(void_parameter_list_is_empty) {
  const auto p = proto("SSL_SESSION *SSL_SESSION_new(void);");
  BOOST_TEST(p.params.empty());
  BOOST_TEST(!p.variadic);
}

BOOST_AUTO_TEST_CASE(unnamed_and_multiword_parameters) {
  BOOST_TEST(params(proto("int f(SSL *, const unsigned char *id, unsigned int len, long);")) ==
             "[SSL *|][const unsigned char *|id][unsigned int|len][long|]");
  BOOST_TEST(params(proto("int f(const char *, char **out, unsigned char sid[32]);")) ==
             "[const char *|][char **|out][unsigned char [32]|sid]");
}

BOOST_AUTO_TEST_CASE(function_pointer_parameter) {
  const auto p = proto("void SSL_CTX_sess_set_new_cb(SSL_CTX *ctx, int (*new_session_cb)(SSL *, SSL_SESSION *));");
  BOOST_TEST(params(p) == "[SSL_CTX *|ctx][int (*)(SSL *, SSL_SESSION *)|new_session_cb|fp]");
}

BOOST_AUTO_TEST_CASE(function_returning_a_function_pointer) {
  const auto p = proto("SSL_SESSION *(*SSL_CTX_sess_get_get_cb(SSL_CTX *ctx))(struct ssl_st *ssl, const unsigned char *data, int len, int *copy);");
  BOOST_TEST(p.name == "SSL_CTX_sess_get_get_cb");
  BOOST_TEST(p.return_type == "SSL_SESSION * (*)(struct ssl_st *, const unsigned char *, int, int *)");
  BOOST_TEST(params(p) == "[SSL_CTX *|ctx]");
}

BOOST_AUTO_TEST_CASE(variadic_and_stack_of_return) {
  const auto v = proto("int BIO_printf(BIO *bio, const char *format, ...);");
  BOOST_TEST(v.variadic);
  BOOST_TEST(params(v) == "[BIO *|bio][const char *|format]");
  const auto s = proto("STACK_OF(SSL_CIPHER) *SSL_get_ciphers(const SSL *ssl);");
  BOOST_TEST(s.name == "SSL_get_ciphers");
  BOOST_TEST(s.return_type == "STACK_OF(SSL_CIPHER) *");
}

BOOST_AUTO_TEST_CASE(macros) {
  const auto m = proto("#define SSL_CTX_sess_number(ctx) SSL_CTX_ctrl(ctx, SSL_CTRL_SESS_NUMBER, 0, NULL)");
  BOOST_TEST(m.macro);
  BOOST_TEST(m.name == "SSL_CTX_sess_number");
  BOOST_TEST(params(m) == "[|ctx]");
  BOOST_TEST(proto("#define SSL_SESS_CACHE_OFF 0x0000").params.empty());
}

BOOST_AUTO_TEST_CASE(non_declarations_are_refused) {
  model::Prototype p;
  BOOST_TEST(!parse_prototype("typedef int (*cb)(SSL *);", p));
  BOOST_TEST(!parse_prototype("extern int x;", p));
  BOOST_TEST(!parse_prototype("#include <openssl/ssl.h>", p));
  BOOST_TEST(!parse_prototype("f(x);", p));
  BOOST_TEST(!parse_prototype(")(;", p));
}

BOOST_AUTO_TEST_CASE(flattened_block_still_gives_one_prototype_per_declaration) {
  model::Synopsis syn;
  reader::parse_synopsis_block(
      "#include <openssl/ssl.h> SSL_SESSION *SSL_SESSION_new(void); int SSL_SESSION_up_ref(SSL_SESSION *ses); "
      "void SSL_SESSION_free(SSL_SESSION *session);",
      {"f", 3}, syn);
  BOOST_TEST(syn.includes == std::vector<std::string>{"openssl/ssl.h"}, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(syn.prototypes.size(), 3u);
  BOOST_TEST(syn.prototypes[2].name == "SSL_SESSION_free");
}

// OpenSSL 1.1.1's SSL_SESSION_set1_id(3) left out one ';': two declarations,
// the first marked so that lint reports it.
BOOST_AUTO_TEST_CASE(a_declaration_missing_its_semicolon_ends_where_the_next_begins) {
  model::Synopsis syn;
  reader::parse_synopsis_block(
      " const unsigned char *get(const SSL_SESSION *s,\n                        unsigned int *len)\n"
      " int set(SSL_SESSION *s, const unsigned char *sid,\n         unsigned int sid_len);\n"
      " int (*cb(void))\n     (int x);\n",
      {"f", 20}, syn);
  BOOST_REQUIRE_EQUAL(syn.prototypes.size(), 3u);
  BOOST_TEST(syn.prototypes[0].text == "const unsigned char *get(const SSL_SESSION *s, unsigned int *len);");
  BOOST_TEST(syn.prototypes[0].unterminated);
  BOOST_TEST(syn.prototypes[1].name == "set");
  BOOST_TEST(syn.prototypes[1].loc.line == 22);
  BOOST_TEST(!syn.prototypes[1].unterminated);
  BOOST_TEST(syn.prototypes[2].name == "cb");  // "(int x)" continues it: not a new declaration
}

BOOST_AUTO_TEST_CASE(multi_line_declarations_keep_their_first_line) {
  model::Synopsis syn;
  reader::parse_synopsis_block(
      " #include <openssl/ssl.h>\n\n void f(SSL_CTX *ctx,\n        int x);\n /* a comment */\n int g(void);\n", {"f", 10}, syn);
  BOOST_REQUIRE_EQUAL(syn.prototypes.size(), 2u);
  BOOST_TEST(syn.prototypes[0].loc.line == 12);
  BOOST_TEST(syn.prototypes[0].text == "void f(SSL_CTX *ctx, int x);");
  BOOST_TEST(syn.prototypes[1].loc.line == 15);
  BOOST_TEST(syn.other == std::vector<std::string>{"/* a comment */"}, boost::test_tools::per_element());
}
