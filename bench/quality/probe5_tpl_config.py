"""probe5 templates: configuration, infrastructure and CI files."""
import json

from probe5_tpl_common import (template, assign_lines, q_shell, yaml_scalar, pseudo,
                               needs_quote, filler_settings, field_name, blocks,
                               decoy_comment)
from probe5_util import (word, app_name, host, domain, REGIONS, pick, sha1hex, sha256hex, rs,
                         HEXL, ALNUML, DIG, uuid4, version, port, company, ts, ts_ms, email,
                         username, style_var, b64, ipv4, rand_password, epoch)


def _pem_indent(doc, f, indent):
    return indent + doc.put(f, "block", indent)


# ------------------------------------------------------------------ dotenv

@template("dotenv", pem="env")
def t_dotenv(r, doc, creds):
    name = r.choice((".env", ".env.production", ".env.local", ".env.staging", "prod.env",
                     ".env.development.local"))

    def render(n, f, fill):
        if f.get("multiline"):
            if r.random() < 0.5:
                return '%s="%s"' % (n, doc.put(f, "nl"))
            return '%s="%s"' % (n, doc.put(f, "raw"))
        sep = r.choice(("=", "=", "=", " = ")) if r.random() < 0.1 else "="
        pre = "export " if r.random() < 0.08 else ""
        return pre + n + sep + q_shell(r, doc, f)

    lines = ["# %s environment - %s" % (app_name(r), r.choice(("generated", "do not share",
                                                               "copied from 1password"))), ""]
    body = assign_lines(r, doc, creds, r.randint(6, 16), "upper", render)
    for i, l in enumerate(body):
        lines.append(l)
        if r.random() < 0.12:
            lines.append("")
            lines.append("# --- %s ---" % word(r))
    return name, "\n".join(lines) + "\n"


# ------------------------------------------------------------------ shell script

@template("shell-script", pem="raw", bad="")
def t_shell(r, doc, creds):
    name = r.choice(("deploy.sh", "scripts/setup-env.sh", "bootstrap.sh", "run_local.sh",
                     "ci/publish.sh", "tools/seed_db.sh"))

    def render(n, f, fill):
        if f.get("multiline"):
            return ["%s=$(cat <<'EOF'" % n, doc.put(f, "raw"), "EOF", ")", "export %s" % n]
        return "export %s=%s" % (n, q_shell(r, doc, f))

    lines = ["#!/usr/bin/env bash", "set -euo pipefail", "",
             'SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
             'echo "==> configuring %s"' % app_name(r), ""]
    lines += assign_lines(r, doc, creds, r.randint(3, 8), "upper", render)
    lines += ["", 'if [[ "${1:-}" == "--dry-run" ]]; then', '  echo "dry run"; exit 0', "fi",
              "docker compose -f \"$SCRIPT_DIR/docker-compose.yml\" up -d --build",
              'echo "done in ${SECONDS}s"']
    return name, "\n".join(lines) + "\n"


# ------------------------------------------------------------------ shell history

@template("shell-history", shapes=("tok", "url"))
def t_history(r, doc, creds):
    name = r.choice((".bash_history", ".zsh_history", "home/%s/.bash_history" % username(r).split(".")[0]))
    zsh = name.endswith("zsh_history")
    cmds = ["ls -la", "cd ~/src/%s" % app_name(r), "git status", "git pull --rebase",
            "docker ps", "kubectl get pods -n %s" % word(r), "vim .env", "make test",
            "history | grep curl", "cat ~/.ssh/config", "npm run build", "aws sts get-caller-identity",
            "terraform plan -out tf.plan", "htop", "clear", "git log --oneline -5",
            "pip install -r requirements.txt", "ssh bastion.%s" % domain(r)]
    out = []
    for c in creds:
        for f in c["fields"]:
            m = doc.put(f)
            var = f["var"]
            if f.get("secret") is None:
                out.append("export %s=%s" % (var, m))
                continue
            v = f["value"]
            if "://" in v:
                out.append(r.choice(("psql '%s'" % m, "export %s='%s'" % (var, m),
                                     "redis-cli -u '%s' ping" % m, "echo '%s' | pbcopy" % m)))
            else:
                out.append(r.choice((
                    "export %s=%s" % (var, m),
                    "curl -s -H 'Authorization: Bearer %s' https://api.%s/v1/me" % (m, domain(r)),
                    "echo %s > ~/.%s_token" % (m, word(r)),
                    "%s=%s ./run.sh" % (var, m),
                    "gh secret set %s --body '%s'" % (var, m),
                )))
    allc = cmds[:]
    r.shuffle(allc)
    allc = allc[:r.randint(8, 16)]
    for o in out:
        allc.insert(r.randint(0, len(allc)), o)
    if zsh:
        t0 = epoch(r)
        allc = [": %d:0;%s" % (t0 + i * r.randint(3, 90), c) for i, c in enumerate(allc)]
    return name, "\n".join(allc) + "\n"


