#include "sources/file_walker.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "util/escape.hpp"
#include "util/fs.hpp"

namespace sprawl {
namespace {

struct IgnoreLevel {
  std::string base_rel;  // directory of the ignore file, relative to the walk root ("" = root)
  IgnoreList list;
};

std::string Join(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

// Deepest ignore file with an opinion wins, as in git.
IgnoreList::Verdict Check(const std::vector<IgnoreLevel>& levels, const std::string& rel,
                          bool is_dir) {
  for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
    std::string_view sub = rel;
    if (!it->base_rel.empty()) {
      if (rel.size() <= it->base_rel.size() || rel.compare(0, it->base_rel.size(), it->base_rel) ||
          rel[it->base_rel.size()] != '/') {
        continue;
      }
      sub = std::string_view(rel).substr(it->base_rel.size() + 1);
    }
    auto v = it->list.Check(sub, is_dir);
    if (v != IgnoreList::Verdict::kNone) return v;
  }
  return IgnoreList::Verdict::kNone;
}

bool LoadIgnoreFile(const std::string& path, IgnoreList* list) {
  auto text = ReadWholeFile(path);
  if (!text) return false;
  list->AddText(*text);
  return true;
}

// An ignore file above the walk root. Its patterns are relative to its own directory, so
// paths are matched as `prefix/rel` where prefix leads from that directory to the root.
struct InheritedLevel {
  std::string prefix;
  IgnoreList list;
};

// Ignore files that apply to `dir` from above it: .gitignore files from the enclosing
// repository's top level down to dir's parent, and .git/info/exclude.
std::vector<InheritedLevel> InheritedIgnores(const std::string& dir) {
  std::vector<InheritedLevel> out;
  char resolved[PATH_MAX];
  if (!::realpath(dir.c_str(), resolved)) return out;
  const std::string abs = resolved;
  std::vector<std::string> ancestors;  // nearest first, up to the repository top
  std::string top;
  for (std::string cur = abs;;) {
    struct stat st {};
    if (::stat((cur + "/.git").c_str(), &st) == 0) {
      top = cur;
      break;
    }
    if (cur == "/") break;
    const size_t slash = cur.rfind('/');
    cur = slash == 0 ? "/" : cur.substr(0, slash);
    ancestors.push_back(cur);
  }
  if (top.empty()) return out;  // not inside a repository: nothing inherited
  auto prefix_from = [&](const std::string& ancestor) {
    return abs.size() > ancestor.size() ? abs.substr(ancestor == "/" ? 1 : ancestor.size() + 1)
                                        : std::string();
  };
  InheritedLevel exclude;
  if (LoadIgnoreFile(top + "/.git/info/exclude", &exclude.list)) {
    exclude.prefix = prefix_from(top);
    out.push_back(std::move(exclude));
  }
  for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
    InheritedLevel lvl;
    if (LoadIgnoreFile(*it + "/.gitignore", &lvl.list)) {
      lvl.prefix = prefix_from(*it);
      out.push_back(std::move(lvl));
    }
  }
  return out;
}

class Walker {
 public:
  Walker(const WalkOptions& o, const std::function<void(FileEntry&&)>& emit, ScanStats* stats,
         Diagnostics* diag)
      : opts_(o), emit_(emit), stats_(stats), diag_(diag) {}

  void WalkDir(const std::string& root) {
    std::vector<IgnoreLevel> levels;
    if (opts_.respect_ignore_files) inherited_ = InheritedIgnores(root);
    struct stat st {};
    if (::stat(root.c_str(), &st) == 0) visited_.insert({st.st_dev, st.st_ino});
    Recurse(root, "", &levels);
  }

 private:
  bool InheritedIgnored(const std::string& rel, bool is_dir) {
    for (auto it = inherited_.rbegin(); it != inherited_.rend(); ++it) {
      const std::string full = it->prefix.empty() ? rel : it->prefix + "/" + rel;
      auto v = it->list.Check(full, is_dir);
      if (v == IgnoreList::Verdict::kIgnored) return true;
      if (v == IgnoreList::Verdict::kIncluded) return false;
    }
    return false;
  }

  bool Skip(const std::vector<IgnoreLevel>& levels, const std::string& rel, bool is_dir) {
    if (opts_.allow_paths &&
        opts_.allow_paths->Check(rel, is_dir) == IgnoreList::Verdict::kIgnored) {
      ++stats_->skipped_allowlisted_paths;  // a directory counts once, not per file
      return true;
    }
    if (!opts_.respect_ignore_files) return false;
    // Ignore files found while walking take precedence over inherited ones.
    switch (Check(levels, rel, is_dir)) {
      case IgnoreList::Verdict::kIgnored:
        return true;
      case IgnoreList::Verdict::kIncluded:
        return false;
      case IgnoreList::Verdict::kNone:
        break;
    }
    return InheritedIgnored(rel, is_dir);
  }

