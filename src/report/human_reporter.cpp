#include <fmt/format.h>

#include "report/reporter.hpp"
#include "util/escape.hpp"

namespace sprawl {
namespace {

struct Style {
  bool on;
  std::string Wrap(const std::string& s, const char* code) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
  }
};

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh:
      return "1;31";
    case Severity::kMedium:
      return "33";
    case Severity::kLow:
      return "36";
  }
  return "0";
}

}  // namespace

void WriteHumanReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  const Style style{options.color};
  const std::string* current = nullptr;
  for (const Finding& f : report.findings) {
    if (!current || *current != f.path) {
      if (current) out << "\n";
      out << style.Wrap(EscapeForTerminal(f.path), "1;35") << "\n";
      current = &f.path;
    }
    const Rule& r = *f.rule;
    const std::string secret =
        options.reveal ? EscapeForTerminal(f.secret) : EscapeForTerminal(f.redacted);
    out << fmt::format("  {}  {}  {}\n", style.Wrap(fmt::format("{}:{}", f.line, f.column), "32"),
                       style.Wrap(r.id, SeverityColor(r.severity)), EscapeForTerminal(r.name));
    out << fmt::format("      secret: {}  (severity {}, confidence {}, entropy {:.2f}{})\n", secret,
                       ToString(r.severity), ToString(r.confidence), f.entropy,
                       f.checksum == "valid" ? ", checksum valid" : "");
    if (f.git) {
      const GitCommitInfo& c = f.git->introduced;
      out << fmt::format("      commit: {} {} <{}> {}: {}\n", c.id.substr(0, 12),
                         EscapeForTerminal(c.author_name), EscapeForTerminal(c.author_email),
                         c.author_date, EscapeForTerminal(c.summary));
      if (f.git->present_at_head) {
        std::string paths;
        for (const auto& p : f.git->head_paths)
          paths += (paths.empty() ? "" : ", ") + p;
        out << "      still at HEAD: " << EscapeForTerminal(paths) << "\n";
      } else if (f.git->removed_by) {
        out << fmt::format("      removed by: {} (still in history: rewrite it or revoke)\n",
                           f.git->removed_by->id.substr(0, 12));
      }
    }
    if (f.verification.status != VerificationStatus::kNotChecked) {
      out << "      verification: " << EscapeForTerminal(VerificationSummary(f.verification))
          << "\n";
    }
    // Revocation guidance, indented under the finding.
    std::string_view rev = r.revocation;
    bool first = true;
    while (!rev.empty()) {
      size_t nl = rev.find('\n');
      std::string_view line = rev.substr(0, nl);
      out << (first ? "      revoke: " : "              ") << EscapeForTerminal(line) << "\n";
      first = false;
      if (nl == std::string_view::npos) break;
      rev.remove_prefix(nl + 1);
    }
  }
}

}  // namespace sprawl
