// sslconf lint and sslconf crosscheck.
#include "claims/extract.hpp"
#include "crosscheck/build.hpp"
#include "crosscheck/lint.hpp"
#include "crosscheck/patch.hpp"
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

namespace sslconf::tool {

namespace {

using namespace sslconf::crosscheck;

// Man directories whose pages count as link targets; a missing one is skipped.
void add_man_dir_option(CLI::App* cmd, std::vector<std::string>& dirs) {
  cmd->add_option("--man-dir", dirs,
                  "Folder of installed manual pages (manN/...) that links may name; default /usr/share/man")
      ->type_name("DIR")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

LintOptions lint_options(const std::vector<std::string>& man_dirs, bool no_man) {
  LintOptions o;
  if (!no_man) o.known_pages.add_man_directories(man_dirs.empty() ? std::vector<std::string>{"/usr/share/man"} : man_dirs);
  return o;
}

// A page the reader rejects is reported and costs that page only; the
// command goes on with the others and exits 2 at the end (`rejected`).
std::vector<model::Page> read_or_fail(const std::vector<std::string>& docs, bool& rejected,
                                      std::vector<std::string>* rejected_files = nullptr) {
  try {
    auto read = reader::read_pages(docs);
    if (reader::report_rejected(read, std::cerr) > 0) rejected = true;
    if (rejected_files != nullptr)
      for (const auto& e : read.rejected) rejected_files->push_back(e.where().file);
    return std::move(read.pages);
  } catch (const model::InputError& e) {
    std::cerr << e.what() << '\n';
    throw CLI::RuntimeError(kBadInput);
  }
}

DocSet read_doc_set(const std::string& docs, bool& rejected) {
  DocSet d;
  d.label = docs;
  d.pages = read_or_fail({docs}, rejected);
  d.catalogue = claims::extract(d.pages);
  return d;
}

// The source tree this tool was built from: where reference/include lives.
std::string project_dir() { return SSLCONF_PROJECT_DIR; }

struct CrosscheckArgs {
  std::vector<std::string> docs;
  std::vector<std::string> implementations;
  std::vector<std::string> results;
  std::vector<std::string> probes;
  std::vector<std::string> man_dirs;
  std::string html;
  bool json = false;
  bool lint = false;
  bool installed = false;
  bool rejected = false;  // set when a page of any DOCS was rejected
};

CrosscheckReport run_crosscheck(CrosscheckArgs& a) {
  CrosscheckReport report;
  std::vector<DocSet> sets;
  for (const auto& d : a.docs) sets.push_back(read_doc_set(d, a.rejected));
  report.docs = a.docs.front();
  if (a.lint || !a.html.empty()) report.lint = lint(sets.front().pages, lint_options(a.man_dirs, false));
  for (std::size_t i = 1; i < sets.size(); ++i) report.page_diffs.push_back(diff(sets[i - 1], sets[i]));
  if (a.installed) {
    const auto installed = installed_pages_for(sets.front().pages);
    DocSet system{installed.label, read_or_fail(installed.paths, a.rejected), {}};
    system.catalogue = claims::extract(system.pages);
    report.page_diffs.push_back(diff(system, sets.front()));
  }
  for (const auto& impl : a.implementations) {
    HeaderSource source;
    try {
      source = header_source_for(impl, project_dir());
    } catch (const std::invalid_argument& e) {
      std::cerr << "sslconf crosscheck: error: " << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    for (const auto& set : sets) {
      auto with_includes = source;
      with_includes.optional_includes = synopsis_includes(set.pages);
      const auto header = read_header(with_includes);
      auto r = compare_pages_with_header(set.pages, header, impl);
      r.docs = set.label;
      report.headers.push_back(std::move(r));
    }
  }
  for (const auto& file : a.probes)
    for (const auto& set : sets) {
      try {
        auto r = header_report_from_probes_file(file, set.pages, implementation_of_probes_file(file));
        r.docs = set.label;
        report.headers.push_back(std::move(r));
      } catch (const std::runtime_error& e) {
        if (dynamic_cast<const model::InputError*>(&e) != nullptr) throw;
        std::cerr << "sslconf crosscheck: error: " << e.what() << " (use --header "
                  << implementation_of_probes_file(file) << " to compare with the preprocessed headers)\n";
        throw CLI::RuntimeError(kBadInput);
      }
    }
  for (const auto& file : a.results) report.behaviours.push_back(summarise_results_file(file));
  return report;
}

void print_text(const CrosscheckReport& r) {
  for (const auto& n : r.notes) std::cerr << "sslconf crosscheck: note: " << n << '\n';
  for (const auto& f : r.lint) std::cout << f.str() << '\n';
  for (const auto& d : r.page_diffs) std::cout << to_text(d);
  for (const auto& h : r.headers) {
    std::cout << "header: " << h.docs << " against " << h.implementation << "\n" << to_text(h);
  }
  for (const auto& b : r.behaviours) std::cout << to_text(b);
}

}  // namespace

namespace {

constexpr const char* kAcceptedFileName = ".sslconf-lint-accepted";

struct LintArgs {
  std::vector<std::string> docs;
  std::vector<std::string> man_dirs;
  std::vector<std::string> accepted;
  std::string header;
  std::string patch;
  bool no_man = false;
  bool json = false;
};

// The accepted-exceptions files: those named, then the one each DOCS folder
// keeps at its top, if any.
std::vector<AcceptedException> accepted_exceptions(const LintArgs& a) {
  std::vector<std::string> files = a.accepted;
  for (const auto& d : a.docs) {
    const auto kept = std::filesystem::path(d) / kAcceptedFileName;
    std::error_code ec;
    if (std::filesystem::is_directory(d, ec) && std::filesystem::is_regular_file(kept, ec))
      files.push_back(kept.string());
  }
  std::vector<AcceptedException> out;
  for (const auto& f : files) {
    try {
      auto more = read_accepted(f);
      out.insert(out.end(), more.begin(), more.end());
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
  }
  return out;
}

std::unique_ptr<HeaderIndex> lint_header(const LintArgs& a, const std::vector<model::Page>& pages) {
  if (a.header.empty()) return nullptr;
  try {
    auto source = header_source_for(a.header, project_dir());
    source.optional_includes = synopsis_includes(pages);
    return std::make_unique<HeaderIndex>(read_header(source));
  } catch (const std::exception& e) {
    std::cerr << "sslconf lint: error: " << e.what() << '\n';
    throw CLI::RuntimeError(kBadInput);
  }
}

// --patch: the certain fixes as one unified diff, paths under the DOCS
// folder each page came from.
void write_patch(const LintArgs& a, const std::vector<model::Page>& pages, const std::vector<std::string>& rejected_files,
                 const std::vector<Finding>& findings, const LintOptions& options,
                 const std::vector<AcceptedException>& accepted) {
  std::vector<std::string> files;
  for (const auto& p : pages) files.push_back(p.source);
  files.insert(files.end(), rejected_files.begin(), rejected_files.end());
  // The fixed pages linted among the others, in place of what they were.
  const Relint relint = [&](const std::vector<std::string>& scratch) {
    Relinted out;
    auto read = reader::read_pages(scratch);
    std::set<std::string> fixed;
    for (const auto& p : read.pages) fixed.insert(page_stem(p.source));
    std::vector<model::Page> doc_set = read.pages;
    for (const auto& p : pages)
      if (!fixed.count(page_stem(p.source))) doc_set.push_back(p);
    const std::set<std::string> mine(scratch.begin(), scratch.end());
    for (auto& f : apply_accepted(lint(doc_set, options), accepted).kept)
      if (mine.count(f.loc.file)) out.findings.push_back(std::move(f));
    out.pages = std::move(read.pages);
    return out;
  };
  const auto patch = certain_fixes(files, pages, findings, options.header, a.docs, relint);
  std::ofstream out(a.patch, std::ios::binary | std::ios::trunc);
  out << patch.diff;
  if (!out.flush()) {
    std::cerr << "sslconf lint: error: cannot write " << a.patch << '\n';
    throw CLI::RuntimeError(kBadInput);
  }
  std::cerr << "sslconf lint: wrote " << patch.fixed.size() << " certain fix(es) to " << a.patch
            << " (apply with patch -p1 in the DOCS folder)\n";
}

const char* kLintHelp =
    "Lint manual pages in the manner of OpenSSL's find-doc-nits and beyond it: required sections and their "
    "order, NAME against SYNOPSIS, return values, links, repeated words, HISTORY releases, and with --header "
    "SYNOPSIS against the library's header.\n"
    "Errors are defects to fix, warnings things to look at. Exit status: 0 when no error remains (warnings "
    "do not count), 1 when errors remain, 2 on bad input.\n"
    "Accepted exceptions: a file of lines \"CHECK PAGE [SUBJECT]  # reason\" (PAGE: file name without "
    "folder and extensions; SUBJECT: the symbol, link target or word; \"*\" matches any). Read from "
    "--accepted FILE and from .sslconf-lint-accepted at the top of each DOCS folder. Accepted findings are "
    "not shown; an entry that accepts nothing is a warning.";

}  // namespace

void add_lint_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("lint", kLintHelp);
  auto a = std::make_shared<LintArgs>();
  cmd->add_option("docs", a->docs, "Pages or folders of pages")->required();
  add_man_dir_option(cmd, a->man_dirs);
  cmd->add_flag("--no-man", a->no_man, "Links resolve only within the documents given");
  cmd->add_option("--accepted", a->accepted, "File of accepted exceptions (see above); may be repeated")
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--header", a->header,
                  "Compare each SYNOPSIS declaration with this implementation's header: reference, openssl, "
                  "boringssl, wolfssl or an install PREFIX")
      ->type_name("IMPL");
  cmd->add_flag("--json", a->json, "Findings as a JSON array");
  cmd->add_option("--patch", a->patch,
                  "Write the fixes that are certain (repeated words, SYNOPSIS declarations the header completes, "
                  "missing ';', blank lines before commands, unended =begin, L<NOTES> and links without their "
                  "section) to FILE as a unified diff for patch -p1 in the DOCS folder; the rest stay findings")
      ->type_name("FILE");
  cmd->callback([a] {
    const auto accepted = accepted_exceptions(*a);
    bool rejected = false;
    std::vector<std::string> rejected_files;
    const auto pages = read_or_fail(a->docs, rejected, &rejected_files);
    const auto header = lint_header(*a, pages);
    auto options = lint_options(a->man_dirs, a->no_man);
    options.header = header.get();
    options.header_name = a->header;
    const auto result = apply_accepted(lint(pages, options), accepted);
    if (!a->patch.empty()) write_patch(*a, pages, rejected_files, result.kept, options, accepted);
    std::size_t errors = 0;
    for (const auto& f : result.kept) errors += f.severity == Severity::error ? 1 : 0;
    if (a->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& f : result.kept) out.push_back(to_json(f));
      std::cout << out.dump(2) << '\n';
    } else {
      for (const auto& f : result.kept) std::cout << f.str() << '\n';
    }
    std::cerr << "sslconf lint: " << errors << " error(s), " << result.kept.size() - errors << " warning(s) in "
              << pages.size() << " page(s)";
    if (result.accepted > 0) std::cerr << "; " << result.accepted << " accepted finding(s) not shown";
    std::cerr << '\n';
    if (rejected) throw CLI::RuntimeError(kBadInput);
    throw CLI::RuntimeError(errors == 0 ? kSuccess : kFindings);
  });
}

void add_crosscheck_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "crosscheck",
      "Compare documentation: DOCS_A DOCS_B... page against page (claims added, removed, changed), "
      "--header IMPL page against header, --results FILE page against behaviour (exit 1 on differences)");
  auto a = std::make_shared<CrosscheckArgs>();
  cmd->add_option("docs", a->docs, "Documentation sets (files or folders), oldest first")->required();
  cmd->add_option("--header", a->implementations,
                  "Compare each SYNOPSIS with this implementation's header: reference, openssl, boringssl, "
                  "wolfssl or an install PREFIX")
      ->type_name("IMPL")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--probes", a->probes,
                  "Page against header from the generated suite's probes (out/probes-<impl>.json)")
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--results", a->results, "results-<impl>.json of a conformance run")->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--html", a->html, "Also write the HTML report (through pandoc) here")->type_name("FILE");
  cmd->add_flag("--lint", a->lint, "Also lint the first DOCS");
  cmd->add_flag("--installed", a->installed,
                "Also compare the installed manual pages (/usr/share/man) of the same functions with the first DOCS");
  cmd->add_flag("--json", a->json, "JSON on standard output instead of text");
  add_man_dir_option(cmd, a->man_dirs);
  cmd->callback([a] {
    if (a->docs.size() < 2 && a->implementations.empty() && a->probes.empty() && a->results.empty() && !a->lint && !a->installed &&
        a->html.empty()) {
      std::cerr << "sslconf crosscheck: error: one DOCS and nothing to compare it with "
                   "(give DOCS_B, --header, --probes, --results, --installed or --lint)\n";
      throw CLI::RuntimeError(kBadInput);
    }
    const auto report = run_crosscheck(*a);
    if (a->json) std::cout << to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else print_text(report);
    if (!a->html.empty()) write_crosscheck_report(report, a->html);
    if (a->rejected) {
      std::cerr << "sslconf crosscheck: error: pages were rejected (above); the comparison is of the others\n";
      throw CLI::RuntimeError(kBadInput);
    }
    throw CLI::RuntimeError(has_differences(report) ? kFindings : kSuccess);
  });
}

}  // namespace sslconf::tool
