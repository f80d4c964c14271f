"""probe5 templates: source code in many languages, notebooks, bundles."""
import json

from probe5_tpl_common import (template, assign_lines, q_code, pseudo, filler_settings,
                               field_name, blocks, jstr)
from probe5_util import (word, app_name, host, domain, REGIONS, pick, sha1hex, sha256hex, rs,
                         HEXL, ALNUM, ALNUML, DIG, uuid4, version, port, company, ts, email,
                         username, style_var, b64, json_esc, epoch)


# ------------------------------------------------------------------ Python

@template("python", pem="raw")
def t_python(r, doc, creds):
    variant = r.choice(("settings", "client", "script"))
    lines = ['"""%s"""' % r.choice(("Django settings for %s." % word(r), "API client helpers.",
                                     "One-off migration script.")),
             "import os", "import logging", "", "import requests", "",
             "log = logging.getLogger(__name__)", ""]

    def render(n, f, fill):
        if f.get("multiline"):
            return ['%s = """%s"""' % (n, doc.put(f))]
        if fill and r.random() < 0.3:
            return '%s = os.environ.get("%s", "%s")' % (n, n, f["value"])
        return "%s = %s" % (n, q_code(r, doc, f, quotes=('"', "'")))

    lines += assign_lines(r, doc, creds, r.randint(3, 8), "upper", render)
    lines += ["", "", "def fetch_%s(session=None):" % word(r),
              "    session = session or requests.Session()",
              "    resp = session.get(BASE_URL + \"/v2/%s\", timeout=10)" % word(r) if r.random() < .5 else
              "    resp = session.get(\"https://%s/v2/items\", timeout=10)" % host(r),
              "    resp.raise_for_status()", "    return resp.json()", "", "",
              'if __name__ == "__main__":', "    logging.basicConfig(level=logging.INFO)",
              "    print(fetch_%s())" % word(r)]
    return r.choice(("settings.py", "app/config.py", "client.py", "scripts/migrate_%s.py" % word(r),
                     "%s/settings/production.py" % word(r))), "\n".join(lines) + "\n"


