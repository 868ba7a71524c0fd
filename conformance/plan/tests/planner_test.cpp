#define BOOST_TEST_MODULE plan_planner
#include <boost/test/unit_test.hpp>

#include "plan/c_program.hpp"
#include "plan/planner.hpp"

namespace {

nlohmann::json param(const std::string& type, const std::string& name) {
  nlohmann::json p = nlohmann::json::object();
  p["type"] = type;
  p["name"] = name;
  return p;
}

nlohmann::json prototype(const std::string& fn, const std::string& ret, const nlohmann::json& params) {
  nlohmann::json p = nlohmann::json::object();
  p["return_type"] = ret;
  p["params"] = params;
  nlohmann::json c = nlohmann::json::object();
  c["id"] = "p/" + fn + "/prototype/1";
  c["page"] = "p";
  c["kind"] = "prototype";
  c["functions"] = nlohmann::json::array({fn});
  c["params"] = p;
  return c;
}

nlohmann::json claim(const std::string& fn, const std::string& kind, const nlohmann::json& params, const std::string& text) {
  nlohmann::json c = nlohmann::json::object();
  c["id"] = "p/" + fn + "/" + kind + "/1";
  c["page"] = "p";
  c["kind"] = kind;
  c["functions"] = nlohmann::json::array({fn});
  c["params"] = params.is_object() ? params : nlohmann::json::object();
  c["text"] = text;
  return c;
}

const sslconf::plan::FunctionPlan& of(const sslconf::plan::Plans& p, const std::string& fn) {
  for (const auto& f : p.functions)
    if (f.function == fn) return f;
  throw std::runtime_error("no plan for " + fn);
}

}  // namespace

BOOST_AUTO_TEST_CASE(success_null_and_round_trips_come_from_the_synopsis_and_the_claims) {
  nlohmann::json cat{{"schema", 1}, {"claims", nlohmann::json::array()}};
  auto& c = cat["claims"];
  c.push_back(prototype("X_set_size", "long", nlohmann::json::array({param("SSL_CTX *", "ctx"), param("long", "n")})));
  c.push_back(prototype("X_get_size", "long", nlohmann::json::array({param("const SSL_CTX *", "ctx")})));
  c.push_back(claim("X_set_size", "returns-previous", {}, "X_set_size() returns the previous size."));
  c.push_back(claim("X_get_size", "returns-current", {}, "X_get_size() returns the size in effect."));
  c.push_back(claim("X_set_size", "returns-on-null", {{"value", 0}, {"argument", "ctx"}}, "It returns 0 if ctx is NULL."));
  const auto plans = sslconf::plan::plan_catalogue(cat);
  const auto& set = of(plans, "X_set_size");
  BOOST_TEST(set.unplanned.empty());
  int success = 0, previous = 0, null_cases = 0;
  for (const auto& p : set.parts) {
    success += p.part == "success";
    previous += p.part == "previous";
    if (p.part == "case")
      for (const auto& k : p.conditions) null_cases += k == "ctx is null";
  }
  BOOST_TEST(success == 3);  // a server, a client and a plain context
  BOOST_TEST(previous == 1);
  BOOST_TEST(null_cases == 1);
  const auto& get = of(plans, "X_get_size");
  BOOST_TEST(std::any_of(get.parts.begin(), get.parts.end(), [](const auto& p) { return p.part == "current"; }));
  // Printed as C, the previous-value plan sets 1, reads it back, sets 2.
  for (const auto& p : set.parts)
    if (p.part == "previous") {
      const std::string c_text = sslconf::plan::c_function(p, "f", false);
      BOOST_TEST(c_text.find("X_set_size(obj, 1);") != std::string::npos);
      BOOST_TEST(c_text.find("long g = X_get_size(obj);") != std::string::npos);
      BOOST_TEST(c_text.find("long r = X_set_size(obj, 2);") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_type_the_model_cannot_make_is_named) {
  nlohmann::json cat{{"schema", 1}, {"claims", nlohmann::json::array()}};
  cat["claims"].push_back(prototype("Y_use", "int", nlohmann::json::array({param("WIDGET *", "w")})));
  cat["claims"].push_back(claim("Y_use", "returns-int", {{"success", 1}}, "Y_use() returns 1 on success."));
  const auto plans = sslconf::plan::plan_catalogue(cat);
  BOOST_TEST(of(plans, "Y_use").unplanned == "no way to make a WIDGET (parameter w)");
  BOOST_TEST(of(plans, "Y_use").parts.empty());
}

BOOST_AUTO_TEST_CASE(plans_round_trip_through_json) {
  nlohmann::json cat{{"schema", 1}, {"claims", nlohmann::json::array()}};
  cat["claims"].push_back(prototype("Z_get", "int", nlohmann::json::array({param("SSL *", "s")})));
  cat["claims"].push_back(claim("Z_get", "returns-int", {{"success", 1}}, "Z_get() returns 1."));
  const auto plans = sslconf::plan::plan_catalogue(cat);
  const auto again = sslconf::plan::plans_from_json(sslconf::plan::to_json(plans));
  BOOST_TEST(sslconf::plan::to_json(again) == sslconf::plan::to_json(plans));
}
