// A documentation finding: one line "file:line: warning|error: message [check]".
//
// Lint and the page-against-header comparison report through this one shape,
// the shape of model::InputError, so editors and CI parse every tool alike.
#pragma once

#include "model/diagnostic.hpp"
#include "model/page.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::crosscheck {

enum class Severity { warning, error };

struct Finding {
  model::SourceLocation loc;
  Severity severity = Severity::warning;
  std::string check;    // stable identifier of the rule: "repeated-word", ...
  std::string message;  // one sentence, no trailing period
  // What the finding is about, as an accepted-exceptions entry names it:
  // the symbol, link target, repeated word or release; empty for page-wide
  // findings (a missing section names the section).
  std::string subject;
  // What `subject` should read instead when that is certain ("/NOTES" for
  // the page link NOTES, "the" for "the the"): `lint --patch` writes it.
  // Empty when the fix needs a person.
  std::string fix;

  std::string str() const {
    return model::InputError::format(loc, message + " [" + check + "]",
                                     severity == Severity::error ? "error" : "warning");
  }
};

inline nlohmann::json to_json(const Finding& f) {
  nlohmann::json j{{"source", f.loc.str()},
                   {"severity", f.severity == Severity::error ? "error" : "warning"},
                   {"check", f.check},
                   {"message", f.message}};
  if (!f.subject.empty()) j["subject"] = f.subject;
  if (!f.fix.empty()) j["fix"] = f.fix;
  return j;
}

}  // namespace sslconf::crosscheck
