// The rules around every check, the probe table and the non-checkable
// verdicts.
#include "checks/check.hpp"
#include "checks/plans/derived.hpp"
#include "checks/probes.hpp"
#include "checks/verdict.hpp"
#include "harness/adapter.hpp"
#include "harness/observers.hpp"
#include "harness/optional.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace sslconf::checks {

namespace {

std::map<std::string, Probe>& probes() {
  static std::map<std::string, Probe> table;
  return table;
}

// The headers the probes included, for the messages about absent calls.
std::string& probed_headers() {
  static std::string names;
  return names;
}

std::map<std::string, Constant>& constants() {
  static std::map<std::string, Constant> table;
  return table;
}

void use_constants(const nlohmann::json& j) {
  const auto values = j.find("constants");
  if (values == j.end() || !values->is_object()) return;
  for (auto it = values->begin(); it != values->end(); ++it) {
    const auto& c = it.value();
    Constant k;
    const auto d = c.find("defined");
    k.defined = d == c.end() || !d->is_boolean() ? -1 : d->get<bool>() ? 1 : 0;
    const auto v = c.find("value");
    if (v != c.end() && v->is_number_integer()) k.value = v->get<long long>();
    k.detail = c.value("detail", "");
    constants()[it.key()] = k;
  }
}

// Names a release line speaks of, without a SYNOPSIS line of their own.
void use_presence(const nlohmann::json& j) {
  const auto names = j.find("presence");
  if (names == j.end() || !names->is_object()) return;
  for (auto it = names->begin(); it != names->end(); ++it)
    probes().emplace(it.key(), Probe{it.value().value("status", ""), "", it.value().value("actual", ""),
                                     it.value().value("detail", ""), -1, "", "", false});
}

std::map<std::string, Deprecation>& deprecations() {
  static std::map<std::string, Deprecation> table;
  return table;
}

void use_deprecations(const nlohmann::json& j) {
  const auto marks = j.find("deprecated");
  if (marks == j.end() || !marks->is_object()) return;
  for (auto it = marks->begin(); it != marks->end(); ++it) {
    const auto& d = it.value();
    const auto m = d.find("marked");
    const int marked = m == d.end() || !m->is_boolean() ? -1 : m->get<bool>() ? 1 : 0;
    deprecations()[it.key()] = Deprecation{marked, d.value("declared", true), d.value("detail", "")};
  }
}

// Kinds whose subject may legitimately be absent: the check itself says
// what absence means.
bool judges_absence(const Claim& c) {
  static const std::set<std::string> kinds{"prototype", "version-added", "version-removed"};
  return kinds.count(c.kind) > 0;
}

std::string implementation() {
  return std::string(harness::family_name()) + " " + SSLCONF_IMPL_VERSION;
}

std::string not_declared(const std::string& function) {
  return function + " is not declared by " + implementation() +
         (probed_headers().empty() ? "" : " (in the headers the pages include: " + probed_headers() + ")");
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::pass: return "PASS";
    case Outcome::fail: return "FAIL";
    case Outcome::unsupported: return "UNSUPPORTED";
    case Outcome::untested: return "UNTESTED";
    case Outcome::unresolved: break;
  }
  return "UNRESOLVED";
}

void use_probes(const char* probes_json) {
  const auto j = nlohmann::json::parse(probes_json);
  use_deprecations(j);
  use_constants(j);
  if (const auto h = j.find("headers"); h != j.end() && h->is_array())
    for (const auto& name : *h)
      if (name.is_string()) probed_headers() += (probed_headers().empty() ? "" : ", ") + name.get<std::string>();
  const auto functions = j.find("functions");
  if (functions == j.end() || !functions->is_object()) return;
  for (auto it = functions->begin(); it != functions->end(); ++it) {
    const auto& p = it.value();
    const auto v = p.find("returns_void");
    const int returns_void = v == p.end() || !v->is_boolean() ? -1 : v->get<bool>() ? 1 : 0;
    Probe probe{p.value("status", ""), p.value("documented", ""), p.value("actual", ""), p.value("detail", ""),
                returns_void, "", "", false};
    if (const auto ch = p.find("changed"); ch != p.end() && ch->is_object()) {
      probe.changed_release = ch->value("release", "");
      probe.changed_text = ch->value("text", "");
    }
    probe.elsewhere = p.value("elsewhere", false);
    probes()[it.key()] = probe;
  }
  use_presence(j);
}

