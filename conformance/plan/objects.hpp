// The object model: how to make each libssl type from the public API
// alone, in each state the pages speak of. A state is a C expression of the
// makers every plan shares (plan/makers.h: the suite builds them on the
// harness, a reproducer prints them from the public API) or of the
// library's own constructors, with the words a report uses for it and the
// condition classes (checks/conditions.hpp) it realises.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sslconf::plan {

struct State {
  std::string make;                   // C expression giving the object
  std::string words;                  // "a new client connection, before its handshake"
  std::vector<std::string> realises;  // condition classes this state makes true
};

// The states of a type as a parameter names it ("const SSL *", "SSL_CTX*"),
// most useful first; empty when the model has no way to make one.
const std::vector<State>& states_of(const std::string& type);

// The type with `const`, spaces and one level of pointer taken away
// ("const SSL_CTX *" → "SSL_CTX"); "" when the type is not a pointer to
// one object.
std::string object_type(const std::string& type);

// Whether a C type is an integer the model can pass a number for.
bool is_integer_type(const std::string& type);

// Whether a C type is a pointer (written with '*' or STACK_OF).
bool is_pointer_type(const std::string& type);

}  // namespace sslconf::plan
