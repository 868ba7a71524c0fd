#define BOOST_TEST_MODULE platform_process
#include <boost/test/unit_test.hpp>

#include "platform/process.hpp"

#include <csignal>
#include <cstdio>
#include <thread>

using sslconf::platform::ProcessOptions;
using sslconf::platform::run_process;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_CASE(exit_status_and_output_are_captured) {
  const auto r = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
  BOOST_TEST(r.exited);
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.out == "out\n");
  BOOST_TEST(r.err == "err\n");
  BOOST_TEST(!r.timed_out);
}

// The benchmarks count a child's CPU time and peak memory; a shell holding a
// 20 MB string must show both.
BOOST_AUTO_TEST_CASE(a_childs_cpu_time_and_peak_memory_are_counted) {
  const auto r = run_process({"sh", "-c", "x=$(head -c 20000000 /dev/zero | tr '\\0' a); echo ${#x}"});
  BOOST_TEST(r.exited);
  BOOST_TEST(r.out == "20000000\n");
  BOOST_TEST(r.max_rss_kb > 19000);
  BOOST_TEST(r.cpu_seconds > 0);
}

BOOST_AUTO_TEST_CASE(a_crash_is_reported_with_the_signal_name) {
  const auto r = run_process({"sh", "-c", "kill -SEGV $$"});
  BOOST_TEST(!r.exited);
  BOOST_TEST(r.signal_name() == "SIGSEGV");
}

BOOST_AUTO_TEST_CASE(a_hang_is_killed_at_the_time_limit) {
  ProcessOptions o;
  o.timeout = 200ms;
  const auto r = run_process({"sh", "-c", "sleep 30"}, o);
  BOOST_TEST(r.timed_out);
  BOOST_TEST(!r.exited);
}

BOOST_AUTO_TEST_CASE(a_hang_that_closed_its_output_is_killed_too) {
  ProcessOptions o;
  o.timeout = 200ms;
  const auto r = run_process({"sh", "-c", "exec >/dev/null 2>&1; sleep 30"}, o);
  BOOST_TEST(r.timed_out);
}

BOOST_AUTO_TEST_CASE(input_environment_and_directory_reach_the_child) {
  ProcessOptions o;
  o.input = "hello";
  o.env["SSLCONF_PROCESS_TEST"] = "value";
  o.working_directory = "/";
  const auto r = run_process({"sh", "-c", "cat; echo \" $SSLCONF_PROCESS_TEST $(pwd)\""}, o);
  BOOST_TEST(r.out == "hello value /\n");
}

BOOST_AUTO_TEST_CASE(a_missing_program_is_an_error_not_a_result) {
  BOOST_CHECK_THROW(run_process({"/no/such/program"}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(library_symbol_finds_a_symbol_and_names_what_is_missing) {
  std::string why;
  auto* found = reinterpret_cast<std::size_t (*)(const char*)>(
      sslconf::platform::library_symbol("libc.so.6", "strlen", why));
  BOOST_REQUIRE(found != nullptr);
  BOOST_TEST(found("four") == 4u);
  BOOST_TEST(sslconf::platform::library_symbol("libc.so.6", "no_such_symbol_here", why) == nullptr);
  BOOST_TEST(why.find("no symbol no_such_symbol_here") != std::string::npos);
  BOOST_TEST(sslconf::platform::library_symbol("/nonexistent/libnothing.so", "f", why) == nullptr);
  BOOST_TEST(why.find("/nonexistent/libnothing.so: cannot load") == 0u);
}

BOOST_AUTO_TEST_CASE(a_forked_body_is_captured_like_a_program) {
  const auto r = sslconf::platform::run_forked([] {
    std::printf("from the copy\n");
    std::fprintf(stderr, "on stderr\n");
    return 3;
  });
  BOOST_TEST(r.exited);
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.out == "from the copy\n");
  BOOST_TEST(r.err == "on stderr\n");
}

BOOST_AUTO_TEST_CASE(a_forked_body_that_crashes_or_hangs_is_reported_not_suffered) {
  const auto crashed = sslconf::platform::run_forked([] {
    std::raise(SIGSEGV);
    return 0;
  });
  BOOST_TEST(crashed.signal_name() == "SIGSEGV");
  sslconf::platform::ProcessOptions o;
  o.timeout = std::chrono::milliseconds(200);
  const auto hung = sslconf::platform::run_forked([] {
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    return 0;
  }, o);
  BOOST_TEST(hung.timed_out);
}

BOOST_AUTO_TEST_CASE(a_line_channel_talks_to_a_program_and_notices_its_end) {
  std::string line;
  {
    sslconf::platform::LineChannel cat({"cat"});
    BOOST_TEST(cat.send("first"));
    BOOST_TEST(cat.send("second"));
    BOOST_TEST(cat.receive(line, std::chrono::seconds(5)));
    BOOST_TEST(line == "first");
    BOOST_TEST(cat.receive(line, std::chrono::seconds(5)));
    BOOST_TEST(line == "second");
    BOOST_TEST(!cat.receive(line, std::chrono::milliseconds(50)));  // nothing more said
  }
  sslconf::platform::LineChannel gone({"true"});
  BOOST_TEST(!gone.receive(line, std::chrono::seconds(5)));  // ended without a line
  gone.send("anyone there");                                 // must not end the test (SIGPIPE)
}
