"""gen_probe2 positive templates, group 3: source code in languages / idioms gen_probe.py lacks."""
from probe2_templates_base import *  # noqa: F401,F403


def p2_kotlin_obj(d):
    k, prov, s, var = pick()
    d.add("package com.acme.config", "", "object Credentials {", f"    const val {var} = \"{s}\"",
          f"    val baseUrl = \"https://api.{svc()}.io\"", "}")
    d.secret(s, prov)


def p2_swift_struct(d):
    k, prov, s, var = pick()
    d.add("import Foundation", "", "enum Env {", f"    static let {camel(var)}: String = \"{s}\"", "    static let timeout: TimeInterval = 30", "}")
    d.secret(s, prov)


def p2_scala(d):
    k, prov, s, var = pick()
    pw = password()
    d.add("package acme.jobs", "", "object Settings {", f"  val {camel(var)} = \"{s}\"",
          f"  val jdbcUser = \"{user()}\"", f"  val jdbcPassword = \"{pw}\"", "}")
    d.secret(s, prov)
    d.secret(pw, "Password")


def p2_elixir(d):
    k, prov, s, var = pick()
    pw = password()
    d.add("import Config", "", f"config :{svc()}, {pascal(svc())}.Repo,", f"  username: \"{user()}\",", f"  password: \"{pw}\",",
          f"  hostname: \"{host()}\",", "  pool_size: 10", "", f"config :{svc()}, :{var.lower()}, \"{s}\"")
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_dart(d):
    k, prov, s, var = pick()
    d.add("class ApiConfig {", f"  static const String {camel(var)} = '{s}';", "  static const Duration timeout = Duration(seconds: 20);", "}")
    d.secret(s, prov)


def p2_perl(d):
    k, prov, s, var = pick_prefixed()
    pw = password()
    d.add("#!/usr/bin/perl", "use strict;", "use warnings;", "use DBI;", "",
          f"my $dbh = DBI->connect('dbi:Pg:dbname={svc()};host={host()}', '{user()}', '{pw}', {{ RaiseError => 1 }});",
          f"my $api_token = '{s}';")
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_go_struct(d):
    k, prov, s, var = pick()
    pw = password()
    d.add("package config", "", "var Prod = Config{", f"\tDatabase: DBConfig{{Host: \"{host()}\", User: \"{user()}\", Password: \"{pw}\"}},",
          f"\t{pascal(var)}: \"{s}\",", "\tTimeout:  30 * time.Second,", "}")
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_ts_sdk_ctor(d):
    r = R.random()
    if r < 0.25:
        prov, s, _ = gen("stripe_sk")
        d.add("import Stripe from 'stripe';", "", f"export const stripe = new Stripe('{s}', {{ apiVersion: '2024-04-10' }});")
    elif r < 0.5:
        prov, s, _ = gen("openai")
        d.add("import OpenAI from 'openai';", "", f"const client = new OpenAI({{ apiKey: \"{s}\" }});")
    elif r < 0.75:
        prov, s, _ = gen("sendgrid")
        d.add("const sgMail = require('@sendgrid/mail');", f"sgMail.setApiKey('{s}');")
    else:
        prov, s, _ = gen("slack_bot")
        d.add("const { WebClient } = require('@slack/web-api');", f"const web = new WebClient('{s}');")
    d.secret(s, prov)


def p2_python_client(d):
    r = R.random()
    if r < 0.3:
        kid, sec = aws_key_id(), aws_secret()
        d.add("import boto3", "", "s3 = boto3.client(", "    's3',", f"    aws_access_key_id='{kid}',", f"    aws_secret_access_key='{sec}',",
              "    region_name='eu-west-1',", ")")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")
    elif r < 0.55:
        prov, s, _ = gen("huggingface")
        d.add("from huggingface_hub import login", "", f"login(token=\"{s}\")")
        d.secret(s, prov)
    elif r < 0.8:
        pw = password()
        d.add("import psycopg2", "", f"conn = psycopg2.connect(host='{host()}', dbname='{svc()}', user='{user()}', password='{pw}')")
        d.secret(pw, "Password")
    else:
        prov, s, _ = gen("anthropic")
        d.add("import anthropic", "", f"client = anthropic.Anthropic(api_key=\"{s}\")")
        d.secret(s, prov)


