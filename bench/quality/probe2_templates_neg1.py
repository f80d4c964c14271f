"""gen_probe2 negative templates, group 1: references, placeholders and encrypted values in new formats."""
from probe2_templates_base import *  # noqa: F401,F403


def sample(d, lines, lo=0.6):
    keep = sorted(R.sample(range(len(lines)), max(1, int(len(lines) * R.uniform(lo, 1.0)))))
    d.add(*[lines[i] for i in keep])


def n2_spring_refs(d):
    d.add("spring:", "  datasource:", f"    url: jdbc:postgresql://{host()}:5432/{svc()}", "    username: ${DB_USER:app}",
          "    password: ${DB_PASSWORD}", "  mail:", "    password: ${SMTP_PASSWORD:}", "acme:", "  stripe:",
          "    secret-key: ${STRIPE_SECRET_KEY}", "  github:", "    token: '${vcap.services.github.credentials.token}'")
    return "Spring placeholders ${...}"


def n2_rails_erb(d):
    d.add("production:", "  adapter: postgresql", "  database: app_production", "  username: <%= ENV['DATABASE_USERNAME'] %>",
          "  password: <%= ENV.fetch('DATABASE_PASSWORD') %>", "  host: <%= ENV['DATABASE_HOST'] %>")
    return "Rails database.yml with ERB env lookups"


def n2_django_env(d):
    d.add("import environ", "env = environ.Env()", "SECRET_KEY = env('DJANGO_SECRET_KEY')", "DATABASES = {",
          "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',", "        'PASSWORD': os.environ['DB_PASSWORD'],",
          "        'HOST': os.environ.get('DB_HOST', 'localhost'),", "    }", "}",
          "STRIPE_SECRET_KEY = os.getenv('STRIPE_SECRET_KEY', '')", "AWS_SECRET_ACCESS_KEY = None  # provided by the instance role")
    return "Django settings reading env"


def n2_wp_sample(d):
    d.path = d.path.rsplit("/", 1)[0] + "/wp-config-sample.php"
    d.add("<?php", "define( 'DB_NAME', 'database_name_here' );", "define( 'DB_USER', 'username_here' );",
          "define( 'DB_PASSWORD', 'password_here' );", "define( 'DB_HOST', 'localhost' );",
          "define( 'AUTH_KEY',         'put your unique phrase here' );", "define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );",
          "define( 'NONCE_SALT',       'put your unique phrase here' );")
    return "wp-config-sample.php placeholders"


def n2_tfvars_refs(d):
    sample(d, ['db_password = "CHANGE_ME"', 'api_token   = "<set in Terraform Cloud workspace>"', 'region = "eu-west-1"',
               f'kms_key_arn = "arn:aws:kms:eu-west-1:{rs(DIGITS, 12)}:key/{uuid4()}"',
               f'db_secret_arn = "arn:aws:secretsmanager:eu-west-1:{rs(DIGITS, 12)}:secret:prod/{svc()}/db-{rs(ALNUM, 6)}"',
               f'ami_id = "ami-{rs(HEX, 17)}"', f'vpc_id = "vpc-{rs(HEX, 17)}"', 'datadog_api_key = ""',
               f'github_app_private_key_path = "~/.keys/{svc()}.pem"'])
    return "tfvars with placeholders, ARNs, resource ids"


def n2_tfstate_ids(d):
    st = {"version": 4, "terraform_version": "1.8.2", "serial": R.randint(3, 90), "lineage": uuid4(),
          "outputs": {"bucket_arn": {"value": f"arn:aws:s3:::{svc()}-artifacts", "type": "string"},
                      "vpc_id": {"value": f"vpc-{rs(HEX, 17)}", "type": "string"},
                      "db_password_secret_arn": {"value": f"arn:aws:secretsmanager:us-east-1:{rs(DIGITS, 12)}:secret:{svc()}-db-{rs(ALNUM, 6)}", "type": "string"}},
          "resources": [{"mode": "managed", "type": "aws_s3_object", "name": "bundle", "instances": [{"attributes": {
              "etag": rs(HEX, 32), "source_hash": rs(HEX, 64), "version_id": rs(ALNUM + "._", 32), "kms_key_id": None}}]}]}
    d.add(json.dumps(st, indent=2))
    return "tfstate with ids, ARNs, etags"


