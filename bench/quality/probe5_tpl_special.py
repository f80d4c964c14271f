"""probe5 templates: credential files, transcripts, dumps, HTTP captures."""
import json

from probe5_tpl_common import (template, assign_lines, q_shell, yaml_scalar, pseudo, jstr,
                               filler_settings, field_name, blocks, needs_quote)
from probe5_util import (word, app_name, host, domain, REGIONS, pick, sha1hex, sha256hex, rs,
                         HEXL, ALNUM, ALNUML, DIG, uuid4, version, port, company, ts, ts_ms,
                         email, username, person, style_var, b64, qurl, ipv4, epoch,
                         rand_password)

AWS_KINDS = ("aws-secret-access-key", "aws-session-token")
S3_KINDS = AWS_KINDS + ("digitalocean-spaces-secret", "backblaze-b2-application-key",
                        "ibm-cos-hmac-secret", "oci-customer-secret-key", "alibaba-access-key-secret",
                        "scaleway-secret-key")


def _secret_fields(c):
    return [f for f in c["fields"] if f["secret"] is not None]


def _id_fields(c):
    return [f for f in c["fields"] if f["secret"] is None]


# ------------------------------------------------------------------ AWS credentials

@template("aws-credentials", kinds=AWS_KINDS, nmax=3, decoy=True)
def t_awscred(r, doc, creds):
    lines = []
    profs = ["default", "prod", "staging", "ci", "%s-admin" % company(r), "legacy"]
    r.shuffle(profs)
    for i, c in enumerate(creds):
        lines.append("[%s]" % profs[i])
        for f in c["fields"]:
            key = {"AWS_ACCESS_KEY_ID": "aws_access_key_id", "AWS_SECRET_ACCESS_KEY": "aws_secret_access_key",
                   "AWS_SESSION_TOKEN": "aws_session_token"}.get(f["var"], f["var"].lower())
            lines.append("%s%s%s" % (key, r.choice((" = ", "=")), doc.put(f)))
        if r.random() < 0.5:
            lines.append("region = %s" % pick(r, REGIONS))
        lines.append("")
    if r.random() < 0.5:
        lines += ["[profile-sso]", "sso_start_url = https://%s.awsapps.com/start" % company(r),
                  "sso_region = us-east-1", "sso_account_id = %s" % rs(r, DIG, 12, check=False),
                  "sso_role_name = ReadOnly"]
    return r.choice((".aws/credentials", "credentials", "home/%s/.aws/credentials" % word(r))), "\n".join(lines) + "\n"


@template("s3cfg", kinds=S3_KINDS, nmax=2)
def t_s3cfg(r, doc, creds):
    c = creds[0]
    ids = _id_fields(c)
    secs = _secret_fields(c)
    lines = ["[default]"]
    if ids:
        lines.append("access_key = %s" % doc.put(ids[0]))
    lines.append("secret_key = %s" % doc.put(secs[0]))
    for f in secs[1:]:
        lines.append("access_token = %s" % doc.put(f))
    for f in ids[1:]:
        lines.append("# %s" % doc.put(f))
    lines += ["host_base = %s" % r.choice(("s3.amazonaws.com", "nyc3.digitaloceanspaces.com", "s3.us-west-004.backblazeb2.com")),
              "host_bucket = %(bucket)s." + "s3.amazonaws.com", "use_https = True", "signature_v2 = False",
              "bucket_location = %s" % pick(r, REGIONS)]
    for c2 in creds[1:]:
        for f in c2["fields"]:
            lines.append("# %s = %s" % (f["var"].lower(), doc.put(f)))
    return ".s3cfg", "\n".join(lines) + "\n"


@template("rclone-conf", kinds=S3_KINDS, nmax=3)
def t_rclone(r, doc, creds):
    lines = []
    for c in creds:
        ids = _id_fields(c)
        lines += ["[%s]" % r.choice(("s3", "backup", "spaces", "b2", "archive")) + (str(r.randint(1, 9)) if r.random() < .3 else ""),
                  "type = s3", "provider = %s" % r.choice(("AWS", "DigitalOcean", "Other", "IBMCOS"))]
        if ids:
            lines.append("access_key_id = %s" % doc.put(ids[0]))
        for f in _secret_fields(c):
            lines.append("%s = %s" % ("secret_access_key" if "SESSION" not in f["var"] else "session_token", doc.put(f)))
        lines += ["region = %s" % pick(r, REGIONS), "acl = private", ""]
    return ".config/rclone/rclone.conf", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ docker config.json

REG_KINDS = ("docker-hub-pat", "azure-container-registry-password", "quay-robot-token",
             "jfrog-reference-token", "jfrog-api-key", "github-pat-classic", "gitlab-pat",
             "gitlab-deploy-token", "generic-password")


