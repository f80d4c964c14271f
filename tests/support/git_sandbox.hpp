// Real git repositories in temp directories for tests, with git isolated from the user's
// configuration (HOME points to a private directory; no system config).
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"

namespace sprawl::test {

struct ShellResult {
  int exit_code = -1;
  std::string out;  // stdout only; stderr goes to the test log
};

// A word for sh, inside single quotes.
inline std::string ShQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Writes `content` to `path`, creating parent directories.
inline void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + path);
}

class GitSandbox {
 public:
  GitSandbox() { home_.Write(".gitconfig", "[init]\n\tdefaultBranch = main\n"); }

  const TempDir& dir() const { return dir_; }
  std::string operator/(const std::string& rel) const { return dir_ / rel; }

  // Environment for RunSprawl, so libgit2 sees the same isolated configuration.
  std::map<std::string, std::string> Env() const {
    return {
        {"HOME", home_.path()}, {"XDG_CONFIG_HOME", home_.path()}, {"GIT_CONFIG_NOSYSTEM", "1"}};
  }

  // Runs `command` with sh in `cwd` (absolute) and the isolated git environment.
  ShellResult Sh(const std::string& cwd, const std::string& command) const {
    std::string full = "cd " + ShQuote(cwd) + " && ";
    for (const auto& [k, v] : Env())
      full += k + "=" + ShQuote(v) + " ";
    full += "GIT_CONFIG_GLOBAL=" + ShQuote(home_ / ".gitconfig") +
            " GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t"
            " GIT_COMMITTER_EMAIL=t@example.com; export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM"
            " GIT_CONFIG_GLOBAL GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME"
            " GIT_COMMITTER_EMAIL; " +
            command;
    FILE* p = ::popen(full.c_str(), "r");
    if (!p) throw std::runtime_error("popen failed");
    ShellResult r;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
      r.out.append(buf, n);
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return r;
  }

  // Runs a command that must succeed; returns its stdout without the trailing newline.
  std::string Must(const std::string& cwd, const std::string& command) const {
    ShellResult r = Sh(cwd, command);
    if (r.exit_code != 0) {
      throw std::runtime_error("command failed (" + std::to_string(r.exit_code) + "): " + command);
    }
    while (!r.out.empty() && r.out.back() == '\n')
      r.out.pop_back();
    return r.out;
  }

  // `git init` of dir()/rel (options such as --bare go in `init_args`); returns its path.
  std::string Init(const std::string& rel, const std::string& init_args = "") const {
    const std::string path = dir_ / rel;
    Must(dir_.path(), "git init -q " + init_args + " " + ShQuote(path));
    return path;
  }

  // Writes `rel` in `repo`, commits it and returns the new commit id.
  std::string Commit(const std::string& repo, const std::string& rel,
                     const std::string& content) const {
    WriteFile(repo + "/" + rel, content);
    Must(repo, "git add -- " + ShQuote(rel) + " && git commit -q -m " + ShQuote("add " + rel));
    return Must(repo, "git rev-parse HEAD");
  }

 private:
  TempDir home_;
  TempDir dir_;
};

}  // namespace sprawl::test
