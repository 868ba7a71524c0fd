#include "checks/plans/derived.hpp"

#include "checks/check.hpp"
#include "checks/verdict.hpp"
#include "harness/optional.hpp"
#include "plan/makers.h"
#include "platform/process.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

namespace sslconf::checks {

namespace plans {

namespace {

struct Part {
  std::string id, part, situation, guess, describe, what, op;
  std::vector<std::string> conditions;
  bool vouched = true;
  int variant = 0;
  int (*run)(sslconf_obs*) = nullptr;
};

struct Store {
  std::map<std::string, std::vector<Part>> parts;  // function → parts
  std::map<std::string, std::string> unplanned;
  std::map<std::string, Scenario> scenarios;
};

Store& store() {
  static Store s;
  return s;
}

// Runs one plan: its observation, or the reason it could not run.
sslconf_obs run_part(const Part& p) {
  auto& t = trial();
  t.ran.push_back(p.id);
  if (!p.vouched) {
    t.guessed = true;
    t.guess = p.guess;
    // A crash while a guessed value is in play says nothing about the page.
    std::printf("@@sslconf-risk %s\n", p.guess.c_str());
    std::fflush(stdout);
  }
  sslconf_obs o{};
  const int rc = p.run(&o);
  if (!p.vouched) {
    std::printf("@@sslconf-risk-end\n");
    std::fflush(stdout);
  }
  if (rc == SSLCONF_MISSING) throw harness::Missing(o.text);
  if (rc != SSLCONF_RAN) throw Unresolved("scenario: " + std::string(o.text) + " (plan " + p.id + ")");
  if (o.saw == SSLCONF_SAW_REFUSAL)
    throw Unresolved("scenario: the library did not take the value the plan gave it (it read back " +
                     std::to_string(o.integer) + "): " + p.situation);
  return o;
}

Result result_of(const Part& p) {
  const sslconf_obs o = run_part(p);
  Result r;
  if (o.saw == SSLCONF_SAW_INTEGER) r = Result::of_int(o.integer);
  else if (o.saw == SSLCONF_SAW_POINTER) r = Result::of_pointer(o.pointer);
  r.input = p.situation;
  return r;
}

Comparison comparison_of(const Part& p) {
  const sslconf_obs o = run_part(p);
  if (p.op == "same-object")
    return {o.holds != 0, p.situation + ": " + (o.holds ? "the getter returned the object given" : "the getter returned another object")};
  return {o.holds != 0, p.situation + ": got " + std::to_string(o.integer)};
}

// A part offered in several situations: the one the trial asks for.
std::function<Result()> by_variant(const std::vector<const Part*>& variants) {
  return [variants] {
    auto& t = trial();
    t.variants = std::max<int>(t.variants, static_cast<int>(variants.size()));
    const auto k = std::min<std::size_t>(static_cast<std::size_t>(t.variant), variants.size() - 1);
    // Whether the situation made success possible is not known: a page's
    // success value not seen is no proof against it.
    t.guessed = true;
    if (t.guess.empty()) t.guess = "the situations the suite can make may not be ones in which " + variants[k]->id.substr(0, variants[k]->id.find('/')) + " can succeed";
    return result_of(*variants[k]);
  };
}

Scenario build(const std::vector<Part>& parts) {
  Scenario s;
  std::vector<const Part*> success;
  for (const auto& p : parts) {
    if (p.part == "success") success.push_back(&p);
    else if (p.part == "with_null") s.with_null = [&p] { return result_of(p); };
    else if (p.part == "case") s.cases.push_back({p.conditions, [&p] { return result_of(p); }});
    else if (p.part == "previous") s.previous = [&p] { return comparison_of(p); };
    else if (p.part == "current") s.current = [&p] { return comparison_of(p); };
    else if (p.part == "sets") s.sets = [&p] { return comparison_of(p); };
    else if (p.part == "default") s.defaults.push_back({p.conditions, [&p] { return result_of(p).integer; }});
  }
  if (!success.empty()) s.success = by_variant(success);
  return s;
}

}  // namespace

Trial& trial() {
  static Trial t;
  return t;
}

const Scenario* derived(const std::string& function) {
  auto& st = store();
  const auto it = st.scenarios.find(function);
  return it == st.scenarios.end() ? nullptr : &it->second;
}

std::string unplanned(const std::string& function) {
  const auto it = store().unplanned.find(function);
  return it == store().unplanned.end() ? "" : it->second;
}

void record_failure(const std::string& claim_id) {
  // Beside the suite program, where `sslconf conform` looks after the run.
  if (trial().ran.empty()) return;
  std::ofstream out(platform::self_executable() + ".repro-records", std::ios::app);
  out << nlohmann::json{{"id", claim_id}, {"plans", trial().ran}, {"variant", trial().variant}}.dump() << "\n";
}

}  // namespace plans

void use_plans(const char* plans_json, const sslconf_plan_entry* table, int count) {
  std::map<std::string, int (*)(sslconf_obs*)> compiled;
  for (int i = 0; i < count; ++i) compiled[table[i].id] = table[i].run;
  auto& st = plans::store();
  const auto j = nlohmann::json::parse(plans_json);
  for (const auto& f : j.value("functions", nlohmann::json::array())) {
    const std::string fn = f.value("function", "");
    if (!f.value("unplanned", "").empty()) st.unplanned[fn] = f.value("unplanned", "");
    auto& parts = st.parts[fn];
    for (const auto& p : f.value("parts", nlohmann::json::array())) {
      const auto run = compiled.find(p.value("id", ""));
      if (run == compiled.end()) continue;
      const auto o = p.value("observe", nlohmann::json::object());
      parts.push_back({p.value("id", ""), p.value("part", ""), p.value("situation", ""), p.value("guess", ""),
                       o.value("describe", ""), o.value("what", ""), o.value("op", ""),
                       p.value("conditions", std::vector<std::string>{}), p.value("vouched", true), p.value("variant", 0),
                       run->second});
    }
  }
  for (const auto& [fn, parts] : st.parts)
    if (!parts.empty()) st.scenarios[fn] = plans::build(parts);
}

}  // namespace sslconf::checks
