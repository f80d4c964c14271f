// Adds ownership hints and offline token metadata to findings, after filtering and before
// reporting. Cheap by construction: each repository is opened and its CODEOWNERS parsed
// once, only files with findings are read again, and blame covers only finding lines.
// Deterministic: hints depend only on the findings and the repositories, never on order
// of discovery or thread count.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sprawl/finding.hpp"
#include "util/diagnostics.hpp"

namespace sprawl::owners {

class RepoContext;
class FileBlame;

struct OwnerEnrichOptions {
  // The repository `sprawl git` scanned (paths of git findings are relative to it); empty
  // for file scans, where each file's repository is discovered from its path.
  std::string git_repo;
  std::int64_t now = 0;  // Unix seconds deciding `expired`; 0: the current time
};

class OwnerEnricher {
 public:
  OwnerEnricher(const OwnerEnrichOptions& options, Diagnostics* diag);
  ~OwnerEnricher();
  OwnerEnricher(const OwnerEnricher&) = delete;
  OwnerEnricher& operator=(const OwnerEnricher&) = delete;

  // Tells the enricher every finding of the batch first, so each file is blamed once over
  // the line range of all its findings.
  void Prepare(const std::vector<Finding>& findings);
  void Enrich(Finding* finding);
  // Files whose blame was skipped because the batch reached kMaxBlamedFiles.
  std::size_t blame_skipped() const { return blame_skipped_; }

  // Blame costs a walk of the file's history (milliseconds per file on long histories):
  // beyond this many files per run, blame is skipped (noted on stderr; other hints stay).
  static constexpr std::size_t kMaxBlamedFiles = 300;

 private:
  RepoContext* RepoOf(const std::string& directory);
  RepoContext* EnclosingOpenRepo(const std::string& directory) const;
  RepoContext* ScannedRepo();
  const std::string* Content(const std::string& key, bool from_blob, RepoContext* repo);
  void AddFileHints(const Finding& f, std::vector<OwnerHint>* hints, const std::string** text,
                    bool needs_text);
  std::string AbsolutePath(const std::string& path);
  void AddGitHints(const Finding& f, std::vector<OwnerHint>* hints, const std::string** text,
                   bool needs_text);

  OwnerEnrichOptions options_;
  Diagnostics* diag_;
  std::map<std::string, std::unique_ptr<RepoContext>> repos_;  // by git dir
  std::map<std::string, RepoContext*> repo_of_dir_;            // null: not in a repository
  std::map<std::string, std::string> canonical_dir_;  // as scanned -> realpath ("" if gone)
  bool scanned_repo_opened_ = false;
  RepoContext* scanned_repo_ = nullptr;
  const FileBlame* BlameFor(RepoContext* repo, const std::string& path, const std::string& rel);
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> line_ranges_;  // by path
  std::string blame_path_;
  std::unique_ptr<FileBlame> blame_;
  std::size_t blamed_files_ = 0;
  std::size_t blame_skipped_ = 0;
  std::string content_key_;  // the last content read: findings come sorted by path
  std::optional<std::string> content_;
};

// Enriches every finding (see OwnerEnricher).
void EnrichOwners(std::vector<Finding>* findings, const OwnerEnrichOptions& options,
                  Diagnostics* diag);

// Hook for live verification: records the identity the provider returned (for example
// "arn:aws:iam::123456789012:user/alice") as the best hint of `finding`.
void AddVerifiedIdentity(Finding* finding, const std::string& identity, const std::string& source);

}  // namespace sprawl::owners
