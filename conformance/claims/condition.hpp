// The condition part of a statement: the clause that says when a stated
// value or effect holds ("if the session is actually identical", "on error",
// "when ssl is NULL"), and its normalised class, so that a check runs a
// scenario only when the page says which one applies.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::claims {

// The normalised class of a condition as written:
//   "success", "failure", "null-argument", "identical-object",
//   "already-present", "not-found", "otherwise", or "named:<words>" (the
//   condition's own words, lower case, for a condition no class covers).
// "" for an empty condition.
std::string when_class(const std::string& condition);

// The part of a condition that concerns `function` when the text speaks of
// several operations ("In case of the add operation, ...; in case of the
// remove operation, ..."): sentences about another operation are left out.
std::string condition_for(const std::string& condition, const std::string& function);

// The leading condition clause of a normalised sentence ("if X, ...",
// "when X, ...", "unless X, ...", "in case of X, ...", "on error, ..."),
// without its introducing word ("unless" stays: "unless X"); "" when the
// sentence opens with none. `length`, when given, receives where the clause ends.
std::string leading_condition(const std::string& text, std::size_t* length = nullptr);

// The situations a condition names, for a scenario to set up: classes of
// the condition vocabulary (the names checks/conditions.hpp uses where it
// has one), in text order, none repeated. "null-argument", "no-handshake"
// (before the handshake), "handshake-started", "after-handshake",
// "server-side", "client-side", "value-not-set", "too-long",
// "out-of-range", "missing-file", "unknown-version", "malformed-input",
// "no-peer-certificate", "no-callback", "no-session", "out-of-memory",
// "tls13", "success", "failure", "otherwise". `argument` receives the
// parameter (one of `parameters`) a null-argument condition names, or "".
std::vector<std::string> condition_classes_of(const std::string& condition, const std::vector<std::string>& parameters,
                                              std::string& argument);

// Adds `classes` (and `condition_argument` for a NULL parameter) next to a
// `condition` param; nothing when there is none or no class applies.
void structure_condition(nlohmann::json& params, const std::vector<std::string>& parameters);

// Adds `when` next to a `condition` param (and nothing when there is none).
void classify_condition(nlohmann::json& params, const std::string& function);

}  // namespace sslconf::claims
