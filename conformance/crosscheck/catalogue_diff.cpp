#include "crosscheck/catalogue_diff.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace sslconf::crosscheck {

namespace {

using claims::Claim;

const std::set<std::string>& wording_params() {
  static const std::set<std::string> keys{"declaration", "condition", "mentions"};
  return keys;
}

// "SSL_SESSION*" and "SSL_SESSION  *" are one type: spaces only where C needs them.
std::string normalise_type(const std::string& t) {
  std::string out;
  for (char c : t) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (c == '*') {
      if (!out.empty() && out.back() == ' ') out.pop_back();
      out += " *";
    } else {
      if (!out.empty() && out.back() == '*' ) out += ' ';
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // "SSL_SESSION * *" → "SSL_SESSION **"
  std::string squeezed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && i + 1 < out.size() && out[i + 1] == '*' && !squeezed.empty() && squeezed.back() == '*') continue;
    squeezed += out[i];
  }
  return squeezed;
}

bool is_type_key(const std::string& key) {
  return key == "type" || key == "return_type" || (key.size() > 5 && key.compare(key.size() - 5, 5, ".type") == 0);
}

void flatten(const nlohmann::json& j, const std::string& path, std::map<std::string, nlohmann::json>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (path.empty() && wording_params().count(it.key())) continue;
      flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
    }
  } else if (j.is_array()) {
    out[path + ".length"] = j.size();
    for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "[" + std::to_string(i) + "]", out);
  } else if (j.is_string() && is_type_key(path)) {
    out[path] = normalise_type(j.get<std::string>());
  } else {
    out[path] = j;
  }
}

std::set<std::string> word_set(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  return out;
}

