// .pre-commit-hooks.yaml: the hooks the pre-commit framework offers, and that their entries
// are commands this sprawl accepts.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "support/run_binary.hpp"

using sprawl::test::RunSprawl;

namespace {

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
}

}  // namespace

TEST_CASE(".pre-commit-hooks.yaml offers sprawl (staged) and sprawl-scan (files)") {
  const YAML::Node hooks =
      YAML::LoadFile(std::string(SPRAWL_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
  REQUIRE(hooks.IsSequence());
  REQUIRE(hooks.size() == 2);

  const YAML::Node staged = hooks[0];
  CHECK(staged["id"].as<std::string>() == "sprawl");
  CHECK(staged["entry"].as<std::string>() == "sprawl git --staged");
  CHECK(staged["language"].as<std::string>() == "system");
  CHECK(staged["pass_filenames"].as<bool>() == false);
  REQUIRE(staged["stages"].IsSequence());
  CHECK(staged["stages"].size() == 1);
  CHECK(staged["stages"][0].as<std::string>() == "pre-commit");

  const YAML::Node files = hooks[1];
  CHECK(files["id"].as<std::string>() == "sprawl-scan");
  CHECK(files["entry"].as<std::string>() == "sprawl scan");
  CHECK(files["language"].as<std::string>() == "system");
  CHECK_FALSE(files["pass_filenames"].IsDefined());  // default true: files are passed

  for (const auto& hook : hooks) {
    INFO(hook["id"].as<std::string>());
    CHECK_FALSE(hook["name"].as<std::string>().empty());
    auto words = Words(hook["entry"].as<std::string>());
    REQUIRE(words.size() >= 2);
    CHECK(words[0] == "sprawl");
    // The binary accepts the entry's subcommand and flags.
    words.erase(words.begin());
    words.push_back("--help");
    auto r = RunSprawl(words);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
}
