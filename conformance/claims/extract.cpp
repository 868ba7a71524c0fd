// Page model → catalogue: walks the statements of each page in order, asks
// the recognisers, gives every claim its stable id and counts coverage.
#include "claims/extract.hpp"

#include "claims/coverage.hpp"
#include "claims/recognise.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace sslconf::claims {

namespace {

bool claimed_section(const std::string& title) {
  return title == "DESCRIPTION" || title == "NOTES" || title == "RETURN VALUES" ||
         title == "RETURN VALUE" || title == "HISTORY";
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

nlohmann::json prototype_params(const model::Prototype& p, const model::Synopsis& s) {
  auto params = nlohmann::json::array();
  for (const auto& a : p.params) params.push_back({{"type", a.type}, {"name", a.name}});
  return {{"return_type", p.return_type}, {"params", params}, {"declaration", p.text},
          {"include", s.includes.empty() ? "" : s.includes.front()},
          {"macro", p.macro}, {"variadic", p.variadic}};
}

// The claims of one page, in page order, without ids.
class PageWalk {
 public:
  PageWalk(const model::Page& page, const Vocabulary& vocab, const std::string& name)
      : page_(page), vocab_(vocab), name_(name) {}

  std::vector<Claim> run(PageTally& tally) {
    tally_ = &tally;
    for (const auto& p : page_.synopsis.prototypes) prototype(p);
    std::string head1;
    for (const auto& s : page_.sections) {
      if (s.level == 1) head1 = upper(s.title);
      if (!claimed_section(head1)) continue;
      last_item_ = nullptr;
      for (const auto& b : s.blocks) block(head1, b);
    }
    return std::move(claims_);
  }

 private:
  // A generic template (TYPE *d2i_TYPE(...)) declares no function: it is
  // kept in the catalogue as an informative "template", never a prototype.
  void prototype(const model::Prototype& p) {
    Claim c = base("SYNOPSIS", p.text, p.loc.str());
    c.kind = p.generic ? "template" : "prototype";
    c.functions = {p.name};
    c.params = prototype_params(p, page_.synopsis);
    c.checkable = !p.generic;
    c.reason = p.generic ? "informative" : "";
    claims_.push_back(c);
    tally_->count_statement(Statement::prototype, {c});
  }

  void block(const std::string& section, const model::Block& b) {
    if (b.kind == model::Block::Kind::verbatim) return;
    SentenceContext ctx{&vocab_, section, b.kind == model::Block::Kind::item ? b.label : "", "", "", "", ""};
    // An indented paragraph after a RETURN VALUES item, at the item's depth,
    // goes on describing that item's value.
    const bool return_values = section.rfind("RETURN VALUE", 0) == 0;
    if (b.kind == model::Block::Kind::item) last_item_ = &b;
    else if (return_values && last_item_ && b.depth > 0 && b.depth == last_item_->depth) ctx.continues_item = last_item_->label;
    if (b.kind == model::Block::Kind::item && return_values) {
      auto found = recognise_return_item(b.label, b.text, ctx);
      if (!found.empty()) return statement(section, b.label + ": " + b.text, b.loc, found, Statement::item);
    }
    if (b.sentences.empty() && !b.text.empty()) return sentence(section, b.text, b.loc, ctx);
    for (const auto& s : b.sentences) sentence(section, s.text, s.loc, ctx);
  }

  void sentence(const std::string& section, const std::string& text, const model::SourceLocation& loc,
                SentenceContext& ctx) {
    statement(section, text, loc, recognise(text, ctx), Statement::sentence);
    const Normalised n = normalise(text, vocab_);
    const std::string subject = subject_of(n, ctx);
    if (vocab_.on_page(subject)) ctx.carried = subject;  // only page functions carry over
    if (const std::string cb = named_callback(n, vocab_); !cb.empty()) ctx.callback = cb;
    ctx.previous = text;
  }

  void statement(const std::string& section, const std::string& text, const model::SourceLocation& loc,
                 const std::vector<Finding>& found, Statement what) {
    std::vector<Claim> made;
    for (const auto& f : found) {
      Claim c = base(section, text, loc.str());
      c.kind = f.kind;
      c.functions = f.functions;
      c.params = f.params;
      c.checkable = f.checkable;
      c.reason = f.checkable ? "" : f.reason;
      made.push_back(c);
    }
    tally_->count_statement(what, made, section);
    claims_.insert(claims_.end(), made.begin(), made.end());
  }

  Claim base(const std::string& section, const std::string& text, const std::string& source) const {
    Claim c;
    c.page = name_;
    c.section = section;
    c.text = text;
    c.source = source;
    return c;
  }

  const model::Page& page_;
  const Vocabulary& vocab_;
  std::string name_;
  PageTally* tally_ = nullptr;
  std::vector<Claim> claims_;
  const model::Block* last_item_ = nullptr;  // the section's latest list item
};

// page/subject/kind/ordinal, the ordinal counted per (subject, kind) in page order.
void assign_ids(std::vector<Claim>& claims) {
  std::map<std::string, int> ordinal;
  for (auto& c : claims) {
    const std::string stem =
        c.page + "/" + (c.functions.empty() ? std::string("-") : c.functions.front()) + "/" + c.kind;
    c.id = stem + "/" + std::to_string(++ordinal[stem]);
  }
}

std::set<std::string> all_functions(const std::vector<model::Page>& pages) {
  std::set<std::string> out;
  for (const auto& p : pages) {
    out.insert(p.names.begin(), p.names.end());
    for (const auto& proto : p.synopsis.prototypes) out.insert(proto.name);
  }
  out.erase("");
  return out;
}

// Page titles name the pages in ids; a title read twice (two releases of one
// page in one run) is told apart by its file stem.
std::vector<std::string> page_names(const std::vector<model::Page>& pages) {
  std::map<std::string, int> seen;
  for (const auto& p : pages) ++seen[p.title];
  std::vector<std::string> out;
  for (const auto& p : pages) {
    std::string name = p.title;
    if (seen[p.title] > 1) {
      std::string stem = p.source.substr(p.source.find_last_of('/') + 1);
      stem = stem.substr(0, stem.find('.'));
      name += "@" + stem;
    }
    out.push_back(name);
  }
  return out;
}

}  // namespace

Catalogue extract(const std::vector<model::Page>& pages) {
  Catalogue cat;
  const auto functions = all_functions(pages);
  const auto names = page_names(pages);
  std::map<std::string, model::Prototype> prototypes;  // the first page declaring each function
  for (const auto& page : pages)
    for (const auto& p : page.synopsis.prototypes) prototypes.emplace(p.name, p);
  Coverage coverage;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& page = pages[i];
    Vocabulary vocab = vocabulary_of(page, functions);
    vocab.elsewhere = &prototypes;
    cat.pages.push_back({names[i], page.source, model::to_string(page.format), vocab.page_functions});
    PageTally& tally = coverage.page(names[i], page.source);
    auto claims = PageWalk(page, vocab, names[i]).run(tally);
    assign_ids(claims);
    cat.claims.insert(cat.claims.end(), claims.begin(), claims.end());
  }
  cat.coverage = coverage.to_json();
  return cat;
}

}  // namespace sslconf::claims
