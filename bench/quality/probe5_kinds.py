"""probe5 credential kinds.

Each kind: name, provider, a generator (random.Random -> cred), the provider
documentation URL it was modelled on (`doc`), and `unc=True` when the exact
format (prefix/length/alphabet) could not be confirmed from a primary source
while writing this probe.

A cred is a dict {kind, provider, shape, tags, meta, fields}; every field is
{var, value, secret, kind, provider, reason, alts}. Fields with secret=None are
identifiers that travel with the secret (labelled "ignore").
"""
import json

from probe5_util import (ALNUM, ALNUML, ALNUMU, B32, B32L, B64, B64U, BECH32, DIG, HEXL,
                         HEXU, LOW, UP, b64, b64u_nopad, crc32_b62_token, jwt, qurl,
                         rand_password, rb64, rbytes, rs, rs_mixed, uuid4, username,
                         email, word, company, host, domain, epoch, REGIONS, pick)
import probe5_keys as keys


KINDS = []
_BY_NAME = {}


def K(name, provider, gen, doc, unc=True, var="API_KEY", shape="tok", tags=(),
      fam="saas"):
    k = dict(name=name, provider=provider, gen=gen, doc=doc, unc=unc, var=var,
             shape=shape, tags=tuple(tags), fam=fam)
    assert name not in _BY_NAME, name
    KINDS.append(k)
    _BY_NAME[name] = k
    return k


def by_name(n):
    return _BY_NAME[n]


def T(*parts):
    """Token template: literals and (alphabet, length) tuples."""
    def g(r):
        out = []
        for p in parts:
            if isinstance(p, tuple):
                out.append(rs_mixed(r, p[0], p[1]) if len(p) == 2 else rs(r, p[0], p[1]))
            elif callable(p):
                out.append(p(r))
            else:
                out.append(p)
        return "".join(out)
    return g


def F(var, value, secret=True, kind=None, provider=None, reason=None, alts=None):
    return dict(var=var, value=value, secret=(value if secret is True else secret),
                kind=kind, provider=provider, reason=reason, alts=list(alts or []))


def make(kind, r):
    """Instantiate a cred for kind."""
    out = kind["gen"](r)
    if isinstance(out, str):
        fields = [F(kind["var"], out)]
        meta = {}
    else:
        fields, meta = out
    for f in fields:
        if f["secret"] is not None:
            f["kind"] = f["kind"] or kind["name"]
            f["provider"] = f["provider"] or kind["provider"]
        f["multiline"] = "\n" in f["value"]
    return dict(kind=kind["name"], provider=kind["provider"], shape=kind["shape"],
                tags=kind["tags"], fam=kind["fam"], meta=meta, fields=fields)


def n_secrets(cred):
    return sum(1 for f in cred["fields"] if f["secret"] is not None)


def ident(var, value, reason):
    return F(var, value, secret=None, reason=reason)


# ---------------------------------------------------------------- helpers

def akid(r, pre="AKIA"):
    return pre + rs(r, B32, 16)


def pair(secret_var, secret_gen, id_var, id_gen, reason, meta=None):
    def g(r):
        return ([ident(id_var, id_gen(r), reason), F(secret_var, secret_gen(r))],
                dict(meta or {}))
    return g


def url_cred(scheme_fn, var, provider_host, user_fn=None, pw_fn=None, path_fn=None,
             query_fn=None, port_fn=None):
    def g(r):
        user = (user_fn or username)(r)
        pw = (pw_fn or (lambda rr: rand_password(rr, rr.randint(14, 28))))(r)
        h = provider_host(r)
        scheme = scheme_fn(r)
        enc = qurl(pw)
        portpart = port_fn(r) if port_fn else ""
        url = "%s://%s:%s@%s%s%s%s" % (scheme, qurl(user), enc, h, portpart,
                                       path_fn(r) if path_fn else "",
                                       query_fn(r) if query_fn else "")
        alts = [enc] if enc != pw else []
        return ([F(var, url, secret=pw, alts=alts)],
                dict(user=user, password=pw, host=h, scheme=scheme))
    return g


def gh(prefix):
    return lambda r: crc32_b62_token(r, prefix)


