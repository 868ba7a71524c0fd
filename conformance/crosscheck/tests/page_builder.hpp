// Hand-made pages for the cross-check tests: a well-formed page to start
// from, and small helpers to break exactly one rule at a time.
#pragma once

#include "model/page.hpp"

#include <string>
#include <vector>

namespace sslconf::crosscheck::test {

inline model::Sentence sentence(const std::string& text, int line) {
  return model::Sentence{text, {}, {"fixture.pod", line}};
}

inline model::Block paragraph(const std::vector<std::string>& sentences, int line) {
  model::Block b;
  b.loc = {"fixture.pod", line};
  for (const auto& s : sentences) {
    b.sentences.push_back(sentence(s, line));
    b.text += (b.text.empty() ? "" : " ") + s;
  }
  return b;
}

inline model::Section section(const std::string& title, int line, std::vector<model::Block> blocks = {}) {
  model::Section s;
  s.title = title;
  s.loc = {"fixture.pod", line};
  s.blocks = std::move(blocks);
  return s;
}

inline model::Prototype prototype(const std::string& return_type, const std::string& name,
                                  std::vector<model::Parameter> params, int line) {
  model::Prototype p;
  p.return_type = return_type;
  p.name = name;
  p.params = std::move(params);
  p.loc = {"fixture.pod", line};
  std::string args;
  for (const auto& a : p.params) args += (args.empty() ? "" : ", ") + a.type + (a.type.back() == '*' ? "" : " ") + a.name;
  p.text = return_type + (return_type.back() == '*' ? "" : " ") + name + "(" + (args.empty() ? "void" : args) + ");";
  return p;
}

inline model::Link link(const std::string& target, const std::string& man_section, int line) {
  model::Link k;
  k.text = target + "(" + man_section + ")";
  k.target = target;
  k.section = man_section;
  k.loc = {"fixture.pod", line};
  return k;
}

// A page that every lint rule accepts: SSL_SESSION_new and SSL_SESSION_free,
// every section in place, links to itself and to ssl(7).
inline model::Page good_page() {
  model::Page p;
  p.source = "fixture.pod";
  p.title = "SSL_SESSION_new";
  p.manual_section = "3";
  p.names = {"SSL_SESSION_new", "SSL_SESSION_free"};
  p.purpose = "create and free SSL_SESSION objects";
  p.name_loc = {"fixture.pod", 4};
  p.synopsis.includes = {"openssl/ssl.h"};
  p.synopsis.prototypes = {prototype("SSL_SESSION *", "SSL_SESSION_new", {}, 10),
                           prototype("void", "SSL_SESSION_free", {{"SSL_SESSION *", "session", false}}, 11)};
  p.sections.push_back(section("NAME", 3, {paragraph({"SSL_SESSION_new, SSL_SESSION_free - create and free SSL_SESSION objects"}, 4)}));
  p.sections.push_back(section("SYNOPSIS", 7));
  p.sections.push_back(section("DESCRIPTION", 14, {paragraph({"SSL_SESSION_new() creates a new session and returns a pointer to it.",
                                                              "SSL_SESSION_free() releases one reference to the session."}, 16)}));
  p.sections.push_back(section("RETURN VALUES", 20, {paragraph({"SSL_SESSION_new() returns a pointer to the new session or NULL on error."}, 22)}));
  model::Section see_also = section("SEE ALSO", 25, {paragraph({"ssl(7), SSL_SESSION_free(3)"}, 27)});
  see_also.blocks[0].links = {link("ssl", "7", 27), link("SSL_SESSION_free", "3", 27)};
  p.see_also = see_also.blocks[0].links;
  p.sections.push_back(see_also);
  p.sections.push_back(section("HISTORY", 30, {paragraph({"SSL_SESSION_new() was added in OpenSSL 1.1.0."}, 32)}));
  p.history.push_back({"SSL_SESSION_new() was added in OpenSSL 1.1.0.", {"SSL_SESSION_new"}, "1.1.0", {"fixture.pod", 32}});
  p.sections.push_back(section("COPYRIGHT", 35, {paragraph({"Copyright the authors."}, 37)}));
  return p;
}

inline model::Section* find_section(model::Page& p, const std::string& title) {
  for (auto& s : p.sections)
    if (s.title == title) return &s;
  return nullptr;
}

}  // namespace sslconf::crosscheck::test
