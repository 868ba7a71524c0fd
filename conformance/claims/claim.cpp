// JSON form of claims and catalogues: the claims.json schema 1 of DESIGN.md.
#include "claims/claim.hpp"

#include "model/diagnostic.hpp"

#include <ostream>

namespace sslconf::claims {

namespace {

constexpr int kSchema = 1;

nlohmann::json page_json(const PageEntry& p) {
  return {{"name", p.name}, {"source", p.source}, {"format", p.format},
          {"functions", p.functions}};
}

PageEntry page_from(const nlohmann::json& j) {
  return PageEntry{j.at("name"), j.at("source"), j.at("format"),
                   j.at("functions").get<std::vector<std::string>>()};
}

// The location inside claims.json of the first claim that failed, so a bad
// catalogue is reported like any other bad input.
model::SourceLocation where(const std::string& origin) { return {origin, 0}; }

}  // namespace

nlohmann::json to_json(const Claim& c) {
  return {{"id", c.id},         {"page", c.page},     {"section", c.section},
          {"kind", c.kind},     {"functions", c.functions},
          {"params", c.params}, {"text", c.text},     {"source", c.source},
          {"checkable", c.checkable}, {"reason", c.reason}};
}

Claim claim_from_json(const nlohmann::json& j) {
  Claim c;
  c.id = j.at("id");
  c.page = j.at("page");
  c.section = j.at("section");
  c.kind = j.at("kind");
  c.functions = j.at("functions").get<std::vector<std::string>>();
  c.params = j.value("params", nlohmann::json::object());
  c.text = j.at("text");
  c.source = j.at("source");
  c.checkable = j.at("checkable");
  c.reason = j.value("reason", "");
  return c;
}

nlohmann::json to_json(const Catalogue& c) {
  auto pages = nlohmann::json::array();
  for (const auto& p : c.pages) pages.push_back(page_json(p));
  auto claims = nlohmann::json::array();
  for (const auto& k : c.claims) claims.push_back(to_json(k));
  return {{"schema", kSchema}, {"pages", pages}, {"claims", claims},
          {"coverage", c.coverage}};
}

namespace {

// One member value, dumped as nlohmann indents it at the given depth: JSON
// strings hold no raw newline, so every newline of the dump starts a line.
void write_nested(std::ostream& out, const nlohmann::json& value, int depth) {
  const std::string text = value.dump(2);
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
    out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << indent;
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

template <typename T, typename ToJson>
void write_array(std::ostream& out, const std::vector<T>& items, ToJson to_json_of) {
  if (items.empty()) {
    out << "[]";
    return;
  }
  out << '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    out << (i == 0 ? "\n    " : ",\n    ");
    write_nested(out, to_json_of(items[i]), 2);
  }
  out << "\n  ]";
}

}  // namespace

void write_json(std::ostream& out, const Catalogue& c) {
  // Members in the order nlohmann prints an object's keys (sorted).
  out << "{\n  \"claims\": ";
  write_array(out, c.claims, [](const Claim& k) { return to_json(k); });
  out << ",\n  \"coverage\": ";
  write_nested(out, c.coverage, 1);
  out << ",\n  \"pages\": ";
  write_array(out, c.pages, [](const PageEntry& p) { return page_json(p); });
  out << ",\n  \"schema\": " << kSchema << "\n}";
}

Catalogue catalogue_from_json(const nlohmann::json& j, const std::string& origin) {
  if (!j.is_object() || j.value("schema", 0) != kSchema)
    throw model::InputError(where(origin), "not a claims.json of schema 1");
  Catalogue c;
  try {
    for (const auto& p : j.at("pages")) c.pages.push_back(page_from(p));
    for (const auto& k : j.at("claims")) c.claims.push_back(claim_from_json(k));
    c.coverage = j.value("coverage", nlohmann::json::object());
  } catch (const nlohmann::json::exception& e) {
    throw model::InputError(where(origin), std::string("malformed claims.json: ") + e.what());
  }
  return c;
}

}  // namespace sslconf::claims