# ------------------------------------------------------------------ Dockerfile

@template("dockerfile", bad="$`\\\"")
def t_dockerfile(r, doc, creds):
    base = r.choice(("python:3.12-slim", "node:20-alpine", "golang:1.22", "eclipse-temurin:21-jre",
                     "ruby:3.3", "debian:bookworm-slim"))
    lines = ["FROM %s" % base, "LABEL maintainer=\"%s\"" % email(r), "WORKDIR /app", ""]

    def render(n, f, fill):
        kw = "ENV" if r.random() < 0.75 or fill else "ARG"
        v = f["value"]
        m = doc.put(f)
        if needs_quote(v) or r.random() < 0.3:
            return '%s %s="%s"' % (kw, n, m)
        return "%s %s=%s" % (kw, n, m)

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "upper", render)
    lines += ["", "COPY . .", r.choice(("RUN pip install --no-cache-dir -r requirements.txt",
                                         "RUN npm ci --omit=dev", "RUN go build -o /bin/app ./cmd/app",
                                         "RUN bundle install")),
              "EXPOSE %d" % port(r), "USER 10001", 'CMD ["./start.sh"]']
    return "Dockerfile", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ docker-compose

@template("docker-compose", pem="block")
def t_compose(r, doc, creds):
    svc = word(r)
    lines = ["services:", "  %s:" % svc, "    image: ghcr.io/%s/%s:%s" % (company(r), app_name(r), version(r)),
             "    restart: unless-stopped", "    ports:", '      - "%d:%d"' % (port(r), port(r))]
    listform = r.random() < 0.5
    lines.append("    environment:")

    def render(n, f, fill):
        if f.get("multiline"):
            return ["      %s: |" % n, _pem_indent_c(doc, f, "        ")]
        if listform:
            v = f["value"]
            m = doc.put(f)
            return "      - %s=%s" % (n, m) if not needs_quote(v, ":") else '      - "%s=%s"' % (n, m)
        return "      %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(3, 9), "upper",
                          lambda n, f, fill: render(n, f, fill) if not f.get("multiline") or not listform
                          else ["      - |-", "        %s=%s" % (n, doc.put(f, "block", "        "))])
    lines += ["    depends_on:", "      - db", "  db:", "    image: postgres:16",
              "    environment:", "      POSTGRES_DB: %s" % word(r),
              "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
              "    volumes:", "      - pgdata:/var/lib/postgresql/data", "volumes:", "  pgdata: {}"]
    return r.choice(("docker-compose.yml", "compose.yaml", "docker-compose.prod.yml")), "\n".join(lines) + "\n"


def _pem_indent_c(doc, f, indent):
    return indent + doc.put(f, "block", indent)


# ------------------------------------------------------------------ Kubernetes Secret (data)

@template("k8s-secret", shapes=("tok",), pem="b64")
def t_k8s_secret(r, doc, creds):
    ns = r.choice(("default", "prod", "payments", word(r)))
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: %s-secrets" % app_name(r),
             "  namespace: %s" % ns, "  labels:", "    app.kubernetes.io/name: %s" % word(r),
             "    app.kubernetes.io/managed-by: %s" % r.choice(("helm", "kustomize", "kubectl")),
             "type: Opaque", "data:"]

    def render(n, f, fill):
        return "  %s: %s" % (n, doc.put(f, "b64"))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), r.choice(("snake", "kebab", "upper")),
                          render)
    return r.choice(("secret.yaml", "k8s/secret.yaml", "manifests/%s-secret.yml" % word(r))), "\n".join(lines) + "\n"


