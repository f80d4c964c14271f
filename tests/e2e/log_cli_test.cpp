// End-to-end: `sprawl log` (and `sprawl scan` routing) on CI logs built here, in the
// formats of GitHub Actions, GitLab, Jenkins, CircleCI and JSON-lines loggers.
#include <zip.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {

const std::string kTs = "2024-05-01T12:00:00.1234567Z ";  // GitHub Actions timestamp prefix

std::string Join(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const auto& l : lines)
    out += l + eol;
  return out;
}

// Runs `sprawl log ARGS -f json` and returns the findings array.
nlohmann::json LogFindings(const std::vector<std::string>& args, int expected_exit = 1,
                           const std::string& input = "") {
  std::vector<std::string> all = {"log"};
  all.insert(all.end(), args.begin(), args.end());
  all.insert(all.end(), {"-f", "json"});
  auto r = RunSprawl(all, "", test::CliEnv(), input);
  INFO(r.err);
  REQUIRE(r.exit_code == expected_exit);
  return nlohmann::json::parse(r.out)["findings"];
}

void WriteGzip(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) ==
          static_cast<int>(content.size()));
  REQUIRE(gzclose(f) == Z_OK);
}

void WriteZip(const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

const nlohmann::json* FindOnLine(const nlohmann::json& findings, int line) {
  for (const auto& f : findings)
    if (f["line"] == line) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("log: GitHub Actions timestamps, groups, colours, add-mask and ***") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 101);
  const std::string masked_tok = test::MakeGithubStyleToken("ghp_", 102);
  const std::string log = Join({
      kTs + "##[group]Run ./deploy.sh",                           // 1
      kTs + "\x1b[36;1m./deploy.sh\x1b[0m",                       // 2
      kTs + "##[endgroup]",                                       // 3
      kTs + "::add-mask::Xq7hunter2Zebra9",                       // 4
      kTs + "password: ***",                                      // 5
      kTs + "\x1b[32mtoken=\x1b[0m" + tok,                        // 6
      kTs + "debug: value is Xq7hunter2Zebra9 (oops)",            // 7
      kTs + "::add-mask::" + masked_tok,                          // 8
      kTs + "curl -u x:" + masked_tok + " https://example.test",  // 9
      kTs + "the masked form: ***",                               // 10
  });
  const std::string path = dir.Write("job.log", log);
  const auto findings = LogFindings({path});
  REQUIRE(findings.size() == 4);

  const auto* f6 = FindOnLine(findings, 6);
  REQUIRE(f6);
  CHECK((*f6)["rule_id"] == "github-pat-classic");
  CHECK((*f6)["column"] == 29 + 5 + 6 + 4 + 1);  // prefix, ESC[32m, "token=", ESC[0m
  CHECK((*f6)["end_column"] == 29 + 5 + 6 + 4 + 1 + 40);
  CHECK((*f6)["source"] == "log");
  CHECK((*f6)["step"] == "Run ./deploy.sh");
  CHECK((*f6)["masked_leak"] == false);
  CHECK((*f6)["path"] == path);

  const auto* f7 = FindOnLine(findings, 7);
  REQUIRE(f7);
  CHECK((*f7)["rule_id"] == "log-masked-value-leak");
  CHECK((*f7)["column"] == 29 + 16 + 1);
  CHECK((*f7)["confidence"] == "high");
  CHECK((*f7)["masked_leak"] == true);

  const auto* f8 = FindOnLine(findings, 8);  // the declaration itself is in the log in clear
  REQUIRE(f8);
  CHECK((*f8)["masked_leak"] == false);
  const auto* f9 = FindOnLine(findings, 9);
  REQUIRE(f9);
  CHECK((*f9)["rule_id"] == "github-pat-classic");  // one finding: the rule's, marked
  CHECK((*f9)["masked_leak"] == true);
  CHECK(FindOnLine(findings, 5) == nullptr);
  CHECK(FindOnLine(findings, 10) == nullptr);

  // Human output: step and mask note shown, secrets redacted unless --reveal.
  auto human = RunSprawl({"log", path}, "", test::CliEnv());
  CHECK(human.exit_code == 1);
  CHECK_THAT(human.out, Contains("step: Run ./deploy.sh"));
  CHECK_THAT(human.out, Contains("masked: the log declared this value secret"));
  CHECK(human.out.find(tok) == std::string::npos);
  CHECK(human.out.find("Xq7hunter2Zebra9") == std::string::npos);
  auto revealed = RunSprawl({"log", path, "--reveal"}, "", test::CliEnv());
  CHECK_THAT(revealed.out, Contains(tok));
}