double similarity(const std::string& a, const std::string& b) {
  const auto wa = word_set(a), wb = word_set(b);
  if (wa.empty() && wb.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

std::string subject(const Claim& c) { return c.functions.empty() ? "-" : c.functions.front(); }

using GroupKey = std::pair<std::string, std::string>;  // function, kind

std::map<GroupKey, std::vector<const Claim*>> group(const claims::Catalogue& c) {
  std::map<GroupKey, std::vector<const Claim*>> out;
  for (const auto& claim : c.claims) out[{subject(claim), claim.kind}].push_back(&claim);
  return out;
}

// Pairs the claims of one (function, kind) group. Equal parameters pair
// first, most similar wording first among them; then claims that differ in
// parameters pair when their wording is close, or when each side has just
// one claim of that kind (the page says the same thing differently).
void align_group(const std::vector<const Claim*>& before, const std::vector<const Claim*>& after,
                 std::vector<ClaimChange>& out) {
  struct Candidate {
    double score;
    std::size_t i, j;
  };
  std::vector<Candidate> candidates;
  const bool single = before.size() == 1 && after.size() == 1;
  for (std::size_t i = 0; i < before.size(); ++i)
    for (std::size_t j = 0; j < after.size(); ++j) {
      const bool same = param_changes(*before[i], *after[j]).empty();
      const double sim = similarity(before[i]->text, after[j]->text);
      if (same || sim >= 0.3 || single) candidates.push_back({(same ? 10.0 : 0.0) + sim, i, j});
    }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::vector<bool> used_before(before.size()), used_after(after.size());
  for (const auto& c : candidates) {
    if (used_before[c.i] || used_after[c.j]) continue;
    used_before[c.i] = used_after[c.j] = true;
    auto changes = param_changes(*before[c.i], *after[c.j]);
    if (changes.empty()) continue;
    out.push_back({ClaimChange::Type::changed, subject(*after[c.j]), after[c.j]->kind, *before[c.i], *after[c.j],
                   std::move(changes)});
  }
  for (std::size_t i = 0; i < before.size(); ++i)
    if (!used_before[i]) out.push_back({ClaimChange::Type::removed, subject(*before[i]), before[i]->kind, *before[i], {}, {}});
  for (std::size_t j = 0; j < after.size(); ++j)
    if (!used_after[j]) out.push_back({ClaimChange::Type::added, subject(*after[j]), after[j]->kind, {}, *after[j], {}});
}

std::set<std::string> functions_of(const DocSet& d) {
  std::set<std::string> out;
  for (const auto& p : d.catalogue.pages) out.insert(p.functions.begin(), p.functions.end());
  for (const auto& p : d.pages) out.insert(p.names.begin(), p.names.end());
  return out;
}

std::string ref(const model::Link& k) { return k.section.empty() ? k.target : k.target + "(" + k.section + ")"; }

std::vector<model::Link> see_also_of(const model::Page& p) {
  if (!p.see_also.empty()) return p.see_also;
  std::vector<model::Link> out;
  if (const auto* s = p.section("SEE ALSO"))
    for (const auto& b : s->blocks) out.insert(out.end(), b.links.begin(), b.links.end());
  return out;
}

bool share_a_function(const model::Page& a, const model::Page& b) {
  return std::any_of(a.names.begin(), a.names.end(), [&](const std::string& n) {
    return std::find(b.names.begin(), b.names.end(), n) != b.names.end();
  });
}

void diff_see_also(const model::Page& a, const model::Page& b, std::vector<SeeAlsoChange>& out) {
  const auto la = see_also_of(a), lb = see_also_of(b);
  auto find_ref = [](const std::vector<model::Link>& v, const std::string& r) {
    return std::find_if(v.begin(), v.end(), [&](const model::Link& k) { return ref(k) == r; }) != v.end();
  };
  auto find_name = [](const std::vector<model::Link>& v, const std::string& name) -> const model::Link* {
    for (const auto& k : v)
      if (k.target == name) return &k;
    return nullptr;
  };
  for (const auto& k : la) {
    if (k.external || find_ref(lb, ref(k))) continue;
    if (const auto* moved = find_name(lb, k.target))
      out.push_back({a.title, b.title, ref(k), ref(*moved), moved->loc});
    else
      out.push_back({a.title, b.title, ref(k), "", k.loc});
  }
  for (const auto& k : lb)
    if (!k.external && !find_ref(la, ref(k)) && !find_name(la, k.target))
      out.push_back({a.title, b.title, "", ref(k), k.loc});
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string value_text(const nlohmann::json& j) {
  if (j.is_null()) return "(none)";
  return j.is_string() ? quoted(j.get<std::string>()) : j.dump();
}

std::string function_source(const DocSet& d, const std::string& function) {
  for (const auto& p : d.pages)
    if (std::find(p.names.begin(), p.names.end(), function) != p.names.end()) return p.name_loc.str();
  for (const auto& p : d.catalogue.pages)
    if (std::find(p.functions.begin(), p.functions.end(), function) != p.functions.end()) return p.source;
  return d.label;
}

}  // namespace

std::string to_string(ClaimChange::Type t) {
  switch (t) {
    case ClaimChange::Type::added: return "added";
    case ClaimChange::Type::removed: return "removed";
    case ClaimChange::Type::changed: return "changed";
  }
  return "";
}

std::string params_text(const Claim& c) {
  if (c.kind == "prototype") return "";  // the quoted text is the declaration itself
  std::map<std::string, nlohmann::json> flat;
  flatten(c.params, "", flat);
  std::string out;
  for (const auto& [key, value] : flat) {
    if (key.find("length") != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return out.empty() ? "" : " (" + out + ")";
}

std::vector<ParamChange> param_changes(const Claim& before, const Claim& after) {
  std::map<std::string, nlohmann::json> a, b;
  flatten(before.params, "", a);
  flatten(after.params, "", b);
  std::set<std::string> keys;
  for (const auto& kv : a) keys.insert(kv.first);
  for (const auto& kv : b) keys.insert(kv.first);
  std::vector<ParamChange> out;
  for (const auto& key : keys) {
    const nlohmann::json va = a.count(key) ? a[key] : nlohmann::json();
    const nlohmann::json vb = b.count(key) ? b[key] : nlohmann::json();
    if (va != vb) out.push_back({key, va, vb});
  }
  return out;
}

DocSetDiff diff(const DocSet& before, const DocSet& after) {
  DocSetDiff d;
  d.before = before.label;
  d.after = after.label;
  const auto fa = functions_of(before), fb = functions_of(after);
  std::set_difference(fb.begin(), fb.end(), fa.begin(), fa.end(), std::back_inserter(d.functions_added));
  std::set_difference(fa.begin(), fa.end(), fb.begin(), fb.end(), std::back_inserter(d.functions_removed));
  for (const auto& f : d.functions_added) d.function_sources[f] = function_source(after, f);
  for (const auto& f : d.functions_removed) d.function_sources[f] = function_source(before, f);

  const auto ga = group(before.catalogue), gb = group(after.catalogue);
  std::set<GroupKey> keys;
  for (const auto& kv : ga) keys.insert(kv.first);
  for (const auto& kv : gb) keys.insert(kv.first);
  static const std::vector<const Claim*> none;
  for (const auto& key : keys) {
    const auto ia = ga.find(key), ib = gb.find(key);
    align_group(ia == ga.end() ? none : ia->second, ib == gb.end() ? none : ib->second, d.claims);
  }
  for (const auto& pa : before.pages)
    for (const auto& pb : after.pages)
      if (share_a_function(pa, pb)) diff_see_also(pa, pb, d.see_also);
  return d;
}

std::string to_text(const DocSetDiff& d) {
  std::ostringstream out;
  out << "crosscheck: " << d.before << " -> " << d.after << "\n";
  auto where = [&d](const std::string& f) { return d.function_sources.at(f); };
  for (const auto& f : d.functions_added) out << where(f) << ": function added: " << f << "\n";
  for (const auto& f : d.functions_removed) out << where(f) << ": function removed: " << f << "\n";
  std::size_t added = 0, removed = 0, changed = 0;
  for (const auto& c : d.claims) {
    switch (c.type) {
      case ClaimChange::Type::added:
        ++added;
        out << c.after.source << ": claim added: " << c.function << " " << c.kind << params_text(c.after) << " "
            << quoted(c.after.text) << "\n";
        break;
      case ClaimChange::Type::removed:
        ++removed;
        out << c.before.source << ": claim removed: " << c.function << " " << c.kind << params_text(c.before) << " "
            << quoted(c.before.text) << "\n";
        break;
      case ClaimChange::Type::changed:
        ++changed;
        out << c.after.source << ": claim changed: " << c.function << " " << c.kind << ":";
        for (std::size_t i = 0; i < c.params.size(); ++i)
          out << (i ? "," : "") << " " << c.params[i].key << " " << value_text(c.params[i].before) << " -> "
              << value_text(c.params[i].after);
        out << " (was " << c.before.source << ")\n";
        break;
    }
  }
  for (const auto& s : d.see_also) {
    out << s.loc.str() << ": see also ";
    if (s.before.empty()) out << "added: " << s.after;
    else if (s.after.empty()) out << "removed: " << s.before;
    else out << "changed: " << s.before << " -> " << s.after;
    out << " (" << s.page_before << " -> " << s.page_after << ")\n";
  }
  out << "totals: functions +" << d.functions_added.size() << " -" << d.functions_removed.size() << ", claims +"
      << added << " -" << removed << " ~" << changed << ", see also " << d.see_also.size() << "\n";
  return out.str();
}

nlohmann::json to_json(const DocSetDiff& d) {
  nlohmann::json claims_json = nlohmann::json::array();
  for (const auto& c : d.claims) {
    nlohmann::json j{{"type", to_string(c.type)}, {"function", c.function}, {"kind", c.kind}};
    if (c.type != ClaimChange::Type::added) j["before"] = claims::to_json(c.before);
    if (c.type != ClaimChange::Type::removed) j["after"] = claims::to_json(c.after);
    if (c.type == ClaimChange::Type::changed) {
      j["params"] = nlohmann::json::array();
      for (const auto& p : c.params) j["params"].push_back({{"key", p.key}, {"before", p.before}, {"after", p.after}});
    }
    claims_json.push_back(j);
  }
  nlohmann::json see_also = nlohmann::json::array();
  for (const auto& s : d.see_also)
    see_also.push_back({{"page_before", s.page_before}, {"page_after", s.page_after}, {"before", s.before},
                        {"after", s.after}, {"source", s.loc.str()}});
  return {{"before", d.before},
          {"after", d.after},
          {"functions", {{"added", d.functions_added}, {"removed", d.functions_removed}}},
          {"claims", claims_json},
          {"see_also", see_also}};
}

}  // namespace sslconf::crosscheck
