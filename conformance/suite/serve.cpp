#include "suite/serve.hpp"

#include "platform/process.hpp"

#include <boost/test/results_collector.hpp>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace sslconf::suite {

namespace {

namespace ut = boost::unit_test;

// The arguments every claim runs with, set once in the server.
void set_up_framework(const char* program, bool (*init)()) {
  const char* args[] = {program, "--catch_system_errors=no", "--log_level=nothing", "--report_level=no"};
  ut::framework::init(init, 4, const_cast<char**>(args));
  ut::framework::finalize_setup_phase();
}

int run_test(const std::string& path) {
  const auto slash = path.find('/');
  if (slash == std::string::npos) return 200;
  const ut::test_unit_id suite_id = ut::framework::master_test_suite().get(path.substr(0, slash));
  if (suite_id == ut::INV_TEST_UNIT_ID) return 200;
  const ut::test_unit_id case_id = ut::framework::get<ut::test_suite>(suite_id).get(path.substr(slash + 1));
  if (case_id == ut::INV_TEST_UNIT_ID) return 200;
  ut::framework::run(case_id, false);
  return ut::results_collector.results(case_id).passed() ? 0 : 201;
}

int serve(int argc, char** argv, bool (*init)()) {
  long limit_ms = 0;
  if (argc == 3) {
    try {
      limit_ms = std::stol(argv[2]);
    } catch (const std::exception&) {
      limit_ms = 0;
    }
  }
  if (limit_ms <= 0) {
    std::fprintf(stderr, "%s: usage: --sslconf-serve <limit-ms> (a positive number of milliseconds)\n", argv[0]);
    return 2;
  }
  set_up_framework(argv[0], init);
  platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(limit_ms);
  std::string test;
  while (std::getline(std::cin, test)) {
    const auto r = platform::run_forked([&] { return run_test(test); }, options);
    const nlohmann::json answer{{"exited", r.exited},   {"exit_code", r.exit_code}, {"signal", r.signal},
                                {"signal_name", r.signal_name()}, {"timed_out", r.timed_out}, {"out", r.out},
                                {"err", r.err}};
    std::cout << answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
  }
  return 0;
}

}  // namespace

int main_with_server(int argc, char** argv, bool (*init)()) {
  if (argc >= 2 && std::strcmp(argv[1], "--sslconf-serve") == 0) return serve(argc, argv, init);
  return ut::unit_test_main(init, argc, argv);
}

}  // namespace sslconf::suite