def p2_csharp_connstr(d):
    pw = password().replace(";", "")
    d.add("{", '  "ConnectionStrings": {', f'    "Default": "Server={host()};Database={svc()};User Id={user()};Password={pw};TrustServerCertificate=True"',
          "  },", '  "Logging": { "LogLevel": { "Default": "Information" } }', "}")
    d.secret(pw, "Password")


def p2_php_array(d):
    k, prov, s, var = pick()
    d.add("<?php", "", "return [", f"    '{svc()}' => [", f"        '{var.lower()}' => '{s}',", "        'timeout' => 10,", "    ],", "];")
    d.secret(s, prov)


def p2_lua(d):
    k, prov, s, var = pick_prefixed()
    d.add("local config = {}", f"config.{var.lower()} = \"{s}\"", "config.region = \"eu-west-1\"", "return config")
    d.secret(s, prov)


def p2_java_builder(d):
    k, prov, s, var = pick_prefixed()
    pw = password()
    d.add("public class Clients {", "    static HikariConfig db() {", "        HikariConfig c = new HikariConfig();",
          f"        c.setJdbcUrl(\"jdbc:postgresql://{host()}/{svc()}\");", f"        c.setUsername(\"{user()}\");", f"        c.setPassword(\"{pw}\");",
          "        return c;", "    }", f"    static final String {var} = \"{s}\";", "}")
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_yaml_parent_provider(d):
    d.add(f"# {svc()} integrations")
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_prefixed()
        parent = var.split("_")[0].lower()
        d.add(f"{parent}:", f"  {R.choice(['api_key', 'token', 'secret', 'key', 'access_token'])}: {s}", "  enabled: true")
        d.secret(s, prov)


def p2_contextual_yaml(d):
    """Prefix-less secrets (Datadog, Azure OpenAI, Algolia...) under a parent that names the provider."""
    key = R.choice(["datadog_api", "datadog_app", "twilio_auth", "algolia", "azure_openai", "cloudflare_token", "mistral", "cohere"])
    prov, s, var = gen(key)
    parent = {"datadog_api": "datadog", "datadog_app": "datadog", "twilio_auth": "twilio", "algolia": "algolia",
              "azure_openai": "azure_openai", "cloudflare_token": "cloudflare", "mistral": "mistral", "cohere": "cohere"}[key]
    field = {"datadog_api": "api_key", "datadog_app": "app_key", "twilio_auth": "auth_token", "algolia": "admin_api_key",
             "azure_openai": "api_key", "cloudflare_token": "api_token", "mistral": "api_key", "cohere": "api_key"}[key]
    d.add(f"{parent}:", "  site: eu1" if parent == "datadog" else "  region: eu", f"  {field}: {s}")
    d.secret(s, prov)


POSITIVE = [
    (p2_kotlin_obj, ["app/src/main/java/com/acme/config/Credentials.kt"]),
    (p2_swift_struct, ["Sources/Config/Env.swift"]),
    (p2_scala, ["src/main/scala/acme/jobs/Settings.scala"]),
    (p2_elixir, ["config/prod.exs", "config/runtime.exs"]),
    (p2_dart, ["lib/config/api_config.dart"]),
    (p2_perl, ["bin/export.pl"]),
    (p2_go_struct, ["internal/config/prod.go"]),
    (p2_ts_sdk_ctor, ["src/lib/clients.ts", "server/clients.js"]),
    (p2_python_client, ["jobs/export.py", "tools/upload.py"]),
    (p2_csharp_connstr, ["appsettings.Production.json"]),
    (p2_php_array, ["config/integrations.php"]),
    (p2_lua, ["conf/config.lua"]),
    (p2_java_builder, ["src/main/java/com/acme/Clients.java"]),
    (p2_yaml_parent_provider, ["config/integrations.yml", "config/third_party.yaml"]),
    (p2_contextual_yaml, ["config/monitoring.yml", "config/vendors.yaml"]),
]