@template("k8s-secret-stringdata", pem="block")
def t_k8s_stringdata(r, doc, creds):
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: %s" % app_name(r),
             "  annotations:", "    kubernetes.io/description: runtime credentials",
             "type: Opaque", "stringData:"]

    def render(n, f, fill):
        if f.get("multiline"):
            return ["  %s: |" % n, _pem_indent(doc, f, "    ")]
        return "  %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(1, 5), r.choice(("snake", "upper", "kebab")),
                          render)
    return r.choice(("secret.yaml", "deploy/stringdata-secret.yaml")), "\n".join(lines) + "\n"


@template("k8s-deployment")
def t_k8s_deploy(r, doc, creds):
    app = app_name(r)
    lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: %s" % app,
             "spec:", "  replicas: %d" % r.randint(1, 6), "  selector:", "    matchLabels:",
             "      app: %s" % app, "  template:", "    metadata:", "      labels:",
             "        app: %s" % app, "    spec:", "      containers:", "        - name: %s" % app,
             "          image: %s.dkr.ecr.%s.amazonaws.com/%s@sha256:%s" % (rs(r, DIG, 12, check=False),
                                                                          pick(r, REGIONS), app,
                                                                          sha256hex(r)),
             "          env:"]

    def render(n, f, fill):
        return ["            - name: %s" % n, "              value: %s" % yaml_scalar(r, doc, f, force=True)]

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "upper", render)
    lines += ["            - name: POD_NAME", "              valueFrom:", "                fieldRef:",
              "                  fieldPath: metadata.name", "          resources:",
              "            limits: {cpu: 500m, memory: 512Mi}"]
    return "deployment.yaml", "\n".join(lines) + "\n"


@template("helm-values", pem="block")
def t_helm(r, doc, creds):
    lines = ["# Default values for %s." % app_name(r), "replicaCount: %d" % r.randint(1, 4), "",
             "image:", "  repository: %s/%s" % (company(r), word(r)), '  tag: "%s"' % version(r),
             "  pullPolicy: IfNotPresent", "", "ingress:", "  enabled: true",
             "  hosts:", "    - host: %s" % host(r), "", "config:"]

    def render(n, f, fill):
        if f.get("multiline"):
            return ["  %s: |" % n, _pem_indent(doc, f, "    ")]
        return "  %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(3, 8), "camel", render)
    lines += ["", "resources:", "  requests:", "    cpu: 100m", "    memory: 128Mi"]
    return r.choice(("values.yaml", "charts/%s/values-prod.yaml" % word(r))), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ Terraform

@template("terraform-tf", pem="raw", bad="$")
def t_tf(r, doc, creds):
    lines = ['terraform {', '  required_version = ">= 1.5"', '  backend "s3" {',
             '    bucket = "%s-tfstate"' % company(r), '    key    = "%s/terraform.tfstate"' % word(r),
             '    region = "%s"' % pick(r, REGIONS), '  }', '}', '', 'locals {']

    def render(n, f, fill):
        if f.get("multiline"):
            return ["  %s = <<-EOT" % n, doc.put(f, "raw"), "  EOT"]
        return '  %s = "%s"' % (n, doc.put(f, "raw"))

    lines += assign_lines(r, doc, creds, r.randint(3, 7), "snake", render)
    lines += ['}', '', 'resource "aws_ssm_parameter" "%s" {' % word(r),
              '  name  = "/%s/%s"' % (word(r), word(r)), '  type  = "SecureString"',
              '  value = local.%s' % style_var(r, creds[0]["fields"][-1]["var"], "snake"), '}']
    return r.choice(("main.tf", "providers.tf", "infra/%s.tf" % word(r))), "\n".join(lines) + "\n"


@template("tfvars", pem="raw", bad="$")
def t_tfvars(r, doc, creds):
    def render(n, f, fill):
        if f.get("multiline"):
            return ["%s = <<EOF" % n, doc.put(f, "raw"), "EOF"]
        return '%s = "%s"' % (n, doc.put(f, "raw"))

    lines = ["# %s" % r.choice(("prod.tfvars", "shared variables", "DO NOT COMMIT")),
             'environment = "%s"' % r.choice(("prod", "staging")),
             'instance_type = "%s"' % r.choice(("t3.medium", "m6i.large"))]
    lines += assign_lines(r, doc, creds, r.randint(3, 7), "snake", render)
    lines += ['tags = {', '  owner = "%s"' % email(r), '  cost_center = "%d"' % r.randint(1000, 9999), '}']
    return r.choice(("terraform.tfvars", "env/prod.auto.tfvars", "secrets.tfvars")), "\n".join(lines) + "\n"