@template("docker-config", kinds=REG_KINDS, nmax=3, bad="")
def t_dockercfg(r, doc, creds):
    regs = {"docker-hub-pat": "https://index.docker.io/v1/", "azure-container-registry-password": "%s.azurecr.io" % company(r),
            "quay-robot-token": "quay.io", "jfrog-reference-token": "%s.jfrog.io" % company(r),
            "jfrog-api-key": "%s.jfrog.io" % company(r), "github-pat-classic": "ghcr.io",
            "gitlab-pat": "registry.gitlab.com", "gitlab-deploy-token": "registry.gitlab.com",
            "generic-password": "registry.%s" % domain(r)}
    lines = ["{", '\t"auths": {']
    entries = []
    used = set()
    for c in creds:
        reg = regs[c["kind"]]
        if reg in used:
            reg = "mirror-%d.%s" % (r.randint(1, 9), domain(r))
        used.add(reg)
        ids = _id_fields(c)
        user = ids[0]["value"] if ids else (c["meta"].get("user") or username(r))
        for f in ids:
            f["_in_auth"] = True
        for f in _secret_fields(c):
            auth = b64("%s:%s" % (user, f["value"]))
            f["b64"] = auth
            entries.append('\t\t"%s": {\n\t\t\t"auth": "%s"\n\t\t}' % (reg, doc.put(f, "b64_given")))
    lines.append(",\n".join(entries))
    lines += ["\t},", '\t"currentContext": "desktop-linux",', '\t"plugins": {', '\t\t"-x-cli-hints": {',
              '\t\t\t"enabled": "true"', "\t\t}", "\t}", "}"]
    return ".docker/config.json", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ kubeconfig

@template("kubeconfig", kinds=("kubernetes-sa-token", "ec-private-key", "rsa-private-key-pkcs1"),
          pem="b64", nmax=2)
def t_kubeconfig(r, doc, creds):
    cl = "%s-%s" % (r.choice(("prod", "staging", "eks", "gke", "aks")), word(r))
    ca = b64("-----BEGIN CERTIFICATE-----\n" + rs(r, ALNUM + "+/", 64) + "\n-----END CERTIFICATE-----\n")
    lines = ["apiVersion: v1", "kind: Config", "clusters:", "- cluster:",
             "    certificate-authority-data: %s" % ca,
             "    server: https://%s.%s:6443" % (rs(r, HEXL, 16, check=False), domain(r)),
             "  name: %s" % cl, "contexts:", "- context:", "    cluster: %s" % cl,
             "    user: %s-admin" % cl, "  name: %s" % cl, "current-context: %s" % cl, "preferences: {}",
             "users:"]
    for i, c in enumerate(creds):
        lines += ["- name: %s-%s" % (cl, "admin" if i == 0 else word(r)), "  user:"]
        for f in _secret_fields(c):
            if f.get("multiline"):
                lines.append("    client-certificate-data: %s" % b64("-----BEGIN CERTIFICATE-----\n" + rs(r, ALNUM + "+/", 64) + "\n-----END CERTIFICATE-----\n"))
                lines.append("    client-key-data: %s" % doc.put(f, "b64"))
            else:
                lines.append("    token: %s" % doc.put(f))
    return r.choice(("kubeconfig", ".kube/config", "kubeconfig-%s.yaml" % word(r))), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ package-manager rc files

@template("npmrc", kinds=("npm-access-token", "github-pat-classic", "jfrog-reference-token",
                          "gitlab-pat", "github-fine-grained-pat"), nmax=2)
def t_npmrc(r, doc, creds):
    reg = {"npm-access-token": "registry.npmjs.org", "github-pat-classic": "npm.pkg.github.com",
           "github-fine-grained-pat": "npm.pkg.github.com",
           "jfrog-reference-token": "%s.jfrog.io/artifactory/api/npm/npm-virtual" % company(r),
           "gitlab-pat": "gitlab.com/api/v4/projects/%d/packages/npm" % r.randint(1000000, 60000000)}
    lines = ["registry=https://registry.npmjs.org/", "@%s:registry=https://npm.pkg.github.com" % company(r)]
    for c in creds:
        for f in _secret_fields(c):
            lines.append("//%s/:_authToken=%s" % (reg[c["kind"]], doc.put(f)))
    lines += ["save-exact=true", "fund=false", "audit-level=high"]
    return r.choice((".npmrc", "frontend/.npmrc")), "\n".join(lines) + "\n"


@template("yarnrc", kinds=("npm-access-token", "github-pat-classic", "jfrog-reference-token"), nmax=2)
def t_yarnrc(r, doc, creds):
    lines = ["nodeLinker: node-modules", "enableTelemetry: false", "npmScopes:"]
    for c in creds:
        for f in _secret_fields(c):
            lines += ["  %s:" % r.choice((company(r), word(r))),
                      '    npmRegistryServer: "%s"' % ("https://npm.pkg.github.com" if "github" in c["kind"] else "https://registry.npmjs.org"),
                      '    npmAuthToken: "%s"' % doc.put(f)]
    lines.append("yarnPath: .yarn/releases/yarn-4.1.0.cjs")
    return ".yarnrc.yml", "\n".join(lines) + "\n"


