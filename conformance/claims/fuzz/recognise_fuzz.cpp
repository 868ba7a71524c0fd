// libFuzzer target: any text as a sentence of DESCRIPTION and RETURN VALUES
// and as a RETURN VALUES item (first line the label). The recognisers must
// give at least one finding for a sentence and never crash.
#include "claims/recognise.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

sslconf::claims::Vocabulary make_vocabulary() {
  sslconf::model::Page page;
  page.names = {"SSL_SESSION_new", "SSL_SESSION_up_ref", "SSL_SESSION_free"};
  sslconf::model::Prototype up_ref;
  up_ref.return_type = "int";
  up_ref.name = "SSL_SESSION_up_ref";
  up_ref.params = {{"SSL_SESSION *", "ses", false}};
  sslconf::model::Prototype free_fn;
  free_fn.return_type = "void";
  free_fn.name = "SSL_SESSION_free";
  free_fn.params = {{"SSL_SESSION *", "session", false}};
  page.synopsis.prototypes = {up_ref, free_fn};
  return sslconf::claims::vocabulary_of(page, {"SSL_free", "SSL_CTX_flush_sessions"});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sslconf::claims::Vocabulary vocab = make_vocabulary();
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* section : {"DESCRIPTION", "RETURN VALUES", "HISTORY"}) {
    const sslconf::claims::SentenceContext ctx{&vocab, section, "", "SSL_SESSION_free", "", "", ""};
    if (sslconf::claims::recognise(text, ctx).empty()) std::abort();  // every sentence lands
  }
  const auto newline = text.find('\n');
  // The same text as a list item's sentence, labelled by its first line and
  // with no carried subject: the clause grammar's label and pronoun paths.
  const sslconf::claims::SentenceContext labelled{&vocab, "DESCRIPTION", text.substr(0, newline), "", "", "", ""};
  if (sslconf::claims::recognise(newline == std::string::npos ? text : text.substr(newline + 1), labelled).empty())
    std::abort();
  const sslconf::claims::SentenceContext item{&vocab, "RETURN VALUES", "", "", "", "", ""};
  sslconf::claims::recognise_return_item(text.substr(0, newline),
                                         newline == std::string::npos ? "" : text.substr(newline + 1), item);
  // The rest as a paragraph continuing the item labelled by the first line.
  const sslconf::claims::SentenceContext continued{&vocab, "RETURN VALUES", "", "", "", "", text.substr(0, newline)};
  if (sslconf::claims::recognise(newline == std::string::npos ? text : text.substr(newline + 1), continued).empty())
    std::abort();
  return 0;
}
