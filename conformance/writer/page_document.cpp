#include "writer/page_document.hpp"

#include "writer/pandoc_ast.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace sslconf::writer {

namespace pd = pandoc;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------- inlines

bool is_html(const RenderContext& ctx) { return ctx.format != Format::man; }

// Appends `more` to `out`, never leaving two Space nodes side by side.
void append(json& out, const json& more) {
  for (const auto& node : more) {
    const bool is_space = node["t"] == "Space";
    if (is_space && (out.empty() || out.back()["t"] == "Space")) continue;
    out.push_back(node);
  }
}

void trim_spaces(json& inlines) {
  while (!inlines.empty() && inlines.back()["t"] == "Space") inlines.erase(inlines.size() - 1);
  while (!inlines.empty() && inlines.front()["t"] == "Space") inlines.erase(0);
}

// A mark placed in the block's text rather than in one sentence.
struct PlacedMark {
  std::size_t offset;
  const model::Mark* mark;
};

// The marks of a block, placed on Block::text. Sentences are found in order
// in the block text; a mark whose text is not where it claims is dropped
// rather than trusted, and overlapping marks keep the first.
std::vector<PlacedMark> place_marks(const model::Block& block) {
  std::vector<PlacedMark> placed;
  std::size_t cursor = 0;
  for (const auto& sentence : block.sentences) {
    const std::size_t start = block.text.find(sentence.text, cursor);
    if (start == std::string::npos) continue;
    cursor = start + sentence.text.size();
    for (const auto& mark : sentence.marks) {
      const std::size_t at = start + mark.offset;
      if (block.text.compare(at, mark.text.size(), mark.text) == 0) placed.push_back({at, &mark});
    }
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const PlacedMark& a, const PlacedMark& b) { return a.offset < b.offset; });
  std::vector<PlacedMark> kept;
  std::size_t end = 0;
  for (const auto& p : placed) {
    if (p.offset < end) continue;
    kept.push_back(p);
    end = p.offset + p.mark->text.size();
  }
  return kept;
}

const model::Link* link_for(const model::Block& block, const std::string& text) {
  for (const auto& link : block.links)
    if (link.text == text) return &link;
  return nullptr;
}

// "name(3)" as the man pages write it: the name in bold.
json man_reference(const std::string& name, const std::string& section) {
  json out = json::array({pd::strong(pd::words(name))});
  if (!section.empty()) out.push_back(pd::str("(" + section + ")"));
  return out;
}

std::string href_for(const model::Link& link, const RenderContext& ctx) {
  if (link.external) return link.target;
  const PageRef* ref = ctx.links ? ctx.links->find(link.target) : nullptr;
  std::string href = ref ? ref->stem + ".html" : openssl_page_url(link.target, link.section);
  if (ref && !link.fragment.empty()) href += "#" + section_id(link.fragment);
  return href;
}

json render_link(const model::Link& link, const std::string& shown, const RenderContext& ctx) {
  if (!is_html(ctx)) {
    const bool plain_reference = shown == link.target + "(" + link.section + ")" || shown == link.target;
    if (link.external || !plain_reference) return pd::words(shown);
    return man_reference(link.target, link.section);
  }
  return json::array({pd::link(pd::words(shown), href_for(link, ctx))});
}

// Function names ("SSL_free()") link to their page in HTML when the manual
// has one, except on that page itself.
json render_function(const std::string& text, const std::string& current_stem,
                     const RenderContext& ctx) {
  if (!is_html(ctx)) return json::array({pd::strong(pd::words(text))});
  const std::string name = text.substr(0, text.find('('));
  const PageRef* ref = ctx.links ? ctx.links->find(name) : nullptr;
  json shown = json::array({pd::code(text)});
  if (!ref || ref->stem == current_stem) return shown;
  return json::array({pd::link(shown, ref->stem + ".html")});
}

json render_mark(const model::Block& block, const model::Mark& mark, const std::string& current_stem,
                 const RenderContext& ctx) {
  using K = model::Mark::Kind;
  switch (mark.kind) {
    case K::function: return render_function(mark.text, current_stem, ctx);
    case K::argument: return json::array({pd::strong(pd::words(mark.text))});  // B<> in POD
    case K::emphasis:
    case K::file: return json::array({pd::emph(pd::words(mark.text))});
    case K::code:
      // mandoc rejects the \f[C] font pandoc uses for inline code.
      return is_html(ctx) ? json::array({pd::code(mark.text)}) : pd::words(mark.text);
    case K::link:
      if (const model::Link* link = link_for(block, mark.text)) return render_link(*link, mark.text, ctx);
      return pd::words(mark.text);
  }
  return pd::words(mark.text);
}