TEST_CASE("log: GitLab section markers, ANSI colouring and sections as steps") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 111);
  const std::string slack = test::MakeSlackBotToken(112);
  const std::string log = Join({
      "\x1b[0KRunning with gitlab-runner 16.5.0",  // 1
      "section_start:1700000000:prepare_script[collapsed=true]\r\x1b[0K\x1b[0;m\x1b[36;1m"
      "Preparing environment\x1b[0;m",                                                 // 2
      "Running with token " + tok,                                                     // 3
      "section_end:1700000001:prepare_script\r\x1b[0K",                                // 4
      "section_start:1700000002:step_script\r\x1b[0KExecuting \"step_script\" stage",  // 5
      "\x1b[32;1m$ ./notify.sh\x1b[0;m",                                               // 6
      "\x1b[0;33mexport SLACK=" + slack + "\x1b[0m",                                   // 7
      "section_end:1700000003:step_script\r\x1b[0K",                                   // 8
  });
  const auto findings = LogFindings({dir.Write("gitlab.log", log)});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]["line"] == 3);
  CHECK(findings[0]["column"] == 20);
  CHECK(findings[0]["step"] == "prepare_script");
  CHECK(findings[1]["line"] == 7);
  CHECK(findings[1]["column"] == 7 + 13 + 1);
  CHECK(findings[1]["rule_id"] == "slack-bot-token");
  CHECK(findings[1]["step"] == "step_script");
}

TEST_CASE("log: Jenkins stages and console notes, CircleCI step headers") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 121);
  const std::string tok2 = test::MakeGithubStyleToken("ghp_", 122);
  const std::string jenkins = Join({
      "Started by user admin",  // 1
      "[Pipeline] stage",       // 2
      "[Pipeline] { (Deploy)",  // 3
      "[Pipeline] sh",          // 4
      "\x1b[8mha:////4AAAAB+LCAAAAAAAAP9b85aBtbiIQTGjNKU4P08vOT+vOD8nVc83PyU1x8OtMS8nM88nM6W"
      "yI33NLY8e/Kx6AFH+rVKVJq9WbT2Wt3J+UlPIX8vM8AXWx5JFWQAAAA==\x1b[0m+ curl -H 'Authorization: "
      "Bearer " +
          tok + "'",          // 5
      "[Pipeline] }",         // 6
      "[Pipeline] // stage",  // 7
      "echo " + tok2,         // 8
  });
  const auto jf = LogFindings({dir.Write("jenkins.log", jenkins)});
  REQUIRE(jf.size() == 2);
  CHECK(jf[0]["line"] == 5);
  const std::string line5 = jenkins.substr(jenkins.find("\x1b[8mha:"));
  CHECK(jf[0]["column"] == line5.find(tok) + 1);
  CHECK(jf[0]["step"] == "Deploy");
  CHECK(jf[1]["line"] == 8);
  CHECK(jf[1]["step"].is_null());

  const std::string circle = Join({
      "====>> Spin up environment",  // 1
      "Build-agent version 1.0.0",   // 2
      "====>> Run tests",            // 3
      "#!/bin/bash -eo pipefail",    // 4
      "export GH_TOKEN=" + tok,      // 5
  });
  const auto cf = LogFindings({dir.Write("circle.log", circle)});
  REQUIRE(cf.size() == 1);
  CHECK(cf[0]["line"] == 5);
  CHECK(cf[0]["column"] == 17);
  CHECK(cf[0]["step"] == "Run tests");
}

TEST_CASE("log: JSON-lines logs are scanned by their string values at original columns") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 131);
  const std::string slack = test::MakeSlackBotToken(132);
  const std::string l2 =
      R"({"time":"2024-05-01T12:00:00Z","level":"debug","msg":"env: GITHUB_TOKEN=)" + tok +
      R"(\r\n","stream":"stdout"})";
  const std::string l3 = R"({"message":"\u001b[32mexport SLACK=)" + slack +
                         R"(\u001b[0m","type":"out","truncated":false})";
  const std::string log = Join({R"({"time":"2024-05-01T12:00:00Z","msg":"starting"})", l2, l3});
  const auto findings = LogFindings({dir.Write("app.jsonl", log)});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]["line"] == 2);
  CHECK(findings[0]["column"] == l2.find(tok) + 1);
  CHECK(findings[1]["line"] == 3);
  CHECK(findings[1]["column"] == l3.find(slack) + 1);
}

