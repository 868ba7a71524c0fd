#include "conform/reproducer_check.hpp"

#include "platform/process.hpp"
#include "report/findings.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

namespace fs = std::filesystem;

namespace sslconf::conform {

namespace {

std::string cached(const std::string& build_dir, const std::string& name) {
  std::ifstream in(fs::path(build_dir) / "CMakeCache.txt");
  const std::regex line("^" + name + ":[A-Z_]+=(.*)$");
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_match(l, m, line)) return m[1];
  }
  return "";
}

}  // namespace

std::vector<std::string> reproducer_build_flags(const std::string& build_dir, const std::string& kind,
                                                const std::string& prefix, std::string& why) {
  if (kind == "openssl") {
    const std::string inc = cached(build_dir, "OPENSSL_INCLUDE_DIR");
    const std::string ssl = cached(build_dir, "OPENSSL_SSL_LIBRARY"), crypto = cached(build_dir, "OPENSSL_CRYPTO_LIBRARY");
    if (ssl.empty() || crypto.empty()) return {"-lssl", "-lcrypto"};
    return {"-I" + inc, ssl, crypto};
  }
  if (kind == "prefix") {
    const fs::path lib = fs::exists(fs::path(prefix) / "lib64/libssl.so") ? fs::path(prefix) / "lib64" : fs::path(prefix) / "lib";
    return {"-I" + (fs::path(prefix) / "include").string(), "-L" + lib.string(),
            "-Wl,--disable-new-dtags,-rpath," + lib.string(), "-Wl,--no-as-needed", "-lssl", "-lcrypto"};
  }
  if (kind == "boringssl") {
    const std::string inc = cached(build_dir, "SSLCONF_BORINGSSL_INCLUDE");
    const std::string ssl = cached(build_dir, "SSLCONF_BORINGSSL_SSL"), crypto = cached(build_dir, "SSLCONF_BORINGSSL_CRYPTO");
    if (inc.empty() || ssl.empty()) {
      why = "the build folder does not say where BoringSSL is";
      return {};
    }
    return {"-I" + inc, ssl, crypto, "-Wl,-rpath," + fs::path(ssl).parent_path().string()};
  }
  if (kind == "wolfssl") {
    const std::string compat = cached(build_dir, "SSLCONF_WOLFSSL_COMPAT");
    if (compat.empty()) {
      why = "the build folder does not say where wolfSSL's compatibility headers are";
      return {};
    }
    return {"-I" + compat, "-include", "wolfssl/options.h", "-lwolfssl"};
  }
  why = "a reproducer's test identity needs the X509 API, which " + kind + " does not have";
  return {};
}

ReproducerTally check_reproducers(const std::string& dir, const std::vector<ReproducerTarget>& targets,
                                  const std::string& work, std::ostream& report) {
  ReproducerTally t;
  if (!fs::is_directory(dir)) return t;
  std::map<std::string, fs::path> programs;  // file name → path
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".c") programs[e.path().filename().string()] = e.path();
  t.programs = static_cast<int>(programs.size());
  if (programs.empty()) return t;
  for (const auto& target : targets) {
    if (!target.results) continue;
    if (target.flags.empty()) {
      report << "sslconf conform: reproducers not built against " << target.name << ": " << target.why << "\n";
      continue;
    }
    int built = 0, agree = 0;
    for (const auto& r : target.results->value("results", nlohmann::json::array())) {
      const std::string outcome = r.value("outcome", "");
      if (outcome != "FAIL" && outcome != "PASS") continue;
      const auto it = programs.find(report::reproducer_file_name(r.value("id", "")));
      if (it == programs.end()) continue;
      const fs::path exe = fs::path(work) / target.name / it->second.stem();
      fs::create_directories(exe.parent_path());
      std::vector<std::string> argv{"cc", it->second.string(), "-o", exe.string()};
      argv.insert(argv.end(), target.flags.begin(), target.flags.end());
      platform::ProcessOptions o;
      o.timeout = std::chrono::seconds(60);
      const auto compiled = platform::run_process(argv, o);
      if (!compiled.exited || compiled.exit_code != 0) {
        ++t.not_built;
        ++t.disagree;
        report << it->second.string() << ": " << target.name << ": the reproducer does not build: "
               << compiled.err.substr(0, compiled.err.find('\n')) << "\n";
        continue;
      }
      ++built;
      o.timeout = std::chrono::seconds(20);
      const auto ran = platform::run_process({exe.string()}, o);
      const int want = outcome == "FAIL" ? 1 : 0;
      if (ran.exited && ran.exit_code == want) {
        ++agree;
        continue;
      }
      ++t.disagree;
      report << it->second.string() << ": " << target.name << ": the suite says " << outcome << ", the reproducer "
             << (ran.exited ? "exited " + std::to_string(ran.exit_code) : "died of " + ran.signal_name()) << "\n";
    }
    t.built += built;
    t.agree += agree;
    report << "sslconf conform: reproducers against " << target.name << ": " << built << " built, " << agree
           << " agree with the suite (FAIL: 1, PASS: 0)\n";
  }
  return t;
}

}  // namespace sslconf::conform
