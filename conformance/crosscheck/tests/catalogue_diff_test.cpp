// Page against page on hand-made catalogues: alignment by function and
// kind, parameter changes, wording that does not count, SEE ALSO moves.
#define BOOST_TEST_MODULE crosscheck_catalogue_diff
#include <boost/test/unit_test.hpp>

#include "crosscheck/catalogue_diff.hpp"
#include "page_builder.hpp"

using namespace sslconf;
using namespace sslconf::crosscheck;
using namespace sslconf::crosscheck::test;

namespace {

claims::Claim claim(const std::string& function, const std::string& kind, nlohmann::json params,
                    const std::string& text, int line = 10) {
  claims::Claim c;
  c.id = "page/" + function + "/" + kind + "/1";
  c.page = "page";
  c.kind = kind;
  c.functions = {function};
  c.params = std::move(params);
  c.text = text;
  c.source = "fixture.pod:" + std::to_string(line);
  c.checkable = true;
  return c;
}

DocSet doc_set(const std::string& label, std::vector<claims::Claim> claims_list,
               std::vector<std::string> functions = {"SSL_SESSION_free"}) {
  DocSet d;
  d.label = label;
  d.catalogue.pages.push_back({"page", label, "pod", functions});
  d.catalogue.claims = std::move(claims_list);
  return d;
}

std::size_t count(const DocSetDiff& d, ClaimChange::Type t) {
  return static_cast<std::size_t>(
      std::count_if(d.claims.begin(), d.claims.end(), [t](const ClaimChange& c) { return c.type == t; }));
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_catalogues_have_no_differences) {
  const auto a = doc_set("a", {claim("SSL_SESSION_free", "null-noop", {{"argument", "session"}}, "If session is NULL nothing is done.")});
  BOOST_TEST(diff(a, a).empty());
}

BOOST_AUTO_TEST_CASE(rewording_with_the_same_parameters_is_not_a_change) {
  const auto a = doc_set("a", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 1}, {"failure", 0}, {"condition", "on error"}},
                                     "SSL_SESSION_up_ref returns 1 on success or 0 on error.")});
  const auto b = doc_set("b", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 1}, {"failure", 0}, {"condition", "if it fails"}},
                                     "On success 1 is returned; 0 if it fails.")});
  BOOST_TEST(diff(a, b).empty());
}