TEST_CASE("log: CRLF, carriage-return redraws and OSC hyperlinks keep original positions") {
  test::TempDir dir;
  const std::string t1 = test::MakeGithubStyleToken("ghp_", 141);
  const std::string t2 = test::MakeGithubStyleToken("ghp_", 142);
  const std::string t3 = test::MakeGithubStyleToken("ghp_", 143);
  const std::string l1 = "Downloading 10%\rDownloading 50% " + t1 + "\rDone";
  const std::string l3 =
      "see \x1b]8;;https://example.test/?t=" + t2 + "\x1b\\the docs\x1b]8;;\x1b\\ here";
  const std::string log = Join({l1, "plain line", l3, "after crlf " + t3}, "\r\n");
  const auto findings = LogFindings({dir.Write("redraw.log", log)});
  REQUIRE(findings.size() == 3);
  CHECK(findings[0]["line"] == 1);
  CHECK(findings[0]["column"] == l1.find(t1) + 1);  // overwritten on screen, still leaked
  CHECK(findings[1]["line"] == 3);
  CHECK(findings[1]["column"] == l3.find(t2) + 1);  // hidden hyperlink target
  CHECK(findings[2]["line"] == 4);
  CHECK(findings[2]["column"] == 12);
  CHECK(findings[2]["end_column"] == 52);
}

TEST_CASE("log: secrets at and across read-buffer and chunk boundaries are found once") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 151);
  // The token starts at every offset around a 64-byte read boundary: before, exactly on,
  // straddling and just after it.
  for (std::size_t shift = 0; shift <= 70; shift += 5) {
    const std::string first = std::string(64 - 1, 'a');  // + '\n' = one full buffer
    const std::string second = std::string(shift, 'b') + " " + tok + " end";
    const std::string path =
        dir.Write("b" + std::to_string(shift) + ".log", Join({first, second, "tail"}));
    const auto findings = LogFindings({path, "--read-buffer-size", "64", "--chunk-size", "100"});
    INFO("shift " << shift);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["line"] == 2);
    CHECK(findings[0]["column"] == shift + 2);
  }
  // A line longer than the 1 MiB fragment limit, the token across the fragment boundary.
  const std::size_t before = (1u << 20) - 17;
  const std::string giant = std::string(before, 'x') + " " + tok + " " + std::string(2u << 20, 'y');
  const auto findings = LogFindings(
      {dir.Write("giant.log", Join({"first", giant, "last " + tok})), "--chunk-size", "65536"});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]["line"] == 2);
  CHECK(findings[0]["column"] == before + 2);
  CHECK(findings[1]["line"] == 3);
  CHECK(findings[1]["column"] == 6);
}

TEST_CASE("log: gzip logs and GitHub Actions log archives name the step file") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 161);
  const std::string tok2 = test::MakeGithubStyleToken("ghp_", 162);
  WriteGzip(dir / "job.log.gz", Join({"one", "two", "token " + tok}));
  WriteZip(dir / "logs.zip",
           {{"build/1_Set up job.txt", kTs + "Runner name: x\n"},
            {"build/3_Run tests.txt",
             "\xEF\xBB\xBF" + Join({kTs + "npm test", kTs + "export T=" + tok2})}});
  const auto findings = LogFindings({dir / "job.log.gz", dir / "logs.zip"});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]["path"] == dir / "job.log.gz");
  CHECK(findings[0]["line"] == 3);
  CHECK(findings[0]["column"] == 7);
  CHECK(findings[1]["path"] == dir / "logs.zip" + "!build/3_Run tests.txt");
  CHECK(findings[1]["line"] == 2);
  CHECK(findings[1]["column"] == 29 + 9 + 1);
  CHECK(findings[1]["step"] == "Run tests");

  auto sarif = RunSprawl({"log", dir / "logs.zip", "-f", "sarif"}, "", test::CliEnv());
  CHECK(sarif.exit_code == 1);
  CHECK_THAT(sarif.out, Contains("logs.zip%21build/3_Run%20tests.txt"));

  // libzip is loaded to read an archive (src/sources/log/libzip.hpp), not for a plain log
  auto env = test::CliEnv();
  env["LD_DEBUG"] = "files";
  const auto zipped = RunSprawl({"log", dir / "logs.zip", "-q"}, "", env);
  CHECK(zipped.exit_code == 1);
  CHECK_THAT(zipped.err, Contains("file=libzip"));
  const auto gzipped = RunSprawl({"log", dir / "job.log.gz", "-q"}, "", env);
  CHECK(gzipped.exit_code == 1);
  CHECK(gzipped.err.find("file=libzip") == std::string::npos);
}