@template("tfstate", pem="json")
def t_tfstate(r, doc, creds):
    res = []
    attrs = []
    for typ, item in blocks(r, creds, filler_settings(r, r.randint(2, 5))):
        if typ == "fill":
            attrs.append('          "%s": "%s"' % (item[0].lower(), item[1]))
        else:
            for f in item["fields"]:
                attrs.append('          "%s": "%s"' % (field_name(r, f, "snake"), doc.put(f, "json")))
    lines = ["{", '  "version": 4,', '  "terraform_version": "1.%d.%d",' % (r.randint(3, 9), r.randint(0, 6)),
             '  "serial": %d,' % r.randint(3, 400), '  "lineage": "%s",' % uuid4(r),
             '  "outputs": {},', '  "resources": [', '    {', '      "mode": "managed",',
             '      "type": "%s",' % r.choice(("kubernetes_secret", "aws_lambda_function",
                                               "vault_generic_secret", "github_actions_secret")),
             '      "name": "%s",' % word(r),
             '      "provider": "provider[\\"registry.terraform.io/hashicorp/%s\\"]",' % r.choice(("aws", "kubernetes", "vault")),
             '      "instances": [', '        {', '          "schema_version": 0,',
             '          "attributes": {']
    lines += [("  " + a + ",") for a in attrs[:-1]] + ["  " + attrs[-1]]
    lines += ['          },', '          "sensitive_attributes": []', '        }', '      ]', '    }',
              '  ],', '  "check_results": null', '}']
    return "terraform.tfstate", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ Ansible

@template("ansible-vars", pem="block")
def t_ansible(r, doc, creds):
    lines = ["---", "# group_vars for %s" % word(r), "ansible_user: deploy",
             "app_name: %s" % app_name(r), "app_port: %d" % port(r)]

    def render(n, f, fill):
        if f.get("multiline"):
            return ["%s: |" % n, _pem_indent(doc, f, "  ")]
        return "%s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "snake", render)
    lines += ["nginx_worker_processes: auto", "ntp_servers:", "  - 0.pool.ntp.org", "  - 1.pool.ntp.org"]
    return r.choice(("group_vars/all.yml", "group_vars/prod/vars.yml", "host_vars/%s.yml" % word(r))), "\n".join(lines) + "\n"


@template("ansible-inventory", shapes=("tok",), tags=("generic",), bad=" '\"")
def t_inventory(r, doc, creds):
    lines = ["[web]"]
    for i in range(r.randint(2, 4)):
        lines.append("web%02d.%s ansible_host=%s" % (i + 1, domain(r), ipv4(r)))
    lines += ["", "[db]"]
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                continue
            lines.append("db%02d.%s ansible_host=%s ansible_user=%s %s=%s" % (
                r.randint(1, 9), domain(r), ipv4(r), username(r),
                r.choice(("ansible_password", "ansible_become_pass", "ansible_ssh_pass")),
                doc.put(f)))
    lines += ["", "[all:vars]", "ansible_python_interpreter=/usr/bin/python3",
              "ansible_ssh_common_args='-o StrictHostKeyChecking=no'"]
    return r.choice(("inventory/hosts.ini", "hosts", "inventories/prod/hosts")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ CI configs

@template("github-actions")
def t_gha(r, doc, creds):
    lines = ["name: %s" % r.choice(("deploy", "release", "CI", "publish")), "", "on:", "  push:",
             "    branches: [main]", "  workflow_dispatch: {}", "", "env:"]

    def render(n, f, fill):
        return "  %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "upper", render)
    lines += ["", "jobs:", "  build:", "    runs-on: ubuntu-latest", "    steps:",
              "      - uses: actions/checkout@%s" % sha1hex(r), "      - uses: actions/setup-node@v4",
              "        with:", "          node-version: 20", "      - run: npm ci && npm test",
              "      - name: deploy", "        env:",
              "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", "        run: ./scripts/deploy.sh"]
    return ".github/workflows/%s.yml" % r.choice(("deploy", "ci", "release", "nightly")), "\n".join(lines) + "\n"


@template("gitlab-ci")
def t_gitlab(r, doc, creds):
    lines = ["stages:", "  - test", "  - build", "  - deploy", "", "variables:",
             '  DOCKER_DRIVER: overlay2']

    def render(n, f, fill):
        return "  %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["", "test:", "  stage: test", "  image: python:3.12", "  script:",
              "    - pip install -r requirements.txt", "    - pytest -q", "",
              "deploy:", "  stage: deploy", "  only: [main]", "  script:",
              '    - echo "deploying $CI_COMMIT_SHORT_SHA"', "    - ./deploy.sh"]
    return ".gitlab-ci.yml", "\n".join(lines) + "\n"


