// Build-time tool: validates rules/*.yml and writes them out as C++ static tables.
// Usage: sprawl-embed-rules RULES_DIR OUTPUT.cpp
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rules/patterns_digest.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_validation.hpp"
#include "rules/verify_spec_json.hpp"
#include "sprawl/error.hpp"

namespace {

// A C string literal that survives any byte: octal escapes for everything unusual.
std::string Literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

// The character pool and the index tables the generated file defines; identical strings
// are stored once.
class Pool {
 public:
  std::uint32_t Add(const std::string& s) {
    auto it = offsets_.find(s);
    if (it != offsets_.end()) return it->second;
    const auto at = static_cast<std::uint32_t>(size_);
    offsets_.emplace(s, at);
    chars_ << Literal(s) << " \"\\000\"\n";
    size_ += s.size() + 1;
    return at;
  }
  std::string List(const std::vector<std::string>& items) {
    const auto first = static_cast<std::uint32_t>(lists_count_);
    for (const auto& item : items) {
      lists_ << Add(item) << ",\n";
      ++lists_count_;
    }
    std::ostringstream list;  // (not operator+: GCC 12 raises a false -Wrestrict on it)
    list << "{" << first << ", " << items.size() << "}";
    return list.str();
  }
  std::uint32_t Examples(const std::vector<sprawl::RuleExample>& examples) {
    const auto first = static_cast<std::uint32_t>(examples_count_);
    for (const auto& ex : examples) {
      examples_ << "{" << Add(ex.input) << ", " << Add(ex.secret) << "},\n";
      ++examples_count_;
    }
    return first;
  }
  std::string Definitions() const {
    // One array initialised from adjacent literals; an empty pool still needs one byte.
    return "const char kStrings[] =\n" + (size_ ? chars_.str() : std::string("\"\"\n")) +
           ";\nconst Str kLists[] = {" + (lists_count_ ? lists_.str() : std::string("0")) +
           "};\nconst Example kExamples[] = {" +
           (examples_count_ ? examples_.str() : std::string("{0, 0}")) + "};\n";
  }

 private:
  std::map<std::string, std::uint32_t> offsets_;
  std::ostringstream chars_, lists_, examples_;
  std::size_t size_ = 0, lists_count_ = 0, examples_count_ = 0;
};

// The rules a scan runs by default: all but those tagged test-mode (cli/engine_setup.cpp).
std::vector<sprawl::Rule> DefaultRules(const std::vector<sprawl::Rule>& rules) {
  std::vector<sprawl::Rule> out;
  for (const auto& r : rules) {
    if (!r.HasTag(sprawl::kTestModeTag)) out.push_back(r);
  }
  return out;
}

std::string DigestBytes(const sprawl::Sha256Digest& digest) {
  std::ostringstream out;
  for (size_t i = 0; i < digest.size(); ++i)
    out << (i ? ", " : "") << static_cast<unsigned>(digest[i]);
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: sprawl-embed-rules RULES_DIR OUTPUT.cpp\n";
    return 2;
  }
  const std::filesystem::path rules_dir = argv[1];
  try {
    auto rules = sprawl::LoadRulesFromPath(rules_dir.string());
    auto problems = sprawl::ValidateRules(rules);
    for (const auto& p : problems)
      std::cerr << "error: " << p << "\n";
    if (!problems.empty()) return 1;

    // What every scan reads goes into the pool first, for all rules, and what only `rules
    // check`/`show` and --verify read (examples, specs) after it: a start-up then touches
    // the first part of the pool's pages instead of all of them.
    struct Row {
      std::uint32_t id, name, provider, pattern, checksum, revocation, origin;
      std::string keywords, references, tags;  // "{first, count}"
      std::string negatives;                   // "{first, count}"
      std::uint32_t first_example = 0, verify = 0, revoke = 0;
    };
    Pool pool;
    std::vector<Row> rows(rules.size());
    for (size_t i = 0; i < rules.size(); ++i) {
      const auto& r = rules[i];
      Row& row = rows[i];
      row.id = pool.Add(r.id);
      row.name = pool.Add(r.name);
      row.provider = pool.Add(r.provider);
      row.pattern = pool.Add(r.pattern);
      row.keywords = pool.List(r.keywords);
      row.checksum = pool.Add(r.checksum);
      row.references = pool.List(r.references);
      row.revocation = pool.Add(r.revocation);
      row.tags = pool.List(r.tags);
      row.origin = pool.Add(std::filesystem::path(r.origin.file)
                                .lexically_relative(rules_dir.parent_path())
                                .string());
    }
    for (size_t i = 0; i < rules.size(); ++i) {
      const auto& r = rules[i];
      Row& row = rows[i];
      row.first_example = pool.Examples(r.examples);
      row.negatives = pool.List(r.negative_examples);
      row.verify = pool.Add(r.verify ? sprawl::VerifySpecToJson(*r.verify) : std::string());
      row.revoke = pool.Add(r.revoke ? sprawl::RevokeSpecToJson(*r.revoke) : std::string());
    }
    std::ostringstream table;
    for (size_t i = 0; i < rules.size(); ++i) {
      const auto& r = rules[i];
      const Row& row = rows[i];
      table << "{" << row.id << ", " << row.name << ", " << row.provider << ", " << row.pattern
            << ", " << row.keywords << ", " << r.entropy << ", " << static_cast<int>(r.confidence)
            << ", " << static_cast<int>(r.severity) << ", " << row.checksum << ", " << r.max_length
            << ", " << row.references << ", " << row.revocation << ", " << row.first_example << ", "
            << r.examples.size() << ", " << row.negatives << ", " << row.tags << ", " << row.origin
            << ", " << r.origin.line << ", " << row.verify << ", " << row.revoke << "},\n";
    }
    std::ostringstream out;
    out << "// Generated by sprawl-embed-rules from rules/*.yml. Do not edit.\n"
        << "#include \"rules/embedded_rules.hpp\"\n\n"
        // The pool is one long string (~1 MB), more than ISO C++ promises to support.
        << "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n"
        << "namespace sprawl::embedded {\n"
        << pool.Definitions() << "\n"
        << "const RuleRecord kRules[] = {\n"
        << (rules.empty() ? std::string("{}") : table.str()) << "};\n"
        << "const std::size_t kRuleCount = " << rules.size() << ";\n"
        << "const unsigned char kPatternsDigest[32] = {"
        << DigestBytes(sprawl::PatternsDigest(rules)) << "};\n"
        << "const unsigned char kDefaultPatternsDigest[32] = {"
        << DigestBytes(sprawl::PatternsDigest(DefaultRules(rules))) << "};\n"
        << "}  // namespace sprawl::embedded\n";
    const std::string tmp = std::string(argv[2]) + ".tmp";
    std::filesystem::create_directories(std::filesystem::path(argv[2]).parent_path());
    {
      std::ofstream f(tmp, std::ios::binary);
      f << out.str();
      if (!f) {
        std::cerr << "error: cannot write " << tmp << "\n";
        return 1;
      }
    }
    std::filesystem::rename(tmp, argv[2]);
    return 0;
  } catch (const sprawl::UsageError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
