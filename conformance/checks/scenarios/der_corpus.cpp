#include "checks/scenarios/der_corpus.hpp"

#include <cstddef>

namespace sslconf::checks::scenarios {

namespace {

struct Element {
  unsigned char tag = 0;
  Der content;
};

// One element at p (tag below 0x1f, length in short or long form up to 4
// bytes); false when it does not fit in [p, end).
bool take(const unsigned char*& p, const unsigned char* end, Element& e) {
  if (end - p < 2) return false;
  e.tag = *p++;
  std::size_t len = *p++;
  if (len & 0x80) {
    const std::size_t n = len & 0x7f;
    if (n == 0 || n > 4 || static_cast<std::size_t>(end - p) < n) return false;
    len = 0;
    for (std::size_t i = 0; i < n; ++i) len = (len << 8) | *p++;
  }
  if (static_cast<std::size_t>(end - p) < len) return false;
  e.content.assign(p, p + len);
  p += len;
  return true;
}

void put(Der& out, unsigned char tag, const Der& content) {
  out.push_back(tag);
  const std::size_t len = content.size();
  if (len < 0x80) {
    out.push_back(static_cast<unsigned char>(len));
  } else {
    unsigned char bytes[sizeof len];
    int n = 0;
    for (std::size_t v = len; v; v >>= 8) bytes[n++] = static_cast<unsigned char>(v & 0xff);
    out.push_back(static_cast<unsigned char>(0x80 | n));
    while (n) out.push_back(bytes[--n]);
  }
  out.insert(out.end(), content.begin(), content.end());
}

Der sequence_of(const std::vector<Element>& body) {
  Der inner, out;
  for (const auto& e : body) put(inner, e.tag, e.content);
  put(out, 0x30, inner);
  return out;
}

bool split(const Der& valid, std::vector<Element>& body) {
  const unsigned char* p = valid.data();
  const unsigned char* end = p + valid.size();
  Element outer;
  if (!take(p, end, outer) || outer.tag != 0x30 || p != end) return false;
  p = outer.content.data();
  end = p + outer.content.size();
  while (p != end) {
    Element e;
    if (!take(p, end, e)) return false;
    body.push_back(std::move(e));
  }
  // Format version INTEGER, protocol version INTEGER, cipher OCTET STRING.
  return body.size() >= 3 && body[0].tag == 0x02 && body[1].tag == 0x02 && body[2].tag == 0x04;
}

// The last explicitly tagged field holding an INTEGER, or -1.
int last_tagged_integer(const std::vector<Element>& body) {
  for (int i = static_cast<int>(body.size()) - 1; i >= 3; --i)
    if ((body[i].tag & 0xe0) == 0xa0 && !body[i].content.empty() && body[i].content[0] == 0x02) return i;
  return -1;
}

}  // namespace

std::vector<std::pair<std::string, Der>> malformed_session_encodings(const Der& valid) {
  std::vector<std::pair<std::string, Der>> out;
  if (valid.size() > 2) {
    out.push_back({"the encoding cut short by one byte", Der(valid.begin(), valid.end() - 1)});
    out.push_back({"only the first half of the encoding", Der(valid.begin(), valid.begin() + static_cast<long>(valid.size() / 2))});
  }
  std::vector<Element> body;
  if (!split(valid, body)) return out;
  Der set = valid;
  set[0] = 0x31;
  out.push_back({"a SET instead of a SEQUENCE", set});
  auto variant = [&](const std::string& what, auto change) {
    std::vector<Element> b = body;
    change(b);
    out.push_back({what, sequence_of(b)});
  };
  variant("an unknown session format version", [](auto& b) { b[0].content = {0x7f}; });
  variant("a format version INTEGER with a redundant leading zero byte", [](auto& b) {
    b[0].content.insert(b[0].content.begin(), 0x00);
  });
  variant("a cipher suite of three bytes", [](auto& b) { b[2].content.push_back(0x00); });
  variant("a cipher suite of one byte", [](auto& b) { b[2].content.resize(1); });
  variant("a required field missing (the session ID)", [](auto& b) { b.erase(b.begin() + 3); });
  const int tagged = last_tagged_integer(body);
  if (tagged > 0) {
    variant("a tagged field repeated at the end", [tagged](auto& b) { b.push_back(b[static_cast<std::size_t>(tagged)]); });
    variant("a byte after the INTEGER inside a tagged field", [tagged](auto& b) {
      b[static_cast<std::size_t>(tagged)].content.push_back(0x00);
    });
  }
  return out;
}

}  // namespace sslconf::checks::scenarios
