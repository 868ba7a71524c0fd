// Scenario plans: what a check does to exercise one function, as data. A
// plan names the objects it needs (made by the object model), the calls it
// makes, and what it observes; the same plan is printed as C twice, once
// compiled into the suite against the library under test, once as a
// standalone reproducer a maintainer can build without this project.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::plan {

// An object the plan needs: a C variable made by an expression of the
// object model ("sslconf_make_ctx(SSLCONF_CTX_SERVER)") in a state the
// pages speak of ("a new server context").
struct Object {
  std::string var;
  std::string type;   // "SSL_CTX *"
  std::string make;   // C expression
  std::string state;  // words for the reader of a report
};

// One call. `var` empty: the result is not kept. `args` are C expressions.
struct Step {
  std::string var;
  std::string type;  // the declared return type, as the page writes it
  std::string call;
  std::vector<std::string> args;
};

// What the plan reports. value: the integer or pointer in `of`. compare:
// `of` against `against` with `op` (eq, has-bits, same-object, text), after
// `confirm` (when set) showed the library took the value it was given.
struct Observation {
  std::string what = "value";  // value | compare | none
  std::string of;
  std::string op;
  std::string against;
  std::string confirm;       // C expression that must equal `against` first ("" none)
  std::string describe;      // "returned %lld, set %lld" style words for the observation
};

struct Procedure {
  std::string id;        // "SSL_CTX_set_timeout/previous/0": unique in a plan set
  std::string function;  // the function the plan exercises
  std::string part;      // success | with_null | case | previous | current | sets
  std::vector<std::string> conditions;  // for a case: the vocabulary classes or words it realises
  std::vector<Object> objects;
  std::vector<std::string> buffers;  // C declarations of buffers the calls write into
  std::vector<Step> steps;
  Observation observe;
  bool vouched = true;   // false: a value was guessed, so a contradiction is not a FAIL
  std::string guess;     // what was guessed
  std::string situation; // "a new server context; ctx NULL"
  int variant = 0;       // successive situations of one part (success tried on several)
};

struct FunctionPlan {
  std::string function;
  std::string page;
  std::vector<Procedure> parts;
  std::string unplanned;  // why nothing could be planned ("no way to make an X509_STORE")
};

struct Plans {
  std::vector<FunctionPlan> functions;
};

nlohmann::json to_json(const Procedure& p);
Procedure procedure_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Plans& p);
Plans plans_from_json(const nlohmann::json& j);

// The functions a procedure calls (steps and makers excluded).
std::vector<std::string> called_functions(const Procedure& p);

}  // namespace sslconf::plan
