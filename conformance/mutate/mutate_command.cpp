// sslconf mutate: measures how many seeded bugs the generated suite catches.
// The reference is copied into the work folder (the checkout is never
// touched), the suite is built once against that copy, run unmutated for a
// baseline, then for each mutant the copy's one file is replaced, ninja
// rebuilds what depends on it, the suite runs again, and every claim whose
// outcome turned FAIL or UNRESOLVED (a crash or a hang of the claim's
// process, which the runner isolates and times out) caught the mutant.
#include "conform/steps.hpp"
#include "model/diagnostic.hpp"
#include "mutate/mutants.hpp"
#include "platform/process.hpp"
#include "report/results.hpp"
#include "tool/commands.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::tool {

namespace {

struct Options {
  std::string project = SSLCONF_SOURCE_DIR;
  std::string mutants, work, out;
  std::vector<std::string> docs, only;
  bool ci = false;
  long timeout_ms = 3000;
  unsigned jobs = 0;
};

std::string file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes only when the content differs, so ninja rebuilds only what changed.
void write_if_changed(const fs::path& p, const std::string& text) {
  if (fs::exists(p) && file_text(p) == text) return;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Mirrors the reference's sources into the private copy (changed files only).
void sync_copy(const fs::path& from, const fs::path& to) {
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    if (!e.is_regular_file()) continue;
    write_if_changed(to / fs::relative(e.path(), from), file_text(e.path()));
  }
}

std::vector<mutate::Mutant> selected(const Options& o) {
  auto all = mutate::load_mutants(o.mutants);
  std::vector<mutate::Mutant> out;
  for (auto& m : all) {
    const bool named = std::find(o.only.begin(), o.only.end(), m.id) != o.only.end();
    if (!o.only.empty() ? named : (!o.ci || m.ci)) out.push_back(std::move(m));
  }
  for (const auto& id : o.only)
    if (std::none_of(out.begin(), out.end(), [&](const auto& m) { return m.id == id; }))
      throw model::InputError({o.mutants, 0}, "no mutant named " + id);
  return out;
}

bool extract_claims(const Options& o, const fs::path& claims) {
  std::vector<std::string> argv{platform::self_executable(), "claims"};
  argv.insert(argv.end(), o.docs.begin(), o.docs.end());
  argv.insert(argv.end(), {"-o", claims.string()});
  const auto r = platform::run_process(argv);
  if (r.exited && r.exit_code == 0 && fs::exists(claims)) return true;
  std::cerr << r.err << "sslconf mutate: error: extracting the claims failed\n";
  return false;
}

struct Verdict {
  std::string outcome;  // killed, survived, equivalent, stillborn
  std::vector<const nlohmann::json*> caught_by;
  bool on_target = false;  // some catching claim names a mutated function
  double build_s = 0, run_s = 0;
  std::string error;
};

std::map<std::string, std::string> outcomes_by_id(const nlohmann::json& results) {
  std::map<std::string, std::string> m;
  for (const auto& r : results["results"]) m[r["id"].get<std::string>()] = r["outcome"].get<std::string>();
  return m;
}

void judge(const mutate::Mutant& m, const std::map<std::string, std::string>& baseline, const nlohmann::json& results,
           Verdict& v) {
  for (const auto& r : results["results"]) {
    const std::string now = r["outcome"], id = r["id"];
    const auto before = baseline.find(id);
    if (now != "FAIL" && now != "UNRESOLVED") continue;
    if (before != baseline.end() && before->second == now) continue;
    v.caught_by.push_back(&r);
    for (const auto& f : r.value("functions", nlohmann::json::array()))
      if (std::find(m.functions.begin(), m.functions.end(), f.get<std::string>()) != m.functions.end()) v.on_target = true;
  }
  if (!v.caught_by.empty()) v.outcome = "killed";
  else v.outcome = m.equivalent.empty() ? "survived" : "equivalent";
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string short_detail(const nlohmann::json& r) {
  std::string d = r.value("detail", "");
  if (d.size() > 110) d = d.substr(0, 107) + "...";
  return d;
}

void print_verdict(const mutate::Mutant& m, const Verdict& v, std::ostream& out) {
  out << m.id << ": " << v.outcome;
  if (v.outcome == "killed") out << (v.on_target ? " (by a claim about " : " (only by claims not about ") << m.functions[0] << (m.functions.size() > 1 ? "..." : "") << ")";
  out << std::fixed << std::setprecision(1) << "  [build " << v.build_s << " s, run " << v.run_s << " s]\n";
  out << "  " << m.about << "  (" << m.source << ")\n";
  if (v.outcome == "equivalent") out << "  equivalent: " << m.equivalent << "\n";
  if (!v.error.empty()) out << "  " << v.error << "\n";
  const std::size_t shown = std::min<std::size_t>(v.caught_by.size(), 4);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& r = *v.caught_by[i];
    out << "  " << r["outcome"].get<std::string>() << " " << r["id"].get<std::string>() << " (" << r["source"].get<std::string>()
        << "): " << short_detail(r) << "\n";
  }
  if (v.caught_by.size() > shown) out << "  ... and " << v.caught_by.size() - shown << " more claims\n";
  out.flush();
}

nlohmann::json verdict_json(const mutate::Mutant& m, const Verdict& v) {
  nlohmann::json caught = nlohmann::json::array();
  for (const auto* r : v.caught_by)
    caught.push_back({{"id", (*r)["id"]}, {"outcome", (*r)["outcome"]}, {"functions", (*r)["functions"]},
                      {"source", (*r)["source"]}, {"detail", (*r)["detail"]}});
  return {{"id", m.id},           {"file", m.file},       {"functions", m.functions}, {"about", m.about},
          {"source", m.source},   {"outcome", v.outcome}, {"on_target", v.on_target}, {"caught_by", caught},
          {"equivalent", m.equivalent}, {"build_seconds", v.build_s}, {"run_seconds", v.run_s}, {"error", v.error}};
}

int run_mutate(const Options& o) {
  const auto mutants = selected(o);
  const fs::path project(o.project), work(o.work), copy = work / "reference", build = work / "build";
  // Every mutant must apply before anything is built.
  for (const auto& m : mutants) mutate::apply_mutant(m, file_text(project / "reference" / m.file));
  fs::create_directories(work);
  sync_copy(project / "reference", copy);
  const fs::path claims = work / "claims.json";
  if (!extract_claims(o, claims)) return kBadInput;

  std::cerr << "sslconf mutate: building the suite against the private copy " << copy.string() << "\n";
  conform::BuildRequest b;
  b.project = project.string();
  b.build_dir = build.string();
  b.kind = "reference";
  b.claims = claims.string();
  b.tool = platform::self_executable();
  b.extra_configure = {"-DSSLCONF_REFERENCE_DIR=" + copy.string()};
  const auto built = conform::build_suite(b, "reference");
  if (!built.ok) {
    std::cerr << "sslconf mutate: error: " << built.error << "\n";
    return kBadInput;
  }
  auto run = [&](const std::string& name) {
    conform::RunRequest r{built.suite, claims.string(), built.manifest, built.impl, "", (work / (name + ".json")).string(), ""};
    r.timeout_ms = o.timeout_ms;
    r.jobs = o.jobs;
    std::ostringstream quiet;  // the per-run timing line is noise here
    return conform::run_and_record(r, quiet);
  };
  const auto baseline = outcomes_by_id(run("baseline"));
  std::cerr << "sslconf mutate: baseline: " << baseline.size() << " claims; " << mutants.size() << " mutants\n";

  nlohmann::json report = nlohmann::json::array();
  int killed = 0, unexplained = 0;
  double total_s = 0;
  for (const auto& m : mutants) {
    const fs::path target = copy / m.file;
    const std::string original = file_text(project / "reference" / m.file);
    Verdict v;
    nlohmann::json results;
    auto t = std::chrono::steady_clock::now();
    write_if_changed(target, mutate::apply_mutant(m, original));
    platform::ProcessOptions po;
    po.timeout = std::chrono::minutes(10);
    const auto r = platform::run_process({"cmake", "--build", build.string(), "--target", "sslconf_suite"}, po);
    v.build_s = seconds_since(t);
    if (!r.exited || r.exit_code != 0) {
      v.outcome = "stillborn";
      v.error = "the mutated reference does not build: fix the mutant";
    } else {
      t = std::chrono::steady_clock::now();
      results = run("mutant-" + m.id);  // kept: the verdict points into it
      judge(m, baseline, results, v);
      v.run_s = seconds_since(t);
    }
    write_if_changed(target, original);
    total_s += v.build_s + v.run_s;
    if (v.outcome == "killed") ++killed;
    if (v.outcome == "survived" || v.outcome == "stillborn") ++unexplained;
    print_verdict(m, v, std::cout);
    report.push_back(verdict_json(m, v));
  }
  const std::string out = o.out.empty() ? (work / "mutation.json").string() : o.out;
  report::write_atomically(out, nlohmann::json{{"mutants", report}, {"killed", killed}, {"total", mutants.size()}}.dump(2) + "\n");
  std::cout << std::fixed << std::setprecision(1) << "\n"
            << (mutants.empty() ? 0.0 : total_s / static_cast<double>(mutants.size())) << " s per mutant; results in " << out
            << "\n"
            << killed << " of " << mutants.size() << " killed\n";
  return unexplained ? kFindings : kSuccess;
}

}  // namespace

