#include "writer/pandoc_ast.hpp"

#include <sstream>
#include <stdexcept>

namespace sslconf::writer::pandoc {

namespace {

json node(const char* type, json content) { return json{{"t", type}, {"c", std::move(content)}}; }
json node(const char* type) { return json{{"t", type}}; }

// Pandoc's Attr: [identifier, [classes], [[key, value]]].
json attr(const std::string& id, const std::vector<std::string>& classes) {
  return json::array({id, classes, json::array()});
}

std::string dotted(const json& version) {
  std::ostringstream out;
  for (std::size_t i = 0; i < version.size(); ++i) out << (i ? "." : "") << version[i].dump();
  return out.str();
}

}  // namespace

const std::vector<int>& api_version() {
  static const std::vector<int> version{1, 22, 2, 1};
  return version;
}

void check_api_version(const json& installed) {
  if (installed == json(api_version())) return;
  throw std::runtime_error("pandoc speaks pandoc-api-version " + dotted(installed) +
                           ", but sslconf writes " + dotted(json(api_version())) +
                           " (pandoc 2.17); install pandoc 2.17 or update writer/pandoc_ast");
}

json str(const std::string& text) { return node("Str", text); }
json space() { return node("Space"); }
json soft_break() { return node("SoftBreak"); }
json emph(json inlines) { return node("Emph", std::move(inlines)); }
json strong(json inlines) { return node("Strong", std::move(inlines)); }
json code(const std::string& text) { return node("Code", json::array({attr("", {}), text})); }

json link(json inlines, const std::string& url, const std::string& title) {
  return node("Link", json::array({attr("", {}), std::move(inlines), json::array({url, title})}));
}

json words(const std::string& text) {
  json out = json::array();
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    out.push_back(str(word));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      flush();
      if (out.empty() || out.back()["t"] != "Space") out.push_back(space());
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

json para(json inlines) { return node("Para", std::move(inlines)); }
json plain(json inlines) { return node("Plain", std::move(inlines)); }

json header(int level, const std::string& id, json inlines) {
  return node("Header", json::array({level, attr(id, {}), std::move(inlines)}));
}

json code_block(const std::string& text, const std::vector<std::string>& classes) {
  return node("CodeBlock", json::array({attr("", classes), text}));
}

json bullet_list(const std::vector<json>& items) { return node("BulletList", items); }

json ordered_list(const std::vector<json>& items) {
  json attributes = json::array({1, node("Decimal"), node("Period")});
  return node("OrderedList", json::array({attributes, items}));
}

json definition_list(const std::vector<std::pair<json, json>>& items) {
  json out = json::array();
  for (const auto& [term, blocks] : items) out.push_back(json::array({term, json::array({blocks})}));
  return node("DefinitionList", out);
}

json div(const std::string& id, const std::vector<std::string>& classes, json blocks) {
  return node("Div", json::array({attr(id, classes), std::move(blocks)}));
}

json raw_block(const std::string& format, const std::string& text) {
  return node("RawBlock", json::array({format, text}));
}

json meta_string(const std::string& text) { return node("MetaString", text); }
json meta_bool(bool value) { return node("MetaBool", value); }
json meta_map(const json& fields) { return node("MetaMap", fields); }
json meta_list(const std::vector<json>& values) { return node("MetaList", values); }

json document(json meta, json blocks) {
  return json{{"pandoc-api-version", api_version()}, {"meta", std::move(meta)}, {"blocks", std::move(blocks)}};
}

}  // namespace sslconf::writer::pandoc