@template("python-requests", shapes=("tok",), bare=True)
def t_pyreq(r, doc, creds):
    lines = ["import requests", "", "", "def main():"]
    for c in creds:
        for f in c["fields"]:
            if f["secret"] is None:
                lines.append("    %s = \"%s\"" % (f["var"].lower(), doc.put(f)))
                continue
            m = doc.put(f)
            lines += r.choice((
                ['    headers = {"Authorization": "Bearer %s", "Accept": "application/json"}' % m,
                 '    r = requests.get("https://api.%s/v1/%s", headers=headers)' % (domain(r), word(r)),
                 "    print(r.status_code, r.json())"],
                ['    r = requests.post("https://%s/api/%s",' % (host(r), word(r)),
                 '                      json={"%s": "%s", "limit": %d})' % (r.choice(("api_key", "apiKey", "key", "token")), m, r.randint(10, 100)),
                 "    r.raise_for_status()"],
                ['    client = %sClient(api_key="%s", timeout=%d)' % (word(r).capitalize(), m, r.randint(5, 60)),
                 "    client.sync()"],
            ))
    lines += ["", "", 'if __name__ == "__main__":', "    main()"]
    return r.choice(("test_api.py", "scratch.py", "tools/call_api.py", "notebooks/util.py")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ JS / TS

@template("javascript", pem="raw", bad="`$\\")
def t_js(r, doc, creds):
    lines = ["'use strict';", "", "const path = require('path');", "const axios = require('axios');", "",
             "module.exports = {"]
    items = []

    def render(n, f, fill):
        if f.get("multiline"):
            items.append("  %s: `%s`" % (n, doc.put(f)))
        else:
            items.append("  %s: %s" % (n, q_code(r, doc, f, quotes=("'", '"'))))
        return []

    assign_lines(r, doc, creds, r.randint(3, 7), "camel", render)
    lines += [i + "," for i in items]
    lines += ["  publicDir: path.join(__dirname, 'public'),", "};"]
    return r.choice(("config.js", "config/production.js", "src/settings.js", "knexfile.js")), "\n".join(lines) + "\n"


@template("typescript", pem="raw", bad="`$\\")
def t_ts(r, doc, creds):
    lines = ["import { z } from 'zod';", "", "export interface AppConfig {", "  [key: string]: string;", "}", ""]

    def render(n, f, fill):
        if f.get("multiline"):
            return "export const %s = `%s`;" % (n, doc.put(f))
        return "export const %s%s = %s;" % (n, r.choice(("", ": string")), q_code(r, doc, f, quotes=("'", '"')))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), r.choice(("upper", "camel")), render)
    lines += ["", "export const schema = z.object({ port: z.number().int() });",
              "export default { env: process.env.NODE_ENV ?? 'development' };"]
    return r.choice(("src/config.ts", "src/lib/constants.ts", "app/env.server.ts")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ Go

@template("go", pem="raw", bad="`")
def t_go(r, doc, creds):
    lines = ["package %s" % r.choice(("main", "config", "internal")), "", "import (", '\t"fmt"', '\t"net/http"',
             '\t"time"', ")", "", "const ("]

    def render(n, f, fill):
        if f.get("multiline"):
            return "\t%s = `%s`" % (n, doc.put(f))
        return '\t%s = "%s"' % (n, doc.put(f, "json"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "pascal", render)
    lines += [")", "", "func newClient() *http.Client {", "\treturn &http.Client{Timeout: 15 * time.Second}",
              "}", "", "func main() {", '\tfmt.Println("starting", time.Now().Format(time.RFC3339))', "}"]
    return r.choice(("main.go", "internal/config/config.go", "cmd/%s/main.go" % word(r))), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ JVM

@template("java", pem="json")
def t_java(r, doc, creds):
    cls = word(r).capitalize() + "Config"
    lines = ["package com.%s.%s;" % (company(r), word(r)), "", "import java.time.Duration;", "",
             "public final class %s {" % cls, "    private %s() {}" % cls, ""]

    def render(n, f, fill):
        return '    public static final String %s = "%s";' % (n, doc.put(f, "json"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "upper", render)
    lines += ["    public static final Duration TIMEOUT = Duration.ofSeconds(%d);" % r.randint(5, 60), "}"]
    return "src/main/java/com/%s/%s.java" % (company(r), cls), "\n".join(lines) + "\n"


@template("kotlin", pem="raw", bad="$\"")
def t_kotlin(r, doc, creds):
    lines = ["package io.%s.app" % company(r), "", "object Secrets {"]

    def render(n, f, fill):
        if f.get("multiline"):
            return '    const val %s = """%s"""' % (n, doc.put(f))
        return '    const val %s = "%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "upper", render)
    lines += ["}", "", "fun main() = println(\"ok\")"]
    return r.choice(("app/src/main/java/Secrets.kt", "buildSrc/src/main/kotlin/Deps.kt")), "\n".join(lines) + "\n"


@template("csharp", pem="raw", bad='"')
def t_cs(r, doc, creds):
    lines = ["using System;", "using System.Net.Http;", "", "namespace %s.Infrastructure" % company(r).capitalize(),
             "{", "    internal static class Settings", "    {"]

    def render(n, f, fill):
        if f.get("multiline"):
            return '        public const string %s = @"%s";' % (n, doc.put(f))
        return '        public const string %s = "%s";' % (n, doc.put(f, "json"))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "pascal", render)
    lines += ["    }", "}"]
    return r.choice(("Settings.cs", "src/Infrastructure/Settings.cs", "Program.cs")), "\n".join(lines) + "\n"


@template("php", pem="raw", bad="'\\")
def t_php(r, doc, creds):
    lines = ["<?php", "", "return ["]

    def render(n, f, fill):
        return "    '%s' => '%s'," % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 6), "snake", render)
    lines += ["    'timezone' => 'UTC',", "];"]
    return r.choice(("config/services.php", "config.php", "app/config/parameters.php")), "\n".join(lines) + "\n"


