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

}  // namespace sslconf::checks