json block_inlines(const model::Block& block, const std::string& current_stem, const RenderContext& ctx) {
  json out = json::array();
  std::size_t done = 0;
  for (const auto& placed : place_marks(block)) {
    append(out, pd::words(block.text.substr(done, placed.offset - done)));
    append(out, render_mark(block, *placed.mark, current_stem, ctx));
    done = placed.offset + placed.mark->text.size();
  }
  append(out, pd::words(block.text.substr(std::min(done, block.text.size()))));
  trim_spaces(out);
  return out;
}

// ----------------------------------------------------------------- blocks

// Verbatim text without the indentation POD requires of it.
std::string dedent(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::size_t indent = std::string::npos;
  for (const auto& line : lines) {
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos) indent = std::min(indent, first);
  }
  if (indent == std::string::npos) indent = 0;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    if (lines[i].size() > indent) out += lines[i].substr(indent);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// A roff line that starts with '.' or '\'' would be read as a request.
std::string roff_escape_line(const std::string& line) {
  std::string out;
  for (char c : line) {
    if (c == '\\') out += "\\e";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

json verbatim_block(const std::string& text, const RenderContext& ctx) {
  const std::string body = dedent(text);
  if (is_html(ctx)) return pd::code_block(body, {"c"});
  // Pandoc's man writer sets code in the \f[C] font, which mandoc rejects.
  std::string roff = ".PP\n.nf\n";
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = body.find('\n', start);
    roff += roff_escape_line(body.substr(start, end == std::string::npos ? std::string::npos : end - start)) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return pd::raw_block("man", roff + ".fi");
}

enum class ListKind { bullet, ordered, definition };

ListKind list_kind(const std::string& label) {
  if (label == "*" || label == "-" || label.empty()) return ListKind::bullet;
  if (std::isdigit(static_cast<unsigned char>(label[0])) && label.back() == '.') return ListKind::ordered;
  return ListKind::definition;
}

class BlockRenderer {
 public:
  BlockRenderer(const std::vector<model::Block>& blocks, const std::string& stem, const RenderContext& ctx)
      : blocks_(blocks), stem_(stem), ctx_(ctx) {}

  json render() {
    std::size_t i = 0;
    json out = sequence(i, 0);
    // Anything left (an item shallower than expected) is rendered flat.
    while (i < blocks_.size()) out.push_back(single(blocks_[i++]));
    return out;
  }

 private:
  json single(const model::Block& block) {
    if (block.kind == model::Block::Kind::verbatim) return verbatim_block(block.text, ctx_);
    return pd::para(block_inlines(block, stem_, ctx_));
  }

  bool is_item_at(std::size_t i, int depth) const {
    return blocks_[i].kind == model::Block::Kind::item && blocks_[i].depth == depth;
  }

  // Blocks at `level` (not items) and the lists nested one level deeper.
  json sequence(std::size_t& i, int level) {
    json out = json::array();
    while (i < blocks_.size() && blocks_[i].depth >= level) {
      if (is_item_at(i, level) && level > 0) break;  // the next item of the enclosing list
      if (blocks_[i].depth == level && blocks_[i].kind != model::Block::Kind::item) {
        out.push_back(single(blocks_[i++]));
      } else {
        out.push_back(list(i, blocks_[i].depth));
      }
    }
    return out;
  }

  json list(std::size_t& i, int depth) {
    const ListKind kind = list_kind(blocks_[i].label);
    std::vector<json> items;
    std::vector<std::pair<json, json>> definitions;
    while (i < blocks_.size() && blocks_[i].depth >= depth) {
      // Two =over lists in a row arrive as one run of items: split where the kind changes.
      if (!is_item_at(i, depth) || list_kind(blocks_[i].label) != kind) break;
      const model::Block& item = blocks_[i++];
      json body = json::array();
      if (!item.text.empty()) body.push_back(pd::para(block_inlines(item, stem_, ctx_)));
      for (auto& b : sequence(i, depth)) body.push_back(b);
      if (kind == ListKind::definition) definitions.emplace_back(term(item.label), body);
      else items.push_back(body);
    }
    if (kind == ListKind::definition) return pd::definition_list(definitions);
    if (kind == ListKind::ordered) return pd::ordered_list(items);
    return pd::bullet_list(items);
  }

  json term(const std::string& label) const { return json::array({pd::strong(pd::words(label))}); }

  const std::vector<model::Block>& blocks_;
  const std::string& stem_;
  const RenderContext& ctx_;
};

// --------------------------------------------------------------- sections

std::string join(const std::vector<std::string>& parts, const std::string& glue) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? glue : "") + parts[i];
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// NAME is rebuilt from the model so that it keeps the "names - purpose"
// shape that whatis and mandoc expect, whatever the source looked like.
json name_section_body(const model::Page& page) {
  const std::string line = join(page.names, ", ") + (page.purpose.empty() ? "" : " - " + page.purpose);
  return json::array({pd::para(pd::words(line))});
}

json section_body(const model::Page& page, const model::Section& section, const RenderContext& ctx) {
  if (section.title == "NAME" && !page.names.empty()) return name_section_body(page);
  return BlockRenderer(section.blocks, page_stem(page), ctx).render();
}

// mandoc warns about a paragraph macro right after a section heading; a
// Plain block renders without one.
void drop_leading_paragraph_macro(json& body) {
  if (body.empty()) return;
  json& first = body[0];
  if (first["t"] == "Para") first["t"] = "Plain";
  if (first["t"] == "RawBlock" && first["c"][1].get<std::string>().rfind(".PP\n", 0) == 0)
    first["c"][1] = first["c"][1].get<std::string>().substr(4);
}

json return_to_top() {
  return pd::div("", {"return-to-top"},
                 json::array({pd::plain(json::array({pd::link(pd::words("return to top"), "#top")}))}));
}

// The book's per-page index of sections, as in the OpenVMS reference pages.
json section_index(const std::vector<std::pair<std::string, std::string>>& sections) {
  std::vector<json> items;
  for (const auto& [title, id] : sections)
    items.push_back(json::array({pd::plain(json::array({pd::link(pd::words(title), "#" + id)}))}));
  return pd::div("section-index", {"section-index"}, json::array({pd::bullet_list(items)}));
}

json nav_meta(const NavEntry& entry) {
  return pd::meta_map({{"title", pd::meta_string(entry.title)}, {"href", pd::meta_string(entry.href)}});
}

json page_meta(const model::Page& page, const RenderContext& ctx) {
  const std::string section = page.manual_section.empty() ? "3" : page.manual_section;
  json meta = {{"source", pd::meta_string(page.source)}, {"section", pd::meta_string(section)}};
  if (ctx.format == Format::man) {
    meta["title"] = pd::meta_string(upper(page.title));
    meta["date"] = pd::meta_string(ctx.date);
    return meta;
  }
  meta["title"] = pd::meta_string(page.title);
  meta["pagetitle"] = pd::meta_string(page.title + "(" + section + ")");
  meta["css"] = pd::meta_string(ctx.stylesheet);
  if (ctx.format == Format::book) meta["nav"] = navigation_meta(ctx.navigation, ctx.book_title);
  return meta;
}

}  // namespace

