// How the runner turns one finished process into an outcome.
#define BOOST_TEST_MODULE runner
#include <boost/test/unit_test.hpp>

#include "report/expectations.hpp"
#include "report/results.hpp"
#include "runner/runner.hpp"
#include "model/diagnostic.hpp"
#include "platform/process.hpp"

#include <fstream>

using sslconf::runner::interpret;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_CASE(verdict_line_gives_outcome_and_detail) {
  const auto c = interpret("x", false, 0, "", true, 0, "noise\n@@sslconf PASS freed at release 2\n", "", 1000ms);
  BOOST_TEST(c.outcome == "PASS");
  BOOST_TEST(c.detail == "freed at release 2");
}

BOOST_AUTO_TEST_CASE(a_signal_is_a_fail_naming_it) {
  const auto c = interpret("x", false, 11, "SIGSEGV", false, -1, "", "", 1000ms);
  BOOST_TEST(c.outcome == "FAIL");
  BOOST_TEST(c.detail.find("SIGSEGV") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_hang_is_unresolved) {
  const auto c = interpret("x", true, 0, "", false, -1, "@@sslconf PASS early", "", 250ms);
  BOOST_TEST(c.outcome == "UNRESOLVED");
  BOOST_TEST(c.detail.find("250 ms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_exit_without_verdict_is_unresolved) {
  const auto c = interpret("x", false, 0, "", true, 3, "", "boom\n", 1000ms);
  BOOST_TEST(c.outcome == "UNRESOLVED");
  BOOST_TEST(c.detail.find("status 3") != std::string::npos);
  BOOST_TEST(c.detail.find("boom") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(results_follow_the_catalogue_and_count_outcomes) {
  const nlohmann::json catalogue = {{"schema", 1},
                                    {"claims",
                                     {{{"id", "p/f/returns-int/1"}, {"page", "p"}, {"kind", "returns-int"},
                                       {"functions", {"f"}}, {"text", "t"}, {"source", "p.pod:3"}, {"checkable", true}},
                                      {{"id", "p/f/informative/1"}, {"page", "p"}, {"kind", "informative"},
                                       {"functions", {"f"}}, {"text", "u"}, {"source", "p.pod:4"}, {"checkable", false}}}}};
  const std::vector<sslconf::runner::CaseOutcome> outcomes{{"p/f/returns-int/1", "FAIL", "returned 0", 1},
                                                           {"p/f/informative/1", "UNTESTED", "informative", 1}};
  const auto r = sslconf::report::build_results(catalogue, outcomes, {"openssl", "openssl", "3.0"}, {});
  BOOST_TEST(r["totals"]["FAIL"] == 1);
  BOOST_TEST(r["results"][0]["expected"] == "PASS");
  BOOST_TEST(r["results"][1]["expected"] == "UNTESTED");
  BOOST_TEST(sslconf::report::unexpected(r).size() == 1u);
  BOOST_TEST(sslconf::report::junit_xml(r).find("<failure message=\"expected PASS, got FAIL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(expectation_lines_are_read_and_bad_ones_located) {
  const std::string path = "/tmp/sslconf-expect-test.txt";
  std::ofstream(path) << "# comment\np/f/returns-int/1 FAIL returned 0 (page: 1)\n";
  const auto e = sslconf::report::load_expectations(path);
  BOOST_TEST(e.at("p/f/returns-int/1").outcome == "FAIL");
  BOOST_TEST(e.at("p/f/returns-int/1").reason == "returned 0 (page: 1)");
  std::ofstream(path) << "p/f/returns-int/1 MAYBE\n";
  try {
    sslconf::report::load_expectations(path);
    BOOST_FAIL("accepted MAYBE");
  } catch (const sslconf::model::InputError& err) {
    BOOST_TEST(std::string(err.what()).rfind(path + ":1: error:", 0) == 0);
  }
}

namespace {

std::vector<sslconf::runner::CaseOutcome> run_fixture(sslconf::runner::RunOptions::Isolation isolation) {
  const nlohmann::json manifest{{"cases",
                                 {{{"id", "pass"}, {"test", "ends/passes"}},
                                  {{"id", "crash"}, {"test", "ends/crashes"}},
                                  {{"id", "hang"}, {"test", "ends/hangs"}},
                                  {{"id", "silent"}, {"test", "ends/says_nothing"}},
                                  {{"id", "pass again"}, {"test", "ends/passes"}}}}};
  sslconf::runner::RunOptions o;
  o.suite = SSLCONF_FIXTURE_SUITE;
  o.per_claim = 1500ms;
  o.jobs = 2;
  o.isolation = isolation;
  return sslconf::runner::run_suite(manifest, o);
}

}  // namespace

// Every way a claim's process ends gives the same outcome whether the claim
// was forked from a suite server or started as a program of its own, and a
// crash or a hang in one claim does not touch the next.
BOOST_AUTO_TEST_CASE(forked_and_started_claims_end_alike) {
  using Isolation = sslconf::runner::RunOptions::Isolation;
  const auto forked = run_fixture(Isolation::fork);
  const auto started = run_fixture(Isolation::exec);
  BOOST_REQUIRE(forked.size() == 5u);
  BOOST_REQUIRE(started.size() == 5u);
  for (const auto* r : {&forked, &started}) {
    BOOST_TEST((*r)[0].outcome == "PASS");
    BOOST_TEST((*r)[0].detail == "it held");
    BOOST_TEST((*r)[1].outcome == "FAIL");
    BOOST_TEST((*r)[1].detail == "the claim's process died of SIGSEGV after reporting PASS: about to crash");
    BOOST_TEST((*r)[2].outcome == "UNRESOLVED");
    BOOST_TEST((*r)[2].detail.find("1500 ms") != std::string::npos);
    BOOST_TEST((*r)[3].outcome == "UNRESOLVED");
    BOOST_TEST((*r)[3].detail.find("no verdict here") != std::string::npos);
    BOOST_TEST((*r)[4].outcome == "PASS");
  }
  for (std::size_t i = 0; i < 5; ++i) BOOST_TEST(forked[i].detail == started[i].detail);
}

// The server answers in its protocol: one JSON line per test name, and a
// status of 200 for a test it does not have.
BOOST_AUTO_TEST_CASE(the_suite_server_answers_one_line_per_test) {
  sslconf::platform::LineChannel server({SSLCONF_FIXTURE_SUITE, "--sslconf-serve", "2000"});
  std::string line;
  BOOST_REQUIRE(server.send("ends/passes"));
  BOOST_REQUIRE(server.receive(line, 10s));
  const auto passed = nlohmann::json::parse(line);
  BOOST_TEST(passed.at("out").get<std::string>() == "@@sslconf PASS it held\n");
  BOOST_TEST(passed.at("exit_code").get<int>() == 0);
  BOOST_REQUIRE(server.send("ends/no_such_test"));
  BOOST_REQUIRE(server.receive(line, 10s));
  BOOST_TEST(nlohmann::json::parse(line).at("exit_code").get<int>() == 200);
}

BOOST_AUTO_TEST_CASE(a_server_without_a_limit_is_refused) {
  const auto r = sslconf::platform::run_process({SSLCONF_FIXTURE_SUITE, "--sslconf-serve", "soon"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("--sslconf-serve <limit-ms>") != std::string::npos);
}

// A case decided at generation (a claim without a check) is recorded as the
// manifest gives it, without a process; the next case still runs in one.
BOOST_AUTO_TEST_CASE(a_claim_without_a_check_costs_no_process) {
  const nlohmann::json manifest{
      {"cases",
       {{{"id", "decided"}, {"outcome", "UNTESTED"}, {"detail", "no check for kind some-kind"}},
        {{"id", "needs a process"}, {"test", "ends/passes"}}}}};
  sslconf::runner::RunOptions o;
  o.suite = SSLCONF_FIXTURE_SUITE;
  o.per_claim = 1500ms;
  o.jobs = 1;
  const auto r = sslconf::runner::run_suite(manifest, o);
  BOOST_REQUIRE(r.size() == 2u);
  BOOST_TEST(r[0].outcome == "UNTESTED");
  BOOST_TEST(r[0].detail == "no check for kind some-kind");
  BOOST_TEST(!r[0].process);
  BOOST_TEST(r[0].milliseconds == 0.0);
  BOOST_TEST(r[1].process);
  BOOST_TEST(r[1].outcome == "PASS");
}

// A suite program that cannot be started leaves each claim UNRESOLVED with
// the reason, instead of ending the run.
BOOST_AUTO_TEST_CASE(a_suite_that_cannot_start_is_each_claims_unresolved) {
  const nlohmann::json manifest{{"cases", {{{"id", "a"}, {"test", "ends/passes"}}, {{"id", "b"}, {"test", "ends/passes"}}}}};
  sslconf::runner::RunOptions o;
  o.suite = "/nonexistent/sslconf_suite";
  o.per_claim = 1500ms;
  o.jobs = 2;
  for (const auto& c : sslconf::runner::run_suite(manifest, o)) {
    BOOST_TEST(c.outcome == "UNRESOLVED");
    BOOST_TEST(c.detail.rfind("the claim's process could not be started: ", 0) == 0);
  }
}
