// A sentence with its particulars abstracted, so one pattern covers many
// wordings: function references become FUNC, the page's argument names ARG,
// integers NUM, release numbers VER; NULL stays NULL; other words are
// lower-cased; identifiers such as SSL_SESSION or SSL_SESS_CACHE_CLIENT stay
// as written. What was replaced is kept, in order, with its position.
#pragma once

#include "model/page.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sslconf::claims {

// What the recognisers know about the page a sentence belongs to.
struct Vocabulary {
  std::set<std::string> functions;       // every function the pages read name
  std::vector<std::string> page_functions;  // this page: NAME, then SYNOPSIS
  std::map<std::string, model::Prototype> prototypes;  // this page, by name
  std::set<std::string> arguments;       // parameter names of this page
  // Prototypes of every page read (null: only this page's): a statement
  // about an object ("the SSL structure is freed") names its free function,
  // which another page may declare.
  const std::map<std::string, model::Prototype>* elsewhere = nullptr;

  bool on_page(const std::string& f) const;
  const model::Prototype* prototype(const std::string& f) const;
  // This page's prototype of f, else another page's; null when none is known.
  const model::Prototype* any_prototype(const std::string& f) const;
};

// A placeholder's value and where it sits in Normalised::text.
struct Slot {
  std::string value;
  std::size_t pos = 0;
};

struct Normalised {
  std::string text;
  std::vector<Slot> functions;   // FUNC
  std::vector<Slot> arguments;   // ARG
  std::vector<Slot> numbers;     // NUM (value as written: "1", "-1", "0")
  std::vector<Slot> versions;    // VER
  std::vector<Slot> constants;   // upper-case identifiers kept in the text

  // The values of the slots lying in [begin, end) of text.
  static std::vector<std::string> within(const std::vector<Slot>& slots,
                                         std::size_t begin, std::size_t end);

  // [begin, end) of text with each placeholder put back to its value
  // (FUNC → the function's name, ARG → the argument, NUM → the number):
  // a condition quoted from the sentence reads as the page wrote it.
  std::string restore(std::size_t begin, std::size_t end) const;
};

Normalised normalise(const std::string& sentence, const Vocabulary& vocab);

// The vocabulary of one page; `all_functions` are the names of every page read.
Vocabulary vocabulary_of(const model::Page& page, const std::set<std::string>& all_functions);

}  // namespace sslconf::claims
