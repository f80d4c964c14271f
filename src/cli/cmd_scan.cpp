// `sprawl scan [PATH...]`: scan files and directories.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "cli/commands.hpp"
#include "config/config.hpp"
#include "report/reporter.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_set.hpp"
#include "rules/rule_validation.hpp"
#include "scan/file_scan_job.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl::cli {
namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format = "human";
  std::string output;
  bool reveal = false;
  unsigned threads = 0;
  bool no_ignore = false;
  bool follow_symlinks = false;
  std::string max_file_size;
  std::string chunk_size;
  std::string config;
  bool no_config = false;
  std::string color = "auto";
  bool quiet = false;
  EngineFlags engine;
};

std::uint64_t ParseSizeFlag(const std::string& name, const std::string& value) {
  std::uint64_t bytes = 0;
  if (!ParseByteSize(value, &bytes) || bytes == 0) {
    throw UsageError("invalid " + name + " '" + value + "' (expected a size such as 25MiB)");
  }
  return bytes;
}

// .sprawl.yml at the scanned root: the first path if it is a directory, else its directory.
std::string DiscoverConfig(const std::string& first_path) {
  struct stat st {};
  std::string dir = first_path;
  if (::stat(first_path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    const size_t slash = first_path.rfind('/');
    dir = slash == std::string::npos ? "." : first_path.substr(0, slash == 0 ? 1 : slash);
  }
  std::string candidate = (dir.empty() || dir.back() == '/' ? dir : dir + "/") + ".sprawl.yml";
  return ::access(candidate.c_str(), F_OK) == 0 ? candidate : std::string();
}

bool UseColor(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return to_terminal;
}

int RunScan(ScanFlags& flags) {
  if (flags.paths.empty()) flags.paths.push_back(".");
  OutputFormat format;
  if (!ParseOutputFormat(flags.format, &format)) {
    throw UsageError("unknown --format '" + flags.format + "' (expected human, json, jsonl, sarif)");
  }
  if (flags.color != "auto" && flags.color != "always" && flags.color != "never") {
    throw UsageError("unknown --color '" + flags.color + "' (expected auto, always, never)");
  }
  for (const auto& p : flags.paths) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) {
      throw UsageError(EscapeForTerminal(p) + ": " + std::strerror(errno));
    }
  }

  Config config;
  const std::string config_path =
      flags.no_config ? std::string() : (!flags.config.empty() ? flags.config
                                                                : DiscoverConfig(flags.paths[0]));
  if (!config_path.empty()) config = LoadConfigFile(config_path);

  RuleSet rules = RuleSet::Embedded();
  std::vector<std::string> rule_paths = config.rule_paths;
  rule_paths.insert(rule_paths.end(), flags.engine.rule_dirs.begin(), flags.engine.rule_dirs.end());
  for (const auto& dir : rule_paths) {
    auto extra = LoadRulesFromPath(dir);
    auto problems = ValidateRules(extra);
    if (!problems.empty()) throw UsageError(problems.front());
    rules.AddOrOverride(std::move(extra));
  }
  Diagnostics diag(stderr, flags.quiet);
  for (const auto& id : rules.Disable(config.disabled_rules)) {
    diag.Warn(EscapeForTerminal(config.path) + ": rules.disable names unknown rule '" +
              EscapeForTerminal(id) + "'");
  }

  EngineOptions engine_options;
  engine_options.cache_dir = ResolveCacheDir(flags.engine);
  auto engine = Engine::Create(rules, engine_options);

  IgnoreList allow_paths;
  for (const auto& p : config.allow_paths) allow_paths.AddPattern(p);
  SecretAllowlist allow_secrets(config.allow_secret_hashes, config.allow_patterns);

  FileScanJob job;
  job.roots = flags.paths;
  job.walk.respect_ignore_files = !flags.no_ignore;
  job.walk.follow_symlinks = flags.follow_symlinks;
  job.walk.allow_paths = allow_paths.empty() ? nullptr : &allow_paths;
  if (config.max_file_size) job.file.max_file_size = *config.max_file_size;
  if (!flags.max_file_size.empty()) {
    job.file.max_file_size = ParseSizeFlag("--max-file-size", flags.max_file_size);
  }
  if (!flags.chunk_size.empty()) {
    job.file.chunk_size =
        static_cast<std::size_t>(ParseSizeFlag("--chunk-size", flags.chunk_size));
  }
  job.threads = flags.threads ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  job.allowlist = allow_secrets.empty() ? nullptr : &allow_secrets;

  ScanResult result = RunFileScan(*engine, job, &diag);

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  bool to_terminal = ::isatty(STDOUT_FILENO) != 0;
  if (!flags.output.empty()) {
    file_out.open(flags.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      throw UsageError(EscapeForTerminal(flags.output) + ": cannot write output file: " +
                       std::strerror(errno));
    }
    out = &file_out;
    to_terminal = false;
  }
  ReportOptions report_options;
  report_options.reveal = flags.reveal;
  report_options.color = UseColor(flags.color, to_terminal);
  Report report{result.findings, result.stats, engine->rules()};
  WriteReport(format, *out, report, report_options);
  out->flush();
  if (!*out) throw RuntimeError("failed to write the report");

  std::set<std::string> files;
  for (const auto& f : result.findings) files.insert(f.path);
  if (!flags.quiet) {
    std::fprintf(stderr, "sprawl: %s\n",
                 SummaryLine(result.stats, result.findings.size(), files.size()).c_str());
  }
  return result.findings.empty() ? kExitClean : kExitFindings;
}

}  // namespace

void RegisterScan(CLI::App& app, Action* run) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Scan files and directories for secrets");
  cmd->add_option("paths", flags->paths, "Files or directories to scan (default: .)");
  cmd->add_option("-f,--format", flags->format, "Output format: human, json, jsonl, sarif")
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE instead of stdout");
  cmd->add_flag("--reveal", flags->reveal, "Print raw secrets (redacted by default)");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default: all cores)");
  cmd->add_flag("--no-ignore", flags->no_ignore, "Do not respect .gitignore/.ignore files");
  cmd->add_flag("-L,--follow-symlinks", flags->follow_symlinks,
                "Follow symbolic links (loops are detected and skipped)");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Skip files larger than this (default 25MiB); skipped files are reported");
  cmd->add_option("--chunk-size", flags->chunk_size,
                  "Scan large files in chunks of this size (default 8MiB)");
  cmd->add_option("--config", flags->config, "Config file (default: .sprawl.yml at the root)");
  cmd->add_flag("--no-config", flags->no_config, "Ignore .sprawl.yml");
  cmd->add_option("--color", flags->color, "Colour: auto, always, never (NO_COLOR is respected)")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary or notes on stderr");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, run] { *run = [flags] { return RunScan(*flags); }; });
}

}  // namespace sprawl::cli
