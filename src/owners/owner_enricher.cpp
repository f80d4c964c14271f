#include "owners/owner_enricher.hpp"

#include <fmt/format.h>
#include <algorithm>

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <ctime>
#include <tuple>

#include "owners/codeowners.hpp"
#include "owners/git_blame.hpp"
#include "owners/git_identity.hpp"
#include "owners/ranking.hpp"
#include "owners/repo_context.hpp"
#include "owners/token_metadata.hpp"
#include "util/fs.hpp"

namespace sprawl::owners {
namespace {

std::string Canonical(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

std::string Directory(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Rules whose secret sits inside a service-account key file: the fields around it say
// which account and project it opens.
bool NeedsServiceAccountContext(const Finding& f) {
  const std::string& id = f.rule->id;
  return id == "gcp-service-account-key" || id.rfind("private-key", 0) == 0;
}

void AddCodeownersHints(const RepoContext& repo, const std::string& rel_path,
                        std::vector<OwnerHint>* hints) {
  if (!repo.codeowners()) return;
  for (const CodeownersMatch& m : repo.codeowners()->Match(rel_path)) {
    const std::string source = repo.codeowners()->file_label() + ":" + std::to_string(m.line);
    for (const std::string& owner : m.owners)
      hints->push_back({"codeowners", owner, source});
  }
}

}  // namespace

OwnerEnricher::OwnerEnricher(const OwnerEnrichOptions& options, Diagnostics* diag)
    : options_(options), diag_(diag) {
  if (options_.now == 0) options_.now = static_cast<std::int64_t>(std::time(nullptr));
}

OwnerEnricher::~OwnerEnricher() = default;

void OwnerEnricher::Prepare(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    if (f.source != "file") continue;
    auto [it, inserted] = line_ranges_.emplace(f.path, std::make_pair(f.line, f.line));
    if (!inserted) {
      it->second.first = std::min(it->second.first, f.line);
      it->second.second = std::max(it->second.second, f.line);
    }
  }
}

const FileBlame* OwnerEnricher::BlameFor(RepoContext* repo, const std::string& path,
                                         const std::string& rel) {
  if (blame_path_ == path) return blame_.get();
  blame_path_ = path;
  blame_.reset();
  if (blamed_files_ >= kMaxBlamedFiles) {
    ++blame_skipped_;
    return nullptr;
  }
  ++blamed_files_;
  auto range = line_ranges_.find(path);
  std::uint64_t first = 0, last = 0;  // whole file when Prepare was not told
  if (range != line_ranges_.end()) std::tie(first, last) = range->second;
  blame_ = std::make_unique<FileBlame>(repo->repo(), rel, first, last);
  return blame_.get();
}

// A directory inside the work tree of a repository already open belongs to it unless a
// `.git` sits between them (a nested repository or submodule). Checking that costs a stat
// per level; opening through libgit2 discovery costs dozens of syscalls and a config parse.
RepoContext* OwnerEnricher::EnclosingOpenRepo(const std::string& directory) const {
  for (const auto& [git_dir, ctx] : repos_) {
    const std::string& root = ctx->workdir();  // canonical, ends in '/'
    if (root.empty() || (directory + "/").compare(0, root.size(), root) != 0) continue;
    std::string level = directory;
    bool nested = false;
    while (level.size() + 1 > root.size()) {
      struct stat st;
      if (::lstat((level + "/.git").c_str(), &st) == 0) {
        nested = true;  // `level` lies strictly below the root: another repository
        break;
      }
      const std::size_t slash = level.rfind('/');
      if (slash == std::string::npos || slash == 0) break;
      level.resize(slash);
    }
    if (!nested) return ctx.get();
  }
  return nullptr;
}

RepoContext* OwnerEnricher::RepoOf(const std::string& directory) {
  auto cached = repo_of_dir_.find(directory);
  if (cached != repo_of_dir_.end()) return cached->second;
  if (RepoContext* open = EnclosingOpenRepo(directory)) {
    repo_of_dir_.emplace(directory, open);
    return open;
  }
  std::unique_ptr<RepoContext> ctx = RepoContext::Discover(directory);
  RepoContext* found = nullptr;
  if (ctx) {
    auto [it, inserted] = repos_.emplace(ctx->git_dir(), nullptr);
    if (inserted) {  // a repository seen for the first time: read its CODEOWNERS once
      std::vector<std::string> warnings;
      ctx->LoadCodeowners(&warnings);
      for (const auto& w : warnings)
        diag_->Warn(w);
      it->second = std::move(ctx);
    }
    found = it->second.get();
  }
  repo_of_dir_.emplace(directory, found);
  return found;
}

RepoContext* OwnerEnricher::ScannedRepo() {
  if (!scanned_repo_opened_) {
    scanned_repo_opened_ = true;
    if (!options_.git_repo.empty()) scanned_repo_ = RepoOf(options_.git_repo);
  }
  return scanned_repo_;
}

const std::string* OwnerEnricher::Content(const std::string& key, bool from_blob,
                                          RepoContext* repo) {
  const std::string full_key = (from_blob ? "blob:" : "file:") + key;
  if (content_key_ != full_key) {
    content_key_ = full_key;
    if (!from_blob) {
      content_ = ReadWholeFile(key);
    } else {
      content_ = repo ? repo->ReadBlob(key) : std::optional<std::string>();
    }
  }
  return content_ ? &*content_ : nullptr;
}

// realpath costs a readlink per path component: resolve each directory once. File names
// are not resolved (the walker does not follow symlinked files by default).
std::string OwnerEnricher::AbsolutePath(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  auto it = canonical_dir_.find(dir);
  if (it == canonical_dir_.end()) it = canonical_dir_.emplace(dir, Canonical(dir)).first;
  if (it->second.empty()) return {};
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return it->second == "/" ? "/" + name : it->second + "/" + name;
}

void OwnerEnricher::AddFileHints(const Finding& f, std::vector<OwnerHint>* hints,
                                 const std::string** text, bool needs_text) {
  if (needs_text) *text = Content(f.path, false, nullptr);
  const std::string absolute = AbsolutePath(f.path);
  if (absolute.empty()) return;
  RepoContext* repo = RepoOf(Directory(absolute));
  if (!repo) return;
  const auto rel = repo->RelativePath(absolute);
  if (!rel) return;
  // Blame only tracked files: the file is read again only for them (to compare the line).
  if (repo->IsTracked(*rel)) {
    if (!*text) *text = Content(f.path, false, nullptr);
    if (*text) {
      if (auto line = NthLine(**text, f.line)) {
        if (const FileBlame* blame = BlameFor(repo, f.path, *rel)) {
          if (auto hint = blame->Hint(f.line, *line)) hints->push_back(*hint);
        }
      }
    }
  }
  AddCodeownersHints(*repo, *rel, hints);
}

void OwnerEnricher::AddGitHints(const Finding& f, std::vector<OwnerHint>* hints,
                                const std::string** text, bool needs_text) {
  if (f.git) AddCommitIdentityHints(*f.git, hints);
  RepoContext* repo = ScannedRepo();
  if (!repo) return;
  AddCodeownersHints(*repo, f.path, hints);
  if (!needs_text) return;
  if (f.git && !f.git->blob_id.empty()) {
    *text = Content(f.git->blob_id, true, repo);
  } else if (!repo->workdir().empty()) {  // staged: the work tree copy
    *text = Content(repo->workdir() + f.path, false, nullptr);
  }
}

void OwnerEnricher::Enrich(Finding* f) {
  std::vector<OwnerHint> hints;
  const std::string* text = nullptr;
  const bool needs_text = NeedsServiceAccountContext(*f);
  if (f->source == "file") {
    AddFileHints(*f, &hints, &text, needs_text);
  } else {
    AddGitHints(*f, &hints, &text, needs_text);
  }
  TokenFacts facts = DecodeSecret(f->secret, options_.now);
  if (needs_text && text) {
    if (auto sa = ServiceAccountAround(*text, static_cast<std::size_t>(f->offset))) {
      AddServiceAccountFacts(*sa, &facts);
    }
  }
  for (auto& h : facts.hints)
    hints.push_back(std::move(h));
  for (auto& h : f->owners)  // hints added earlier (verification) stay
    hints.push_back(std::move(h));
  RankHints(&hints);
  f->owners = std::move(hints);
  for (auto& m : facts.metadata)
    f->metadata.push_back(std::move(m));
}

void EnrichOwners(std::vector<Finding>* findings, const OwnerEnrichOptions& options,
                  Diagnostics* diag) {
  OwnerEnricher enricher(options, diag);
  enricher.Prepare(*findings);
  for (Finding& f : *findings) {
    enricher.Enrich(&f);
    // The provider's own answer to "whose token is this" outranks every inferred hint.
    if (f.verification.status == VerificationStatus::kVerified &&
        !f.verification.identity.empty()) {
      std::string identity;
      for (const auto& [name, value] : f.verification.identity)
        identity += (identity.empty() ? "" : ", ") + name + "=" + value;
      AddVerifiedIdentity(&f, identity, "verification");
    }
  }
  if (const std::size_t skipped = enricher.blame_skipped(); skipped > 0) {
    diag->Note(fmt::format(
        "blame skipped for {} file{} with findings (at most {} are blamed per run); their "
        "CODEOWNERS and secret hints are still reported",
        skipped, skipped == 1 ? "" : "s", OwnerEnricher::kMaxBlamedFiles));
  }
}

void AddVerifiedIdentity(Finding* finding, const std::string& identity, const std::string& source) {
  finding->owners.push_back({"verified-identity", identity, source});
  RankHints(&finding->owners);
}

}  // namespace sprawl::owners
