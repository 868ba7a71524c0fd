// `sslconf claims DOCS... [-o FILE]`: read the pages, extract the claims,
// write claims.json (stdout when -o is not given) and report coverage on
// stderr. Bad input: one "file:line: error: message" line, status 2; a page
// the reader rejects costs that page only: the catalogue holds the others,
// and the status is 2 at the end. With no page read, nothing is written.
#include "claims/coverage.hpp"
#include "claims/extract.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

namespace sslconf::tool {

namespace {

struct ClaimsOptions {
  std::vector<std::string> docs;
  std::string output;
  bool quiet = false;
};

void write_catalogue(const claims::Catalogue& catalogue, const std::string& output) {
  if (output.empty()) {
    claims::write_json(std::cout, catalogue);
    std::cout << '\n';
    return;
  }
  // Written whole to a temporary name first, so a failed run leaves no
  // half-written catalogue under the requested name.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    claims::write_json(out, catalogue);
    out << '\n';
    if (!out) {
      std::cerr << output << ": error: cannot write the catalogue\n";
      throw CLI::RuntimeError(kBadInput);
    }
  }
  if (std::rename(partial.c_str(), output.c_str()) != 0) {
    std::cerr << output << ": error: cannot write the catalogue\n";
    throw CLI::RuntimeError(kBadInput);
  }
}

void run_claims(const ClaimsOptions& o) {
  auto read = reader::read_pages(o.docs);  // InputError (a missing argument): reported by main, status 2
  const bool rejected = reader::report_rejected(read, std::cerr) > 0;
  if (read.pages.empty() && rejected) throw CLI::RuntimeError(kBadInput);
  const claims::Catalogue catalogue = claims::extract(read.pages);
  const std::size_t pages_read = read.pages.size();
  read.pages = {};  // the catalogue needs them no more: a whole manual's models are freed before writing
  write_catalogue(catalogue, o.output);
  std::cerr << claims::coverage_report(catalogue.coverage, !o.quiet);
  if (rejected) {
    std::cerr << "sslconf claims: error: " << read.rejected.size() << " page(s) rejected; the catalogue holds the "
              << pages_read << " other(s)\n";
    throw CLI::RuntimeError(kBadInput);
  }
}

}  // namespace

void add_claims_command(CLI::App& app) {
  auto options = std::make_shared<ClaimsOptions>();
  auto* cmd = app.add_subcommand("claims", "Extract the claims of manual pages (claims.json)");
  cmd->add_option("docs", options->docs, "Pages or folders of pages")->required();
  cmd->add_option("-o,--output", options->output, "Write claims.json here (default: stdout)");
  cmd->add_flag("-q,--quiet", options->quiet, "Coverage totals only, no per-page lines");
  cmd->callback([options] { run_claims(*options); });
}

}  // namespace sslconf::tool