@template("wp-config", shapes=("tok",), bad="'\\")
def t_wp(r, doc, creds):
    lines = ["<?php", "/** The base configuration for WordPress */", "",
             "define( 'DB_NAME', '%s_wp' );" % word(r), "define( 'DB_USER', '%s' );" % username(r)]
    for c in creds:
        for f in c["fields"]:
            lines.append("define( '%s', '%s' );" % (style_var(r, f["var"], "upper"), doc.put(f)))
    lines += ["define( 'DB_HOST', '%s' );" % host(r), "define( 'DB_CHARSET', 'utf8mb4' );", "",
              "$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );",
              "if ( ! defined( 'ABSPATH' ) ) {", "\tdefine( 'ABSPATH', __DIR__ . '/' );", "}",
              "require_once ABSPATH . 'wp-settings.php';"]
    return "wp-config.php", "\n".join(lines) + "\n"


@template("ruby", pem="raw", bad="'\\")
def t_ruby(r, doc, creds):
    lines = ["# frozen_string_literal: true", "", "Rails.application.configure do"]

    def render(n, f, fill):
        if f.get("multiline"):
            return ["  config.x.%s = <<~PEM" % n, doc.put(f), "  PEM"]
        return "  config.x.%s = '%s'" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "snake", render)
    lines += ["  config.log_level = :info", "end"]
    return r.choice(("config/environments/production.rb", "config/initializers/%s.rb" % word(r))), "\n".join(lines) + "\n"


@template("rust", pem="raw", bad='"#')
def t_rust(r, doc, creds):
    lines = ["use std::time::Duration;", ""]

    def render(n, f, fill):
        if f.get("multiline"):
            return 'pub const %s: &str = r#"%s"#;' % (n, doc.put(f))
        return 'pub const %s: &str = "%s";' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "upper", render)
    lines += ["pub const TIMEOUT: Duration = Duration::from_secs(%d);" % r.randint(5, 60), "",
              "fn main() {", '    println!("{}", env!("CARGO_PKG_VERSION"));', "}"]
    return r.choice(("src/main.rs", "src/config.rs")), "\n".join(lines) + "\n"


@template("swift", pem="raw", bad='"\\')
def t_swift(r, doc, creds):
    lines = ["import Foundation", "", "enum Keys {"]

    def render(n, f, fill):
        if f.get("multiline"):
            return ['    static let %s = """' % n, doc.put(f), '    """']
        return '    static let %s = "%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "camel", render)
    lines += ["}"]
    return r.choice(("Sources/App/Keys.swift", "%s/Config/Keys.swift" % word(r).capitalize())), "\n".join(lines) + "\n"


@template("dart", bad="'$\\")
def t_dart(r, doc, creds):
    lines = ["// ignore_for_file: constant_identifier_names", "class Env {"]

    def render(n, f, fill):
        return "  static const String %s = '%s';" % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "camel", render)
    lines += ["}"]
    return "lib/env.dart", "\n".join(lines) + "\n"


