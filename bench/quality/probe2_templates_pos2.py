"""gen_probe2 positive templates, group 2: CI configs, HTTP captures, logs, webhooks, docs."""
from probe2_templates_base import *  # noqa: F401,F403


def p2_gitlab_vars(d):
    k, prov, s, var = pick()
    kb, provb, sb, varb = pick_bearer()
    d.add("stages: [build, deploy]", "", "variables:", "  DOCKER_DRIVER: overlay2", f"  {var}: \"{s}\"", "",
          "deploy:", "  stage: deploy", "  image: curlimages/curl:8.7.1", "  script:",
          f"    - 'curl -fsS -X POST -H \"Authorization: Bearer {sb}\" https://api.{svc()}.io/v2/deployments'",
          "  only: [main]")
    d.secret(s, prov)
    d.secret(sb, provb)


def p2_circleci(d):
    k, prov, s, var = pick()
    d.add("version: 2.1", "jobs:", "  build:", "    docker:", "      - image: cimg/python:3.12", "        auth:",
          "          username: acmeci", "          password: $DOCKERHUB_PASSWORD", "    environment:",
          f"      {var}: {s}", "    steps:", "      - checkout", "      - run: make test")
    d.secret(s, prov)


def p2_jenkins_withenv(d):
    k, prov, s, var = pick_prefixed()
    pw = password(url_safe=True)
    d.add("pipeline {", "  agent any", "  stages {", "    stage('Publish') {", "      steps {",
          f"        withEnv([\"{var}={s}\"]) {{", "          sh './gradlew publish'", "        }",
          f"        sh \"curl -u admin:{pw} -T build/app.war https://nexus.acme.local/repository/releases/\"",
          "      }", "    }", "  }", "}")
    d.secret(s, prov)
    d.secret(pw, "Password")


def p2_azure_pipelines(d):
    k, prov, s, var = pick()
    d.add("trigger:", "  - main", "pool:", "  vmImage: ubuntu-latest", "variables:", "  - name: buildConfiguration",
          "    value: Release", f"  - name: {var}", f"    value: '{s}'", "steps:", "  - script: dotnet build --configuration $(buildConfiguration)",
          f"  - script: ./deploy.sh", "    env:", f"      {var}: $({var})")
    d.secret(s, prov)


def p2_bitbucket_pipelines(d):
    k, prov, s, var = pick_bearer()
    d.add("image: node:20", "pipelines:", "  branches:", "    main:", "      - step:", "          name: Notify",
          "          script:", f"            - curl -s -H \"Authorization: token {s}\" https://api.{svc()}.io/hooks/release")
    d.secret(s, prov)


def p2_postman_env(d):
    vals = [{"key": "baseUrl", "value": f"https://api.{svc()}.io", "type": "default", "enabled": True}]
    for _ in range(R.randint(1, 2)):
        k, prov, s, var = pick()
        vals.append({"key": camel(var), "value": s, "type": "secret", "enabled": True})
        d.secret(s, prov)
    env = {"id": uuid4(), "name": f"{svc()} - production", "values": vals, "_postman_variable_scope": "environment",
           "_postman_exported_at": ts(), "_postman_exported_using": "Postman/10.24.3"}
    d.add(json.dumps(env, indent="\t"))


