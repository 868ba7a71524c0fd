// Builders for the parts of Pandoc's JSON AST that the writer uses.
//
// Only the block and inline kinds the manual needs are typed here; the
// document is plain nlohmann::json, so anything else passes through
// untouched. The writer produces documents for exactly one API version and
// refuses to feed a pandoc that speaks another one (see check_api_version).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::writer::pandoc {

using json = nlohmann::json;

// pandoc-api-version of pandoc-types 1.22.2.1, the one pandoc 2.17 speaks.
const std::vector<int>& api_version();

// Throws std::runtime_error naming both versions when `installed` (the
// "pandoc-api-version" array of a document pandoc wrote) differs from ours.
void check_api_version(const json& installed);

// Inlines.
json str(const std::string& text);
json space();
json soft_break();
json emph(json inlines);
json strong(json inlines);
json code(const std::string& text);
json link(json inlines, const std::string& url, const std::string& title = "");
// Words of `text` as Str nodes separated by Space nodes; leading and
// trailing white space become one Space each, so pieces can be joined.
json words(const std::string& text);

// Blocks.
json para(json inlines);
json plain(json inlines);
json header(int level, const std::string& id, json inlines);
json code_block(const std::string& text, const std::vector<std::string>& classes = {});
json bullet_list(const std::vector<json>& items);  // each item: array of blocks
json ordered_list(const std::vector<json>& items);
json definition_list(const std::vector<std::pair<json, json>>& items);  // term inlines, blocks
json div(const std::string& id, const std::vector<std::string>& classes, json blocks);
json raw_block(const std::string& format, const std::string& text);

// Metadata values.
json meta_string(const std::string& text);
json meta_bool(bool value);
json meta_map(const json& fields);  // fields: object of meta values
json meta_list(const std::vector<json>& values);

json document(json meta, json blocks);

}  // namespace sslconf::writer::pandoc
