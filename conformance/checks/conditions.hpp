// Conditions: when a documented value applies. A page's condition text
// ("the session was not found in the cache") is read into classes of a
// small vocabulary (not-in-cache); a scenario case declares the classes (or
// free words) it realises. A check runs a case only when the page's own
// condition selects it, so every verdict rests on the page's words.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace sslconf::checks {

// The vocabulary classes a condition text belongs to (none, one or more).
// "success" only when the text names no failure.
std::set<std::string> condition_classes(const std::string& text);

// Whether `key` (a vocabulary class or free words) describes the condition
// `text`: the class is among the text's classes, or the words occur in it.
// `negated` is set when the words occur right after a negation ("the
// session is not resumable" against "resumable").
bool condition_names(const std::string& text, const std::string& key, bool& negated);

// A failure stated with no cause ("The operation failed; check the error
// stack"): nothing the suite could set up to make it happen.
bool is_bare_failure(const std::string& text);

// Whether a name is a class of the vocabulary (else it is free words).
bool is_condition_class(const std::string& key);

}  // namespace sslconf::checks
