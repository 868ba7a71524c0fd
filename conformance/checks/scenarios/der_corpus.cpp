#include "checks/scenarios/der_corpus.hpp"

#include <set>

namespace sslconf::checks::scenarios {

namespace {

enum : unsigned { kUniversal = 0, kApplication = 1, kContextClass = 2, kPrivate = 3 };
enum : unsigned long { kBoolean = 1, kInteger = 2, kOctetString = 4, kNull = 5, kSequence = 16, kSet = 17 };

struct Tag {
  unsigned cls = kUniversal;
  bool constructed = false;
  unsigned long number = 0;
};

// An element of the tree. The session grammar's own constructed elements
// (the outer SEQUENCE and the explicit tags in it) are opened into kids;
// anything else (a certificate, an INTEGER) stays bytes: its grammar is not
// the session's.
struct Node {
  Tag tag;
  Der content;
  std::vector<Node> kids;
  bool opened = false;
};

using Path = std::vector<std::size_t>;

// One element at p under DER's rules (definite, minimal length; minimal
// high tag number form); false when malformed or running past end.
bool read_element(const unsigned char*& p, const unsigned char* end, Node& n) {
  if (p == end) return false;
  const unsigned char first = *p++;
  n.tag = {static_cast<unsigned>(first >> 6), (first & 0x20) != 0, first & 0x1fu};
  if (n.tag.number == 0x1f) {
    n.tag.number = 0;
    if (p == end || *p == 0x80) return false;
    for (int i = 0;; ++i) {
      if (p == end || i == 4) return false;
      const unsigned char b = *p++;
      n.tag.number = (n.tag.number << 7) | (b & 0x7fu);
      if (!(b & 0x80)) break;
    }
    if (n.tag.number < 0x1f) return false;
  }
  if (p == end) return false;
  std::size_t len = *p++;
  if (len & 0x80) {
    const std::size_t bytes = len & 0x7f;
    if (bytes == 0 || bytes > 4 || static_cast<std::size_t>(end - p) < bytes || *p == 0) return false;
    len = 0;
    for (std::size_t i = 0; i < bytes; ++i) len = (len << 8) | *p++;
    if (len < 0x80) return false;
  }
  if (static_cast<std::size_t>(end - p) < len) return false;
  n.content.assign(p, p + len);
  p += len;
  return true;
}

bool read_all(const Der& bytes, std::vector<Node>& out) {
  const unsigned char* p = bytes.data();
  const unsigned char* end = p + bytes.size();
  while (p != end) {
    Node n;
    if (!read_element(p, end, n)) return false;
    out.push_back(std::move(n));
  }
  return true;
}

bool read_one(const Der& bytes, Node& n) {
  const unsigned char* p = bytes.data();
  return read_element(p, p + bytes.size(), n) && p == bytes.data() + bytes.size();
}

void put_tag(Der& out, const Tag& t) {
  const auto first = static_cast<unsigned char>((t.cls << 6) | (t.constructed ? 0x20u : 0u));
  if (t.number < 0x1f) {
    out.push_back(static_cast<unsigned char>(first | t.number));
    return;
  }
  out.push_back(static_cast<unsigned char>(first | 0x1f));
  unsigned char septets[sizeof(unsigned long) * 2];
  int n = 0;
  for (unsigned long v = t.number; v; v >>= 7) septets[n++] = static_cast<unsigned char>(v & 0x7f);
  while (n--) out.push_back(static_cast<unsigned char>(septets[n] | (n ? 0x80 : 0)));
}

void put_length(Der& out, std::size_t len) {
  if (len < 0x80) {
    out.push_back(static_cast<unsigned char>(len));
    return;
  }
  unsigned char bytes[sizeof len];
  int n = 0;
  for (std::size_t v = len; v; v >>= 8) bytes[n++] = static_cast<unsigned char>(v & 0xff);
  out.push_back(static_cast<unsigned char>(0x80 | n));
  while (n) out.push_back(bytes[--n]);
}

// The encoding of n; the element `bent` (if any) declares a length `delta`
// off its true one, with every other length left true.
void emit(const Node& n, Der& out, const Node* bent = nullptr, long delta = 0) {
  Der body;
  if (n.opened)
    for (const auto& k : n.kids) emit(k, body, bent, delta);
  else
    body = n.content;
  put_tag(out, n.tag);
  put_length(out, &n == bent ? static_cast<std::size_t>(static_cast<long>(body.size()) + delta) : body.size());
  out.insert(out.end(), body.begin(), body.end());
}

bool is(const Node& n, unsigned long number) { return n.tag.cls == kUniversal && n.tag.number == number && n.tag.constructed == (number == kSequence); }

// The universal types some library gives each explicit tag of the session
// (OpenSSL's SSL_SESSION_ASN1, LibreSSL's, BoringSSL's); past 18 the
// libraries disagree, so any one element is taken.
bool fits_tag(unsigned long number, const Node& inner) {
  if (inner.tag.cls != kUniversal) return false;
  if (number >= 19) return true;
  const bool integer = is(inner, kInteger) && !inner.content.empty();
  const bool octets = is(inner, kOctetString);
  switch (number) {
    case 3: return is(inner, kSequence);
    case 1: case 2: case 5: case 9: return integer;
    case 13: case 14: case 15: case 16: case 18: return integer || octets;
    case 17: return integer || (is(inner, kBoolean) && inner.content.size() == 1);
    default: return octets;
  }
}

bool required_fields(const std::vector<Node>& kids) {
  return kids.size() >= 5 && is(kids[0], kInteger) && kids[0].content == Der{0x01} && is(kids[1], kInteger) &&
         !kids[1].content.empty() && is(kids[2], kOctetString) && kids[2].content.size() == 2 &&
         is(kids[3], kOctetString) && kids[3].content.size() <= 32 && is(kids[4], kOctetString);
}

bool tagged_fields(const std::vector<Node>& kids) {
  std::size_t i = 5;
  // OpenSSL's template allows an implicitly tagged [0] (the old key_arg).
  if (i < kids.size() && kids[i].tag.cls == kContextClass && !kids[i].tag.constructed && kids[i].tag.number == 0) ++i;
  unsigned long last = 0;
  for (; i < kids.size(); ++i) {
    const Node& k = kids[i];
    if (k.tag.cls != kContextClass || !k.tag.constructed || k.tag.number <= last) return false;
    last = k.tag.number;
    std::vector<Node> inner;
    if (!read_all(k.content, inner) || inner.size() != 1 || !fits_tag(k.tag.number, inner[0])) return false;
  }
  return true;
}

std::string type_name(const Tag& t) {
  static const char* const kClass[] = {"universal", "APPLICATION", "", "PRIVATE"};
  if (t.cls == kUniversal) {
    switch (t.number) {
      case kBoolean: return "BOOLEAN";
      case kInteger: return "INTEGER";
      case kOctetString: return "OCTET STRING";
      case kNull: return "NULL";
      case kSequence: return "SEQUENCE";
      case kSet: return "SET";
      default: break;
    }
  }
  const std::string cls = kClass[t.cls];
  return "[" + cls + (cls.empty() ? "" : " ") + std::to_string(t.number) + (t.constructed ? "" : " primitive") + "]";
}

// Builds the corpus from the opened tree of one valid encoding.
class Mutator {
 public:
  Mutator(const Node& root, const Der& valid, Corpus& out) : root_(root), out_(out) { seen_.insert(valid); }