@template("circleci")
def t_circle(r, doc, creds):
    lines = ["version: 2.1", "orbs:", "  node: circleci/node@5.2.0", "jobs:", "  build:",
             "    docker:", "      - image: cimg/node:20.11", "    environment:"]

    def render(n, f, fill):
        return "      %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["    steps:", "      - checkout", "      - run: npm ci", "      - run: npm run build",
              "workflows:", "  main:", "    jobs: [build]"]
    return ".circleci/config.yml", "\n".join(lines) + "\n"


@template("jenkinsfile", bad="'$\\")
def t_jenkins(r, doc, creds):
    lines = ["pipeline {", "  agent { label '%s' }" % r.choice(("linux", "docker", "k8s")),
             "  options { timestamps() }", "  environment {"]

    def render(n, f, fill):
        return "    %s = '%s'" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["  }", "  stages {", "    stage('Build') {", "      steps {", "        sh 'make build'",
              "      }", "    }", "    stage('Deploy') {", "      when { branch 'main' }",
              "      steps {", "        sh './deploy.sh ${BUILD_NUMBER}'", "      }", "    }",
              "  }", "}"]
    return "Jenkinsfile", "\n".join(lines) + "\n"


ANSI = ["\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[90m"]


@template("ci-build-log")
def t_cilog(r, doc, creds):
    t = epoch(r)
    lines = []
    step = [0]

    base = [r.randint(1, 12), r.randint(1, 28), r.randint(0, 22), r.randint(0, 59) * 60]

    def stamp():
        step[0] += r.randint(0, 4)
        sec = base[3] + step[0]
        return "2024-%02d-%02dT%02d:%02d:%02d.%07dZ" % (base[0], base[1], base[2] + sec // 3600,
                                                        (sec // 60) % 60, sec % 60,
                                                        r.randint(0, 9999999))
    noise = ["##[group]Run actions/checkout@v4", "Syncing repository: %s/%s" % (company(r), word(r)),
             "##[endgroup]", "\x1b[36;1mnpm ci\x1b[0m", "added %d packages in %ds" % (r.randint(300, 1500), r.randint(5, 60)),
             "\x1b[32m✓\x1b[0m %d tests passed" % r.randint(50, 900),
             "Downloading https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
             "\x1b[33mwarn\x1b[0m deprecated request@2.88.2",
             "cache key: node-modules-%s" % sha256hex(r)[:40],
             "Step 4/12 : RUN npm run build", " ---> Running in %s" % rs(r, HEXL, 12, check=False),
             "Successfully built %s" % rs(r, HEXL, 12, check=False),
             "digest: sha256:%s size: 2417" % sha256hex(r), "Job id: %s" % uuid4(r)]
    r.shuffle(noise)
    body = noise[:r.randint(8, 14)]
    for c in creds:
        for f in c["fields"]:
            m = doc.put(f)
            col = r.choice(ANSI)
            if f["secret"] is None:
                body.insert(r.randint(0, len(body)), "%s=%s" % (f["var"], m))
                continue
            body.insert(r.randint(0, len(body)), r.choice((
                "%s+ export %s=%s\x1b[0m" % (col, f["var"], m),
                "+ curl -sSf -H \"Authorization: token %s\" https://api.%s/deploy" % (m, domain(r)),
                "\x1b[90mdebug\x1b[0m env %s=%s" % (f["var"], m),
                "Using %s: %s" % (f["var"].lower().replace("_", " "), m),
            )))
    lines = ["%s %s" % (stamp(), l) for l in body]
    return r.choice(("build.log", "logs/job-%d.log" % r.randint(1000, 99999), "ci-output.txt")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ JSON / YAML / TOML / INI / properties

@template("json-config", pem="json")
def t_json(r, doc, creds):
    style = r.choice(("camel", "snake", "pascal"))
    inner = []
    for typ, item in blocks(r, creds, filler_settings(r, r.randint(3, 8))):
        if typ == "fill":
            inner.append('    "%s": "%s"' % (style_var(r, item[0], style), item[1]))
        else:
            for f in item["fields"]:
                inner.append('    "%s": "%s"' % (field_name(r, f, style),
                                                 doc.put(f, "json_slash" if r.random() < 0.1 else "json")))
    sect = r.choice(("Secrets", "credentials", "services", "integrations", "app"))
    lines = ["{", '  "name": "%s",' % app_name(r), '  "version": "%s",' % version(r),
             '  "logging": { "level": "%s" },' % r.choice(("Information", "debug")),
             '  "%s": {' % sect]
    lines += [l + "," for l in inner[:-1]] + [inner[-1]]
    lines += ["  },", '  "AllowedHosts": "*"', "}"]
    return r.choice(("config.json", "appsettings.Production.json", "config/default.json",
                     "secrets.json", "settings.local.json")), "\n".join(lines) + "\n"


@template("yaml-config", pem="block")
def t_yaml(r, doc, creds):
    lines = ["server:", "  port: %d" % port(r), "  shutdown: graceful", "spring:" if r.random() < .4 else "app:",
             "  application:", "    name: %s" % app_name(r), "credentials:"]

    def render(n, f, fill):
        if f.get("multiline"):
            return ["  %s: |" % n, _pem_indent(doc, f, "    ")]
        return "  %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(3, 7), r.choice(("snake", "camel", "kebab")), render)
    lines += ["management:", "  endpoints:", "    web:", "      exposure:", "        include: health,info"]
    return r.choice(("application.yml", "config.yaml", "config/settings.yml", "conf/prod.yaml")), "\n".join(lines) + "\n"


@template("toml-config", pem="raw", bad='"\\')
def t_toml(r, doc, creds):
    lines = ["[app]", 'name = "%s"' % app_name(r), "debug = false", "workers = %d" % r.randint(2, 8), "",
             "[%s]" % r.choice(("secrets", "credentials", "providers", "auth"))]

    def render(n, f, fill):
        if f.get("multiline"):
            return ['%s = """' % n, doc.put(f), '"""']
        return '%s = "%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "snake", render)
    lines += ["", "[database]", 'pool_size = %d' % r.randint(5, 30), 'timeout = "30s"']
    return r.choice(("config.toml", "settings.toml", "app.toml", ".streamlit/secrets.toml")), "\n".join(lines) + "\n"


@template("ini-config", pem="nl", bad=";")
def t_ini(r, doc, creds):
    lines = ["[DEFAULT]", "debug = false", "timezone = UTC", "",
             "[%s]" % r.choice(("credentials", "api", "auth", "default"))]
    sep = r.choice((" = ", "=", ": "))

    def render(n, f, fill):
        return "%s%s%s" % (n, sep, doc.put(f, "nl"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "snake", render)
    lines += ["", "[logging]", "level = INFO", "handlers = console,file"]
    return r.choice(("config.ini", "app.ini", "settings.cfg", "credentials.conf")), "\n".join(lines) + "\n"


@template("java-properties", pem="nl")
def t_props(r, doc, creds):
    lines = ["# %s" % r.choice(("Spring Boot configuration", "generated by deploy tool", "prod overrides")),
             "spring.application.name=%s" % app_name(r), "server.port=%d" % port(r),
             "spring.jpa.hibernate.ddl-auto=validate"]

    def render(n, f, fill):
        return "%s%s%s" % (n, r.choice(("=", "=", " = ", ":")), doc.put(f, "nl"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "dot", render)
    lines += ["logging.level.root=INFO", "management.endpoints.web.exposure.include=health"]
    return r.choice(("application.properties", "src/main/resources/application-prod.properties",
                     "gradle.properties", "local.properties")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ XML family

@template("web-config", pem=None)
def t_webconfig(r, doc, creds):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <appSettings>"]
    conn = []

    def render(n, f, fill):
        if f["value"].startswith(("Server=", "Endpoint=", "DefaultEndpoints", "AccountEndpoint")):
            conn.append('    <add name="%s" connectionString="%s" providerName="System.Data.SqlClient" />'
                        % (n, doc.put(f, "xml")))
            return []
        return '    <add key="%s" value="%s" />' % (n, doc.put(f, "xml"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "pascal", render)
    lines += ["  </appSettings>", "  <connectionStrings>"] + conn + ["  </connectionStrings>",
                                                                   "  <system.web>",
                                                                   '    <compilation debug="false" targetFramework="4.8" />',
                                                                   "  </system.web>", "</configuration>"]
    return "web.config", "\n".join(lines) + "\n"


@template("maven-settings", shapes=("tok",))
def t_maven(r, doc, creds):
    lines = ['<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">', "  <servers>"]
    for c in creds:
        sec = [f for f in c["fields"] if f["secret"] is not None]
        ids = [f for f in c["fields"] if f["secret"] is None]
        for f in sec:
            user = doc.put(ids[0], "xml") if ids else username(r)
            lines += ["    <server>", "      <id>%s</id>" % r.choice(("ossrh", "releases", "github", "nexus", "artifactory")),
                      "      <username>%s</username>" % user,
                      "      <password>%s</password>" % doc.put(f, "xml"), "    </server>"]
            ids = ids[1:]
        for f in ids:
            lines.append("    <!-- %s: %s -->" % (f["var"].lower(), doc.put(f, "xml")))
    lines += ["  </servers>", "  <mirrors>", "    <mirror>", "      <id>central-proxy</id>",
              "      <url>https://nexus.%s/repository/maven-public/</url>" % domain(r),
              "      <mirrorOf>central</mirrorOf>", "    </mirror>", "  </mirrors>", "</settings>"]
    return r.choice(("settings.xml", ".m2/settings.xml")), "\n".join(lines) + "\n"


@template("android-strings", shapes=("tok",))
def t_android(r, doc, creds):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<resources>",
             '    <string name="app_name">%s</string>' % word(r).capitalize(),
             '    <string name="title_activity_main">Home</string>']

    def render(n, f, fill):
        return '    <string name="%s" translatable="false">%s</string>' % (n, doc.put(f, "xml"))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "snake", render)
    lines += ['    <string name="action_settings">Settings</string>', "</resources>"]
    return "app/src/main/res/values/strings.xml", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ misc assignment formats

@template("makefile", bad="#$\\")
def t_make(r, doc, creds):
    lines = [".PHONY: build deploy test", "", "APP := %s" % app_name(r), "VERSION ?= %s" % version(r)]

    def render(n, f, fill):
        return "%s %s %s" % (n, r.choice(("=", ":=", "?=")), doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["", "build:", "\tdocker build -t $(APP):$(VERSION) .", "", "deploy: build",
              "\t./scripts/deploy.sh $(APP)", "", "test:", "\tgo test ./..."]
    return "Makefile", "\n".join(lines) + "\n"


@template("powershell", bad="'`$")
def t_ps(r, doc, creds):
    lines = ["#Requires -Version 7", "$ErrorActionPreference = 'Stop'",
             "Write-Host 'Configuring %s'" % app_name(r)]

    def render(n, f, fill):
        return "$env:%s = '%s'" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["dotnet publish -c Release -o ./out", "Start-Process -FilePath ./out/%s.exe" % word(r)]
    return r.choice(("deploy.ps1", "scripts/Set-Env.ps1")), "\n".join(lines) + "\n"


@template("batch-file", bad="%^&|<>\"! ")
def t_bat(r, doc, creds):
    lines = ["@echo off", "setlocal", "REM %s" % r.choice(("local dev settings", "build agent env"))]

    def render(n, f, fill):
        return "set %s=%s" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["call gradlew.bat assemble", "endlocal"]
    return r.choice(("setenv.cmd", "build.bat")), "\r\n".join(lines) + "\r\n"


@template("systemd-unit", bad='%"\\ ')
def t_systemd(r, doc, creds):
    app = app_name(r)
    lines = ["[Unit]", "Description=%s service" % app, "After=network-online.target", "",
             "[Service]", "Type=simple", "User=%s" % word(r), "WorkingDirectory=/opt/%s" % app]

    def render(n, f, fill):
        return 'Environment="%s=%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["ExecStart=/opt/%s/bin/%s --config /etc/%s/config.yml" % (app, app, app),
              "Restart=on-failure", "", "[Install]", "WantedBy=multi-user.target"]
    return "%s.service" % app, "\n".join(lines) + "\n"


@template("crontab", bad="% '\"")
def t_cron(r, doc, creds):
    lines = ["SHELL=/bin/bash", "PATH=/usr/local/bin:/usr/bin:/bin", "MAILTO=%s" % email(r)]
    for c in creds:
        for f in c["fields"]:
            lines.append("%s=%s" % (f["var"], doc.put(f)))
    lines += ["", "# m h dom mon dow command",
              "*/15 * * * * /opt/%s/bin/sync >> /var/log/sync.log 2>&1" % word(r),
              "0 3 * * * /usr/local/bin/backup.sh --prune 14", "30 2 * * 0 certbot renew --quiet"]
    return "crontab", "\n".join(lines) + "\n"


@template("pgpass", shapes=("tok",), tags=("generic",), bad=":\\")
def t_pgpass(r, doc, creds):
    lines = []
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                continue
            lines.append("%s:%d:%s:%s:%s" % (host(r), 5432, r.choice(("*", word(r))), username(r), doc.put(f)))
    lines.insert(0, "localhost:5432:*:postgres:*" if r.random() < 0.3 else "# hostname:port:database:username:password")
    return ".pgpass", "\n".join(lines) + "\n"


@template("my-cnf", shapes=("tok",), tags=("generic",), bad="\"\\")
def t_mycnf(r, doc, creds):
    lines = ["[mysqld]", "bind-address = 0.0.0.0", "max_connections = %d" % r.randint(100, 500), ""]
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                continue
            lines += ["[%s]" % r.choice(("client", "mysqldump", "client_%s" % word(r))),
                      "user = %s" % username(r), 'password = "%s"' % doc.put(f),
                      "host = %s" % host(r), ""]
    return r.choice(("my.cnf", ".my.cnf")), "\n".join(lines) + "\n"


@template("serverless-yml")
def t_serverless(r, doc, creds):
    lines = ["service: %s" % app_name(r), "frameworkVersion: '3'", "provider:", "  name: aws",
             "  runtime: %s" % r.choice(("nodejs20.x", "python3.12")), "  region: %s" % pick(r, REGIONS),
             "  environment:"]

    def render(n, f, fill):
        return "    %s: %s" % (n, yaml_scalar(r, doc, f))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "upper", render)
    lines += ["functions:", "  handler:", "    handler: src/handler.main", "    events:",
              "      - httpApi: '*'"]
    return "serverless.yml", "\n".join(lines) + "\n"


@template("rails-database-yml", shapes=("tok", "url"), tags=("generic", "db"))
def t_railsdb(r, doc, creds):
    lines = ["default: &default", "  adapter: postgresql", "  encoding: unicode",
             "  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") { 5 } %>", "", "development:",
             "  <<: *default", "  database: %s_development" % word(r), "", "production:", "  <<: *default"]
    for c in creds:
        for f in c["fields"]:
            if "://" in f["value"]:
                lines.append("  url: %s" % yaml_scalar(r, doc, f, force=True))
            else:
                lines += ["  username: %s" % username(r), "  password: %s" % yaml_scalar(r, doc, f)]
    lines += ["  host: %s" % host(r)]
    return "config/database.yml", "\n".join(lines) + "\n"


@template("elixir-config", bad='"\\#')
def t_elixir(r, doc, creds):
    mod = word(r).capitalize()
    lines = ["import Config", "", "config :%s, %s.Repo," % (word(r), mod), "  pool_size: 10", ""]
    lines.append("config :%s, :secrets," % word(r))
    items = []

    def render(n, f, fill):
        items.append('  %s: "%s"' % (n, doc.put(f)))
        return []

    assign_lines(r, doc, creds, r.randint(1, 4), "snake", render)
    lines += [i + "," for i in items[:-1]] + [items[-1]]
    lines += ["", 'config :logger, level: :info']
    return "config/prod.exs", "\n".join(lines) + "\n"


@template("hocon-conf", bad='"\\$')
def t_hocon(r, doc, creds):
    lines = ["akka {", "  loglevel = \"INFO\"", "}", "", "%s {" % word(r)]

    def render(n, f, fill):
        return '  %s = "%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "camel", render)
    lines += ["}", 'play.http.secret.key = ${?APPLICATION_SECRET}']
    return r.choice(("application.conf", "conf/application.conf")), "\n".join(lines) + "\n"


@template("renviron", bad=" #'\"$")
def t_renviron(r, doc, creds):
    lines = ["R_LIBS_USER=~/R/library", "R_MAX_VSIZE=32Gb"]

    def render(n, f, fill):
        return "%s=%s" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(1, 3), "upper", render)
    return ".Renviron", "\n".join(lines) + "\n"