def az_ident_key(sig, total_bytes, sig_pos):
    """Base64 key with a fixed signature at a fixed position (Azure identifiable keys)."""
    def g(r):
        nchars = ((total_bytes + 2) // 3) * 4
        pad = "=" * ((3 - total_bytes % 3) % 3)
        body = rs(r, B64, nchars - len(pad) - len(sig))
        s = body[:sig_pos] + sig + body[sig_pos:]
        return s + pad
    return g


def b64key(nbytes):
    return lambda r: rb64(r, nbytes)


# ================================================================= CLOUD

DOC_AWS_KEYS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"
DOC_AWS_ACCESSKEY = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html"

K("aws-secret-access-key", "AWS",
  pair("AWS_SECRET_ACCESS_KEY", T((B64[:-2] + "+/", 40)), "AWS_ACCESS_KEY_ID", akid,
       "AWS access key ID paired with the secret key"),
  DOC_AWS_KEYS, unc=False, tags=("aws",), fam="cloud")


def _aws_sts(r):
    tok = "IQoJb3JpZ2luX2Vj" + rs(r, B64, r.choice((556, 600, 640, 712))) + "="
    return ([ident("AWS_ACCESS_KEY_ID", akid(r, "ASIA"), "temporary AWS access key ID (ASIA)"),
             F("AWS_SECRET_ACCESS_KEY", rs(r, B64, 40), kind="aws-secret-access-key"),
             F("AWS_SESSION_TOKEN", tok)], {})


K("aws-session-token", "AWS", _aws_sts,
  "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html",
  unc=True, tags=("aws",), fam="cloud")
K("aws-bedrock-api-key", "AWS Bedrock",
  lambda r: "ABSK" + b64("BedrockAPIKey-%s-at-%s:%s" % (rs(r, ALNUML, 4), rs(r, DIG, 12),
                                                         rs(r, B64, 40))),
  "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
  var="AWS_BEARER_TOKEN_BEDROCK", fam="ai")


def _gcp_sa(r):
    proj = "%s-%s-%d" % (word(r), word(r), r.randint(100000, 999999))
    sa = "%s@%s.iam.gserviceaccount.com" % (r.choice(("terraform", "deployer", "ci-runner",
                                                        "bigquery-loader", "app-backend")), proj)
    k = keys.rsa_numbers(r)
    pk = keys.rsa_pkcs8_pem(k) + "\n"
    kid = rs(r, HEXL, 40)
    cid = rs(r, DIG, 21)
    obj = [("type", "service_account"), ("project_id", proj), ("private_key_id", kid),
           ("private_key", pk), ("client_email", sa), ("client_id", cid),
           ("auth_uri", "https://accounts.google.com/o/oauth2/auth"),
           ("token_uri", "https://oauth2.googleapis.com/token"),
           ("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs"),
           ("client_x509_cert_url", "https://www.googleapis.com/robot/v1/metadata/x509/"
            + sa.replace("@", "%40")),
           ("universe_domain", "googleapis.com")]
    return ([F("GOOGLE_PRIVATE_KEY", pk, secret=pk.rstrip("\n")),
             ident("GOOGLE_PRIVATE_KEY_ID", kid, "service-account private_key_id (key identifier)"),
             ident("GOOGLE_CLIENT_ID", cid, "service-account numeric client_id")],
            dict(sa_obj=obj, email=sa, project=proj))


K("gcp-service-account-key", "Google Cloud", _gcp_sa,
  "https://cloud.google.com/iam/docs/keys-create-delete", unc=False, shape="sa",
  tags=("gcp",), fam="cloud")
K("gcp-api-key", "Google Cloud", T("AIza", (B64U, 35)),
  "https://cloud.google.com/docs/authentication/api-keys", unc=False,
  var="GOOGLE_API_KEY", fam="cloud")
K("google-oauth-client-secret", "Google OAuth",
  pair("GOOGLE_CLIENT_SECRET", T("GOCSPX-", (B64U, 28)), "GOOGLE_CLIENT_ID",
       T((DIG, 12), "-", (ALNUML, 32), ".apps.googleusercontent.com"),
       "OAuth client ID"),
  "https://developers.google.com/identity/protocols/oauth2", fam="cloud")
K("google-oauth-refresh-token", "Google OAuth", T("1//0", (ALNUM, 1), (B64U, 98)),
  "https://developers.google.com/identity/protocols/oauth2", var="GOOGLE_REFRESH_TOKEN",
  fam="cloud")
K("google-oauth-access-token", "Google OAuth", T("ya29.a0", (B64U, 160)),
  "https://developers.google.com/identity/protocols/oauth2", var="GOOGLE_ACCESS_TOKEN",
  fam="cloud")
K("gemini-api-key", "Google Gemini", T("AIza", (B64U, 35)),
  "https://ai.google.dev/gemini-api/docs/api-key", unc=False, var="GEMINI_API_KEY", fam="ai")
K("firebase-fcm-server-key", "Firebase Cloud Messaging",
  T("AAAA", (B64U, 7), ":APA91b", (B64U, 134)),
  "https://firebase.google.com/docs/cloud-messaging/auth-server", var="FCM_SERVER_KEY",
  fam="cloud")
K("firebase-database-secret", "Firebase Realtime Database", T((ALNUM, 40)),
  "https://firebase.google.com/docs/database/rest/auth", var="FIREBASE_DATABASE_SECRET",
  fam="cloud")

DOC_AZ_STORAGE = "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage"
K("azure-storage-account-key", "Azure Storage", az_ident_key("+ASt", 64, 76), DOC_AZ_STORAGE,
  var="AZURE_STORAGE_KEY", fam="cloud")


def _az_conn(r):
    acct = "%s%s%d" % (company(r), word(r), r.randint(1, 99))
    key = az_ident_key("+ASt", 64, 76)(r)
    cs = ("DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net"
          % (acct[:24], key))
    return [F("AZURE_STORAGE_CONNECTION_STRING", cs, secret=key)], dict(account=acct[:24])


K("azure-storage-connection-string", "Azure Storage", _az_conn,
  "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string",
  unc=False, fam="cloud")


def _az_sas(r):
    acct = ("%s%s" % (company(r), word(r)))[:24]
    sig = rb64(r, 32)
    se = "20%02d-%02d-%02dT%02d:%02d:%02dZ" % (r.randint(26, 27), r.randint(1, 12),
                                                 r.randint(1, 28), r.randint(0, 23),
                                                 r.randint(0, 59), r.randint(0, 59))
    st = "20%02d-01-%02dT00:00:00Z" % (r.randint(23, 25), r.randint(1, 28))
    sas = ("sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=%s&st=%s&spr=https&sig=%s"
           % (qurl(se), qurl(st), qurl(sig)))
    url = "https://%s.blob.core.windows.net/%s?%s" % (acct, word(r), sas)
    return [F("AZURE_BLOB_SAS_URL", url, secret=sig, alts=[qurl(sig)])], {}


K("azure-sas-token", "Azure Storage", _az_sas,
  "https://learn.microsoft.com/rest/api/storageservices/create-account-sas", unc=False,
  fam="cloud")


def _az_client_secret(r):
    s = rs(r, ALNUM + "_~.-", 3) + r.choice(DIG) + "Q~" + rs(r, ALNUM + "_~.-", 34)
    return ([ident("AZURE_TENANT_ID", uuid4(r), "Entra ID tenant ID"),
             ident("AZURE_CLIENT_ID", uuid4(r), "Entra ID application (client) ID"),
             F("AZURE_CLIENT_SECRET", s)], {})


K("azure-entra-client-secret", "Microsoft Entra ID", _az_client_secret,
  "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
  fam="cloud")
K("azure-devops-pat", "Azure DevOps", T((ALNUM, 76), "AZDO", (ALNUM, 4)),
  "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
  var="AZURE_DEVOPS_PAT", tags=("git",), fam="vcs")
K("azure-devops-pat-legacy", "Azure DevOps", T((B32L, 52)),
  "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
  var="AZURE_DEVOPS_EXT_PAT", tags=("git",), fam="vcs")


def _cosmos(r):
    key = az_ident_key("ACDb", 64, 76)(r)
    acct = "%s-%s" % (company(r), word(r))
    return [F("COSMOS_CONNECTION_STRING",
              "AccountEndpoint=https://%s.documents.azure.com:443/;AccountKey=%s;" % (acct, key),
              secret=key)], {}


K("azure-cosmosdb-key", "Azure Cosmos DB", _cosmos,
  "https://learn.microsoft.com/azure/cosmos-db/secure-access-to-data", fam="cloud")


def _sb(r, sig, host_sfx, var):
    def g(rr):
        key = az_ident_key(sig, 32, 33)(rr)
        ns = "%s-%s" % (company(rr), word(rr))
        cs = ("Endpoint=sb://%s.%s/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s"
              % (ns, host_sfx, key))
        return [F(var, cs, secret=key)], {}
    return g


K("azure-service-bus-key", "Azure Service Bus",
  _sb(None, "+ASb", "servicebus.windows.net", "SERVICEBUS_CONNECTION_STRING"),
  "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas", fam="cloud")
K("azure-event-hubs-key", "Azure Event Hubs",
  _sb(None, "+AEh", "servicebus.windows.net", "EVENTHUB_CONNECTION_STRING"),
  "https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature",
  fam="cloud")
K("azure-function-key", "Azure Functions", T((B64U, 44), "AzFu", (B64U, 6), "=="),
  "https://learn.microsoft.com/azure/azure-functions/function-keys-how-to",
  var="AZURE_FUNCTION_KEY", fam="cloud")
K("azure-search-admin-key", "Azure AI Search", T((ALNUM, 42), "AzSe", (ALNUM, 6)),
  "https://learn.microsoft.com/azure/search/search-security-api-keys",
  var="AZURE_SEARCH_ADMIN_KEY", fam="cloud")
K("azure-container-registry-password", "Azure Container Registry",
  T((ALNUM + "+/", 42), "+ACR", (ALNUM, 6)),
  "https://learn.microsoft.com/azure/container-registry/container-registry-authentication",
  var="ACR_PASSWORD", tags=("registry",), fam="cloud")
K("azure-openai-key", "Azure OpenAI", T((HEXL, 32)),
  "https://learn.microsoft.com/azure/ai-services/openai/reference", var="AZURE_OPENAI_API_KEY",
  fam="ai")

DOC_DO = "https://docs.digitalocean.com/reference/api/create-personal-access-token/"
K("digitalocean-pat", "DigitalOcean", T("dop_v1_", (HEXL, 64)), DOC_DO,
  var="DIGITALOCEAN_TOKEN", fam="cloud")
K("digitalocean-oauth-token", "DigitalOcean", T("doo_v1_", (HEXL, 64)),
  "https://docs.digitalocean.com/reference/api/oauth/", var="DO_OAUTH_TOKEN", fam="cloud")
K("digitalocean-refresh-token", "DigitalOcean", T("dor_v1_", (HEXL, 64)),
  "https://docs.digitalocean.com/reference/api/oauth/", var="DO_REFRESH_TOKEN", fam="cloud")
K("digitalocean-spaces-secret", "DigitalOcean Spaces",
  pair("SPACES_SECRET_ACCESS_KEY", T((B64, 43)), "SPACES_ACCESS_KEY_ID",
       T("DO00", (ALNUMU, 16)), "Spaces access key ID"),
  "https://docs.digitalocean.com/products/spaces/how-to/manage-access/", fam="cloud")
K("alibaba-access-key-secret", "Alibaba Cloud",
  pair("ALIBABA_CLOUD_ACCESS_KEY_SECRET", T((ALNUM, 30)), "ALIBABA_CLOUD_ACCESS_KEY_ID",
       T("LTAI5t", (ALNUM, 18)), "Alibaba AccessKey ID"),
  "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", fam="cloud")
K("ibm-cloud-api-key", "IBM Cloud", T((B64U, 44)),
  "https://cloud.ibm.com/docs/account?topic=account-userapikey", var="IBMCLOUD_API_KEY",
  fam="cloud")
K("ibm-cos-hmac-secret", "IBM Cloud Object Storage",
  pair("COS_HMAC_SECRET_ACCESS_KEY", T((HEXL, 48)), "COS_HMAC_ACCESS_KEY_ID",
       T((HEXL, 32)), "COS HMAC access key ID"),
  "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-uhc-hmac-credentials-main",
  fam="cloud")


def _oci(r):
    k = keys.rsa_numbers(r)
    pk = keys.rsa_pkcs1_pem(k) if r.random() < 0.5 else keys.rsa_pkcs8_pem(k)
    fp = ":".join(rs(r, HEXL, 2, check=False) for _ in range(16))
    return ([ident("OCI_USER_OCID", "ocid1.user.oc1..aaaaaaaa" + rs(r, B32L, 52), "OCI user OCID"),
             ident("OCI_FINGERPRINT", fp, "API signing key fingerprint"),
             F("OCI_PRIVATE_KEY", pk)], {})


K("oci-api-signing-key", "Oracle Cloud (OCI)", _oci,
  "https://docs.oracle.com/iaas/Content/API/Concepts/apisigningkey.htm", unc=False,
  shape="pem", fam="cloud")
K("oci-customer-secret-key", "Oracle Cloud (OCI)",
  pair("OCI_S3_SECRET_KEY", T((B64, 43), "="), "OCI_S3_ACCESS_KEY", T((HEXL, 40)),
       "customer secret key access key ID"),
  "https://docs.oracle.com/iaas/Content/Identity/Tasks/managingcredentials.htm", fam="cloud")
K("linode-pat", "Linode (Akamai)", T((HEXL, 64)),
  "https://techdocs.akamai.com/linode-api/reference/get-started", var="LINODE_TOKEN",
  fam="cloud")
K("hetzner-cloud-token", "Hetzner Cloud", T((ALNUM, 64)),
  "https://docs.hetzner.cloud/#authentication", var="HCLOUD_TOKEN", fam="cloud")
K("scaleway-secret-key", "Scaleway",
  pair("SCW_SECRET_KEY", uuid4, "SCW_ACCESS_KEY", T("SCW", (ALNUMU, 17)),
       "Scaleway access key ID"),
  "https://www.scaleway.com/en/docs/iam/concepts/#api-key", fam="cloud")
K("vultr-api-key", "Vultr", T((ALNUMU, 36)), "https://www.vultr.com/api/#section/Authentication",
  var="VULTR_API_KEY", fam="cloud")
K("cloudflare-api-token", "Cloudflare", T((B64U, 40)),
  "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
  var="CLOUDFLARE_API_TOKEN", fam="cloud")
K("cloudflare-global-api-key", "Cloudflare",
  lambda r: ([ident("CLOUDFLARE_EMAIL", email(r), "account e-mail used with the global key"),
              F("CLOUDFLARE_API_KEY", rs(r, HEXL, 37))], {}),
  "https://developers.cloudflare.com/fundamentals/api/get-started/keys/", fam="cloud")
K("cloudflare-origin-ca-key", "Cloudflare", T("v1.0-", (HEXL, 24), "-", (HEXL, 146)),
  "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
  var="CF_ORIGIN_CA_KEY", fam="cloud")
K("ovh-application-secret", "OVHcloud",
  lambda r: ([ident("OVH_APPLICATION_KEY", rs_mixed(r, ALNUM, 16), "OVH application key (identifier)"),
              F("OVH_APPLICATION_SECRET", rs_mixed(r, ALNUM, 32)),
              F("OVH_CONSUMER_KEY", rs_mixed(r, ALNUM, 32), kind="ovh-application-secret")], {}),
  "https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api", fam="cloud")
K("tencent-cloud-secret-key", "Tencent Cloud",
  pair("TENCENTCLOUD_SECRET_KEY", T((ALNUM, 32)), "TENCENTCLOUD_SECRET_ID",
       T("AKID", (ALNUM, 32)), "Tencent SecretId"),
  "https://www.tencentcloud.com/document/product/598/32675", fam="cloud")
K("huawei-cloud-sk", "Huawei Cloud",
  pair("HUAWEICLOUD_SDK_SK", T((ALNUM, 40)), "HUAWEICLOUD_SDK_AK", T((ALNUMU, 20)),
       "Huawei access key ID"),
  "https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html", fam="cloud")
K("yandex-cloud-api-key", "Yandex Cloud", T("AQVN", (B64U, 36)),
  "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key", var="YC_API_KEY",
  fam="cloud")
K("backblaze-b2-application-key", "Backblaze B2",
  pair("B2_APPLICATION_KEY", T("K005", (ALNUM + "/+", 27)), "B2_APPLICATION_KEY_ID",
       T("005", (HEXL, 22)), "B2 application key ID"),
  "https://www.backblaze.com/docs/cloud-storage-application-keys", fam="cloud")
K("render-api-key", "Render", T("rnd_", (ALNUM, 32)), "https://render.com/docs/api#1-create-an-api-key",
  var="RENDER_API_KEY", fam="paas")
K("railway-token", "Railway", uuid4, "https://docs.railway.com/guides/public-api",
  var="RAILWAY_TOKEN", fam="paas")
K("heroku-api-key", "Heroku", T("HRKU-AA", (B64U, 58)),
  "https://devcenter.heroku.com/articles/authentication", var="HEROKU_API_KEY", fam="paas")
K("heroku-api-key-legacy", "Heroku", uuid4, "https://devcenter.heroku.com/articles/authentication",
  var="HEROKU_API_KEY", fam="paas")


def _fly(r):
    sec = "fm2_" + b64(rbytes(r, 150)) + ",fm2_" + b64(rbytes(r, 90))
    return [F("FLY_API_TOKEN", "FlyV1 " + sec, secret=sec)], {}


K("flyio-token", "Fly.io", _fly, "https://fly.io/docs/security/tokens/", fam="paas")
K("vercel-token", "Vercel", T((ALNUM, 24)),
  "https://vercel.com/docs/rest-api#creating-an-access-token", var="VERCEL_TOKEN", fam="paas")
K("netlify-pat", "Netlify", T("nfp_", (ALNUM, 36)),
  "https://docs.netlify.com/api/get-started/#authentication", var="NETLIFY_AUTH_TOKEN",
  fam="paas")
K("supabase-pat", "Supabase", T("sbp_", (HEXL, 40)),
  "https://supabase.com/docs/reference/api/introduction", var="SUPABASE_ACCESS_TOKEN",
  fam="paas")
K("supabase-secret-key", "Supabase", T("sb_secret_", (B64U, 22), "_", (HEXL, 8)),
  "https://supabase.com/docs/guides/api/api-keys", var="SUPABASE_SECRET_KEY", fam="paas")


def _supa_jwt(r):
    ref = rs(r, LOW, 20)
    iat = epoch(r)
    t = jwt(r, {"iss": "supabase", "ref": ref, "role": "service_role", "iat": iat,
                "exp": iat + 315360000})
    return [F("SUPABASE_SERVICE_ROLE_KEY", t)], dict(ref=ref)


K("supabase-service-role-jwt", "Supabase", _supa_jwt,
  "https://supabase.com/docs/guides/api/api-keys", unc=False, fam="paas")
K("planetscale-password", "PlanetScale", T("pscale_pw_", (B64U, 43)),
  "https://planetscale.com/docs/concepts/connection-strings", var="DATABASE_PASSWORD",
  fam="db")
K("planetscale-service-token", "PlanetScale", T("pscale_tkn_", (B64U, 43)),
  "https://planetscale.com/docs/concepts/service-tokens", var="PLANETSCALE_SERVICE_TOKEN",
  fam="db")
K("neon-api-key", "Neon", T("napi_", (ALNUML, 60)), "https://neon.tech/docs/manage/api-keys",
  var="NEON_API_KEY", fam="db")
K("databricks-pat", "Databricks", T("dapi", (HEXL, 32)),
  "https://docs.databricks.com/en/dev-tools/auth/pat.html", var="DATABRICKS_TOKEN", fam="data")
K("mongodb-atlas-api-key", "MongoDB Atlas",
  pair("MONGODB_ATLAS_PRIVATE_KEY", uuid4, "MONGODB_ATLAS_PUBLIC_KEY", T((LOW, 8)),
       "Atlas programmatic API public key (identifier)"),
  "https://www.mongodb.com/docs/atlas/configure-api-access/", fam="db")
K("upstash-redis-token", "Upstash", T("A", (B64U, 3), "ASQg", (B64U, 52)),
  "https://upstash.com/docs/redis/features/restapi", var="UPSTASH_REDIS_REST_TOKEN", fam="db")

# ============================================================ DATABASE URLs

_dbname = lambda r: "/" + r.choice(("app", "prod", "orders", "analytics", "main", "core_db",
                                    "billing", "users"))
K("postgres-url", "PostgreSQL",
  url_cred(lambda r: r.choice(("postgres", "postgresql")), "DATABASE_URL",
           lambda r: r.choice((host(r), "%s.%s.rds.amazonaws.com" % (word(r), pick(r, REGIONS)),
                               "ep-%s-%s-%s.%s.aws.neon.tech" % (word(r), word(r), rs(r, ALNUML, 8),
                                                                  pick(r, REGIONS)))),
           port_fn=lambda r: ":5432", path_fn=_dbname,
           query_fn=lambda r: r.choice(("", "?sslmode=require", "?sslmode=verify-full"))),
  "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING", unc=False,
  shape="url", tags=("db",), fam="db")
K("mysql-url", "MySQL",
  url_cred(lambda r: r.choice(("mysql", "mysql2", "mysql+pymysql")), "DATABASE_URL", host,
           port_fn=lambda r: ":3306", path_fn=_dbname),
  "https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html",
  unc=False, shape="url", tags=("db",), fam="db")
K("mongodb-srv-url", "MongoDB",
  url_cred(lambda r: "mongodb+srv", "MONGODB_URI",
           lambda r: "cluster0.%s.mongodb.net" % rs(r, ALNUML, 5), path_fn=_dbname,
           query_fn=lambda r: "?retryWrites=true&w=majority&appName=Cluster0"),
  "https://www.mongodb.com/docs/manual/reference/connection-string/", unc=False, shape="url",
  tags=("db",), fam="db")
K("mongodb-url", "MongoDB",
  url_cred(lambda r: "mongodb", "MONGO_URL",
           lambda r: "mongo-0.%s:27017,mongo-1.%s:27017" % (domain(r), domain(r)),
           path_fn=_dbname, query_fn=lambda r: "?replicaSet=rs0&authSource=admin"),
  "https://www.mongodb.com/docs/manual/reference/connection-string/", unc=False, shape="url",
  tags=("db",), fam="db")
K("redis-url", "Redis",
  url_cred(lambda r: r.choice(("redis", "rediss")), "REDIS_URL", host,
           user_fn=lambda r: r.choice(("default", "app", username(r))),
           port_fn=lambda r: r.choice((":6379", ":6380", ":25061")),
           path_fn=lambda r: "/%d" % r.randint(0, 3)),
  "https://www.iana.org/assignments/uri-schemes/prov/redis", unc=False, shape="url",
  tags=("db",), fam="db")
K("amqp-url", "RabbitMQ",
  url_cred(lambda r: r.choice(("amqp", "amqps")), "AMQP_URL", host,
           port_fn=lambda r: r.choice((":5672", ":5671")),
           path_fn=lambda r: "/" + r.choice(("%2F", "prod", "events"))),
  "https://www.rabbitmq.com/docs/uri-spec", unc=False, shape="url", tags=("db",), fam="db")
K("nats-url", "NATS",
  url_cred(lambda r: "nats", "NATS_URL", host, port_fn=lambda r: ":4222"),
  "https://docs.nats.io/using-nats/developer/connecting", shape="url", tags=("db",), fam="db")
K("clickhouse-url", "ClickHouse",
  url_cred(lambda r: "clickhouse", "CLICKHOUSE_URL",
           lambda r: "%s.%s.aws.clickhouse.cloud" % (rs(r, ALNUML, 10), pick(r, REGIONS)),
           user_fn=lambda r: "default", port_fn=lambda r: ":9440", path_fn=_dbname,
           query_fn=lambda r: "?secure=true"),
  "https://clickhouse.com/docs/en/interfaces/cli", shape="url", tags=("db",), fam="db")
K("cockroachdb-url", "CockroachDB",
  url_cred(lambda r: "postgresql", "COCKROACH_URL",
           lambda r: "%s-%d.%s.cockroachlabs.cloud" % (word(r), r.randint(1000, 9999),
                                                      r.choice(("gcp-us-central1", "aws-us-east-1"))),
           port_fn=lambda r: ":26257", path_fn=lambda r: "/defaultdb",
           query_fn=lambda r: "?sslmode=verify-full"),
  "https://www.cockroachlabs.com/docs/stable/connection-parameters", shape="url",
  tags=("db",), fam="db")
K("elasticsearch-url", "Elasticsearch",
  url_cred(lambda r: "https", "ELASTICSEARCH_URL",
           lambda r: "%s.es.%s.aws.found.io" % (rs(r, HEXL, 32), pick(r, REGIONS)),
           user_fn=lambda r: "elastic", port_fn=lambda r: ":9243"),
  "https://www.elastic.co/guide/en/elasticsearch/reference/current/http-clients.html",
  shape="url", tags=("db",), fam="db")
K("snowflake-url", "Snowflake",
  url_cred(lambda r: "snowflake", "SNOWFLAKE_URL",
           lambda r: "%s-%s" % (rs(r, UP, 7), rs(r, UP, 7)),
           path_fn=lambda r: "/%s/PUBLIC" % r.choice(("ANALYTICS", "RAW", "DWH")),
           query_fn=lambda r: "?warehouse=COMPUTE_WH&role=TRANSFORMER"),
  "https://docs.snowflake.com/en/developer-guide/python-connector/sqlalchemy", shape="url",
  tags=("db",), fam="data")
K("smtp-url", "SMTP relay",
  url_cred(lambda r: r.choice(("smtp", "smtps")), "SMTP_URL",
           lambda r: r.choice(("smtp.mailgun.org", "smtp.sendgrid.net", "email-smtp.%s.amazonaws.com"
                               % pick(r, REGIONS), "smtp." + domain(r))),
           port_fn=lambda r: r.choice((":587", ":465"))),
  "https://datatracker.ietf.org/doc/html/rfc5321", shape="url", fam="generic")
K("ftp-url", "FTP",
  url_cred(lambda r: r.choice(("ftp", "sftp", "ftps")), "FTP_URL",
           lambda r: "files." + domain(r), path_fn=lambda r: "/upload/"),
  "https://datatracker.ietf.org/doc/html/rfc1738", unc=False, shape="url", fam="generic")
K("basic-auth-url", "HTTP basic auth",
  url_cred(lambda r: "https", "SERVICE_URL",
           lambda r: r.choice(("registry.", "nexus.", "artifacts.", "jenkins.", "grafana.",
                               "elastic.")) + domain(r),
           path_fn=lambda r: r.choice(("/", "/api/v1/", "/repository/maven-releases/"))),
  "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1", unc=False, shape="url",
  fam="generic")


def _mssql(r):
    pw = rand_password(r, r.randint(14, 24)).replace(";", "!")
    h = "%s-%s.database.windows.net" % (company(r), word(r))
    cs = ("Server=tcp:%s,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;"
          "Password=%s;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;"
          "Connection Timeout=30;" % (h, word(r), username(r), pw))
    return [F("SQLSERVER_CONNECTION_STRING", cs, secret=pw)], dict(password=pw)


K("mssql-connection-string", "Microsoft SQL Server", _mssql,
  "https://learn.microsoft.com/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring",
  unc=False, tags=("db", "semi"), fam="db")


def _jdbc(r):
    pw = rand_password(r, r.randint(12, 22), symbols=False)
    u = username(r)
    if r.random() < 0.5:
        s = "jdbc:postgresql://%s:5432/%s?user=%s&password=%s&ssl=true" % (host(r), word(r), u, pw)
    else:
        s = "jdbc:oracle:thin:%s/%s@//%s:1521/ORCLPDB1" % (u, pw, host(r))
    return [F("JDBC_URL", s, secret=pw)], dict(password=pw)


K("jdbc-url-password", "JDBC", _jdbc,
  "https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database", unc=False,
  tags=("db",), fam="db")


def _confluent(r):
    return ([ident("CONFLUENT_API_KEY", rs(r, ALNUMU, 16), "Confluent Cloud API key (identifier)"),
             F("CONFLUENT_API_SECRET", rs(r, ALNUM + "+/", 64))], dict(kafka=True))


K("confluent-api-secret", "Confluent Cloud", _confluent,
  "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html",
  tags=("kafka",), fam="data")
K("elastic-api-key", "Elastic",
  lambda r: b64("%s:%s" % (rs(r, B64U, 20), rs(r, B64U, 22))),
  "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html",
  var="ELASTIC_API_KEY", fam="data")

# ===================================================================== VCS / CI

GH_DOC = "https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available"


def gh_cred(prefix, var):
    def g(r):
        tok = crc32_b62_token(r, prefix)
        return [F(var, tok)], dict(host="github.com", user=username(r))
    return g


K("github-pat-classic", "GitHub", gh_cred("ghp_", "GITHUB_TOKEN"), GH_DOC, unc=False,
  tags=("git",), fam="vcs")
K("github-oauth-token", "GitHub", gh_cred("gho_", "GH_OAUTH_TOKEN"), GH_DOC, unc=False,
  tags=("git",), fam="vcs")
K("github-user-to-server-token", "GitHub", gh_cred("ghu_", "GH_USER_TOKEN"), GH_DOC,
  unc=False, tags=("git",), fam="vcs")
K("github-server-to-server-token", "GitHub", gh_cred("ghs_", "GH_INSTALLATION_TOKEN"),
  GH_DOC, unc=False, tags=("git",), fam="vcs")
K("github-refresh-token", "GitHub", gh_cred("ghr_", "GH_REFRESH_TOKEN"), GH_DOC,
  unc=False, fam="vcs")


def _gh_fg(r):
    tok = "github_pat_11" + rs(r, ALNUMU, 9) + "0" + rs(r, ALNUM, 10) + "_" + rs(r, ALNUM, 59)
    return [F("GH_TOKEN", tok)], dict(host="github.com", user=username(r))


K("github-fine-grained-pat", "GitHub", _gh_fg,
  "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
  tags=("git",), fam="vcs")
K("github-oauth-app-secret", "GitHub",
  pair("GITHUB_CLIENT_SECRET", T((HEXL, 40)), "GITHUB_CLIENT_ID",
       lambda r: r.choice(("Ov23li", "Iv1.")) + rs(r, ALNUM if r.random() < .5 else HEXL, 14),
       "GitHub OAuth/App client ID"),
  "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
  fam="vcs")


def _gh_app_key(r):
    k = keys.rsa_numbers(r)
    return ([ident("GITHUB_APP_ID", str(r.randint(100000, 999999)), "GitHub App ID"),
             F("GITHUB_APP_PRIVATE_KEY", keys.rsa_pkcs1_pem(k))], {})


K("github-app-private-key", "GitHub", _gh_app_key,
  "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/managing-private-keys-for-github-apps",
  unc=False, shape="pem", fam="vcs")

GL_DOC = "https://docs.gitlab.com/ee/security/token_overview.html#token-prefixes"


def gl_cred(prefix, var, body):
    def g(r):
        return [F(var, prefix + body(r))], dict(host="gitlab.com", user=username(r))
    return g


K("gitlab-pat", "GitLab", gl_cred("glpat-", "GITLAB_TOKEN", lambda r: rs_mixed(r, B64U[:-2] + "_-", 20)),
  "https://docs.gitlab.com/ee/user/admin_area/settings/account_and_limit_settings.html#personal-access-token-prefix",
  unc=False, tags=("git",), fam="vcs")
K("gitlab-deploy-token", "GitLab", gl_cred("gldt-", "CI_DEPLOY_PASSWORD", lambda r: rs_mixed(r, ALNUM + "_-", 20)),
  "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/138438", unc=False, tags=("git",),
  fam="vcs")
K("gitlab-runner-auth-token", "GitLab", gl_cred("glrt-", "RUNNER_TOKEN", lambda r: rs_mixed(r, ALNUM + "_-", 20)),
  GL_DOC, fam="vcs")
K("gitlab-pipeline-trigger-token", "GitLab", gl_cred("glptt-", "TRIGGER_TOKEN", lambda r: rs(r, HEXL, 40)),
  GL_DOC, fam="vcs")
K("gitlab-feed-token", "GitLab", gl_cred("glft-", "GITLAB_FEED_TOKEN", lambda r: rs_mixed(r, ALNUM + "_-", 20)),
  "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/186538", fam="vcs")
K("gitlab-oauth-app-secret", "GitLab", gl_cred("gloas-", "GITLAB_APP_SECRET", lambda r: rs(r, HEXL, 64)),
  GL_DOC, fam="vcs")
K("gitlab-runner-registration-token", "GitLab",
  gl_cred("GR1348941", "REGISTRATION_TOKEN", lambda r: rs_mixed(r, ALNUM + "_-", 20)), GL_DOC,
  fam="vcs")
K("gitlab-agent-token", "GitLab", gl_cred("glagent-", "GITLAB_AGENT_TOKEN", lambda r: rs_mixed(r, B64U, 50)),
  GL_DOC, fam="vcs")


def _bb_app(r):
    tok = "ATBB" + rs(r, ALNUM, 32) + rs(r, HEXU, 8)
    u = username(r)
    return ([ident("BITBUCKET_USERNAME", u, "Bitbucket username"), F("BITBUCKET_APP_PASSWORD", tok)],
            dict(host="bitbucket.org", user=u))


K("bitbucket-app-password", "Bitbucket", _bb_app,
  "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/", tags=("git",), fam="vcs")
K("bitbucket-access-token", "Bitbucket",
  lambda r: ([F("BITBUCKET_ACCESS_TOKEN", "ATCTT3xFfGN0" + rs(r, B64U, 178) + "=" + rs(r, HEXU, 8))],
             dict(host="bitbucket.org", user="x-token-auth")),
  "https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/", tags=("git",), fam="vcs")


def _atl(r):
    tok = "ATATT3xFfGF0" + rs(r, B64U, 171) + "=" + rs(r, HEXU, 8)
    return ([ident("JIRA_USER_EMAIL", email(r), "Atlassian account e-mail"), F("JIRA_API_TOKEN", tok)],
            {})


K("atlassian-api-token", "Atlassian", _atl,
  "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
  fam="saas")
K("circleci-pat", "CircleCI", T("CCIPAT_", (ALNUM, 22), "_", (HEXL, 40)),
  "https://circleci.com/docs/managing-api-tokens/", var="CIRCLECI_TOKEN", fam="ci")
K("travis-ci-token", "Travis CI", T((ALNUM, 22)),
  "https://docs.travis-ci.com/user/triggering-builds/", var="TRAVIS_API_TOKEN", fam="ci")
K("buildkite-api-token", "Buildkite", T("bkua_", (HEXL, 40)),
  "https://buildkite.com/docs/apis/managing-api-tokens", var="BUILDKITE_API_TOKEN", fam="ci")
K("buildkite-agent-token", "Buildkite", T((ALNUML, 50)),
  "https://buildkite.com/docs/agent/v3/tokens", var="BUILDKITE_AGENT_TOKEN", fam="ci")
K("jenkins-api-token", "Jenkins",
  lambda r: ([ident("JENKINS_USER", username(r), "Jenkins user name"),
              F("JENKINS_API_TOKEN", "11" + rs(r, HEXL, 32))], {}),
  "https://www.jenkins.io/doc/book/using/remote-access-api/", fam="ci")
K("drone-token", "Drone CI", T((ALNUM, 32)), "https://docs.drone.io/cli/setup/",
  var="DRONE_TOKEN", fam="ci")
K("teamcity-token", "TeamCity",
  T("eyJ0eXAiOiAiVENWMiJ9.", (B64U, 36), ".", (B64U, 48)),
  "https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens",
  var="TEAMCITY_TOKEN", fam="ci")
K("sonarqube-user-token", "SonarQube", T("squ_", (HEXL, 40)),
  "https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/",
  var="SONAR_TOKEN", fam="ci")
K("sonarqube-project-token", "SonarQube", T("sqp_", (HEXL, 40)),
  "https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/",
  var="SONAR_TOKEN", fam="ci")
K("snyk-token", "Snyk", uuid4, "https://docs.snyk.io/snyk-api/authentication-for-api",
  var="SNYK_TOKEN", fam="ci")
K("codecov-token", "Codecov", uuid4, "https://docs.codecov.com/docs/codecov-tokens",
  var="CODECOV_TOKEN", fam="ci")
K("octopus-api-key", "Octopus Deploy", T("API-", (ALNUMU, 28)),
  "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key", var="OCTOPUS_API_KEY",
  fam="ci")
K("harness-pat", "Harness", T("pat.", (B64U, 22), ".", (HEXL, 24), ".", (ALNUM, 20)),
  "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/",
  var="HARNESS_API_KEY", fam="ci")
K("sourcegraph-token", "Sourcegraph", T("sgp_", (HEXL, 16), "_", (HEXL, 40)),
  "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token", var="SRC_ACCESS_TOKEN",
  fam="ci")

# ================================================================= REGISTRIES

K("npm-access-token", "npm", lambda r: crc32_b62_token(r, "npm_"),
  "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/",
  var="NPM_TOKEN", tags=("npm",), fam="registry")


def _pypi(r):
    ident_s = uuid4(r)
    cav = json.dumps({"version": 1, "permissions": r.choice(("user", {"projects": [word(r)]}))},
                     separators=(",", ":")).encode()
    body = (b"\x02" + b"\x01\x08pypi.org" + b"\x02" + bytes([len(ident_s)]) + ident_s.encode()
            + b"\x00" + b"\x02" + bytes([len(cav)]) + cav + b"\x00" + b"\x00"
            + b"\x06\x20" + rbytes(r, 32))
    return "pypi-" + b64u_nopad(body)


K("pypi-api-token", "PyPI", _pypi, "https://pypi.org/help/#apitoken", unc=False, var="PYPI_TOKEN",
  tags=("pypi",), fam="registry")
K("rubygems-api-key", "RubyGems", T("rubygems_", (HEXL, 48)),
  "https://guides.rubygems.org/api-key-scopes/", var="GEM_HOST_API_KEY", fam="registry")
K("nuget-api-key", "NuGet", T("oy2", (ALNUML, 43)),
  "https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys", var="NUGET_API_KEY",
  tags=("nuget",), fam="registry")
K("docker-hub-pat", "Docker Hub", T("dckr_pat_", (B64U, 27)),
  "https://docs.docker.com/security/for-developers/access-tokens/", var="DOCKERHUB_TOKEN",
  tags=("registry",), fam="registry")
K("crates-io-token", "crates.io", T("cio", (ALNUM, 32)),
  "https://doc.rust-lang.org/cargo/reference/registry-authentication.html",
  var="CARGO_REGISTRY_TOKEN", fam="registry")
K("clojars-token", "Clojars", T("CLOJARS_", (HEXL, 60)),
  "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens", var="CLOJARS_DEPLOY_TOKEN",
  fam="registry")
K("jfrog-reference-token", "JFrog Artifactory",
  lambda r: b64("reftkn:01:%d:%s" % (epoch(r) + 31536000, rs(r, ALNUM, 27))).rstrip("="),
  "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
  var="ARTIFACTORY_ACCESS_TOKEN", tags=("registry",), fam="registry")
K("jfrog-api-key", "JFrog Artifactory", T("AKCp8", (ALNUM, 68)),
  "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
  var="ARTIFACTORY_API_KEY", tags=("registry",), fam="registry")
K("quay-robot-token", "Quay.io",
  lambda r: ([ident("QUAY_ROBOT", "%s+%s" % (company(r), r.choice(("ci", "deployer", "pull"))),
                    "Quay robot account name"),
              F("QUAY_ROBOT_TOKEN", rs(r, ALNUMU, 64))], dict(registry="quay.io")),
  "https://docs.quay.io/glossary/robot-accounts.html", tags=("registry",), fam="registry")
K("packagist-token", "Packagist", T("packagist_uat_", (ALNUM, 68)),
  "https://packagist.com/docs/composer-authentication", var="PACKAGIST_TOKEN", fam="registry")
K("gradle-plugin-portal-secret", "Gradle Plugin Portal",
  pair("GRADLE_PUBLISH_SECRET", T((ALNUM, 32)), "GRADLE_PUBLISH_KEY", T((ALNUM, 32)),
       "Gradle publish key (identifier)"),
  "https://docs.gradle.org/current/userguide/publishing_gradle_plugins.html", fam="registry")
K("sonatype-central-token", "Sonatype Maven Central",
  lambda r: ([ident("OSSRH_USERNAME", rs(r, ALNUM, 8), "Central user-token username"),
              F("OSSRH_PASSWORD", rs(r, ALNUM + "+/", 44))], {}),
  "https://central.sonatype.org/publish/generate-portal-token/", tags=("maven",),
  fam="registry")

# ========================================================================= CHAT


def _slack_tok(prefix, var, kind):
    def g(r):
        if prefix == "xoxb-":
            t = "xoxb-%s-%s-%s" % (rs(r, DIG, r.choice((11, 12, 13))), rs(r, DIG, 13), rs(r, ALNUM, 24))
        elif prefix == "xoxp-":
            t = "xoxp-%s-%s-%s-%s" % (rs(r, DIG, 12), rs(r, DIG, 12), rs(r, DIG, 13), rs(r, HEXL, 32))
        elif prefix == "xapp-":
            t = "xapp-1-A%s-%s-%s" % (rs(r, ALNUMU, 10), rs(r, DIG, 13), rs(r, HEXL, 64))
        else:
            t = "xoxe.xoxp-1-" + rs(r, B64U, 160)
        return [F(var, t)], {}
    return g


SLACK_DOC = "https://api.slack.com/authentication/token-types"
K("slack-bot-token", "Slack", _slack_tok("xoxb-", "SLACK_BOT_TOKEN", None), SLACK_DOC,
  unc=False, fam="chat")
K("slack-user-token", "Slack", _slack_tok("xoxp-", "SLACK_USER_TOKEN", None), SLACK_DOC,
  unc=False, fam="chat")
K("slack-app-token", "Slack", _slack_tok("xapp-", "SLACK_APP_TOKEN", None), SLACK_DOC,
  fam="chat")
K("slack-config-token", "Slack", _slack_tok("xoxe", "SLACK_CONFIG_TOKEN", None),
  "https://api.slack.com/authentication/config-tokens", fam="chat")
K("slack-webhook-url", "Slack",
  T("https://hooks.slack.com/services/T", (ALNUMU, 10), "/B", (ALNUMU, 10), "/", (ALNUM, 24)),
  "https://api.slack.com/messaging/webhooks", unc=False, var="SLACK_WEBHOOK_URL", fam="chat")


def _discord_bot(r):
    uid = str(r.randint(10 ** 17, 9 * 10 ** 18))
    return b64u_nopad(uid) + "." + rs(r, B64U, 6) + "." + rs(r, B64U, 38)


K("discord-bot-token", "Discord", _discord_bot,
  "https://discord.com/developers/docs/reference#authentication", var="DISCORD_BOT_TOKEN",
  fam="chat")
K("discord-webhook-url", "Discord",
  lambda r: "https://discord.com/api/webhooks/%d/%s" % (r.randint(10 ** 17, 10 ** 19 - 1),
                                                       rs(r, B64U, 68)),
  "https://discord.com/developers/docs/resources/webhook", var="DISCORD_WEBHOOK_URL",
  fam="chat")
K("discord-client-secret", "Discord",
  pair("DISCORD_CLIENT_SECRET", T((B64U, 32)), "DISCORD_CLIENT_ID",
       lambda r: str(r.randint(10 ** 17, 10 ** 19 - 1)), "Discord application ID"),
  "https://discord.com/developers/docs/topics/oauth2", fam="chat")
K("telegram-bot-token", "Telegram",
  lambda r: "%d:AA%s" % (r.randint(10 ** 8, 8 * 10 ** 9), rs(r, B64U, 33)),
  "https://core.telegram.org/bots/features#botfather", unc=False, var="TELEGRAM_BOT_TOKEN",
  fam="chat")


def _teams(r):
    return ("https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s"
            % (company(r), uuid4(r), uuid4(r), rs(r, HEXL, 32), uuid4(r)))


K("teams-incoming-webhook", "Microsoft Teams", _teams,
  "https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
  var="TEAMS_WEBHOOK_URL", fam="chat")
K("twitch-client-secret", "Twitch",
  pair("TWITCH_CLIENT_SECRET", T((ALNUML, 30)), "TWITCH_CLIENT_ID", T((ALNUML, 30)),
       "Twitch client ID"),
  "https://dev.twitch.tv/docs/authentication/register-app/", fam="chat")
K("zoom-client-secret", "Zoom",
  pair("ZOOM_CLIENT_SECRET", T((ALNUM, 32)), "ZOOM_CLIENT_ID", T((ALNUM + "_", 22)),
       "Zoom client ID"),
  "https://developers.zoom.us/docs/internal-apps/s2s-oauth/", fam="chat")
K("line-channel-access-token", "LINE", T((ALNUM + "+/", 171), "="),
  "https://developers.line.biz/en/docs/basics/channel-access-token/",
  var="LINE_CHANNEL_ACCESS_TOKEN", fam="chat")
K("matrix-access-token", "Matrix (Synapse)",
  lambda r: "syt_%s_%s_%s" % (b64u_nopad(username(r)), rs(r, ALNUM, 20), rs(r, ALNUM, 6)),
  "https://spec.matrix.org/latest/client-server-api/#using-access-tokens",
  var="MATRIX_ACCESS_TOKEN", fam="chat")
K("mattermost-token", "Mattermost", T((ALNUML, 26)),
  "https://developers.mattermost.com/integrate/reference/personal-access-token/",
  var="MATTERMOST_TOKEN", fam="chat")

# ===================================================================== PAYMENTS

STRIPE_DOC = "https://docs.stripe.com/keys"
K("stripe-secret-key-live", "Stripe",
  lambda r: "sk_live_" + (rs(r, ALNUM, 24) if r.random() < .3 else "51" + rs(r, ALNUM, 97)),
  STRIPE_DOC, unc=False, var="STRIPE_SECRET_KEY", fam="payments")
K("stripe-restricted-key-live", "Stripe",
  lambda r: "rk_live_" + (rs(r, ALNUM, 24) if r.random() < .3 else "51" + rs(r, ALNUM, 97)),
  STRIPE_DOC, unc=False, var="STRIPE_RESTRICTED_KEY", fam="payments")
K("stripe-webhook-secret", "Stripe", T("whsec_", (ALNUM, 32)),
  "https://docs.stripe.com/webhooks#verify-events", var="STRIPE_WEBHOOK_SECRET",
  fam="payments")
K("square-access-token", "Square", T("EAAA", (B64U, 60)),
  "https://developer.squareup.com/docs/build-basics/access-tokens", var="SQUARE_ACCESS_TOKEN",
  fam="payments")
K("square-oauth-secret", "Square",
  pair("SQUARE_APPLICATION_SECRET", T("sq0csp-", (B64U, 43)), "SQUARE_APPLICATION_ID",
       T("sq0idp-", (B64U, 22)), "Square application ID"),
  "https://developer.squareup.com/docs/oauth-api/overview", fam="payments")
K("paypal-client-secret", "PayPal",
  pair("PAYPAL_CLIENT_SECRET", T("E", (B64U, 79)), "PAYPAL_CLIENT_ID", T("A", (B64U, 79)),
       "PayPal REST client ID"),
  "https://developer.paypal.com/api/rest/#link-getclientidandclientsecret", fam="payments")
K("braintree-access-token", "Braintree",
  T("access_token$production$", (ALNUML, 16), "$", (HEXL, 32)),
  "https://developer.paypal.com/braintree/docs/guides/authorization/overview",
  var="BRAINTREE_ACCESS_TOKEN", fam="payments")
K("braintree-private-key", "Braintree",
  lambda r: ([ident("BRAINTREE_MERCHANT_ID", rs(r, ALNUML, 16), "Braintree merchant ID"),
              ident("BRAINTREE_PUBLIC_KEY", rs(r, ALNUML, 16), "Braintree public key (identifier)"),
              F("BRAINTREE_PRIVATE_KEY", rs(r, HEXL, 32))], {}),
  "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
  fam="payments")
K("adyen-api-key", "Adyen",
  T("AQE", (ALNUM, 4), "hmfxL", (ALNUM, 30), "=-", (B64U, 43), "=-", (ALNUM + "^&*;:<>", 16)),
  "https://docs.adyen.com/development-resources/api-credentials/", var="ADYEN_API_KEY",
  fam="payments")
K("razorpay-key-secret", "Razorpay",
  pair("RAZORPAY_KEY_SECRET", T((ALNUM, 24)), "RAZORPAY_KEY_ID", T("rzp_live_", (ALNUM, 14)),
       "Razorpay key ID"),
  "https://razorpay.com/docs/api/authentication/", fam="payments")
SHOP_DOC = "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"
K("shopify-admin-access-token", "Shopify", T("shpat_", (HEXL, 32)), SHOP_DOC,
  var="SHOPIFY_ACCESS_TOKEN", fam="payments")
K("shopify-custom-app-token", "Shopify", T("shpca_", (HEXL, 32)), SHOP_DOC,
  var="SHOPIFY_ADMIN_API_TOKEN", fam="payments")
K("shopify-private-app-password", "Shopify", T("shppa_", (HEXL, 32)), SHOP_DOC,
  var="SHOPIFY_PASSWORD", fam="payments")
K("shopify-shared-secret", "Shopify", T("shpss_", (HEXL, 32)), SHOP_DOC,
  var="SHOPIFY_API_SECRET", fam="payments")
K("paystack-secret-key", "Paystack", T("sk_live_", (HEXL, 40)),
  "https://paystack.com/docs/api/authentication/", var="PAYSTACK_SECRET_KEY", fam="payments")
K("flutterwave-secret-key", "Flutterwave", T("FLWSECK-", (HEXL, 32), "-X"),
  "https://developer.flutterwave.com/docs/authentication", var="FLW_SECRET_KEY",
  fam="payments")
K("mollie-live-key", "Mollie", T("live_", (ALNUM, 30)),
  "https://docs.mollie.com/reference/authentication", var="MOLLIE_API_KEY", fam="payments")
K("gocardless-live-token", "GoCardless", T("live_", (B64U, 40)),
  "https://developer.gocardless.com/getting-started/api/making-your-first-request/",
  var="GOCARDLESS_ACCESS_TOKEN", fam="payments")
K("paddle-api-key", "Paddle", T("pdl_live_apikey_", (ALNUML, 26), "_", (ALNUM, 22), "_", (ALNUM, 3)),
  "https://developer.paddle.com/api-reference/about/api-keys", var="PADDLE_API_KEY",
  fam="payments")


def _coinbase(r):
    org, kid = uuid4(r), uuid4(r)
    return ([ident("COINBASE_API_KEY_NAME", "organizations/%s/apiKeys/%s" % (org, kid),
                   "CDP API key name"),
             F("COINBASE_API_PRIVATE_KEY", keys.ec_sec1_pem(r))], {})


K("coinbase-cdp-private-key", "Coinbase", _coinbase,
  "https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys", shape="pem", fam="payments")
K("plaid-secret", "Plaid",
  pair("PLAID_SECRET", T((HEXL, 30)), "PLAID_CLIENT_ID", T((HEXL, 24)), "Plaid client_id"),
  "https://plaid.com/docs/api/#api-access", fam="payments")
K("wise-api-token", "Wise", uuid4, "https://docs.wise.com/api-docs/features/authentication-access/personal-token",
  var="WISE_API_TOKEN", fam="payments")
K("lob-live-key", "Lob", T("live_", (HEXL, 35)), "https://docs.lob.com/#tag/Authentication",
  var="LOB_API_KEY", fam="payments")
K("easypost-api-key", "EasyPost", T("EZAK", (ALNUM, 54)),
  "https://docs.easypost.com/docs/authentication", var="EASYPOST_API_KEY", fam="payments")
K("shippo-live-token", "Shippo", T("shippo_live_", (HEXL, 40)),
  "https://docs.goshippo.com/docs/guides_general/authentication/", var="SHIPPO_API_TOKEN",
  fam="payments")
K("duffel-live-token", "Duffel", T("duffel_live_", (B64U, 43)),
  "https://duffel.com/docs/api/overview/making-requests/authentication",
  var="DUFFEL_ACCESS_TOKEN", fam="payments")

# ========================================================= MESSAGING / EMAIL

K("twilio-auth-token", "Twilio",
  pair("TWILIO_AUTH_TOKEN", T((HEXL, 32)), "TWILIO_ACCOUNT_SID", T("AC", (HEXL, 32)),
       "Twilio Account SID"),
  "https://www.twilio.com/docs/iam/credentials/api", fam="messaging")
K("twilio-api-key-secret", "Twilio",
  pair("TWILIO_API_SECRET", T((ALNUM, 32)), "TWILIO_API_KEY", T("SK", (HEXL, 32)),
       "Twilio API key SID"),
  "https://www.twilio.com/docs/iam/api-keys", fam="messaging")
K("sendgrid-api-key", "SendGrid", T("SG.", (B64U, 22), ".", (B64U, 43)),
  "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
  var="SENDGRID_API_KEY", fam="messaging")
K("mailgun-api-key", "Mailgun",
  lambda r: ("key-" + rs(r, HEXL, 32)) if r.random() < .4 else
  "%s-%s-%s" % (rs(r, HEXL, 32), rs(r, HEXL, 8), rs(r, HEXL, 8)),
  "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
  var="MAILGUN_API_KEY", fam="messaging")
K("mailchimp-api-key", "Mailchimp", lambda r: "%s-us%d" % (rs(r, HEXL, 32), r.randint(1, 21)),
  "https://mailchimp.com/developer/marketing/guides/quick-start/", var="MAILCHIMP_API_KEY",
  fam="messaging")
K("mandrill-api-key", "Mailchimp Transactional", T("md-", (B64U, 22)),
  "https://mailchimp.com/developer/transactional/guides/quick-start/", var="MANDRILL_API_KEY",
  fam="messaging")
K("brevo-api-key", "Brevo", T("xkeysib-", (HEXL, 64), "-", (ALNUM, 16)),
  "https://developers.brevo.com/docs/getting-started", var="BREVO_API_KEY", fam="messaging")
K("postmark-server-token", "Postmark", uuid4,
  "https://postmarkapp.com/developer/api/overview#authentication", var="POSTMARK_SERVER_TOKEN",
  fam="messaging")
K("mailjet-secret-key", "Mailjet",
  pair("MJ_APIKEY_PRIVATE", T((HEXL, 32)), "MJ_APIKEY_PUBLIC", T((HEXL, 32)),
       "Mailjet public API key (identifier)"),
  "https://dev.mailjet.com/email/guides/", fam="messaging")
K("sparkpost-api-key", "SparkPost", T((HEXL, 40)),
  "https://developers.sparkpost.com/api/#header-authentication", var="SPARKPOST_API_KEY",
  fam="messaging")
K("resend-api-key", "Resend", T("re_", (ALNUM, 8), "_", (ALNUM, 24)),
  "https://resend.com/docs/dashboard/api-keys/introduction", var="RESEND_API_KEY",
  fam="messaging")
K("messagebird-access-key", "MessageBird (Bird)", T((ALNUM, 25)),
  "https://developers.messagebird.com/api/#authentication", var="MESSAGEBIRD_ACCESS_KEY",
  fam="messaging")
K("vonage-api-secret", "Vonage",
  pair("VONAGE_API_SECRET", T((ALNUM, 16)), "VONAGE_API_KEY", T((HEXL, 8)),
       "Vonage API key (identifier)"),
  "https://developer.vonage.com/en/getting-started/concepts/authentication", fam="messaging")
K("plivo-auth-token", "Plivo",
  pair("PLIVO_AUTH_TOKEN", T((ALNUM, 40)), "PLIVO_AUTH_ID", T("MA", (ALNUMU, 18)),
       "Plivo Auth ID"),
  "https://www.plivo.com/docs/account/auth-credentials", fam="messaging")
K("telnyx-api-key", "Telnyx", T("KEY", (HEXU, 32), "_", (ALNUM, 22)),
  "https://developers.telnyx.com/docs/development/authentication", var="TELNYX_API_KEY",
  fam="messaging")
K("pusher-app-secret", "Pusher",
  lambda r: ([ident("PUSHER_APP_ID", str(r.randint(1000000, 1999999)), "Pusher app ID"),
              ident("PUSHER_KEY", rs(r, HEXL, 20), "Pusher key (public)"),
              F("PUSHER_SECRET", rs(r, HEXL, 20))], {}),
  "https://pusher.com/docs/channels/server_api/http-api/", fam="messaging")
K("ably-api-key", "Ably",
  lambda r: "%s.%s:%s" % (rs(r, ALNUM + "_-", 6), rs(r, ALNUM + "_-", 6), rs(r, B64U, 43)),
  "https://ably.com/docs/auth/basic", var="ABLY_API_KEY", fam="messaging")
K("sendbird-api-token", "Sendbird", T((HEXL, 40)),
  "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api", var="SENDBIRD_API_TOKEN",
  fam="messaging")
K("agora-app-certificate", "Agora",
  pair("AGORA_APP_CERTIFICATE", T((HEXL, 32)), "AGORA_APP_ID", T((HEXL, 32)), "Agora App ID"),
  "https://docs.agora.io/en/video-calling/get-started/manage-agora-account", fam="messaging")

# ============================================================================ AI

K("openai-project-key", "OpenAI",
  lambda r: "sk-proj-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74),
  "https://platform.openai.com/docs/api-reference/authentication", var="OPENAI_API_KEY",
  fam="ai")
K("openai-legacy-key", "OpenAI", T("sk-", (ALNUM, 20), "T3BlbkFJ", (ALNUM, 20)),
  "https://platform.openai.com/docs/api-reference/authentication", var="OPENAI_API_KEY",
  fam="ai")
K("openai-service-account-key", "OpenAI",
  lambda r: "sk-svcacct-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74),
  "https://platform.openai.com/docs/api-reference/project-service-accounts",
  var="OPENAI_API_KEY", fam="ai")
K("openai-admin-key", "OpenAI",
  lambda r: "sk-admin-" + rs(r, B64U, 58) + "T3BlbkFJ" + rs(r, B64U, 58),
  "https://platform.openai.com/docs/api-reference/administration", var="OPENAI_ADMIN_KEY",
  fam="ai")
K("anthropic-api-key", "Anthropic", T("sk-ant-api03-", (B64U, 93), "AA"),
  "https://docs.anthropic.com/en/api/getting-started", var="ANTHROPIC_API_KEY", fam="ai")
K("anthropic-admin-key", "Anthropic", T("sk-ant-admin01-", (B64U, 93), "AA"),
  "https://docs.anthropic.com/en/api/administration-api", var="ANTHROPIC_ADMIN_KEY", fam="ai")
K("huggingface-token", "Hugging Face", T("hf_", (UP + LOW, 34)),
  "https://huggingface.co/docs/hub/security-tokens", unc=False, var="HF_TOKEN", fam="ai")
K("groq-api-key", "Groq", T("gsk_", (ALNUM, 52)), "https://console.groq.com/docs/quickstart",
  var="GROQ_API_KEY", fam="ai")
K("replicate-api-token", "Replicate", T("r8_", (ALNUM, 37)),
  "https://replicate.com/docs/reference/http#authentication", var="REPLICATE_API_TOKEN",
  fam="ai")
K("perplexity-api-key", "Perplexity", T("pplx-", (ALNUM, 48)),
  "https://docs.perplexity.ai/guides/getting-started", var="PERPLEXITY_API_KEY", fam="ai")
K("xai-api-key", "xAI", T("xai-", (ALNUM, 80)), "https://docs.x.ai/docs/overview",
  var="XAI_API_KEY", fam="ai")
K("mistral-api-key", "Mistral AI", T((ALNUM, 32)), "https://docs.mistral.ai/getting-started/quickstart/",
  var="MISTRAL_API_KEY", fam="ai")
K("cohere-api-key", "Cohere", T((ALNUM, 40)), "https://docs.cohere.com/reference/about",
  var="CO_API_KEY", fam="ai")
K("deepseek-api-key", "DeepSeek", T("sk-", (HEXL, 32)), "https://api-docs.deepseek.com/",
  var="DEEPSEEK_API_KEY", fam="ai")
K("openrouter-api-key", "OpenRouter", T("sk-or-v1-", (HEXL, 64)),
  "https://openrouter.ai/docs/api-reference/authentication", var="OPENROUTER_API_KEY",
  fam="ai")
K("together-api-key", "Together AI", T("tgp_v1_", (B64U, 43)),
  "https://docs.together.ai/reference/authentication-1", var="TOGETHER_API_KEY", fam="ai")
K("fireworks-api-key", "Fireworks AI", T("fw_", (ALNUM, 24)),
  "https://docs.fireworks.ai/getting-started/quickstart", var="FIREWORKS_API_KEY", fam="ai")
K("pinecone-api-key", "Pinecone", T("pcsk_", (ALNUM, 6), "_", (ALNUM, 63)),
  "https://docs.pinecone.io/guides/projects/manage-api-keys", var="PINECONE_API_KEY", fam="ai")
K("langsmith-api-key", "LangSmith", T("lsv2_pt_", (HEXL, 32), "_", (HEXL, 10)),
  "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
  var="LANGSMITH_API_KEY", fam="ai")
K("elevenlabs-api-key", "ElevenLabs", T("sk_", (HEXL, 48)),
  "https://elevenlabs.io/docs/api-reference/authentication", var="ELEVENLABS_API_KEY", fam="ai")
K("assemblyai-api-key", "AssemblyAI", T((HEXL, 32)),
  "https://www.assemblyai.com/docs/api-reference/overview#authorization",
  var="ASSEMBLYAI_API_KEY", fam="ai")
K("deepgram-api-key", "Deepgram", T((HEXL, 40)),
  "https://developers.deepgram.com/guides/fundamentals/authenticating", var="DEEPGRAM_API_KEY",
  fam="ai")
K("nvidia-api-key", "NVIDIA NIM", T("nvapi-", (B64U, 64)),
  "https://docs.api.nvidia.com/nim/docs/api-quickstart", var="NVIDIA_API_KEY", fam="ai")
K("cerebras-api-key", "Cerebras", T("csk-", (ALNUML, 48)),
  "https://inference-docs.cerebras.ai/quickstart", var="CEREBRAS_API_KEY", fam="ai")
K("voyage-api-key", "Voyage AI", T("pa-", (B64U, 43)), "https://docs.voyageai.com/docs/api-key-and-installation",
  var="VOYAGE_API_KEY", fam="ai")
K("stability-api-key", "Stability AI", T("sk-", (ALNUM, 48)),
  "https://platform.stability.ai/docs/getting-started/authentication", var="STABILITY_API_KEY",
  fam="ai")
K("wandb-api-key", "Weights & Biases", T((HEXL, 40)), "https://docs.wandb.ai/guides/track/environment-variables/",
  var="WANDB_API_KEY", fam="ai")
K("langfuse-secret-key", "Langfuse",
  lambda r: ([ident("LANGFUSE_PUBLIC_KEY", "pk-lf-" + uuid4(r), "Langfuse public key"),
              F("LANGFUSE_SECRET_KEY", "sk-lf-" + uuid4(r))], {}),
  "https://langfuse.com/docs/get-started", fam="ai")

# ========================================================================== SAAS

K("linear-api-key", "Linear", T("lin_api_", (ALNUM, 40)), "https://linear.app/developers/graphql#personal-api-keys",
  var="LINEAR_API_KEY")
K("notion-integration-token", "Notion",
  lambda r: ("ntn_" + rs(r, DIG, 11) + rs(r, ALNUM, 35)) if r.random() < .6 else
  "secret_" + rs(r, ALNUM, 43),
  "https://developers.notion.com/docs/authorization", var="NOTION_TOKEN")
K("postman-api-key", "Postman", T("PMAK-", (HEXL, 24), "-", (HEXL, 34)),
  "https://learning.postman.com/docs/developer/postman-api/authentication/",
  var="POSTMAN_API_KEY")
K("datadog-api-key", "Datadog", T((HEXL, 32)),
  "https://docs.datadoghq.com/account_management/api-app-keys/", var="DD_API_KEY",
  fam="observability")
K("datadog-app-key", "Datadog", T((HEXL, 40)),
  "https://docs.datadoghq.com/account_management/api-app-keys/", var="DD_APP_KEY",
  fam="observability")
K("newrelic-user-key", "New Relic", T("NRAK-", (ALNUMU, 27)),
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", var="NEW_RELIC_API_KEY",
  fam="observability")
K("newrelic-license-key", "New Relic", T((HEXL, 36), "NRAL"),
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
  var="NEW_RELIC_LICENSE_KEY", fam="observability")
K("newrelic-insert-key", "New Relic", T("NRII-", (B64U, 32)),
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
  var="NEW_RELIC_INSERT_KEY", fam="observability")
K("sentry-user-token", "Sentry", T("sntryu_", (HEXL, 64)),
  "https://docs.sentry.io/account/auth-tokens/", var="SENTRY_AUTH_TOKEN", fam="observability")


def _sentry_org(r):
    payload = {"iat": epoch(r) + r.random(), "url": "https://sentry.io",
               "region_url": "https://us.sentry.io", "org": company(r)}
    return "sntrys_" + b64(json.dumps(payload, separators=(",", ":"))).rstrip("=") + "_" + rs(r, B64U, 43)


K("sentry-org-token", "Sentry", _sentry_org, "https://docs.sentry.io/account/auth-tokens/",
  var="SENTRY_AUTH_TOKEN", fam="observability")
def _sentry_dsn(r):
    pk, sk = rs(r, HEXL, 32), rs(r, HEXL, 32)
    dsn = "https://%s:%s@o%d.ingest.sentry.io/%d" % (pk, sk, r.randint(100000, 999999),
                                                    r.randint(1000000, 9999999))
    return [F("SENTRY_DSN", dsn, secret=sk)], {}


K("sentry-dsn-secret", "Sentry", _sentry_dsn,
  "https://docs.sentry.io/product/sentry-basics/concepts/dsn-explainer/",
  fam="observability")
K("grafana-service-account-token", "Grafana", T("glsa_", (ALNUM, 32), "_", (HEXL, 8)),
  "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
  var="GRAFANA_TOKEN", fam="observability")


def _glc(r):
    payload = {"o": str(r.randint(100000, 999999)), "n": "%s-%s" % (word(r), word(r)),
               "k": rs(r, ALNUM, 24), "m": {"r": r.choice(("us", "eu", "prod-us-east-0"))}}
    return "glc_" + b64(json.dumps(payload, separators=(",", ":")))


K("grafana-cloud-token", "Grafana Cloud", _glc,
  "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/",
  var="GRAFANA_CLOUD_TOKEN", fam="observability")
K("pagerduty-api-key", "PagerDuty", T((ALNUM + "+_-", 20)),
  "https://support.pagerduty.com/main/docs/api-access-keys", var="PAGERDUTY_TOKEN",
  fam="observability")
K("pagerduty-integration-key", "PagerDuty", T((HEXL, 32)),
  "https://developer.pagerduty.com/docs/events-api-v2/overview/", var="PAGERDUTY_ROUTING_KEY",
  fam="observability")
K("opsgenie-api-key", "Opsgenie", uuid4, "https://support.atlassian.com/opsgenie/docs/api-key-management/",
  var="OPSGENIE_API_KEY", fam="observability")
K("rollbar-access-token", "Rollbar", T((HEXL, 32)), "https://docs.rollbar.com/docs/access-tokens",
  var="ROLLBAR_ACCESS_TOKEN", fam="observability")
K("bugsnag-api-key", "Bugsnag", T((HEXL, 32)), "https://docs.bugsnag.com/api/data-access/",
  var="BUGSNAG_API_KEY", fam="observability")
K("honeycomb-api-key", "Honeycomb", T("hcaik_01", (ALNUML, 50)),
  "https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/",
  var="HONEYCOMB_API_KEY", fam="observability")
K("sumologic-access-key", "Sumo Logic",
  pair("SUMOLOGIC_ACCESSKEY", T((ALNUM, 64)), "SUMOLOGIC_ACCESSID", T("su", (ALNUM, 12)),
       "Sumo Logic access ID"),
  "https://help.sumologic.com/docs/manage/security/access-keys/", fam="observability")
K("splunk-hec-token", "Splunk", uuid4,
  "https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector",
  var="SPLUNK_HEC_TOKEN", fam="observability")
K("dynatrace-api-token", "Dynatrace", T("dt0c01.", (ALNUMU, 24), ".", (ALNUMU, 64)),
  "https://docs.dynatrace.com/docs/manage/access-control/access-tokens", var="DT_API_TOKEN",
  fam="observability")
K("okta-api-token", "Okta", T("00", (B64U, 40)),
  "https://developer.okta.com/docs/guides/create-an-api-token/main/", var="OKTA_API_TOKEN",
  fam="identity")


def _auth0(r):
    return ([ident("AUTH0_DOMAIN", "%s.us.auth0.com" % company(r), "Auth0 tenant domain"),
             ident("AUTH0_CLIENT_ID", rs(r, ALNUM, 32), "Auth0 client ID"),
             F("AUTH0_CLIENT_SECRET", rs(r, B64U, 64))], {})


K("auth0-client-secret", "Auth0", _auth0,
  "https://auth0.com/docs/get-started/applications/application-credentials", fam="identity")
K("contentful-pat", "Contentful", T("CFPAT-", (B64U, 43)),
  "https://www.contentful.com/developers/docs/references/authentication/",
  var="CONTENTFUL_MANAGEMENT_TOKEN")
K("algolia-admin-key", "Algolia",
  pair("ALGOLIA_ADMIN_KEY", T((HEXL, 32)), "ALGOLIA_APP_ID", T((ALNUMU, 10)), "Algolia application ID"),
  "https://www.algolia.com/doc/guides/security/api-keys/")
K("airtable-pat", "Airtable", T("pat", (ALNUM, 14), ".", (HEXL, 64)),
  "https://airtable.com/developers/web/guides/personal-access-tokens", var="AIRTABLE_API_KEY")
K("asana-pat", "Asana", lambda r: "2/%s/%s:%s" % (rs(r, DIG, 16), rs(r, DIG, 16), rs(r, HEXL, 32)),
  "https://developers.asana.com/docs/personal-access-token", var="ASANA_ACCESS_TOKEN")
K("hubspot-private-app-token", "HubSpot",
  lambda r: "pat-%s-%s" % (r.choice(("na1", "eu1", "na2")), uuid4(r)),
  "https://developers.hubspot.com/docs/api/private-apps", var="HUBSPOT_ACCESS_TOKEN")
K("zendesk-api-token", "Zendesk",
  lambda r: ([ident("ZENDESK_EMAIL", email(r), "agent e-mail used with the API token"),
              F("ZENDESK_API_TOKEN", rs(r, ALNUM, 40))], {}),
  "https://developer.zendesk.com/api-reference/introduction/security-and-auth/")
K("intercom-access-token", "Intercom",
  lambda r: b64("tok:%s:1:0" % uuid4(r)).rstrip("="),
  "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/",
  var="INTERCOM_ACCESS_TOKEN")


def _mapbox(r):
    p = b64u_nopad(json.dumps({"u": username(r).replace(".", ""), "a": rs(r, ALNUML, 25)},
                              separators=(",", ":")))
    return "sk." + p + "." + rs(r, B64U, 22)


K("mapbox-secret-token", "Mapbox", _mapbox, "https://docs.mapbox.com/accounts/guides/tokens/",
  var="MAPBOX_SECRET_TOKEN")
K("dropbox-access-token", "Dropbox", T("sl.u.", (B64U, 138)),
  "https://developers.dropbox.com/oauth-guide", var="DROPBOX_ACCESS_TOKEN")
K("figma-pat", "Figma", T("figd_", (B64U, 40)),
  "https://www.figma.com/developers/api#access-tokens", var="FIGMA_TOKEN")
K("trello-token", "Trello",
  pair("TRELLO_TOKEN", T("ATTA", (HEXL, 64), (HEXU, 8)), "TRELLO_API_KEY", T((HEXL, 32)),
       "Trello API key (identifier)"),
  "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/")
K("clickup-api-token", "ClickUp", lambda r: "pk_%d_%s" % (r.randint(10 ** 7, 10 ** 8), rs(r, ALNUMU, 32)),
  "https://clickup.com/api/developer-portal/authentication/", var="CLICKUP_API_TOKEN")


def _monday(r):
    return jwt(r, {"tid": r.randint(10 ** 8, 10 ** 9), "aai": r.randint(10, 99),
                   "uid": r.randint(10 ** 7, 10 ** 8), "iad": ts_iso(r), "per": "me:write",
                   "actid": r.randint(10 ** 6, 10 ** 7), "rgn": "use1"}, header_extra=None)


def ts_iso(r):
    return "20%02d-%02d-%02dT%02d:%02d:%02d.000Z" % (r.randint(22, 25), r.randint(1, 12),
                                                     r.randint(1, 28), r.randint(0, 23),
                                                     r.randint(0, 59), r.randint(0, 59))


K("monday-api-token", "monday.com", _monday,
  "https://developer.monday.com/api-reference/docs/authentication", var="MONDAY_API_TOKEN")
K("todoist-api-token", "Todoist", T((HEXL, 40)),
  "https://developer.todoist.com/rest/v2/#authorization", var="TODOIST_API_TOKEN")
K("typeform-pat", "Typeform", T("tfp_", (ALNUM, 44), "_", (ALNUM, 14)),
  "https://www.typeform.com/developers/get-started/personal-access-token/",
  var="TYPEFORM_TOKEN")
K("box-client-secret", "Box",
  pair("BOX_CLIENT_SECRET", T((ALNUM, 32)), "BOX_CLIENT_ID", T((ALNUML, 32)), "Box client ID"),
  "https://developer.box.com/guides/authentication/")
K("salesforce-consumer-secret", "Salesforce",
  pair("SF_CONSUMER_SECRET", T((HEXU, 64)), "SF_CONSUMER_KEY", T("3MVG9", (ALNUM + "._", 80)),
       "Connected App consumer key"),
  "https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm")
K("zoho-refresh-token", "Zoho", T("1000.", (HEXL, 32), ".", (HEXL, 32)),
  "https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html",
  var="ZOHO_REFRESH_TOKEN")
K("freshdesk-api-key", "Freshdesk", T((ALNUM, 20)),
  "https://developers.freshdesk.com/api/#authentication", var="FRESHDESK_API_KEY")
K("segment-write-key", "Segment", T((ALNUM, 32)),
  "https://segment.com/docs/connections/find-writekey/", var="SEGMENT_WRITE_KEY")
K("mixpanel-api-secret", "Mixpanel", T((HEXL, 32)),
  "https://developer.mixpanel.com/reference/project-secret", var="MIXPANEL_API_SECRET")
K("amplitude-secret-key", "Amplitude",
  pair("AMPLITUDE_SECRET_KEY", T((HEXL, 32)), "AMPLITUDE_API_KEY", T((HEXL, 32)),
       "Amplitude API key (project identifier)"),
  "https://amplitude.com/docs/apis/authentication")
K("launchdarkly-sdk-key", "LaunchDarkly", lambda r: "sdk-" + uuid4(r),
  "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys",
  var="LAUNCHDARKLY_SDK_KEY")
K("launchdarkly-api-token", "LaunchDarkly", lambda r: "api-" + uuid4(r),
  "https://docs.launchdarkly.com/home/account/api", var="LAUNCHDARKLY_ACCESS_TOKEN")
K("tailscale-auth-key", "Tailscale",
  lambda r: "tskey-auth-k%s-%s" % (rs(r, ALNUM, 16), rs(r, ALNUM, 33)),
  "https://tailscale.com/kb/1085/auth-keys", var="TS_AUTHKEY", fam="infra")
K("tailscale-api-key", "Tailscale",
  lambda r: "tskey-api-k%s-%s" % (rs(r, ALNUM, 16), rs(r, ALNUM, 33)),
  "https://tailscale.com/kb/1101/api", var="TAILSCALE_API_KEY", fam="infra")
K("ngrok-authtoken", "ngrok", lambda r: "%s_%s" % (rs(r, ALNUM, 27), rs(r, ALNUM, 22)),
  "https://ngrok.com/docs/agent/#authtokens", var="NGROK_AUTHTOKEN", fam="infra")
K("cloudinary-url", "Cloudinary",
  lambda r: (lambda sec, rr: ([F("CLOUDINARY_URL", "cloudinary://%s:%s@%s"
                                 % (rs(rr, DIG, 15), sec, "%s-%s" % (company(rr), word(rr))),
                                 secret=sec)], {}))(rs(r, B64U, 27), r),
  "https://cloudinary.com/documentation/how_to_integrate_cloudinary#configure_the_sdk")
K("ghost-admin-api-key", "Ghost", lambda r: "%s:%s" % (rs(r, HEXL, 24), rs(r, HEXL, 64)),
  "https://ghost.org/docs/admin-api/#token-authentication", var="GHOST_ADMIN_API_KEY")
K("sanity-api-token", "Sanity", T("sk", (ALNUM, 180)),
  "https://www.sanity.io/docs/http-auth", var="SANITY_API_TOKEN")
K("shodan-api-key", "Shodan", T((ALNUM, 32)), "https://developer.shodan.io/api/requirements",
  var="SHODAN_API_KEY", fam="security")
K("virustotal-api-key", "VirusTotal", T((HEXL, 64)),
  "https://docs.virustotal.com/reference/authentication", var="VT_API_KEY", fam="security")
K("etherscan-api-key", "Etherscan", T((ALNUMU, 34)),
  "https://docs.etherscan.io/getting-started/viewing-api-usage-statistics",
  var="ETHERSCAN_API_KEY", fam="web3")
K("infura-api-secret", "Infura",
  pair("INFURA_API_KEY_SECRET", T((HEXL, 32)), "INFURA_API_KEY", T((HEXL, 32)),
       "Infura API key (project identifier)"),
  "https://docs.metamask.io/services/how-to/secure-an-api-key/api-key-secret/", fam="web3")
K("alchemy-api-key", "Alchemy", T((B64U, 32)),
  "https://docs.alchemy.com/docs/alchemy-quickstart-guide", var="ALCHEMY_API_KEY", fam="web3")
K("riot-api-key", "Riot Games", lambda r: "RGAPI-" + uuid4(r),
  "https://developer.riotgames.com/docs/portal", var="RIOT_API_KEY")
K("steam-web-api-key", "Steam", T((HEXU, 32)),
  "https://steamcommunity.com/dev", var="STEAM_API_KEY")


def _tw_bearer(r):
    body = "AAAAAAAAAAAAAAAAAAAAA" + rs(r, ALNUMU, 10) + "%3D" + rs(r, ALNUM, 50)
    return [F("TWITTER_BEARER_TOKEN", body,
              secret=body.replace("%3D", "="), alts=[body])], {}


K("twitter-bearer-token", "X (Twitter)", _tw_bearer,
  "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens")
K("twitter-consumer-secret", "X (Twitter)",
  pair("TWITTER_API_SECRET", T((ALNUM, 50)), "TWITTER_API_KEY", T((ALNUM, 25)),
       "X API key (consumer key, identifier)"),
  "https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret")
K("facebook-app-secret", "Meta (Facebook)",
  pair("FACEBOOK_APP_SECRET", T((HEXL, 32)), "FACEBOOK_APP_ID",
       lambda r: str(r.randint(10 ** 14, 10 ** 16 - 1)), "Facebook App ID"),
  "https://developers.facebook.com/docs/facebook-login/security/#appsecret")
K("facebook-access-token", "Meta (Facebook)", T("EAA", (ALNUM, 4), "ZD", (ALNUM, 180)),
  "https://developers.facebook.com/docs/facebook-login/guides/access-tokens",
  var="FB_PAGE_ACCESS_TOKEN")
K("linkedin-client-secret", "LinkedIn",
  pair("LINKEDIN_CLIENT_SECRET", T("WPL_AP1.", (ALNUM, 16), ".", (B64, 6), "=="),
       "LINKEDIN_CLIENT_ID", T((ALNUML, 14)), "LinkedIn client ID"),
  "https://learn.microsoft.com/linkedin/shared/authentication/client-credentials-flow")
K("clerk-secret-key", "Clerk", T("sk_live_", (ALNUM, 40)),
  "https://clerk.com/docs/deployments/clerk-environment-variables", var="CLERK_SECRET_KEY",
  fam="identity")
K("stytch-secret", "Stytch",
  lambda r: ([ident("STYTCH_PROJECT_ID", "project-live-" + uuid4(r), "Stytch project ID"),
              F("STYTCH_SECRET", "secret-live-" + rs(r, B64U, 36) + "=")], {}),
  "https://stytch.com/docs/guides/dashboard/api-keys", fam="identity")

# ============================================================ SECRETS TOOLING

DOPPLER_DOC = "https://docs.doppler.com/docs/token-formats"
K("doppler-personal-token", "Doppler", T("dp.pt.", (ALNUM, 43)), DOPPLER_DOC,
  var="DOPPLER_TOKEN", fam="secrets")
K("doppler-service-token", "Doppler",
  lambda r: "dp.st.%s.%s" % (r.choice(("prd", "dev", "stg", "production")), rs(r, ALNUM, 40)),
  "https://docs.doppler.com/docs/service-tokens", unc=False, var="DOPPLER_TOKEN", fam="secrets")
K("doppler-service-account-token", "Doppler", T("dp.sa.", (ALNUM, 43)), DOPPLER_DOC,
  var="DOPPLER_TOKEN", fam="secrets")
K("doppler-cli-token", "Doppler", T("dp.ct.", (ALNUM, 43)), DOPPLER_DOC,
  var="DOPPLER_TOKEN", fam="secrets")


def _op(r):
    payload = {"signInAddress": "%s.1password.com" % company(r), "userAuth": {
        "method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000,
        "salt": rs(r, B64U, 22)}, "email": "%s@%s" % (rs(r, ALNUML, 13), "1passwordserviceaccounts.com"),
        "srpX": rs(r, HEXL, 64), "muk": {"alg": "A256GCM", "ext": True, "k": rs(r, B64U, 43),
                                         "key_ops": ["encrypt", "decrypt"], "kty": "oct",
                                         "kid": "mp"}, "secretKey": "A3-%s-%s-%s-%s-%s-%s" % (
            rs(r, ALNUMU, 6), rs(r, ALNUMU, 6), rs(r, ALNUMU, 5), rs(r, ALNUMU, 5),
            rs(r, ALNUMU, 5), rs(r, ALNUMU, 5)), "throttleSecret": {"seed": rs(r, HEXL, 64),
                                                               "deviceUuid": rs(r, ALNUML, 26)},
        "deviceUuid": rs(r, ALNUML, 26)}
    return "ops_" + b64u_nopad(json.dumps(payload, separators=(",", ":")))


K("onepassword-service-account-token", "1Password", _op,
  "https://developer.1password.com/docs/service-accounts/", var="OP_SERVICE_ACCOUNT_TOKEN",
  fam="secrets")
K("terraform-cloud-token", "HCP Terraform", T((ALNUM, 14), ".atlasv1.", (ALNUM, 67)),
  "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
  var="TFE_TOKEN", fam="secrets")
K("pulumi-access-token", "Pulumi", T("pul-", (HEXL, 40)),
  "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
  var="PULUMI_ACCESS_TOKEN", fam="secrets")
K("vault-service-token", "HashiCorp Vault",
  lambda r: "hvs.CAESI" + rs(r, B64U, r.choice((86, 87, 88))),
  "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
  var="VAULT_TOKEN", fam="secrets")
K("vault-batch-token", "HashiCorp Vault", T("hvb.AAAAAQ", (B64U, 130)),
  "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
  var="VAULT_TOKEN", fam="secrets")
K("infisical-service-token", "Infisical",
  lambda r: "st.%s.%s.%s" % (uuid4(r), rs(r, HEXL, 32), rs(r, HEXL, 32)),
  "https://infisical.com/docs/documentation/platform/token", var="INFISICAL_TOKEN",
  fam="secrets")
K("bitwarden-sm-access-token", "Bitwarden Secrets Manager",
  lambda r: "0.%s.%s:%s==" % (uuid4(r), rs(r, ALNUM, 30), rs(r, B64, 22)),
  "https://bitwarden.com/help/access-tokens/", var="BWS_ACCESS_TOKEN", fam="secrets")
K("age-secret-key", "age", lambda r: "AGE-SECRET-KEY-1" + rs(r, BECH32, 58).upper(),
  "https://age-encryption.org/v1", var="SOPS_AGE_KEY", fam="secrets")
K("consul-acl-token", "HashiCorp Consul", uuid4,
  "https://developer.hashicorp.com/consul/docs/security/acl/tokens", var="CONSUL_HTTP_TOKEN",
  fam="secrets")
K("prefect-api-key", "Prefect", T("pnu_", (ALNUM, 36)),
  "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys", var="PREFECT_API_KEY",
  fam="data")
K("dbt-cloud-token", "dbt Cloud", T("dbtc_", (B64U, 48)),
  "https://docs.getdbt.com/docs/dbt-cloud-apis/service-tokens", var="DBT_CLOUD_API_TOKEN",
  fam="data")
K("infracost-api-key", "Infracost", T("ico-", (ALNUM, 32)),
  "https://www.infracost.io/docs/features/environment_variables/", var="INFRACOST_API_KEY",
  fam="ci")
K("rootly-api-key", "Rootly", T("rootly_", (HEXL, 64)), "https://docs.rootly.com/api-reference/overview",
  var="ROOTLY_API_TOKEN", fam="observability")
K("readme-api-key", "ReadMe", T("rdme_", (ALNUML, 70)), "https://docs.readme.com/main/reference/intro-to-the-readme-api",
  var="README_API_KEY")
K("frameio-token", "Frame.io", T("fio-u-", (B64U, 64)), "https://developer.frame.io/docs/getting-started/authentication",
  var="FRAMEIO_TOKEN")

# ================================================================ FRAMEWORK KEYS

K("django-secret-key", "Django", T((LOW + DIG + "!@#$%^&*(-_=+)", 50)),
  "https://docs.djangoproject.com/en/stable/ref/settings/#secret-key", var="DJANGO_SECRET_KEY",
  fam="framework")
K("rails-secret-key-base", "Ruby on Rails", T((HEXL, 128)),
  "https://guides.rubyonrails.org/security.html#custom-credentials", var="SECRET_KEY_BASE",
  fam="framework")
K("laravel-app-key", "Laravel", lambda r: "base64:" + rb64(r, 32),
  "https://laravel.com/docs/encryption#configuration", unc=False, var="APP_KEY",
  fam="framework")
K("symfony-app-secret", "Symfony", T((HEXL, 32)),
  "https://symfony.com/doc/current/reference/configuration/framework.html#secret",
  var="APP_SECRET", fam="framework")
K("nextauth-secret", "Auth.js (NextAuth)", b64key(32),
  "https://authjs.dev/getting-started/deployment#auth_secret", var="NEXTAUTH_SECRET",
  fam="framework")
K("wordpress-auth-salt", "WordPress", T((ALNUM + "!#$%&()*+,-./:;<=>?@[]^_{|}~", 64)),
  "https://developer.wordpress.org/advanced-administration/wordpress/wp-config/#security-keys",
  var="AUTH_KEY", fam="framework")

# ==================================================================== PRIVATE KEYS


def _pk(fn, var="PRIVATE_KEY"):
    def g(r):
        return [F(var, fn(r))], {}
    return g


def _rsa1(r):
    return keys.rsa_pkcs1_pem(keys.rsa_numbers(r))


def _rsa8(r):
    return keys.rsa_pkcs8_pem(keys.rsa_numbers(r))


def _ossh(r):
    c = "%s@%s" % (username(r).split("-")[0], r.choice(("laptop", "build-01", "bastion",
                                                        "MacBook-Pro.local", "ci")))
    if r.random() < .75:
        return keys.openssh_ed25519(r, c)[0]
    return keys.openssh_rsa(r, keys.rsa_numbers(r), c)[0]


def _pgp(r):
    f, l = r.choice(("Release Bot", "Deploy Key", "Priya Shah", "Chen Wei")), domain(r)
    return keys.pgp_private_block(r, "%s <%s@%s>" % (f, f.split()[0].lower(), l), epoch(r))


PEMDOC = "https://datatracker.ietf.org/doc/html/rfc7468"
K("rsa-private-key-pkcs1", "RSA private key", _pk(_rsa1), "https://datatracker.ietf.org/doc/html/rfc8017#appendix-A.1.2",
  unc=False, shape="pem", fam="keys")
K("private-key-pkcs8", "PKCS#8 private key", _pk(_rsa8), "https://datatracker.ietf.org/doc/html/rfc5208",
  unc=False, shape="pem", fam="keys")
K("ec-private-key", "EC private key", _pk(keys.ec_sec1_pem), "https://datatracker.ietf.org/doc/html/rfc5915",
  unc=False, shape="pem", fam="keys")
K("ed25519-pkcs8-key", "Ed25519 private key", _pk(keys.ed25519_pkcs8_pem),
  "https://datatracker.ietf.org/doc/html/rfc8410#section-7", unc=False, shape="pem", fam="keys")
K("dsa-private-key", "DSA private key", _pk(keys.dsa_pem),
  "https://www.openssl.org/docs/man3.0/man1/openssl-dsa.html", unc=False, shape="pem",
  fam="keys")
K("openssh-private-key", "OpenSSH", _pk(_ossh, "SSH_PRIVATE_KEY"),
  "https://cvsweb.openbsd.org/src/usr.bin/ssh/PROTOCOL.key?annotate=HEAD", unc=False,
  shape="pem", fam="keys")
K("pgp-private-key", "OpenPGP", _pk(_pgp, "GPG_PRIVATE_KEY"),
  "https://datatracker.ietf.org/doc/html/rfc4880#section-6.2", unc=False, shape="pem",
  fam="keys")
K("encrypted-pem-legacy", "OpenSSL encrypted PEM", _pk(keys.encrypted_legacy_pem),
  "https://datatracker.ietf.org/doc/html/rfc1421", unc=False, shape="pem", fam="keys")
K("encrypted-pkcs8-key", "PKCS#8 encrypted private key", _pk(keys.encrypted_pkcs8_pem),
  "https://datatracker.ietf.org/doc/html/rfc5958#section-3", unc=False, shape="pem", fam="keys")
K("putty-private-key", "PuTTY",
  lambda r: ([F("PPK", keys.putty_ppk(r, "eddsa-key-20%02d%02d%02d" % (r.randint(21, 25), r.randint(1, 12), r.randint(1, 28))))], {}),
  "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html", unc=False, shape="ppk",
  fam="keys")


def _asc(r):
    return ([ident("APP_STORE_CONNECT_KEY_ID", rs(r, ALNUMU, 10), "App Store Connect key ID"),
             ident("APP_STORE_CONNECT_ISSUER_ID", uuid4(r), "App Store Connect issuer ID"),
             F("APP_STORE_CONNECT_PRIVATE_KEY", keys.ec_pkcs8_pem(r))], {})


K("apple-app-store-connect-key", "Apple App Store Connect", _asc,
  "https://developer.apple.com/documentation/appstoreconnectapi/creating-api-keys-for-app-store-connect-api",
  shape="pem", fam="keys")

# =========================================================== JWT / K8S / GENERIC


def _k8s_sa(r):
    ns = r.choice(("default", "kube-system", "ci", "argocd", "monitoring"))
    sa = r.choice(("deployer", "default", "ci-bot", "argocd-manager", "prometheus"))
    iat = epoch(r)
    payload = {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": iat + 31536000,
               "iat": iat, "iss": "https://kubernetes.default.svc.cluster.local",
               "kubernetes.io": {"namespace": ns, "serviceaccount": {"name": sa, "uid": uuid4(r)}},
               "nbf": iat, "sub": "system:serviceaccount:%s:%s" % (ns, sa)}
    return [F("K8S_TOKEN", jwt(r, payload, alg="RS256", header_extra={"kid": rs(r, B64U, 43)},
                               sig_bytes=256))], {}


K("kubernetes-sa-token", "Kubernetes", _k8s_sa,
  "https://kubernetes.io/docs/concepts/security/service-accounts/", unc=False,
  tags=("k8s",), fam="infra")


def _bearer_jwt(r):
    iat = epoch(r)
    payload = {"sub": uuid4(r), "email": email(r), "scope": "openid profile read:orders write:orders",
               "iss": "https://auth.%s/" % domain(r), "aud": app_name(r), "iat": iat,
               "exp": iat + r.choice((3600, 86400, 2592000))}
    return [F("ACCESS_TOKEN", jwt(r, payload, alg=r.choice(("HS256", "HS512")),
                                  sig_bytes=r.choice((32, 64))))], {}


def app_name(r):
    return "%s-%s" % (word(r), r.choice(("api", "web", "svc")))


K("jwt-bearer-token", "JWT", _bearer_jwt, "https://datatracker.ietf.org/doc/html/rfc7519",
  unc=False, fam="generic")
K("generic-password", "generic", lambda r: rand_password(r),
  "https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password", unc=False,
  var="DB_PASSWORD", tags=("generic",), fam="generic")
K("generic-api-key", "generic", lambda r: r.choice((rs(r, HEXL, 32), rs(r, ALNUM, 40), rs(r, B64U, 48))),
  "https://cwe.mitre.org/data/definitions/798.html", unc=False, var="API_KEY",
  tags=("generic",), fam="generic")
K("generic-client-secret", "generic", lambda r: r.choice((rs(r, B64U, 43), rs(r, ALNUM, 32))),
  "https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1", unc=False,
  var="CLIENT_SECRET", tags=("generic",), fam="generic")
K("generic-signing-secret", "generic", lambda r: r.choice((rb64(r, 48), rs(r, HEXL, 64))),
  "https://cwe.mitre.org/data/definitions/321.html", unc=False, var="JWT_SECRET",
  tags=("generic",), fam="generic")
K("generic-bearer-token", "generic", lambda r: rs(r, B64U, r.choice((32, 40, 64))),
  "https://datatracker.ietf.org/doc/html/rfc6750", unc=False, var="AUTH_TOKEN",
  tags=("generic",), fam="generic")
K("ldap-bind-password", "LDAP", lambda r: rand_password(r),
  "https://datatracker.ietf.org/doc/html/rfc4513#section-5.1.3", unc=False,
  var="LDAP_BIND_PASSWORD", tags=("generic",), fam="generic")