def n2_sops_json(d):
    def enc(n):
        return f"ENC[AES256_GCM,data:{b64(rbytes(n))},iv:{b64(rbytes(32))},tag:{b64(rbytes(16))},type:str]"
    obj = {"stripe_secret_key": enc(80), "db": {"password": enc(20)},
           "sops": {"kms": [{"arn": f"arn:aws:kms:eu-west-1:{rs(DIGITS, 12)}:key/{uuid4()}", "created_at": ts(),
                             "enc": "AQICAH" + b64(rbytes(150)), "aws_profile": ""}],
                    "lastmodified": ts(), "mac": enc(32), "version": "3.8.1"}}
    d.add(json.dumps(obj, indent=2))
    return "SOPS-encrypted JSON"


def n2_secret_refs(d):
    sample(d, ["database:", "  password: vault:secret/data/prod/db#password", f"  api_key: vault:secret/data/{svc()}#api_key",
               f"  aws_secret: arn:aws:secretsmanager:eu-west-1:{rs(DIGITS, 12)}:secret:prod/{svc()}-{rs(ALNUM, 6)}",
               "  github_token: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=secret/data/ci:token') }}\"",
               "  slack_token: op://Engineering/Slack Bot/credential", "  stripe_key: sm://projects/acme-prod/secrets/stripe-key/versions/latest",
               "  sendgrid_key: '{{ssm:/prod/sendgrid/api_key}}'", "  datadog_api_key: ${DD_API_KEY}",
               "  azure_key: '@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/storage-key/)'"])
    return "secret-manager references"


def n2_ci_refs(d):
    r = R.random()
    if r < 0.33:
        d.add("variables:", "  - group: prod-secrets", "steps:", "  - script: ./deploy.sh", "    env:", "      STRIPE_SECRET_KEY: $(StripeSecretKey)",
              "      AZURE_CLIENT_SECRET: $(AzureClientSecret)", "  - task: AzureCLI@2", "    inputs:", "      azureSubscription: prod-connection")
    elif r < 0.66:
        d.add("deploy:", "  script:", "    - 'curl -H \"PRIVATE-TOKEN: $GITLAB_API_TOKEN\" \"$CI_API_V4_URL/projects/$CI_PROJECT_ID/releases\"'",
              "    - 'curl -H \"Authorization: Bearer ${VERCEL_TOKEN}\" https://api.vercel.com/v9/projects'",
              "    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin $CI_REGISTRY")
    else:
        d.add("@echo off", "set API_URL=https://api.acme-corp.io", "curl -H \"Authorization: Bearer %API_TOKEN%\" %API_URL%/v1/health",
              "set PGPASSWORD=%DB_PASSWORD%", "psql -h db.internal -U app -c \"select 1\"")
        d.path = d.path.rsplit("/", 1)[0] + "/deploy.bat"
    return "CI variable references ($(X), $X, %X%)"


def n2_compose_refs(d):
    d.add("services:", "  api:", "    image: ghcr.io/acme/api@sha256:" + rs(HEX, 64), "    environment:", "      - DB_PASSWORD=${DB_PASSWORD:?required}",
          "      - STRIPE_SECRET_KEY", "      - API_KEY_FILE=/run/secrets/api_key", "    secrets:", "      - api_key", "secrets:", "  api_key:",
          "    file: ./secrets/api_key.txt")
    return "docker-compose env references / docker secrets"