@template("pypirc", kinds=("pypi-api-token", "jfrog-api-key", "generic-password"), nmax=2)
def t_pypirc(r, doc, creds):
    idx = ["pypi", "internal"][:len(creds)]
    lines = ["[distutils]", "index-servers ="] + ["    " + i for i in idx] + [""]
    for i, c in enumerate(creds):
        f = _secret_fields(c)[0]
        if c["kind"] == "pypi-api-token":
            lines += ["[%s]" % idx[i], "repository = https://upload.pypi.org/legacy/", "username = __token__",
                      "password = %s" % doc.put(f), ""]
        else:
            lines += ["[%s]" % idx[i], "repository = https://%s/artifactory/api/pypi/pypi-local" % host(r),
                      "username = %s" % username(r), "password = %s" % doc.put(f), ""]
    return ".pypirc", "\n".join(lines) + "\n"


@template("pip-conf", kinds=("jfrog-reference-token", "gitlab-pat", "azure-devops-pat", "generic-password"), nmax=1)
def t_pipconf(r, doc, creds):
    c = creds[0]
    f = _secret_fields(c)[0]
    tokenf = dict(f)
    hosts = {"azure-devops-pat": "pkgs.dev.azure.com/%s/_packaging/feed/pypi" % company(r),
             "jfrog-reference-token": "%s.jfrog.io/artifactory/api/pypi/pypi" % company(r),
             "gitlab-pat": "gitlab.com/api/v4/projects/%d/packages/pypi" % r.randint(10 ** 6, 10 ** 7),
             "generic-password": "nexus.%s/repository/pypi-group" % domain(r)}
    url = "https://%s:%s@%s/simple/" % (r.choice(("__token__", "pip", username(r))), qurl(f["value"]),
                                         hosts[c["kind"]])
    tokenf["value"] = url
    tokenf["alts"] = [qurl(f["value"])] if qurl(f["value"]) != f["value"] else []
    lines = ["[global]", "timeout = 60", "index-url = %s" % doc.put(tokenf),
             "extra-index-url = https://pypi.org/simple", "trusted-host = pypi.org"]
    return r.choice(("pip.conf", ".config/pip/pip.conf", "pip.ini")), "\n".join(lines) + "\n"


@template("netrc", kinds=("github-pat-classic", "gitlab-pat", "heroku-api-key", "heroku-api-key-legacy",
                          "jenkins-api-token", "generic-password", "bitbucket-app-password",
                          "azure-devops-pat", "github-fine-grained-pat"), nmax=3, bad=" ")
def t_netrc(r, doc, creds):
    hosts = {"github-pat-classic": "api.github.com", "github-fine-grained-pat": "github.com",
             "gitlab-pat": "gitlab.com", "heroku-api-key": "api.heroku.com",
             "heroku-api-key-legacy": "git.heroku.com", "jenkins-api-token": "jenkins.%s" % domain(r),
             "generic-password": "ftp.%s" % domain(r), "bitbucket-app-password": "bitbucket.org",
             "azure-devops-pat": "dev.azure.com"}
    lines = []
    oneline = r.random() < 0.5
    for c in creds:
        ids = _id_fields(c)
        login = doc.put(ids[0]) if ids else (email(r) if "heroku" in c["kind"] else username(r))
        for f in ids[1:]:
            lines.append("# %s" % doc.put(f))
        for f in _secret_fields(c):
            if oneline:
                lines.append("machine %s login %s password %s" % (hosts[c["kind"]], login, doc.put(f)))
            else:
                lines += ["machine %s" % hosts[c["kind"]], "  login %s" % login, "  password %s" % doc.put(f)]
    return r.choice((".netrc", "_netrc")), "\n".join(lines) + "\n"


GIT_KINDS = ("github-pat-classic", "github-fine-grained-pat", "github-oauth-token", "github-server-to-server-token",
             "github-user-to-server-token", "gitlab-pat", "gitlab-deploy-token", "bitbucket-app-password",
             "bitbucket-access-token", "azure-devops-pat", "azure-devops-pat-legacy")


def _githost(c, r):
    return {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org",
            "azure": "dev.azure.com"}[c["kind"].split("-")[0]]


@template("git-credentials", kinds=GIT_KINDS, nmax=3)
def t_gitcreds(r, doc, creds):
    lines = []
    for c in creds:
        ids = _id_fields(c)
        u = ids[0]["value"] if ids else r.choice(("x-access-token", "oauth2", username(r), "git"))
        for f in _secret_fields(c):
            t = dict(f)
            t["value"] = "https://%s:%s@%s" % (u, f["value"], _githost(c, r))
            lines.append(doc.put(t))
    return ".git-credentials", "\n".join(lines) + "\n"


