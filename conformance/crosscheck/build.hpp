// Gathering the four cross-checks for one documentation set, as
// `sslconf crosscheck` and `scripts/conform` (out/crosscheck.html) do.
#pragma once

#include "claims/claim.hpp"
#include "crosscheck/report.hpp"
#include "model/page.hpp"

#include <string>
#include <vector>

namespace sslconf::crosscheck {

// Another documentation set to compare with: a release, a format.
struct OtherDocs {
  std::string label;               // "OpenSSL 3 manual (/usr/share/man)"
  std::vector<std::string> paths;  // files or folders, read as one set
};

// The generated suite's probe results for one implementation
// (out/probes-<impl>.json): page against header as the suite compiled it.
struct ProbesFile {
  std::string implementation;
  std::string path;
};

struct CrosscheckInputs {
  std::string docs_label;               // "pod", as the user named it
  std::vector<model::Page> pages;       // already read
  claims::Catalogue catalogue;          // their claims (already extracted)
  std::vector<OtherDocs> compare_with;       // each compared with `pages` (other → these)
  std::vector<ProbesFile> probes;            // page against header from the suite's probes (preferred)
  std::vector<std::string> implementations;  // page against header by preprocessing: reference, openssl,
                                             // boringssl, wolfssl, PREFIX (when there are no probes)
  std::vector<std::string> results_files;    // results-<impl>.json
  std::vector<std::string> man_dirs;         // link targets for lint; empty: /usr/share/man
  std::string project_dir;                   // where reference/include is
};

// "probes-boringssl.json" → "boringssl"; other names → the file stem.
std::string implementation_of_probes_file(const std::string& path);

// Runs lint, page against page, page against header and page against
// behaviour. A part that cannot run (a header that does not preprocess, an
// unreadable results file) is named in `notes` and the rest still runs.
CrosscheckReport build_crosscheck_report(const CrosscheckInputs& inputs);

// The installed manual pages (man3/<name>.3*) of the functions `pages`
// document, for comparing a project's pages with the system's release.
// Symbolic links (one page file serving several names) are read once.
OtherDocs installed_pages_for(const std::vector<model::Page>& pages, const std::string& man_dir = "/usr/share/man");

// True when the report holds anything a maintainer must act on: lint
// findings, page differences, header declarations that differ or are
// missing, contradicted claims. (Compatible declarations are not.)
bool has_differences(const CrosscheckReport& report);

}  // namespace sslconf::crosscheck
