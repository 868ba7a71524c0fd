// The configure-time prototype probes as the checks see them.
#pragma once

#include <optional>
#include <string>

namespace sslconf::checks {

struct Probe {
  std::string status;      // absent | documented | compatible | different; present | unknown (presence only)
  std::string documented;  // the page's declaration, as the compiler spells it
  std::string actual;      // the library's, where it could be read
  std::string detail;
  int returns_void = -1;   // 1 void, 0 a value, -1 unknown
  // The release the page's HISTORY says this declaration's types changed
  // in ("" when it says nothing), and that HISTORY sentence.
  std::string changed_release;
  std::string changed_text;
  // Absent from the headers the pages include, but named by another header
  // of the library: not known to be absent from the library.
  bool elsewhere = false;
};

// nullptr when no page of this suite gave the function a SYNOPSIS line or
// a release line (added, removed, deprecated) naming it. A name with only
// a release line has status present, absent or unknown.
const Probe* probe_for(const std::string& function);

// An upper-case name the claims mention (SSL_SESS_CACHE_SERVER,
// TLS1_3_VERSION), as the headers under test define it.
struct Constant {
  int defined = -1;                // 1 defined, 0 not defined, -1 cannot tell
  std::optional<long long> value;  // its integer value, when it is one
  std::string detail;
};

// nullptr when the configure-time probe did not look at the name.
const Constant* constant_for(const std::string& name);

// The integer value of a constant in the headers under test: the
// configure-time probe's, else the harness's own table; nullopt when
// neither knows one.
std::optional<long long> constant_value(const std::string& name);
bool constant_value(const std::string& name, long long& value);

// The reason a constant has no value: "the headers under test define no X"
// when the probe found it undefined, else "no value known for X".
std::string no_value_reason(const std::string& name);

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
