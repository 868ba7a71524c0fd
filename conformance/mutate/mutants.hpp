// The mutant set of `sslconf mutate`: single, realistic bugs seeded into one
// source file of libsslref each, described as an exact find/replace.
//
// File format (reference/mutants/*.mutants), one block per mutant:
//   == <id>
//   file: src/session.cpp            relative to the reference folder
//   functions: SSL_SESSION_dup ...   the exported calls whose behaviour changes
//   about: <one line: the bug it seeds>
//   find: <text>                     repeated lines are joined with newlines
//   replace: <text>                  (may be empty: the text is deleted)
//   ci: yes                          optional: part of the bounded CI subset
//   equivalent: <reason>             optional: no observable difference
// Blank lines and lines starting with '#' between blocks are comments.
#pragma once

#include <string>
#include <vector>

namespace sslconf::mutate {

struct Mutant {
  std::string id;
  std::string file;                    // relative to the reference folder
  std::vector<std::string> functions;  // what the mutated code implements
  std::string about;
  std::string find, replace;
  bool ci = false;
  std::string equivalent;  // non-empty: documented as not observable, and why
  std::string source;      // file:line of the "==" line
};

// Parses one mutant file; model::InputError (file:line) on bad input.
std::vector<Mutant> parse_mutants(const std::string& text, const std::string& file);

// Every *.mutants file of a folder, in name order; ids must be unique.
std::vector<Mutant> load_mutants(const std::string& dir);

// The source text with the mutant applied; model::InputError at the mutant
// when its find text does not occur exactly once.
std::string apply_mutant(const Mutant& m, const std::string& original);

}  // namespace sslconf::mutate
