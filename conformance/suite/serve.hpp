// The entry point of a test program that can serve the runner. Run
// normally it is an ordinary Boost.Test program. Run as
//   <program> --sslconf-serve <limit-ms>
// it sets Boost.Test up once, then reads one test name ("Suite/Case") per
// line and runs each test in its own forked copy of itself (the isolation of
// a new process, without a program start and framework set-up per claim),
// answering each with one line of JSON: {"exited", "exit_code", "signal",
// "signal_name", "timed_out", "out", "err"}; the copy's exit status is 0
// when the test passed, 201 when it failed, 200 when there is no such test.
#pragma once

namespace sslconf::suite {

// `init` is the module's init function (init_unit_test, defined where
// BOOST_TEST_MODULE is). Returns the program's exit status; 2 for bad
// --sslconf-serve arguments.
int main_with_server(int argc, char** argv, bool (*init)());

}  // namespace sslconf::suite
