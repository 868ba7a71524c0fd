// Page against header: each SYNOPSIS prototype against the declaration the
// implementation's own header gives, found by running the C preprocessor on
// `#include <openssl/ssl.h>` with that implementation's include path.
//
// Types are compared after resolving typedefs (wolfSSL's SSL_SESSION is a
// typedef of struct WOLFSSL_SESSION) and following object-like macros
// (wolfSSL's `#define SSL_SESSION_free wolfSSL_SESSION_free`).
#pragma once

#include "model/page.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sslconf::crosscheck {

// How to preprocess one implementation's headers.
struct HeaderSource {
  std::string name;                       // "openssl", "boringssl", ...
  std::string compiler = "cc";
  std::vector<std::string> include_dirs;  // -I, in order
  std::vector<std::string> includes{"openssl/ssl.h"};  // after any prelude; must exist
  std::vector<std::string> optional_includes;  // included where the implementation has them
                                               // (the pages' own SYNOPSIS #includes)
  std::vector<std::string> prelude;       // e.g. "wolfssl/options.h"
};

// The known families on this system, or an install prefix (PREFIX/include),
// or the reference implementation (<project>/reference/include).
// Throws std::invalid_argument naming what is wrong.
HeaderSource header_source_for(const std::string& impl, const std::string& project_dir);

// A declaration as the header gives it.
struct Declaration {
  std::string name;         // the name the page uses
  std::string declared_as;  // the name the header declares (after macros)
  std::string macro;        // "#define SSL_SESSION_free wolfSSL_SESSION_free", or ""
  bool function_like_macro = false;  // only a function-like macro, no declaration
  std::string text;         // "SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);"
  std::string return_type;
  std::vector<model::Parameter> params;
  bool variadic = false;
};

// Everything needed from one preprocessed header: declarations by name,
// typedefs, object-like and function-like macros.
class HeaderIndex {
 public:
  // `preprocessed` is `cc -E -dD -P` output (directives kept as #define lines).
  static HeaderIndex parse(const std::string& preprocessed);
  std::optional<Declaration> find(const std::string& name) const;
  // The type written with typedef names resolved: "SSL_SESSION *" →
  // "struct ssl_session_st *"; spacing canonical.
  std::string canonical_type(const std::string& type) const;
  // Function-pointer types ("int (*)(SSL *, SSL_SESSION *)"): typedefs
  // resolved, parameter names dropped, tokens joined by single spaces.
  std::string canonical_function_type(const std::string& type) const;

 private:
  std::vector<std::string> resolved_tokens(const std::string& type) const;
  std::map<std::string, std::string> typedefs_;          // name → type
  std::map<std::string, std::string> object_macros_;     // name → body
  std::map<std::string, std::string> function_macros_;   // name → whole #define
  std::map<std::string, std::string> declarations_;      // function name → declaration text
};

// Every #include the pages' SYNOPSIS sections name, in first-seen order.
std::vector<std::string> synopsis_includes(const std::vector<model::Page>& pages);

// Runs the preprocessor. Throws std::runtime_error with the compiler's own
// message when the header cannot be preprocessed.
HeaderIndex read_header(const HeaderSource& source);

enum class Agreement { same, compatible, different, missing };
std::string to_string(Agreement a);

struct PrototypeComparison {
  std::string page;        // page title
  model::Prototype prototype;
  std::optional<Declaration> declaration;
  Agreement agreement = Agreement::missing;
  std::vector<std::string> reasons;  // "parameter 1: header adds const to the pointee"
};

// Compares one prototype with the header's declaration. Const added on a
// pointee by the header's parameter, or dropped from the header's return
// type, keeps every documented call valid: compatible.
PrototypeComparison compare(const model::Prototype& p, const HeaderIndex& header);

// The page's type completed from the header's, when the two differ only by
// a '*' or a 'const' the page lacks: the page's own spelling of the base
// type with the header's pointer levels and qualifiers ("SSL_CTX" and
// "SSL_CTX *" give "SSL_CTX *"). Empty when they differ otherwise (another
// base type, or something the header lacks) or do not differ.
std::string completed_type(const std::string& page_type, const std::string& header_type, const HeaderIndex& header);

// How one parameter of the page agrees with the header's (compare()'s rule:
// const the header adds to a pointee is compatible).
Agreement parameter_agreement(const model::Parameter& page, const model::Parameter& head, const HeaderIndex& header);

// completed_type for a callback: "SSL_SESSION (*)(SSL *, int)" completed to
// "SSL_SESSION *(*)(SSL *, int)" when that is the header's callback type.
std::string completed_callback_type(const std::string& page_type, const std::string& header_type,
                                    const HeaderIndex& header);

// True when the page's declaration differs from the header's and every
// difference is a '*' or 'const' the page lacks, or a parameter written
// as its name alone: the header gives the certain correction.
bool completable(const model::Prototype& p, const Declaration& d, const HeaderIndex& header);

struct HeaderReport {
  std::string implementation;
  std::string docs;  // the documents whose SYNOPSIS was compared
  std::vector<PrototypeComparison> comparisons;
  std::size_t count(Agreement a) const;
};

HeaderReport compare_pages_with_header(const std::vector<model::Page>& pages, const HeaderIndex& header,
                                       const std::string& implementation);

// The same report from the generated suite's configure-time probes
// (probes.json, schema 1: {"functions": {name: {status, documented, actual,
// macro, detail}}}), which compiled each documented call against the
// implementation: absent → missing, documented → same. Page prototypes give
// the locations. Throws model::InputError naming `origin` on another schema,
// std::runtime_error when the probes themselves failed (their "error").
HeaderReport header_report_from_probes(const nlohmann::json& probes, const std::string& origin,
                                       const std::vector<model::Page>& pages, const std::string& implementation);
HeaderReport header_report_from_probes_file(const std::string& path, const std::vector<model::Page>& pages,
                                            const std::string& implementation);

// "file:line: SSL_SESSION_dup: compatible: page ...; header ... (reasons)"
std::string to_text(const HeaderReport& r);
nlohmann::json to_json(const HeaderReport& r);

}  // namespace sslconf::crosscheck
