# One place for the warning flags every target of ours uses.
add_library(sslconf_warnings INTERFACE)
add_library(sslconf::warnings ALIAS sslconf_warnings)
target_compile_options(sslconf_warnings INTERFACE
  $<$<OR:$<CXX_COMPILER_ID:GNU>,$<CXX_COMPILER_ID:Clang>>:-Wall -Wextra>
  $<$<OR:$<C_COMPILER_ID:GNU>,$<C_COMPILER_ID:Clang>>:-Wall -Wextra>)
