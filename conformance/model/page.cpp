#include "model/page.hpp"

#include <array>
#include <stdexcept>

namespace sslconf::model {

namespace {

template <typename E, std::size_t N>
E enum_from(const std::string& s, const std::array<const char*, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  throw std::invalid_argument("unknown enum value: " + s);
}

constexpr std::array<const char*, 5> kFormats{"pod", "html", "markdown", "man", "text"};
constexpr std::array<const char*, 6> kMarks{"code", "function", "argument", "emphasis", "link", "file"};
constexpr std::array<const char*, 3> kBlocks{"paragraph", "item", "verbatim"};

nlohmann::json loc_json(const SourceLocation& l) { return l.str(); }

SourceLocation loc_from(const nlohmann::json& j) {
  SourceLocation l;
  const std::string s = j.get<std::string>();
  const auto colon = s.rfind(':');
  if (colon == std::string::npos) {
    l.file = s;
    return l;
  }
  l.file = s.substr(0, colon);
  l.line = std::stoi(s.substr(colon + 1));
  return l;
}

nlohmann::json link_json(const Link& k) {
  return {{"text", k.text}, {"target", k.target}, {"section", k.section},
          {"fragment", k.fragment}, {"external", k.external}, {"source", loc_json(k.loc)}};
}

Link link_from(const nlohmann::json& j) {
  return Link{j.at("text"), j.at("target"), j.at("section"), j.at("fragment"),
              j.at("external"), loc_from(j.at("source"))};
}

nlohmann::json links_json(const std::vector<Link>& v) {
  auto a = nlohmann::json::array();
  for (const auto& k : v) a.push_back(link_json(k));
  return a;
}

std::vector<Link> links_from(const nlohmann::json& j) {
  std::vector<Link> v;
  for (const auto& k : j) v.push_back(link_from(k));
  return v;
}

}  // namespace

std::string to_string(PageFormat f) { return kFormats[static_cast<std::size_t>(f)]; }
std::string to_string(Mark::Kind k) { return kMarks[static_cast<std::size_t>(k)]; }
std::string to_string(Block::Kind k) { return kBlocks[static_cast<std::size_t>(k)]; }

nlohmann::json to_json(const Page& p) {
  nlohmann::json protos = nlohmann::json::array();
  for (const auto& pr : p.synopsis.prototypes) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& pa : pr.params)
      params.push_back({{"type", pa.type}, {"name", pa.name}, {"function_pointer", pa.function_pointer}});
    protos.push_back({{"text", pr.text}, {"return_type", pr.return_type}, {"name", pr.name},
                      {"params", params}, {"variadic", pr.variadic}, {"macro", pr.macro},
                      {"source", loc_json(pr.loc)}});
    // Written only when set, so dumps of pages without templates keep their shape.
    if (pr.generic) protos.back()["generic"] = true;
    if (pr.unterminated) protos.back()["unterminated"] = true;
  }
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : p.sections) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : s.blocks) {
      nlohmann::json sentences = nlohmann::json::array();
      for (const auto& se : b.sentences) {
        nlohmann::json marks = nlohmann::json::array();
        for (const auto& m : se.marks)
          marks.push_back({{"kind", to_string(m.kind)}, {"text", m.text}, {"offset", m.offset}});
        sentences.push_back({{"text", se.text}, {"marks", marks}, {"source", loc_json(se.loc)}});
      }
      blocks.push_back({{"kind", to_string(b.kind)}, {"label", b.label}, {"depth", b.depth},
                        {"text", b.text}, {"sentences", sentences}, {"links", links_json(b.links)},
                        {"source", loc_json(b.loc)}});
    }
    sections.push_back({{"title", s.title}, {"level", s.level}, {"blocks", blocks},
                        {"source", loc_json(s.loc)}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : p.history)
    history.push_back({{"text", h.text}, {"functions", h.functions}, {"release", h.release},
                       {"source", loc_json(h.loc)}});
  nlohmann::json synopsis{{"includes", p.synopsis.includes}, {"prototypes", protos},
                          {"other", p.synopsis.other}, {"source", loc_json(p.synopsis.loc)}};
  if (p.synopsis.generic) synopsis["generic"] = true;
  if (!p.synopsis.placeholders.empty()) synopsis["placeholders"] = p.synopsis.placeholders;
  nlohmann::json out{{"source", p.source},
          {"format", to_string(p.format)},
          {"title", p.title},
          {"manual_section", p.manual_section},
          {"names", p.names},
          {"purpose", p.purpose},
          {"name_source", loc_json(p.name_loc)},
          {"synopsis", synopsis},
          {"sections", sections},
          {"see_also", links_json(p.see_also)},
          {"history", history}};
  if (!p.foreign_pages.empty()) out["foreign_pages"] = p.foreign_pages;
  return out;
}

Page page_from_json(const nlohmann::json& j) {
  Page p;
  p.source = j.at("source");
  p.format = enum_from<PageFormat>(j.at("format"), kFormats);
  p.title = j.at("title");
  p.manual_section = j.at("manual_section");
  p.names = j.at("names").get<std::vector<std::string>>();
  p.purpose = j.at("purpose");
  p.name_loc = loc_from(j.at("name_source"));
  const auto& syn = j.at("synopsis");
  p.synopsis.includes = syn.at("includes").get<std::vector<std::string>>();
  p.synopsis.other = syn.at("other").get<std::vector<std::string>>();
  p.synopsis.loc = loc_from(syn.at("source"));
  p.synopsis.generic = syn.value("generic", false);
  p.synopsis.placeholders = syn.value("placeholders", std::vector<std::string>{});
  p.foreign_pages = j.value("foreign_pages", std::vector<std::string>{});
  for (const auto& pr : syn.at("prototypes")) {
    Prototype proto{pr.at("text"), pr.at("return_type"), pr.at("name"), {},
                    pr.at("variadic"), pr.at("macro"), loc_from(pr.at("source")),
                    pr.value("generic", false), pr.value("unterminated", false)};
    for (const auto& pa : pr.at("params"))
      proto.params.push_back({pa.at("type"), pa.at("name"), pa.at("function_pointer")});
    p.synopsis.prototypes.push_back(std::move(proto));
  }
  for (const auto& s : j.at("sections")) {
    Section sec{s.at("title"), s.at("level"), {}, loc_from(s.at("source"))};
    for (const auto& b : s.at("blocks")) {
      Block blk;
      blk.kind = enum_from<Block::Kind>(b.at("kind"), kBlocks);
      blk.label = b.at("label");
      blk.depth = b.at("depth");
      blk.text = b.at("text");
      blk.links = links_from(b.at("links"));
      blk.loc = loc_from(b.at("source"));
      for (const auto& se : b.at("sentences")) {
        Sentence sent{se.at("text"), {}, loc_from(se.at("source"))};
        for (const auto& m : se.at("marks"))
          sent.marks.push_back({enum_from<Mark::Kind>(m.at("kind"), kMarks), m.at("text"), m.at("offset")});
        blk.sentences.push_back(std::move(sent));
      }
      sec.blocks.push_back(std::move(blk));
    }
    p.sections.push_back(std::move(sec));
  }
  p.see_also = links_from(j.at("see_also"));
  for (const auto& h : j.at("history"))
    p.history.push_back({h.at("text"), h.at("functions").get<std::vector<std::string>>(),
                         h.at("release"), loc_from(h.at("source"))});
  return p;
}

}  // namespace sslconf::model