@template("gitconfig", kinds=GIT_KINDS, nmax=2)
def t_gitconfig(r, doc, creds):
    lines = ["[core]", "\trepositoryformatversion = 0", "\tfilemode = true", "\tbare = false"]
    for c in creds:
        h = _githost(c, r)
        for f in _secret_fields(c):
            if r.random() < 0.5:
                t = dict(f)
                t["value"] = "https://%s@%s/%s/%s.git" % (f["value"], h, company(r), app_name(r))
                lines += ['[remote "origin"]', "\turl = %s" % doc.put(t),
                          "\tfetch = +refs/heads/*:refs/remotes/origin/*"]
            else:
                t = dict(f)
                t["b64"] = b64("x-access-token:%s" % f["value"])
                lines += ['[http "https://%s/"]' % h, "\textraheader = AUTHORIZATION: basic %s" % doc.put(t, "b64_given")]
    lines += ['[branch "main"]', "\tremote = origin", "\tmerge = refs/heads/main"]
    return r.choice((".git/config", ".gitconfig")), "\n".join(lines) + "\n"


@template("nuget-config", kinds=("nuget-api-key", "azure-devops-pat", "github-pat-classic", "generic-password"), nmax=2)
def t_nuget(r, doc, creds):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <packageSources>",
             '    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />',
             '    <add key="internal" value="https://pkgs.dev.azure.com/%s/_packaging/%s/nuget/v3/index.json" />' % (company(r), word(r)),
             "  </packageSources>"]
    cred_lines, key_lines = [], []
    for c in creds:
        for f in _secret_fields(c):
            if c["kind"] == "nuget-api-key":
                key_lines.append('    <add key="https://www.nuget.org/api/v2/package" value="%s" />' % doc.put(f, "xml"))
            else:
                cred_lines += ["    <internal>", '      <add key="Username" value="%s" />' % username(r),
                               '      <add key="ClearTextPassword" value="%s" />' % doc.put(f, "xml"), "    </internal>"]
    if cred_lines:
        lines += ["  <packageSourceCredentials>"] + cred_lines + ["  </packageSourceCredentials>"]
    if key_lines:
        lines += ["  <apikeys>"] + key_lines + ["  </apikeys>"]
    lines.append("</configuration>")
    return "NuGet.Config", "\n".join(lines) + "\n"


@template("composer-auth", kinds=("github-pat-classic", "github-oauth-token", "gitlab-pat", "packagist-token",
                                  "bitbucket-app-password"), nmax=2)
def t_composer(r, doc, creds):
    sections = {}
    order = []
    gh_hosts = ["github.com", "github.%s.com" % company(r)]
    gl_hosts = ["gitlab.com", "gitlab.%s" % domain(r)]
    for c in creds:
        for f in _secret_fields(c):
            if c["kind"].startswith("github"):
                sec, entry = "github-oauth", '        "%s": "%s"' % (gh_hosts.pop(0), doc.put(f, "json"))
            elif c["kind"] == "gitlab-pat":
                sec, entry = "gitlab-token", '        "%s": "%s"' % (gl_hosts.pop(0), doc.put(f, "json"))
            else:
                sec = "http-basic"
                entry = ('        "%s": {\n            "username": "%s",\n            "password": "%s"\n        }'
                         % (r.choice(("repo.packagist.com", "bitbucket.org")), r.choice(("token", username(r))),
                            doc.put(f, "json")))
                if sec in sections:
                    entry = entry.replace("repo.packagist.com", "repo.%s" % domain(r)).replace('"bitbucket.org"', '"satis.%s"' % domain(r))
            if sec not in sections:
                sections[sec] = []
                order.append(sec)
            sections[sec].append(entry)
    parts = ['    "%s": {\n%s\n    }' % (k, ",\n".join(sections[k])) for k in order]
    return "auth.json", "{\n" + ",\n".join(parts) + "\n}\n"


@template("cargo-credentials", kinds=("crates-io-token",), nmax=1)
def t_cargo(r, doc, creds):
    f = _secret_fields(creds[0])[0]
    lines = ["[registry]", 'token = "%s"' % doc.put(f), "", "[registries.%s]" % company(r),
             'token = "Bearer %s"' % rs(r, ALNUM, 8) if False else '# index = "sparse+https://cargo.%s/"' % domain(r)]
    return ".cargo/credentials.toml", "\n".join(lines) + "\n"


@template("gradle-properties", bad="\\")
def t_gradle(r, doc, creds):
    lines = ["org.gradle.jvmargs=-Xmx4g -XX:+UseParallelGC", "org.gradle.caching=true",
             "android.useAndroidX=true", "kotlin.code.style=official"]

    def render(n, f, fill):
        return "%s=%s" % (n, doc.put(f, "nl"))

    lines += assign_lines(r, doc, creds, r.randint(1, 4), "camel", render)
    return r.choice(("gradle.properties", "~/.gradle/gradle.properties".replace("~/", ""))), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ GCP SA JSON