  void Recurse(const std::string& dir, const std::string& rel, std::vector<IgnoreLevel>* levels) {
    // Read the listing first: it says whether ignore files exist, so none is probed for.
    std::vector<std::pair<std::string, unsigned char>> entries;
    {
      std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
      if (!d) {
        ++stats_->read_errors;
        diag_->Warn("cannot read directory " + EscapeForTerminal(dir) + ": " +
                    std::strerror(errno));
        return;
      }
      while (dirent* e = ::readdir(d.get())) {
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
          entries.emplace_back(e->d_name, e->d_type);
        }
      }
    }
    size_t pushed = 0;
    if (opts_.respect_ignore_files) {
      for (const char* name : {".gitignore", ".ignore"}) {
        bool present = false;
        for (const auto& [entry, _] : entries)
          present = present || entry == name;
        IgnoreLevel lvl;
        lvl.base_rel = rel;
        if (present && LoadIgnoreFile(Join(dir, name), &lvl.list) && !lvl.list.empty()) {
          levels->push_back(std::move(lvl));
          ++pushed;
        }
      }
    }
    std::vector<std::string> subdirs;
    for (const auto& [name, d_type] : entries) {
      const std::string path = Join(dir, name);
      const std::string child_rel = rel.empty() ? name : rel + "/" + name;
      unsigned char type = d_type;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) continue;
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISREG(st.st_mode) ? DT_REG
               : S_ISLNK(st.st_mode) ? DT_LNK
                                     : DT_FIFO;
      }
      if (type == DT_LNK) {
        if (!opts_.follow_symlinks) {
          ++stats_->skipped_symlinks;
          continue;
        }
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
          diag_->Warn("broken symlink " + EscapeForTerminal(path) + ": " + std::strerror(errno));
          ++stats_->read_errors;
          continue;
        }
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;
      }
      if (type == DT_DIR) {
        if (name == ".git") {
          // Repository internals belong to `sprawl git`, but for the repository's own config:
          // remote URLs (`https://glpat-…@gitlab.com/…`) and http.extraheader carry tokens.
          const std::string config = Join(path, "config");
          struct stat st {};
          if (::lstat(config.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            emit_(FileEntry{config, true});
          }
          continue;
        }
        if (Skip(*levels, child_rel, true)) continue;
        subdirs.push_back(name);
      } else if (type == DT_REG) {
        if (Skip(*levels, child_rel, false)) continue;
        emit_(FileEntry{path, true});
      } else {
        ++stats_->skipped_special;
      }
    }
    for (const auto& name : subdirs) {
      const std::string path = Join(dir, name);
      // Without following symlinks the walk is a tree and cannot loop: no stat needed.
      if (opts_.follow_symlinks) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && !visited_.insert({st.st_dev, st.st_ino}).second) {
          diag_->Warn("not descending into " + EscapeForTerminal(path) +
                      ": directory already visited (symlink loop)");
          continue;
        }
      }
      Recurse(path, rel.empty() ? name : rel + "/" + name, levels);
    }
    levels->resize(levels->size() - pushed);
  }

  const WalkOptions& opts_;
  const std::function<void(FileEntry&&)>& emit_;
  ScanStats* stats_;
  Diagnostics* diag_;
  std::vector<InheritedLevel> inherited_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

bool PathAllowlisted(const IgnoreList& allow, const std::string& rel_path) {
  for (size_t slash = rel_path.find('/'); slash != std::string::npos;
       slash = rel_path.find('/', slash + 1)) {
    if (allow.Check(rel_path.substr(0, slash), true) == IgnoreList::Verdict::kIgnored) return true;
  }
  return allow.Check(rel_path, false) == IgnoreList::Verdict::kIgnored;
}

void WalkPath(const std::string& root, const WalkOptions& options,
              const std::function<void(FileEntry&&)>& emit, ScanStats* stats, Diagnostics* diag) {
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) {
    ++stats->read_errors;
    diag->Warn("cannot access " + EscapeForTerminal(root) + ": " + std::strerror(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    Walker w(options, emit, stats, diag);
    w.WalkDir(root == "./" ? std::string(".") : root);
  } else if (S_ISREG(st.st_mode)) {
    emit(FileEntry{root, true});  // named explicitly: scanned even if ignored
  } else {
    ++stats->skipped_special;
  }
}

}  // namespace sprawl
