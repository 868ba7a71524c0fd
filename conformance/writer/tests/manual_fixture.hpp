// The whole manual of pod/, generated once per test program into a
// temporary folder, and small helpers to look at what was generated.
#pragma once

#include "model/page.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace sslconf::writer::test {

struct GeneratedManual {
  std::filesystem::path out;            // holds man/, html/, book/
  std::vector<model::Page> pages;       // as read from pod/
  bool written = false;                 // false when pandoc is missing
};

// Generated on first use; removed at exit.
const GeneratedManual& generated_manual();

// True when the program can be started.
bool have_program(const std::string& program);

std::string file_text(const std::filesystem::path& path);

// The values of every attribute `name` ("href", "id") in an HTML text.
std::vector<std::string> attribute_values(const std::string& html, const std::string& name);

// href of <link rel="next"> (or "prev"), "" when the page has none.
std::string head_link(const std::string& html, const std::string& rel);

}  // namespace sslconf::writer::test
