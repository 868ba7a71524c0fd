// A reproducer is a program a maintainer builds with one compiler line:
// built here against the system OpenSSL and run, its exit status must be
// the page's verdict (0 agrees, 1 differs).
#define BOOST_TEST_MODULE plan_reproducer
#include <boost/test/unit_test.hpp>

#include "plan/c_program.hpp"
#include "plan/planner.hpp"
#include "platform/process.hpp"

#include <filesystem>
#include <fstream>

namespace {

int build_and_run(const std::string& name, const std::string& program) {
  const std::filesystem::path dir = SSLCONF_WORK_DIR;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (name + ".c")) << program;
  const auto built = sslconf::platform::run_process(
      {SSLCONF_C_COMPILER, (dir / (name + ".c")).string(), "-o", (dir / name).string(), "-lssl", "-lcrypto"});
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  return sslconf::platform::run_process({(dir / name).string()}).exit_code;
}

sslconf::plan::Procedure timeout_previous() {
  const auto cat = nlohmann::json::parse(R"({"schema": 1, "claims": [
    {"id": "p/a", "page": "p", "kind": "prototype", "functions": ["SSL_CTX_set_timeout"],
     "params": {"return_type": "long", "params": [{"type": "SSL_CTX *", "name": "ctx"}, {"type": "long", "name": "t"}]}},
    {"id": "p/b", "page": "p", "kind": "prototype", "functions": ["SSL_CTX_get_timeout"],
     "params": {"return_type": "long", "params": [{"type": "const SSL_CTX *", "name": "ctx"}]}},
    {"id": "p/c", "page": "p", "kind": "returns-previous", "functions": ["SSL_CTX_set_timeout"], "params": {}}]})");
  for (const auto& f : sslconf::plan::plan_catalogue(cat).functions)
    for (const auto& p : f.parts)
      if (p.part == "previous") return p;
  throw std::runtime_error("no previous-value plan");
}

}  // namespace

BOOST_AUTO_TEST_CASE(exit_status_follows_the_library) {
  const auto plan = timeout_previous();
  const sslconf::plan::ReproducerClaim claim{"p/c", "page.pod:3", "SSL_CTX_set_timeout() returns the previous timeout."};
  BOOST_TEST(build_and_run("agrees", sslconf::plan::reproducer({{plan, "o->holds", "the previous value"}}, claim)) == 0);
  // The same plan against a page that said otherwise: the library differs.
  BOOST_TEST(build_and_run("differs", sslconf::plan::reproducer({{plan, "!o->holds", "not the previous value"}}, claim)) == 1);
}