void add_mutate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("mutate", "seed each mutant into a private copy of libsslref and run the suite against it");
  auto o = std::make_shared<Options>();
  cmd->add_option("--project", o->project, "source root (default: this build's)");
  cmd->add_option("--mutants", o->mutants, "folder of *.mutants files (default: <project>/reference/mutants)");
  cmd->add_option("--docs", o->docs, "pages the suite is generated from (default: <project>/pod and ../shared/seeds)");
  cmd->add_option("--only", o->only, "run only the mutants with these ids");
  cmd->add_flag("--ci", o->ci, "run only the bounded subset marked 'ci: yes'");
  cmd->add_option("--work", o->work, "work folder: the private copy and its build (default: <project>/build/mutate)");
  cmd->add_option("--out", o->out, "the JSON report (default: <work>/mutation.json)");
  cmd->add_option("--timeout-ms", o->timeout_ms, "time limit per claim process")->check(CLI::PositiveNumber);
  cmd->add_option("--jobs", o->jobs, "claims run at once (default: the number of cores)");
  cmd->callback([o] {
    Options opts = *o;
    const fs::path project = fs::absolute(opts.project).lexically_normal();
    opts.project = project.string();
    if (opts.mutants.empty()) opts.mutants = (project / "reference/mutants").string();
    if (opts.work.empty()) opts.work = (project / "build/mutate").string();
    opts.work = fs::absolute(opts.work).string();
    if (opts.docs.empty()) {
      opts.docs.push_back((project / "pod").string());
      const fs::path seeds = project.parent_path() / "shared/seeds";
      if (fs::is_directory(seeds))
        for (const auto& e : fs::directory_iterator(seeds))
          if (e.path().extension() == ".txt") opts.docs.push_back(e.path().string());
      std::sort(opts.docs.begin() + 1, opts.docs.end());
    }
    const int status = run_mutate(opts);
    if (status != kSuccess) throw CLI::RuntimeError(status);
  });
}

}  // namespace sslconf::tool