@template("gcp-sa-json", shapes=("sa",), kinds=("gcp-service-account-key",), nmax=1)
def t_gcpsa(r, doc, creds):
    c = creds[0]
    fk = {f["var"]: f for f in c["fields"]}
    lines = ["{"]
    obj = c["meta"]["sa_obj"]
    for i, (k, v) in enumerate(obj):
        if k == "private_key":
            val = doc.put(fk["GOOGLE_PRIVATE_KEY"], "json")
        elif k == "private_key_id":
            val = doc.put(fk["GOOGLE_PRIVATE_KEY_ID"])
        elif k == "client_id":
            val = doc.put(fk["GOOGLE_CLIENT_ID"])
        else:
            val = json.dumps(v)[1:-1]
        lines.append('  "%s": "%s"%s' % (k, val, "," if i < len(obj) - 1 else ""))
    lines.append("}")
    return r.choice(("service-account.json", "credentials.json", "gcp-key.json",
                     "%s-%s.json" % (c["meta"]["project"], rs(r, HEXL, 12, check=False)))), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ key files

@template("pem-file", shapes=(), pem="raw", nmax=1)
def t_pemfile(r, doc, creds):
    c = creds[0]
    f = _secret_fields(c)[0]
    head = []
    if r.random() < 0.3:
        head = ["Bag Attributes", "    friendlyName: %s" % word(r),
                "    localKeyID: %s" % " ".join(rs(r, "0123456789ABCDEF", 2, check=False) for _ in range(20)),
                "Key Attributes: <No Attributes>"]
    for g in _id_fields(c):
        head.insert(0, "# %s: %s" % (g["var"].lower(), doc.put(g)))
    txt = "\n".join(head + [doc.put(f)]) + "\n"
    name = r.choice(("server.key", "private.pem", "key.pem", "tls.key", "%s.key" % word(r)))
    special = {"apple-app-store-connect-key": "AuthKey_%s.p8" % rs(r, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10),
               "oci-api-signing-key": ".oci/oci_api_key.pem",
               "github-app-private-key": "%s.%s.private-key.pem" % (app_name(r), ts(r)[:10]),
               "coinbase-cdp-private-key": "cdp_api_key.pem"}
    name = special.get(c["kind"], name)
    if "OPENSSH" in f["value"]:
        name = r.choice(("id_ed25519", "id_rsa", ".ssh/deploy_key"))
    elif "PGP" in f["value"]:
        name = r.choice(("private.asc", "secring.asc", "release-signing-key.asc"))
    return name, txt


@template("ppk-file", shapes=("ppk",), nmax=1)
def t_ppk(r, doc, creds):
    f = _secret_fields(creds[0])[0]
    return r.choice(("server.ppk", "keys/%s.ppk" % word(r))), doc.put(f) + "\n"


# ------------------------------------------------------------------ dumps / exports

@template("sql-dump", pem="raw", bad="'\\")
def t_sql(r, doc, creds):
    tbl = r.choice(("integrations", "api_credentials", "settings", "webhooks", "oauth_clients"))
    lines = ["-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)" % r.randint(20, 39), "--",
             "-- Host: %s    Database: %s" % (host(r), word(r)), "-- ------------------------------------------------------",
             "/*!40101 SET NAMES utf8mb4 */;", "", "DROP TABLE IF EXISTS `%s`;" % tbl,
             "CREATE TABLE `%s` (" % tbl, "  `id` int NOT NULL AUTO_INCREMENT,", "  `name` varchar(64) NOT NULL,",
             "  `value` text NOT NULL,", "  `updated_at` datetime DEFAULT NULL,", "  PRIMARY KEY (`id`)",
             ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "", "LOCK TABLES `%s` WRITE;" % tbl]
    rows = []
    i = 1
    for typ, item in blocks(r, creds, filler_settings(r, r.randint(2, 6))):
        fs = [pseudo(item[0], item[1])] if typ == "fill" else item["fields"]
        for f in fs:
            rows.append("(%d,'%s','%s','%s')" % (i, f["var"].lower(), doc.put(f, "sql"), ts(r).replace("T", " ")))
            i += 1
    if r.random() < 0.5:
        lines.append("INSERT INTO `%s` VALUES %s;" % (tbl, ",".join(rows)))
    else:
        for row in rows:
            lines.append("INSERT INTO `%s` (`id`, `name`, `value`, `updated_at`) VALUES %s;" % (tbl, row))
    lines += ["UNLOCK TABLES;", "", "-- Dump completed on %s" % ts(r).replace("T", " ")]
    return r.choice(("dump.sql", "backup/%s-%s.sql" % (word(r), rs(r, DIG, 8, check=False)), "db/seed.sql")), "\n".join(lines) + "\n"


@template("csv-export")
def t_csv(r, doc, creds):
    lines = ["id,service,key_name,value,owner,created_at"]
    i = r.randint(1, 200)
    rows = []
    for typ, item in blocks(r, creds, filler_settings(r, r.randint(3, 8))):
        fs = [pseudo(item[0], item[1])] if typ == "fill" else item["fields"]
        for f in fs:
            v = f["value"]
            m = doc.put(f, "csv")
            if any(ch in v for ch in ',"\n') or r.random() < 0.3:
                m = '"%s"' % m
            rows.append("%d,%s,%s,%s,%s,%s" % (i, word(r), f["var"].lower(), m, email(r), ts(r)[:10]))
            i += 1
    lines += rows
    return r.choice(("export.csv", "secrets_inventory.csv", "reports/integrations-%s.csv" % ts(r)[:10])), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ API tooling

