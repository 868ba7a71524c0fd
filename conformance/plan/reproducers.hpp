// Reproducers of the FAILs a suite run found with derived scenarios: for
// each FAIL whose check ran plans, one C program with those plans and the
// page's expectation of each (plan/c_program.hpp), written under a folder.
#pragma once

#include "plan/plan.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::plan {

// The C condition over `o` (struct sslconf_obs *) that holds when a plan's
// observation is what the claim says, and the page's value in words; empty
// when the claim's kind has no expectation a program can test.
std::pair<std::string, std::string> expectation(const nlohmann::json& claim, const Procedure& part);

// The whole reproducer of one claim from the plans its check ran.
std::string reproducer_of(const nlohmann::json& claim, const std::vector<Procedure>& ran);

// Reads the records a suite run left (one JSON line per FAIL: id, plans),
// writes the reproducer of each FAIL of `results` into `dir` (named by
// report::reproducer_file_name, where findings.md links them); returns the
// files written.
std::vector<std::string> write_reproducers(const nlohmann::json& catalogue, const nlohmann::json& results,
                                           const Plans& plans, const std::string& records, const std::string& dir);

}  // namespace sslconf::plan
