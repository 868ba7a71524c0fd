#include "model/regex.hpp"

#include <algorithm>

namespace sslconf {

namespace {

// A requirement: one of these strings occurs (empty: nothing known).
using Need = std::vector<std::string>;

std::size_t strength(const Need& n) {
  if (n.empty()) return 0;
  std::size_t weakest = n.front().size();
  for (const auto& s : n) weakest = std::min(weakest, s.size());
  return weakest;
}

class Analyser {
 public:
  explicit Analyser(const std::string& p) : p_(p) {}

  Need alternation() {
    std::vector<Need> branches{branch()};
    while (at_ < p_.size() && p_[at_] == '|') {
      ++at_;
      branches.push_back(branch());
    }
    Need all;
    for (const auto& b : branches) {
      if (b.empty()) return {};  // one branch promises nothing: neither does the whole
      all.insert(all.end(), b.begin(), b.end());
    }
    return all;
  }

  // The whole pattern was read (no stray ')', nothing it cannot read).
  bool complete() const { return !failed_ && at_ == p_.size(); }

 private:
  // One branch: the strongest of its literal runs and group requirements.
  Need branch() {
    Need best;
    std::string run;
    auto end_run = [&] {
      consider(best, run.empty() ? Need{} : Need{run});
      run.clear();
    };
    while (at_ < p_.size() && p_[at_] != '|' && p_[at_] != ')') {
      const char c = p_[at_];
      if (c == '(') {
        end_run();
        ++at_;
        bool lookaround = false;
        if (p_.compare(at_, 2, "?:") == 0) at_ += 2;
        else if (p_.compare(at_, 2, "?=") == 0 || p_.compare(at_, 2, "?!") == 0) at_ += 2, lookaround = true;
        Need inner = alternation();
        if (at_ >= p_.size() || p_[at_] != ')') return fail();
        ++at_;
        if (!quantifier_allows_none() && !lookaround) consider(best, inner);
        continue;
      }
      if (c == '[') {
        end_run();
        skip_bracket();
        quantifier_allows_none();
        continue;
      }
      std::string literal;
      if (c == '\\') {
        if (at_ + 1 >= p_.size()) return fail();
        const char e = p_[at_ + 1];
        at_ += 2;
        if (e == 'x' || e == 'u' || e == 'c') return fail();  // a coded character: not read here
        if (std::string(".\\()[]{}|*+?^$/-").find(e) != std::string::npos) literal = std::string(1, e);
        // \b \w \d \s \n ... : no plain character
      } else if (c == '.' || c == '^' || c == '$') {
        ++at_;
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        return fail();  // a quantifier with nothing before it: not a pattern this reads
      } else {
        literal = std::string(1, c);
        ++at_;
      }
      if (literal.empty()) {
        end_run();
        quantifier_allows_none();
        continue;
      }
      const std::size_t before = at_;
      const bool optional = quantifier_allows_none();
      if (optional) {
        end_run();
      } else if (at_ != before) {  // + or {n,...}: the character is there, repeated
        run += literal;
        end_run();
      } else {
        run += literal;
      }
    }
    end_run();
    return best;
  }

  static void consider(Need& best, const Need& candidate) {
    if (strength(candidate) > strength(best)) best = candidate;
  }

  // Reads a quantifier after an atom, if any; true when it allows zero
  // repetitions (?, *, {0,...}).
  bool quantifier_allows_none() {
    if (at_ >= p_.size()) return false;
    bool none = false;
    const char q = p_[at_];
    if (q == '?' || q == '*') {
      none = true;
      ++at_;
    } else if (q == '+') {
      ++at_;
    } else if (q == '{') {
      const auto close = p_.find('}', at_);
      if (close == std::string::npos) return fail(), true;
      none = p_[at_ + 1] == '0';
      at_ = close + 1;
    } else {
      return false;
    }
    if (at_ < p_.size() && p_[at_] == '?') ++at_;  // lazy
    return none;
  }

  void skip_bracket() {
    ++at_;
    if (at_ < p_.size() && p_[at_] == '^') ++at_;
    if (at_ < p_.size() && p_[at_] == ']') ++at_;
    while (at_ < p_.size() && p_[at_] != ']') {
      if (p_[at_] == '\\') at_ += 2;
      else if (p_.compare(at_, 2, "[:") == 0) {
        const auto close = p_.find(":]", at_ + 2);
        at_ = close == std::string::npos ? p_.size() : close + 2;
      } else ++at_;
    }
    if (at_ >= p_.size()) return (void)fail();
    ++at_;
  }

  Need fail() {
    failed_ = true;
    at_ = p_.size();
    return {};
  }

  const std::string& p_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

}  // namespace

std::vector<std::string> required_literals(const std::string& pattern) {
  Analyser a(pattern);
  Need need = a.alternation();
  if (!a.complete()) return {};
  // A lone character or a blank filters nothing worth a search.
  if (strength(need) < 2) return {};
  std::sort(need.begin(), need.end());
  need.erase(std::unique(need.begin(), need.end()), need.end());
  return need;
}

}  // namespace sslconf