  void all() {
    containers({});
    elements({});
  }

 private:
  const Node& root_;
  Corpus& out_;
  std::set<Der> seen_;

  static Node& at(Node& root, const Path& path) {
    Node* n = &root;
    for (std::size_t i : path) n = &n->kids[i];
    return *n;
  }
  const Node& at(const Path& path) const {
    const Node* n = &root_;
    for (std::size_t i : path) n = &n->kids[i];
    return *n;
  }

  std::string name(const Path& path) const {
    static const char* const kRequired[] = {"the format version", "the protocol version", "the cipher suite",
                                            "the session ID", "the master key"};
    if (path.empty()) return "the outer SEQUENCE";
    const Node& n = at(path);
    if (path.size() == 1 && n.tag.cls == kUniversal && path[0] < 5) return kRequired[path[0]];
    if (path.size() == 1) return n.tag.cls == kContextClass && n.tag.constructed ? "[" + std::to_string(n.tag.number) + "]"
                                                                                  : "the " + type_name(n.tag) + " at position " + std::to_string(path[0] + 1);
    return "the " + type_name(n.tag) + " inside " + name(Path(path.begin(), path.end() - 1));
  }

  void add(const std::string& kind, const std::string& what, const Node& changed, const Node* bent = nullptr, long delta = 0) {
    Der bytes;
    emit(changed, bytes, bent, delta);
    if (!seen_.insert(bytes).second) return;
    if (session_grammar_accepts(bytes)) {
      ++out_.still_valid;
      return;
    }
    out_.malformed.push_back({kind, what, std::move(bytes)});
  }

