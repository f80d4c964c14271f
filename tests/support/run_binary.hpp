// Runs the built `sprawl` binary as a user would, capturing stdout, stderr and exit code.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sprawl::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs SPRAWL_BINARY with `args` in `cwd` (empty: current directory). `env` entries are
// added to (or override) the environment; stdin is `input`.
RunResult RunSprawl(const std::vector<std::string>& args, const std::string& cwd = "",
                    const std::map<std::string, std::string>& env = {},
                    const std::string& input = "");

// The environment CLI tests run sprawl in: the build's private rule-database cache (so tests
// never touch the user's) and NO_COLOR.
std::map<std::string, std::string> CliEnv();

}  // namespace sprawl::test
