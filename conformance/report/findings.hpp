// findings.md: what a run found, in a form to paste into an upstream issue
// tracker. Each divergence between a page and a library is shown once,
// however many results files (machines, CI jobs, implementations) show it:
// the sentence with its page and line, where it reproduces and where the
// library does what the page says, the standalone reproducer, and for
// defects of the pages themselves the lint's findings with their patch.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::report {

// The file name of a claim's standalone reproducer in `<out>/repro/`: the
// claim id with every byte outside [A-Za-z0-9._-] replaced by '_', ".c"
// appended ("SSL_free/null-noop/1" -> "SSL_free_null-noop_1.c").
std::string reproducer_file_name(const std::string& claim_id);

// A results file and the folder it was read from (its reproducers live in
// `<folder>/repro/`).
struct ResultsFile {
  nlohmann::json results;
  std::string folder;
};

// One implementation's outcome of a divergent claim.
struct Occurrence {
  std::string implementation;  // "openssl"
  std::string release;         // "OpenSSL 3.0.13 30 Jan 2024", what the library reports
  std::string outcome;
  std::string detail;
};

struct Divergence {
  std::string id, page, section, kind, text, source;
  std::vector<Occurrence> reproduces;  // FAIL
  std::vector<Occurrence> holds;       // PASS
  std::vector<Occurrence> unchecked;   // UNSUPPORTED, UNRESOLVED, UNTESTED
  std::string reproducer;              // path from the findings' folder, or empty
};

// Every claim some implementation FAILs, once, in the order of first sight.
// The project's own reference implementation is left out: its results say
// nothing of the library a maintainer ships. A reproducer is linked when
// the result names one ("reproducer", relative to its results file) or
// `repro/<reproducer_file_name>` exists beside the results file; the link
// is written relative to `findings_folder`.
std::vector<Divergence> divergences(const std::vector<ResultsFile>& files, const std::string& findings_folder);

// The lint's findings about pages (`sslconf lint --json`), and the unified
// diff that fixes the certain ones (`sslconf lint --patch`), for the
// "Documentation defects" part; either may be empty.
struct DocDefects {
  nlohmann::json lint = nlohmann::json::array();
  std::string patch;
};

std::string findings_markdown(const std::vector<Divergence>& found, const DocDefects& docs = {});

// The divergences as the dashboard's script reads them.
nlohmann::json to_json(const std::vector<Divergence>& found);

// Reads the files (InputError naming the file on bad JSON) and writes
// findings.md atomically.
void write_findings(const std::vector<std::string>& results_paths, const std::string& path,
                    const DocDefects& docs = {});

}  // namespace sslconf::report
