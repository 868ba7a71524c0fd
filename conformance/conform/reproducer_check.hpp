// Reproducers checked against the implementations of a run: each program is
// built with its one compiler line against every implementation whose build
// allows it, and run; its exit status must agree with the suite's verdict
// there (FAIL: 1, PASS: 0).
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace sslconf::conform {

// The compiler arguments that build a reproducer against the library of a
// suite build folder (`kind`: openssl, boringssl, wolfssl, prefix,
// reference), or empty with `why` set.
std::vector<std::string> reproducer_build_flags(const std::string& build_dir, const std::string& kind,
                                                const std::string& prefix, std::string& why);

struct ReproducerTarget {
  std::string name;                 // the implementation's name in the run
  const nlohmann::json* results = nullptr;
  std::vector<std::string> flags;   // empty: not buildable (why)
  std::string why;
};

struct ReproducerTally {
  int programs = 0, built = 0, agree = 0, disagree = 0, not_built = 0;
};

// Builds and runs every reproducer in `dir` against each target; writes a
// line per target and per disagreement to `report`. `work` holds binaries.
ReproducerTally check_reproducers(const std::string& dir, const std::vector<ReproducerTarget>& targets,
                                  const std::string& work, std::ostream& report);

}  // namespace sslconf::conform