def p2_har(d):
    k, prov, s, var = pick_bearer()
    entry = {"startedDateTime": ts(), "time": R.randint(40, 900), "request": {
        "method": "GET", "url": f"https://api.{svc()}.io/v1/accounts/me", "httpVersion": "HTTP/2",
        "headers": [{"name": "accept", "value": "application/json"}, {"name": "authorization", "value": f"Bearer {s}"},
                    {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64)"}], "queryString": [], "cookies": []},
        "response": {"status": 200, "statusText": "", "headers": [{"name": "content-type", "value": "application/json"}]}}
    d.add(json.dumps({"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "125.0"}, "entries": [entry]}}, indent=2))
    d.secret(s, prov)


def p2_http_dump(d):
    r = R.random()
    if r < 0.5:
        k, prov, s, var = pick_bearer()
        d.add(f"POST /v1/charges HTTP/1.1", f"Host: api.{svc()}.io", f"Authorization: Bearer {s}",
              "Content-Type: application/json", "Content-Length: 57", "", '{"amount": 1200, "currency": "eur", "source": "card"}')
        d.secret(s, prov)
    else:
        u, pw = user(), password()
        cred = b64(f"{u}:{pw}")
        d.add(f"GET /api/v2/reports HTTP/1.1", f"Host: reports.acme-corp.io", f"Authorization: Basic {cred}",
              "Accept: */*", "")
        d.secret(pw, "Password", anchor=cred, alts=[cred, f"{u}:{pw}"])


def p2_json_log(d):
    k, prov, s, var = pick_bearer()
    lines = []
    for i in range(R.randint(3, 6)):
        lines.append(json.dumps({"ts": ts(), "level": "info", "msg": "request completed", "path": f"/api/{svc()}", "status": 200,
                                 "duration_ms": R.randint(3, 400), "trace_id": rs(HEX, 32)}))
    at = R.randint(1, len(lines) - 1)
    lines.insert(at, json.dumps({"ts": ts(), "level": "debug", "msg": "outgoing request",
                                 "headers": {"Authorization": f"Bearer {s}", "Accept": "application/json"},
                                 "url": f"https://api.{svc()}.io/v1/sync"}))
    d.add(*lines)
    d.secret(s, prov)


def p2_nginx_log(d):
    k, prov, s, var = pick_prefixed(["github_classic", "gitlab", "slack_bot", "stripe_sk", "openai", "huggingface",
                                     "sendgrid", "gcp_api", "digitalocean", "linear", "postman", "npm"])
    lines = []
    for _ in range(R.randint(4, 8)):
        lines.append(f'{ip()} - - [12/Mar/2024:10:{R.randint(10, 59)}:{R.randint(10, 59)} +0000] "GET /static/{rs(HEX, 8)}.js HTTP/1.1" 200 {R.randint(200, 90000)} "-" "Mozilla/5.0"')
    param = R.choice(["access_token", "api_key", "token", "key"])
    lines.insert(R.randint(1, len(lines) - 1),
                 f'{ip()} - - [12/Mar/2024:10:31:07 +0000] "GET /v1/export?format=csv&{param}={s} HTTP/1.1" 200 5123 "-" "python-requests/2.31.0"')
    d.add(*lines)
    d.secret(s, prov)


def p2_webhooks_json(d):
    hooks = {}
    for key in R.sample(["slack_webhook", "discord_webhook", "teams"], R.randint(1, 3)):
        prov, s, _ = gen(key)
        hooks[{"slack_webhook": "slack", "discord_webhook": "discord", "teams": "msteams"}[key]] = {"url": s, "enabled": True}
        d.secret(s, prov)
    d.add(json.dumps({"alerting": {"channels": hooks, "severity": "critical"}}, indent=2))


def p2_pem_in_json(d):
    key = R.choice([pem_rsa, pem_pkcs8, pem_ec])()
    esc = json.dumps(key)[1:-1]
    obj = {"appId": R.randint(100000, 999999), "installationId": R.randint(10**7, 10**8), "privateKey": key, "webhookUrl": f"https://{svc()}.acme-corp.io/hooks"}
    d.add(json.dumps(obj, indent=2))
    d.secret(key, "Private key", anchor=esc[:50], alts=[esc])


def p2_kubeconfig_b64(d):
    tok = jwt()
    kc = "\n".join(["apiVersion: v1", "kind: Config", "clusters:", "- cluster:", f"    server: https://{ip()}:6443", "  name: prod",
                    "users:", "- name: ci", "  user:", f"    token: {tok}", "contexts:", "- context: {cluster: prod, user: ci}", "  name: prod",
                    "current-context: prod"])
    enc = b64(kc)
    d.add("deploy:", "  stage: deploy", "  variables:", f"    KUBECONFIG_B64: \"{enc}\"", "  script:",
          "    - echo \"$KUBECONFIG_B64\" | base64 -d > kubeconfig")
    d.secret(tok, "JWT", anchor=enc, alts=[enc])


def p2_readme_export(d):
    k, prov, s, var = pick_prefixed()
    d.add(f"# {svc().capitalize()} CLI", "", "## Quick start", "", "```bash", f"export {var}={s}", f"./{svc()} sync --all", "```", "",
          "Then open http://localhost:8080.")
    d.secret(s, prov)


def p2_url_token(d):
    r = R.random()
    if r < 0.5:
        tok = gh_checksummed("ghp_")
        d.path = d.path.rsplit("/", 1)[0] + "/bootstrap.sh"
        d.add("#!/bin/sh", f"git clone https://acme-bot:{tok}@github.com/acme/{svc()}.git /opt/app")
        d.secret(tok, "GitHub")
    else:
        prov, tok, _ = gen("gitlab")
        d.path = d.path.rsplit("/", 1)[0] + "/.gitmodules"
        d.add("[submodule \"vendor/lib\"]", "\tpath = vendor/lib", f"\turl = https://oauth2:{tok}@gitlab.com/acme/{svc()}-lib.git")
        d.secret(tok, "GitLab")


def p2_curl_headers(d):
    r = R.random()
    if r < 0.3:
        prov, s, _ = gen("anthropic")
        d.add("curl https://api.anthropic.com/v1/messages \\", f"  -H \"x-api-key: {s}\" \\", "  -H \"anthropic-version: 2023-06-01\" \\",
              "  -H \"content-type: application/json\" \\", "  -d '{\"model\": \"claude-3-5-sonnet-latest\", \"max_tokens\": 256}'")
    elif r < 0.6:
        prov, s, _ = gen("datadog_api")
        d.add("curl -X POST \"https://api.datadoghq.eu/api/v2/series\" \\", "  -H \"Content-Type: application/json\" \\",
              f"  -H \"DD-API-KEY: {s}\" \\", "  -d @metrics.json")
    else:
        prov, s, _ = gen("cloudflare_token")
        d.add(f"curl -s \"https://api.cloudflare.com/client/v4/zones/{rs(HEX, 32)}/purge_cache\" \\",
              f"     -H \"Authorization: Bearer {s}\" \\", "     --data '{\"purge_everything\":true}'")
    d.secret(s, prov)


POSITIVE = [
    (p2_gitlab_vars, [".gitlab-ci.yml"]),
    (p2_circleci, [".circleci/config.yml"]),
    (p2_jenkins_withenv, ["Jenkinsfile", "ci/Jenkinsfile.release"]),
    (p2_azure_pipelines, ["azure-pipelines.yml"]),
    (p2_bitbucket_pipelines, ["bitbucket-pipelines.yml"]),
    (p2_postman_env, ["postman/production.postman_environment.json"]),
    (p2_har, ["debug/session.har"]),
    (p2_http_dump, ["captures/request.txt", "debug/req.http"]),
    (p2_json_log, ["logs/app.jsonl", "var/log/service.log"]),
    (p2_nginx_log, ["logs/access.log"]),
    (p2_webhooks_json, ["config/alerting.json"]),
    (p2_pem_in_json, ["config/github-app.json"]),
    (p2_kubeconfig_b64, [".gitlab-ci.yml", "ci/deploy.yml"]),
    (p2_readme_export, ["README.md", "docs/getting-started.md"]),
    (p2_url_token, ["scripts/bootstrap.sh", ".gitmodules"]),
    (p2_curl_headers, ["scripts/smoke.sh", "docs/api.md"]),
]
