"""gen_probe2 positive templates, group 1: config files with nested / framework-specific shapes."""
from probe2_templates_base import *  # noqa: F401,F403


def p2_spring_nested(d):
    pw, mpw = password(), password()
    k, prov, s, var = pick_prefixed()
    parent = var.split("_")[0].lower()
    d.add("server:", "  port: 8443", "spring:", "  application:", f"    name: {svc()}-service", "  datasource:",
          f"    url: jdbc:postgresql://{host()}:5432/{svc()}", f"    username: {user()}", f"    password: {pw}",
          "    hikari:", "      maximum-pool-size: 20", "  mail:", "    host: smtp.office365.com", "    port: 587",
          f"    username: noreply@acme-corp.io", f"    password: \"{mpw}\"", "    properties:", "      mail.smtp.starttls.enable: true",
          "acme:", "  integrations:", f"    {parent}:", f"      base-url: https://api.{parent}.example", f"      token: {s}")
    d.secret(pw, "Password")
    d.secret(mpw, "Password")
    d.secret(s, prov)


def p2_rails_dbyml(d):
    pw = password()
    d.add("default: &default", "  adapter: postgresql", "  encoding: unicode", "  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") { 5 } %>", "",
          "development:", "  <<: *default", "  database: app_development", "", "production:", "  <<: *default",
          f"  database: {svc()}_production", f"  username: {user()}", f"  password: {pw}", f"  host: {host()}")
    d.secret(pw, "Password")


def p2_django_settings(d):
    pw = password()
    sk = rs(LOWER + DIGITS + "!@#%^&*(-_=+)", 50)
    d.add("from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent", "",
          f"SECRET_KEY = '{sk}'", "DEBUG = False", f"ALLOWED_HOSTS = ['{svc()}.acme-corp.io']", "",
          "DATABASES = {", "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',", f"        'NAME': '{svc()}',",
          f"        'USER': '{user()}',", f"        'PASSWORD': '{pw}',", f"        'HOST': '{host()}',", "        'PORT': '5432',", "    }", "}")
    d.secret(sk, "Django")
    d.secret(pw, "Password")
    if R.random() < 0.5:
        prov, s, var = gen(R.choice(["sendgrid", "stripe_sk", "sentry", "gcp_api"]))
        d.add("", f"{var} = \"{s}\"")
        d.secret(s, prov)


def p2_wpconfig(d):
    pw = password()
    d.add("<?php", "/** The name of the database for WordPress */", f"define( 'DB_NAME', 'wp_{svc()}' );",
          "define( 'DB_USER', 'wordpress' );", f"define( 'DB_PASSWORD', '{pw}' );", f"define( 'DB_HOST', '{host()}' );",
          "define( 'DB_CHARSET', 'utf8mb4' );", "")
    for name in ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY"]:
        salt = rs(ALNUM + "!@#$%^&*()-_[]{}<>~+=,.;:/?|", 64).replace("'", "x").replace("\\", "y")
        d.add(f"define( '{name}', '{salt}' );")
        d.ignore(salt, "WordPress salt (secret-ish, not scored)")
    d.add("", "$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );")
    d.secret(pw, "Password")


def p2_tfvars(d):
    pw = password()
    d.add(f'project     = "{svc()}"', 'environment = "production"', 'region      = "eu-west-1"', "",
          f'db_password = "{pw}"')
    d.secret(pw, "Password")
    for _ in range(R.randint(1, 2)):
        k, prov, s, var = pick()
        d.add(f'{var.lower()} = "{s}"')
        d.secret(s, prov)
    d.add('instance_count = 3', 'tags = {', '  owner = "platform"', '}')


def p2_tfstate_outputs(d):
    pw = password()
    k, prov, s, var = pick_prefixed()
    st = {"version": 4, "terraform_version": "1.7.5", "serial": R.randint(3, 90), "lineage": uuid4(),
          "outputs": {"db_endpoint": {"value": f"{host()}:5432", "type": "string"},
                      "db_master_password": {"value": pw, "type": "string", "sensitive": True},
                      var.lower(): {"value": s, "type": "string", "sensitive": True}},
          "resources": []}
    d.add(json.dumps(st, indent=2))
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_ansible_nested(d):
    pw, pw2 = password(), password()
    d.add("---", "postgresql_databases:", f"  - name: {svc()}", "postgresql_users:", f"  - name: {user()}",
          f"    password: \"{pw}\"", "    role_attr_flags: LOGIN", "rabbitmq_users:", "  - user: worker", f"    password: {pw2}",
          "    vhost: /", "    tags: monitoring")
    d.secret(pw, "Password")
    d.secret(pw2, "Password")


def p2_aws_ini(d):
    d.path = d.path.rsplit("/", 1)[0] + R.choice(["/.aws/credentials", "/credentials"])
    prof = []
    for name in R.sample(["default", "prod", "ci", "backup-writer", "terraform"], R.randint(1, 3)):
        kid, sec = aws_key_id(), aws_secret()
        sep = R.choice([" = ", "="])
        d.add(f"[{name}]", f"aws_access_key_id{sep}{kid}", f"aws_secret_access_key{sep}{sec}", "")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")


