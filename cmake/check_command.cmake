# ctest helper for command-line checks of any tool of ours: runs COMMAND
# with ARGS ('|'-separated) and checks its exit status (EXPECT_STATUS) and,
# when given, that stderr / stdout match EXPECT_STDERR / EXPECT_STDOUT.
# -DONE_LINE=1: stderr must be exactly one line (the diagnostic shape).
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${COMMAND}" ${args} RESULT_VARIABLE status
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL EXPECT_STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_STATUS}\nstdout: ${out}\nstderr: ${err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}': ${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}': ${out}")
endif()
if(ONE_LINE)
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one diagnostic line, got: ${err}")
  endif()
endif()
