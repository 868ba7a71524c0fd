// Throughput of the recognisers: sentences per second over typical
// wordings, so a slow pattern added to the table shows up here.
#include "claims/recognise.hpp"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

const sslconf::claims::Vocabulary& vocabulary() {
  static const sslconf::claims::Vocabulary v = [] {
    sslconf::model::Page page;
    page.names = {"SSL_SESSION_new", "SSL_SESSION_dup", "SSL_SESSION_up_ref", "SSL_SESSION_free"};
    sslconf::model::Prototype free_fn;
    free_fn.return_type = "void";
    free_fn.name = "SSL_SESSION_free";
    free_fn.params = {{"SSL_SESSION *", "session", false}};
    page.synopsis.prototypes = {free_fn};
    return sslconf::claims::vocabulary_of(page, {"SSL_CTX_flush_sessions", "SSL_get1_session"});
  }();
  return v;
}

const std::vector<std::string> kSentences{
    "SSL_SESSION_free() decrements the reference count of session and removes the SSL_SESSION structure pointed "
    "to by session and frees up the allocated memory, if the reference count has reached 0.",
    "If session is NULL nothing is done.",
    "SSL_SESSION_up_ref returns 1 on success or 0 on error.",
    "SSL objects may be using the SSL_SESSION object; as a session may be reused, several SSL objects may be "
    "using one SSL_SESSION object at the same time.",
    "The SSL_SESSION_dup() function was added in OpenSSL 1.1.1.",
};

void recognise_typical_sentences(benchmark::State& state) {
  const sslconf::claims::SentenceContext ctx{&vocabulary(), "DESCRIPTION", "", "", "", "", ""};
  for (auto _ : state)
    for (const auto& s : kSentences) benchmark::DoNotOptimize(sslconf::claims::recognise(s, ctx));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(kSentences.size()));
}
BENCHMARK(recognise_typical_sentences);

}  // namespace

BENCHMARK_MAIN();