@template("c-header", bad='"\\')
def t_c(r, doc, creds):
    g = "%s_SECRETS_H" % word(r).upper()
    lines = ["#ifndef %s" % g, "#define %s" % g, ""]

    def render(n, f, fill):
        return '#define %s "%s"' % (n, doc.put(f))

    lines += assign_lines(r, doc, creds, r.randint(2, 5), "upper", render)
    lines += ["", "#endif /* %s */" % g]
    return r.choice(("include/secrets.h", "src/config.h", "firmware/credentials.h")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ notebooks

def _nb_src(lines):
    out = []
    for i, l in enumerate(lines):
        out.append(l + ("\n" if i < len(lines) - 1 else ""))
    return out


@template("jupyter", shapes=("tok", "url"))
def t_ipynb(r, doc, creds):
    """Secrets in code cells and in stream outputs. JSON is written by hand so
    each source line is its own JSON line."""
    cells = []
    cells.append(("markdown", ["# %s exploration" % word(r).capitalize(), "", "Pulls data from the API."], None))
    cells.append(("code", ["import pandas as pd", "import requests"], None))
    for c in creds:
        for f in c["fields"]:
            m = doc.put(f, "json")
            var = f["var"].lower()
            if f["secret"] is None or r.random() < 0.6:
                cells.append(("code", ['%s = "%s"' % (var, m), "client = connect(%s)" % var], None))
            else:
                cells.append(("code", ["import os", "print(os.environ)"],
                              ["environ({'HOME': '/home/jovyan', '%s': '%s', 'SHELL': '/bin/bash'})" % (f["var"], m)]))
    cells.append(("code", ["df = pd.DataFrame(requests.get(URL).json())", "df.head()"], None))
    lines = ["{", ' "cells": [']
    for ci, (typ, src, out) in enumerate(cells):
        lines.append("  {")
        lines.append('   "cell_type": "%s",' % typ)
        if typ == "code":
            lines.append('   "execution_count": %d,' % (ci + 1))
        lines.append('   "metadata": {},')
        if typ == "code":
            if out:
                lines.append('   "outputs": [')
                lines.append("    {")
                lines.append('     "name": "stdout",')
                lines.append('     "output_type": "stream",')
                lines.append('     "text": [')
                lines.append('      ' + jstr(out[0] + "\n"))
                lines.append("     ]")
                lines.append("    }")
                lines.append("   ],")
            else:
                lines.append('   "outputs": [],')
        lines.append('   "source": [')
        srcs = _nb_src(src)
        for si, s in enumerate(srcs):
            lines.append("    " + jstr(s) + ("," if si < len(srcs) - 1 else ""))
        lines.append("   ]")
        lines.append("  }" + ("," if ci < len(cells) - 1 else ""))
    lines += [" ],", ' "metadata": {', '  "kernelspec": {', '   "display_name": "Python 3",',
              '   "language": "python",', '   "name": "python3"', "  }", " },", ' "nbformat": 4,',
              ' "nbformat_minor": 5', "}"]
    return r.choice(("analysis.ipynb", "notebooks/%s.ipynb" % word(r), "Untitled1.ipynb")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ bundles / html

@template("minified-js", shapes=("tok",), bad="\"\\", bare=True)
def t_minjs(r, doc, creds):
    parts = ['!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t}',
             '([function(e,t,n){"use strict";n.r(t);']
    chunks = []
    for c in creds:
        for f in c["fields"]:
            k = style_var(r, f["var"], "camel")
            chunks.append('var %s={%s:"%s",env:"production",v:"%s"};' % (rs(r, "abcdefghijklmnopqrstuvwxyz", 1), k, doc.put(f), version(r)))
    filler = ['function a(e){return e&&e.__esModule?e:{default:e}}', 'var o=n(%d),i=a(o);' % r.randint(1, 900),
              'const u="https://api.%s/v3",c=3e4;' % domain(r), 'e.exports=function(e){return fetch(u+e).then(function(e){return e.json()})};',
              'window.__APP_CONFIG__=Object.freeze({release:"%s",sentryEnv:"production"});' % sha1hex(r)[:10]]
    body = filler + chunks
    r.shuffle(body)
    line1 = "".join(parts) + "".join(body) + "}]);"
    # long single-line bundle, second line is the sourcemap pointer
    return r.choice(("dist/main.%s.js" % rs(r, HEXL, 8, check=False), "public/static/js/bundle.min.js")), line1 + "\n//# sourceMappingURL=main.js.map\n"


@template("html-inline", shapes=("tok",), bad="\"<>\\")
def t_html(r, doc, creds):
    lines = ["<!doctype html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">',
             "  <title>%s</title>" % word(r).capitalize(),
             '  <link rel="stylesheet" href="/assets/app.%s.css">' % rs(r, HEXL, 8, check=False), "</head>",
             "<body>", '  <div id="root"></div>', "  <script>"]
    for c in creds:
        for f in c["fields"]:
            lines.append('    window.%s = "%s";' % (style_var(r, f["var"], "camel"), doc.put(f)))
    lines += ["  </script>", '  <script src="/assets/app.%s.js" defer></script>' % rs(r, HEXL, 8, check=False),
              "</body>", "</html>"]
    return r.choice(("index.html", "public/admin.html", "templates/dashboard.html")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ Firebase admin (service account inline)

@template("firebase-admin-js", shapes=("sa",), kinds=("gcp-service-account-key", "firebase-database-secret",
                                                    "firebase-fcm-server-key"), nmax=2)
def t_firebase(r, doc, creds):
    lines = ["const admin = require('firebase-admin');", ""]
    for c in creds:
        if c["shape"] == "sa":
            obj = c["meta"]["sa_obj"]
            fk = {f["var"]: f for f in c["fields"]}
            lines.append("const serviceAccount = {")
            for k, v in obj:
                if k == "private_key":
                    lines.append('  "private_key": "%s",' % doc.put(fk["GOOGLE_PRIVATE_KEY"], "json"))
                elif k == "private_key_id":
                    lines.append('  "private_key_id": "%s",' % doc.put(fk["GOOGLE_PRIVATE_KEY_ID"]))
                elif k == "client_id":
                    lines.append('  "client_id": "%s",' % doc.put(fk["GOOGLE_CLIENT_ID"]))
                else:
                    lines.append('  "%s": "%s",' % (k, v))
            lines.append("};")
            proj = c["meta"]["project"]
        else:
            for f in c["fields"]:
                lines.append("const %s = '%s';" % (style_var(r, f["var"], "camel"), doc.put(f)))
            proj = "%s-%s" % (word(r), rs(r, ALNUML, 5))
    lines += ["", "admin.initializeApp({",
              "  credential: admin.credential.cert(serviceAccount)," if any(c["shape"] == "sa" for c in creds)
              else "  credential: admin.credential.applicationDefault(),",
              "  databaseURL: 'https://%s-default-rtdb.firebaseio.com'," % proj, "});", "",
              "module.exports = admin;"]
    return r.choice(("functions/firebase.js", "src/firebaseAdmin.js")), "\n".join(lines) + "\n"


# ------------------------------------------------------------------ GCP SA as env one-liner

@template("dotenv-json-sa", shapes=("sa",), kinds=("gcp-service-account-key",), nmax=1)
def t_env_sa(r, doc, creds):
    c = creds[0]
    fk = {f["var"]: f for f in c["fields"]}
    parts = []
    for k, v in c["meta"]["sa_obj"]:
        if k == "private_key":
            parts.append('"private_key":"%s"' % doc.put(fk["GOOGLE_PRIVATE_KEY"], "json"))
        elif k == "private_key_id":
            parts.append('"private_key_id":"%s"' % doc.put(fk["GOOGLE_PRIVATE_KEY_ID"]))
        elif k == "client_id":
            parts.append('"client_id":"%s"' % doc.put(fk["GOOGLE_CLIENT_ID"]))
        else:
            parts.append('"%s":"%s"' % (k, v))
    lines = ["NODE_ENV=production", "GCP_PROJECT=%s" % c["meta"]["project"],
             "GOOGLE_APPLICATION_CREDENTIALS_JSON='{%s}'" % ",".join(parts),
             "BIGQUERY_DATASET=%s" % word(r), "PORT=%d" % port(r)]
    return r.choice((".env", ".env.production")), "\n".join(lines) + "\n"
