// The configure-time probe against a small header set of its own: which
// names the headers mark deprecated, how macros compare with the page, the
// values of constants, presence of names with only a release line.
#define BOOST_TEST_MODULE probe
#include <boost/test/unit_test.hpp>

#include "gen/probe.hpp"

#include <filesystem>

using namespace sslconf::gen;

namespace {

nlohmann::json claim(const std::string& kind, const std::string& function, nlohmann::json params,
                     const std::string& text = "", const std::string& section = "DESCRIPTION") {
  return {{"id", "page/" + function + "/" + kind + "/1"}, {"page", "page"}, {"section", section}, {"kind", kind},
          {"functions", {function}}, {"params", std::move(params)}, {"text", text}};
}

nlohmann::json prototype(const std::string& function, const std::string& declaration, const std::string& return_type,
                         nlohmann::json params, bool macro = false) {
  return claim("prototype", function,
               {{"declaration", declaration}, {"return_type", return_type}, {"params", std::move(params)},
                {"include", "openssl/ssl.h"}, {"macro", macro}, {"variadic", false}},
               declaration, "SYNOPSIS");
}

Compiler fixture_compiler(const std::string& work) {
  std::filesystem::create_directories(work);
  return Compiler{SSLCONF_CXX, {"-I", SSLCONF_SOURCE_DIR "/conformance/gen/tests/fixtures/deprecation"}, work};
}

const nlohmann::json& probe_fixture() {
  static const nlohmann::json probes = [] {
    nlohmann::json catalogue = {{"claims", nlohmann::json::array()}};
    auto& claims = catalogue["claims"];
    for (const char* f : {"fixture_retired", "fixture_current", "fixture_wrapped", "fixture_alias", "fixture_missing",
                          "fixture_old_macro"})
      claims.push_back(claim("version-deprecated", f, {{"release", "3.0"}}));
    claims.push_back(claim("version-added", "fixture_current", {{"release", "1.1.0"}}));
    claims.push_back(claim("version-removed", "fixture_gone", {{"release", "1.1.0"}}));
    claims.push_back(prototype("FIXTURE_BIT", "#define FIXTURE_BIT(n)", "", {{{"name", "n"}, {"type", ""}}}, true));
    claims.push_back(prototype("FIXTURE_PAIR", "#define FIXTURE_PAIR(a)", "", {{{"name", "a"}, {"type", ""}}}, true));
    claims.push_back(prototype("fixture_noop", "void fixture_noop(void);", "void", nlohmann::json::array()));
    claims.push_back(prototype("fixture_set_arg", "void fixture_set_arg(int x, int a);", "void",
                               {{{"name", "x"}, {"type", "int"}}, {{"name", "a"}, {"type", "int"}}}));
    claims.push_back(prototype("fixture_set_cb", "void fixture_set_cb(void (*cb)());", "void",
                               {{{"name", "cb"}, {"type", "void (*)()"}}}));
    claims.push_back(prototype("fixture_current", "long fixture_current(int n);", "long", {{{"name", "n"}, {"type", "int"}}}));
    claims.push_back(claim("returns-int", "fixture_current",
                           {{"value", "FIXTURE_LIMIT"}},
                           "It returns FIXTURE_LIMIT, FIXTURE_ENUM_VALUE, FIXTURE_WIDE, FIXTURE_TEXT, FIXTURE_OBJECT, "
                           "FIXTURE_BIT(2) or FIXTURE_UNDEFINED."));
    claims.push_back(claim("version-changed", "-", {{"release", "3.0"}},
                           "The return values of these functions became long in OpenSSL 3.0.", "HISTORY"));
    return run_probes(catalogue, fixture_compiler(SSLCONF_PROBE_WORK_DIR));
  }();
  return probes;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_name_gets_its_own_mark) {
  const auto& marks = probe_fixture().at("deprecated");
  BOOST_TEST(marks.at("fixture_retired").at("marked") == true);
  BOOST_TEST(marks.at("fixture_retired").at("detail").get<std::string>().find("deprecated") != std::string::npos);
  BOOST_TEST(marks.at("fixture_current").at("marked") == false);
}

BOOST_AUTO_TEST_CASE(a_macro_is_marked_by_what_it_expands_to_or_by_the_deprecated_api_switch) {
  const auto& marks = probe_fixture().at("deprecated");
  BOOST_TEST(marks.at("fixture_wrapped").at("marked") == true);
  BOOST_TEST(marks.at("fixture_wrapped").at("detail").get<std::string>().find("fixture_retired") != std::string::npos);
  BOOST_TEST(marks.at("fixture_old_macro").at("marked") == true);
  BOOST_TEST(marks.at("fixture_old_macro").at("detail").get<std::string>().find("OPENSSL_NO_DEPRECATED") != std::string::npos);
  // Still defined with the switch, over an unmarked call: not deprecated.
  BOOST_TEST(marks.at("fixture_alias").at("marked") == false);
}

BOOST_AUTO_TEST_CASE(missing_names_give_no_verdict_and_hide_nothing) {
  const auto& marks = probe_fixture().at("deprecated");
  BOOST_TEST(marks.at("fixture_missing").at("marked").is_null());
  BOOST_TEST(marks.at("fixture_missing").at("declared") == false);
  BOOST_TEST(marks.at("fixture_retired").at("marked") == true);
}

BOOST_AUTO_TEST_CASE(names_with_only_a_release_line_are_probed_for_presence) {
  const auto& p = probe_fixture();
  BOOST_TEST(p.at("presence").at("fixture_gone").at("status") == "absent");
  BOOST_TEST(p.at("presence").at("fixture_missing").at("status") == "absent");
  BOOST_TEST(p.at("presence").at("fixture_old_macro").at("status") == "present");
  // A name with a SYNOPSIS line is answered there, not twice.
  BOOST_TEST(!p.at("presence").contains("fixture_current"));
  BOOST_TEST(p.at("functions").at("fixture_current").at("status") == "different");
}

BOOST_AUTO_TEST_CASE(documented_macros_compare_by_parameter_count) {
  const auto& f = probe_fixture().at("functions");
  BOOST_TEST(f.at("FIXTURE_BIT").at("status") == "documented");
  BOOST_TEST(f.at("FIXTURE_PAIR").at("status") == "different");
  BOOST_TEST(f.at("FIXTURE_PAIR").at("detail").get<std::string>().find("2 parameters") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_macro_is_compatible_with_a_void_call_as_a_statement_or_a_discarded_value) {
  const auto& f = probe_fixture().at("functions");
  BOOST_TEST(f.at("fixture_noop").at("status") == "compatible");
  BOOST_TEST(f.at("fixture_noop").at("detail").get<std::string>().find("statement") != std::string::npos);
  BOOST_TEST(f.at("fixture_set_arg").at("status") == "compatible");
}

BOOST_AUTO_TEST_CASE(integer_constants_are_read_from_the_headers) {
  const auto& k = probe_fixture().at("constants");
  BOOST_TEST(k.at("FIXTURE_LIMIT").at("value") == 32);
  BOOST_TEST(k.at("FIXTURE_ENUM_VALUE").at("value") == 7);
  BOOST_TEST(static_cast<unsigned long long>(k.at("FIXTURE_WIDE").at("value").get<long long>()) == 1ULL << 63);
  BOOST_TEST(k.at("FIXTURE_TEXT").at("value").is_null());
  BOOST_TEST(k.at("FIXTURE_TEXT").at("defined") == true);
  BOOST_TEST(k.at("FIXTURE_OBJECT").at("value").is_null());
  BOOST_TEST(k.at("FIXTURE_UNDEFINED").at("defined") == false);
  BOOST_TEST(!k.contains("FIXTURE_BIT"));  // written as a call
}

BOOST_AUTO_TEST_CASE(a_history_type_change_marks_the_page_prototypes_that_spell_the_type) {
  const auto& f = probe_fixture().at("functions");
  BOOST_TEST(f.at("fixture_current").at("changed").at("release") == "3.0");
  BOOST_TEST(!f.at("fixture_noop").contains("changed"));
}

BOOST_AUTO_TEST_CASE(the_fingerprint_follows_the_pages) {
  const auto compiler = fixture_compiler(SSLCONF_PROBE_WORK_DIR);
  nlohmann::json a = {{"claims", {prototype("fixture_current", "int fixture_current(int n);", "int", {{{"name", "n"}, {"type", "int"}}})}}};
  nlohmann::json b = {{"claims", {prototype("fixture_current", "long fixture_current(int n);", "long", {{{"name", "n"}, {"type", "int"}}})}}};
  BOOST_TEST(probe_fingerprint(a, compiler) == probe_fingerprint(a, compiler));
  BOOST_TEST(probe_fingerprint(a, compiler) != probe_fingerprint(b, compiler));
  BOOST_TEST(probe_fixture().at("fingerprint").is_string());
}

BOOST_AUTO_TEST_CASE(messages_are_cut_between_characters) {
  const std::string quoted = "error: \xe2\x80\x98SSL\xe2\x80\x99";  // error: ‘SSL’
  BOOST_TEST(cut(quoted, 8) == "error: ");
  BOOST_TEST(cut(quoted, 10) == "error: \xe2\x80\x98");
  BOOST_TEST(cut(quoted, 100) == quoted);
  // Every cut of the probe's document stays valid JSON text.
  BOOST_CHECK_NO_THROW(probe_fixture().dump());
}

// C's "void (*cb)()" leaves the parameters unspecified; C++ would read none.
BOOST_AUTO_TEST_CASE(an_empty_parameter_list_is_not_compared_as_cxx_reads_it) {
  const auto& f = probe_fixture().at("functions");
  BOOST_TEST(f.at("fixture_set_cb").at("status") == "unchecked");
  BOOST_TEST(f.at("fixture_set_cb").at("detail").get<std::string>().find("unspecified") != std::string::npos);
}
