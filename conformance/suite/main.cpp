// The generated suite's entry point (Boost.Test, dynamic library).
#define BOOST_TEST_MODULE sslconf_generated_suite
#include <boost/test/unit_test.hpp>