def p2_s3cfg(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.s3cfg"
    kid, sec = aws_key_id(), aws_secret()
    d.add("[default]", f"access_key = {kid}", "bucket_location = EU", "check_ssl_certificate = True",
          "host_base = s3.amazonaws.com", "host_bucket = %(bucket)s.s3.amazonaws.com", f"secret_key = {sec}",
          "signature_v2 = False", "use_https = True")
    d.secret(kid, "AWS")
    d.secret(sec, "AWS")


def p2_rclone(d):
    d.path = d.path.rsplit("/", 1)[0] + "/rclone.conf"
    kid, sec = aws_key_id(), aws_secret()
    d.add("[s3-backup]", "type = s3", "provider = AWS", f"access_key_id = {kid}", f"secret_access_key = {sec}",
          "region = eu-central-1", "")
    d.secret(kid, "AWS")
    d.secret(sec, "AWS")
    if R.random() < 0.5:
        akey = azure_storage_key()
        d.add("[azblob]", "type = azureblob", f"account = st{rs(LOWER + DIGITS, 10)}", f"key = {akey}", "")
        d.secret(akey, "Azure")


def p2_pgpass(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.pgpass"
    for _ in range(R.randint(1, 3)):
        pw = password().replace(":", "")
        d.add(f"{host()}:5432:{svc()}:{user()}:{pw}")
        d.secret(pw, "Password")


def p2_mycnf(d):
    d.path = d.path.rsplit("/", 1)[0] + R.choice(["/.my.cnf", "/my.cnf"])
    pw = password()
    d.add("[client]", f"user = {user()}", f"password = \"{pw}\"", f"host = {host()}", "", "[mysqldump]", "quick",
          "max_allowed_packet = 64M")
    d.secret(pw, "Password")


def p2_compose_list(d):
    pw = password(url_safe=True)
    k, prov, s, var = pick()
    d.add("services:", "  app:", f"    image: ghcr.io/acme/{svc()}:1.4.2", "    environment:", "      - NODE_ENV=production",
          f"      - {var}={s}", f"      - DB_PASSWORD={pw}", "      - LOG_FORMAT=json", "    restart: unless-stopped")
    d.secret(s, prov)
    d.secret(pw, "Password")


def p2_kafka_jaas(d):
    pw = password(url_safe=True)
    r = R.random()
    if r < 0.5:
        d.add("bootstrap.servers=pkc-4r297.europe-west1.gcp.confluent.cloud:9092", "security.protocol=SASL_SSL",
              "sasl.mechanism=PLAIN",
              f"sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"{rs(UPPER + DIGITS, 16)}\" password=\"{pw}\";",
              "session.timeout.ms=45000")
    else:
        d.add("KafkaClient {", "  org.apache.kafka.common.security.scram.ScramLoginModule required",
              f"  username=\"{svc()}-producer\"", f"  password=\"{pw}\";", "};")
    d.secret(pw, "Password")


def p2_jdbc(d):
    pw = password(url_safe=True)
    form = R.random()
    if form < 0.5:
        url = f"jdbc:mysql://{host()}:3306/{svc()}?user={user()}&password={pw}&useSSL=true"
    else:
        url = f"jdbc:sqlserver://{host()}:1433;databaseName={svc()};user={user()};password={pw};encrypt=true"
    d.add("# datasource", f"db.url={url}", "db.pool.max=16")
    d.secret(pw, "Password")


def p2_mongo_srv(d):
    pw = password(url_safe=True)
    d.add("module.exports = {", f"  mongoUri: 'mongodb+srv://{user()}:{pw}@cluster0.{rs(LOWER + DIGITS, 5)}.mongodb.net/{svc()}?retryWrites=true&w=majority',",
          "  poolSize: 10,", "};")
    d.secret(pw, "Password")


def p2_smtp(d):
    r = R.random()
    if r < 0.4:
        prov, s, _ = gen("sendgrid")
        d.add("framework:", "  mailer:", f"    dsn: 'smtp://apikey:{s}@smtp.sendgrid.net:587'")
        d.secret(s, prov)
    elif r < 0.7:
        pw = password()
        d.add("<?php", "return [", "    'default' => 'smtp',", "    'mailers' => [", "        'smtp' => [", "            'transport' => 'smtp',",
              "            'host' => 'smtp.mailgun.org',", "            'port' => 587,", "            'username' => 'postmaster@mg.acme-corp.io',",
              f"            'password' => '{pw}',", "        ],", "    ],", "];")
        d.secret(pw, "Password")
    else:
        pw = password()
        d.add("smtp:", "  host: email-smtp.eu-west-1.amazonaws.com", "  port: 587", "  user: ses-smtp-user",
              f"  pass: {pw}", "  from: alerts@acme-corp.io")
        d.secret(pw, "Password")


def p2_provider_parent_json(d):
    cfg = {"app": {"name": svc(), "port": 8080}}
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_prefixed() if R.random() < 0.8 else ("password", "Password", password(), "DB_PASSWORD")
        parent = var.split("_")[0].lower()
        field = R.choice(["secret_key", "apiKey", "token", "key", "secret"])
        if k == "password":
            parent, field = R.choice(["postgres", "redis", "smtp"]), "password"
        cfg.setdefault(parent, {})[field] = s
        d.secret(s, prov)
    d.add(json.dumps(cfg, indent=R.choice([2, 4])))


def p2_gitcred_multi(d):
    tok = gh_checksummed(R.choice(["ghp_", "gho_"]))
    d.path = d.path.rsplit("/", 1)[0] + "/.git-credentials"
    lines = [f"https://{R.choice(['x-access-token', 'acme-ci', 'oauth2'])}:{tok}@github.com"]
    d.secret(tok, "GitHub")
    if R.random() < 0.6:
        prov, s, _ = gen(R.choice(["bitbucket", "gitlab", "azure_devops"]))
        hostn = {"Bitbucket": "bitbucket.org", "GitLab": "gitlab.acme-corp.io", "Azure DevOps": "dev.azure.com"}[prov]
        lines.append(f"https://build:{s}@{hostn}")
        d.secret(s, prov)
    d.add(*lines)


def p2_helm_set(d):
    pw = password(url_safe=True)
    k, prov, s, var = pick_prefixed()
    d.add("#!/usr/bin/env bash", "set -euo pipefail", f"helm upgrade --install {svc()} ./charts/app \\", "  --namespace prod \\",
          f"  --set postgresql.auth.password={pw} \\", f"  --set secrets.{camel(var)}={s} \\", "  --wait --timeout 5m")
    d.secret(pw, "Password")
    d.secret(s, prov)


def p2_azure_connstr(d):
    acct = "st" + rs(LOWER + DIGITS, 10)
    key = azure_storage_key()
    cs = f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};EndpointSuffix=core.windows.net"
    obj = {"IsEncrypted": False, "Values": {"AzureWebJobsStorage": cs, "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"}}
    if R.random() < 0.5:
        sbk = base64.b64encode(rbytes(32)).decode()
        obj["Values"]["ServiceBusConnection"] = f"Endpoint=sb://{svc()}-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={sbk}"
        d.secret(sbk, "Azure")
    d.add(json.dumps(obj, indent=2))
    d.secret(key, "Azure")


def p2_gcp_in_tf(d):
    obj, pk, kid = gcp_sa_json()
    body = json.dumps(obj, indent=2)
    d.add('provider "google" {', f'  project = "{obj["project_id"]}"', "  credentials = <<EOT", body, "EOT", "}")
    esc = json.dumps(pk)[1:-1]
    d.secret(pk, "Google Cloud", anchor=esc[:60], alts=[kid, esc])


def p2_npmrc_scoped(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.npmrc"
    tok = gh_checksummed("npm_")
    d.add("@acme:registry=https://registry.npmjs.org/", f"//registry.npmjs.org/:_authToken={tok}", "always-auth=true")
    d.secret(tok, "npm")
    if R.random() < 0.5:
        gh = gh_checksummed("ghp_")
        d.add("@acme-internal:registry=https://npm.pkg.github.com", f"//npm.pkg.github.com/:_authToken={gh}")
        d.secret(gh, "GitHub")


POSITIVE = [
    (p2_spring_nested, ["src/main/resources/application.yml", "config/application-prod.yaml"]),
    (p2_rails_dbyml, ["config/database.yml"]),
    (p2_django_settings, ["mysite/settings.py", "config/settings/production.py"]),
    (p2_wpconfig, ["wp-config.php", "public_html/wp-config.php"]),
    (p2_tfvars, ["terraform.tfvars", "envs/prod.auto.tfvars"]),
    (p2_tfstate_outputs, ["terraform.tfstate", "state/prod.tfstate"]),
    (p2_ansible_nested, ["group_vars/databases.yml", "host_vars/db01.yml"]),
    (p2_aws_ini, [".aws/credentials"]),
    (p2_s3cfg, [".s3cfg"]),
    (p2_rclone, ["rclone.conf"]),
    (p2_pgpass, [".pgpass"]),
    (p2_mycnf, [".my.cnf"]),
    (p2_compose_list, ["docker-compose.yml", "compose.prod.yaml"]),
    (p2_kafka_jaas, ["kafka/client.properties", "config/kafka_jaas.conf"]),
    (p2_jdbc, ["conf/db.properties", "config/datasource.properties"]),
    (p2_mongo_srv, ["config/db.js", "src/config/mongo.js"]),
    (p2_smtp, ["config/packages/mailer.yaml", "config/mail.php", "config/smtp.yml"]),
    (p2_provider_parent_json, ["config/secrets.json", "config/integrations.json"]),
    (p2_gitcred_multi, [".git-credentials"]),
    (p2_helm_set, ["deploy/helm-upgrade.sh", "scripts/release.sh"]),
    (p2_azure_connstr, ["local.settings.json", "func/local.settings.json"]),
    (p2_gcp_in_tf, ["infra/google.tf"]),
    (p2_npmrc_scoped, [".npmrc"]),
]