@template("postman-collection", shapes=("tok", "url"))
def t_postman(r, doc, creds):
    items = []
    vars_ = []
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is not None and r.random() < 0.5 and "://" not in f["value"]:
                items.append(("header", f))
            else:
                vars_.append(f)
    lines = ["{", '  "info": {', '    "_postman_id": "%s",' % uuid4(r),
             '    "name": "%s API",' % word(r).capitalize(),
             '    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"', "  },",
             '  "item": [']
    reqs = []
    for kind, f in items:
        reqs.append("\n".join(['    {', '      "name": "%s %s",' % (r.choice(("List", "Get", "Create")), word(r)),
                               '      "request": {', '        "method": "GET",', '        "header": [',
                               '          {', '            "key": "Authorization",',
                               '            "value": "Bearer %s",' % doc.put(f, "json"),
                               '            "type": "text"', '          }', '        ],',
                               '        "url": "{{baseUrl}}/v1/%s"' % word(r), '      }', '    }']))
    if not reqs:
        reqs.append('    {\n      "name": "Health",\n      "request": {\n        "method": "GET",\n        "url": "{{baseUrl}}/healthz"\n      }\n    }')
    lines.append(",\n".join(reqs))
    lines += ["  ],", '  "variable": [', '    {', '      "key": "baseUrl",',
              '      "value": "https://api.%s"' % domain(r) + ("" if not vars_ else ""), "    }" + ("," if vars_ else "")]
    vl = []
    for f in vars_:
        vl.append('    {\n      "key": "%s",\n      "value": "%s"\n    }' % (style_var(r, f["var"], "camel"), doc.put(f, "json")))
    if vl:
        lines.append(",\n".join(vl))
    lines += ["  ]", "}"]
    return r.choice(("%s.postman_collection.json" % word(r), "postman/collection.json")), "\n".join(lines) + "\n"


@template("har", shapes=("tok",), bare=True)
def t_har(r, doc, creds):
    entries = []
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                continue
            where = r.choice(("header", "query", "body"))
            url = "https://api.%s/v2/%s" % (domain(r), word(r))
            hdrs = ['{"name": "Accept", "value": "application/json"}',
                    '{"name": "User-Agent", "value": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36"}']
            body = ""
            qs = "[]"
            if where == "header":
                hdrs.append('{"name": "%s", "value": "%s%s"}' % (r.choice(("Authorization", "X-Api-Key")),
                                                                  r.choice(("Bearer ", "")), doc.put(f, "json")))
            elif where == "query":
                k = r.choice(("api_key", "access_token", "key", "token"))
                url += "?%s=%s&page=1" % (k, doc.put(f, "url"))
                qs = '[{"name": "%s", "value": "%s"}, {"name": "page", "value": "1"}]' % (k, "1" if False else doc.put(dict(f, secret=None, reason=None), "json"))
            else:
                body = ', "postData": {"mimeType": "application/json", "text": %s}' % jstr('{"client_secret":"%s","grant_type":"client_credentials"}' % doc.put(f, "json"))
            entries.append('      {\n        "startedDateTime": "%s",\n        "time": %d,\n        "request": {"method": "%s", "url": "%s", "httpVersion": "HTTP/2", "headers": [%s], "queryString": %s%s},\n        "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/2", "headers": [], "content": {"size": %d, "mimeType": "application/json"}}\n      }'
                           % (ts_ms(r), r.randint(20, 900), "POST" if body else "GET", url, ", ".join(hdrs), qs, body, r.randint(100, 9000)))
    lines = ["{", '  "log": {', '    "version": "1.2",', '    "creator": {"name": "WebInspector", "version": "537.36"},',
             '    "pages": [],', '    "entries": [', ",\n".join(entries), "    ]", "  }", "}"]
    return r.choice(("session.har", "network-capture.har", "bug-%d.har" % r.randint(100, 9999))), "\n".join(lines) + "\n"


@template("curl-snippet", shapes=("tok", "url"), bad="'")
def t_curl(r, doc, creds):
    lines = ["#!/bin/sh", "# quick manual test, %s" % ts(r)[:10]]
    for c in creds:
        for f in c["fields"]:
            m = doc.put(f)
            if f["secret"] is None:
                lines.append("# id: %s" % m)
                continue
            if "://" in f["value"]:
                lines.append("curl -s '%s' -o /dev/null -w '%%{http_code}\\n'" % m)
                continue
            lines += r.choice((
                ["curl -X POST 'https://api.%s/v1/%s' \\" % (domain(r), word(r)),
                 "  -H 'Authorization: Bearer %s' \\" % m, "  -H 'Content-Type: application/json' \\",
                 "  -d '{\"limit\": %d}'" % r.randint(1, 100)],
                ["curl -u '%s:%s' https://%s/api/json" % (username(r), m, host(r))],
                ["curl --header 'X-API-Key: %s' 'https://%s/v3/%s?page=2'" % (m, host(r), word(r))],
                ["curl 'https://%s/v1/%s?api_key=%s'" % (host(r), word(r), doc.put(dict(f, value=f["value"]), "url"))],
            ))
    return r.choice(("test-api.sh", "snippets/curl.sh", "debug.sh")), "\n".join(lines) + "\n"