  // Drops, repeats, moves and insertions among the kids of every opened element.
  void containers(const Path& path) {
    const Node& here = at(path);
    if (!here.opened) return;
    const std::size_t count = here.kids.size();
    for (std::size_t i = 0; i < count; ++i) {
      Path kid = path;
      kid.push_back(i);
      rearrange(path, i, name(kid));
      containers(kid);
    }
    insertions(path, count);
  }

  std::string position(const Path& path, std::size_t index) const {
    const Node& here = at(path);
    if (index >= here.kids.size()) return "at the end of " + name(path);
    Path kid = path;
    kid.push_back(index);
    return "before " + name(kid);
  }

  void rearrange(const Path& path, std::size_t i, const std::string& who) {
    Node dropped = root_;
    auto& kids = at(dropped, path).kids;
    kids.erase(kids.begin() + static_cast<long>(i));
    add("element dropped", who + " dropped", dropped);
    Node repeated = root_;
    auto& again = at(repeated, path).kids;
    again.insert(again.begin() + static_cast<long>(i), again[i]);
    add("element repeated", who + " repeated", repeated);
    const std::size_t count = kids.size() + 1;
    for (std::size_t to = 0; to < count; ++to) {
      if (to == i) continue;
      Node moved = root_;
      auto& list = at(moved, path).kids;
      Node one = list[i];
      list.erase(list.begin() + static_cast<long>(i));
      list.insert(list.begin() + static_cast<long>(to), std::move(one));
      // Named by the original element it now stands before.
      const std::size_t before = to < i ? to : to + 1;
      add("element moved", who + " moved " + position(path, before), moved);
    }
  }

  void insertions(const Path& path, std::size_t count) {
    static const char* const kKind[] = {"universal element inserted", "application element inserted",
                                        "context-specific element inserted", "private element inserted"};
    for (unsigned cls = kUniversal; cls <= kPrivate; ++cls) {
      Node filler;
      filler.tag = {cls, false, cls == kUniversal ? static_cast<unsigned long>(kNull) : 0ul};
      for (std::size_t pos = 0; pos <= count; ++pos) {
        Node grown = root_;
        auto& kids = at(grown, path).kids;
        kids.insert(kids.begin() + static_cast<long>(pos), filler);
        add(kKind[cls], "an empty " + type_name(filler.tag) + " " + position(path, pos), grown);
      }
    }
  }

  // Tag and length changes of every element, opened or not.
  void elements(const Path& path) {
    const Node& here = at(path);
    retag(path);
    lengths(path);
    for (std::size_t i = 0; here.opened && i < here.kids.size(); ++i) {
      Path kid = path;
      kid.push_back(i);
      elements(kid);
    }
  }

