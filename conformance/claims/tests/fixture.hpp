// Hand-made page vocabularies for the recogniser tests: the functions and
// prototypes of the SSL_SESSION pages, without reading any file.
#pragma once

#include "claims/recognise.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sslconf::claims::test {

inline model::Prototype proto(const std::string& ret, const std::string& name,
                              std::vector<std::pair<std::string, std::string>> params) {
  model::Prototype p;
  p.return_type = ret;
  p.name = name;
  for (auto& [type, arg] : params) p.params.push_back({type, arg, false});
  p.text = ret + " " + name + "(...);";
  return p;
}

inline Vocabulary vocabulary(const std::vector<model::Prototype>& protos) {
  model::Page page;
  for (const auto& p : protos) page.names.push_back(p.name);
  page.synopsis.prototypes = protos;
  return vocabulary_of(page, {"SSL_free", "SSL_clear", "SSL_CTX_flush_sessions", "SSL_get1_session",
                              "SSL_CTX_set_session_cache_mode", "d2i_SSL_SESSION", "SSL_SESSION_free"});
}

// SSL_SESSION_new(3) of 1.1.1.
inline const Vocabulary& session_page() {
  static const Vocabulary v = vocabulary({
      proto("SSL_SESSION *", "SSL_SESSION_new", {}),
      proto("SSL_SESSION *", "SSL_SESSION_dup", {{"const SSL_SESSION *", "src"}}),
      proto("int", "SSL_SESSION_up_ref", {{"SSL_SESSION *", "ses"}}),
      proto("void", "SSL_SESSION_free", {{"SSL_SESSION *", "session"}}),
  });
  return v;
}

// SSL_get_session(3).
inline const Vocabulary& get_session_page() {
  static const Vocabulary v = vocabulary({
      proto("SSL_SESSION *", "SSL_get_session", {{"const SSL *", "ssl"}}),
      proto("SSL_SESSION *", "SSL_get0_session", {{"const SSL *", "ssl"}}),
      proto("SSL_SESSION *", "SSL_get1_session", {{"SSL *", "ssl"}}),
  });
  return v;
}

// SSL_CTX_add_session(3).
inline const Vocabulary& add_session_page() {
  static const Vocabulary v = vocabulary({
      proto("int", "SSL_CTX_add_session", {{"SSL_CTX *", "ctx"}, {"SSL_SESSION *", "c"}}),
      proto("int", "SSL_CTX_remove_session", {{"SSL_CTX *", "ctx"}, {"SSL_SESSION *", "c"}}),
  });
  return v;
}

// d2i_SSL_SESSION(3).
inline const Vocabulary& encoding_page() {
  static const Vocabulary v = vocabulary({
      proto("SSL_SESSION *", "d2i_SSL_SESSION", {{"SSL_SESSION **", "a"}, {"const unsigned char **", "pp"}, {"long", "length"}}),
      proto("int", "i2d_SSL_SESSION", {{"SSL_SESSION *", "in"}, {"unsigned char **", "pp"}}),
  });
  return v;
}

inline std::vector<Finding> recognise_in(const Vocabulary& v, const std::string& sentence,
                                         const std::string& section = "DESCRIPTION",
                                         const std::string& carried = "",
                                         const std::string& label = "", const std::string& previous = "") {
  return recognise(sentence, SentenceContext{&v, section, label, carried, previous, "", ""});
}

// The first finding of `kind`, or nothing.
inline std::optional<Finding> find_kind(const std::vector<Finding>& fs, const std::string& kind) {
  for (const auto& f : fs)
    if (f.kind == kind) return f;
  return std::nullopt;
}

inline std::vector<std::string> kinds(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.kind);
  return out;
}

}  // namespace sslconf::claims::test