TEST_CASE("log: reads stdin with no file or '-'") {
  const std::string tok = test::MakeGithubStyleToken("ghp_", 171);
  const std::string log = Join({kTs + "hello", kTs + "TOKEN=" + tok});
  for (const auto& args : {std::vector<std::string>{}, std::vector<std::string>{"-"}}) {
    const auto findings = LogFindings(args, 1, log);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["path"] == "-");
    CHECK(findings[0]["line"] == 2);
    CHECK(findings[0]["column"] == 29 + 7);
  }
  test::TempDir dir;
  WriteGzip(dir / "in.gz", log);
  std::ifstream in(dir / "in.gz", std::ios::binary);
  const std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(LogFindings({"-"}, 1, gz).size() == 1);  // gzip on stdin is recognised too
  CHECK(LogFindings({}, 0, "nothing here\n").empty());
}

TEST_CASE("log: a corrupt gz or zip is one error naming it, other logs are still scanned") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 181);
  std::string noise;
  for (int i = 0; i < 5000; ++i)
    noise += test::PseudoRandomBase62(60, static_cast<std::uint64_t>(i)) + "\n";
  WriteGzip(dir / "full.log.gz", noise);
  std::ifstream in(dir / "full.log.gz", std::ios::binary);
  std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  dir.Write("truncated.log.gz", gz.substr(0, gz.size() / 2));
  dir.Write("bad.zip", std::string("PK\x03\x04", 4) + "not really a zip");
  dir.Write("good.log", "x " + tok + "\n");

  auto r =
      RunSprawl({"log", dir / "truncated.log.gz", dir / "bad.zip", dir / "good.log", "-f", "json"},
                "", test::CliEnv());
  CHECK(r.exit_code == 1);  // findings win, as in `sprawl scan`
  CHECK(nlohmann::json::parse(r.out)["findings"].size() == 1);
  CHECK_THAT(r.err, Contains("cannot read " + dir / "truncated.log.gz" + ": corrupt gzip data"));
  CHECK_THAT(r.err, Contains("cannot read " + dir / "bad.zip" + ": not a readable zip archive"));

  // A damaged entry in an archive: named with its entry, the other entries still scanned.
  const std::string name = "build/2_Damaged step.txt";
  WriteZip(dir / "damaged.zip", {{name, noise}, {"build/3_Good step.txt", "token " + tok + "\n"}});
  {
    std::fstream z(dir / "damaged.zip", std::ios::in | std::ios::out | std::ios::binary);
    z.seekp(static_cast<std::streamoff>(30 + name.size() + 200));
    z.put('\x55');
    z.seekp(static_cast<std::streamoff>(30 + name.size() + 201));
    z.put('\xAA');
  }
  auto damaged = RunSprawl({"log", dir / "damaged.zip", "-f", "json"}, "", test::CliEnv());
  CHECK(damaged.exit_code == 1);
  const auto df = nlohmann::json::parse(damaged.out)["findings"];
  REQUIRE(df.size() == 1);
  CHECK(df[0]["path"] == dir / "damaged.zip" + "!build/3_Good step.txt");
  CHECK_THAT(damaged.err, Contains("cannot read " + dir / "damaged.zip" + "!" + name + ": "));

  auto alone = RunSprawl({"log", dir / "truncated.log.gz"}, "", test::CliEnv());
  CHECK(alone.exit_code == 3);
  auto missing = RunSprawl({"log", dir / "nope.log"}, "", test::CliEnv());
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains("nope.log"));
  auto directory = RunSprawl({"log", dir.path()}, "", test::CliEnv());
  CHECK(directory.exit_code == 2);
  CHECK_THAT(directory.err, Contains("is a directory"));
}

TEST_CASE("log: output is identical with one and two threads") {
  test::TempDir dir;
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    lines.push_back(kTs + "\x1b[33mline " + std::to_string(i) + "\x1b[0m " +
                    (i % 300 == 7 ? test::MakeGithubStyleToken("ghp_", 190 + i) : "ok"));
  }
  const std::string path = dir.Write("many.log", Join(lines));
  auto one =
      RunSprawl({"log", path, "-j", "1", "--chunk-size", "4096", "-f", "json"}, "", test::CliEnv());
  auto two =
      RunSprawl({"log", path, "-j", "2", "--chunk-size", "4096", "-f", "json"}, "", test::CliEnv());
  REQUIRE(one.exit_code == 1);
  auto a = nlohmann::json::parse(one.out)["findings"];
  CHECK(a.size() == 10);
  CHECK(a == nlohmann::json::parse(two.out)["findings"]);
}

