#include "owners/repo_context.hpp"

#include <climits>
#include <cstdlib>

#include <git2/sys/repository.h>

#include "util/escape.hpp"
#include "util/fs.hpp"

namespace sprawl::owners {
namespace {

std::string Canonical(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

}  // namespace

std::unique_ptr<RepoContext> RepoContext::Discover(const std::string& path) {
  EnsureLibgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) {
    git_error_clear();
    return nullptr;
  }
  auto ctx = std::unique_ptr<RepoContext>(new RepoContext());
  ctx->repo_.reset(raw);
  // Blame reads configuration for every commit it walks, and a live config re-stats its
  // three files on each read (150,000 stat calls for 50 files x 1000 commits). A snapshot
  // is read once.
  git_config* snapshot = nullptr;
  if (git_repository_config_snapshot(&snapshot, raw) == 0) {
    git_repository_set_config(raw, snapshot);
    git_config_free(snapshot);
  } else {
    git_error_clear();
  }
  if (const char* wd = git_repository_workdir(raw)) {
    ctx->workdir_ = Canonical(wd);
    if (!ctx->workdir_.empty() && ctx->workdir_.back() != '/') ctx->workdir_ += '/';
  }
  return ctx;
}

std::optional<std::string> RepoContext::RelativePath(const std::string& absolute) const {
  if (workdir_.empty() || absolute.compare(0, workdir_.size(), workdir_) != 0) {
    return std::nullopt;
  }
  return absolute.substr(workdir_.size());
}

bool RepoContext::IsTracked(const std::string& rel_path) {
  if (!index_loaded_) {
    index_loaded_ = true;
    git_index* raw = nullptr;
    if (workdir_.empty() || git_repository_index(&raw, repo_.get()) != 0) {
      git_error_clear();
    } else {
      index_.reset(raw);
    }
  }
  return index_ && git_index_get_bypath(index_.get(), rel_path.c_str(), 0) != nullptr;
}

std::optional<std::string> RepoContext::ReadBlob(const std::string& hex_id) const {
  git_oid oid;
  if (git_oid_fromstr(&oid, hex_id.c_str()) != 0) return std::nullopt;
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo_.get(), &oid) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  BlobPtr blob(raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(raw)),
                     static_cast<std::size_t>(git_blob_rawsize(raw)));
}

std::optional<std::string> RepoContext::ReadRepoFile(std::string_view rel_path) const {
  if (!workdir_.empty()) return ReadWholeFile(workdir_ + std::string(rel_path));
  return ReadBlobAtHead(repo_.get(), rel_path);
}

void RepoContext::LoadCodeowners(std::vector<std::string>* warnings) {
  for (std::string_view location : kCodeownersLocations) {
    if (auto text = ReadRepoFile(location)) {
      std::vector<std::string> local;
      codeowners_ = CodeownersIndex::Parse(*text, std::string(location), &local);
      // Name the file in full: the scan may cover several repositories.
      const std::string root = workdir_.empty() ? git_dir() + "HEAD:" : workdir_;
      for (auto& w : local)
        warnings->push_back(EscapeForTerminal(root) + w);
      return;
    }
  }
}

}  // namespace sprawl::owners
