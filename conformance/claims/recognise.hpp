// Recognisers: one normalised sentence (or RETURN VALUES item) → findings,
// each a claim without its id and source. The patterns are a table
// (patterns.cpp, returns.cpp); this header is what the extractor and the
// unit tests see.
#pragma once

#include "claims/normalise.hpp"
#include "model/regex.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::claims {

struct Finding {
  std::string kind;
  std::vector<std::string> functions;  // subject first; empty: no function
  nlohmann::json params = nlohmann::json::object();
  bool checkable = true;
  std::string reason;  // set when !checkable
};

struct SentenceContext {
  const Vocabulary* vocab = nullptr;
  std::string section;  // head1 title, upper case: "DESCRIPTION", "RETURN VALUES"...
  std::string label;    // list item label, "" for a paragraph
  std::string carried;  // subject of the previous sentence of the block, or ""
  // The previous sentence of the block as written, or "": what a pronoun
  // object ("decrements it") may stand for.
  std::string previous;
  // The callback (a function-pointer parameter of a page setter) the block
  // named last: what "the callback" and "it" of a later sentence mean.
  std::string callback;
  // The label of the RETURN VALUES item an indented paragraph continues
  // ("<0" for "It can also occur when ..." after the item "<0"), or "".
  std::string continues_item;
};

// Every sentence gives at least one finding (a reasoned non-checkable one
// when nothing else applies). Deterministic: table order, then text order.
std::vector<Finding> recognise(const std::string& sentence, const SentenceContext& ctx);

// A RETURN VALUES list item: the label is the value ("NULL", "0", "> 0",
// "Pointer to an SSL_SESSION"), the text the condition. An item whose label
// is not a value is read as ordinary sentences by the caller (empty result).
std::vector<Finding> recognise_return_item(const std::string& label, const std::string& text,
                                           const SentenceContext& ctx);

// The function a sentence is about: a page function it names, else the
// carried subject, else the first function it names, else the only page
// function whose parameters it names; "" when none.
std::string subject_of(const Normalised& n, const SentenceContext& ctx);

// ---- shared by the pattern tables (patterns.cpp, returns.cpp) ----

// The parameter of `function` that `span` of the normalised text refers to:
// an ARG, a parameter name used as a word, a type the parameter has, or
// "result" for the returned object; "" when nothing fits.
std::string resolve_argument(const Normalised& n, std::size_t begin, std::size_t end,
                             const std::string& function, const Vocabulary& vocab);

// As resolve_argument, but never "result": rules about what may be passed
// (NULL rules) name a parameter.
std::string resolve_parameter(const Normalised& n, std::size_t begin, std::size_t end,
                              const std::string& function, const Vocabulary& vocab);

// Return-value statements: at most one group of findings (one per subject).
std::vector<Finding> recognise_returns(const Normalised& n, const SentenceContext& ctx);

// Parses an integer expectation: "NUM" (with its value) or a sign phrase.
// Returns null json when the phrase is not one.
nlohmann::json int_expectation(const std::string& phrase, const std::string& number);

// The page function that reads back what `function` sets, or the one that
// sets what it reads ("SSL_CTX_set_timeout" ↔ "SSL_CTX_get_timeout"); "" if none.
std::string counterpart(const std::string& function, const Vocabulary& vocab);

// Likeness and fixed-size predicates (likeness.cpp): behaves-like,
// length-is, releases-previous read from "<free>() is called for that X".
std::vector<Finding> likeness_findings(const Normalised& n, const SentenceContext& ctx, const std::string& subject);

// Predicates about a live connection and the objects around it
// (connection_rows.cpp): closes-direction, refuses-after, sends-alert,
// peer-may-send, reference-counted, same-parent, same-on-both-ends,
// full-handshake, part-of, per-object, and a kept object or a count dropped
// under a condition (keeps-settings, refcount-decrement).
std::vector<Finding> connection_findings(const Normalised& n, const SentenceContext& ctx, const std::string& subject);

// "This is also the case when C": C as written, or "" for another sentence.
std::string also_the_case(const std::string& sentence);

// The page setter one of whose parameters is the callback `callback`
// ("new_session_cb" → SSL_CTX_sess_set_new_cb); "" when none.
std::string callback_setter(const std::string& callback, const Vocabulary& vocab);

// The first callback a sentence names; "" when none.
std::string named_callback(const Normalised& n, const Vocabulary& vocab);

// Statements about the session cache and its callbacks (cache_rows.cpp).
std::vector<Finding> recognise_cache_rows(const Normalised& n, const SentenceContext& ctx, const std::string& subject);

// What versions a method constructor's connections speak (protocol_rows.cpp):
// protocol-only, negotiates-highest.
std::vector<Finding> recognise_protocol_rows(const Normalised& n, const SentenceContext& ctx);
// Statements about session lifetimes, ticket lifetime hints and defaults
// named by constants (session_rows.cpp).
std::vector<Finding> recognise_session_rows(const Normalised& n, const SentenceContext& ctx);

// A finding of `kind` about `functions` (empty names left out: a subject
// that could not be found), with its params.
Finding finding(const char* kind, std::vector<std::string> functions, nlohmann::json params = nlohmann::json::object());

// std::regex_search after a look for a literal the pattern needs: most
// sentences hold none of a recogniser's words, and are passed over without
// running the regex engine.
inline bool filtered_search(const std::string& text, std::smatch& m, const FilteredRegex& r) {
  return r.may_match(text) && std::regex_search(text, m, r.regex());
}
inline bool filtered_search(const std::string& text, const FilteredRegex& r) {
  return r.may_match(text) && std::regex_search(text, r.regex());
}

// Marks a finding not checkable when a required param could not be found.
void require(Finding& f, const char* param);

}  // namespace sslconf::claims
