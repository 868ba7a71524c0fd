// BIOs: the memory pair the handshakes run over, its references and its
// write guarantee.
#include "checks/scenarios/common.hpp"

#include "harness/observers.hpp"

namespace sslconf::checks::scenarios {

namespace {

// A pair end's death is seen from the other end (PairWatch).
RefTrial pair_trial(std::function<Result(BIO*)> act_on, int extra = 0) {
  if (!harness::PairWatch::broken().empty()) throw Unresolved(harness::PairWatch::broken());
  BIO *a = nullptr, *b = nullptr;
  if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
  for (int i = 0; i < extra; ++i)
    if (optional::bio_up_ref(a) != 1) throw Unresolved("scenario: BIO_up_ref failed");
  RefTrial t{nullptr, 1 + extra, [a, act_on] { return act_on(a); }};
  t.alive = [b] { return harness::PairWatch::alive(b); };
  t.release = [a] { BIO_free(a); };
  return t;
}

}  // namespace

void add_bio(Registry& r) {
  auto& bio_free = r["BIO_free"];
  bio_free.with_null = [] { return integer(BIO_free(nullptr)); };
  bio_free.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(BIO_free(a));
  };
  bio_free.cases = {{{"null-argument"}, bio_free.with_null}};
  r["BIO_new_bio_pair"].success = [] {
    BIO *a = nullptr, *b = nullptr;
    return integer(BIO_new_bio_pair(&a, 0, &b, 0));
  };
  // The two ends are stored, and joined: what one takes the other gives.
  r["BIO_new_bio_pair"].outputs = {{{"bio1", "bio2"}, [] {
    BIO *a = nullptr, *b = nullptr;
    const int rc = BIO_new_bio_pair(&a, 0, &b, 0);
    if (rc != 1 || !a || !b)
      return Comparison{false, "returned " + std::to_string(rc) + (a && b ? "" : ", an end not stored")};
    char got[4] = {0};
    const bool joined = BIO_write(a, "ab", 2) == 2 && BIO_read(b, got, 2) == 2 && got[0] == 'a' && got[1] == 'b';
    return Comparison{joined, joined ? "both ends stored; two bytes written to *bio1 were read from *bio2"
                                     : "both ends stored, but what *bio1 took did not come out of *bio2"};
  }}};
  bio_free.references = [] {
    return pair_trial([](BIO* a) { return integer(BIO_free(a)); }, 1);
  };
  auto& bio_up = r["BIO_up_ref"];
  bio_up.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(optional::bio_up_ref(a));
  };
  bio_up.references = [] {
    return pair_trial([](BIO* a) { return integer(optional::bio_up_ref(a)); });
  };
  // A write the pair cannot take: its buffer is full, or its other end is gone.
  auto& write = r["BIO_write"];
  write.cases = {{{"buffer is full"}, [] {
                    BIO *a = nullptr, *b = nullptr;
                    if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                    static const char bytes[16] = {0};
                    if (BIO_write(a, bytes, sizeof bytes) != static_cast<int>(sizeof bytes))
                      throw Unresolved("scenario: the pair did not take its buffer's worth of bytes");
                    return integer(BIO_write(a, bytes, 1));
                  }},
                 {{"gone"}, [] {
                    BIO *a = nullptr, *b = nullptr;
                    if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                    BIO_free(b);
                    static const char byte = 0;
                    return integer(BIO_write(a, &byte, 1));
                  }}};
  // A read of a pair with nothing waiting, and of a pair whose other end was
  // freed with a byte it wrote still unread.
  r["BIO_read"].cases = {{{"nothing-to-read"}, [] {
                            BIO *a = nullptr, *b = nullptr;
                            if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                            char out[4];
                            return integer(BIO_read(a, out, sizeof out));
                          }},
                         {{"peer-gone"}, [] {
                            BIO *a = nullptr, *b = nullptr;
                            if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                            if (BIO_write(b, "x", 1) != 1) throw Unresolved("scenario: the pair did not take one byte");
                            BIO_free(b);
                            char out[4];
                            return integer(BIO_read(a, out, sizeof out));
                          }}};
  auto& guarantee = r["BIO_ctrl_get_write_guarantee"];
  guarantee.cases = {{{"gone"}, [] {
                        BIO *a = nullptr, *b = nullptr;
                        if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                        BIO_free(b);
                        return integer(static_cast<long long>(optional::bio_write_guarantee(a)));
                      }}};
  guarantee.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(static_cast<long long>(optional::bio_write_guarantee(a)));
  };
}

}  // namespace sslconf::checks::scenarios
