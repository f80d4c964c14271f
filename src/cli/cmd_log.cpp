// `sprawl log [FILE...]`: scan CI logs (plain, .gz, GitHub Actions log archives, stdin).
#include <sys/stat.h>

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "cli/commands.hpp"
#include "cli/engine_setup.hpp"
#include "cli/report_output.hpp"
#include "sources/log/log_scan.hpp"
#include "sprawl/error.hpp"
#include "sprawl/exit_codes.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl::cli {
namespace {

struct LogFlags {
  std::vector<std::string> files;  // default: "-" (stdin)
  OutputFlags output;
  EngineFlags engine;
  std::string config;
  bool no_config = false;
  bool quiet = false;
  unsigned threads = 0;
  std::string chunk_size;
  std::string read_buffer_size;  // hidden: lets tests put a secret on a read boundary
};

std::size_t ParseSize(const std::string& name, const std::string& value) {
  std::uint64_t bytes = 0;
  if (!ParseByteSize(value, &bytes) || bytes == 0) {
    throw UsageError("invalid " + name + " '" + value + "' (expected a size such as 4MiB)");
  }
  return static_cast<std::size_t>(bytes);
}

logs::LogScanOptions MakeOptions(const LogFlags& flags) {
  logs::LogScanOptions options;
  if (!flags.chunk_size.empty()) options.block_size = ParseSize("--chunk-size", flags.chunk_size);
  if (!flags.read_buffer_size.empty()) {
    options.read_buffer_size = ParseSize("--read-buffer-size", flags.read_buffer_size);
  }
  const unsigned threads =
      flags.threads ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  options.pipelined = threads >= 2;
  return options;
}

int RunLog(LogFlags& flags) {
  ReportOutput output(flags.output);
  Diagnostics diag(stderr, flags.quiet);
  std::vector<std::string> files = flags.files;
  if (files.empty()) files.push_back("-");
  for (const auto& f : files) {
    struct stat st {};
    if (f != "-" && ::stat(f.c_str(), &st) != 0) {
      throw UsageError(EscapeForTerminal(f) + ": " + std::strerror(errno));
    }
    if (f != "-" && S_ISDIR(st.st_mode)) {
      throw UsageError(EscapeForTerminal(f) +
                       ": is a directory (sprawl log reads log files; "
                       "use sprawl scan for directories)");
    }
  }
  const logs::LogScanOptions options = MakeOptions(flags);
  std::string config_path = flags.config;
  if (config_path.empty() && !flags.no_config && ::access(".sprawl.yml", F_OK) == 0) {
    config_path = ".sprawl.yml";
  }
  flags.engine.live_verification = flags.output.verify.verify;
  auto prepared = PrepareEngine(config_path, flags.engine, &diag);

  if (std::find(files.begin(), files.end(), "-") != files.end() && ::isatty(STDIN_FILENO)) {
    diag.Note("reading the log from the terminal; end with Ctrl-D (or pass a FILE)");
  }
  const auto started = std::chrono::steady_clock::now();
  ScanResult result;
  Scanner scanner(*prepared->engine);
  ContentScanner content(scanner, prepared->secrets_allowlist());
  for (const auto& f : files) {
    logs::ScanLogPath(f, options, content, &result.findings, &result.stats, &diag);
  }
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  result.stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  output.ApplyBaseline(&result);
  output.Verify(&result);
  output.Write(result, prepared->engine->rules(), flags.quiet);
  if (output.FindingsExitCode(result) != kExitClean) return kExitFindings;
  if (result.stats.read_errors > 0) {
    diag.Warn("some logs could not be read completely: the scan is incomplete");
    return kExitRuntimeError;
  }
  return kExitClean;
}

}  // namespace

void RegisterLog(CLI::App& app, Action* run) {
  auto flags = std::make_shared<LogFlags>();
  CLI::App* cmd = app.add_subcommand(
      "log", "Scan CI logs (plain, .gz, GitHub Actions log .zip; stdin when no FILE or -)");
  cmd->add_option("files", flags->files, "Log files, '-' for stdin (default: stdin)");
  AddOutputFlags(cmd, &flags->output);
  cmd->add_option("-j,--threads", flags->threads,
                  "Threads: 1 reads and scans in turn, 2+ reads while scanning (default: cores)");
  cmd->add_option("--chunk-size", flags->chunk_size,
                  "Normalized log text per engine scan (default 2MiB)");
  cmd->add_option("--read-buffer-size", flags->read_buffer_size, "Bytes per read (default 1MiB)")
      ->group("");  // for tests of read-boundary handling
  cmd->add_option("--config", flags->config, "Config file (default: ./.sprawl.yml if present)");
  cmd->add_flag("--no-config", flags->no_config, "Ignore .sprawl.yml");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary or notes on stderr");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, run] { *run = [flags] { return RunLog(*flags); }; });
}

}  // namespace sprawl::cli
