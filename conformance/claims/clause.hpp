// The clause grammar: a normalised sentence read as
//   [adjunct, ...] SUBJECT [adverbs] VERB-GROUP [COMPLEMENT] [CONDITION]
// without a table of wordings. The subject is a function list, a collective
// ("these functions", "both"), a pronoun, a noun phrase ("the session id
// context", "SSL_SESSION objects"), a gerund phrase ("Freeing the SSL_CTX")
// or, for an imperative, absent. The verb is found by its form: an
// auxiliary or copula, or a verb of the lexicon (clause.cpp) in a form that
// agrees with the subject. Conditions are the "if/when/unless/once/in case"
// clauses before or after the main clause, and scope adjuncts that open the
// sentence ("In TLSv1.3, ...", "For TLSv1.2, ...").
#pragma once

#include "claims/normalise.hpp"

#include <optional>
#include <string>

namespace sslconf::claims {

enum class SubjectKind { functions, collective, pronoun, noun, gerund, imperative };

struct Clause {
  SubjectKind subject_kind = SubjectKind::noun;
  std::size_t subject_begin = 0;  // [begin, end) of Normalised::text; empty for an imperative
  std::size_t subject_end = 0;
  std::size_t verb_begin = 0;     // where the verb group starts
  std::string predicate;          // the verb group, normalised ("is not synchronized", "looks")
  std::string condition;          // the condition clause as written (placeholders put back), or ""
  // A topic the sentence opens with before a colon ("Server mode: the
  // server sends ...", "CERT_PKEY_SIGN: the EE key can be used ..."), as
  // written, or "". A topic naming a mode or side is also the condition.
  std::string topic;
};

// The main clause of `n`, or nothing when no subject and verb are found.
std::optional<Clause> parse_clause(const Normalised& n);

// True when `word` is a form of a verb of the lexicon ("keeps", "kept",
// "inherits"); auxiliaries excluded.
bool is_lexicon_verb(const std::string& word);

// True when the sentence has a word that can be a finite verb: an
// auxiliary or copula, or a verb of the lexicon in a finite form. A
// sentence with none is a phrase ("Textual representation of the cipher
// name."), which states nothing a check could try.
bool has_finite_verb(const Normalised& n);

}  // namespace sslconf::claims
