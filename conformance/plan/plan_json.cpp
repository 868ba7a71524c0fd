#include "plan/plan.hpp"

#include <cctype>
#include <set>

namespace sslconf::plan {

nlohmann::json to_json(const Procedure& p) {
  auto objects = nlohmann::json::array();
  for (const auto& o : p.objects) objects.push_back({{"var", o.var}, {"type", o.type}, {"make", o.make}, {"state", o.state}});
  auto steps = nlohmann::json::array();
  for (const auto& s : p.steps) steps.push_back({{"var", s.var}, {"type", s.type}, {"call", s.call}, {"args", s.args}});
  return {{"id", p.id},
          {"function", p.function},
          {"part", p.part},
          {"conditions", p.conditions},
          {"objects", objects},
          {"buffers", p.buffers},
          {"steps", steps},
          {"observe",
           {{"what", p.observe.what}, {"of", p.observe.of}, {"op", p.observe.op}, {"against", p.observe.against},
            {"confirm", p.observe.confirm}, {"describe", p.observe.describe}}},
          {"vouched", p.vouched},
          {"guess", p.guess},
          {"situation", p.situation},
          {"variant", p.variant}};
}

Procedure procedure_from_json(const nlohmann::json& j) {
  Procedure p;
  p.id = j.value("id", "");
  p.function = j.value("function", "");
  p.part = j.value("part", "");
  p.conditions = j.value("conditions", std::vector<std::string>{});
  for (const auto& o : j.value("objects", nlohmann::json::array()))
    p.objects.push_back({o.value("var", ""), o.value("type", ""), o.value("make", ""), o.value("state", "")});
  p.buffers = j.value("buffers", std::vector<std::string>{});
  for (const auto& s : j.value("steps", nlohmann::json::array()))
    p.steps.push_back({s.value("var", ""), s.value("type", ""), s.value("call", ""), s.value("args", std::vector<std::string>{})});
  const auto o = j.value("observe", nlohmann::json::object());
  p.observe = {o.value("what", "value"), o.value("of", ""),      o.value("op", ""),
               o.value("against", ""),   o.value("confirm", ""), o.value("describe", "")};
  p.vouched = j.value("vouched", true);
  p.guess = j.value("guess", "");
  p.situation = j.value("situation", "");
  p.variant = j.value("variant", 0);
  return p;
}

nlohmann::json to_json(const Plans& plans) {
  auto functions = nlohmann::json::array();
  for (const auto& f : plans.functions) {
    auto parts = nlohmann::json::array();
    for (const auto& p : f.parts) parts.push_back(to_json(p));
    functions.push_back({{"function", f.function}, {"page", f.page}, {"parts", parts}, {"unplanned", f.unplanned}});
  }
  return {{"schema", 1}, {"functions", functions}};
}

Plans plans_from_json(const nlohmann::json& j) {
  Plans plans;
  for (const auto& f : j.value("functions", nlohmann::json::array())) {
    FunctionPlan fp;
    fp.function = f.value("function", "");
    fp.page = f.value("page", "");
    fp.unplanned = f.value("unplanned", "");
    for (const auto& p : f.value("parts", nlohmann::json::array())) fp.parts.push_back(procedure_from_json(p));
    plans.functions.push_back(std::move(fp));
  }
  return plans;
}

std::vector<std::string> called_functions(const Procedure& p) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  // The library's own constructors an object is made with (BIO_new(BIO_s_mem())):
  // a library may declare one it does not define.
  for (const auto& o : p.objects) {
    std::string word;
    for (const char ch : o.make) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') {
        word += ch;
        continue;
      }
      if (ch == '(' && !word.empty() && word.rfind("sslconf_", 0) != 0 && seen.insert(word).second) out.push_back(word);
      word.clear();
    }
  }
  for (const auto& s : p.steps)
    if (seen.insert(s.call).second) out.push_back(s.call);
  return out;
}

}  // namespace sslconf::plan
