// The configure-time prototype probes as the checks see them.
#pragma once

#include <string>

namespace sslconf::checks {

struct Probe {
  std::string status;      // absent | documented | compatible | different
  std::string documented;  // the page's declaration, as the compiler spells it
  std::string actual;      // the library's, where it could be read
  std::string detail;
  int returns_void = -1;   // 1 void, 0 a value, -1 unknown
};

// nullptr when no page of this suite gave the function a SYNOPSIS line.
const Probe* probe_for(const std::string& function);

// Whether the headers mark a function deprecated (probed for every function
// a version-deprecated claim names).
struct Deprecation {
  int marked = -1;        // 1 marked, 0 declared without a mark, -1 cannot tell
  bool declared = true;   // false: the headers the pages name lack it
  std::string detail;
};

// nullptr when no claim of this suite called the function deprecated.
const Deprecation* deprecation_for(const std::string& function);

}  // namespace sslconf::checks
