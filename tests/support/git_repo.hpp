// A real git repository in a temp dir, driven with the git CLI, for end-to-end tests.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"

namespace sprawl::test {

class GitRepo {
 public:
  // Creates an empty repository (branch "main") in a fresh temp dir.
  GitRepo() { Git("init -q -b main ."); }

  const std::string& path() const { return dir_.path(); }
  std::string Write(const std::string& rel, const std::string& content) const {
    return dir_.Write(rel, content);
  }

  // Runs `git ARGS` in the repository with a fixed identity; returns trimmed stdout.
  // Throws if git fails.
  std::string Git(const std::string& args) const {
    const std::string cmd =
        "cd '" + dir_.path() +
        "' && GIT_AUTHOR_NAME='Alice Dev' GIT_AUTHOR_EMAIL=alice@example.com "
        "GIT_COMMITTER_NAME='Ci Bot' GIT_COMMITTER_EMAIL=ci@example.com "
        "GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -c protocol.file.allow=always " +
        args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("popen failed");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
      out.append(buf, n);
    const int rc = ::pclose(p);
    if (rc != 0) throw std::runtime_error("git " + args + " failed: " + out);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
      out.pop_back();
    return out;
  }

  // Stages everything and commits; returns the new commit id.
  std::string Commit(const std::string& message) const {
    Git("add -A");
    Git("commit -q --allow-empty -m '" + message + "'");
    return Git("rev-parse HEAD");
  }

 private:
  TempDir dir_;
};

}  // namespace sprawl::test