def n2_aws_config(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.aws/config"
    acct = rs(DIGITS, 12)
    d.add("[default]", "region = eu-west-1", "output = json", "", "[profile prod]", f"role_arn = arn:aws:iam::{acct}:role/Deployer",
          "source_profile = default", f"mfa_serial = arn:aws:iam::{rs(DIGITS, 12)}:mfa/jane", "", "[profile sso]",
          f"sso_start_url = https://d-{rs(HEX, 10)}.awsapps.com/start", f"sso_account_id = {acct}", "sso_role_name = ReadOnly",
          "", "[profile vault]", "credential_process = aws-vault exec prod --json")
    return "~/.aws/config without keys"


def n2_postman_env_refs(d):
    env = {"id": uuid4(), "name": "staging", "values": [
        {"key": "baseUrl", "value": "https://staging-api.acme-corp.io", "enabled": True},
        {"key": "accessToken", "value": "", "type": "secret", "enabled": True},
        {"key": "apiKey", "value": "{{vault:api-key}}", "type": "secret", "enabled": True},
        {"key": "userId", "value": uuid4(), "enabled": True}], "_postman_variable_scope": "environment"}
    d.add(json.dumps(env, indent="\t"))
    return "Postman env with empty / vault values"


def n2_kafka_refs(d):
    d.add("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
          "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${KAFKA_USER}\" password=\"${file:/etc/kafka/secrets.properties:password}\";",
          "ssl.truststore.location=/etc/kafka/truststore.jks", "ssl.endpoint.identification.algorithm=https")
    return "Kafka JAAS with config-provider refs"


def n2_url_placeholders(d):
    sample(d, ["MONGO_URI=mongodb+srv://<username>:<password>@cluster0.abcde.mongodb.net/test",
               "DATABASE_URL=postgres://${PGUSER}:${PGPASSWORD}@${PGHOST}:5432/app",
               "MAILER_DSN=smtp://%env(SMTP_USER)%:%env(SMTP_PASSWORD)%@smtp.example.com:587",
               "JDBC_URL=jdbc:mysql://localhost:3306/app?user=root&password=",
               "AMQP_URL=amqp://guest:guest@localhost:5672/",
               "REDIS_URL=redis://:@localhost:6379/0",
               "GIT_REMOTE=https://${GITHUB_ACTOR}:${GITHUB_TOKEN}@github.com/acme/app.git"])
    return "connection URLs with placeholders / well-known local defaults"


def n2_helm_refs(d):
    d.add("#!/usr/bin/env bash", f"helm upgrade --install {svc()} ./chart \\", "  --set image.tag=" + rs(HEX, 40) + " \\",
          "  --set postgresql.auth.password=\"$DB_PASSWORD\" \\", "  --set-file tls.crt=./certs/tls.crt \\",
          "  --set secrets.stripeKey=\"$(aws secretsmanager get-secret-value --secret-id prod/stripe --query SecretString --output text)\"")
    return "helm --set with env refs and git sha"


def n2_readme_placeholders(d):
    d.add("## Configuration", "", "```bash", "export OPENAI_API_KEY=sk-...", "export ANTHROPIC_API_KEY=\"<your-anthropic-key>\"",
          "export GITHUB_TOKEN=$(gh auth token)", "export STRIPE_SECRET_KEY=$(op read op://Prod/Stripe/secret)", "```", "",
          "Your key looks like `hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`; never commit it.")
    return "README with placeholder exports"


def n2_code_env(d):
    r = R.random()
    if r < 0.25:
        d.path = d.path.rsplit("/", 1)[0] + "/Config.kt"
        d.add("object Config {", "    val stripeKey: String = System.getenv(\"STRIPE_SECRET_KEY\") ?: error(\"missing\")",
              "    val dbPassword = System.getenv(\"DB_PASSWORD\")", "}")
    elif r < 0.5:
        d.path = d.path.rsplit("/", 1)[0] + "/Env.swift"
        d.add("enum Env {", "    static let apiKey = ProcessInfo.processInfo.environment[\"API_KEY\"] ?? \"\"",
              "    static let token = Bundle.main.object(forInfoDictionaryKey: \"GITHUB_TOKEN\") as? String", "}")
    elif r < 0.75:
        d.path = d.path.rsplit("/", 1)[0] + "/runtime.exs"
        d.add("import Config", "config :app, App.Repo,", "  password: System.fetch_env!(\"DB_PASSWORD\"),",
              "  ssl: true", "config :app, :stripe_key, System.get_env(\"STRIPE_SECRET_KEY\")")
    else:
        d.path = d.path.rsplit("/", 1)[0] + "/config.go"
        d.add("package config", "", "var Prod = Config{", "\tPassword: os.Getenv(\"DB_PASSWORD\"),", "\tAPIKey:   mustEnv(\"DATADOG_API_KEY\"),", "}")
    return "env lookups in Kotlin/Swift/Elixir/Go"


NEGATIVE = [
    (n2_spring_refs, ["src/main/resources/application.yml"]),
    (n2_rails_erb, ["config/database.yml"]),
    (n2_django_env, ["mysite/settings.py"]),
    (n2_wp_sample, ["wp-config-sample.php"]),
    (n2_tfvars_refs, ["terraform.tfvars", "envs/staging.auto.tfvars"]),
    (n2_tfstate_ids, ["terraform.tfstate"]),
    (n2_sops_json, ["secrets/prod.enc.json"]),
    (n2_secret_refs, ["config/secrets.yaml", "helm/values-prod.yaml"]),
    (n2_ci_refs, ["azure-pipelines.yml", ".gitlab-ci.yml", "ci/build.cmd"]),
    (n2_compose_refs, ["docker-compose.yml"]),
    (n2_aws_config, [".aws/config"]),
    (n2_postman_env_refs, ["postman/staging.postman_environment.json"]),
    (n2_kafka_refs, ["kafka/client.properties"]),
    (n2_url_placeholders, [".env.sample", "config/urls.env"]),
    (n2_helm_refs, ["deploy/upgrade.sh"]),
    (n2_readme_placeholders, ["README.md", "docs/config.md"]),
    (n2_code_env, ["src/config.x"]),
]
