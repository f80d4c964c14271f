#include "cli/scan_setup.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>

#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl::cli {
namespace {

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

}  // namespace

void AddFilesScanFlags(CLI::App* cmd, FilesScanFlags* flags) {
  cmd->add_option("paths", flags->paths, "Files or directories to scan (default: .)");
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
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary or notes on stderr");
  AddEngineFlags(cmd, &flags->engine);
}

FilesScan::FilesScan(const FilesScanFlags& flags, Diagnostics* diag) : diag_(diag) {
  job_.roots = flags.paths;
  if (job_.roots.empty()) job_.roots.push_back(".");
  for (const auto& p : job_.roots) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) {
      throw UsageError(EscapeForTerminal(p) + ": " + std::strerror(errno));
    }
  }
  // Flags are checked before the engine is built, so a typo costs no compile.
  std::optional<std::uint64_t> max_file_size;
  if (!flags.max_file_size.empty()) {
    max_file_size = ParseSizeFlag("--max-file-size", flags.max_file_size);
  }
  if (!flags.chunk_size.empty()) {
    job_.file.chunk_size =
        static_cast<std::size_t>(ParseSizeFlag("--chunk-size", flags.chunk_size));
  }

  const std::string config_path =
      flags.no_config ? std::string()
                      : (!flags.config.empty() ? flags.config : DiscoverConfig(job_.roots[0]));
  prepared_ = PrepareEngine(config_path, flags.engine, diag_);
  const Config& config = prepared_->config;

  job_.walk.respect_ignore_files = !flags.no_ignore;
  job_.walk.follow_symlinks = flags.follow_symlinks;
  job_.walk.allow_paths = prepared_->allow_paths.empty() ? nullptr : &prepared_->allow_paths;
  if (config.max_file_size) job_.file.max_file_size = *config.max_file_size;
  if (max_file_size) job_.file.max_file_size = *max_file_size;  // the flag wins
  job_.threads = flags.threads ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  job_.allowlist = prepared_->secrets_allowlist();
}

FilesScan::~FilesScan() = default;

ScanResult FilesScan::Run() {
  return RunFileScan(*prepared_->engine, job_, diag_);
}

}  // namespace sprawl::cli
