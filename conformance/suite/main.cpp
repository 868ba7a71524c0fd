// The generated suite's entry point: a Boost.Test program (dynamic library)
// that can also serve the runner (serve.hpp).
#define BOOST_TEST_MODULE sslconf_generated_suite
#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include "suite/serve.hpp"

int main(int argc, char** argv) { return sslconf::suite::main_with_server(argc, argv, &init_unit_test); }
