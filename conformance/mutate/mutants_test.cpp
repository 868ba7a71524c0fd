#define BOOST_TEST_MODULE mutate_mutants
#include <boost/test/unit_test.hpp>

#include "model/diagnostic.hpp"
#include "mutate/mutants.hpp"

using sslconf::model::InputError;
using namespace sslconf::mutate;

namespace {

const char* kTwo =
    "# comment\n"
    "== first\n"
    "file: src/a.cpp\n"
    "functions: f g\n"
    "about: f returns one too many\n"
    "find: return n;\n"
    "replace: return n + 1;\n"
    "ci: yes\n"
    "\n"
    "== second\n"
    "file: src/a.cpp\n"
    "functions: g\n"
    "about: two lines become one\n"
    "find: x();\n"
    "find: y();\n"
    "replace:\n"
    "equivalent: nobody can tell\n";

std::string message_of(const std::string& text) {
  try {
    parse_mutants(text, "m.mutants");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(blocks_become_mutants_with_their_fields) {
  const auto m = parse_mutants(kTwo, "m.mutants");
  BOOST_REQUIRE_EQUAL(m.size(), 2u);
  BOOST_TEST(m[0].id == "first");
  BOOST_TEST(m[0].functions.size() == 2u);
  BOOST_TEST(m[0].ci);
  BOOST_TEST(m[0].source == "m.mutants:2");
  BOOST_TEST(m[1].find == "x();\ny();");
  BOOST_TEST(m[1].replace == "");
  BOOST_TEST(!m[1].ci);
  BOOST_TEST(m[1].equivalent == "nobody can tell");
}

BOOST_AUTO_TEST_CASE(a_mutant_applies_where_its_text_occurs_once) {
  const auto m = parse_mutants(kTwo, "m.mutants");
  BOOST_TEST(apply_mutant(m[0], "int f() { return n; }") == "int f() { return n + 1; }");
  BOOST_TEST(apply_mutant(m[1], "a();\nx();\ny();\n") == "a();\n\n");
  BOOST_CHECK_THROW(apply_mutant(m[0], "return n; return n;"), InputError);
  BOOST_CHECK_THROW(apply_mutant(m[0], "nothing here"), InputError);
}

BOOST_AUTO_TEST_CASE(bad_input_is_one_located_error) {
  BOOST_TEST(message_of("file: a\n") == "m.mutants:1: error: a field before the first '== id' line");
  BOOST_TEST(message_of("== a\nfile: src/a.cpp\nfunctions: f\nfind: x\n") == "m.mutants:1: error: mutant a has no about:");
  BOOST_TEST(message_of("== a\nnonsense\n") == "m.mutants:2: error: expected 'key: value' or '== id'");
  BOOST_TEST(message_of("== a\nfile: ../x.cpp\n") == "m.mutants:2: error: file: must name a file inside the reference folder");
  BOOST_TEST(message_of("== a\nci: maybe\n") == "m.mutants:2: error: ci: must be yes or no");
  BOOST_TEST(message_of("== a b\n") == "m.mutants:1: error: '== id' needs one word as id");
  BOOST_TEST(message_of("== a\nfile: src/a.cpp\nfunctions: f\nabout: x\nfind: y\nreplace: y\n") ==
             "m.mutants:1: error: mutant a replaces its text by the same text");
}