BOOST_AUTO_TEST_CASE(different_return_value_is_a_changed_claim) {
  const auto a = doc_set("a", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 1}}, "returns 1 on success")});
  const auto b = doc_set("b", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 2}}, "returns 2 on success", 12)});
  const auto d = diff(a, b);
  BOOST_REQUIRE_EQUAL(d.claims.size(), 1u);
  BOOST_TEST(to_string(d.claims[0].type) == "changed");
  BOOST_REQUIRE_EQUAL(d.claims[0].params.size(), 1u);
  BOOST_TEST(d.claims[0].params[0].key == "success");
  BOOST_TEST(to_text(d).find("fixture.pod:12: claim changed: SSL_SESSION_up_ref returns-int: success 1 -> 2 (was fixture.pod:10)") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(new_null_rule_is_an_added_claim) {
  const auto a = doc_set("1.0", {claim("SSL_SESSION_free", "refcount-decrement-free", {{"argument", "session"}}, "decrements")});
  const auto b = doc_set("1.1.0", {claim("SSL_SESSION_free", "refcount-decrement-free", {{"argument", "session"}}, "decrements"),
                                   claim("SSL_SESSION_free", "null-noop", {{"argument", "session"}}, "If session is NULL nothing is done.", 20)});
  const auto d = diff(a, b);
  BOOST_REQUIRE_EQUAL(d.claims.size(), 1u);
  BOOST_TEST(to_string(d.claims[0].type) == "added");
  BOOST_TEST(d.claims[0].kind == "null-noop");
  BOOST_TEST(to_text(d).find("fixture.pod:20: claim added: SSL_SESSION_free null-noop (argument=session) \"If session is NULL nothing is done.\"") !=
             std::string::npos);
  const auto back = diff(b, a);
  BOOST_REQUIRE_EQUAL(back.claims.size(), 1u);
  BOOST_TEST(to_string(back.claims[0].type) == "removed");
}

BOOST_AUTO_TEST_CASE(release_change_in_version_gate_is_reported) {
  const auto a = doc_set("a", {claim("SSL_SESSION_dup", "version-added", {{"release", "1.1.1"}}, "added in OpenSSL 1.1.1")});
  const auto b = doc_set("b", {claim("SSL_SESSION_dup", "version-added", {{"release", "3.0"}}, "added in OpenSSL 3.0")});
  const auto d = diff(a, b);
  BOOST_REQUIRE_EQUAL(d.claims.size(), 1u);
  BOOST_TEST(d.claims[0].params[0].key == "release");
}

BOOST_AUTO_TEST_CASE(const_added_to_a_prototype_argument_is_a_type_change_but_spacing_is_not) {
  auto proto = [](const std::string& type) {
    return claim("SSL_SESSION_dup", "prototype",
                 {{"return_type", "SSL_SESSION *"}, {"params", {{{"type", type}, {"name", "src"}}}},
                  {"declaration", "SSL_SESSION *SSL_SESSION_dup(" + type + "src);"}},
                 "decl");
  };
  BOOST_TEST(diff(doc_set("a", {proto("SSL_SESSION *")}), doc_set("b", {proto("SSL_SESSION*")})).empty());
  const auto d = diff(doc_set("a", {proto("SSL_SESSION *")}), doc_set("b", {proto("const SSL_SESSION *")}));
  BOOST_REQUIRE_EQUAL(d.claims.size(), 1u);
  BOOST_TEST(d.claims[0].params[0].key == "params[0].type");
  BOOST_TEST(d.claims[0].params[0].after == "const SSL_SESSION *");
}

BOOST_AUTO_TEST_CASE(claims_align_by_function_not_by_text) {
  // Same words, different subjects: one removed, one added; never "changed".
  const auto a = doc_set("a", {claim("SSL_get0_session", "alias", {{"target", "SSL_get_session"}}, "is the same as SSL_get_session()")});
  const auto b = doc_set("b", {claim("SSL_get1_session", "alias", {{"target", "SSL_get_session"}}, "is the same as SSL_get_session()")});
  const auto d = diff(a, b);
  BOOST_TEST(count(d, ClaimChange::Type::removed) == 1u);
  BOOST_TEST(count(d, ClaimChange::Type::added) == 1u);
  BOOST_TEST(count(d, ClaimChange::Type::changed) == 0u);
}

BOOST_AUTO_TEST_CASE(functions_added_and_removed_come_from_the_pages) {
  const auto a = doc_set("a", {}, {"SSL_SESSION_free"});
  const auto b = doc_set("b", {}, {"SSL_SESSION_free", "SSL_SESSION_new"});
  const auto d = diff(a, b);
  BOOST_TEST(d.functions_added == std::vector<std::string>{"SSL_SESSION_new"});
  BOOST_TEST(d.functions_removed.empty());
  BOOST_TEST(diff(b, a).functions_removed == std::vector<std::string>{"SSL_SESSION_new"});
}

BOOST_AUTO_TEST_CASE(see_also_target_moving_section_is_one_change) {
  DocSet a = doc_set("a", {}), b = doc_set("b", {});
  a.pages.push_back(good_page());
  b.pages.push_back(good_page());
  a.pages[0].see_also[0] = link("ssl", "3", 27);
  const auto d = diff(a, b);
  BOOST_REQUIRE_EQUAL(d.see_also.size(), 1u);
  BOOST_TEST(d.see_also[0].before == "ssl(3)");
  BOOST_TEST(d.see_also[0].after == "ssl(7)");
  BOOST_TEST(diff(b, b).see_also.empty());
}

BOOST_AUTO_TEST_CASE(json_form_lists_each_change_with_both_claims) {
  const auto a = doc_set("a", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 1}}, "returns 1")});
  const auto b = doc_set("b", {claim("SSL_SESSION_up_ref", "returns-int", {{"success", 2}}, "returns 2")});
  const auto j = to_json(diff(a, b));
  BOOST_TEST(j["claims"][0]["type"] == "changed");
  BOOST_TEST(j["claims"][0]["before"]["params"]["success"] == 1);
  BOOST_TEST(j["claims"][0]["after"]["params"]["success"] == 2);
}
