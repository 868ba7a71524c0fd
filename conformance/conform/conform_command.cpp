// sslconf conform: the product. Validates the command line, extracts the
// claims of the pages, then for each implementation builds the suite
// generated from them, runs it claim by claim, compares with the
// expectation file, and writes results, JUnit, the matrix and report.html.
#include "conform/arguments.hpp"
#include "crosscheck/build.hpp"
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "gen/steps.hpp"
#include "platform/process.hpp"
#include "report/matrix.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::tool {

namespace {

std::string file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// claims.json through the tool's own `claims` command; replaced only when
// its content changed, so unchanged pages do not rebuild any suite.
bool extract_claims(const std::string& tool, const conform::Arguments& args, const fs::path& claims) {
  const fs::path tmp = claims.string() + ".new";
  std::vector<std::string> argv{tool, "claims"};
  argv.insert(argv.end(), args.docs.begin(), args.docs.end());
  argv.insert(argv.end(), {"-o", tmp.string()});
  const auto r = platform::run_process(argv);
  if (!r.exited || r.exit_code != 0 || !fs::exists(tmp)) {
    std::cerr << r.err << "sslconf conform: error: extracting the claims failed\n";
    fs::remove(tmp);
    return false;
  }
  if (fs::exists(claims) && file_text(claims) == file_text(tmp)) {
    fs::remove(tmp);
  } else {
    fs::rename(tmp, claims);
  }
  return true;
}

// A stale result of an earlier run must not pass for this run's.
void forget_results(const fs::path& out, const std::string& name) {
  for (const auto& f : {"results-" + name + ".json", "junit-" + name + ".xml", "probes-" + name + ".json"})
    fs::remove(out / f);
}

void list_unexpected(const nlohmann::json& results) {
  const std::string name = results["implementation"]["name"];
  for (const auto* r : report::unexpected(results))
    std::cerr << (*r)["source"].get<std::string>() << ": " << name << ": " << (*r)["id"].get<std::string>()
              << ": expected " << (*r)["expected"].get<std::string>() << ", got " << (*r)["outcome"].get<std::string>()
              << ": " << (*r)["detail"].get<std::string>() << "\n";
}

// out/crosscheck.html: lint, the pages against the installed release, each
// implementation's declarations (from the suite's probes) and behaviour.
// A cross-check that cannot run is a note in that page, never a failed run.
void write_crosscheck(const conform::Arguments& args, const std::string& project, const fs::path& claims) {
  crosscheck::CrosscheckInputs in;
  in.docs_label = args.docs.size() == 1 ? fs::path(args.docs[0]).filename().string() : "docs";
  in.pages = reader::read_docs(args.docs);
  in.catalogue = claims::catalogue_from_json(nlohmann::json::parse(file_text(claims)), claims.string());
  in.compare_with.push_back(crosscheck::installed_pages_for(in.pages));
  const fs::path out(args.out);
  for (const auto& impl : args.impls) {
    const fs::path probes = out / ("probes-" + impl.name + ".json");
    const fs::path results = out / ("results-" + impl.name + ".json");
    if (fs::exists(probes)) in.probes.push_back({impl.name, probes.string()});
    if (fs::exists(results)) in.results_files.push_back(results.string());
  }
  in.project_dir = project;
  const fs::path html = out / "crosscheck.html";
  crosscheck::write_crosscheck_report(crosscheck::build_crosscheck_report(in), html.string());
  std::cerr << "sslconf conform: wrote " << html.string() << "\n";
}

int run_conform(const conform::Arguments& args, const std::string& project) {
  const fs::path out(args.out);
  fs::create_directories(out);
  const std::string tool = platform::self_executable();
  const fs::path claims = out / "claims.json";
  if (!extract_claims(tool, args, claims)) return kBadInput;
  int status = kSuccess;
  std::vector<nlohmann::json> all;
  for (const auto& impl : args.impls) {
    std::cerr << "sslconf conform: " << impl.name << ": building the generated suite\n";
    const auto built = gen::build_suite({project, (fs::path(project) / "build" / ("impl-" + impl.name)).string(),
                                         impl.kind, impl.prefix, claims.string(), tool},
                                        impl.name);
    if (!built.ok) {
      forget_results(out, impl.name);
      std::cerr << "sslconf conform: error: " << built.error << "\n";
      status = kBadInput;
      continue;
    }
    if (fs::exists(built.probes))
      fs::copy_file(built.probes, out / ("probes-" + impl.name + ".json"), fs::copy_options::overwrite_existing);
    gen::RunRequest run{built.suite, claims.string(), built.manifest, built.impl,
                        (fs::path(project) / "conformance/expectations" / args.expectations_set).string(),
                        (out / ("results-" + impl.name + ".json")).string(),
                        (out / ("junit-" + impl.name + ".xml")).string()};
    all.push_back(gen::run_and_record(run, std::cerr));
    if (!report::unexpected(all.back()).empty() && status == kSuccess) status = kFindings;
  }
  if (all.empty()) return status;
  std::cout << report::matrix_text(all);
  report::write_report_html(all, (out / "report.html").string());
  for (const auto& r : all) list_unexpected(r);
  std::cerr << "sslconf conform: wrote " << (out / "report.html").string() << "\n";
  write_crosscheck(args, project, claims);
  return status;
}

}  // namespace

void add_conform_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("conform", "run the suite generated from the pages against implementations");
  auto impls = std::make_shared<std::vector<std::string>>();
  auto docs = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>("out");
  auto project = std::make_shared<std::string>(SSLCONF_SOURCE_DIR);
  cmd->add_option("--impl", *impls, "reference, openssl, boringssl, wolfssl, or an install PREFIX");
  cmd->add_option("--docs", *docs, "manual page file or folder, or `installed` for the installed manual's session-family pages (default: pod/)");
  cmd->add_option("--out", *out, "output folder (default: out)");
  cmd->add_option("--project", *project, "project source folder")->group("");
  cmd->callback([=] {
    const auto args = conform::validate(*impls, *docs, *out, *project);
    const int status = run_conform(args, fs::absolute(*project).lexically_normal().string());
    if (status != kSuccess) throw CLI::RuntimeError(status);
  });
}

}  // namespace sslconf::tool