TEST_CASE("scan: *.log, *.log.gz and Actions log archives go through log normalization") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 201);
  const std::string line = kTs + "\x1b[32mTOKEN=\x1b[0m" + tok;
  dir.Write("ci/build.log", Join({"start", line}));
  WriteGzip(dir / "ci/old.log.gz", Join({line}));
  WriteZip(dir / "ci/run.zip", {{"test/2_Run unit tests.txt", Join({line})}});
  auto r = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
  REQUIRE(r.exit_code == 1);
  const auto findings = nlohmann::json::parse(r.out)["findings"];
  REQUIRE(findings.size() == 3);
  for (const auto& f : findings) {
    CHECK(f["source"] == "log");
    CHECK(f["column"] == 29 + 5 + 6 + 4 + 1);
  }
  CHECK(findings[0]["path"] == dir / "ci/build.log");
  CHECK(findings[0]["line"] == 2);
  CHECK(findings[2]["path"] == dir / "ci/run.zip" + "!test/2_Run unit tests.txt");
  CHECK(findings[2]["step"] == "Run unit tests");
}

TEST_CASE("log: step names and paths from the log are escaped before reaching a terminal") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 211);
  const std::string path =
      dir.Write("evil.log", Join({"##[group]Run \x07\x08spoof", "export T=" + tok}));
  auto r = RunSprawl({"log", path}, "", test::CliEnv());
  REQUIRE(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("step: Run \\x07\\x08spoof"));
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find('\x08') == std::string::npos);
}

TEST_CASE("log: pretty-printed JSON members are decoded, Travis folds are steps") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 221);
  // CircleCI's step output API, pretty-printed: the colour code is escaped JSON, so in the
  // raw text the token follows "m" and no word boundary would be found without decoding.
  const std::string member = R"(    "message": "\u001b[32m)" + tok + R"(\u001b[0m\r\n",)";
  const auto jf = LogFindings(
      {dir.Write("circle.json", Join({"[", "  {", member, R"(    "type": "out")", "  }", "]"}))});
  REQUIRE(jf.size() == 1);
  CHECK(jf[0]["line"] == 3);
  CHECK(jf[0]["column"] == member.find(tok) + 1);

  const auto tf = LogFindings({dir.Write(
      "travis.log", Join({"travis_fold:start:install\r\x1b[0K$ npm ci", "export NPM_TOKEN=" + tok,
                          "travis_fold:end:install\r\x1b[0K", "echo " + tok}))});
  REQUIRE(tf.size() == 2);
  CHECK(tf[0]["step"] == "install");
  CHECK(tf[1]["step"].is_null());
}

TEST_CASE("log: a secret in a step name is redacted there too") {
  test::TempDir dir;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 231);
  const std::string path = dir.Write(
      "step.log", Join({kTs + "##[group]Run curl -H \"Authorization: token " + tok + "\" x",
                        kTs + "curl -H \"Authorization: token " + tok + "\" x",
                        kTs + "##[endgroup]", kTs + "ok"}));
  auto human = RunSprawl({"log", path}, "", test::CliEnv());
  REQUIRE(human.exit_code == 1);
  CHECK(human.out.find(tok) == std::string::npos);
  CHECK_THAT(human.out, Contains("step: Run curl -H \"Authorization: token ghp_"));
  const auto findings = LogFindings({path});
  REQUIRE(findings.size() == 2);
  const std::string step = findings[0]["step"];
  CHECK(step.find(tok) == std::string::npos);
  CHECK(step.find(findings[0]["redacted"].get<std::string>()) != std::string::npos);
}

TEST_CASE(
    "log: in an Actions archive a mask declared in one step holds for the job's later steps") {
  test::TempDir dir;
  WriteZip(dir / "run.zip", {{"build/10_Late step.txt", kTs + "echo Zq9hunterValue7 again\n"},
                             {"build/2_Set secret.txt", kTs + "::add-mask::Zq9hunterValue7\n"},
                             {"build/1_Too early.txt", kTs + "echo Zq9hunterValue7\n"},
                             {"deploy/3_Other job.txt", kTs + "echo Zq9hunterValue7\n"}});
  const auto findings = LogFindings({dir / "run.zip"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["path"] == dir / "run.zip" + "!build/10_Late step.txt");
  CHECK(findings[0]["rule_id"] == "log-masked-value-leak");
  CHECK(findings[0]["column"] == 29 + 6);
}