@template("http-dump", shapes=("tok",), bare=True)
def t_http(r, doc, creds):
    lines = []
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                lines.append("X-Client-Id: %s" % doc.put(f))
                continue
            h = host(r)
            lines += ["%s /v1/%s HTTP/1.1" % (r.choice(("GET", "POST")), word(r)), "Host: %s" % h,
                      "User-Agent: %s/%s" % (r.choice(("okhttp", "python-requests", "curl")), version(r)),
                      r.choice(("Authorization: Bearer %s", "Authorization: token %s", "X-Api-Key: %s",
                                "Private-Token: %s")) % doc.put(f),
                      "Accept: */*", "X-Request-Id: %s" % uuid4(r), "", ""]
            lines += ["HTTP/1.1 200 OK", "Content-Type: application/json",
                      "Date: Tue, %02d Apr 2024 %02d:%02d:%02d GMT" % (r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
                      "", '{"ok":true,"request_id":"%s"}' % rs(r, HEXL, 24, check=False), ""]
    return r.choice(("request.http", "captures/%s.txt" % word(r), "proxy-dump.txt")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ prose

@template("markdown-doc", pem="raw")
def t_md(r, doc, creds):
    title = r.choice(("Local setup", "Deploying %s" % app_name(r), "Onboarding", "Runbook: %s" % word(r),
                      "Troubleshooting"))
    lines = ["# %s" % title, "", "This guide walks through getting **%s** running." % app_name(r), "",
             "## Prerequisites", "", "- Docker %s+" % version(r), "- Access to the `%s` vault" % word(r), "",
             "## Configuration", ""]
    for c in creds:
        for f in c["fields"]:
            m = doc.put(f)
            if f.get("multiline"):
                lines += ["Use this key for the bastion:", "", "```", m, "```", ""]
            elif f["secret"] is None:
                lines.append("- %s: `%s`" % (f["var"].lower().replace("_", " "), m))
            else:
                lines += r.choice((["```bash", "export %s=%s" % (f["var"], m), "```", ""],
                                   ["Set `%s` to `%s` (temporary, ask %s to rotate)." % (f["var"], m, person(r)[0].capitalize()), ""],
                                   ["| name | value |", "|---|---|", "| %s | %s |" % (f["var"], m), ""]))
    lines += ["## Running", "", "```bash", "make dev", "```", "", "Open http://localhost:%d" % port(r)]
    return r.choice(("README.md", "docs/SETUP.md", "CONTRIBUTING.md", "docs/runbook-%s.md" % word(r))), "\n".join(lines) + "\n"


@template("email", pem="raw")
def t_email(r, doc, creds):
    a, b = person(r), person(r)
    d = domain(r)
    lines = ["Return-Path: <%s@%s>" % (a[0], d), "Date: Mon, %d Jun 2024 %02d:%02d:%02d +0000" % (r.randint(1, 28), r.randint(8, 19), r.randint(0, 59), r.randint(0, 59)),
             "From: %s %s <%s@%s>" % (a[0].capitalize(), a[1].capitalize(), a[0], d),
             "To: %s %s <%s@%s>" % (b[0].capitalize(), b[1].capitalize(), b[0], d),
             "Subject: %s" % r.choice(("creds for the staging env", "Re: vendor access", "Fwd: API keys", "handover notes")),
             "Message-ID: <%s@mail.%s>" % (rs(r, HEXL, 20, check=False), d), "MIME-Version: 1.0",
             "Content-Type: text/plain; charset=utf-8", "", "Hi %s," % b[0].capitalize(), "",
             "As discussed, here is what you need:", ""]
    for c in creds:
        for f in c["fields"]:
            if f.get("multiline"):
                lines += ["key:", doc.put(f), ""]
            else:
                lines.append("  %s: %s" % (f["var"].lower().replace("_", " "), doc.put(f)))
    lines += ["", "Please move these into the vault and delete this mail.", "", "Thanks,", a[0].capitalize()]
    return r.choice(("mail/%s.eml" % rs(r, HEXL, 8, check=False), "inbox/handover.eml")), "\n".join(lines) + "\n"


@template("chat-export", shapes=("tok", "url"))
def t_chat(r, doc, creds):
    msgs = []
    people = [person(r)[0] for _ in range(3)]
    chatter = ["anyone seen the deploy fail?", "ya looking", "it's the token again", "lol",
               "can you paste it here real quick", "ok one sec", "thx, works now :tada:", "please rotate after"]
    for c in creds:
        for f in c["fields"]:
            msgs.append((people[1], r.choice(("here: %s", "use `%s`", "%s", "try this one %s")) % doc.put(f, "json")))
    allm = [(r.choice(people), t) for t in chatter[:r.randint(4, 8)]]
    for m in msgs:
        allm.insert(r.randint(1, len(allm)), m)
    if r.random() < 0.5:
        lines = ["["]
        out = []
        t0 = epoch(r)
        for i, (u, t) in enumerate(allm):
            out.append('  {"type": "message", "user": "U%s", "user_name": "%s", "text": %s, "ts": "%d.%06d"}'
                       % (rs(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10), u, jstr(t), t0 + i * 37, r.randint(0, 999999)))
        lines.append(",\n".join(out))
        lines.append("]")
        return "slack-export/%s/%s.json" % (r.choice(("devops", "incidents", "backend")), ts(r)[:10]), "\n".join(lines) + "\n"
    t0 = r.randint(9 * 60, 16 * 60)
    lines = []
    for u, t in allm:
        t0 += r.randint(0, 7)
        lines.append("[%02d:%02d] <%s> %s" % (t0 // 60, t0 % 60, u, t))
    return r.choice(("chat.log", "irc/#ops.log", "teams-transcript.txt")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ logs

@template("access-log", shapes=("tok",), bare=True)
def t_access(r, doc, creds):
    lines = []
    paths = ["/healthz", "/static/app.css", "/api/v1/orders?page=2", "/favicon.ico", "/login",
             "/api/v1/users/me", "/metrics"]

    def line(path, status=200):
        return '%s - - [%02d/Mar/2024:%02d:%02d:%02d +0000] "GET %s HTTP/1.1" %d %d "-" "%s"' % (
            ipv4(r, False), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), path, status,
            r.randint(200, 90000), r.choice(("Mozilla/5.0", "curl/8.4.0", "python-requests/2.31.0", "okhttp/4.12.0")))
    for _ in range(r.randint(6, 14)):
        lines.append(line(r.choice(paths), r.choice((200, 200, 304, 404))))
    for c in creds:
        for f in c["fields"]:
            k = r.choice(("api_key", "token", "access_token", "key", "apikey")) if f["secret"] is not None else "client_id"
            p = "/api/v1/%s?%s=%s&format=json" % (word(r), k, doc.put(f, "url"))
            lines.insert(r.randint(0, len(lines)), line(p))
    return r.choice(("access.log", "logs/nginx/access.log.1", "haproxy.log")), "\n".join(lines) + "\n"


@template("stacktrace", shapes=("tok", "url"))
def t_trace(r, doc, creds):
    if r.random() < 0.5:
        lines = ["Traceback (most recent call last):",
                 '  File "/srv/%s/app/main.py", line %d, in <module>' % (word(r), r.randint(10, 300)),
                 "    app.run()", '  File "/srv/app/.venv/lib/python3.11/site-packages/%s/client.py", line %d, in connect' % (word(r), r.randint(10, 900)),
                 "    raise ConnectionError(f\"cannot connect with config={self.config!r}\")"]
        cfg = []
        for c in creds:
            for f in c["fields"]:
                cfg.append("'%s': '%s'" % (f["var"].lower(), doc.put(f)))
        cfg.append("'timeout': %d" % r.randint(5, 60))
        lines.append("ConnectionError: cannot connect with config={%s}" % ", ".join(cfg))
    else:
        lines = ["%s ERROR [main] o.s.boot.SpringApplication - Application run failed" % ts(r).replace("T", " "),
                 "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'"]
        for c in creds:
            for f in c["fields"]:
                lines.append("\tproperty %s=%s" % (style_var(r, f["var"], "dot"), doc.put(f)))
        lines += ["\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)",
                  "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1362)",
                  "Caused by: java.net.ConnectException: Connection refused"]
    return r.choice(("error.log", "logs/crash-%s.txt" % ts(r)[:10], "stderr.txt")), "\n".join(lines) + "\n"


@template("jsonl-log", shapes=("tok", "url"))
def t_jsonl(r, doc, creds):
    lines = []
    for _ in range(r.randint(5, 10)):
        lines.append('{"ts":"%s","level":"info","msg":"%s","trace_id":"%s","span_id":"%s","duration_ms":%d}'
                     % (ts_ms(r), r.choice(("request completed", "cache miss", "job enqueued", "user login")),
                        rs(r, HEXL, 32, check=False), rs(r, HEXL, 16, check=False), r.randint(1, 900)))
    for c in creds:
        for f in c["fields"]:
            lines.insert(r.randint(0, len(lines)), '{"ts":"%s","level":"debug","msg":"loaded config","key":"%s","value":"%s"}'
                         % (ts_ms(r), f["var"], doc.put(f, "json")))
    return r.choice(("app.log.jsonl", "logs/service.json", "debug.ndjson")), "\n".join(lines) + "\n"
