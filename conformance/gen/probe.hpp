// Configure-time prototype probes: for each function with a SYNOPSIS line,
// is it declared by the implementation's headers, and how. Statuses:
//   absent      no declaration and no macro of that name
//   documented  declared with exactly the documented type
//   compatible  callable with the documented argument types and returning
//               the documented type (const added to a pointer parameter, a
//               function-like macro, an integer parameter of another width)
//   different   declared, but not callable as documented or returning
//               another type; `actual` shows the library's declaration
//   unknown     the probe could not test this name against these headers
//   unchecked   declared; the page's types are not compared (a function
//               type with an empty parameter list: unspecified in C)
// A probe failure is a status, never a stopped build: the probe program is
// compiled as a whole; each compiler error is laid at the prototype whose
// lines it points at, which is compared no further (or, if even its
// presence test fails, left unknown), and the rest compile again.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::gen {

struct Compiler {
  std::string cxx;                 // the C++ compiler
  std::vector<std::string> flags;  // -I, -D, -include ... for the libssl under test
  std::string work_dir;            // scratch folder for probe sources
};

// The probes.json document (schema 1): {"schema", "functions": {name: {status,
// documented, actual, macro, returns_void, detail}}, "deprecated": {name:
// {marked: true | false | null (cannot tell), declared (false when the
// headers lack the name), detail}}} — "deprecated" holds every function a
// version-deprecated claim names, prototype or not; "headers": the headers
// the pages' SYNOPSIS lines include, which every probe included.
// Also "presence": {name: {status: present | absent | unknown}} for every
// name a version-added, -removed or -deprecated claim names without a
// SYNOPSIS line; "constants": {NAME: {defined, value (integer or null),
// detail}} for the upper-case names the claims mention; a function's
// "changed": {release, text} when its page's HISTORY says its types changed
// in that release; "fingerprint": probe_fingerprint of the inputs.
nlohmann::json run_probes(const nlohmann::json& catalogue, const Compiler& compiler);

// What the probe results depend on (the names and declarations probed, the
// headers, the compiler and flags), as a short hex string: results with
// another fingerprint belong to other pages and must not be used.
std::string probe_fingerprint(const nlohmann::json& catalogue, const Compiler& compiler);

// At most `n` bytes of `s`, never ending inside a UTF-8 sequence: compilers
// quote names with typographic quotes, and half of one is not JSON text.
std::string cut(const std::string& s, std::size_t n);

// The C++ source that installs the probe results in the suite binary.
std::string probe_table_source(const nlohmann::json& probes);

}  // namespace sslconf::gen