std::string section_id(const std::string& title) {
  std::string id;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "section" : id;
}

json navigation_meta(const Navigation& nav, const std::string& book_title) {
  json fields = {{"top", nav_meta(nav.top)}, {"index", nav_meta(nav.index)},
                 {"book", pd::meta_string(book_title)}};
  if (nav.previous) fields["previous"] = nav_meta(*nav.previous);
  if (nav.next) fields["next"] = nav_meta(*nav.next);
  return pd::meta_map(fields);
}

json page_document(const model::Page& page, const RenderContext& ctx) {
  std::vector<std::pair<std::string, std::string>> ids;  // title, unique id
  std::set<std::string> used{"top"};
  for (const auto& section : page.sections) {
    std::string id = section_id(section.title);
    for (int n = 2; used.count(id); ++n) id = section_id(section.title) + "-" + std::to_string(n);
    used.insert(id);
    ids.emplace_back(section.title, id);
  }

  json blocks = json::array();
  if (ctx.format == Format::book) blocks.push_back(section_index(ids));
  for (std::size_t i = 0; i < page.sections.size(); ++i) {
    const model::Section& section = page.sections[i];
    if (ctx.format == Format::book && i > 0) blocks.push_back(return_to_top());
    const int level = std::clamp(section.level, 1, 4);
    blocks.push_back(pd::header(ctx.format == Format::man ? level : level + 1, ids[i].second,
                                pd::words(section.title)));
    json body = section_body(page, section, ctx);
    if (ctx.format == Format::man) drop_leading_paragraph_macro(body);
    for (auto& b : body) blocks.push_back(std::move(b));
  }
  return pd::document(page_meta(page, ctx), std::move(blocks));
}

}  // namespace sslconf::writer