  void retag(const Path& path) {
    static const char* const kClassName[] = {"universal", "application", "context-specific", "private"};
    const Tag original = at(path).tag;
    for (unsigned cls = kUniversal; cls <= kPrivate; ++cls) {
      if (cls == original.cls) continue;
      Node changed = root_;
      at(changed, path).tag.cls = cls;
      add("tag class changed", name(path) + " made " + kClassName[cls], changed);
    }
    for (long step : {-1L, 1L}) {
      if (original.number == 0 && step < 0) continue;
      Node changed = root_;
      Tag& t = at(changed, path).tag;
      t.number = static_cast<unsigned long>(static_cast<long>(t.number) + step);
      add("tag number changed", name(path) + " tagged " + type_name(t), changed);
    }
  }

  void lengths(const Path& path) {
    const Node& original = at(path);
    for (long delta : {-1L, 1L}) {
      Node changed = root_;
      const Node& target = at(changed, path);
      if (delta < 0 && (original.opened ? original.kids.empty() : original.content.empty())) continue;
      add(delta < 0 ? "length shortened" : "length lengthened",
          name(path) + " declaring " + (delta < 0 ? "one byte less" : "one byte more") + " than it holds", changed, &target, delta);
    }
  }
};

// Changed values of the required fields: not tree changes, but the rules
// of the session structure OpenSSL's decoder enforces.
void field_values(const Node& root, const Der& valid, Corpus& out) {
  auto variant = [&](const std::string& what, auto change) {
    Node n = root;
    change(n.kids);
    Der bytes;
    emit(n, bytes);
    if (bytes != valid && !session_grammar_accepts(bytes)) out.malformed.push_back({"field value out of range", what, bytes});
  };
  variant("an unknown session format version", [](auto& k) { k[0].content = {0x7f}; });
  variant("a format version INTEGER with a redundant leading zero byte", [](auto& k) { k[0].content.insert(k[0].content.begin(), 0x00); });
  variant("a cipher suite of three bytes", [](auto& k) { k[2].content.push_back(0x00); });
  variant("a cipher suite of one byte", [](auto& k) { k[2].content.resize(1); });
  variant("a session ID of 33 bytes", [](auto& k) { k[3].content.resize(33, 0x5a); });
}

}  // namespace

bool session_grammar_accepts(const Der& der) {
  Node top;
  std::vector<Node> kids;
  return read_one(der, top) && is(top, kSequence) && read_all(top.content, kids) && required_fields(kids) && tagged_fields(kids);
}

Corpus malformed_session_encodings(const Der& valid) {
  Corpus out;
  if (!session_grammar_accepts(valid)) {
    if (valid.size() > 2) {
      out.malformed.push_back({"encoding cut short", "the encoding cut short by one byte", Der(valid.begin(), valid.end() - 1)});
      out.malformed.push_back({"encoding cut short", "only the first half of the encoding",
                               Der(valid.begin(), valid.begin() + static_cast<long>(valid.size() / 2))});
    }
    return out;
  }
  out.tree = true;
  Node root;
  read_one(valid, root);
  root.opened = true;
  read_all(root.content, root.kids);
  for (auto& k : root.kids) {
    if (k.tag.cls == kContextClass && k.tag.constructed) k.opened = read_all(k.content, k.kids);
  }
  Mutator(root, valid, out).all();
  field_values(root, valid, out);
  for (std::size_t n = 0; n < valid.size(); ++n)
    out.malformed.push_back({"encoding cut short", "the first " + std::to_string(n) + " of " + std::to_string(valid.size()) + " bytes",
                             Der(valid.begin(), valid.begin() + static_cast<long>(n))});
  return out;
}

std::vector<std::pair<std::string, Der>> with_trailing_bytes(const Der& valid) {
  std::vector<std::pair<std::string, Der>> out;
  auto followed = [&](const std::string& what, const Der& tail) {
    Der bytes = valid;
    bytes.insert(bytes.end(), tail.begin(), tail.end());
    out.push_back({what, bytes});
  };
  followed("one zero byte", {0x00});
  followed("an empty SEQUENCE", {0x30, 0x00});
  followed("a second copy of the encoding", valid);
  followed("a cut-short copy of the encoding", Der(valid.begin(), valid.begin() + static_cast<long>(valid.size() / 2)));
  return out;
}

}  // namespace sslconf::checks::scenarios