const Constant* constant_for(const std::string& name) {
  const auto it = constants().find(name);
  return it == constants().end() ? nullptr : &it->second;
}

std::optional<long long> constant_value(const std::string& name) {
  if (const Constant* c = constant_for(name); c && c->value) return c->value;
  long long v = 0;
  if (harness::optional::constant_value(name, v)) return v;
  return std::nullopt;
}

bool constant_value(const std::string& name, long long& value) {
  const auto v = constant_value(name);
  if (v) value = *v;
  return v.has_value();
}

std::string no_value_reason(const std::string& name) {
  const Constant* c = constant_for(name);
  if (c && c->defined == 0) return "the headers under test define no " + name;
  if (c && !c->detail.empty()) return "no value known for " + name + ": " + c->detail;
  return "no value known for " + name;
}

const Deprecation* deprecation_for(const std::string& function) {
  const auto it = deprecations().find(function);
  return it == deprecations().end() ? nullptr : &it->second;
}

const Probe* probe_for(const std::string& function) {
  const auto it = probes().find(function);
  return it == probes().end() ? nullptr : &it->second;
}

namespace {

Verdict attempt(Check check, const Claim& claim) {
  try {
    return check(claim);
  } catch (const Untestable& e) {
    return untested(e.what());
  } catch (const harness::Missing& m) {
    // The configure-time probe found the call absent: about the claim's own
    // subject that is UNSUPPORTED, as a scenario's tool it is UNRESOLVED.
    if (!claim.functions.empty() && claim.functions[0] == m.function)
      return unsupported(not_declared(m.function));
    return unresolved("scenario: needs " + m.function + ", which " + implementation() + " does not declare");
  } catch (const Unresolved& e) {
    return unresolved(e.what());
  } catch (const std::exception& e) {
    return unresolved(std::string("harness: ") + e.what());
  }
}

// A derived scenario may offer a part in several situations (a new and a
// connected connection ...): the claim holds when it holds in one of them,
// and is contradicted only when every situation contradicts it and no value
// in play was a guess of the suite's.
Verdict in_situations(Check check, const Claim& claim) {
  auto& t = plans::trial();
  t = {};
  Verdict v = attempt(check, claim);
  if (t.ran.empty() || v.outcome == Outcome::pass) return v;
  const Verdict first = v;
  bool all_fail = v.outcome == Outcome::fail;
  for (int k = 1; k < t.variants; ++k) {
    const int variants = t.variants;
    t.variant = k;
    t.ran.clear();
    v = attempt(check, claim);
    t.variants = variants;
    if (v.outcome == Outcome::pass) return pass(v.detail + " (situation " + std::to_string(k + 1) + " of " + std::to_string(variants) + ")");
    all_fail = all_fail && v.outcome == Outcome::fail;
  }
  if (first.outcome != Outcome::fail) return first;
  if (!all_fail) return unresolved(first.detail + "; other situations gave no verdict");
  if (t.guessed)
    return unresolved(first.detail + "; not a FAIL: the suite cannot be sure its situation allows what the page describes (" +
                      t.guess + ")");
  plans::record_failure(claim.id);
  return first;
}

}  // namespace

Verdict run(Check check, const Claim& claim) {
  harness::DeathWatch::prepare();  // before any scenario creates an object
  if (!judges_absence(claim) && !claim.functions.empty()) {
    const Probe* p = probe_for(claim.functions[0]);
    if (p && p->status == "absent" && p->elsewhere) return untested(p->detail);
    if (p && p->status == "absent")
      return unsupported(not_declared(claim.functions[0]));
  }
  return in_situations(check, claim);
}

const std::string& subject(const Claim& c) {
  if (c.functions.empty()) throw Untestable("the claim names no function");
  return c.functions[0];
}

Verdict not_checkable(const Claim&, const char* reason) {
  return untested(std::string("not machine-checkable: ") + (*reason ? reason : "no reason given"));
}

Verdict no_check_for_kind(const Claim& c) { return untested(std::string("no check for kind ") + c.kind); }

}  // namespace sslconf::checks
