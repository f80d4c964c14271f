#!/usr/bin/env python3
"""gen_probe4.py -- held-out, labelled secret-scanner corpus ("probe 4").

Writes a corpus of realistic files that leak credentials (positives) and of
files that only *look* credential-ish (hard negatives), plus labels.json.

Usage
-----
    python3 bench/quality/gen_probe4.py OUT_DIR [--seed 1] [--positives 250] [--negatives 150]

    --positives N   number of positive FILES (each holds 1-3 secrets)
    --negatives N   number of negative FILES (no real secret at all)

The output depends only on --seed: one random.Random(seed) drives everything
(no clock, no os.urandom, no hash() of str).  OUT_DIR/corpus must not exist.

Output
------
    OUT_DIR/corpus/<NNNN-shape-xxxx>/<file>
    OUT_DIR/labels.json
        {"seed": N,
         "positives": [{"path","line","secret","provider","template","alts"}],
         "ignore":    [{"path","line","secret","reason"}],
         "negatives": [{"path","description","template"}]}

"line" is 1-based; for a PEM block it is the BEGIN line; for a secret stored
encoded (base64 in a Kubernetes Secret / docker config.json, URL-encoded in a
query string, JSON-escaped, "$$"-escaped in compose/make) "secret" is the
decoded value, "alts" holds the spelling(s) found in the file and "line" is
the line of the encoded form.  Identifiers that travel with a secret (AWS
access key id, client ids, account SIDs, key ids, app ids) are listed under
"ignore", never as positives.  Test-mode keys (sk_test_ etc.) are never
generated.  Every label is asserted to occur on its stated line before
labels.json is written.

Example run
-----------
    $ python3 bench/quality/gen_probe4.py /tmp/p4-s1 --seed 1
    wrote 250 positive files (436 secrets, 280 kinds) and 150 negative files to /tmp/p4-s1
    $ python3 -c "import json;d=json.load(open('/tmp/p4-s1/labels.json'));print(len(d['positives']), len(d['ignore']))"
    436 135
    $ python3 bench/quality/gen_probe4.py --list-kinds     # kinds, providers, doc URLs, unconfirmed formats

Token formats were taken from the providers' own documentation (see
DOC_URLS / each kind's ``doc`` field); kinds marked ``unc=True`` use a format
that could not be confirmed from a primary source and are listed by
``--list-kinds``.
"""
import argparse
import base64
import json
import os
import re
import sys
import urllib.parse
import zlib

import random as _random

# ----------------------------------------------------------------------------
# alphabets and primitive generators
# ----------------------------------------------------------------------------
D = '0123456789'
UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
LO = 'abcdefghijklmnopqrstuvwxyz'
HEXL = '0123456789abcdef'
HEXU = '0123456789ABCDEF'
B62 = D + UP + LO            # GitHub/npm checksum alphabet order
ALNUM = UP + LO + D
AN_L = LO + D
AN_U = UP + D
B64 = UP + LO + D + '+/'
B64U = UP + LO + D + '-_'
B32L = 'abcdefghijklmnopqrstuvwxyz234567'
B32U = B32L.upper()
B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'


def rs(r, alpha, n):
    """Random string; re-rolls strings that are visibly low-entropy."""
    while True:
        s = ''.join(r.choice(alpha) for _ in range(n))
        if n < 8 or len(set(s)) >= min(len(alpha), n) // 3:
            return s


def rb(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b'=').decode()


def b64s(s):
    return b64(s.encode())


def uuid4(r):
    h = rs(r, HEXL, 32)
    h = h[:12] + '4' + h[13:16] + r.choice('89ab') + h[17:]
    return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def ulid(r):
    return r.choice('01') + rs(r, '0123456789ABCDEFGHJKMNPQRSTVWXYZ', 25)


def b62enc(n, width=6):
    s = ''
    while n:
        n, m = divmod(n, 62)
        s = B62[m] + s
    return s.rjust(width, '0')


def crc_token(r, prefix):
    """GitHub/npm format: prefix + 30 base62 entropy + base62(CRC32(entropy)).
    Verified against 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 and the npm
    changelog example (checksum 0pINUx / 0LsakP)."""
    ent = rs(r, B62, 30)
    return prefix + ent + b62enc(zlib.crc32(ent.encode()))


def crc_token_bad(r, prefix):
    t = crc_token(r, prefix)
    good = t[-6:]
    while True:
        bad = rs(r, B62, 6)
        if bad != good:
            return t[:-6] + bad


def ts(r):
    return 1690000000 + r.randrange(0, 60000000)


def jwt(r, header, payload, sig=32):
    enc = lambda o: b64u(json.dumps(o, separators=(',', ':')).encode())
    return enc(header) + '.' + enc(payload) + '.' + b64u(rb(r, sig))


WORDS = ('maple harbor copper lantern orbit falcon cedar quartz meadow ember '
         'glacier summit willow raven atlas nimbus pepper tundra cobalt violet '
         'canyon breeze marble saffron juniper thunder velvet hollow island '
         'mosaic').split()


def password(r, n=None):
    style = r.randrange(3)
    if style == 0:
        w = [r.choice(WORDS).capitalize() for _ in range(3)]
        return r.choice('-_.!').join(w) + str(r.randrange(10, 9999)) + r.choice('!?*@%')
    if style == 1:
        n = n or r.randrange(16, 26)
        alpha = ALNUM + '!@%^&*-_+=?~.'
        while True:
            s = rs(r, alpha, n)
            if any(c in '!@%^&*-_+=?~.' for c in s) and any(c.isdigit() for c in s):
                return s
    return rs(r, ALNUM, n or r.randrange(20, 33))


def slug(r):
    return r.choice(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay',
                     'stark', 'wayne', 'pied-piper', 'soylent', 'wonka', 'tyrell'])


def svc(r):
    return r.choice(['billing', 'checkout', 'notifier', 'ingest', 'reports', 'auth',
                     'search', 'media', 'payments', 'crm-sync', 'webhooks', 'etl'])


# ----------------------------------------------------------------------------
# PEM / key material
# ----------------------------------------------------------------------------
def wrap(s, n=64):
    return '\n'.join(s[i:i + n] for i in range(0, len(s), n))


def pem(label, der, width=64):
    return '-----BEGIN %s-----\n%s\n-----END %s-----' % (label, wrap(b64(der), width), label)


def der_rsa_pkcs1(r):
    return bytes.fromhex('308204a40201000282010100') + b'\x00' + rb(r, 255) + \
        bytes.fromhex('0203010001028201') + rb(r, 900)


def der_pkcs8_rsa(r):
    return bytes.fromhex('308204be020100300d06092a864886f70d0101010500048204a8'
                         '308204a40201000282010100') + b'\x00' + rb(r, 255) + \
        bytes.fromhex('0203010001028201') + rb(r, 922)


def der_ec_p256(r):
    return bytes.fromhex('30770201010420') + rb(r, 32) + \
        bytes.fromhex('a00a06082a8648ce3d030107a14403420004') + rb(r, 64)


def _sshstr(b):
    return len(b).to_bytes(4, 'big') + b


def openssh_ed25519(r, comment):
    pk = rb(r, 32)
    pub = _sshstr(b'ssh-ed25519') + _sshstr(pk)
    chk = rb(r, 4)
    priv = chk + chk + _sshstr(b'ssh-ed25519') + _sshstr(pk) + _sshstr(rb(r, 32) + pk) + \
        _sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i]); i += 1
    blob = b'openssh-key-v1\x00' + _sshstr(b'none') + _sshstr(b'none') + _sshstr(b'') + \
        (1).to_bytes(4, 'big') + _sshstr(pub) + _sshstr(priv)
    return pem('OPENSSH PRIVATE KEY', blob, 70)


def openssh_rsa(r, comment):
    n = b'\x00' + rb(r, 256)
    e = b'\x01\x00\x01'
    pub = _sshstr(b'ssh-rsa') + _sshstr(e) + _sshstr(n)
    chk = rb(r, 4)
    priv = chk + chk + _sshstr(b'ssh-rsa') + _sshstr(n) + _sshstr(e) + _sshstr(rb(r, 256)) + _sshstr(b'\x00' + rb(r, 128)) + \
        _sshstr(b'\x00' + rb(r, 128)) + _sshstr(b'\x00' + rb(r, 128)) + _sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i]); i += 1
    blob = b'openssh-key-v1\x00' + _sshstr(b'none') + _sshstr(b'none') + _sshstr(b'') + \
        (1).to_bytes(4, 'big') + _sshstr(pub) + _sshstr(priv)
    return pem('OPENSSH PRIVATE KEY', blob, 70)


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_private(r):
    body = bytes.fromhex('9501d8') + bytes([4]) + ts(r).to_bytes(4, 'big') + bytes([1]) + rb(r, 460)
    c = b64(crc24(body).to_bytes(3, 'big'))
    return ('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----'
            % (wrap(b64(body), 64), c))


def rsa_private_pem(r):
    return pem('RSA PRIVATE KEY', der_rsa_pkcs1(r))


def pkcs8_private_pem(r):
    return pem('PRIVATE KEY', der_pkcs8_rsa(r))


def ec_private_pem(r):
    return pem('EC PRIVATE KEY', der_ec_p256(r))


# public material for negatives
def rsa_public_pem(r):
    return pem('PUBLIC KEY', bytes.fromhex('30820122300d06092a864886f70d01010105000382010f003082010a0282010100')
               + b'\x00' + rb(r, 255) + bytes.fromhex('0203010001'))


def cert_pem(r):
    return pem('CERTIFICATE', bytes.fromhex('308203') + rb(r, 2) + bytes.fromhex('308202') + rb(r, 862))


def ssh_rsa_pub(r, comment):
    blob = _sshstr(b'ssh-rsa') + _sshstr(b'\x01\x00\x01') + _sshstr(b'\x00' + rb(r, 256))
    return 'ssh-rsa %s %s' % (b64(blob), comment)


def ssh_ed_pub(r, comment):
    return 'ssh-ed25519 %s %s' % (b64(_sshstr(b'ssh-ed25519') + _sshstr(rb(r, 32))), comment)


# ----------------------------------------------------------------------------
# credential model
# ----------------------------------------------------------------------------
class Field(object):
    __slots__ = ('name', 'key', 'value', 'role', 'label', 'alts', 'provider', 'kind', 'uid')

    def __init__(self, name, key, value, role, label=None, alts=()):
        self.name, self.key, self.value, self.role = name, key, value, role
        self.label = value if label is None else label
        self.alts = [a for a in alts if a != self.label]
        self.provider = self.kind = None
        self.uid = None


def S(name, key, value, label=None, alts=()):
    return Field(name, key, value, 'secret', label, alts)


def I(name, key, value):
    return Field(name, key, value, 'ident')


class Kind(object):
    def __init__(self, kid, provider, section, doc, host, unc, auth, gen, special):
        self.kid, self.provider, self.section, self.doc = kid, provider, section, doc
        self.host, self.unc, self.auth, self.gen, self.special = host, unc, auth, gen, special


KINDS = []
_UID = [0]


def K(kid, provider, section, doc, host=None, unc=False, auth='bearer', special=False):
    def deco(fn):
        KINDS.append(Kind(kid, provider, section, doc, host or 'api.%s.com' % section, unc, auth,
                          fn, special))
        return fn
    return deco


class Cred(object):
    def __init__(self, kind, fields):
        self.kind, self.fields = kind, fields
        for f in fields:
            f.provider, f.kind = kind.provider, kind.kid
            _UID[0] += 1
            f.uid = _UID[0]

    @property
    def secrets(self):
        return [f for f in self.fields if f.role == 'secret']

    @property
    def idents(self):
        return [f for f in self.fields if f.role == 'ident']


def make_cred(r, kind):
    return Cred(kind, kind.gen(r))


def url_pw(r, scheme, user, pw, hostport, path=''):
    enc = urllib.parse.quote(pw, safe='')
    url = '%s://%s:%s@%s%s' % (scheme, user, enc, hostport, path)
    alts = [url] + ([enc] if enc != pw else [])
    return url, alts


# ----------------------------------------------------------------------------
# credential kinds (documented formats; doc URL per kind)
# ----------------------------------------------------------------------------
def aws_id(r, p='AKIA'):
    return p + rs(r, B32U, 16)


def aws_secret(r):
    return rs(r, ALNUM + '+/', 40)


@K('aws_access_key', 'AWS', 'aws', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
   'sts.amazonaws.com', auth='sigv4')
def _(r):
    return [I('AWS_ACCESS_KEY_ID', 'access_key_id', aws_id(r)),
            S('AWS_SECRET_ACCESS_KEY', 'secret_access_key', aws_secret(r))]


@K('aws_session_token', 'AWS STS', 'aws', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
   'sts.amazonaws.com', auth='sigv4')
def _(r):
    tok = r.choice(['IQoJb3JpZ2luX2VjE', 'FwoGZXIvYXdzE']) + rs(r, ALNUM + '+/', r.randrange(330, 620) // 4 * 4 - 1) + '='
    return [I('AWS_ACCESS_KEY_ID', 'access_key_id', aws_id(r, 'ASIA')),
            S('AWS_SECRET_ACCESS_KEY', 'secret_access_key', aws_secret(r)),
            S('AWS_SESSION_TOKEN', 'session_token', tok)]


@K('google_api_key', 'Google Cloud API key', 'google', 'https://cloud.google.com/docs/authentication/api-keys',
   'maps.googleapis.com', auth='query:key')
def _(r):
    return [S(r.choice(['GOOGLE_API_KEY', 'GEMINI_API_KEY', 'YOUTUBE_API_KEY', 'GOOGLE_MAPS_SERVER_KEY', 'GCP_API_KEY']),
              'api_key', 'AIza' + rs(r, ALNUM + '-_', 35))]


@K('google_oauth_client_secret', 'Google OAuth client', 'google_oauth', 'https://developers.google.com/identity/protocols/oauth2',
   'oauth2.googleapis.com', auth='form')
def _(r):
    cid = '%d-%s.apps.googleusercontent.com' % (r.randrange(10 ** 11, 10 ** 12), rs(r, AN_L, 32))
    return [I('GOOGLE_CLIENT_ID', 'client_id', cid),
            S('GOOGLE_CLIENT_SECRET', 'client_secret', 'GOCSPX-' + rs(r, ALNUM + '-_', 28))]


@K('google_refresh_token', 'Google OAuth refresh token', 'google_oauth', 'https://developers.google.com/identity/protocols/oauth2',
   'oauth2.googleapis.com', auth='form')
def _(r):
    return [S('GOOGLE_REFRESH_TOKEN', 'refresh_token', '1//0' + rs(r, ALNUM, 1) + rs(r, ALNUM + '-_', 98))]


@K('firebase_fcm_server_key', 'Firebase Cloud Messaging (legacy server key)', 'firebase',
   'https://firebase.google.com/docs/cloud-messaging/auth-server', 'fcm.googleapis.com', auth='header:Authorization: key=')
def _(r):
    return [S('FCM_SERVER_KEY', 'server_key', 'AAAA' + rs(r, ALNUM + '-_', 7) + ':APA91b' + rs(r, ALNUM + '-_', 134))]


@K('azure_storage_key', 'Azure Storage account key', 'azure_storage',
   'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'blob.core.windows.net', auth='none')
def _(r):
    acct = rs(r, LO, 4) + slug(r).replace('-', '') + rs(r, D, 3)
    return [I('AZURE_STORAGE_ACCOUNT', 'account_name', acct),
            S('AZURE_STORAGE_KEY', 'account_key', b64(rb(r, 64)))]


@K('azure_storage_connection_string', 'Azure Storage connection string', 'azure_storage',
   'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string', 'blob.core.windows.net', auth='none')
def _(r):
    key = b64(rb(r, 64))
    acct = slug(r).replace('-', '') + rs(r, AN_L, 5)
    cs = 'DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net' % (acct, key)
    return [S(r.choice(['AZURE_STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'BLOB_CONNECTION_STRING']),
              'connection_string', cs, label=key, alts=[cs])]


@K('azure_sas_token', 'Azure Storage SAS', 'azure_storage', 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview',
   'blob.core.windows.net', auth='none')
def _(r):
    sig = b64(rb(r, 32))
    enc = urllib.parse.quote(sig, safe='')
    acct = slug(r).replace('-', '') + rs(r, AN_L, 4)
    url = ('https://%s.blob.core.windows.net/%s?sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2026-%02d-%02dT%02d:00:00Z'
           '&st=2024-%02d-01T00:00:00Z&spr=https&sig=%s') % (acct, r.choice(['exports', 'backups', 'uploads']),
                                                          r.randrange(1, 13), r.randrange(1, 28), r.randrange(24),
                                                          r.randrange(1, 13), enc)
    return [S('AZURE_BLOB_SAS_URL', 'sas_url', url, label=sig, alts=[enc, url])]


@K('azure_ad_client_secret', 'Microsoft Entra ID client secret', 'azure_ad',
   'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app', 'login.microsoftonline.com', auth='form')
def _(r):
    sec = rs(r, ALNUM, 3) + rs(r, D, 1) + 'Q~' + rs(r, ALNUM + '_~.-', 34)
    return [I('AZURE_TENANT_ID', 'tenant_id', uuid4(r)), I('AZURE_CLIENT_ID', 'client_id', uuid4(r)),
            S('AZURE_CLIENT_SECRET', 'client_secret', sec)]


@K('azure_servicebus_connection_string', 'Azure Service Bus SAS key', 'azure_servicebus',
   'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas', 'servicebus.windows.net', auth='none')
def _(r):
    key = b64(rb(r, 32))
    cs = 'Endpoint=sb://%s-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s' % (
        slug(r), r.choice(['prod', 'events', 'bus']), key)
    return [S('SERVICEBUS_CONNECTION_STRING', 'connection_string', cs, label=key, alts=[cs])]


@K('azure_cosmos_key', 'Azure Cosmos DB key', 'cosmos', 'https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data',
   'documents.azure.com', auth='none')
def _(r):
    return [S(r.choice(['COSMOS_KEY', 'COSMOSDB_PRIMARY_KEY']), 'primary_key', b64(rb(r, 64)))]


@K('azure_devops_pat', 'Azure DevOps PAT', 'azure_devops',
   'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
   'dev.azure.com', auth='basic_blank')
def _(r):
    return [S(r.choice(['AZURE_DEVOPS_PAT', 'AZURE_DEVOPS_EXT_PAT', 'ADO_PAT']), 'pat', rs(r, B32L, 52))]


@K('azure_openai_key', 'Azure OpenAI key', 'azure_openai', 'https://learn.microsoft.com/en-us/azure/ai-services/openai/reference',
   'openai.azure.com', auth='header:api-key')
def _(r):
    return [S('AZURE_OPENAI_API_KEY', 'api_key', rs(r, HEXL, 32))]


GH_DOC = 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/'
for _p, _n, _env in (('ghp_', 'GitHub personal access token (classic)', ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_PAT']),
                     ('gho_', 'GitHub OAuth access token', ['GITHUB_OAUTH_TOKEN', 'GH_OAUTH_TOKEN']),
                     ('ghu_', 'GitHub App user-to-server token', ['GITHUB_USER_TOKEN', 'GH_APP_USER_TOKEN']),
                     ('ghs_', 'GitHub App installation token', ['GITHUB_INSTALLATION_TOKEN', 'GH_APP_TOKEN']),
                     ('ghr_', 'GitHub App refresh token', ['GITHUB_REFRESH_TOKEN'])):
    def _mk(p=_p, env=_env):
        return lambda r: [S(r.choice(env), 'token', crc_token(r, p))]
    K('github_' + _p.rstrip('_'), _n, 'github', GH_DOC, 'api.github.com')(_mk())


@K('github_fine_grained_pat', 'GitHub fine-grained PAT', 'github',
   'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
   'api.github.com')
def _(r):
    return [S(r.choice(['GITHUB_TOKEN', 'GH_PAT', 'RELEASE_TOKEN']), 'token',
              'github_pat_11' + rs(r, AN_U, 20) + '_' + rs(r, ALNUM, 59))]


GL_DOC = 'https://docs.gitlab.com/ee/security/tokens/'


@K('gitlab_pat', 'GitLab personal access token', 'gitlab', GL_DOC, 'gitlab.com', auth='header:PRIVATE-TOKEN')
def _(r):
    return [S(r.choice(['GITLAB_TOKEN', 'GL_TOKEN', 'CI_JOB_PAT']), 'token', 'glpat-' + rs(r, ALNUM + '-_', 20))]


@K('gitlab_runner_token', 'GitLab runner authentication token', 'gitlab', GL_DOC, 'gitlab.com', auth='none')
def _(r):
    return [S('RUNNER_TOKEN', 'runner_token', 'glrt-' + rs(r, ALNUM + '-_', 20))]


@K('gitlab_deploy_token', 'GitLab deploy token', 'gitlab', GL_DOC, 'registry.gitlab.com', auth='basic')
def _(r):
    return [I('GITLAB_DEPLOY_USER', 'deploy_user', 'gitlab+deploy-token-%d' % r.randrange(100000, 9999999)),
            S('GITLAB_DEPLOY_TOKEN', 'deploy_token', 'gldt-' + rs(r, ALNUM + '-_', 20))]


@K('gitlab_trigger_token', 'GitLab pipeline trigger token', 'gitlab', GL_DOC, 'gitlab.com', auth='form')
def _(r):
    return [S('GITLAB_TRIGGER_TOKEN', 'trigger_token', 'glptt-' + rs(r, HEXL, 40))]


@K('bitbucket_app_password', 'Bitbucket app password', 'bitbucket',
   'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/', 'api.bitbucket.org', unc=True, auth='basic')
def _(r):
    return [I('BITBUCKET_USERNAME', 'username', r.choice(['ci-bot', 'deploy', 'release-bot']) + str(r.randrange(10, 99))),
            S('BITBUCKET_APP_PASSWORD', 'app_password', 'ATBB' + rs(r, ALNUM, 28) + rs(r, HEXU, 8))]


SLACK_DOC = 'https://api.slack.com/authentication/token-types'


@K('slack_bot_token', 'Slack bot token', 'slack', SLACK_DOC, 'slack.com')
def _(r):
    return [S(r.choice(['SLACK_BOT_TOKEN', 'SLACK_TOKEN']), 'bot_token', 'xoxb-%d-%d-%s' % (
        r.randrange(10 ** 10, 10 ** 13), r.randrange(10 ** 12, 10 ** 13), rs(r, ALNUM, 24)))]


@K('slack_user_token', 'Slack user token', 'slack', SLACK_DOC, 'slack.com')
def _(r):
    return [S('SLACK_USER_TOKEN', 'user_token', 'xoxp-%d-%d-%d-%s' % (
        r.randrange(10 ** 10, 10 ** 12), r.randrange(10 ** 10, 10 ** 12), r.randrange(10 ** 12, 10 ** 13), rs(r, HEXL, 32)))]


@K('slack_app_token', 'Slack app-level token', 'slack', SLACK_DOC, 'slack.com')
def _(r):
    return [S('SLACK_APP_TOKEN', 'app_token', 'xapp-1-A%s-%d-%s' % (rs(r, AN_U, 10), r.randrange(10 ** 12, 10 ** 13), rs(r, HEXL, 64)))]


@K('slack_webhook', 'Slack incoming webhook', 'slack', 'https://api.slack.com/messaging/webhooks', 'hooks.slack.com', auth='url')
def _(r):
    return [S(r.choice(['SLACK_WEBHOOK_URL', 'SLACK_WEBHOOK', 'ALERTS_WEBHOOK']), 'webhook_url',
              'https://hooks.slack.com/services/T%s/B%s/%s' % (rs(r, AN_U, r.choice([8, 10])), rs(r, AN_U, r.choice([8, 10])), rs(r, ALNUM, 24)))]


STRIPE_DOC = 'https://docs.stripe.com/keys'


def stripe_body(r):
    return ('51' + rs(r, ALNUM, 97)) if r.random() < 0.7 else rs(r, ALNUM, 24)


@K('stripe_secret_key', 'Stripe live secret key', 'stripe', STRIPE_DOC, 'api.stripe.com', auth='basic_user')
def _(r):
    return [S(r.choice(['STRIPE_SECRET_KEY', 'STRIPE_API_KEY', 'STRIPE_KEY']), 'secret_key', 'sk_live_' + stripe_body(r))]


@K('stripe_restricted_key', 'Stripe live restricted key', 'stripe', STRIPE_DOC, 'api.stripe.com', auth='basic_user')
def _(r):
    return [S(r.choice(['STRIPE_RESTRICTED_KEY', 'STRIPE_READONLY_KEY', 'STRIPE_CONNECT_KEY']), 'restricted_key',
              'rk_live_' + stripe_body(r))]


@K('stripe_webhook_secret', 'Stripe webhook signing secret', 'stripe', 'https://docs.stripe.com/webhooks#verify-events',
   'api.stripe.com', auth='none')
def _(r):
    return [S('STRIPE_WEBHOOK_SECRET', 'webhook_secret', 'whsec_' + rs(r, ALNUM, 32))]


TW_DOC = 'https://www.twilio.com/docs/iam/credentials/api'


@K('twilio_auth_token', 'Twilio auth token', 'twilio', TW_DOC, 'api.twilio.com', auth='basic')
def _(r):
    return [I('TWILIO_ACCOUNT_SID', 'account_sid', 'AC' + rs(r, HEXL, 32)),
            S('TWILIO_AUTH_TOKEN', 'auth_token', rs(r, HEXL, 32))]


@K('twilio_api_key', 'Twilio API key secret', 'twilio', TW_DOC, 'api.twilio.com', auth='basic')
def _(r):
    return [I('TWILIO_API_KEY', 'api_key_sid', 'SK' + rs(r, HEXL, 32)),
            S('TWILIO_API_SECRET', 'api_key_secret', rs(r, ALNUM, 32))]


@K('sendgrid_api_key', 'SendGrid', 'sendgrid', 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
   'api.sendgrid.com')
def _(r):
    return [S(r.choice(['SENDGRID_API_KEY', 'SMTP_PASSWORD', 'MAIL_API_KEY']), 'api_key',
              'SG.' + rs(r, ALNUM + '-_', 22) + '.' + rs(r, ALNUM + '-_', 43))]


@K('openai_api_key', 'OpenAI', 'openai', 'https://platform.openai.com/docs/api-reference/authentication', 'api.openai.com')
def _(r):
    c = r.random()
    if c < 0.55:
        v = 'sk-proj-' + rs(r, ALNUM + '-_', 74) + 'T3BlbkFJ' + rs(r, ALNUM + '-_', 74)
    elif c < 0.75:
        v = 'sk-svcacct-' + rs(r, ALNUM + '-_', 74) + 'T3BlbkFJ' + rs(r, ALNUM + '-_', 74)
    else:
        v = 'sk-' + rs(r, ALNUM, 20) + 'T3BlbkFJ' + rs(r, ALNUM, 20)
    return [S(r.choice(['OPENAI_API_KEY', 'OPENAI_KEY', 'LLM_API_KEY']), 'api_key', v)]


@K('anthropic_api_key', 'Anthropic', 'anthropic', 'https://docs.anthropic.com/en/api/getting-started', 'api.anthropic.com',
   auth='header:x-api-key')
def _(r):
    p = 'sk-ant-api03-' if r.random() < 0.85 else 'sk-ant-admin01-'
    return [S(r.choice(['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY']), 'api_key', p + rs(r, ALNUM + '-_', 93) + 'AA')]


@K('huggingface_token', 'Hugging Face', 'huggingface', 'https://huggingface.co/docs/hub/security-tokens', 'huggingface.co')
def _(r):
    return [S(r.choice(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HUGGINGFACEHUB_API_TOKEN']), 'token', 'hf_' + rs(r, UP + LO, 34))]


@K('npm_token', 'npm', 'npm', 'https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/',
   'registry.npmjs.org')
def _(r):
    return [S(r.choice(['NPM_TOKEN', 'NODE_AUTH_TOKEN']), 'token', crc_token(r, 'npm_'))]


@K('pypi_token', 'PyPI', 'pypi', 'https://pypi.org/help/#apitoken', 'upload.pypi.org', auth='basic_token')
def _(r):
    return [S(r.choice(['PYPI_TOKEN', 'TWINE_PASSWORD', 'PYPI_API_TOKEN']), 'token',
              'pypi-AgEIcHlwaS5vcmcCJD' + rs(r, ALNUM + '-_', r.randrange(150, 190)))]


@K('dockerhub_pat', 'Docker Hub', 'dockerhub', 'https://docs.docker.com/security/for-developers/access-tokens/',
   'hub.docker.com', auth='basic')
def _(r):
    return [I('DOCKERHUB_USERNAME', 'username', slug(r).replace('-', '') + r.choice(['ci', 'bot', 'deploy'])),
            S('DOCKERHUB_TOKEN', 'token', 'dckr_pat_' + rs(r, ALNUM + '-_', 27))]


SHOP_DOC = 'https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing'


@K('shopify_access_token', 'Shopify Admin API access token', 'shopify', SHOP_DOC, 'myshopify.com',
   auth='header:X-Shopify-Access-Token')
def _(r):
    return [S(r.choice(['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_ADMIN_TOKEN']), 'access_token',
              r.choice(['shpat_', 'shpca_', 'shppa_']) + rs(r, HEXL, 32))]


@K('shopify_shared_secret', 'Shopify app shared secret', 'shopify', SHOP_DOC, 'myshopify.com', auth='none')
def _(r):
    return [I('SHOPIFY_API_KEY', 'api_key', rs(r, HEXL, 32)),
            S('SHOPIFY_API_SECRET', 'api_secret', 'shpss_' + rs(r, HEXL, 32))]


DD_DOC = 'https://docs.datadoghq.com/account_management/api-app-keys/'


@K('datadog_api_key', 'Datadog API key', 'datadog', DD_DOC, 'api.datadoghq.com', auth='header:DD-API-KEY')
def _(r):
    return [S(r.choice(['DD_API_KEY', 'DATADOG_API_KEY']), 'api_key', rs(r, HEXL, 32))]


@K('datadog_app_key', 'Datadog application key', 'datadog', DD_DOC, 'api.datadoghq.com', auth='header:DD-APPLICATION-KEY')
def _(r):
    return [S(r.choice(['DD_APP_KEY', 'DATADOG_APP_KEY']), 'app_key', rs(r, HEXL, 40))]


NR_DOC = 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'


@K('newrelic_user_key', 'New Relic user API key', 'newrelic', NR_DOC, 'api.newrelic.com', auth='header:Api-Key')
def _(r):
    return [S(r.choice(['NEW_RELIC_API_KEY', 'NEWRELIC_API_KEY', 'NEW_RELIC_USER_KEY']), 'api_key', 'NRAK-' + rs(r, AN_U, 27))]


@K('newrelic_license_key', 'New Relic license (ingest) key', 'newrelic', NR_DOC, 'collector.newrelic.com', auth='none')
def _(r):
    return [S('NEW_RELIC_LICENSE_KEY', 'license_key', rs(r, HEXL, 36) + 'NRAL')]


@K('sentry_org_token', 'Sentry organization auth token', 'sentry', 'https://docs.sentry.io/account/auth-tokens/', 'sentry.io')
def _(r):
    payload = {'iat': ts(r) + 0.5, 'url': 'https://sentry.io', 'region_url': 'https://us.sentry.io', 'org': slug(r)}
    return [S(r.choice(['SENTRY_AUTH_TOKEN', 'SENTRY_ORG_TOKEN']), 'auth_token',
              'sntrys_' + b64(json.dumps(payload, separators=(',', ':')).encode()).rstrip('=') + '_' + rs(r, ALNUM + '+/', 43))]


@K('sentry_user_token', 'Sentry user auth token', 'sentry', 'https://docs.sentry.io/api/auth/', 'sentry.io')
def _(r):
    return [S('SENTRY_AUTH_TOKEN', 'auth_token', 'sntryu_' + rs(r, HEXL, 64))]


GRAF_DOC = 'https://grafana.com/docs/grafana/latest/administration/service-accounts/'


@K('grafana_service_account_token', 'Grafana service account token', 'grafana', GRAF_DOC, 'grafana.net')
def _(r):
    return [S(r.choice(['GRAFANA_TOKEN', 'GRAFANA_SA_TOKEN', 'GF_TOKEN']), 'token', 'glsa_' + rs(r, ALNUM, 32) + '_' + rs(r, HEXL, 8))]


@K('grafana_cloud_token', 'Grafana Cloud access policy token', 'grafana',
   'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/', 'grafana.net',
   auth='basic')
def _(r):
    o = {'o': str(r.randrange(100000, 999999)), 'n': '%s-%s-write' % (slug(r), r.choice(['metrics', 'logs', 'traces'])),
         'k': rs(r, ALNUM, 24), 'm': {'r': r.choice(['prod-us-east-0', 'prod-eu-west-2', 'prod-ap-southeast-1'])}}
    return [I('GRAFANA_CLOUD_INSTANCE_ID', 'instance_id', str(r.randrange(100000, 1999999))),
            S('GRAFANA_CLOUD_API_KEY', 'api_key', 'glc_' + b64(json.dumps(o, separators=(',', ':')).encode()))]


@K('grafana_legacy_api_key', 'Grafana API key (legacy)', 'grafana', 'https://grafana.com/docs/grafana/latest/developers/http_api/auth/',
   'grafana.net')
def _(r):
    o = {'k': rs(r, ALNUM, 32), 'n': r.choice(['ci', 'dashboards-sync', 'alerts']), 'id': r.randrange(1, 40)}
    return [S('GRAFANA_API_KEY', 'api_key', b64(json.dumps(o, separators=(',', ':')).encode()))]


VAULT_DOC = 'https://developer.hashicorp.com/vault/docs/concepts/tokens'


@K('vault_service_token', 'HashiCorp Vault service token', 'vault', VAULT_DOC, 'vault.internal:8200',
   auth='header:X-Vault-Token')
def _(r):
    v = 'hvs.' + rs(r, ALNUM, 24) if r.random() < 0.4 else 'hvs.CAESI' + rs(r, ALNUM + '-_', 86)
    return [S(r.choice(['VAULT_TOKEN', 'VAULT_ROOT_TOKEN']), 'token', v)]


@K('vault_batch_token', 'HashiCorp Vault batch token', 'vault', VAULT_DOC, 'vault.internal:8200', auth='header:X-Vault-Token')
def _(r):
    return [S('VAULT_TOKEN', 'token', 'hvb.AAAAAQ' + rs(r, ALNUM + '-_', 132))]


@K('terraform_cloud_token', 'Terraform Cloud / HCP Terraform API token', 'terraform',
   'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens', 'app.terraform.io')
def _(r):
    return [S(r.choice(['TFE_TOKEN', 'TF_API_TOKEN', 'TF_TOKEN_app_terraform_io']), 'token',
              rs(r, ALNUM, 14) + '.atlasv1.' + rs(r, ALNUM, 67))]


# --- databases / brokers (label = password, alts = URL and encoded password)
@K('postgres_url', 'PostgreSQL connection URL', 'database', 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING',
   'db.internal', auth='none')
def _(r):
    pw = password(r)
    url, alts = url_pw(r, r.choice(['postgres', 'postgresql']), r.choice(['app', 'app_rw', svc(r).replace('-', '_')]), pw,
                       '%s.%s.rds.amazonaws.com:5432' % (svc(r), rs(r, AN_L, 12)) if r.random() < 0.5 else 'pg-primary.internal:5432',
                       '/' + svc(r).replace('-', '_') + r.choice(['', '?sslmode=require']))
    return [S(r.choice(['DATABASE_URL', 'POSTGRES_URL', 'DB_DSN']), 'url', url, label=pw, alts=alts)]


@K('mysql_url', 'MySQL connection URL', 'database', 'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html',
   'db.internal', auth='none')
def _(r):
    pw = password(r)
    url, alts = url_pw(r, r.choice(['mysql', 'mysql2']), r.choice(['root', 'wp', 'shop']), pw, 'mysql.%s.internal:3306' % slug(r),
                       '/' + r.choice(['shop', 'wordpress', 'orders']))
    return [S(r.choice(['DATABASE_URL', 'MYSQL_URL']), 'url', url, label=pw, alts=alts)]


@K('mongodb_atlas_uri', 'MongoDB Atlas connection string', 'mongodb', 'https://www.mongodb.com/docs/manual/reference/connection-string/',
   'mongodb.net', auth='none')
def _(r):
    pw = password(r)
    url, alts = url_pw(r, 'mongodb+srv', r.choice(['admin', 'appUser', 'svc-' + svc(r)]), pw,
                       'cluster0.%s.mongodb.net' % rs(r, AN_L, 5), '/%s?retryWrites=true&w=majority' % svc(r))
    return [S(r.choice(['MONGODB_URI', 'MONGO_URL']), 'uri', url, label=pw, alts=alts)]


@K('redis_cloud_url', 'Redis Cloud URL', 'redis', 'https://redis.io/docs/latest/operate/rc/databases/connect/', 'redis-cloud.com',
   auth='none')
def _(r):
    pw = rs(r, ALNUM, 32)
    url, alts = url_pw(r, 'redis', 'default', pw, 'redis-%d.c%d.us-east-1-%d.ec2.redns.redis-cloud.com:%d' % (
        r.randrange(10000, 19999), r.randrange(1, 300), r.randrange(1, 4), r.randrange(10000, 19999)))
    return [S(r.choice(['REDIS_URL', 'CACHE_URL']), 'url', url, label=pw, alts=alts)]


@K('amqp_url', 'RabbitMQ / AMQP URL', 'rabbitmq', 'https://www.rabbitmq.com/docs/uri-spec', 'rabbitmq', auth='none')
def _(r):
    pw = password(r)
    url, alts = url_pw(r, 'amqps', r.choice(['worker', 'svc', 'celery']), pw,
                       r.choice(['b-%s.mq.us-east-1.amazonaws.com:5671' % uuid4(r), '%s.rmq.cloudamqp.com' % r.choice(['rat', 'hawk', 'beaver'])]),
                       '/' + r.choice(['prod', 'vhost1', '']))
    return [S(r.choice(['AMQP_URL', 'CELERY_BROKER_URL', 'RABBITMQ_URL']), 'url', url, label=pw, alts=alts)]


@K('mssql_connection_string', 'Azure SQL / SQL Server connection string', 'sqlserver',
   'https://learn.microsoft.com/en-us/sql/connect/ado-net/connection-string-syntax', 'database.windows.net', auth='none')
def _(r):
    pw = password(r)
    while ';' in pw or '=' in pw:
        pw = password(r)
    cs = 'Server=tcp:%s-sql.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;Encrypt=True;' % (
        slug(r), svc(r), r.choice(['sqladmin', 'appuser']), pw)
    return [S(r.choice(['SQL_CONNECTION_STRING', 'ConnectionStrings__Default']), 'connection_string', cs, label=pw, alts=[cs])]


@K('neon_postgres_url', 'Neon Postgres URL', 'neon', 'https://neon.tech/docs/connect/connect-from-any-app', 'neon.tech', auth='none')
def _(r):
    pw = 'npg_' + rs(r, ALNUM, 12)
    url, alts = url_pw(r, 'postgresql', 'neondb_owner', pw, 'ep-%s-%s-%s.us-east-2.aws.neon.tech' % (
        r.choice(WORDS), r.choice(WORDS), rs(r, AN_L, 8)), '/neondb?sslmode=require')
    return [S('DATABASE_URL', 'url', url, label=pw, alts=alts)]


@K('aiven_service_password', 'Aiven service password', 'aiven', 'https://aiven.io/docs/products/postgresql/howto/connect-python',
   'aivencloud.com', auth='none')
def _(r):
    pw = 'AVNS_' + rs(r, ALNUM + '-_', 19)
    url, alts = url_pw(r, 'postgres', 'avnadmin', pw, 'pg-%s-%s.%s.aivencloud.com:%d' % (
        svc(r), slug(r), rs(r, AN_L, 1) + rs(r, AN_L, 6), r.randrange(10000, 29999)), '/defaultdb?sslmode=require')
    return [S(r.choice(['AIVEN_PG_URI', 'DATABASE_URL']), 'uri', url, label=pw, alts=alts)]


@K('cockroachdb_url', 'CockroachDB Cloud URL', 'cockroach', 'https://www.cockroachlabs.com/docs/cockroachcloud/connect-to-your-cluster',
   'cockroachlabs.cloud', auth='none')
def _(r):
    pw = rs(r, ALNUM + '-_', 22)
    url, alts = url_pw(r, 'postgresql', r.choice(['maxroach', 'app']), pw, '%s-%s-%d.%s.cockroachlabs.cloud:26257' % (
        r.choice(WORDS), r.choice(WORDS), r.randrange(1000, 9999), r.choice(['j77', 'g8z', 'p4x'])), '/defaultdb?sslmode=verify-full')
    return [S('COCKROACH_URL', 'url', url, label=pw, alts=alts)]


@K('planetscale_password', 'PlanetScale database password', 'planetscale', 'https://planetscale.com/docs/concepts/connection-strings',
   'psdb.cloud', auth='none')
def _(r):
    pw = 'pscale_pw_' + rs(r, ALNUM + '-_', 43)
    url, alts = url_pw(r, 'mysql', rs(r, AN_L, 12), pw, 'aws.connect.psdb.cloud', '/%s?ssl={"rejectUnauthorized":true}' % svc(r))
    return [S('DATABASE_URL', 'url', url, label=pw, alts=alts)]


@K('planetscale_service_token', 'PlanetScale service token', 'planetscale', 'https://planetscale.com/docs/concepts/service-tokens',
   'api.planetscale.com', auth='header:Authorization')
def _(r):
    return [I('PLANETSCALE_SERVICE_TOKEN_ID', 'service_token_id', rs(r, AN_L, 12)),
            S('PLANETSCALE_SERVICE_TOKEN', 'service_token', 'pscale_tkn_' + rs(r, ALNUM + '-_', 43))]


@K('upstash_redis_token', 'Upstash Redis REST token', 'upstash', 'https://upstash.com/docs/redis/features/restapi', 'upstash.io',
   unc=True)
def _(r):
    return [S('UPSTASH_REDIS_REST_TOKEN', 'rest_token', 'A' + rs(r, UP, 1) + rs(r, ALNUM, 1) + 'AAIjcD' + rs(r, ALNUM, 64))]


@K('snowflake_password', 'Snowflake user password', 'snowflake', 'https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-connect',
   'snowflakecomputing.com', auth='none')
def _(r):
    return [I('SNOWFLAKE_ACCOUNT', 'account', '%s-%s' % (rs(r, AN_U, 7), rs(r, AN_U, 7))),
            S('SNOWFLAKE_PASSWORD', 'password', password(r))]


@K('password_assignment', 'Password in config', 'database', 'https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/',
   'db.internal', auth='none')
def _(r):
    name = r.choice(['DB_PASSWORD', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'SMTP_PASSWORD', 'LDAP_BIND_PASSWORD',
                     'REDIS_PASSWORD', 'RABBITMQ_DEFAULT_PASS', 'KEYSTORE_PASSWORD', 'ADMIN_PASSWORD', 'ELASTIC_PASSWORD'])
    return [S(name, name.lower(), password(r))]


@K('django_secret_key', 'Django SECRET_KEY', 'django', 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
   'localhost', auth='none')
def _(r):
    return [S('DJANGO_SECRET_KEY', 'secret_key', rs(r, LO + D + '!@#%^&*(-_=+)', 50))]


@K('rails_secret_key_base', 'Rails secret_key_base', 'rails', 'https://guides.rubyonrails.org/security.html#custom-credentials',
   'localhost', auth='none')
def _(r):
    return [S('SECRET_KEY_BASE', 'secret_key_base', rs(r, HEXL, 128))]


@K('laravel_app_key', 'Laravel APP_KEY', 'laravel', 'https://laravel.com/docs/encryption#configuration', 'localhost', auth='none')
def _(r):
    return [S('APP_KEY', 'app_key', 'base64:' + b64(rb(r, 32)))]


# --- messaging / email
@K('mailgun_api_key', 'Mailgun', 'mailgun', 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
   'api.mailgun.net', auth='basic_api')
def _(r):
    v = ('key-' + rs(r, HEXL, 32)) if r.random() < 0.4 else '%s-%s-%s' % (rs(r, HEXL, 32), rs(r, HEXL, 8), rs(r, HEXL, 8))
    return [S('MAILGUN_API_KEY', 'api_key', v)]


@K('mailchimp_api_key', 'Mailchimp Marketing API key', 'mailchimp', 'https://mailchimp.com/developer/marketing/guides/quick-start/',
   'us21.api.mailchimp.com', auth='basic_any')
def _(r):
    return [S('MAILCHIMP_API_KEY', 'api_key', rs(r, HEXL, 32) + '-us' + str(r.randrange(1, 22)))]


@K('mailjet_secret', 'Mailjet API secret', 'mailjet', 'https://dev.mailjet.com/email/guides/', 'api.mailjet.com', auth='basic')
def _(r):
    return [I('MJ_APIKEY_PUBLIC', 'api_key', rs(r, HEXL, 32)), S('MJ_APIKEY_PRIVATE', 'secret_key', rs(r, HEXL, 32))]


@K('sparkpost_api_key', 'SparkPost', 'sparkpost', 'https://developers.sparkpost.com/api/#header-authentication',
   'api.sparkpost.com', auth='header:Authorization')
def _(r):
    return [S('SPARKPOST_API_KEY', 'api_key', rs(r, HEXL, 40))]


@K('mandrill_api_key', 'Mandrill (Mailchimp Transactional)', 'mandrill', 'https://mailchimp.com/developer/transactional/guides/quick-start/',
   'mandrillapp.com', unc=True, auth='json:key')
def _(r):
    return [S('MANDRILL_API_KEY', 'api_key', 'md-' + rs(r, ALNUM + '-_', 22))]


@K('postmark_server_token', 'Postmark server token', 'postmark', 'https://postmarkapp.com/developer/api/overview#authentication',
   'api.postmarkapp.com', auth='header:X-Postmark-Server-Token')
def _(r):
    return [S(r.choice(['POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TOKEN']), 'server_token', uuid4(r))]


@K('pusher_secret', 'Pusher Channels app secret', 'pusher', 'https://pusher.com/docs/channels/library_auth_reference/auth-signatures/',
   'api-eu.pusher.com', auth='none')
def _(r):
    return [I('PUSHER_APP_ID', 'app_id', str(r.randrange(1000000, 1999999))), I('PUSHER_KEY', 'key', rs(r, HEXL, 20)),
            S('PUSHER_SECRET', 'secret', rs(r, HEXL, 20))]


@K('ably_api_key', 'Ably API key', 'ably', 'https://ably.com/docs/auth', 'rest.ably.io', auth='basic_whole')
def _(r):
    return [S('ABLY_API_KEY', 'api_key', '%s.%s:%s' % (rs(r, ALNUM + '-_', 6), rs(r, ALNUM + '-_', 6), rs(r, ALNUM + '-_', 43)))]


@K('stream_api_secret', 'Stream (getstream.io) API secret', 'stream', 'https://getstream.io/chat/docs/node/tokens_and_authentication/',
   'chat.stream-io-api.com', auth='none')
def _(r):
    return [I('STREAM_API_KEY', 'api_key', rs(r, AN_L, 12)), S('STREAM_API_SECRET', 'api_secret', rs(r, AN_L, 64))]


@K('agora_app_certificate', 'Agora app certificate', 'agora', 'https://docs.agora.io/en/video-calling/get-started/manage-agora-account',
   'api.agora.io', auth='none')
def _(r):
    return [I('AGORA_APP_ID', 'app_id', rs(r, HEXL, 32)), S('AGORA_APP_CERTIFICATE', 'app_certificate', rs(r, HEXL, 32))]


@K('vonage_api_secret', 'Vonage (Nexmo) API secret', 'vonage', 'https://developer.vonage.com/en/getting-started/concepts/authentication',
   'rest.nexmo.com', auth='query2:api_key:api_secret')
def _(r):
    return [I(r.choice(['VONAGE_API_KEY', 'NEXMO_API_KEY']), 'api_key', rs(r, HEXL, 8)),
            S(r.choice(['VONAGE_API_SECRET', 'NEXMO_API_SECRET']), 'api_secret', rs(r, ALNUM, 16))]


@K('plivo_auth_token', 'Plivo auth token', 'plivo', 'https://www.plivo.com/docs/getting-started/concepts/authentication',
   'api.plivo.com', auth='basic')
def _(r):
    return [I('PLIVO_AUTH_ID', 'auth_id', r.choice(['MA', 'SA']) + rs(r, AN_U, 18)), S('PLIVO_AUTH_TOKEN', 'auth_token', rs(r, ALNUM, 40))]


@K('messagebird_access_key', 'MessageBird (Bird) access key', 'messagebird', 'https://developers.messagebird.com/api/#authentication',
   'rest.messagebird.com', auth='header:Authorization: AccessKey ')
def _(r):
    return [S('MESSAGEBIRD_ACCESS_KEY', 'access_key', rs(r, ALNUM, 25))]


@K('sinch_api_token', 'Sinch SMS API token', 'sinch', 'https://developers.sinch.com/docs/sms/api-reference/authentication',
   'us.sms.api.sinch.com')
def _(r):
    return [I('SINCH_SERVICE_PLAN_ID', 'service_plan_id', rs(r, HEXL, 32)), S('SINCH_API_TOKEN', 'api_token', rs(r, HEXL, 32))]


@K('telnyx_api_key', 'Telnyx API v2 key', 'telnyx', 'https://developers.telnyx.com/development/api-fundamentals/authentication',
   'api.telnyx.com', unc=True)
def _(r):
    return [S('TELNYX_API_KEY', 'api_key', 'KEY0' + rs(r, HEXU, 25) + '_' + rs(r, ALNUM, 22))]


@K('bandwidth_password', 'Bandwidth API credentials', 'bandwidth', 'https://dev.bandwidth.com/docs/account/credentials',
   'messaging.bandwidth.com', auth='basic')
def _(r):
    return [I('BW_USERNAME', 'username', 'api-%s@%s.com' % (svc(r), slug(r))), S('BW_PASSWORD', 'password', password(r))]


@K('zoom_client_secret', 'Zoom Server-to-Server OAuth secret', 'zoom', 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
   'zoom.us', auth='basic')
def _(r):
    return [I('ZOOM_ACCOUNT_ID', 'account_id', rs(r, ALNUM + '-_', 22)), I('ZOOM_CLIENT_ID', 'client_id', rs(r, ALNUM, 22)),
            S('ZOOM_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 32))]


@K('webex_bot_token', 'Webex bot access token', 'webex', 'https://developer.webex.com/docs/bots', 'webexapis.com')
def _(r):
    return [S('WEBEX_BOT_TOKEN', 'bot_token', rs(r, ALNUM, 64) + '_' + rs(r, AN_U, 4) + '_' + uuid4(r))]


@K('discord_bot_token', 'Discord bot token', 'discord', 'https://discord.com/developers/docs/reference#authentication',
   'discord.com', auth='header:Authorization: Bot ')
def _(r):
    uid = str(r.randrange(10 ** 17, 10 ** 19))
    return [S(r.choice(['DISCORD_TOKEN', 'DISCORD_BOT_TOKEN']), 'bot_token',
              b64(uid.encode()).rstrip('=') + '.' + rs(r, ALNUM + '-_', 6) + '.' + rs(r, ALNUM + '-_', 38))]


@K('discord_webhook', 'Discord webhook', 'discord', 'https://discord.com/developers/docs/resources/webhook', 'discord.com', auth='url')
def _(r):
    return [S('DISCORD_WEBHOOK_URL', 'webhook_url', 'https://discord.com/api/webhooks/%d/%s' % (
        r.randrange(10 ** 17, 10 ** 19), rs(r, ALNUM + '-_', 68)))]


@K('telegram_bot_token', 'Telegram bot token', 'telegram', 'https://core.telegram.org/bots/api#authorizing-your-bot',
   'api.telegram.org', auth='path:bot')
def _(r):
    return [S(r.choice(['TELEGRAM_BOT_TOKEN', 'TG_TOKEN']), 'bot_token', '%d:AA%s' % (r.randrange(10 ** 8, 10 ** 10), rs(r, ALNUM + '-_', 33)))]


@K('line_channel_access_token', 'LINE Messaging API channel token/secret', 'line',
   'https://developers.line.biz/en/docs/basics/channel-access-token/', 'api.line.me')
def _(r):
    return [I('LINE_CHANNEL_ID', 'channel_id', str(r.randrange(1500000000, 2099999999))),
            S('LINE_CHANNEL_SECRET', 'channel_secret', rs(r, HEXL, 32)),
            S('LINE_CHANNEL_ACCESS_TOKEN', 'channel_access_token', rs(r, ALNUM + '+/', 171) + '=')]


@K('wechat_app_secret', 'WeChat Official Account AppSecret', 'wechat',
   'https://developers.weixin.qq.com/doc/offiaccount/en/Basic_Information/Get_access_token.html', 'api.weixin.qq.com',
   auth='query2:appid:secret')
def _(r):
    return [I('WECHAT_APPID', 'appid', 'wx' + rs(r, HEXL, 16)), S('WECHAT_APPSECRET', 'appsecret', rs(r, HEXL, 32))]


@K('teams_webhook', 'Microsoft Teams incoming webhook', 'teams',
   'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
   'webhook.office.com', auth='url')
def _(r):
    return [S('TEAMS_WEBHOOK_URL', 'webhook_url', 'https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s' % (
        slug(r).replace('-', ''), uuid4(r), uuid4(r), rs(r, HEXL, 32), uuid4(r)))]


# --- productivity / SaaS
@K('dropbox_access_token', 'Dropbox short-lived access token', 'dropbox', 'https://developers.dropbox.com/oauth-guide',
   'api.dropboxapi.com')
def _(r):
    return [S('DROPBOX_ACCESS_TOKEN', 'access_token', 'sl.' + r.choice(['B', 'u.', 'C']) + rs(r, ALNUM + '-_', 136))]


@K('box_client_secret', 'Box app client secret', 'box', 'https://developer.box.com/guides/authentication/', 'api.box.com', auth='form')
def _(r):
    return [I('BOX_CLIENT_ID', 'client_id', rs(r, AN_L, 32)), S('BOX_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 32))]


@K('asana_pat', 'Asana personal access token', 'asana', 'https://developers.asana.com/docs/personal-access-token', 'app.asana.com')
def _(r):
    if r.random() < 0.5:
        v = '1/%d:%s' % (r.randrange(10 ** 15, 10 ** 16), rs(r, HEXL, 32))
    else:
        v = '2/%d/%d:%s' % (r.randrange(10 ** 15, 10 ** 16), r.randrange(10 ** 15, 10 ** 16), rs(r, HEXL, 32))
    return [S('ASANA_ACCESS_TOKEN', 'access_token', v)]


@K('clickup_token', 'ClickUp personal API token', 'clickup', 'https://clickup.com/api/developer-portal/authentication/',
   'api.clickup.com', auth='header:Authorization')
def _(r):
    return [S('CLICKUP_API_TOKEN', 'api_token', 'pk_%d_%s' % (r.randrange(10 ** 6, 10 ** 8), rs(r, AN_U, 32)))]


@K('trello_token', 'Trello API token', 'trello', 'https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/',
   'api.trello.com', auth='query2:key:token')
def _(r):
    return [I('TRELLO_API_KEY', 'api_key', rs(r, HEXL, 32)), S('TRELLO_TOKEN', 'token', 'ATTA' + rs(r, HEXL, 64) + rs(r, HEXU, 8))]


@K('atlassian_api_token', 'Atlassian (Jira/Confluence) API token', 'jira',
   'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
   'acme.atlassian.net', auth='basic')
def _(r):
    return [I(r.choice(['JIRA_EMAIL', 'CONFLUENCE_USER']), 'email', '%s@%s.com' % (r.choice(['ci', 'ops', 'jira-bot']), slug(r))),
            S(r.choice(['JIRA_API_TOKEN', 'CONFLUENCE_API_TOKEN', 'ATLASSIAN_API_TOKEN']), 'api_token',
              'ATATT3xFfGF0' + rs(r, ALNUM + '-_', r.randrange(168, 184)) + '=' + rs(r, HEXU, 8))]


@K('miro_access_token', 'Miro REST API token', 'miro', 'https://developers.miro.com/docs/rest-api-build-your-first-hello-world-app',
   'api.miro.com', unc=True)
def _(r):
    return [S('MIRO_ACCESS_TOKEN', 'access_token', 'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_' + rs(r, ALNUM + '-_', 27))]


@K('docusign_secret_key', 'DocuSign integration secret', 'docusign', 'https://developers.docusign.com/platform/auth/',
   'account.docusign.com', auth='basic')
def _(r):
    return [I('DOCUSIGN_INTEGRATION_KEY', 'integration_key', uuid4(r)), S('DOCUSIGN_SECRET_KEY', 'secret_key', uuid4(r))]


@K('hellosign_api_key', 'Dropbox Sign (HelloSign) API key', 'hellosign', 'https://developers.hellosign.com/api/reference/authentication/',
   'api.hellosign.com', auth='basic_user')
def _(r):
    return [S('HELLOSIGN_API_KEY', 'api_key', rs(r, HEXL, 64))]


@K('typeform_pat', 'Typeform personal access token', 'typeform', 'https://www.typeform.com/developers/get-started/personal-access-token/',
   'api.typeform.com', unc=True)
def _(r):
    return [S('TYPEFORM_TOKEN', 'token', 'tfp_' + rs(r, ALNUM, 44) + '_' + rs(r, ALNUM, 14))]


@K('surveymonkey_token', 'SurveyMonkey access token', 'surveymonkey', 'https://developer.surveymonkey.com/api/v3/#authentication',
   'api.surveymonkey.com', unc=True)
def _(r):
    return [S('SURVEYMONKEY_ACCESS_TOKEN', 'access_token', rs(r, ALNUM, 40) + '-' + rs(r, ALNUM, 30) + '.' + rs(r, ALNUM, 20))]


@K('zapier_webhook', 'Zapier catch hook URL', 'zapier', 'https://help.zapier.com/hc/en-us/articles/8496288690317', 'hooks.zapier.com',
   auth='url')
def _(r):
    return [S('ZAPIER_HOOK_URL', 'hook_url', 'https://hooks.zapier.com/hooks/catch/%d/%s/' % (r.randrange(10 ** 6, 10 ** 8), rs(r, AN_L, 7)))]


@K('make_webhook', 'Make (Integromat) webhook URL', 'make', 'https://www.make.com/en/help/tools/webhooks', 'hook.eu2.make.com', auth='url')
def _(r):
    return [S('MAKE_WEBHOOK_URL', 'webhook_url', 'https://hook.%s.make.com/%s' % (r.choice(['eu1', 'eu2', 'us1']), rs(r, AN_L, 32)))]


@K('ifttt_webhook_key', 'IFTTT Maker webhook key', 'ifttt', 'https://ifttt.com/maker_webhooks', 'maker.ifttt.com', auth='url')
def _(r):
    k = rs(r, ALNUM + '-_', 22)
    u = 'https://maker.ifttt.com/trigger/%s/with/key/%s' % (r.choice(['deploy_done', 'door_open', 'backup_failed']), k)
    return [S('IFTTT_WEBHOOK_URL', 'webhook_url', u, label=k, alts=[u])]


@K('airtable_pat', 'Airtable personal access token', 'airtable', 'https://airtable.com/developers/web/guides/personal-access-tokens',
   'api.airtable.com')
def _(r):
    return [S(r.choice(['AIRTABLE_API_KEY', 'AIRTABLE_PAT', 'AIRTABLE_TOKEN']), 'token', 'pat' + rs(r, ALNUM, 14) + '.' + rs(r, HEXL, 64))]


@K('notion_token', 'Notion integration token', 'notion', 'https://developers.notion.com/docs/authorization', 'api.notion.com')
def _(r):
    v = ('secret_' + rs(r, ALNUM, 43)) if r.random() < 0.5 else ('ntn_' + rs(r, D, 11) + rs(r, ALNUM, 35))
    return [S(r.choice(['NOTION_TOKEN', 'NOTION_API_KEY']), 'token', v)]


@K('linear_api_key', 'Linear API key', 'linear', 'https://developers.linear.app/docs/graphql/working-with-the-graphql-api',
   'api.linear.app', auth='header:Authorization')
def _(r):
    return [S('LINEAR_API_KEY', 'api_key', 'lin_api_' + rs(r, ALNUM, 40))]


@K('figma_pat', 'Figma personal access token', 'figma', 'https://www.figma.com/developers/api#access-tokens', 'api.figma.com',
   unc=True, auth='header:X-Figma-Token')
def _(r):
    return [S('FIGMA_TOKEN', 'token', 'figd_' + rs(r, ALNUM + '-_', 40))]


@K('hubspot_private_app_token', 'HubSpot private app token', 'hubspot', 'https://developers.hubspot.com/docs/api/private-apps',
   'api.hubapi.com')
def _(r):
    return [S(r.choice(['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_PRIVATE_APP_TOKEN']), 'access_token', 'pat-%s-%s' % (r.choice(['na1', 'eu1', 'na2']), uuid4(r)))]


@K('intercom_access_token', 'Intercom access token', 'intercom',
   'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/', 'api.intercom.io')
def _(r):
    return [S('INTERCOM_ACCESS_TOKEN', 'access_token', b64(('tok:%s:1:0' % uuid4(r)).encode()))]


@K('zendesk_api_token', 'Zendesk API token', 'zendesk', 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
   'acme.zendesk.com', auth='basic')
def _(r):
    return [I('ZENDESK_EMAIL', 'email', 'support-bot@%s.com/token' % slug(r)), S('ZENDESK_API_TOKEN', 'api_token', rs(r, ALNUM, 40))]


@K('postman_api_key', 'Postman API key', 'postman', 'https://learning.postman.com/docs/developer/postman-api/authentication/',
   'api.getpostman.com', auth='header:X-Api-Key')
def _(r):
    return [S('POSTMAN_API_KEY', 'api_key', 'PMAK-%s-%s' % (rs(r, HEXL, 24), rs(r, HEXL, 34)))]


# --- search / data / databases-as-a-service
@K('algolia_admin_key', 'Algolia admin API key', 'algolia', 'https://www.algolia.com/doc/guides/security/api-keys/',
   'algolia.net', auth='header:X-Algolia-API-Key')
def _(r):
    return [I('ALGOLIA_APP_ID', 'app_id', rs(r, AN_U, 10)), S('ALGOLIA_ADMIN_API_KEY', 'admin_api_key', rs(r, HEXL, 32))]


@K('meilisearch_master_key', 'Meilisearch master key', 'meilisearch', 'https://www.meilisearch.com/docs/learn/security/basic_security',
   'meilisearch.internal:7700')
def _(r):
    return [S(r.choice(['MEILI_MASTER_KEY', 'MEILISEARCH_API_KEY']), 'master_key', rs(r, ALNUM + '-_', 43))]


@K('elastic_api_key', 'Elastic Cloud API key', 'elastic', 'https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html',
   'es.us-east-1.aws.found.io', auth='header:Authorization: ApiKey ')
def _(r):
    enc = b64(('%s:%s' % (rs(r, ALNUM + '-_', 20), rs(r, ALNUM + '-_', 22))).encode())
    return [I('ELASTIC_CLOUD_ID', 'cloud_id', '%s:%s' % (svc(r), b64(('us-east-1.aws.found.io$%s$%s' % (rs(r, HEXL, 32), rs(r, HEXL, 32))).encode()))),
            S('ELASTIC_API_KEY', 'api_key', enc)]


@K('typesense_api_key', 'Typesense admin API key', 'typesense', 'https://typesense.org/docs/latest/api/authentication.html',
   'typesense.net', auth='header:X-TYPESENSE-API-KEY')
def _(r):
    return [S('TYPESENSE_API_KEY', 'api_key', rs(r, ALNUM, 32))]


@K('mongodb_atlas_api_key', 'MongoDB Atlas programmatic API key', 'mongodb_atlas', 'https://www.mongodb.com/docs/atlas/configure-api-access/',
   'cloud.mongodb.com', auth='digest')
def _(r):
    return [I('MONGODB_ATLAS_PUBLIC_KEY', 'public_key', rs(r, LO, 8)), S('MONGODB_ATLAS_PRIVATE_KEY', 'private_key', uuid4(r))]


@K('pinecone_api_key', 'Pinecone API key', 'pinecone', 'https://docs.pinecone.io/guides/projects/manage-api-keys', 'api.pinecone.io',
   unc=True, auth='header:Api-Key')
def _(r):
    return [S('PINECONE_API_KEY', 'api_key', 'pcsk_' + rs(r, ALNUM, 5) + '_' + rs(r, ALNUM, 63))]


@K('weaviate_api_key', 'Weaviate Cloud API key', 'weaviate', 'https://weaviate.io/developers/wcs/connect', 'weaviate.cloud')
def _(r):
    return [I('WEAVIATE_URL', 'url', 'https://%s.c0.us-west3.gcp.weaviate.cloud' % rs(r, AN_L, 20)),
            S('WEAVIATE_API_KEY', 'api_key', rs(r, ALNUM, 40))]


@K('qdrant_api_key', 'Qdrant Cloud API key', 'qdrant', 'https://qdrant.tech/documentation/cloud/authentication/', 'cloud.qdrant.io',
   auth='header:api-key')
def _(r):
    return [S('QDRANT_API_KEY', 'api_key', rs(r, ALNUM + '-_', 43))]


def supa_jwt(r, role):
    ref = rs(r, LO, 20)
    i = ts(r)
    return jwt(r, {'alg': 'HS256', 'typ': 'JWT'}, {'iss': 'supabase', 'ref': ref, 'role': role, 'iat': i, 'exp': i + 315360000})


@K('supabase_service_role_key', 'Supabase service_role key', 'supabase', 'https://supabase.com/docs/guides/api/api-keys',
   'supabase.co', auth='header:apikey')
def _(r):
    return [S(r.choice(['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SERVICE_KEY']), 'service_role_key', supa_jwt(r, 'service_role'))]


@K('turso_auth_token', 'Turso database auth token', 'turso', 'https://docs.turso.tech/sdk/authentication', 'turso.io')
def _(r):
    i = ts(r)
    return [S('TURSO_AUTH_TOKEN', 'auth_token', jwt(r, {'alg': 'EdDSA', 'typ': 'JWT'},
                                                   {'a': 'rw', 'iat': i, 'id': uuid4(r)}, 64))]


# --- media
@K('cloudinary_url', 'Cloudinary API secret', 'cloudinary', 'https://cloudinary.com/documentation/how_to_integrate_cloudinary',
   'api.cloudinary.com', auth='none')
def _(r):
    key = str(r.randrange(10 ** 14, 10 ** 15))
    sec = rs(r, ALNUM + '-_', 27)
    u = 'cloudinary://%s:%s@%s' % (key, sec, slug(r) + rs(r, AN_L, 4))
    return [S('CLOUDINARY_URL', 'url', u, label=sec, alts=[u])]


@K('imgix_token', 'imgix secure URL token', 'imgix', 'https://docs.imgix.com/setup/securing-images', 'imgix.net', auth='none',
   unc=True)
def _(r):
    return [S('IMGIX_SECURE_URL_TOKEN', 'secure_url_token', rs(r, ALNUM, 16))]


@K('mux_token_secret', 'Mux API token secret', 'mux', 'https://docs.mux.com/core/make-api-requests', 'api.mux.com', auth='basic')
def _(r):
    return [I('MUX_TOKEN_ID', 'token_id', uuid4(r)), S('MUX_TOKEN_SECRET', 'token_secret', rs(r, ALNUM + '+/', 75))]


@K('vimeo_access_token', 'Vimeo access token', 'vimeo', 'https://developer.vimeo.com/api/authentication', 'api.vimeo.com')
def _(r):
    return [S('VIMEO_ACCESS_TOKEN', 'access_token', rs(r, HEXL, 32))]


@K('spotify_client_secret', 'Spotify client secret', 'spotify', 'https://developer.spotify.com/documentation/web-api/concepts/apps',
   'accounts.spotify.com', auth='basic')
def _(r):
    return [I('SPOTIFY_CLIENT_ID', 'client_id', rs(r, HEXL, 32)), S('SPOTIFY_CLIENT_SECRET', 'client_secret', rs(r, HEXL, 32))]


@K('twitch_client_secret', 'Twitch client secret', 'twitch', 'https://dev.twitch.tv/docs/authentication/register-app/',
   'id.twitch.tv', auth='form')
def _(r):
    return [I('TWITCH_CLIENT_ID', 'client_id', rs(r, AN_L, 30)), S('TWITCH_CLIENT_SECRET', 'client_secret', rs(r, AN_L, 30))]


@K('elevenlabs_api_key', 'ElevenLabs API key', 'elevenlabs', 'https://elevenlabs.io/docs/api-reference/authentication',
   'api.elevenlabs.io', auth='header:xi-api-key')
def _(r):
    return [S(r.choice(['ELEVENLABS_API_KEY', 'ELEVEN_API_KEY']), 'api_key', 'sk_' + rs(r, HEXL, 48))]


@K('assemblyai_api_key', 'AssemblyAI API key', 'assemblyai', 'https://www.assemblyai.com/docs/api-reference/overview',
   'api.assemblyai.com', auth='header:Authorization')
def _(r):
    return [S('ASSEMBLYAI_API_KEY', 'api_key', rs(r, HEXL, 32))]


@K('deepgram_api_key', 'Deepgram API key', 'deepgram', 'https://developers.deepgram.com/docs/create-additional-api-keys',
   'api.deepgram.com', auth='header:Authorization: Token ')
def _(r):
    return [S('DEEPGRAM_API_KEY', 'api_key', rs(r, HEXL, 40))]


@K('stability_api_key', 'Stability AI API key', 'stability', 'https://platform.stability.ai/docs/getting-started/authentication',
   'api.stability.ai')
def _(r):
    return [S('STABILITY_API_KEY', 'api_key', 'sk-' + rs(r, ALNUM, 48))]


# --- social
@K('facebook_app_secret', 'Meta (Facebook) app secret', 'facebook', 'https://developers.facebook.com/docs/facebook-login/security/#appsecret',
   'graph.facebook.com', auth='query2:client_id:client_secret')
def _(r):
    return [I('FACEBOOK_APP_ID', 'app_id', str(r.randrange(10 ** 14, 10 ** 16))), S('FACEBOOK_APP_SECRET', 'app_secret', rs(r, HEXL, 32))]


@K('facebook_page_token', 'Meta Graph API page/system-user token', 'facebook',
   'https://developers.facebook.com/docs/facebook-login/guides/access-tokens', 'graph.facebook.com', auth='query:access_token')
def _(r):
    return [S(r.choice(['FB_PAGE_ACCESS_TOKEN', 'META_ACCESS_TOKEN', 'WHATSAPP_TOKEN']), 'access_token',
              'EAA' + rs(r, ALNUM, 1) + 'ZA' + rs(r, ALNUM, r.randrange(170, 200)))]


@K('instagram_access_token', 'Instagram Graph user token', 'instagram',
   'https://developers.facebook.com/docs/instagram-platform/reference/access_token', 'graph.instagram.com', unc=True,
   auth='query:access_token')
def _(r):
    return [S('INSTAGRAM_ACCESS_TOKEN', 'access_token', 'IGQWR' + rs(r, ALNUM + '-_', 180))]


@K('linkedin_client_secret', 'LinkedIn client secret', 'linkedin',
   'https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow', 'www.linkedin.com', auth='form')
def _(r):
    return [I('LINKEDIN_CLIENT_ID', 'client_id', rs(r, AN_L, 14)), S('LINKEDIN_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 16))]


@K('twitter_bearer_token', 'X (Twitter) app bearer token', 'twitter', 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens',
   'api.x.com')
def _(r):
    body = ''.join(r.choice([rs(r, ALNUM, r.randrange(6, 20)), '%2B', '%2F', '%3D']) for _ in range(9))
    return [S(r.choice(['TWITTER_BEARER_TOKEN', 'X_BEARER_TOKEN']), 'bearer_token', 'A' * 22 + rs(r, ALNUM, 18) + body + rs(r, ALNUM, 20))]


@K('twitter_consumer_secret', 'X (Twitter) API key secret', 'twitter', 'https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret',
   'api.x.com', auth='none')
def _(r):
    return [I('TWITTER_API_KEY', 'api_key', rs(r, ALNUM, 25)), S('TWITTER_API_SECRET', 'api_secret', rs(r, ALNUM, 50))]


@K('reddit_client_secret', 'Reddit app secret', 'reddit', 'https://github.com/reddit-archive/reddit/wiki/OAuth2', 'www.reddit.com',
   auth='basic')
def _(r):
    return [I('REDDIT_CLIENT_ID', 'client_id', rs(r, ALNUM + '-_', 22)), S('REDDIT_CLIENT_SECRET', 'client_secret', rs(r, ALNUM + '-_', 30))]


@K('pinterest_access_token', 'Pinterest API access token', 'pinterest', 'https://developers.pinterest.com/docs/getting-started/authentication-and-scopes/',
   'api.pinterest.com', unc=True)
def _(r):
    return [S('PINTEREST_ACCESS_TOKEN', 'access_token', 'pina_' + rs(r, AN_U, 100))]


@K('snapchat_client_secret', 'Snap Marketing API client secret', 'snapchat',
   'https://developers.snap.com/api/marketing-api/Ads-API/authentication', 'accounts.snapchat.com', unc=True, auth='form')
def _(r):
    return [I('SNAP_CLIENT_ID', 'client_id', uuid4(r)), S('SNAP_CLIENT_SECRET', 'client_secret', rs(r, HEXL, 20))]


@K('tiktok_client_secret', 'TikTok for Developers client secret', 'tiktok',
   'https://developers.tiktok.com/doc/oauth-user-access-token-management', 'open.tiktokapis.com', unc=True, auth='form')
def _(r):
    return [I('TIKTOK_CLIENT_KEY', 'client_key', 'aw' + rs(r, AN_L, 14)), S('TIKTOK_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 32))]


# --- payments / commerce
@K('paypal_client_secret', 'PayPal REST client secret', 'paypal', 'https://developer.paypal.com/api/rest/authentication/',
   'api-m.paypal.com', auth='basic')
def _(r):
    return [I('PAYPAL_CLIENT_ID', 'client_id', 'A' + rs(r, ALNUM + '-_', 79)), S('PAYPAL_CLIENT_SECRET', 'client_secret', 'E' + rs(r, ALNUM + '-_', 79))]


@K('braintree_access_token', 'Braintree access token', 'braintree',
   'https://developer.paypal.com/braintree/docs/guides/authorization/overview', 'api.braintreegateway.com', auth='none')
def _(r):
    return [S('BRAINTREE_ACCESS_TOKEN', 'access_token', 'access_token$production$%s$%s' % (rs(r, AN_L, 16), rs(r, HEXL, 32)))]


@K('braintree_private_key', 'Braintree private key', 'braintree', 'https://developer.paypal.com/braintree/docs/start/hello-server',
   'api.braintreegateway.com', auth='basic')
def _(r):
    return [I('BRAINTREE_MERCHANT_ID', 'merchant_id', rs(r, AN_L, 16)), I('BRAINTREE_PUBLIC_KEY', 'public_key', rs(r, AN_L, 16)),
            S('BRAINTREE_PRIVATE_KEY', 'private_key', rs(r, HEXL, 32))]


@K('square_access_token', 'Square production access token', 'square', 'https://developer.squareup.com/docs/build-basics/access-tokens',
   'connect.squareup.com')
def _(r):
    return [S('SQUARE_ACCESS_TOKEN', 'access_token', 'EAAA' + rs(r, ALNUM + '-_', 60))]


@K('square_application_secret', 'Square OAuth application secret', 'square', 'https://developer.squareup.com/docs/oauth-api/overview',
   'connect.squareup.com', auth='json:client_secret')
def _(r):
    return [I('SQUARE_APPLICATION_ID', 'application_id', 'sq0idp-' + rs(r, ALNUM + '-_', 22)),
            S('SQUARE_APPLICATION_SECRET', 'application_secret', 'sq0csp-' + rs(r, ALNUM + '-_', 43))]


@K('adyen_api_key', 'Adyen API key', 'adyen', 'https://docs.adyen.com/development-resources/api-credentials/', 'checkout-live.adyenpayments.com',
   unc=True, auth='header:X-API-Key')
def _(r):
    return [S('ADYEN_API_KEY', 'api_key', 'AQE' + rs(r, ALNUM, 1) + 'hmfx' + rs(r, ALNUM + '+/', 90) + '==-' +
              rs(r, ALNUM + '+/', 43) + '=-' + rs(r, ALNUM, 16))]


@K('mollie_live_key', 'Mollie live API key', 'mollie', 'https://docs.mollie.com/overview/authentication', 'api.mollie.com')
def _(r):
    return [S('MOLLIE_API_KEY', 'api_key', 'live_' + rs(r, ALNUM, 30))]


@K('paddle_api_key', 'Paddle Billing API key', 'paddle', 'https://developer.paddle.com/api-reference/about/api-keys',
   'api.paddle.com', unc=True)
def _(r):
    return [S('PADDLE_API_KEY', 'api_key', 'pdl_live_apikey_01' + rs(r, '0123456789abcdefghjkmnpqrstvwxyz', 24) + '_' +
              rs(r, ALNUM, 22) + '_' + rs(r, ALNUM, 3))]


@K('lemonsqueezy_api_key', 'Lemon Squeezy API key', 'lemonsqueezy', 'https://docs.lemonsqueezy.com/api/getting-started/requests',
   'api.lemonsqueezy.com')
def _(r):
    i = ts(r)
    return [S('LEMONSQUEEZY_API_KEY', 'api_key', jwt(r, {'typ': 'JWT', 'alg': 'RS256'},
              {'aud': '94d59cef-dbb8-4ea5-b178-d2540fcd6919', 'jti': rs(r, HEXL, 80), 'iat': i, 'nbf': i, 'exp': i + 31536000,
               'sub': str(r.randrange(100000, 9999999)), 'scopes': []}, 256))]


@K('chargebee_api_key', 'Chargebee API key', 'chargebee', 'https://apidocs.chargebee.com/docs/api/#authentication',
   'chargebee.com', unc=True, auth='basic_user')
def _(r):
    return [I('CHARGEBEE_SITE', 'site', slug(r)), S('CHARGEBEE_API_KEY', 'api_key', 'live_' + rs(r, ALNUM, 32))]


@K('recurly_api_key', 'Recurly private API key', 'recurly', 'https://recurly.com/developers/api/v2021-02-25/index.html',
   'v3.recurly.com', auth='basic_user')
def _(r):
    return [S('RECURLY_API_KEY', 'api_key', rs(r, HEXL, 32))]


@K('gocardless_access_token', 'GoCardless live access token', 'gocardless',
   'https://developer.gocardless.com/getting-started/api/making-your-first-request/', 'api.gocardless.com')
def _(r):
    return [S('GOCARDLESS_ACCESS_TOKEN', 'access_token', 'live_' + rs(r, ALNUM + '-_', 40))]


@K('wise_api_token', 'Wise personal API token', 'wise', 'https://docs.wise.com/api-docs/features/authentication-access/personal-tokens',
   'api.transferwise.com')
def _(r):
    return [S('WISE_API_TOKEN', 'api_token', uuid4(r))]


@K('plaid_secret', 'Plaid secret', 'plaid', 'https://plaid.com/docs/api/#api-keys-and-access', 'production.plaid.com',
   auth='json:secret')
def _(r):
    return [I('PLAID_CLIENT_ID', 'client_id', rs(r, HEXL, 24)), S('PLAID_SECRET', 'secret', rs(r, HEXL, 30))]


@K('shippo_live_token', 'Shippo live API token', 'shippo', 'https://docs.goshippo.com/docs/guides_general/authentication/',
   'api.goshippo.com', auth='header:Authorization: ShippoToken ')
def _(r):
    return [S('SHIPPO_API_KEY', 'api_key', 'shippo_live_' + rs(r, HEXL, 40))]


# --- crypto / web3
@K('binance_api_secret', 'Binance API secret', 'binance', 'https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type',
   'api.binance.com', auth='none')
def _(r):
    return [I('BINANCE_API_KEY', 'api_key', rs(r, ALNUM, 64)), S('BINANCE_API_SECRET', 'api_secret', rs(r, ALNUM, 64))]


@K('kraken_private_key', 'Kraken API private key', 'kraken', 'https://docs.kraken.com/api/docs/guides/spot-rest-auth', 'api.kraken.com',
   auth='none')
def _(r):
    return [I('KRAKEN_API_KEY', 'api_key', b64(rb(r, 42))), S('KRAKEN_PRIVATE_KEY', 'private_key', b64(rb(r, 64)))]


@K('alchemy_api_key', 'Alchemy API key', 'alchemy', 'https://docs.alchemy.com/reference/api-overview', 'eth-mainnet.g.alchemy.com',
   auth='none')
def _(r):
    k = rs(r, ALNUM + '-_', 32)
    u = 'https://%s.g.alchemy.com/v2/%s' % (r.choice(['eth-mainnet', 'polygon-mainnet', 'arb-mainnet', 'base-mainnet']), k)
    return [S(r.choice(['ALCHEMY_RPC_URL', 'MAINNET_RPC_URL']), 'rpc_url', u, label=k, alts=[u])]


@K('infura_api_key', 'Infura API key', 'infura', 'https://docs.infura.io/api/learn/authentication', 'mainnet.infura.io', auth='none')
def _(r):
    k = rs(r, HEXL, 32)
    u = 'https://%s.infura.io/v3/%s' % (r.choice(['mainnet', 'sepolia', 'polygon-mainnet']), k)
    return [S(r.choice(['INFURA_URL', 'ETH_RPC_URL']), 'rpc_url', u, label=k, alts=[u])]


@K('etherscan_api_key', 'Etherscan API key', 'etherscan', 'https://docs.etherscan.io/getting-started/viewing-api-usage-statistics',
   'api.etherscan.io', auth='query:apikey')
def _(r):
    return [S('ETHERSCAN_API_KEY', 'api_key', rs(r, AN_U, 34))]


@K('moralis_api_key', 'Moralis API key', 'moralis', 'https://docs.moralis.com/web3-data-api/evm/get-your-api-key',
   'deep-index.moralis.io', auth='header:X-API-Key')
def _(r):
    return [S('MORALIS_API_KEY', 'api_key', jwt(r, {'alg': 'HS256', 'typ': 'JWT'},
              {'nonce': uuid4(r), 'orgId': str(r.randrange(100000, 999999)), 'userId': str(r.randrange(100000, 999999)),
               'typeId': uuid4(r), 'type': 'PROJECT', 'iat': ts(r), 'exp': 4870000000 + r.randrange(10 ** 6)}))]


@K('opensea_api_key', 'OpenSea API key', 'opensea', 'https://docs.opensea.io/reference/api-keys', 'api.opensea.io',
   auth='header:X-API-KEY')
def _(r):
    return [S('OPENSEA_API_KEY', 'api_key', rs(r, HEXL, 32))]


@K('ethereum_private_key', 'Ethereum account private key', 'ethereum', 'https://ethereum.org/en/developers/docs/accounts/',
   'rpc', auth='none')
def _(r):
    return [S(r.choice(['PRIVATE_KEY', 'DEPLOYER_PRIVATE_KEY', 'WALLET_PRIVATE_KEY']), 'private_key', '0x' + rs(r, HEXL, 64))]


# --- observability / product analytics / flags
@K('rollbar_access_token', 'Rollbar post_server_item token', 'rollbar', 'https://docs.rollbar.com/docs/access-tokens',
   'api.rollbar.com', auth='header:X-Rollbar-Access-Token')
def _(r):
    return [S('ROLLBAR_ACCESS_TOKEN', 'access_token', rs(r, HEXL, 32))]


@K('bugsnag_auth_token', 'Bugsnag Data Access API auth token', 'bugsnag', 'https://bugsnagapiv2.docs.apiary.io/#introduction/authentication',
   'api.bugsnag.com', unc=True, auth='header:Authorization: token ')
def _(r):
    return [S('BUGSNAG_AUTH_TOKEN', 'auth_token', uuid4(r))]


@K('honeybadger_api_key', 'Honeybadger project API key', 'honeybadger', 'https://docs.honeybadger.io/api/reporting-exceptions/',
   'api.honeybadger.io', unc=True, auth='header:X-API-Key')
def _(r):
    return [S('HONEYBADGER_API_KEY', 'api_key', 'hbp_' + rs(r, ALNUM, 36))]


@K('mixpanel_api_secret', 'Mixpanel project secret', 'mixpanel', 'https://developer.mixpanel.com/reference/project-secret',
   'mixpanel.com', auth='basic_user')
def _(r):
    return [S('MIXPANEL_API_SECRET', 'api_secret', rs(r, HEXL, 32))]


@K('segment_public_api_token', 'Segment Public API token', 'segment', 'https://docs.segmentapis.com/tag/Getting-Started',
   'api.segmentapis.com')
def _(r):
    return [S('SEGMENT_PUBLIC_API_TOKEN', 'token', 'sgp_' + rs(r, ALNUM, 64))]


@K('amplitude_secret_key', 'Amplitude secret key', 'amplitude', 'https://amplitude.com/docs/apis/authentication', 'amplitude.com',
   auth='basic')
def _(r):
    return [I('AMPLITUDE_API_KEY', 'api_key', rs(r, HEXL, 32)), S('AMPLITUDE_SECRET_KEY', 'secret_key', rs(r, HEXL, 32))]


@K('posthog_personal_api_key', 'PostHog personal API key', 'posthog', 'https://posthog.com/docs/api', 'us.posthog.com')
def _(r):
    return [S('POSTHOG_PERSONAL_API_KEY', 'personal_api_key', 'phx_' + rs(r, ALNUM, 43))]


@K('launchdarkly_sdk_key', 'LaunchDarkly server-side SDK key', 'launchdarkly',
   'https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys', 'sdk.launchdarkly.com', auth='header:Authorization')
def _(r):
    return [S(r.choice(['LAUNCHDARKLY_SDK_KEY', 'LD_SDK_KEY']), 'sdk_key', 'sdk-' + uuid4(r))]


@K('launchdarkly_api_token', 'LaunchDarkly REST API access token', 'launchdarkly',
   'https://docs.launchdarkly.com/home/account/api', 'app.launchdarkly.com', auth='header:Authorization')
def _(r):
    return [S('LD_API_TOKEN', 'api_token', 'api-' + uuid4(r))]


@K('flagsmith_server_key', 'Flagsmith server-side environment key', 'flagsmith', 'https://docs.flagsmith.com/clients/server-side',
   'edge.api.flagsmith.com', unc=True, auth='header:X-Environment-Key')
def _(r):
    return [S('FLAGSMITH_SERVER_KEY', 'server_key', 'ser.' + rs(r, ALNUM, 22))]


@K('unleash_api_token', 'Unleash API token', 'unleash', 'https://docs.getunleash.io/reference/api-tokens-and-client-keys',
   'unleash.internal', auth='header:Authorization')
def _(r):
    return [S('UNLEASH_API_TOKEN', 'api_token', '%s:%s.%s' % (r.choice(['*', 'default', 'checkout']), r.choice(['production', 'development']),
                                                              rs(r, HEXL, 64)))]


# --- CMS
@K('contentful_management_token', 'Contentful management token', 'contentful',
   'https://www.contentful.com/developers/docs/references/authentication/', 'api.contentful.com')
def _(r):
    return [S('CONTENTFUL_MANAGEMENT_TOKEN', 'management_token', 'CFPAT-' + rs(r, ALNUM + '-_', 43))]


@K('contentful_delivery_token', 'Contentful delivery token', 'contentful',
   'https://www.contentful.com/developers/docs/references/authentication/', 'cdn.contentful.com')
def _(r):
    return [I('CONTENTFUL_SPACE_ID', 'space_id', rs(r, AN_L, 12)), S('CONTENTFUL_DELIVERY_TOKEN', 'delivery_token', rs(r, ALNUM + '-_', 43))]


@K('sanity_token', 'Sanity API token', 'sanity', 'https://www.sanity.io/docs/http-auth', 'api.sanity.io')
def _(r):
    return [I('SANITY_PROJECT_ID', 'project_id', rs(r, AN_L, 8)), S('SANITY_API_TOKEN', 'api_token', 'sk' + rs(r, ALNUM, 180))]


@K('strapi_api_token', 'Strapi API token', 'strapi', 'https://docs.strapi.io/dev-docs/configurations/api-tokens', 'cms.internal',
   unc=True)
def _(r):
    return [S('STRAPI_API_TOKEN', 'api_token', rs(r, HEXL, 256))]


@K('prismic_access_token', 'Prismic access token', 'prismic', 'https://prismic.io/docs/access-token', 'cdn.prismic.io', unc=True,
   auth='query:access_token')
def _(r):
    return [S('PRISMIC_ACCESS_TOKEN', 'access_token', 'MC5' + rs(r, ALNUM, 10) + '.' + rs(r, ALNUM + '-_', 60))]


@K('storyblok_token', 'Storyblok access token', 'storyblok',
   'https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication', 'api.storyblok.com', unc=True,
   auth='query:token')
def _(r):
    return [S('STORYBLOK_PREVIEW_TOKEN', 'preview_token', rs(r, ALNUM, 22) + 'tt')]


@K('ghost_admin_api_key', 'Ghost Admin API key', 'ghost', 'https://ghost.org/docs/admin-api/#token-authentication', 'ghost.io',
   auth='none')
def _(r):
    return [S('GHOST_ADMIN_API_KEY', 'admin_api_key', '%s:%s' % (rs(r, HEXL, 24), rs(r, HEXL, 64)))]


@K('wordpress_app_password', 'WordPress application password', 'wordpress',
   'https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/', 'blog.example.org', auth='basic')
def _(r):
    return [I('WP_USER', 'username', r.choice(['editor', 'publisher-bot', 'admin'])),
            S('WP_APP_PASSWORD', 'app_password', ' '.join(rs(r, ALNUM, 4) for _ in range(6)))]


# --- hosting / cloud / CDN / storage
@K('netlify_token', 'Netlify personal access token', 'netlify', 'https://docs.netlify.com/api/get-started/#authentication',
   'api.netlify.com', unc=True)
def _(r):
    return [S('NETLIFY_AUTH_TOKEN', 'auth_token', 'nfp_' + rs(r, ALNUM, 36))]


@K('vercel_token', 'Vercel access token', 'vercel', 'https://vercel.com/docs/rest-api#creating-an-access-token', 'api.vercel.com')
def _(r):
    return [S('VERCEL_TOKEN', 'token', rs(r, ALNUM, 24))]


@K('render_api_key', 'Render API key', 'render', 'https://render.com/docs/api#1-create-an-api-key', 'api.render.com', unc=True)
def _(r):
    return [S('RENDER_API_KEY', 'api_key', 'rnd_' + rs(r, ALNUM, 32))]


@K('railway_token', 'Railway API token', 'railway', 'https://docs.railway.com/guides/public-api', 'backboard.railway.app')
def _(r):
    return [S(r.choice(['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN']), 'token', uuid4(r))]


@K('flyio_token', 'Fly.io macaroon token', 'fly', 'https://fly.io/docs/security/tokens/', 'api.machines.dev', unc=True)
def _(r):
    return [S('FLY_API_TOKEN', 'api_token', 'fm2_' + rs(r, ALNUM + '+/', 240) + '==,fm2_' + rs(r, ALNUM + '+/', 120))]


@K('heroku_api_key', 'Heroku API key', 'heroku', 'https://help.heroku.com/PBGP6IDE/how-should-i-generate-an-api-key-that-allows-me-to-use-the-heroku-platform-api',
   'api.heroku.com')
def _(r):
    return [S('HEROKU_API_KEY', 'api_key', uuid4(r))]


@K('digitalocean_pat', 'DigitalOcean personal access token', 'digitalocean', 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
   'api.digitalocean.com')
def _(r):
    return [S(r.choice(['DIGITALOCEAN_ACCESS_TOKEN', 'DO_TOKEN']), 'token', r.choice(['dop_v1_', 'dop_v1_', 'doo_v1_']) + rs(r, HEXL, 64))]


@K('linode_token', 'Linode (Akamai Cloud) API token', 'linode', 'https://techdocs.akamai.com/linode-api/reference/get-started',
   'api.linode.com')
def _(r):
    return [S('LINODE_TOKEN', 'token', rs(r, HEXL, 64))]


@K('vultr_api_key', 'Vultr API key', 'vultr', 'https://docs.vultr.com/platform/other/api/', 'api.vultr.com')
def _(r):
    return [S('VULTR_API_KEY', 'api_key', rs(r, AN_U, 36))]


@K('hetzner_token', 'Hetzner Cloud API token', 'hetzner', 'https://docs.hetzner.cloud/#authentication', 'api.hetzner.cloud')
def _(r):
    return [S('HCLOUD_TOKEN', 'token', rs(r, ALNUM, 64))]


@K('scaleway_secret_key', 'Scaleway API secret key', 'scaleway',
   'https://www.scaleway.com/en/docs/identity-and-access-management/iam/how-to/create-api-keys/', 'api.scaleway.com',
   auth='header:X-Auth-Token')
def _(r):
    return [I('SCW_ACCESS_KEY', 'access_key', 'SCW' + rs(r, AN_U, 17)), S('SCW_SECRET_KEY', 'secret_key', uuid4(r))]


@K('ovh_application_secret', 'OVHcloud API application secret', 'ovh', 'https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api',
   'eu.api.ovh.com', auth='none')
def _(r):
    return [I('OVH_APPLICATION_KEY', 'application_key', rs(r, ALNUM, 16)),
            S('OVH_APPLICATION_SECRET', 'application_secret', rs(r, ALNUM, 32)),
            S('OVH_CONSUMER_KEY', 'consumer_key', rs(r, ALNUM, 32))]


@K('cloudflare_api_token', 'Cloudflare API token', 'cloudflare', 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
   'api.cloudflare.com')
def _(r):
    return [S(r.choice(['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN']), 'api_token', rs(r, ALNUM + '-_', 40))]


@K('cloudflare_global_api_key', 'Cloudflare global API key', 'cloudflare', 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
   'api.cloudflare.com', auth='header:X-Auth-Key')
def _(r):
    return [I('CLOUDFLARE_EMAIL', 'email', 'ops@%s.com' % slug(r)), S('CLOUDFLARE_API_KEY', 'api_key', rs(r, HEXL, 37))]


@K('cloudflare_origin_ca_key', 'Cloudflare Origin CA key', 'cloudflare', 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
   'api.cloudflare.com', auth='header:X-Auth-User-Service-Key')
def _(r):
    return [S('CF_ORIGIN_CA_KEY', 'origin_ca_key', 'v1.0-%s-%s' % (rs(r, HEXL, 24), rs(r, HEXL, 146)))]


@K('fastly_api_token', 'Fastly API token', 'fastly', 'https://www.fastly.com/documentation/reference/api/auth-tokens/',
   'api.fastly.com', auth='header:Fastly-Key')
def _(r):
    return [S('FASTLY_API_TOKEN', 'api_token', rs(r, ALNUM + '-_', 32))]


@K('bunny_api_key', 'bunny.net account API key', 'bunny', 'https://docs.bunny.net/reference/bunnynet-api-overview', 'api.bunny.net',
   unc=True, auth='header:AccessKey')
def _(r):
    return [S('BUNNY_API_KEY', 'api_key', uuid4(r) + '-' + uuid4(r)[:-1])]


@K('backblaze_b2_key', 'Backblaze B2 application key', 'backblaze', 'https://www.backblaze.com/docs/cloud-storage-application-keys',
   'api.backblazeb2.com', auth='basic')
def _(r):
    return [I('B2_APPLICATION_KEY_ID', 'key_id', '00' + rs(r, D, 1) + rs(r, HEXL, 22)),
            S('B2_APPLICATION_KEY', 'application_key', 'K00' + rs(r, D, 1) + rs(r, ALNUM, 27))]


@K('wasabi_secret_key', 'Wasabi secret key', 'wasabi', 'https://docs.wasabi.com/docs/creating-a-user-account-and-access-key',
   's3.wasabisys.com', auth='sigv4')
def _(r):
    return [I('WASABI_ACCESS_KEY', 'access_key', rs(r, AN_U, 20)), S('WASABI_SECRET_KEY', 'secret_key', rs(r, ALNUM, 40))]


@K('minio_root_password', 'MinIO root credentials', 'minio',
   'https://min.io/docs/minio/linux/reference/minio-server/settings/root-credentials.html', 'minio.internal:9000', auth='sigv4')
def _(r):
    return [I('MINIO_ROOT_USER', 'root_user', r.choice(['minioadmin-prod', 'storage-admin', 'minio-root'])),
            S('MINIO_ROOT_PASSWORD', 'root_password', password(r, 24))]


@K('databricks_token', 'Databricks personal access token', 'databricks', 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
   'cloud.databricks.com')
def _(r):
    return [S('DATABRICKS_TOKEN', 'token', 'dapi' + rs(r, HEXL, 32) + r.choice(['', '', '-2', '-3']))]


@K('confluent_api_secret', 'Confluent Cloud API secret', 'confluent',
   'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html',
   'pkc.confluent.cloud:9092', auth='sasl')
def _(r):
    return [I('CONFLUENT_API_KEY', 'api_key', rs(r, AN_U, 16)), S('CONFLUENT_API_SECRET', 'api_secret', rs(r, ALNUM + '+/', 64))]


@K('akamai_edgegrid', 'Akamai EdgeGrid client secret', 'akamai', 'https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials',
   'akamaiapis.net', auth='none')
def _(r):
    return [I('AKAMAI_CLIENT_TOKEN', 'client_token', 'akab-%s-%s' % (rs(r, AN_L, 16), rs(r, AN_L, 16))),
            S('AKAMAI_CLIENT_SECRET', 'client_secret', b64(rb(r, 32))),
            S('AKAMAI_ACCESS_TOKEN', 'access_token', 'akab-%s-%s' % (rs(r, AN_L, 16), rs(r, AN_L, 16)))]


# --- AI / ML
@K('cohere_api_key', 'Cohere API key', 'cohere', 'https://docs.cohere.com/reference/about', 'api.cohere.com')
def _(r):
    return [S(r.choice(['COHERE_API_KEY', 'CO_API_KEY']), 'api_key', rs(r, ALNUM, 40))]


@K('mistral_api_key', 'Mistral AI API key', 'mistral', 'https://docs.mistral.ai/getting-started/quickstart/', 'api.mistral.ai')
def _(r):
    return [S('MISTRAL_API_KEY', 'api_key', rs(r, ALNUM, 32))]


@K('groq_api_key', 'Groq API key', 'groq', 'https://console.groq.com/docs/quickstart', 'api.groq.com')
def _(r):
    return [S('GROQ_API_KEY', 'api_key', 'gsk_' + rs(r, ALNUM, 52))]


@K('together_api_key', 'Together AI API key', 'together', 'https://docs.together.ai/reference/authentication-1', 'api.together.xyz',
   unc=True)
def _(r):
    return [S('TOGETHER_API_KEY', 'api_key', 'tgp_v1_' + rs(r, ALNUM + '-_', 43))]


@K('fireworks_api_key', 'Fireworks AI API key', 'fireworks', 'https://docs.fireworks.ai/api-reference/introduction',
   'api.fireworks.ai', unc=True)
def _(r):
    return [S('FIREWORKS_API_KEY', 'api_key', 'fw_' + rs(r, ALNUM, 24))]


@K('replicate_api_token', 'Replicate API token', 'replicate', 'https://replicate.com/docs/topics/security/api-tokens',
   'api.replicate.com')
def _(r):
    return [S('REPLICATE_API_TOKEN', 'api_token', 'r8_' + rs(r, ALNUM, 37))]


@K('perplexity_api_key', 'Perplexity API key', 'perplexity', 'https://docs.perplexity.ai/guides/getting-started', 'api.perplexity.ai')
def _(r):
    return [S(r.choice(['PERPLEXITY_API_KEY', 'PPLX_API_KEY']), 'api_key', 'pplx-' + rs(r, ALNUM, 48))]


@K('xai_api_key', 'xAI API key', 'xai', 'https://docs.x.ai/docs/overview', 'api.x.ai')
def _(r):
    return [S(r.choice(['XAI_API_KEY', 'GROK_API_KEY']), 'api_key', 'xai-' + rs(r, ALNUM, 80))]


@K('deepseek_api_key', 'DeepSeek API key', 'deepseek', 'https://api-docs.deepseek.com/', 'api.deepseek.com')
def _(r):
    return [S('DEEPSEEK_API_KEY', 'api_key', 'sk-' + rs(r, HEXL, 32))]


@K('openrouter_api_key', 'OpenRouter API key', 'openrouter', 'https://openrouter.ai/docs/api-reference/authentication',
   'openrouter.ai')
def _(r):
    return [S('OPENROUTER_API_KEY', 'api_key', 'sk-or-v1-' + rs(r, HEXL, 64))]


@K('anyscale_api_key', 'Anyscale endpoints API key', 'anyscale', 'https://docs.anyscale.com/', 'api.endpoints.anyscale.com', unc=True)
def _(r):
    return [S('ANYSCALE_API_KEY', 'api_key', 'esecret_' + rs(r, AN_L, 26))]


@K('modal_token_secret', 'Modal token secret', 'modal', 'https://modal.com/docs/reference/modal.config', 'api.modal.com', auth='none')
def _(r):
    return [I('MODAL_TOKEN_ID', 'token_id', 'ak-' + rs(r, ALNUM, 22)), S('MODAL_TOKEN_SECRET', 'token_secret', 'as-' + rs(r, ALNUM, 22))]


@K('runpod_api_key', 'RunPod API key', 'runpod', 'https://docs.runpod.io/get-started/api-keys', 'api.runpod.io', unc=True)
def _(r):
    return [S('RUNPOD_API_KEY', 'api_key', 'rpa_' + rs(r, AN_U, 40) + rs(r, AN_L, 8))]


# --- CI/CD, registries, IaC
@K('jenkins_api_token', 'Jenkins API token', 'jenkins', 'https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/',
   'jenkins.internal', auth='basic')
def _(r):
    return [I('JENKINS_USER', 'user', r.choice(['deploy', 'svc-jenkins', 'release'])), S('JENKINS_API_TOKEN', 'api_token', '11' + rs(r, HEXL, 32))]


@K('teamcity_token', 'TeamCity access token', 'teamcity',
   'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens', 'teamcity.internal', unc=True)
def _(r):
    return [S('TEAMCITY_TOKEN', 'token', 'eyJ0eXAiOiAiVENWMiJ9.' + rs(r, ALNUM + '-_', 43) + '.' + rs(r, ALNUM + '-_', 64))]


@K('bamboo_pat', 'Bamboo / Atlassian Data Center PAT', 'bamboo', 'https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html',
   'bamboo.internal', unc=True)
def _(r):
    return [S('BAMBOO_TOKEN', 'token', b64(('%d:' % r.randrange(10 ** 11, 10 ** 12)).encode() + rb(r, 20)))]


@K('buildkite_api_token', 'Buildkite API access token', 'buildkite', 'https://buildkite.com/docs/apis/managing-api-tokens',
   'api.buildkite.com')
def _(r):
    return [S('BUILDKITE_API_TOKEN', 'api_token', 'bkua_' + rs(r, HEXL, 40))]


@K('circleci_pat', 'CircleCI personal API token', 'circleci', 'https://circleci.com/changelog/new-format-for-api-access-tokens/',
   'circleci.com', auth='header:Circle-Token')
def _(r):
    return [S(r.choice(['CIRCLE_TOKEN', 'CIRCLECI_TOKEN']), 'token', 'CCIPAT_' + rs(r, B58, 22) + '_' + rs(r, HEXL, 40))]


@K('travis_token', 'Travis CI API token', 'travis', 'https://docs.travis-ci.com/user/triggering-builds/', 'api.travis-ci.com',
   unc=True, auth='header:Authorization: token ')
def _(r):
    return [S('TRAVIS_API_TOKEN', 'api_token', rs(r, ALNUM + '-_', 22))]


@K('drone_token', 'Drone CI token', 'drone', 'https://docs.drone.io/cli/setup/', 'drone.internal')
def _(r):
    return [I('DRONE_SERVER', 'server', 'https://drone.%s.internal' % slug(r)), S('DRONE_TOKEN', 'token', rs(r, ALNUM, 32))]


@K('codecov_token', 'Codecov upload token', 'codecov', 'https://docs.codecov.com/docs/codecov-tokens', 'codecov.io',
   auth='header:Authorization: token ')
def _(r):
    return [S('CODECOV_TOKEN', 'token', uuid4(r))]


@K('coveralls_repo_token', 'Coveralls repo token', 'coveralls', 'https://docs.coveralls.io/api-introduction', 'coveralls.io',
   auth='json:repo_token')
def _(r):
    return [S('COVERALLS_REPO_TOKEN', 'repo_token', rs(r, ALNUM, 33))]


@K('sonar_token', 'SonarQube / SonarCloud token', 'sonar', 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
   'sonarcloud.io', auth='basic_user')
def _(r):
    return [S('SONAR_TOKEN', 'token', r.choice(['squ_', 'sqp_', 'sqa_']) + rs(r, HEXL, 40))]


@K('snyk_token', 'Snyk API token', 'snyk', 'https://docs.snyk.io/snyk-api/authentication-for-api', 'api.snyk.io',
   auth='header:Authorization: token ')
def _(r):
    return [S('SNYK_TOKEN', 'token', uuid4(r))]


@K('mend_user_key', 'Mend (WhiteSource) user key', 'mend', 'https://docs.mend.io/bundle/integrations/page/mend_developer_integrations.html',
   'saas.whitesourcesoftware.com', unc=True, auth='json:userKey')
def _(r):
    return [I('WS_APIKEY', 'org_token', uuid4(r)), S('WS_USERKEY', 'user_key', rs(r, HEXL, 64))]


@K('jfrog_access_token', 'JFrog Artifactory access/reference token', 'jfrog',
   'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens', 'acme.jfrog.io')
def _(r):
    v = ('cmVmdGtuOjAxOj' + rs(r, ALNUM, 50)) if r.random() < 0.6 else ('AKCp' + rs(r, D, 1) + rs(r, ALNUM, 68))
    return [S(r.choice(['ARTIFACTORY_ACCESS_TOKEN', 'JFROG_ACCESS_TOKEN', 'ARTIFACTORY_API_KEY']), 'access_token', v)]


@K('nexus_password', 'Sonatype Nexus deploy password', 'nexus', 'https://help.sonatype.com/en/user-authentication.html',
   'nexus.internal', auth='basic')
def _(r):
    return [I('NEXUS_USERNAME', 'username', r.choice(['deployment', 'ci-deployer'])), S('NEXUS_PASSWORD', 'password', password(r))]


@K('cloudsmith_api_key', 'Cloudsmith API key', 'cloudsmith', 'https://help.cloudsmith.io/docs/api-key', 'api.cloudsmith.io',
   auth='header:X-Api-Key')
def _(r):
    return [S('CLOUDSMITH_API_KEY', 'api_key', rs(r, HEXL, 40))]


@K('octopus_api_key', 'Octopus Deploy API key', 'octopus', 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
   'octopus.internal', auth='header:X-Octopus-ApiKey')
def _(r):
    return [S('OCTOPUS_API_KEY', 'api_key', 'API-' + rs(r, AN_U, r.choice([26, 27, 32])))]


@K('pulumi_access_token', 'Pulumi Cloud access token', 'pulumi', 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
   'api.pulumi.com', auth='header:Authorization: token ')
def _(r):
    return [S('PULUMI_ACCESS_TOKEN', 'access_token', 'pul-' + rs(r, HEXL, 40))]


@K('spacelift_api_key', 'Spacelift API key secret', 'spacelift', 'https://docs.spacelift.io/integrations/api#spacelift-api-key-token',
   'acme.app.spacelift.io', unc=True, auth='none')
def _(r):
    return [I('SPACELIFT_API_KEY_ID', 'api_key_id', ulid(r)), S('SPACELIFT_API_KEY_SECRET', 'api_key_secret', rs(r, HEXL, 64))]


@K('env0_api_secret', 'env0 API key secret', 'env0', 'https://docs.env0.com/docs/api-keys', 'api.env0.com', unc=True, auth='basic')
def _(r):
    return [I('ENV0_API_KEY', 'api_key', rs(r, AN_L, 16)), S('ENV0_API_SECRET', 'api_secret', rs(r, ALNUM + '-_', 32))]


@K('rubygems_api_key', 'RubyGems.org API key', 'rubygems', 'https://guides.rubygems.org/api-key-scopes/', 'rubygems.org',
   auth='header:Authorization')
def _(r):
    return [S('GEM_HOST_API_KEY', 'api_key', 'rubygems_' + rs(r, HEXL, 48))]


@K('nuget_api_key', 'NuGet.org API key', 'nuget', 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys',
   'api.nuget.org', auth='header:X-NuGet-ApiKey')
def _(r):
    return [S('NUGET_API_KEY', 'api_key', 'oy2' + rs(r, AN_L, 43))]


@K('crates_io_token', 'crates.io API token', 'crates', 'https://doc.rust-lang.org/cargo/reference/registry-web-api.html',
   'crates.io', auth='header:Authorization')
def _(r):
    return [S('CARGO_REGISTRY_TOKEN', 'token', 'cio' + rs(r, ALNUM, 32))]


# --- secrets managers / identity
@K('onepassword_service_account', '1Password service account token', 'onepassword', 'https://developer.1password.com/docs/service-accounts/',
   'my.1password.com')
def _(r):
    o = {'signInAddress': 'my.1password.com', 'userAuth': {'method': 'SRPg-4096', 'alg': 'PBES2g-HS256', 'iterations': 650000,
                                                          'salt': rs(r, ALNUM + '-_', 22)},
         'email': '%s@1passwordserviceaccounts.com' % rs(r, AN_L, 13), 'srpX': rs(r, HEXL, 64),
         'muk': {'alg': 'A256GCM', 'ext': True, 'k': rs(r, ALNUM + '-_', 43), 'key_ops': ['encrypt', 'decrypt'], 'kty': 'oct',
                 'kid': 'mp'}, 'secretKey': 'A3-%s-%s-%s-%s-%s-%s' % tuple(rs(r, AN_U, n) for n in (6, 6, 5, 5, 5, 5)),
         'throttleSecret': {'seed': rs(r, HEXL, 64), 'uuid': rs(r, AN_U, 26)}, 'deviceUuid': rs(r, AN_L, 26)}
    return [S('OP_SERVICE_ACCOUNT_TOKEN', 'service_account_token', 'ops_' + b64u(json.dumps(o, separators=(',', ':')).encode()))]


@K('bitwarden_access_token', 'Bitwarden Secrets Manager access token', 'bitwarden', 'https://bitwarden.com/help/access-tokens/',
   'vault.bitwarden.com')
def _(r):
    return [S('BWS_ACCESS_TOKEN', 'access_token', '0.%s.%s:%s' % (uuid4(r), rs(r, ALNUM, 30), b64(rb(r, 16))))]


@K('doppler_token', 'Doppler token', 'doppler', 'https://docs.doppler.com/reference/api', 'api.doppler.com')
def _(r):
    p = r.choice(['dp.st.prd.', 'dp.st.stg.', 'dp.pt.', 'dp.sa.'])
    return [S('DOPPLER_TOKEN', 'token', p + rs(r, ALNUM, 43))]


@K('infisical_token', 'Infisical machine identity client secret', 'infisical',
   'https://infisical.com/docs/documentation/platform/identities/universal-auth', 'app.infisical.com', unc=True, auth='json:clientSecret')
def _(r):
    return [I('INFISICAL_CLIENT_ID', 'client_id', uuid4(r)), S('INFISICAL_CLIENT_SECRET', 'client_secret', rs(r, HEXL, 64))]


@K('akeyless_access_key', 'Akeyless access key', 'akeyless', 'https://docs.akeyless.io/docs/api-key', 'api.akeyless.io',
   auth='json:access-key')
def _(r):
    return [I('AKEYLESS_ACCESS_ID', 'access_id', 'p-' + rs(r, AN_L, 12)), S('AKEYLESS_ACCESS_KEY', 'access_key', b64(rb(r, 32)))]


@K('conjur_api_key', 'CyberArk Conjur API key', 'conjur',
   'https://docs.cyberark.com/conjur-open-source/latest/en/content/operations/services/api_keys.htm', 'conjur.internal', unc=True,
   auth='none')
def _(r):
    return [I('CONJUR_AUTHN_LOGIN', 'authn_login', 'host/%s/%s' % (svc(r), r.choice(['prod', 'ci']))),
            S('CONJUR_AUTHN_API_KEY', 'authn_api_key', rs(r, '0123456789abcdefghjkmnpqrstvwxyz', 55))]


@K('okta_api_token', 'Okta API token', 'okta', 'https://developer.okta.com/docs/guides/create-an-api-token/main/', 'acme.okta.com',
   auth='header:Authorization: SSWS ')
def _(r):
    return [S('OKTA_API_TOKEN', 'api_token', '00' + rs(r, ALNUM + '-_', 40))]


@K('auth0_client_secret', 'Auth0 client secret', 'auth0', 'https://auth0.com/docs/get-started/applications/application-settings',
   'acme.us.auth0.com', auth='json:client_secret')
def _(r):
    return [I('AUTH0_CLIENT_ID', 'client_id', rs(r, ALNUM, 32)), S('AUTH0_CLIENT_SECRET', 'client_secret', rs(r, ALNUM + '-_', 64))]


@K('onelogin_client_secret', 'OneLogin API client secret', 'onelogin',
   'https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials', 'api.us.onelogin.com', auth='basic')
def _(r):
    return [I('ONELOGIN_CLIENT_ID', 'client_id', rs(r, HEXL, 64)), S('ONELOGIN_CLIENT_SECRET', 'client_secret', rs(r, HEXL, 64))]


@K('keycloak_client_secret', 'Keycloak confidential client secret', 'keycloak',
   'https://www.keycloak.org/docs/latest/server_admin/#_client-credentials', 'sso.internal', auth='form')
def _(r):
    return [I('KEYCLOAK_CLIENT_ID', 'client_id', svc(r) + '-backend'), S('KEYCLOAK_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 32))]


@K('clerk_secret_key', 'Clerk secret key', 'clerk', 'https://clerk.com/docs/deployments/clerk-environment-variables', 'api.clerk.com')
def _(r):
    return [S('CLERK_SECRET_KEY', 'secret_key', 'sk_live_' + rs(r, ALNUM, 42))]


@K('stytch_secret', 'Stytch project secret', 'stytch', 'https://stytch.com/docs/api', 'api.stytch.com', unc=True, auth='basic')
def _(r):
    return [I('STYTCH_PROJECT_ID', 'project_id', 'project-live-' + uuid4(r)),
            S('STYTCH_SECRET', 'secret', 'secret-live-' + rs(r, ALNUM + '-_', 36) + '=')]


@K('magic_secret_key', 'Magic (magic.link) secret key', 'magic', 'https://magic.link/docs/authentication/overview', 'api.magic.link',
   auth='header:X-Magic-Secret-Key')
def _(r):
    return [S('MAGIC_SECRET_KEY', 'secret_key', 'sk_live_' + rs(r, HEXU, 16))]


@K('kinde_client_secret', 'Kinde M2M client secret', 'kinde', 'https://docs.kinde.com/developer-tools/about/using-kinde-without-an-sdk/',
   'acme.kinde.com', unc=True, auth='form')
def _(r):
    return [I('KINDE_CLIENT_ID', 'client_id', rs(r, HEXL, 32)), S('KINDE_CLIENT_SECRET', 'client_secret', rs(r, ALNUM, 48))]


@K('age_secret_key', 'age X25519 identity', 'age', 'https://age-encryption.org/v1', 'localhost', auth='none')
def _(r):
    return [S('SOPS_AGE_KEY', 'age_key', 'AGE-SECRET-KEY-1' + rs(r, BECH32, 58).upper())]


@K('mapbox_secret_token', 'Mapbox secret access token', 'mapbox', 'https://docs.mapbox.com/help/glossary/access-token/',
   'api.mapbox.com', auth='query:access_token')
def _(r):
    u = {'u': slug(r) + rs(r, D, 2), 'a': 'cl' + rs(r, AN_L, 23)}
    return [S('MAPBOX_SECRET_TOKEN', 'secret_token', 'sk.' + b64u(json.dumps(u, separators=(',', ':')).encode()) + '.' + rs(r, ALNUM + '-_', 22))]


def kjwt(r, provider_claims, alg='HS256', sig=32):
    return jwt(r, {'alg': alg, 'typ': 'JWT'}, provider_claims, sig)


@K('monday_api_token', 'monday.com API token', 'monday', 'https://developer.monday.com/api-reference/docs/authentication',
   'api.monday.com', auth='header:Authorization')
def _(r):
    return [S('MONDAY_API_TOKEN', 'api_token', kjwt(r, {'tid': r.randrange(10 ** 8, 10 ** 9), 'aai': 11, 'uid': r.randrange(10 ** 7, 10 ** 8),
                                                        'iad': '2024-0%d-1%dT10:11:12.000Z' % (r.randrange(1, 10), r.randrange(10)),
                                                        'per': 'me:write', 'actid': r.randrange(10 ** 6, 10 ** 7), 'rgn': 'use1'}))]


@K('calendly_pat', 'Calendly personal access token', 'calendly', 'https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens',
   'api.calendly.com')
def _(r):
    i = ts(r)
    return [S('CALENDLY_TOKEN', 'token', jwt(r, {'kid': rs(r, HEXL, 64), 'typ': 'PAT', 'alg': 'ES256'},
                                             {'iss': 'https://auth.calendly.com', 'iat': i, 'jti': uuid4(r),
                                              'user_uuid': uuid4(r)}, 64))]


@K('generic_jwt_service_token', 'Service JWT (HS256, long-lived)', 'internal_api', 'https://datatracker.ietf.org/doc/html/rfc7519',
   'api.internal')
def _(r):
    i = ts(r)
    return [S(r.choice(['INTERNAL_API_TOKEN', 'SERVICE_JWT', 'API_BEARER_TOKEN']), 'token',
              kjwt(r, {'sub': 'svc-%s' % svc(r), 'iss': 'https://auth.%s.io' % slug(r), 'aud': 'internal-api', 'iat': i,
                       'exp': i + 86400 * 3650, 'scope': 'admin:all'}))]


# --- special (file-shape specific, multi-line) kinds; generated by special templates
SPECIAL_DOCS = {
    'rsa_private_key': ('RSA private key (PKCS#1 PEM)', 'https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2'),
    'pkcs8_private_key': ('Private key (PKCS#8 PEM)', 'https://www.rfc-editor.org/rfc/rfc5208'),
    'ec_private_key': ('EC private key (SEC1 PEM)', 'https://www.rfc-editor.org/rfc/rfc5915'),
    'openssh_private_key': ('OpenSSH private key', 'https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key'),
    'pgp_private_key': ('OpenPGP private key block', 'https://www.rfc-editor.org/rfc/rfc4880#section-6.2'),
    'gcp_service_account_key': ('GCP service account key (JSON)', 'https://cloud.google.com/iam/docs/keys-create-delete'),
    'coinbase_cdp_key': ('Coinbase CDP API key (EC private key)', 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys'),
    'github_app_private_key': ('GitHub App private key', 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/managing-private-keys-for-github-apps'),
    'kubeconfig_credentials': ('kubeconfig client key / bearer token', 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/'),
    'docker_config_auth': ('Docker config.json auth', 'https://docs.docker.com/reference/cli/docker/login/#credential-stores'),
    'netrc_password': ('.netrc password', 'https://everything.curl.dev/usingcurl/netrc'),
    'pgpass_password': ('.pgpass password', 'https://www.postgresql.org/docs/current/libpq-pgpass.html'),
    'k8s_service_account_token': ('Kubernetes service account token', 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/'),
}


# ----------------------------------------------------------------------------
# rendering framework
# ----------------------------------------------------------------------------
class Out(object):
    """Per-file rendering context: records the exact spelling used for every
    credential field so that labels can be located afterwards."""

    def __init__(self, r, creds):
        self.r, self.creds, self.placed, self.extra = r, creds, {}, []

    def items(self):
        for c in self.creds:
            for f in c.fields:
                yield c, f

    def put(self, f, s=None):
        s = f.value if s is None else s
        lst = self.placed.setdefault(f.uid, [])
        if s not in lst:
            lst.append(s)
        return s

    def kind_of(self, f):
        for c in self.creds:
            if f in c.fields:
                return c.kind
        return None


def camel(s):
    p = [x for x in re.split(r'[_\-. ]+', s) if x]
    return p[0].lower() + ''.join(x[:1].upper() + x[1:].lower() for x in p[1:])


def pascal(s):
    c = camel(s)
    return c[:1].upper() + c[1:]


SAFE_PLAIN = re.compile(r'^[A-Za-z0-9_./:+=@,-]+$')


def q_env(r, v):
    if SAFE_PLAIN.match(v) and '$' not in v:
        return r.choice([v, v, '"%s"' % v, "'%s'" % v])
    if "'" not in v:
        return "'%s'" % v
    return json.dumps(v)


def q_yaml(v):
    if re.match(r'^[A-Za-z][A-Za-z0-9_./+=-]*$', v) and v.lower() not in ('yes', 'no', 'true', 'false', 'on', 'off', 'null', 'y', 'n'):
        return v
    return json.dumps(v)


def q_sh(v):
    if re.match(r'^[A-Za-z0-9_./:+=@,-]+$', v):
        return v
    return "'%s'" % v


def xml_esc(v):
    return v.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def jstr(v):
    return json.dumps(v)[1:-1]


BENIGN_ENV = [
    ('NODE_ENV', 'production'), ('PORT', '8080'), ('LOG_LEVEL', 'info'), ('TZ', 'UTC'), ('AWS_REGION', 'us-east-1'),
    ('FEATURE_NEW_CHECKOUT', 'true'), ('S3_BUCKET', 'acme-prod-assets'), ('SENTRY_ENVIRONMENT', 'production'),
    ('REDIS_HOST', 'redis.internal'), ('MAX_WORKERS', '8'), ('CORS_ORIGINS', 'https://app.example.com'),
    ('SESSION_COOKIE_SECURE', 'true'), ('PUBLIC_URL', 'https://www.example.com'), ('DEFAULT_LOCALE', 'en-US'),
    ('CACHE_TTL_SECONDS', '300'), ('DB_HOST', 'db.internal'), ('DB_PORT', '5432'), ('DB_NAME', 'app'),
    ('SMTP_HOST', 'smtp.mailgun.org'), ('SMTP_PORT', '587'), ('APP_ENV', 'production'), ('DEBUG', 'false'),
    ('GUNICORN_TIMEOUT', '120'), ('OTEL_SERVICE_NAME', 'checkout-api'), ('KAFKA_BROKERS', 'kafka-0.kafka:9092,kafka-1.kafka:9092'),
    ('RATE_LIMIT_PER_MINUTE', '600'), ('UPLOAD_MAX_MB', '25'), ('TRUSTED_PROXIES', '10.0.0.0/8'),
    ('REQUEST_TIMEOUT_MS', '15000'), ('STATIC_CDN', 'https://cdn.example.com'), ('BUILD_SHA', 'a3f9c2e'),
]

PLACEHOLDER_ENV = [
    ('MAILGUN_API_KEY', 'your-mailgun-api-key'), ('GITHUB_TOKEN', '<your-github-token>'), ('OPENAI_API_KEY', 'sk-...'),
    ('AWS_SECRET_ACCESS_KEY', '${AWS_SECRET_ACCESS_KEY}'), ('STRIPE_SECRET_KEY', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'),
    ('TWILIO_AUTH_TOKEN', 'changeme'), ('DB_PASSWORD', 'REPLACE_ME'), ('JWT_SECRET', '<generate: openssl rand -hex 32>'),
    ('SLACK_WEBHOOK_URL', 'https://hooks.slack.com/services/XXX/YYY/ZZZ'), ('SENDGRID_API_KEY', 'SG.xxxxx.yyyyy'),
    ('DATADOG_API_KEY', ''), ('ANTHROPIC_API_KEY', 'your_anthropic_key_here'), ('SECRET_KEY', 'change-me-in-production'),
    ('REDIS_PASSWORD', '${REDIS_PASSWORD:-}'), ('API_TOKEN', 'TODO'), ('HF_TOKEN', 'hf_xxx'), ('NPM_TOKEN', '${NPM_TOKEN}'),
]


def benign(r, n):
    return r.sample(BENIGN_ENV, min(n, len(BENIGN_ENV)))


def placeholders(r, n):
    return r.sample(PLACEHOLDER_ENV, min(n, len(PLACEHOLDER_ENV)))


def header_comment(r, c='#'):
    return r.choice([
        '%s %s service configuration' % (c, svc(r)),
        '%s generated by ops/bootstrap.sh -- do not edit by hand' % c,
        '%s TODO(%s): move these into the secrets manager' % (c, r.choice(['jdoe', 'mkhan', 'lchen', 'aparker'])),
        '%s local overrides (not for production!)' % c,
        '%s copied from staging on %s' % (c, '2024-%02d-%02d' % (r.randrange(1, 13), r.randrange(1, 28))),
    ])


def mix(r, real_lines, fillers):
    """interleave real lines into filler lines, keeping order of real ones."""
    out = list(fillers)
    pos = sorted(r.randrange(0, len(out) + 1) for _ in real_lines)
    for off, (p, line) in enumerate(zip(pos, real_lines)):
        out.insert(p + off, line)
    return out


def pad_to(r, lines, n, gen):
    while len(lines) < n:
        lines.append(gen())
    return lines


# ----------------------------------------------------------------------------
# generic positive shapes: each receives an Out and returns (filename, text)
# ----------------------------------------------------------------------------
SHAPES = []


def shape(name, ok=None, maxsec=3):
    def deco(fn):
        SHAPES.append((name, fn, ok or (lambda f: True), maxsec))
        return fn
    return deco


no_dollar = lambda f: '$' not in f.value
no_space = lambda f: ' ' not in f.value
plain_ok = lambda f: '$' not in f.value and ' ' not in f.value


def env_lines(o, quote=True):
    r = o.r
    lines = []
    for c, f in o.items():
        o.put(f)
        lines.append('%s=%s' % (f.name, q_env(r, f.value) if quote else f.value))
    return lines


def _q_put(o, f, quoted):
    o.put(f)
    return quoted


@shape('dotenv')
def sh_dotenv(o):
    r = o.r
    fill = ['%s=%s' % kv for kv in benign(r, r.randrange(9, 16))]
    lines = mix(r, env_lines(o), fill)
    lines = [header_comment(r)] + lines
    return r.choice(['.env', '.env.production', '.env.local', 'config/.env', '.env.prod']), '\n'.join(lines) + '\n'


@shape('dotenv_example_mix')
def sh_dotenv_mix(o):
    r = o.r
    fill = ['%s=%s' % kv for kv in placeholders(r, r.randrange(5, 9))] + ['%s=%s' % kv for kv in benign(r, r.randrange(3, 7))]
    r.shuffle(fill)
    real = env_lines(o)
    lines = ['# Copy to .env and fill in. Values below marked REAL were pasted while debugging.'] + mix(r, real, fill)
    return r.choice(['.env.example', '.env.sample', '.env.local', '.env.development']), '\n'.join(lines) + '\n'


@shape('dotenv_expand', ok=no_dollar)
def sh_dotenv_expand(o):
    r = o.r
    lines = ['# dotenv-expand is enabled (see src/config/load.ts)', 'APP_HOST=api.%s.io' % slug(r), 'APP_PORT=3000',
             'APP_URL=https://${APP_HOST}:${APP_PORT}', 'DB_USER=app', 'DB_HOST=db.internal',
             'DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@${DB_HOST}:5432/app']
    for c, f in o.items():
        o.put(f)
        lines.append('%s=%s' % (f.name, q_env(r, f.value)))
    lines += ['CALLBACK_URL=${APP_URL}/oauth/callback', 'LOG_FORMAT=json', 'WORKERS=${WEB_CONCURRENCY:-4}']
    return '.env', '\n'.join(lines) + '\n'


@shape('shell_export')
def sh_export(o):
    r = o.r
    lines = ['#!/usr/bin/env bash', 'set -euo pipefail', '', header_comment(r), '']
    for kv in benign(r, 3):
        lines.append('export %s=%s' % kv)
    for c, f in o.items():
        o.put(f)
        lines.append('export %s=%s' % (f.name, q_sh(f.value) if '$' not in f.value else "'%s'" % f.value))
    lines += ['', 'cd "$(dirname "$0")/.."', 'exec ./bin/%s --config config/%s.yaml "$@"' % (svc(r), r.choice(['prod', 'staging']))]
    return r.choice(['scripts/env.sh', 'deploy/setenv.sh', 'bin/run-prod.sh', '.envrc']), '\n'.join(lines) + '\n'


@shape('powershell_env')
def sh_powershell(o):
    r = o.r
    lines = ['# Run before `dotnet run` on the build agent', '$ErrorActionPreference = "Stop"', '']
    for c, f in o.items():
        o.put(f)
        lines.append("$env:%s = '%s'" % (f.name, f.value))
    lines += ['$env:ASPNETCORE_ENVIRONMENT = "Production"', '', 'Write-Host "Environment prepared for $env:COMPUTERNAME"',
              'dotnet run --project src/%s/%s.csproj' % (pascal(svc(r)), pascal(svc(r))), '', 'if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }',
              '# end']
    return r.choice(['scripts/Set-Env.ps1', 'build/env.ps1']), '\n'.join(lines) + '\n'


@shape('windows_bat', ok=lambda f: not any(ch in f.value for ch in '%^!"'))
def sh_bat(o):
    r = o.r
    lines = ['@echo off', 'REM ' + header_comment(r, '').strip(), 'setlocal', '']
    for c, f in o.items():
        o.put(f)
        lines.append(r.choice(['set "%s=%s"', 'set %s=%s']) % (f.name, f.value) if not any(ch in f.value for ch in '&|<> ') else 'set "%s=%s"' % (f.name, f.value))
    lines += ['set JAVA_OPTS=-Xmx2g', '', 'cd /d %~dp0\\..', 'call gradlew.bat bootRun', 'if errorlevel 1 goto :fail', 'goto :eof', ':fail',
              'echo Build failed & exit /b 1']
    return r.choice(['run-local.cmd', 'scripts\\setenv.bat'.replace('\\', '/'), 'start.bat']), '\r\n'.join(lines) + '\r\n'


@shape('makefile', ok=no_space)
def sh_makefile(o):
    r = o.r
    lines = ['# Makefile', 'SHELL := /bin/bash', 'IMAGE ?= registry.example.com/%s' % svc(r), 'TAG ?= $(shell git rev-parse --short HEAD)', '']
    for c, f in o.items():
        v = f.value.replace('$', '$$').replace('#', '\\#')
        o.put(f, v)
        lines.append('export %s %s %s' % (f.name, r.choice([':=', '?=', '=']), v))
    lines += ['', '.PHONY: build deploy test', 'build:', '\tdocker build -t $(IMAGE):$(TAG) .', '', 'test:', '\tgo test ./...', '',
              'deploy: build', '\tdocker push $(IMAGE):$(TAG)', '\t./scripts/deploy.sh $(TAG)']
    return 'Makefile', '\n'.join(lines) + '\n'


@shape('dockerfile_env', ok=plain_ok)
def sh_dockerfile(o):
    r = o.r
    lines = ['FROM python:3.12-slim AS base', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', '']
    for c, f in o.items():
        o.put(f)
        lines.append(r.choice(['ENV %s=%s', 'ENV %s %s', 'ARG %s=%s']) % (f.name, f.value))
    lines += ['', 'COPY . .', 'EXPOSE 8000', 'USER 1000', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app.wsgi:application"]']
    return r.choice(['Dockerfile', 'docker/Dockerfile.prod']), '\n'.join(lines) + '\n'


@shape('docker_compose_list')
def sh_compose_list(o):
    r = o.r
    s = svc(r)
    lines = ['version: "3.9"', 'services:', '  %s:' % s, '    image: ghcr.io/%s/%s:1.%d.%d' % (slug(r), s, r.randrange(9), r.randrange(30)),
             '    restart: unless-stopped', '    ports:', '      - "8080:8080"', '    environment:']
    envs = ['      - %s=%s' % kv for kv in benign(r, 4)]
    real = []
    for c, f in o.items():
        v = f.value.replace('$', '$$')
        o.put(f, v)
        real.append('      - %s=%s' % (f.name, v) if ' ' not in v else '      - "%s=%s"' % (f.name, v))
    lines += mix(r, real, envs)
    lines += ['    depends_on:', '      - db', '  db:', '    image: postgres:16-alpine', '    environment:',
              '      - POSTGRES_DB=app', '      - POSTGRES_PASSWORD_FILE=/run/secrets/pg_pw', '    volumes:', '      - pgdata:/var/lib/postgresql/data',
              'volumes:', '  pgdata: {}']
    return r.choice(['docker-compose.yml', 'compose.yaml', 'docker-compose.prod.yml']), '\n'.join(lines) + '\n'


@shape('docker_compose_map')
def sh_compose_map(o):
    r = o.r
    s = svc(r)
    lines = ['services:', '  %s:' % s, '    build: .', '    env_file: .env.defaults', '    environment:']
    for k, v in benign(r, 3):
        lines.append('      %s: %s' % (k, q_yaml(v)))
    for c, f in o.items():
        v = f.value.replace('$', '$$')
        qv = q_yaml(v)
        o.put(f, v if qv == v else jstr(v))
        lines.append('      %s: %s' % (f.name, qv))
    lines += ['    healthcheck:', '      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]', '      interval: 30s', '      retries: 3',
              '  worker:', '    image: %s-worker:latest' % s, '    command: ["celery", "-A", "app", "worker"]']
    return 'docker-compose.override.yml', '\n'.join(lines) + '\n'


def yaml_kv(o, f, indent, key):
    v = f.value
    qv = q_yaml(v)
    o.put(f, v if qv == v else jstr(v))
    return '%s%s: %s' % (' ' * indent, key, qv)


@shape('helm_values_nested')
def sh_helm(o):
    r = o.r
    lines = ['# values-production.yaml', 'replicaCount: %d' % r.randrange(2, 6), 'image:', '  repository: ghcr.io/%s/%s' % (slug(r), svc(r)),
             '  tag: "v2.%d.%d"' % (r.randrange(20), r.randrange(20)), '  pullPolicy: IfNotPresent', 'resources:', '  limits:', '    cpu: 500m',
             '    memory: 512Mi', 'global:', '  environment: production', '  integrations:']
    for c in o.creds:
        lines.append('    %s:' % camel(c.kind.section))
        lines.append('      enabled: true')
        lines.append('      credentials:')
        for f in c.fields:
            lines.append(yaml_kv(o, f, 8, camel(f.key)))
    lines += ['ingress:', '  enabled: true', '  className: nginx', '  hosts:', '    - host: %s.example.com' % svc(r), '      paths:',
              '        - path: /', '          pathType: Prefix', 'podAnnotations:', '  prometheus.io/scrape: "true"']
    return r.choice(['charts/%s/values-prod.yaml' % svc(r), 'helm/values.production.yaml']).split('/')[-1], '\n'.join(lines) + '\n'


@shape('k8s_secret_data')
def sh_k8s_data(o):
    r = o.r
    name = svc(r) + '-secrets'
    lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: %s' % name, '  namespace: %s' % r.choice(['prod', 'default', 'payments']),
             '  labels:', '    app.kubernetes.io/name: %s' % svc(r), 'type: Opaque', 'data:']
    for c, f in o.items():
        enc = b64s(f.value)
        o.put(f, enc)
        lines.append('  %s: %s' % (f.name, enc))
    lines += ['---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: %s' % svc(r), 'spec:', '  template:', '    spec:',
              '      containers:', '        - name: app', '          envFrom:', '            - secretRef:', '                name: %s' % name]
    return 'secret.yaml', '\n'.join(lines) + '\n'


@shape('k8s_secret_stringdata')
def sh_k8s_string(o):
    r = o.r
    lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: %s-env' % svc(r), '  annotations:',
             '    kubectl.kubernetes.io/last-applied-configuration: ""', 'type: Opaque', 'stringData:']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 2, f.name))
    lines += ['data:', '  TLS_ENABLED: %s' % b64s('true'), '  REGION: %s' % b64s('eu-west-1')]
    return r.choice(['k8s/secret-env.yaml', 'manifests/app-secret.yml']).split('/')[-1], '\n'.join(lines) + '\n'


@shape('kustomize_secret_generator', ok=no_space)
def sh_kustomize(o):
    r = o.r
    lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'namespace: %s' % r.choice(['prod', 'staging']),
             'resources:', '  - ../../base', '  - ingress.yaml', 'images:', '  - name: app', '    newTag: "%s"' % rs(r, HEXL, 7),
             'secretGenerator:', '  - name: %s-credentials' % svc(r), '    literals:']
    for c, f in o.items():
        o.put(f)
        lines.append('      - %s=%s' % (f.name, f.value))
    lines += ['generatorOptions:', '  disableNameSuffixHash: true']
    return 'kustomization.yaml', '\n'.join(lines) + '\n'


@shape('argocd_application')
def sh_argocd(o):
    r = o.r
    lines = ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: %s' % svc(r), '  namespace: argocd', 'spec:',
             '  project: default', '  source:', '    repoURL: https://github.com/%s/deploy.git' % slug(r), '    targetRevision: main',
             '    path: charts/%s' % svc(r), '    helm:', '      releaseName: %s' % svc(r), '      parameters:']
    for c, f in o.items():
        v = f.value
        o.put(f, jstr(v))
        lines.append('        - name: env.%s' % f.name)
        lines.append('          value: %s' % json.dumps(v))
    lines += ['  destination:', '    server: https://kubernetes.default.svc', '    namespace: prod', '  syncPolicy:', '    automated:',
              '      prune: true', '      selfHeal: true']
    return 'application.yaml', '\n'.join(lines) + '\n'


@shape('github_actions_env')
def sh_gha(o):
    r = o.r
    fs = list(o.items())
    job_level = fs[:len(fs) // 2 + 1]
    step_level = fs[len(fs) // 2 + 1:]
    lines = ['name: deploy', '', 'on:', '  push:', '    branches: [main]', '  workflow_dispatch: {}', '', 'permissions:', '  contents: read',
             '  id-token: write', '', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    environment: production', '    env:',
             '      NODE_VERSION: "20"', '      REGISTRY: ghcr.io']
    for c, f in job_level:
        lines.append(yaml_kv(o, f, 6, f.name))
    lines += ['      SENTRY_ORG: ${{ vars.SENTRY_ORG }}', '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4',
              '        with:', '          node-version: ${{ env.NODE_VERSION }}', '      - run: npm ci', '      - name: Deploy', '        env:',
              '          DEPLOY_ENV: production', '          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}']
    for c, f in step_level:
        lines.append(yaml_kv(o, f, 10, f.name))
    lines += ['        run: |', '          npm run build', '          ./scripts/deploy.sh "$DEPLOY_ENV"']
    return 'deploy.yml', '\n'.join(lines) + '\n'


@shape('gitlab_ci_variables')
def sh_gitlab(o):
    r = o.r
    lines = ['stages: [test, build, deploy]', '', 'variables:', '  DOCKER_DRIVER: overlay2', '  GIT_DEPTH: "20"']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 2, f.name))
    lines += ['', 'test:', '  stage: test', '  image: python:3.12', '  script:', '    - pip install -r requirements-dev.txt', '    - pytest -q',
              '', 'deploy:', '  stage: deploy', '  image: alpine:3.20', '  only: [main]', '  script:', '    - apk add --no-cache curl',
              '    - ./ci/deploy.sh $CI_COMMIT_SHORT_SHA']
    return '.gitlab-ci.yml', '\n'.join(lines) + '\n'


@shape('azure_pipelines')
def sh_azure_pipelines(o):
    r = o.r
    lines = ['trigger:', '  branches:', '    include: [ main ]', '', 'pool:', '  vmImage: ubuntu-latest', '', 'variables:',
             '  buildConfiguration: Release', '  - group: shared-nonsecret']
    lines = lines[:-1]
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 2, f.name))
    lines += ['', 'steps:', '  - task: UseDotNet@2', '    inputs:', "      version: '8.x'",
              '  - script: dotnet build --configuration $(buildConfiguration)', '    displayName: build',
              '  - script: ./deploy.sh', '    env:', '      ARM_CLIENT_SECRET: $(armClientSecret)']
    return 'azure-pipelines.yml', '\n'.join(lines) + '\n'


@shape('bitbucket_pipelines')
def sh_bitbucket(o):
    r = o.r
    lines = ['image: node:20', '', 'definitions:', '  caches:', '    npm: ~/.npm', '', 'pipelines:', '  branches:', '    main:', '      - step:',
             '          name: Build and deploy', '          caches: [npm]', '          script:', '            - npm ci', '            - npm test']
    for c, f in o.items():
        o.put(f)
        lines.append('            - export %s=%s' % (f.name, q_sh(f.value) if '$' not in f.value else "'%s'" % f.value))
    lines += ['            - npm run deploy', '          artifacts:', '            - dist/**']
    return 'bitbucket-pipelines.yml', '\n'.join(lines) + '\n'


@shape('circleci_config')
def sh_circleci(o):
    r = o.r
    lines = ['version: 2.1', 'orbs:', '  node: circleci/node@5.2', 'jobs:', '  build:', '    docker:', '      - image: cimg/node:20.11',
             '    environment:']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 6, f.name))
    lines += ['    steps:', '      - checkout', '      - node/install-packages', '      - run: npm run build', '      - run: npm run deploy',
              'workflows:', '  main:', '    jobs: [build]']
    return 'config.yml', '\n'.join(lines) + '\n'


@shape('jenkinsfile_environment', ok=lambda f: "'" not in f.value)
def sh_jenkins(o):
    r = o.r
    lines = ['pipeline {', '    agent { label "linux" }', '    options { timestamps() }', '    environment {', "        APP = '%s'" % svc(r),
             "        AWS_REGION = 'eu-central-1'", "        NEXUS = credentials('nexus-deploy')"]
    for c, f in o.items():
        o.put(f)
        lines.append("        %s = '%s'" % (f.name, f.value))
    lines += ['    }', '    stages {', "        stage('Build') {", "            steps { sh './gradlew build' }", '        }',
              "        stage('Deploy') {", "            when { branch 'main' }", "            steps { sh './deploy.sh' }", '        }', '    }', '}']
    return 'Jenkinsfile', '\n'.join(lines) + '\n'


@shape('serverless_yml')
def sh_serverless(o):
    r = o.r
    lines = ['service: %s' % svc(r), 'frameworkVersion: "3"', 'provider:', '  name: aws', '  runtime: nodejs20.x', '  region: us-east-1',
             '  stage: ${opt:stage, "prod"}', '  environment:', '    TABLE_NAME: ${self:service}-${sls:stage}']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 4, f.name))
    lines += ['functions:', '  api:', '    handler: src/handler.main', '    events:', '      - httpApi: "*"', '  cron:',
              '    handler: src/cron.run', '    events:', '      - schedule: rate(15 minutes)']
    return 'serverless.yml', '\n'.join(lines) + '\n'


@shape('cloudformation_params')
def sh_cfn_params(o):
    r = o.r
    items = [{'ParameterKey': 'Environment', 'ParameterValue': 'production'},
             {'ParameterKey': 'VpcId', 'ParameterValue': 'vpc-0%s' % rs(r, HEXL, 16)},
             {'ParameterKey': 'InstanceType', 'ParameterValue': 't3.medium'}]
    lines = ['[']
    entries = []
    for kv in items:
        entries.append('  {\n    "ParameterKey": "%s",\n    "ParameterValue": "%s"\n  }' % (kv['ParameterKey'], kv['ParameterValue']))
    for c, f in o.items():
        o.put(f, jstr(f.value))
        entries.append('  {\n    "ParameterKey": "%s",\n    "ParameterValue": %s\n  }' % (pascal(qual(c, f)), json.dumps(f.value)))
    r.shuffle(entries)
    text = '[\n' + ',\n'.join(entries) + '\n]\n'
    return r.choice(['params/prod.json', 'cfn/parameters-prod.json']).split('/')[-1], text


@shape('pulumi_stack_config')
def sh_pulumi(o):
    r = o.r
    proj = svc(r)
    lines = ['config:', '  aws:region: us-west-2', '  %s:instanceCount: "3"' % proj,
             '  %s:dbPassword:' % proj, '    secure: v1:%s:%s' % (rs(r, ALNUM + '+/', 16), rs(r, ALNUM + '+/', 60))]
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 2, '%s:%s' % (proj, camel(qual(c, f)))))
    extra = ['  %s:minSize: "2"' % proj, '  %s:maxSize: "%d"' % (proj, r.randrange(4, 20)), '  %s:port: "8080"' % proj,
             '  %s:domain: %s.%s.com' % (proj, proj, slug(r)), '  %s:enableWaf: "true"' % proj, '  aws:profile: prod']
    return 'Pulumi.prod.yaml', '\n'.join(lines + extra) + '\n'


def hcl_str(o, f):
    v = f.value.replace('${', '$${').replace('%{', '%%{')
    o.put(f, jstr(v))
    return json.dumps(v)


@shape('terraform_provider_locals')
def sh_tf(o):
    r = o.r
    lines = ['terraform {', '  required_version = ">= 1.5"', '  required_providers {', '    aws = {', '      source  = "hashicorp/aws"',
             '      version = "~> 5.40"', '    }', '  }', '}', '', 'locals {', '  env  = "prod"', '  tags = { Team = "%s", Env = "prod" }' % svc(r)]
    for c, f in o.items():
        lines.append('  %s = %s' % (qual(c, f), hcl_str(o, f)))
    lines += ['}', '', 'resource "aws_ssm_parameter" "api" {', '  name  = "/${local.env}/%s/config"' % svc(r), '  type  = "String"',
              '  value = jsonencode({ region = "us-east-1" })', '  tags  = local.tags', '}']
    return 'main.tf', '\n'.join(lines) + '\n'


@shape('terraform_variable_default')
def sh_tf_var(o):
    r = o.r
    lines = ['variable "region" {', '  type    = string', '  default = "eu-west-1"', '}', '']
    for c, f in o.items():
        lines += ['variable "%s_%s" {' % (c.kind.section, f.key), '  type      = string', '  sensitive = true',
                  '  default   = %s' % hcl_str(o, f), '}', '']
    lines += ['variable "instance_count" {', '  type    = number', '  default = 2', '}']
    return 'variables.tf', '\n'.join(lines) + '\n'


@shape('terraform_tfvars')
def sh_tfvars(o):
    r = o.r
    lines = ['# %s.tfvars' % r.choice(['prod', 'production', 'staging']), 'region         = "us-east-1"', 'environment    = "production"',
             'instance_type  = "m6i.large"', 'desired_count  = %d' % r.randrange(2, 8)]
    for c, f in o.items():
        lines.append('%-14s = %s' % ('%s_%s' % (c.kind.section, f.key), hcl_str(o, f)))
    lines += ['allowed_cidrs  = ["10.0.0.0/8", "172.16.0.0/12"]', 'enable_waf     = true', 'log_retention  = 30',
              'tags = {', '  team  = "%s"' % svc(r), '  owner = "platform"', '}']
    return r.choice(['terraform.tfvars', 'prod.auto.tfvars']), '\n'.join(lines) + '\n'


@shape('terraform_tfstate')
def sh_tfstate(o):
    r = o.r
    attrs = []
    for c, f in o.items():
        o.put(f, jstr(f.value))
        attrs.append('              "%s": %s' % (qual(c, f), json.dumps(f.value)))
    lines = ['{', '  "version": 4,', '  "terraform_version": "1.7.%d",' % r.randrange(6), '  "serial": %d,' % r.randrange(10, 400),
             '  "lineage": "%s",' % uuid4(r), '  "outputs": {},', '  "resources": [', '    {', '      "mode": "managed",',
             '      "type": "kubernetes_secret",', '      "name": "app",', '      "provider": "provider[\\"registry.terraform.io/hashicorp/kubernetes\\"]",',
             '      "instances": [', '        {', '          "schema_version": 0,', '          "attributes": {',
             '            "id": "prod/%s-env",' % svc(r), '            "type": "Opaque",', '            "data": {']
    lines.append(',\n'.join(attrs))
    lines += ['            },', '            "metadata": [{"name": "%s-env", "namespace": "prod"}]' % svc(r), '          },',
              '          "sensitive_attributes": [[{"type": "get_attr", "value": "data"}]]', '        }', '      ]', '    }', '  ],',
              '  "check_results": null', '}']
    return 'terraform.tfstate', '\n'.join(lines) + '\n'


@shape('ansible_group_vars')
def sh_ansible_vars(o):
    r = o.r
    lines = ['---', '# group_vars/%s/main.yml' % r.choice(['all', 'webservers', 'prod']), 'app_user: deploy', 'app_dir: /opt/%s' % svc(r),
             'nginx_worker_processes: auto', 'ntp_servers:', '  - 0.pool.ntp.org', '  - 1.pool.ntp.org']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 0, '%s_%s' % (c.kind.section, f.key)))
    lines += ['postgres_version: 16', 'backup_cron: "15 2 * * *"']
    return 'main.yml', '\n'.join(lines) + '\n'


@shape('ansible_inventory_ini', ok=lambda f: ' ' not in f.value and '#' not in f.value)
def sh_ansible_inv(o):
    r = o.r
    lines = ['[web]', 'web-01.prod.internal ansible_host=10.20.1.11', 'web-02.prod.internal ansible_host=10.20.1.12', '', '[db]',
             'db-01.prod.internal ansible_host=10.20.2.10', '', '[all:vars]', 'ansible_user=deploy', 'ansible_python_interpreter=/usr/bin/python3']
    for c, f in o.items():
        o.put(f)
        lines.append('%s_%s=%s' % (c.kind.section, f.key, f.value))
    return 'inventory/production.ini'.split('/')[-1], '\n'.join(lines) + '\n'


@shape('hiera_yaml')
def sh_hiera(o):
    r = o.r
    lines = ['---', 'classes:', '  - profile::base', '  - profile::%s' % svc(r).replace('-', '_'), 'profile::base::ntp_servers:',
             '  - time.google.com', 'profile::base::timezone: UTC']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 0, 'profile::%s::%s' % (c.kind.section, f.key)).replace(': ', ": ", 1))
    lines += ['lookup_options:', '  "^profile::.*::password$":', '    convert_to: Sensitive']
    return r.choice(['common.yaml', 'production.yaml']), '\n'.join(lines) + '\n'


@shape('spring_properties', ok=lambda f: '\\' not in f.value)
def sh_spring_props(o):
    r = o.r
    lines = ['spring.application.name=%s' % svc(r), 'server.port=8080', 'spring.jpa.hibernate.ddl-auto=validate',
             'spring.datasource.url=jdbc:postgresql://db.internal:5432/app', 'management.endpoints.web.exposure.include=health,info']
    for c, f in o.items():
        o.put(f)
        lines.append('%s.%s=%s' % (c.kind.section.replace('_', '-'), f.key.replace('_', '-'), f.value))
    lines += ['logging.level.root=INFO', 'spring.jackson.time-zone=UTC', 'server.shutdown=graceful', 'spring.lifecycle.timeout-per-shutdown-phase=20s']
    return 'application-prod.properties', '\n'.join(lines) + '\n'


@shape('spring_yaml')
def sh_spring_yaml(o):
    r = o.r
    lines = ['spring:', '  application:', '    name: %s' % svc(r), '  datasource:', '    url: jdbc:postgresql://db.internal:5432/app',
             '    hikari:', '      maximum-pool-size: 20', 'app:', '  integrations:']
    for c in o.creds:
        lines.append('    %s:' % c.kind.section.replace('_', '-'))
        for f in c.fields:
            lines.append(yaml_kv(o, f, 6, f.key.replace('_', '-')))
    lines += ['logging:', '  level:', '    org.springframework: WARN']
    return 'application.yml', '\n'.join(lines) + '\n'


@shape('dotnet_appsettings')
def sh_appsettings(o):
    r = o.r
    lines = ['{', '  "Logging": {', '    "LogLevel": {', '      "Default": "Information",', '      "Microsoft.AspNetCore": "Warning"', '    }', '  },',
             '  "AllowedHosts": "*",']
    secs = []
    for c in o.creds:
        inner = []
        for f in c.fields:
            o.put(f, jstr(f.value))
            inner.append('    "%s": %s' % (pascal(f.key), json.dumps(f.value)))
        secs.append('  "%s": {\n%s\n  }' % (pascal(c.kind.section), ',\n'.join(inner)))
    lines.append(',\n'.join(secs) + ',')
    lines += ['  "FeatureFlags": {', '    "NewCheckout": true', '  }', '}']
    return r.choice(['appsettings.json', 'appsettings.Production.json']), '\n'.join(lines) + '\n'


@shape('dotnet_web_config')
def sh_webconfig(o):
    r = o.r
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>', '    <add key="webpages:Version" value="3.0.0.0" />',
             '    <add key="ClientValidationEnabled" value="true" />']
    for c, f in o.items():
        v = xml_esc(f.value)
        o.put(f, v)
        lines.append('    <add key="%s:%s" value="%s" />' % (pascal(c.kind.section), pascal(f.key), v))
    lines += ['  </appSettings>', '  <system.web>', '    <compilation debug="false" targetFramework="4.8" />', '    <httpRuntime targetFramework="4.8" />',
              '  </system.web>', '</configuration>']
    return 'Web.config', '\n'.join(lines) + '\n'


@shape('dotnet_user_secrets')
def sh_usersecrets(o):
    r = o.r
    entries = ['  "Kestrel:Endpoints:Https:Url": "https://localhost:5001"']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        entries.append('  "%s:%s": %s' % (pascal(c.kind.section), pascal(f.key), json.dumps(f.value)))
    entries.append('  "Serilog:MinimumLevel": "Debug"')
    text = '{\n' + ',\n'.join(entries) + '\n}\n'
    text = '// %%APPDATA%%/Microsoft/UserSecrets/%s/secrets.json\n' % uuid4(r) + text
    lines = text.split('\n')
    return 'secrets.json', '\n'.join(pad_to(r, lines[:-1], 10, lambda: '')) + '\n'


@shape('php_wp_config', ok=lambda f: "'" not in f.value and '\\' not in f.value)
def sh_wpconfig(o):
    r = o.r
    lines = ['<?php', '/** The base configuration for WordPress */', "define( 'DB_NAME', 'wordpress' );", "define( 'DB_USER', 'wp_%s' );" % rs(r, AN_L, 5),
             "define( 'DB_HOST', 'localhost' );", "define( 'DB_CHARSET', 'utf8mb4' );"]
    for c, f in o.items():
        o.put(f)
        lines.append("define( '%s', '%s' );" % (f.name, f.value))
    lines += ["define( 'AUTH_KEY',         'put your unique phrase here' );", "define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );",
              "$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );", "if ( ! defined( 'ABSPATH' ) ) {", "\tdefine( 'ABSPATH', __DIR__ . '/' );", '}',
              "require_once ABSPATH . 'wp-settings.php';"]
    return 'wp-config.php', '\n'.join(lines) + '\n'


@shape('laravel_services_php', ok=lambda f: "'" not in f.value and '\\' not in f.value)
def sh_laravel(o):
    r = o.r
    lines = ['<?php', '', 'return [', '', "    'postmark' => [", "        'token' => env('POSTMARK_TOKEN'),", '    ],', '']
    for c in o.creds:
        lines.append("    '%s' => [" % c.kind.section)
        for f in c.fields:
            o.put(f)
            lines.append("        '%s' => env('%s', '%s')," % (f.key, f.name, f.value))
        lines.append('    ],')
    lines += ['', "    'ses' => [", "        'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),", '    ],', '];']
    return 'services.php', '\n'.join(lines) + '\n'


@shape('rails_credentials_plain')
def sh_rails_creds(o):
    r = o.r
    lines = ['# config/credentials.yml (decrypted copy -- DO NOT COMMIT)', 'active_record_encryption:',
             '  primary_key: <%= ENV["AR_PRIMARY_KEY"] %>', '']
    for c in o.creds:
        lines.append('%s:' % c.kind.section)
        for f in c.fields:
            lines.append(yaml_kv(o, f, 2, f.key))
    lines += ['', 'smtp:', '  address: smtp.postmarkapp.com', '  port: 587']
    return 'credentials.yml', '\n'.join(lines) + '\n'


@shape('rails_database_yml', ok=lambda f: f.kind in DBK)
def sh_dbyml(o):
    r = o.r
    lines = ['default: &default', '  adapter: postgresql', '  encoding: unicode', '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>', '',
             'development:', '  <<: *default', '  database: app_development', '', 'production:', '  <<: *default', '  database: app_production',
             '  host: db.internal']
    for c, f in o.items():
        lines.append(yaml_kv(o, f, 2, f.key if f.key not in ('url', 'uri') else 'url'))
    return 'database.yml', '\n'.join(lines) + '\n'


DBK = {'postgres_url', 'mysql_url', 'neon_postgres_url', 'aiven_service_password', 'cockroachdb_url', 'planetscale_password',
       'password_assignment', 'snowflake_password'}


def pystr(o, f):
    o.put(f, jstr(f.value))
    return json.dumps(f.value)


@shape('python_settings')
def sh_settings_py(o):
    r = o.r
    lines = ['"""Django settings for %s project (production)."""' % svc(r).replace('-', '_'), 'from pathlib import Path', 'import os', '',
             'BASE_DIR = Path(__file__).resolve().parent.parent', 'DEBUG = False', 'ALLOWED_HOSTS = ["api.%s.com"]' % slug(r), '']
    for c, f in o.items():
        lines.append('%s = %s' % (f.name.upper(), pystr(o, f)))
    lines += ['', 'INSTALLED_APPS = [', '    "django.contrib.admin",', '    "django.contrib.auth",', '    "rest_framework",', ']',
              'TIME_ZONE = "UTC"', 'USE_TZ = True', 'STATIC_URL = "static/"']
    return 'settings.py', '\n'.join(lines) + '\n'


@shape('python_config_dict')
def sh_py_dict(o):
    r = o.r
    lines = ['# config.py', 'import logging', '', 'LOG_LEVEL = logging.INFO', '', 'CONFIG = {', '    "env": "production",',
             '    "timeout": 30,']
    for c in o.creds:
        lines.append('    "%s": {' % c.kind.section)
        for f in c.fields:
            lines.append('        "%s": %s,' % (f.key, pystr(o, f)))
        lines.append('    },')
    lines += ['    "retry": {"attempts": 5, "backoff": 1.5},', '}', '', '', 'def get(section, key, default=None):',
              '    return CONFIG.get(section, {}).get(key, default)']
    return 'config.py', '\n'.join(lines) + '\n'


@shape('python_click_defaults')
def sh_click(o):
    r = o.r
    lines = ['import click', 'import requests', '', '', '@click.command()', '@click.option("--env", default="prod", show_default=True)']
    for c, f in o.items():
        lines.append('@click.option("--%s", default=%s, help="%s")' % (qual(c, f).replace('_', '-'), pystr(o, f), c.kind.provider))
    args = ', '.join(['env'] + [qual(c, f) for c, f in o.items()])
    lines += ['def main(%s):' % args, '    """Sync records to %s."""' % o.creds[0].kind.provider,
              '    click.echo(f"syncing {env}")', '    # TODO: read from vault instead of defaults', '', '', 'if __name__ == "__main__":', '    main()']
    return 'cli.py', '\n'.join(lines) + '\n'


@shape('python_argparse_defaults')
def sh_argparse(o):
    r = o.r
    lines = ['#!/usr/bin/env python3', 'import argparse', 'import sys', '', '', 'def parse_args(argv=None):',
             '    p = argparse.ArgumentParser(description="nightly export")', '    p.add_argument("--dry-run", action="store_true")']
    for c, f in o.items():
        lines.append('    p.add_argument("--%s", default=%s)' % (qual(c, f).replace('_', '-'), pystr(o, f)))
    lines += ['    return p.parse_args(argv)', '', '', 'if __name__ == "__main__":', '    args = parse_args()', '    sys.exit(0)']
    return 'export.py', '\n'.join(lines) + '\n'





def emit_fields_as_vars(o, fmt, quote):
    out = []
    for c, f in o.items():
        out.append(fmt % (f.name, quote(o, f)))
    return out


@shape('python_requests_headers', ok=lambda f: usage_ok(f) and '"' not in f.value and '\\' not in f.value)
def sh_requests(o):
    r = o.r
    c = o.creds[0]
    R = req_auth(o, c)
    lines = ['import requests', '', 'BASE = "https://%s"' % c.kind.host, '', '']
    for cc in o.creds[1:]:
        for f in cc.fields:
            lines.append('%s = %s' % (f.name, pystr(o, f)))
    lines += ['', 'def call(path, **params):']
    if R['basic']:
        u, p = R['basic']
        o.put(R['secret'], basic_literal(R))
        lines.append('    resp = requests.get(BASE + path, params=params, auth=("%s", "%s"), timeout=10)' % (u, p))
    elif R['query']:
        q = ', '.join('"%s": %s' % (n, pystr(o, f)) for n, f in R['query'])
        lines.append('    resp = requests.get(BASE + path, params={%s, **params}, timeout=10)' % q)
    elif R['path']:
        p, f = R['path']
        lines.append('    resp = requests.get(BASE + "/%s" + %s + path, params=params, timeout=10)' % (p, pystr(o, f)))
    elif R['body']:
        d = ', '.join('"%s": %s' % (n, pystr(o, f) if f else '"client_credentials"') for n, f in R['body'][1])
        kw = 'json' if R['body'][0] == 'json' else 'data'
        lines.append('    resp = requests.post(BASE + path, %s={%s}, timeout=10)' % (kw, d))
    else:
        hs = ', '.join('"%s": "%s%s"' % (n, pre, o.put(f)) for n, pre, f in R['headers'])
        lines.append('    headers = {%s, "Accept": "application/json"}' % hs)
        lines.append('    resp = requests.get(BASE + path, headers=headers, params=params, timeout=10)')
    for f in c.fields:
        if f.role == 'ident' and f.uid not in o.placed:
            lines.insert(3, '%s = %s  # not secret' % (f.name, pystr(o, f)))
    lines += ['    resp.raise_for_status()', '    return resp.json()', '', '', 'if __name__ == "__main__":', '    print(call("/v1/status"))']
    return r.choice(['client.py', 'probe_api.py', 'sync_job.py']), '\n'.join(lines) + '\n'


@shape('node_config_object', ok=lambda f: "'" not in f.value and '\\' not in f.value)
def sh_node_cfg(o):
    r = o.r
    lines = ["'use strict';", '', 'module.exports = {', "  env: process.env.NODE_ENV || 'production',", '  port: 3000,']
    for c in o.creds:
        lines.append('  %s: {' % camel(c.kind.section))
        for f in c.fields:
            o.put(f)
            lines.append("    %s: '%s'," % (camel(f.key), f.value))
        lines.append('  },')
    lines += ['  cache: { ttl: 600 },', '};']
    return r.choice(['config/production.js', 'config.js']).split('/')[-1], '\n'.join(lines) + '\n'


@shape('node_axios_fetch', ok=lambda f: usage_ok(f) and '`' not in f.value and '\\' not in f.value and '${' not in f.value and "'" not in f.value and '"' not in f.value)
def sh_axios(o):
    r = o.r
    c = o.creds[0]
    R = req_auth(o, c)
    lines = ["import axios from 'axios';", '']
    for cc in o.creds[1:]:
        for f in cc.fields:
            o.put(f)
            lines.append("const %s = '%s';" % (f.name, f.value))
    for f in c.fields:
        if f.role == 'ident':
            o.put(f)
            lines.append("const %s = '%s';" % (f.name, f.value))
    lines += ['', 'const client = axios.create({', "  baseURL: 'https://%s'," % c.kind.host, '  timeout: 8000,']
    if R['basic']:
        u, p = R['basic']
        o.put(R['secret'], basic_literal(R))
        lines += ['  auth: {', "    username: '%s'," % u, "    password: '%s'," % p, '  },']
    if R['query']:
        lines.append('  params: { %s },' % ', '.join("%s: '%s'" % (n, o.put(f)) for n, f in R['query']))
    lines.append('  headers: {')
    for name, pre, f in R['headers']:
        o.put(f)
        lines.append("    '%s': '%s%s'," % (name, pre, f.value))
    lines += ["    'Content-Type': 'application/json',", '  },', '});', '']
    if R['body']:
        lines += ['export async function token() {', "  const res = await fetch('https://%s/oauth/token', {" % c.kind.host, "    method: 'POST',",
                  '    body: JSON.stringify({ %s }),' % ', '.join("%s: '%s'" % (n, o.put(f) if f else 'client_credentials') for n, f in R['body'][1]),
                  '  });', '  return res.json();', '}', '']
    if R['path']:
        p, f = R['path']
        o.put(f)
        lines += ["const BOT_URL = 'https://%s/%s%s';" % (c.kind.host, p, f.value), '']
    lines += ['export async function ping() {', "  const res = await fetch('https://%s/health', { headers: { 'User-Agent': 'probe/1.0' } });" % c.kind.host,
              '  return res.ok;', '}', '', 'export default client;']
    return r.choice(['api.ts', 'client.js', 'http.mjs']), '\n'.join(lines) + '\n'


@shape('go_struct_literal')
def sh_go_struct(o):
    r = o.r
    lines = ['package config', '', 'import "time"', '', 'type Config struct {', '\tEnv     string', '\tTimeout time.Duration']
    for c, f in o.items():
        lines.append('\t%s string' % pascal(f.name))
    lines += ['}', '', '// Default returns the production configuration.', 'func Default() Config {', '\treturn Config{', '\t\tEnv:     "prod",',
              '\t\tTimeout: 15 * time.Second,']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('\t\t%s: %s,' % (pascal(f.name), json.dumps(f.value)))
    lines += ['\t}', '}']
    return 'config.go', '\n'.join(lines) + '\n'


@shape('go_getenv_fallback')
def sh_go_getenv(o):
    r = o.r
    lines = ['package main', '', 'import (', '\t"log"', '\t"net/http"', '\t"os"', ')', '', 'func getenv(key, fallback string) string {',
             '\tif v, ok := os.LookupEnv(key); ok {', '\t\treturn v', '\t}', '\treturn fallback', '}', '', 'func main() {']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('\t%s := getenv("%s", %s)' % (camel(f.name), f.name, json.dumps(f.value)))
    lines += ['\taddr := getenv("ADDR", ":8080")', '\tlog.Printf("listening on %s", addr)',
              '\t_ = []string{%s}' % ', '.join(camel(f.name) for c, f in o.items()), '\tlog.Fatal(http.ListenAndServe(addr, nil))', '}']
    return 'main.go', '\n'.join(lines) + '\n'


@shape('rust_const')
def sh_rust(o):
    r = o.r
    lines = ['//! Hard-coded settings for the %s worker.' % svc(r), 'use std::time::Duration;', '',
             'pub const TIMEOUT: Duration = Duration::from_secs(30);']
    for c, f in o.items():
        if r.random() < 0.5:
            o.put(f, jstr(f.value))
            lines.append('pub const %s: &str = %s;' % (f.name, json.dumps(f.value)))
        else:
            o.put(f, jstr(f.value))
            lines.append('pub fn %s() -> &\'static str {' % f.name.lower())
            lines.append('    option_env!("%s").unwrap_or(%s)' % (f.name, json.dumps(f.value)))
            lines.append('}')
    lines += ['', '#[cfg(test)]', 'mod tests {', '    #[test]', '    fn timeout_is_sane() {', '        assert!(super::TIMEOUT.as_secs() > 0);', '    }', '}']
    return 'settings.rs', '\n'.join(lines) + '\n'


@shape('java_static_final')
def sh_java(o):
    r = o.r
    cls = pascal(svc(r)) + 'Config'
    lines = ['package com.%s.%s;' % (slug(r).replace('-', ''), svc(r).replace('-', '')), '', 'public final class %s {' % cls,
             '    private %s() {}' % cls, '', '    public static final int TIMEOUT_MS = 15000;']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('    public static final String %s = %s;' % (f.name.upper(), json.dumps(f.value)))
    lines += ['}']
    return cls + '.java', '\n'.join(pad_to(r, lines, 10, lambda: '')) + '\n'


@shape('java_properties_setproperty')
def sh_java_props(o):
    r = o.r
    lines = ['import java.util.Properties;', '', 'public class MailerFactory {', '    public static Properties build() {',
             '        Properties props = new Properties();', '        props.setProperty("mail.smtp.host", "smtp.example.com");',
             '        props.setProperty("mail.smtp.starttls.enable", "true");']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('        props.setProperty("%s.%s", %s);' % (c.kind.section, camel(f.key), json.dumps(f.value)))
    lines += ['        return props;', '    }', '}']
    return 'MailerFactory.java', '\n'.join(lines) + '\n'


@shape('kotlin_const', ok=no_dollar)
def sh_kotlin(o):
    r = o.r
    lines = ['package com.example.%s' % svc(r).replace('-', ''), '', 'object Secrets {']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('    const val %s = %s' % (f.name, json.dumps(f.value)))
    lines += ['}', '', 'fun main() {', '    println("configured: ${Secrets::class.simpleName}")', '}']
    return 'Secrets.kt', '\n'.join(pad_to(r, lines, 10, lambda: '')) + '\n'


@shape('swift_info_plist')
def sh_plist(o):
    r = o.r
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
             '<plist version="1.0">', '<dict>', '\t<key>CFBundleDisplayName</key>', '\t<string>%s</string>' % pascal(svc(r)),
             '\t<key>CFBundleShortVersionString</key>', '\t<string>3.%d.0</string>' % r.randrange(20)]
    for c, f in o.items():
        v = xml_esc(f.value)
        o.put(f, v)
        lines += ['\t<key>%s</key>' % pascal(f.name), '\t<string>%s</string>' % v]
    lines += ['\t<key>UIRequiredDeviceCapabilities</key>', '\t<array>', '\t\t<string>armv7</string>', '\t</array>', '</dict>', '</plist>']
    return 'Info.plist', '\n'.join(lines) + '\n'


@shape('xcconfig', ok=lambda f: '//' not in f.value and ' ' not in f.value)
def sh_xcconfig(o):
    r = o.r
    lines = ['// Release.xcconfig', '#include "Base.xcconfig"', 'PRODUCT_BUNDLE_IDENTIFIER = com.%s.app' % slug(r).replace('-', ''),
             'SWIFT_ACTIVE_COMPILATION_CONDITIONS = RELEASE', 'API_HOST = api.%s.com' % slug(r)]
    for c, f in o.items():
        o.put(f)
        lines.append('%s = %s' % (f.name, f.value))
    return 'Release.xcconfig', '\n'.join(pad_to(r, lines, 10, lambda: '// ')) + '\n'


@shape('gradle_properties', ok=lambda f: '\\' not in f.value)
def sh_gradle_props(o):
    r = o.r
    lines = ['org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'org.gradle.parallel=true', 'android.useAndroidX=true',
             'kotlin.code.style=official', 'android.nonTransitiveRClass=true']
    for c, f in o.items():
        o.put(f)
        lines.append('%s=%s' % (camel(f.name), f.value))
    lines += ['# signing', 'RELEASE_STORE_FILE=release.keystore', 'RELEASE_KEY_ALIAS=upload', 'android.enableJetifier=false', 'org.gradle.caching=true']
    return 'gradle.properties', '\n'.join(lines) + '\n'


@shape('android_local_properties', ok=lambda f: '\\' not in f.value)
def sh_local_props(o):
    r = o.r
    lines = ['## This file must *NOT* be checked into Version Control Systems,', '# as it contains information specific to your local configuration.',
             '#', '# Location of the SDK. This is only used by Gradle.', '#%s' % 'Mon Mar 04 10:12:44 CET 2024',
             'sdk.dir=/Users/%s/Library/Android/sdk' % r.choice(['jdoe', 'mkhan', 'lchen'])]
    for c, f in o.items():
        o.put(f)
        lines.append('%s=%s' % (f.name, f.value))
    return 'local.properties', '\n'.join(pad_to(r, lines, 10, lambda: '')) + '\n'


@shape('android_strings_xml', ok=lambda f: "'" not in f.value and '@' != f.value[:1] and '?' != f.value[:1])
def sh_strings_xml(o):
    r = o.r
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<resources>', '    <string name="app_name">%s</string>' % pascal(svc(r)),
             '    <string name="login_title">Sign in</string>', '    <string name="password_hint">Password (min. 8 characters)</string>']
    for c, f in o.items():
        v = xml_esc(f.value)
        o.put(f, v)
        lines.append('    <string name="%s" translatable="false">%s</string>' % (qual(c, f), v))
    lines += ['    <string name="retry">Retry</string>', '    <string name="error_network">No connection. Check your network and try again.</string>',
              '    <string name="sign_out">Sign out</string>', '</resources>']
    return 'strings.xml', '\n'.join(lines) + '\n'


@shape('dart_flutter_env', ok=lambda f: "'" not in f.value)
def sh_dart(o):
    r = o.r
    lines = ['// lib/env/env.dart', "import 'package:flutter/foundation.dart';", '', 'class Env {', '  Env._();', "  static const apiBase = 'https://api.%s.com';" % slug(r)]
    for c, f in o.items():
        o.put(f)
        lines.append("  static const %s = r'%s';" % (camel(f.name), f.value))
    lines += ['  static const connectTimeout = Duration(seconds: 10);', '  static bool get isRelease => kReleaseMode;', '}']
    return 'env.dart', '\n'.join(lines) + '\n'


@shape('c_define')
def sh_c(o):
    r = o.r
    g = '%s_CONFIG_H' % svc(r).upper().replace('-', '_')
    lines = ['/* generated by configure; edit config.h.in instead */', '#ifndef ' + g, '#define ' + g, '', '#define FIRMWARE_VERSION "4.%d.%d"' % (r.randrange(9), r.randrange(30)),
             '#define MQTT_PORT 8883']
    for c, f in o.items():
        o.put(f, jstr(f.value))
        lines.append('#define %s %s' % (f.name, json.dumps(f.value)))
    lines += ['#define RETRY_BACKOFF_MS 500', '#define MAX_PAYLOAD 4096', '', '#endif /* %s */' % g]
    return 'config.h', '\n'.join(lines) + '\n'


@shape('ini_file', ok=lambda f: '\n' not in f.value)
def sh_ini(o):
    r = o.r
    lines = ['; %s.ini' % svc(r), '[server]', 'host = 0.0.0.0', 'port = 9000', 'workers = 4', '']
    for c in o.creds:
        lines.append('[%s]' % c.kind.section)
        for f in c.fields:
            o.put(f)
            lines.append('%s = %s' % (f.key, f.value))
        lines.append('')
    lines += ['[logging]', 'level = INFO', 'file = /var/log/%s.log' % svc(r)]
    return r.choice(['app.ini', 'settings.ini', 'config.cfg']), '\n'.join(lines) + '\n'


@shape('toml_file')
def sh_toml(o):
    r = o.r
    lines = ['# %s.toml' % svc(r), 'title = "%s"' % svc(r), '', '[server]', 'bind = "0.0.0.0:8080"', 'read_timeout = "10s"', '']
    for c in o.creds:
        lines.append('[integrations.%s]' % c.kind.section)
        for f in c.fields:
            o.put(f, jstr(f.value))
            lines.append('%s = %s' % (f.key, json.dumps(f.value)))
        lines.append('')
    lines += ['[telemetry]', 'enabled = true']
    return r.choice(['config.toml', 'settings.toml', 'app.toml']), '\n'.join(lines) + '\n'


@shape('nomad_hcl')
def sh_nomad(o):
    r = o.r
    lines = ['job "%s" {' % svc(r), '  datacenters = ["dc1"]', '  type = "service"', '  group "app" {', '    count = 3', '    task "server" {',
             '      driver = "docker"', '      config {', '        image = "registry.internal/%s:latest"' % svc(r), '      }', '      env {']
    for c, f in o.items():
        lines.append('        %s = %s' % (f.name, hcl_str(o, f)))
    lines += ['      }', '      resources {', '        cpu    = 500', '        memory = 256', '      }', '    }', '  }', '}']
    return '%s.nomad.hcl' % svc(r), '\n'.join(lines) + '\n'


@shape('xml_config')
def sh_xml(o):
    r = o.r
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<settings>', '  <servers>']
    for c in o.creds:
        ids = c.idents
        lines.append('    <server>')
        lines.append('      <id>%s</id>' % c.kind.section)
        for f in c.fields:
            v = xml_esc(f.value)
            o.put(f, v)
            lines.append('      <%s>%s</%s>' % (camel(f.key), v, camel(f.key)))
        lines.append('    </server>')
    lines += ['  </servers>', '  <mirrors>', '    <mirror><id>central</id><url>https://repo.maven.apache.org/maven2</url><mirrorOf>*</mirrorOf></mirror>',
              '  </mirrors>', '</settings>']
    return r.choice(['settings.xml', 'config.xml']), '\n'.join(lines) + '\n'


@shape('vscode_launch_json')
def sh_launch(o):
    r = o.r
    lines = ['{', '    // Use IntelliSense to learn about possible attributes.', '    "version": "0.2.0",', '    "configurations": [', '        {',
             '            "name": "Debug %s",' % svc(r), '            "type": "%s",' % r.choice(['node', 'debugpy', 'go']), '            "request": "launch",',
             '            "program": "${workspaceFolder}/src/main",', '            "env": {', '                "APP_ENV": "development",']
    ent = []
    for c, f in o.items():
        o.put(f, jstr(f.value))
        ent.append('                "%s": %s' % (f.name, json.dumps(f.value)))
    lines.append(',\n'.join(ent))
    lines += ['            },', '            "console": "integratedTerminal"', '        }', '    ]', '}']
    return 'launch.json', '\n'.join(lines) + '\n'


@shape('jetbrains_workspace_xml')
def sh_workspace(o):
    r = o.r
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<project version="4">', '  <component name="RunManager" selected="Application.%s">' % pascal(svc(r)),
             '    <configuration name="%s" type="Application" factoryName="Application">' % pascal(svc(r)), '      <envs>']
    for c, f in o.items():
        v = xml_esc(f.value)
        o.put(f, v)
        lines.append('        <env name="%s" value="%s" />' % (f.name, v))
    lines += ['      </envs>', '      <option name="MAIN_CLASS_NAME" value="com.example.Main" />', '      <module name="app.main" />',
              '      <method v="2">', '        <option name="Make" enabled="true" />', '      </method>', '    </configuration>', '  </component>',
              '  <component name="PropertiesComponent">{"keyToString": {"RunOnceActivity.ShowReadmeOnStart": "true"}}</component>', '</project>']
    return 'workspace.xml', '\n'.join(lines) + '\n'


def nb_src(lines):
    out = []
    for i, l in enumerate(lines):
        out.append(json.dumps(l + ('\n' if i < len(lines) - 1 else '')))
    return out


@shape('jupyter_notebook', ok=lambda f: '\\' not in f.value and '"' not in f.value)
def sh_notebook(o):
    r = o.r
    cells = []

    def cell(kind, src, outputs=None, n=None):
        body = ['  {', '   "cell_type": "%s",' % kind]
        if kind == 'code':
            body.append('   "execution_count": %s,' % (n if n else 'null'))
        body.append('   "metadata": {},')
        if kind == 'code':
            body.append('   "outputs": [')
            if outputs:
                body += ['    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [']
                body.append(',\n'.join('      ' + x for x in nb_src(outputs)))
                body += ['     ]', '    }']
            body.append('   ],')
        body.append('   "source": [')
        body.append(',\n'.join('    ' + x for x in nb_src(src)))
        body += ['   ]', '  }']
        cells.append('\n'.join(body))

    cell('markdown', ['# %s exploration' % o.creds[0].kind.provider, '', 'Quick look at the API before wiring it into the pipeline.'])
    src = ['import os', 'import json', '']
    echo = []
    for c, f in o.items():
        o.put(f)
        src.append('os.environ["%s"] = "%s"' % (f.name, f.value))
    first_secret = o.creds[0].secrets[0]
    src += ['', 'print("using", os.environ["%s"])' % first_secret.name]
    echo = ['using %s' % first_secret.value]
    cell('code', src, echo, 1)
    cell('code', ['resp = client.list(limit=5)', 'len(resp)'], ['5'], 2)
    meta = ['  "metadata": {', '  "kernelspec": {', '   "display_name": "Python 3",', '   "language": "python",', '   "name": "python3"', '  },',
            '  "language_info": {"name": "python", "version": "3.11.6"}', ' },']
    text = '{\n "cells": [\n' + ',\n'.join(cells) + '\n ],\n' + '\n'.join(meta) + '\n "nbformat": 4,\n "nbformat_minor": 5\n}\n'
    return r.choice(['explore_api.ipynb', 'notebooks/EDA.ipynb', 'scratch.ipynb']).split('/')[-1], text


URL_UNSAFE_AUTH = ('none', 'url', 'sigv4', 'sasl', 'digest')


MULTI_SECRET = {'line_channel_access_token', 'ovh_application_secret', 'akamai_edgegrid', 'aws_session_token'}


def usage_ok(f):
    k = KIND_BY_ID[f.kind]
    return k.auth not in URL_UNSAFE_AUTH and '\n' not in f.value and f.kind not in MULTI_SECRET


def basic_literal(R):
    """the part of the secret that appears verbatim when user/password are written separately"""
    u, p = R['basic']
    return p if p else u


def req_auth(o, c):
    """Describe how a credential is presented on the wire (per the provider's docs)."""
    k = c.kind
    s = c.secrets[0]
    ids = c.idents
    a = k.auth
    R = {'headers': [], 'query': [], 'basic': None, 'body': None, 'path': None, 'secret': s}
    if a.startswith('basic'):
        if a == 'basic':
            R['basic'] = (ids[0].value if ids else 'api', s.value)
        elif a == 'basic_user':
            R['basic'] = (s.value, '')
        elif a == 'basic_api':
            R['basic'] = ('api', s.value)
        elif a == 'basic_any':
            R['basic'] = ('anystring', s.value)
        elif a == 'basic_token':
            R['basic'] = ('__token__', s.value)
        elif a == 'basic_blank':
            R['basic'] = ('', s.value)
        elif a == 'basic_whole':
            u, p = s.value.split(':', 1)
            R['basic'] = (u, p)
    elif a.startswith('query:'):
        R['query'] = [(a.split(':', 1)[1], s)]
    elif a.startswith('query2:'):
        _, kn, sn = a.split(':')
        R['query'] = ([(kn, ids[0])] if ids else []) + [(sn, s)]
    elif a.startswith('json:'):
        R['body'] = ('json', ([('client_id', ids[0])] if ids else []) + [(a.split(':', 1)[1], s)])
    elif a == 'form':
        R['body'] = ('form', [('grant_type', None)] + ([('client_id', ids[0])] if ids else []) + [(s.key if s.key != 'token' else 'client_secret', s)])
    elif a.startswith('path:'):
        R['path'] = (a.split(':', 1)[1], s)
    elif a.startswith('header:'):
        h = a[len('header:'):]
        if ':' in h:
            name, pre = h.split(':', 1)
            R['headers'] = [(name.strip(), pre.lstrip(), s)]
        else:
            R['headers'] = [(h, '', s)]
    else:
        R['headers'] = [('Authorization', 'Bearer ', s)]
    return R


def basic_header(o, R):
    u, p = R['basic']
    tok = b64s('%s:%s' % (u, p))
    o.put(R['secret'], tok)
    return 'Basic ' + tok


def form_body(o, R, enc=True):
    parts = []
    for n, f in R['body'][1]:
        if f is None:
            parts.append('grant_type=client_credentials')
            continue
        v = urllib.parse.quote(f.value, safe='') if enc else f.value
        o.put(f, v)
        parts.append('%s=%s' % (n, v))
    return '&'.join(parts)


def json_body(o, R):
    d = {}
    for n, f in R['body'][1]:
        o.put(f, jstr(f.value))
        d[n] = f.value
    return json.dumps(d)


def query_string(o, R):
    parts = []
    for n, f in R['query']:
        v = urllib.parse.quote(f.value, safe='')
        o.put(f, v)
        parts.append('%s=%s' % (n, v))
    return '&'.join(parts)


def qual(c, f):
    sec = c.kind.section
    return f.key if f.key.startswith(sec) else '%s_%s' % (sec, f.key)


@shape('har_file', ok=usage_ok, maxsec=2)
def sh_har(o):
    r = o.r
    entries = []
    for c in o.creds:
        R = req_auth(o, c)
        path = '/v%d/%s' % (r.randrange(1, 4), r.choice(['accounts', 'messages', 'events', 'search', 'me', 'oauth/token']))
        headers = [{'name': 'Accept', 'value': 'application/json'}, {'name': 'User-Agent', 'value': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)'}]
        method, post = 'GET', None
        for name, pre, f in R['headers']:
            o.put(f)
            headers.append({'name': name, 'value': pre + f.value})
        if R['basic']:
            headers.append({'name': 'Authorization', 'value': basic_header(o, R)})
        if R['path']:
            p, f = R['path']
            o.put(f)
            path = '/%s%s/getMe' % (p, f.value)
        if R['body']:
            method = 'POST'
            if R['body'][0] == 'json':
                txt = json_body(o, R)
                post = {'mimeType': 'application/json', 'text': txt}
            else:
                txt = form_body(o, R)
                post = {'mimeType': 'application/x-www-form-urlencoded', 'text': txt,
                        'params': [{'name': n, 'value': (f.value if f else 'client_credentials')} for n, f in R['body'][1]]}
                for n, f in R['body'][1]:
                    if f is not None:
                        o.put(f)
        qsl = []
        url = 'https://%s%s' % (c.kind.host, path)
        if R['query']:
            url += '?' + query_string(o, R)
            for n, f in R['query']:
                o.put(f)
                qsl.append({'name': n, 'value': f.value})
        req = {'method': method, 'url': url, 'httpVersion': 'HTTP/2', 'headers': headers, 'queryString': qsl, 'cookies': [],
               'headersSize': -1, 'bodySize': 0 if post is None else len(post['text'])}
        if post:
            req['postData'] = post
        entries.append({'startedDateTime': '2024-%02d-%02dT%02d:%02d:%02d.%03dZ' % (r.randrange(1, 13), r.randrange(1, 28), r.randrange(24),
                                                                                     r.randrange(60), r.randrange(60), r.randrange(1000)),
                        'time': round(r.uniform(20, 900), 3), 'request': req,
                        'response': {'status': 200, 'statusText': 'OK', 'httpVersion': 'HTTP/2',
                                     'headers': [{'name': 'content-type', 'value': 'application/json'},
                                                 {'name': 'x-request-id', 'value': uuid4(r)}],
                                     'content': {'size': 512, 'mimeType': 'application/json', 'text': '{"ok":true}'}, 'redirectURL': '',
                                     'headersSize': -1, 'bodySize': 512},
                        'cache': {}, 'timings': {'send': 0.1, 'wait': round(r.uniform(30, 400), 1), 'receive': 2.3}})
    har = {'log': {'version': '1.2', 'creator': {'name': 'WebInspector', 'version': '537.36'}, 'pages': [], 'entries': entries}}
    text = json.dumps(har, indent=2) + '\n'
    for c in o.creds:
        for f in c.fields:
            if f.role == 'ident' and f.value in text:
                o.put(f)
    return r.choice(['network.har', 'app.example.com.har', 'repro-%d.har' % r.randrange(1000, 9999)]), text


@shape('postman_environment', ok=lambda f: '\n' not in f.value)
def sh_postman_env(o):
    r = o.r
    vals = [{'key': 'baseUrl', 'value': 'https://api.%s.com' % slug(r), 'type': 'default', 'enabled': True}]
    for c, f in o.items():
        o.put(f, jstr(f.value))
        vals.append({'key': camel(f.name), 'value': f.value, 'type': 'secret' if f.role == 'secret' else 'default', 'enabled': True})
    env = {'id': uuid4(r), 'name': '%s - production' % pascal(svc(r)), 'values': vals, '_postman_variable_scope': 'environment',
           '_postman_exported_at': '2024-%02d-%02dT10:00:00.000Z' % (r.randrange(1, 13), r.randrange(1, 28)),
           '_postman_exported_using': 'Postman/10.%d.%d' % (r.randrange(30), r.randrange(9))}
    return '%s.postman_environment.json' % svc(r), json.dumps(env, indent='\t') + '\n'


@shape('postman_collection', ok=usage_ok)
def sh_postman_coll(o):
    r = o.r
    items = []
    for c in o.creds:
        R = req_auth(o, c)
        req = {'method': 'GET', 'header': [], 'url': {'raw': 'https://%s/v1/me' % c.kind.host, 'protocol': 'https',
                                                      'host': c.kind.host.split('.'), 'path': ['v1', 'me']}}
        if R['basic']:
            u, p = R['basic']
            o.put(R['secret'], jstr(basic_literal(R)))
            req['auth'] = {'type': 'basic', 'basic': [{'key': 'username', 'value': u, 'type': 'string'},
                                                       {'key': 'password', 'value': p, 'type': 'string'}]}
        for name, pre, f in R['headers']:
            o.put(f, jstr(f.value))
            if name == 'Authorization' and pre.strip() == 'Bearer':
                req['auth'] = {'type': 'bearer', 'bearer': [{'key': 'token', 'value': f.value, 'type': 'string'}]}
            else:
                req['header'].append({'key': name, 'value': pre + f.value, 'type': 'text'})
        for n, f in R['query']:
            o.put(f, jstr(f.value))
            req['url'].setdefault('query', []).append({'key': n, 'value': f.value})
        if R['path']:
            p, f = R['path']
            o.put(f, jstr(f.value))
            req['url']['raw'] = 'https://%s/%s%s/getMe' % (c.kind.host, p, f.value)
            req['url']['path'] = [p + f.value, 'getMe']
        if R['body']:
            req['method'] = 'POST'
            if R['body'][0] == 'json':
                req['body'] = {'mode': 'raw', 'raw': json_body(o, R), 'options': {'raw': {'language': 'json'}}}
                for n, f in R['body'][1]:
                    o.put(f, jstr(f.value))
            else:
                req['body'] = {'mode': 'urlencoded', 'urlencoded': [{'key': n, 'value': f.value if f else 'client_credentials', 'type': 'text'}
                                                                    for n, f in R['body'][1]]}
                for n, f in R['body'][1]:
                    if f is not None:
                        o.put(f, jstr(f.value))
        for f in c.fields:
            if f.role == 'ident' and f.uid not in o.placed:
                o.put(f, jstr(f.value))
                req['header'].append({'key': 'X-' + pascal(qual(c, f)), 'value': f.value, 'type': 'text'})
        items.append({'name': '%s - whoami' % c.kind.provider, 'request': req, 'response': []})
    coll = {'info': {'_postman_id': uuid4(r), 'name': '%s API' % pascal(svc(r)),
                     'schema': 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'}, 'item': items}
    return '%s.postman_collection.json' % svc(r), json.dumps(coll, indent='\t') + '\n'


@shape('insomnia_export', ok=lambda f: '\n' not in f.value)
def sh_insomnia(o):
    r = o.r
    data = {}
    for c, f in o.items():
        o.put(f, jstr(f.value))
        data[qual(c, f) if qual(c, f) not in data else f.name.lower()] = f.value
    res = [{'_id': 'wrk_' + rs(r, HEXL, 32), '_type': 'workspace', 'name': pascal(svc(r)), 'parentId': None},
           {'_id': 'env_' + rs(r, HEXL, 32), '_type': 'environment', 'name': 'Production', 'parentId': 'wrk_base',
            'data': dict({'base_url': 'https://api.%s.com' % slug(r)}, **data)},
           {'_id': 'req_' + rs(r, HEXL, 32), '_type': 'request', 'name': 'List items', 'method': 'GET',
            'url': '{{ _.base_url }}/v1/items', 'headers': [{'name': 'Accept', 'value': 'application/json'}]}]
    exp = {'_type': 'export', '__export_format': 4, '__export_date': '2024-05-0%dT08:00:00.000Z' % r.randrange(1, 9),
           '__export_source': 'insomnia.desktop.app:v8.6.1', 'resources': res}
    return 'Insomnia_%s.json' % rs(r, D, 4), json.dumps(exp, indent=2) + '\n'


def log_ts(r, t):
    return '2024-%02d-%02dT%02d:%02d:%02d.%03dZ' % (5, 1 + t // 86400 % 27, t // 3600 % 24, t // 60 % 60, t % 60, (t * 7) % 1000)


def noise_log(r, t):
    return r.choice([
        '%s INFO  [http] GET /healthz 200 %dms req_id=%s' % (log_ts(r, t), r.randrange(1, 30), uuid4(r)),
        '%s INFO  [worker] processed batch size=%d lag=%dms' % (log_ts(r, t), r.randrange(10, 500), r.randrange(0, 3000)),
        '%s DEBUG [db] pool stats active=%d idle=%d' % (log_ts(r, t), r.randrange(1, 20), r.randrange(0, 10)),
        '%s WARN  [http] slow request POST /v1/orders took %dms trace_id=%s' % (log_ts(r, t), r.randrange(800, 4000), rs(r, HEXL, 32)),
        '%s INFO  [cache] hit ratio=%.2f keys=%d' % (log_ts(r, t), r.random(), r.randrange(1000, 90000)),
        '%s INFO  [auth] session refreshed user_id=%d session=%s' % (log_ts(r, t), r.randrange(10 ** 5, 10 ** 6), rs(r, HEXL, 24)),
    ])


@shape('app_log_config_dump', ok=lambda f: '\n' not in f.value)
def sh_app_log(o):
    r = o.r
    t = ts(r) % 10 ** 7
    lines = [noise_log(r, t + i * 3) for i in range(r.randrange(8, 20))]
    cfg = {}
    for c, f in o.items():
        o.put(f)
        cfg[qual(c, f) if qual(c, f) not in cfg else f.name.lower()] = f.value
    style = r.randrange(2)
    if style == 0:
        dump = '%s INFO  [boot] effective config: %s' % (log_ts(r, t + 60), repr(dict(cfg, env='production', port=8080)))
        for c, f in o.items():
            o.put(f, repr(f.value)[1:-1])
    else:
        dump = '%s DEBUG [boot] loaded settings %s' % (log_ts(r, t + 60), json.dumps(dict(cfg, debug=False)))
        for c, f in o.items():
            o.put(f, jstr(f.value))
    lines.insert(r.randrange(2, len(lines)), dump)
    lines += [noise_log(r, t + 900 + i) for i in range(r.randrange(3, 9))]
    return r.choice(['app.log', 'server-%s.log' % '2024-05-01', 'stdout.log']), '\n'.join(lines) + '\n'


@shape('http_access_log', ok=usage_ok)
def sh_http_log(o):
    r = o.r
    t = ts(r) % 10 ** 7
    lines = []
    for i in range(r.randrange(10, 22)):
        lines.append('10.%d.%d.%d - - [01/May/2024:%02d:%02d:%02d +0000] "GET /api/v2/items?page=%d HTTP/1.1" 200 %d "-" "okhttp/4.12.0" rt=%.3f' % (
            r.randrange(256), r.randrange(256), r.randrange(256), r.randrange(24), r.randrange(60), r.randrange(60), r.randrange(1, 40),
            r.randrange(200, 9000), r.random()))
    for c in o.creds:
        R = req_auth(o, c)
        t += r.randrange(60, 600)
        if R['query']:
            line = '10.1.4.%d - - [01/May/2024:12:%02d:%02d +0000] "GET /proxy/%s/v1/lookup?%s HTTP/1.1" 200 812 "-" "python-requests/2.31.0"' % (
                r.randrange(256), r.randrange(60), r.randrange(60), c.kind.section, query_string(o, R))
        elif R['path']:
            p, f = R['path']
            o.put(f)
            line = '10.1.4.%d - - [01/May/2024:12:%02d:%02d +0000] "POST /%s%s/sendMessage HTTP/1.1" 200 311 "-" "node-fetch/1.0"' % (
                r.randrange(256), r.randrange(60), r.randrange(60), p, f.value)
        elif R['body']:
            body = json_body(o, R) if R['body'][0] == 'json' else form_body(o, R)
            line = "%s DEBUG outbound POST https://%s/oauth/token body=%s" % (log_ts(r, t), c.kind.host, body)
        else:
            parts = []
            for name, pre, f in R['headers']:
                o.put(f)
                parts.append('%s: %s%s' % (name, pre, f.value))
            if R['basic']:
                parts.append('Authorization: %s' % basic_header(o, R))
            line = '%s DEBUG upstream request to https://%s/v1/me headers={%s}' % (log_ts(r, t), c.kind.host, ', '.join("'%s'" % p for p in parts))
        for f in c.fields:
            if f.uid not in o.placed and f.role == 'ident':
                o.put(f)
                line += ' %s=%s' % (qual(c, f), f.value)
        lines.insert(r.randrange(len(lines)), line)
    return r.choice(['access.log', 'nginx-debug.log', 'gateway.log']), '\n'.join(lines) + '\n'


@shape('ci_log_ansi', ok=lambda f: '\n' not in f.value)
def sh_ci_log(o):
    r = o.r
    E = '\x1b'
    lines = ['%s[36;1mRun ./scripts/deploy.sh%s[0m' % (E, E), '%s[36;1m./scripts/deploy.sh production%s[0m' % (E, E),
             '%s[36;1mshell: /usr/bin/bash -e {0}%s[0m' % (E, E), '+ echo "deploying build %s"' % rs(r, HEXL, 7), 'deploying build']
    for c, f in o.items():
        o.put(f)
        lines.append(r.choice(['+ export %s=%s' % (f.name, f.value), '%s[32m+ %s=%s%s[0m' % (E, f.name, f.value, E),
                               '##[debug]Evaluating: env.%s => %s' % (f.name, f.value)]))
    lines += ['+ npm run build', '> app@1.0.0 build', '> vite build', '%s[32m✓%s[39m 412 modules transformed.' % (E, E),
              'dist/index.html   0.46 kB │ gzip: 0.30 kB', '%s[33mwarning%s[0m Some chunks are larger than 500 kB' % (E, E),
              'Post job cleanup.', '%s[command]/usr/bin/git version' % '[', 'Cleaning up orphan processes']
    return r.choice(['job-%d.log' % r.randrange(10 ** 9, 10 ** 10), 'build.log']), '\n'.join(lines) + '\n'


@shape('markdown_runbook')
def sh_markdown(o):
    r = o.r
    lines = ['# Runbook: %s on-call' % svc(r), '', 'Owner: #team-%s  ·  Last reviewed: 2024-0%d-1%d' % (svc(r), r.randrange(1, 10), r.randrange(10)), '',
             '## Dashboards', '', '- Grafana: https://grafana.%s.internal/d/%s' % (slug(r), rs(r, ALNUM, 9)), '- Logs: `service:%s env:prod`' % svc(r), '',
             '## Rotating credentials', '', 'If the integration starts failing with 401, re-export the keys below and restart the pods:', '',
             '```bash']
    for c, f in o.items():
        o.put(f)
        lines.append('export %s=%s' % (f.name, q_sh(f.value) if '$' not in f.value else "'%s'" % f.value))
    lines += ['kubectl -n prod rollout restart deploy/%s' % svc(r), '```', '', '## Escalation', '', '1. Page the secondary.', '2. Post in #incidents.']
    return r.choice(['RUNBOOK.md', 'docs/oncall.md', 'wiki/Integrations.md']).split('/')[-1], '\n'.join(lines) + '\n'


@shape('email_eml', ok=lambda f: '\n' not in f.value)
def sh_eml(o):
    r = o.r
    frm = '%s@%s.com' % (r.choice(['jdoe', 'mkhan', 'lchen', 'aparker']), slug(r))
    lines = ['Return-Path: <%s>' % frm, 'Received: from mail-ed1-f54.google.com (mail-ed1-f54.google.com [209.85.208.54])',
             '        by mx.%s.com with ESMTPS id %s' % (slug(r), rs(r, ALNUM, 12)), 'Message-ID: <%s@mail.gmail.com>' % rs(r, ALNUM, 24),
             'Date: Wed, 1 May 2024 09:%02d:11 +0200' % r.randrange(60), 'From: %s' % frm, 'To: contractor@%s.dev' % r.choice(['freelance', 'agency']),
             'Subject: Re: access for the integration', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="UTF-8"',
             'Content-Transfer-Encoding: 7bit', '', 'Hi,', '', 'here are the credentials for production, please keep them safe:', '']
    for c, f in o.items():
        o.put(f)
        lines.append('  %s %s: %s' % (c.kind.provider, f.key.replace('_', ' '), f.value))
    lines += ['', 'Let me know if anything does not work.', '', 'Best,', frm.split('@')[0].capitalize()]
    return 'access-request.eml', '\r\n'.join(lines) + '\r\n'


@shape('slack_export_json', ok=lambda f: '\n' not in f.value and '<' not in f.value and '&' not in f.value)
def sh_slack_export(o):
    r = o.r
    t = ts(r)
    msgs = [{'type': 'message', 'user': 'U0' + rs(r, AN_U, 8), 'text': 'anyone have the creds for %s? deploy is failing' % o.creds[0].kind.provider,
             'ts': '%d.%06d' % (t, r.randrange(10 ** 6))}]
    body = ' '.join('%s=%s' % (f.name, o.put(f, jstr(f.value))) for c, f in o.items())
    for c, f in o.items():
        o.put(f, jstr(f.value))
    msgs.append({'type': 'message', 'user': 'U0' + rs(r, AN_U, 8), 'text': 'here you go (will rotate later): ' + ' '.join(
        '%s=%s' % (f.name, f.value) for c, f in o.items()), 'ts': '%d.%06d' % (t + 90, r.randrange(10 ** 6))})
    msgs.append({'type': 'message', 'user': 'U0' + rs(r, AN_U, 8), 'text': 'thanks! :pray:', 'ts': '%d.%06d' % (t + 200, r.randrange(10 ** 6)),
                 'reactions': [{'name': 'white_check_mark', 'users': ['U0' + rs(r, AN_U, 8)], 'count': 1}]})
    return '2024-05-0%d.json' % r.randrange(1, 9), json.dumps(msgs, indent=4) + '\n'


@shape('python_traceback_locals', ok=lambda f: '\n' not in f.value and "'" not in f.value)
def sh_traceback(o):
    r = o.r
    c = o.creds[0]
    lines = ['Traceback (most recent call last):', '  File "/srv/app/%s/jobs/sync.py", line %d, in run' % (svc(r).replace('-', '_'), r.randrange(20, 300)),
             '    result = client.push(batch)', '  File "/srv/app/.venv/lib/python3.11/site-packages/httpx/_client.py", line 1054, in send',
             '    raise HTTPStatusError(message, request=request, response=self)',
             "httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://%s/v1/batch'" % c.kind.host, '', 'Local variables in frame run:']
    for cc, f in o.items():
        o.put(f)
        lines.append("    %-14s = '%s'" % (qual(cc, f), f.value))
    lines += ["    batch          = <list len=%d>" % r.randrange(10, 500), "    attempt        = 3", '',
              'Sentry event id: %s' % rs(r, HEXL, 32), 'Process exited with status 1']
    return r.choice(['crash-%d.txt' % r.randrange(10 ** 5, 10 ** 6), 'worker-traceback.log']), '\n'.join(lines) + '\n'


@shape('java_stacktrace_jdbc', ok=lambda f: f.kind in ('password_assignment', 'snowflake_password', 'nexus_password', 'bandwidth_password', 'minio_root_password'))
def sh_java_stack(o):
    r = o.r
    lines = ['2024-05-01 03:14:07.123 ERROR 1 --- [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.',
             'org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app"']
    for c, f in o.items():
        if f.role == 'secret':
            o.put(f)
            lines.append('Caused by: java.sql.SQLException: Unable to open connection jdbc:postgresql://db.internal:5432/app?user=app&password=%s&ssl=true' % f.value
                         if '&' not in f.value else 'Caused by: java.sql.SQLException: login failed, props={user=app, password=%s}' % f.value)
    lines += ['\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)',
              '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:203)',
              '\tat org.postgresql.Driver.makeConnection(Driver.java:443)', '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)',
              '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1317)',
              '\tat com.example.Application.main(Application.java:14)', '\t... 12 common frames omitted']
    return 'hs_err_app.log', '\n'.join(lines) + '\n'


@shape('minified_js_bundle', ok=lambda f: '"' not in f.value and '\\' not in f.value and '\n' not in f.value)
def sh_min_js(o):
    r = o.r
    parts = ['!function(){"use strict";var e={};function t(n){var r=e[n];if(void 0!==r)return r.exports}']
    for c, f in o.items():
        o.put(f)
        parts.append('var %s={%s:"%s"};' % (rs(r, LO, 1) + rs(r, ALNUM, 1), f.name, f.value))
        parts.append('function %s(n){return fetch("https://%s/"+n,{headers:{Accept:"application/json"}})}' % (rs(r, LO, 2), c.kind.host))
    parts.append('window.__APP__={version:"%d.%d.%d",build:"%s"};}();' % (r.randrange(9), r.randrange(30), r.randrange(30), rs(r, HEXL, 8)))
    line = ''.join(parts)
    pre = ['/*! %s v4.%d.0 | (c) %s | MIT */' % (svc(r), r.randrange(9), slug(r))]
    filler = ['!function(n){var t={};function e(r){return t[r]}e.m=n,e.c=t}([function(n,t){n.exports=function(n){return n&&n.__esModule?n:{default:n}}}]);'
              for _ in range(r.randrange(8, 14))]
    lines = pre + filler[:4] + [line] + filler[4:] + ['//# sourceMappingURL=main.%s.js.map' % rs(r, HEXL, 8)]
    return 'main.%s.js' % rs(r, HEXL, 8), '\n'.join(lines) + '\n'


@shape('source_map', ok=lambda f: '"' not in f.value and '\\' not in f.value and '\n' not in f.value)
def sh_sourcemap(o):
    r = o.r
    src = ["import axios from 'axios';", '']
    for c, f in o.items():
        o.put(f)
        src.append("export const %s = '%s';" % (f.name, f.value))
    src += ['', 'export const api = axios.create({ baseURL: "/api" });', '']
    sm = {'version': 3, 'file': 'main.js', 'sources': ['webpack:///./src/config.ts', 'webpack:///./src/index.ts'],
          'sourcesContent': ['\n'.join(src), "import { api } from './config';\napi.get('/me');\n"],
          'names': ['axios', 'api', 'create'], 'mappings': ';;AAAA,OAAO,KAAK,MAAM,OAAO,CAAC;' + ';'.join(rs(r, 'ABCDEFGIKMOQSUWYacegikmoqsuwy,', 18) for _ in range(8))}
    text = json.dumps(sm, indent=1)
    lines = text.split('\n')
    return 'main.%s.js.map' % rs(r, HEXL, 8), text + '\n'


@shape('sql_dump_insert', ok=lambda f: "'" not in f.value and '\n' not in f.value)
def sh_sql(o):
    r = o.r
    lines = ['-- MySQL dump 10.13  Distrib 8.0.36', '-- Host: db.internal    Database: app', '-- ------------------------------------------------------',
             'SET NAMES utf8mb4;', '', 'DROP TABLE IF EXISTS `integrations`;', 'CREATE TABLE `integrations` (', '  `id` int NOT NULL AUTO_INCREMENT,',
             '  `provider` varchar(64) NOT NULL,', '  `name` varchar(64) NOT NULL,', '  `value` text NOT NULL,', '  PRIMARY KEY (`id`)',
             ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;', '', 'LOCK TABLES `integrations` WRITE;']
    vals = []
    i = 1
    for c, f in o.items():
        o.put(f)
        vals.append("(%d,'%s','%s','%s')" % (i, c.kind.section, f.key, f.value))
        i += 1
    vals.append("(%d,'feature','checkout_v2','enabled')" % i)
    if r.random() < 0.5:
        lines.append('INSERT INTO `integrations` VALUES ' + ','.join(vals) + ';')
    else:
        for v in vals:
            lines.append('INSERT INTO `integrations` VALUES %s;' % v)
    lines += ['UNLOCK TABLES;', '', '-- Dump completed on 2024-05-01  2:00:01']
    return r.choice(['dump.sql', 'backup-2024-05-01.sql']), '\n'.join(lines) + '\n'


@shape('sql_migration', ok=lambda f: "'" not in f.value and '\n' not in f.value)
def sh_sql_mig(o):
    r = o.r
    lines = ['-- +goose Up', '-- seed service accounts for the %s integration' % o.creds[0].kind.provider,
             'CREATE TABLE IF NOT EXISTS service_credentials (', '    id SERIAL PRIMARY KEY,', '    service TEXT NOT NULL,', '    key_name TEXT NOT NULL,',
             '    secret TEXT NOT NULL,', '    created_at TIMESTAMPTZ DEFAULT now()', ');', '']
    for c, f in o.items():
        o.put(f)
        lines.append("INSERT INTO service_credentials (service, key_name, secret) VALUES ('%s', '%s', '%s');" % (c.kind.section, f.key, f.value))
    lines += ['', '-- +goose Down', 'DROP TABLE service_credentials;']
    return '%s_seed_credentials.sql' % (20240000000000 + r.randrange(10 ** 8)), '\n'.join(lines) + '\n'


@shape('csv_export', ok=lambda f: ',' not in f.value and '"' not in f.value and '\n' not in f.value)
def sh_csv(o):
    r = o.r
    sep = r.choice([',', '\t'])
    rows = [sep.join(['name', 'type', 'owner', 'value', 'last_rotated'])]
    for i in range(r.randrange(8, 14)):
        rows.append(sep.join(['%s-%d' % (r.choice(['bucket', 'queue', 'topic']), i), 'resource', r.choice(['team-a', 'team-b']),
                              'arn:aws:sqs:us-east-1:%d:%s-%d' % (r.randrange(10 ** 11, 10 ** 12), svc(r), i), '2024-0%d-01' % r.randrange(1, 10)]))
    for c, f in o.items():
        o.put(f)
        rows.insert(r.randrange(1, len(rows) + 1), sep.join([f.name.lower(), 'credential' if f.role == 'secret' else 'identifier',
                                                             c.kind.section, f.value, '2023-1%d-15' % r.randrange(3)]))
    return ('vault-export.csv' if sep == ',' else 'secrets-inventory.tsv'), '\n'.join(rows) + '\n'


@shape('shell_history_curl', ok=lambda f: usage_ok(f) and "'" not in f.value)
def sh_history(o):
    r = o.r
    lines = ['ls -la', 'cd ~/src/%s' % svc(r), 'git pull --rebase', 'docker ps', 'kubectl get pods -n prod | grep %s' % svc(r)]
    for c in o.creds:
        R = req_auth(o, c)
        url = 'https://%s/v1/%s' % (c.kind.host, r.choice(['me', 'status', 'items']))
        if R['basic']:
            u, p = R['basic']
            o.put(R['secret'])
            cmd = "curl -s -u '%s:%s' %s" % (u, p, url)
        elif R['query']:
            cmd = "curl -s '%s?%s'" % (url, query_string(o, R))
        elif R['path']:
            p, f = R['path']
            o.put(f)
            cmd = "curl -s https://%s/%s%s/getUpdates | jq '.result[-1]'" % (c.kind.host, p, f.value)
        elif R['body']:
            if R['body'][0] == 'json':
                cmd = "curl -s -X POST https://%s/v1/token -H 'Content-Type: application/json' -d '%s'" % (c.kind.host, json_body(o, R))
            else:
                for n, f in R['body'][1]:
                    if f is not None:
                        o.put(f)
                cmd = 'curl -s https://%s/oauth/token %s' % (c.kind.host, ' '.join(
                    "-d '%s=%s'" % (n, f.value if f else 'client_credentials') for n, f in R['body'][1]))
        else:
            name, pre, f = R['headers'][0]
            o.put(f)
            cmd = 'curl -sS -H "%s: %s%s" %s | jq .' % (name, pre, f.value, url)
        for f in c.fields:
            if f.role == 'ident' and f.uid not in o.placed:
                o.put(f)
                cmd = 'export %s=%s\n' % (f.name, f.value) + cmd
        lines.append(cmd)
        lines.append(r.choice(['history | tail', 'echo $?', 'clear']))
    lines += ['vim config/prod.yaml', 'make deploy', 'exit']
    return r.choice(['.bash_history', '.zsh_history']), '\n'.join(lines) + '\n'


@shape('cli_db_history', ok=lambda f: f.kind in DBK and "'" not in f.value)
def sh_dbcli(o):
    r = o.r
    lines = ['sudo systemctl status postgresql', 'cd /var/backups']
    for c, f in o.items():
        o.put(f)
        if f.value.startswith(('postgres', 'postgresql')):
            lines.append('psql "%s" -c "select count(*) from orders"' % f.value)
        elif f.value.startswith('mysql'):
            lines.append("mysql --uri='%s' -e 'show tables'" % f.value)
        elif f.role == 'secret':
            lines.append("mysql -h db.internal -u root -p'%s' app < dump.sql" % f.value if r.random() < 0.5 else
                         "PGPASSWORD='%s' pg_dump -h db.internal -U app app > app.sql" % f.value)
        else:
            lines.append('echo %s' % f.value)
    lines += ['ls -lh *.sql', 'gzip app.sql', 'aws s3 cp app.sql.gz s3://%s-backups/' % slug(r), 'logout']
    return '.bash_history', '\n'.join(pad_to(r, lines, 10, lambda: r.choice(['ls', 'df -h', 'uptime']))) + '\n'


@shape('systemd_unit', ok=lambda f: '"' not in f.value and '\\' not in f.value and '%' not in f.value and '$' not in f.value)
def sh_systemd(o):
    r = o.r
    lines = ['[Unit]', 'Description=%s service' % svc(r), 'After=network-online.target', '', '[Service]', 'User=app', 'WorkingDirectory=/opt/%s' % svc(r)]
    for c, f in o.items():
        o.put(f)
        lines.append('Environment="%s=%s"' % (f.name, f.value))
    lines += ['ExecStart=/opt/%s/bin/server --port 8080' % svc(r), 'Restart=on-failure', '', '[Install]', 'WantedBy=multi-user.target']
    return '%s.service' % svc(r), '\n'.join(lines) + '\n'


# ----------------------------------------------------------------------------
# special positive templates (they build their own credentials)
# ----------------------------------------------------------------------------
for _kid, (_prov, _doc) in SPECIAL_DOCS.items():
    KINDS.append(Kind(_kid, _prov, _kid.split('_')[0], _doc, 'localhost', False, 'none', None, True))
KIND_BY_ID = dict((k.kid, k) for k in KINDS)

SPECIALS = []
SPECIAL_WEIGHT = {'pem_key_file': 3, 'docker_config_json': 2, 'git_config_remote_url': 2, 'yaml_block_scalar_key': 2}
_ROT = {}


def rot(r, key, options):
    """Deterministic round-robin over options (random start per seed), so every
    variant of a special template appears once the template is used often enough."""
    st = _ROT.get(key)
    if st is None:
        st = _ROT[key] = [r.randrange(len(options)), 0]
    v = options[(st[0] + st[1]) % len(options)]
    st[1] += 1
    return v


def special(name):
    def deco(fn):
        SPECIALS.append((name, fn))
        return fn
    return deco


def mk(kid, fields):
    return Cred(KIND_BY_ID[kid], fields)


def gen_kind(r, kid):
    return make_cred(r, KIND_BY_ID[kid])


def pem_escaped(p):
    return p.replace('\n', '\\n')


@special('pem_key_file')
def sp_pem_file(r):
    kid = rot(r, 'pem', ['rsa_private_key', 'pkcs8_private_key', 'ec_private_key', 'openssh_private_key', 'pgp_private_key'])
    who = '%s@%s' % (r.choice(['deploy', 'jenkins', 'ubuntu', 'jdoe']), r.choice(['build-01', 'bastion', 'laptop']))
    p = {'rsa_private_key': rsa_private_pem, 'pkcs8_private_key': pkcs8_private_pem, 'ec_private_key': ec_private_pem,
         'openssh_private_key': lambda r: openssh_rsa(r, who), 'pgp_private_key': pgp_private}[kid](r)
    c = mk(kid, [S('PRIVATE_KEY', 'private_key', p)])
    o = Out(r, [c])
    o.put(c.fields[0])
    name = {'rsa_private_key': r.choice(['id_rsa', 'server.key', 'deploy_key.pem']), 'pkcs8_private_key': r.choice(['privkey.pem', 'tls.key', 'jwt-signing.pem']),
            'ec_private_key': r.choice(['ec-p256.key', 'apns-signing.pem']), 'openssh_private_key': r.choice(['id_ed25519', 'deploy_ed25519']),
            'pgp_private_key': r.choice(['release-signing.asc', 'private.gpg.asc'])}[kid]
    pre = []
    if kid == 'pgp_private_key':
        pre = []
    elif r.random() < 0.3 and kid in ('rsa_private_key', 'pkcs8_private_key'):
        pre = ['Bag Attributes', '    friendlyName: %s' % svc(r), '    localKeyID: %s' % ' '.join(rs(r, HEXU, 2) for _ in range(20)), 'Key Attributes: <No Attributes>']
    post = []
    if kid == 'ec_private_key':
        # `openssl ecparam -genkey` output bundled with the issued certificate (privkey + fullchain)
        pre = ['-----BEGIN EC PARAMETERS-----', 'BggqhkjOPQMBBw==', '-----END EC PARAMETERS-----']
        post = [cert_pem(r)]
        name = r.choice(['server-bundle.pem', 'apns-signing.pem', 'mqtt-client.pem'])
    return name, '\n'.join(pre + [p] + post) + '\n', o


@special('gcp_service_account_json')
def sp_gcp_sa(r):
    p = pkcs8_private_pem(r) + '\n'
    proj = '%s-%s-%d' % (slug(r), r.choice(['prod', 'data', 'analytics', 'bigquery']), r.randrange(100000, 999999))
    sa = '%s@%s.iam.gserviceaccount.com' % (r.choice(['bq-loader', 'terraform', 'firebase-adminsdk-%s' % rs(r, AN_L, 5), 'ci-deployer']), proj)
    kid = rs(r, HEXL, 40)
    c = mk('gcp_service_account_key', [I('private_key_id', 'private_key_id', kid), S('private_key', 'private_key', p.rstrip('\n'))])
    o = Out(r, [c])
    esc = pem_escaped(p)
    o.put(c.fields[0])
    o.put(c.fields[1], pem_escaped(p.rstrip('\n')))
    lines = ['{', '  "type": "service_account",', '  "project_id": "%s",' % proj, '  "private_key_id": "%s",' % kid,
             '  "private_key": "%s",' % esc, '  "client_email": "%s",' % sa, '  "client_id": "%d",' % r.randrange(10 ** 20, 10 ** 21),
             '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",', '  "token_uri": "https://oauth2.googleapis.com/token",',
             '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
             '  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s",' % urllib.parse.quote(sa),
             '  "universe_domain": "googleapis.com"', '}']
    return r.choice(['%s-%s.json' % (proj, kid[:12]), 'service-account.json', 'gcp-key.json', 'firebase-adminsdk.json']), '\n'.join(lines) + '\n', o


@special('env_multiline_pem_github_app')
def sp_env_pem(r):
    p = rsa_private_pem(r)
    c = mk('github_app_private_key', [I('GITHUB_APP_ID', 'app_id', str(r.randrange(100000, 999999))), S('GITHUB_APP_PRIVATE_KEY', 'private_key', p)])
    o = Out(r, [c])
    esc = pem_escaped(p)
    o.put(c.fields[0])
    o.put(c.fields[1], esc)
    lines = ['# Probot / GitHub App settings', 'WEBHOOK_PROXY_URL=https://smee.io/%s' % rs(r, ALNUM, 16), 'LOG_LEVEL=debug',
             'GITHUB_APP_ID=%s' % c.fields[0].value, 'GITHUB_CLIENT_ID=Iv1.%s' % rs(r, HEXL, 16), 'PRIVATE_KEY_PATH=',
             'GITHUB_APP_PRIVATE_KEY="%s"' % esc, 'PORT=3000', 'NODE_ENV=production', 'WEBHOOK_PATH=/api/github/webhooks']
    return '.env', '\n'.join(lines) + '\n', o


@special('yaml_block_scalar_key')
def sp_yaml_block(r):
    kid = rot(r, 'yamlblock', ['pkcs8_private_key', 'ec_private_key', 'openssh_private_key'])
    p = {'pkcs8_private_key': pkcs8_private_pem, 'ec_private_key': ec_private_pem, 'openssh_private_key': lambda r: openssh_ed25519(r, 'ci@gitlab')}[kid](r)
    c = mk(kid, [S('PRIVATE_KEY', 'private_key', p)])
    o = Out(r, [c])
    ind = '    '
    block = '\n'.join(ind + l for l in p.split('\n'))
    o.put(c.fields[0], block.lstrip(' '))
    if kid == 'openssh_private_key':
        lines = ['variables:', '  GIT_STRATEGY: fetch', '  SSH_PRIVATE_KEY: |'] + [('    ' + l) for l in p.split('\n')] + [
            '', 'before_script:', "  - eval $(ssh-agent -s)", '  - echo "$SSH_PRIVATE_KEY" | tr -d \'\\r\' | ssh-add -', '  - mkdir -p ~/.ssh',
            '', 'deploy:', '  script:', '    - rsync -az dist/ deploy@web-01:/srv/www/']
        return '.gitlab-ci.yml', '\n'.join(lines) + '\n', o
    lines = ['ingress:', '  enabled: true', '  hosts: [api.%s.com]' % slug(r), 'tls:', '  enabled: true', '  certificate: |',
             '    -----BEGIN CERTIFICATE-----'] + ['    ' + l for l in wrap(b64(rb(r, 600)), 64).split('\n')] + ['    -----END CERTIFICATE-----',
                                                                                                              '  key: |'] + \
        ['    ' + l for l in p.split('\n')] + ['resources:', '  requests:', '    cpu: 100m']
    return 'values-tls.yaml', '\n'.join(lines) + '\n', o


@special('k8s_tls_secret_base64')
def sp_k8s_tls(r):
    p = r.choice([pkcs8_private_pem, rsa_private_pem, ec_private_pem])(r) + '\n'
    kid = 'pkcs8_private_key' if 'BEGIN PRIVATE' in p else ('rsa_private_key' if 'RSA' in p else 'ec_private_key')
    c = mk(kid, [S('tls.key', 'tls_key', p.rstrip('\n'))])
    o = Out(r, [c])
    enc = b64s(p)
    o.put(c.fields[0], enc)
    crt = b64s(cert_pem(r) + '\n')
    lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: %s-tls' % svc(r), '  namespace: ingress', 'type: kubernetes.io/tls', 'data:',
             '  tls.crt: %s' % crt, '  tls.key: %s' % enc, '---', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:',
             '  name: %s' % svc(r), 'spec:', '  tls:', '    - hosts: [%s.example.com]' % svc(r), '      secretName: %s-tls' % svc(r)]
    return 'tls-secret.yaml', '\n'.join(lines) + '\n', o


@special('terraform_heredoc_key')
def sp_tf_heredoc(r):
    p = r.choice([rsa_private_pem, pkcs8_private_pem])(r)
    kid = 'rsa_private_key' if 'RSA' in p else 'pkcs8_private_key'
    c = mk(kid, [S('private_key', 'private_key', p)])
    o = Out(r, [c])
    o.put(c.fields[0])
    lines = ['provider "snowflake" {', '  account  = "%s"' % rs(r, AN_U, 8), '  user     = "TERRAFORM_SVC"', '  role     = "SYSADMIN"',
             '  authenticator = "JWT"', '  private_key = <<-EOT'] + p.split('\n') + ['  EOT', '}', '', 'resource "snowflake_database" "raw" {',
                                                                                       '  name = "RAW"', '}']
    return 'providers.tf', '\n'.join(lines) + '\n', o


@special('coinbase_cdp_key_json')
def sp_cdp(r):
    p = ec_private_pem(r) + '\n'
    name = 'organizations/%s/apiKeys/%s' % (uuid4(r), uuid4(r))
    c = mk('coinbase_cdp_key', [I('name', 'name', name), S('privateKey', 'private_key', p.rstrip('\n'))])
    o = Out(r, [c])
    o.put(c.fields[0])
    o.put(c.fields[1], pem_escaped(p.rstrip('\n')))
    lines = ['"""Nightly treasury sweep (Coinbase Developer Platform)."""', 'import json', '', 'from cdp import Cdp, Wallet', '',
             '# pasted from cdp_api_key.json -- TODO move to secrets manager', 'API_KEY = json.loads(r\'\'\'{',
             '   "name": "%s",' % name, '   "privateKey": "%s"' % pem_escaped(p), "}''')", '',
             'Cdp.configure(API_KEY["name"], API_KEY["privateKey"])', '', '', 'def main():',
             '    wallet = Wallet.fetch("%s")' % uuid4(r), '    print(wallet.balances())', '', '', 'if __name__ == "__main__":', '    main()']
    return 'treasury_sweep.py', '\n'.join(lines) + '\n', o


@special('kubeconfig')
def sp_kubeconfig(r):
    p = r.choice([rsa_private_pem, ec_private_pem])(r) + '\n'
    i = ts(r)
    tok = jwt(r, {'alg': 'RS256', 'kid': rs(r, ALNUM + '-_', 43)}, {'aud': ['https://kubernetes.default.svc.cluster.local'], 'exp': i + 31536000,
                                                                    'iat': i, 'iss': 'https://kubernetes.default.svc.cluster.local',
                                                                    'kubernetes.io': {'namespace': 'ci', 'serviceaccount': {'name': 'deployer', 'uid': uuid4(r)}},
                                                                    'sub': 'system:serviceaccount:ci:deployer'}, 256)
    c1 = mk('kubeconfig_credentials', [S('client-key-data', 'client_key_data', p.rstrip('\n'))])
    c2 = mk('k8s_service_account_token', [S('token', 'token', tok)])
    o = Out(r, [c1, c2])
    enc = b64s(p)
    o.put(c1.fields[0], enc)
    o.put(c2.fields[0])
    cl = '%s-%s' % (slug(r), r.choice(['prod', 'eks', 'gke']))
    lines = ['apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:', '    certificate-authority-data: %s' % b64s(cert_pem(r) + '\n'),
             '    server: https://%s.%s.eks.amazonaws.com' % (rs(r, HEXU, 32), r.choice(['gr7', 'yl4', 'sk1'])), '  name: %s' % cl, 'contexts:',
             '- context:', '    cluster: %s' % cl, '    user: admin', '  name: %s-admin' % cl, '- context:', '    cluster: %s' % cl, '    user: deployer',
             '  name: %s-ci' % cl, 'current-context: %s-admin' % cl, 'preferences: {}', 'users:', '- name: admin', '  user:',
             '    client-certificate-data: %s' % b64s(cert_pem(r) + '\n'), '    client-key-data: %s' % enc, '- name: deployer', '  user:',
             '    token: %s' % tok]
    return r.choice(['kubeconfig', 'config', 'kubeconfig-prod.yaml']), '\n'.join(lines) + '\n', o


@special('docker_config_json')
def sp_docker_cfg(r):
    choice = rot(r, 'docker', [0, 1, 2, 3])
    if choice == 0:
        reg, user, tok, kid = 'https://index.docker.io/v1/', slug(r).replace('-', '') + 'ci', 'dckr_pat_' + rs(r, ALNUM + '-_', 27), 'dockerhub_pat'
    elif choice == 1:
        reg, user, tok, kid = 'ghcr.io', r.choice(['octo-bot', 'release-bot']), crc_token(r, 'ghp_'), 'github_ghp'
    elif choice == 2:
        reg, user, tok, kid = 'registry.gitlab.com', 'gitlab-ci-token', 'glpat-' + rs(r, ALNUM + '-_', 20), 'gitlab_pat'
    else:
        reg, user, tok, kid = '%s.jfrog.io' % slug(r), 'deployer', password(r), 'docker_config_auth'
    auth = b64s('%s:%s' % (user, tok))
    c = mk(kid, [S('auth', 'auth', tok)])
    o = Out(r, [c])
    o.put(c.fields[0], auth)
    lines = ['{', '\t"auths": {', '\t\t"%s": {' % reg, '\t\t\t"auth": "%s"' % auth, '\t\t},', '\t\t"public.ecr.aws": {}', '\t},',
             '\t"credsStore": "",', '\t"currentContext": "default",', '\t"plugins": {', '\t\t"-x-cli-hints": {', '\t\t\t"enabled": "true"', '\t\t}', '\t}', '}']
    return 'config.json', '\n'.join(lines) + '\n', o


@special('git_config_remote_url')
def sp_gitconfig(r):
    o = Out(r, [])
    host, user, tok, kid = r.choice([('github.com', r.choice(['jdoe', 'x-access-token', 'release-bot']), crc_token(r, 'ghp_'), 'github_ghp'),
                                     ('github.com', 'x-access-token', crc_token(r, 'ghs_'), 'github_ghs'),
                                     ('gitlab.com', 'oauth2', 'glpat-' + rs(r, ALNUM + '-_', 20), 'gitlab_pat'),
                                     ('bitbucket.org', 'ci-bot', 'ATBB' + rs(r, ALNUM, 28) + rs(r, HEXU, 8), 'bitbucket_app_password'),
                                     ('dev.azure.com', slug(r), rs(r, B32L, 52), 'azure_devops_pat')])
    repo = '%s/%s' % (slug(r), svc(r))
    url = 'https://%s:%s@%s/%s.git' % (user, tok, host, repo)
    c = mk(kid, [S('url', 'url', tok, alts=[url])])
    o.creds.append(c)
    o.put(c.fields[0])
    lines = ['[core]', '\trepositoryformatversion = 0', '\tfilemode = true', '\tbare = false', '\tlogallrefupdates = true',
             '[remote "origin"]', '\turl = %s' % url, '\tfetch = +refs/heads/*:refs/remotes/origin/*', '[branch "main"]', '\tremote = origin',
             '\tmerge = refs/heads/main', '[credential]', '\thelper = store', '[user]', '\tname = %s' % r.choice(['CI Bot', 'Jane Doe'])]
    return 'config', '\n'.join(lines) + '\n', o


@special('netrc')
def sp_netrc(r):
    o = Out(r, [])
    lines = ['machine github.com', '  login %s' % r.choice(['jdoe', 'octo']), '  password %s' % crc_token(r, 'gho_')]
    c0 = mk('github_gho', [S('password', 'password', lines[-1].split()[-1])])
    o.creds.append(c0)
    o.put(c0.fields[0])
    hk = uuid4(r)
    c1 = mk('netrc_password', [I('login', 'login', 'ops@%s.com' % slug(r)), S('password', 'password', hk)])
    o.creds.append(c1)
    o.put(c1.fields[0]); o.put(c1.fields[1])
    lines += ['machine api.heroku.com', '  login %s' % c1.fields[0].value, '  password %s' % hk, 'machine git.heroku.com',
              '  login %s' % c1.fields[0].value, '  password %s' % hk, '# default entry used by ftp', 'default login anonymous password guest@']
    return '.netrc', '\n'.join(lines) + '\n', o


@special('pgpass')
def sp_pgpass(r):
    o = Out(r, [])
    lines = ['# hostname:port:database:username:password']
    for _ in range(r.randrange(1, 3)):
        pw = password(r)
        while ':' in pw or '\\' in pw:
            pw = password(r)
        c = mk('pgpass_password', [S('password', 'password', pw)])
        o.creds.append(c)
        o.put(c.fields[0])
        lines.append('%s:5432:%s:%s:%s' % (r.choice(['db.internal', 'replica.internal', '10.0.3.14']), r.choice(['app', '*']), r.choice(['app', 'report_ro', 'postgres']), pw))
    extra = ['#', '# managed by hand on the bastion; see wiki/DB-Access', '# format: hostname:port:database:username:password',
             '# (password field intentionally left for the psql wrapper)', '#', '# replicas', '#   replica-2 is read-only', '#', '# EOF']
    lines = lines + extra[:max(0, 10 - len(lines))]
    return '.pgpass', '\n'.join(lines) + '\n', o


@special('npmrc')
def sp_npmrc(r):
    c = gen_kind(r, 'npm_token')
    o = Out(r, [c])
    f = c.fields[0]
    o.put(f)
    lines = ['; project .npmrc', 'registry=https://registry.npmjs.org/', '@%s:registry=https://npm.pkg.github.com' % slug(r), 'save-exact=true',
             'engine-strict=true', 'fund=false', 'audit-level=high', 'progress=false', 'legacy-peer-deps=true',
             '//registry.npmjs.org/:_authToken=%s' % f.value]
    if r.random() < 0.5:
        g = crc_token(r, 'ghp_')
        c2 = mk('github_ghp', [S('token', 'token', g)])
        o.creds.append(c2)
        o.put(c2.fields[0])
        lines.append('//npm.pkg.github.com/:_authToken=%s' % g)
    return '.npmrc', '\n'.join(lines) + '\n', o


@special('pypirc')
def sp_pypirc(r):
    c = gen_kind(r, 'pypi_token')
    o = Out(r, [c])
    f = c.fields[0]
    o.put(f)
    lines = ['[distutils]', 'index-servers =', '    pypi', '    internal', '', '[pypi]', 'username = __token__', 'password = %s' % f.value, '',
             '[internal]', 'repository = https://nexus.%s.internal/repository/pypi-internal/' % slug(r), 'username = deploy', 'password = ${NEXUS_PASSWORD}']
    return '.pypirc', '\n'.join(lines) + '\n', o


@special('aws_credentials_file')
def sp_aws_creds(r):
    c1 = gen_kind(r, 'aws_access_key')
    creds = [c1]
    lines = ['[default]', 'aws_access_key_id = %s' % c1.fields[0].value, 'aws_secret_access_key = %s' % c1.fields[1].value, 'region = us-east-1', '']
    if r.random() < 0.6:
        c2 = gen_kind(r, 'aws_session_token')
        creds.append(c2)
        lines += ['[prod-admin]', 'aws_access_key_id = %s' % c2.fields[0].value, 'aws_secret_access_key = %s' % c2.fields[1].value,
                  'aws_session_token = %s' % c2.fields[2].value, '']
    lines += ['[sso-dev]', 'sso_start_url = https://%s.awsapps.com/start' % slug(r), 'sso_region = us-east-1',
              'sso_account_id = %d' % r.randrange(10 ** 11, 10 ** 12), 'sso_role_name = Developer']
    o = Out(r, creds)
    for c in creds:
        for f in c.fields:
            o.put(f)
    return 'credentials', '\n'.join(lines) + '\n', o


@special('akamai_edgerc')
def sp_edgerc(r):
    c = gen_kind(r, 'akamai_edgegrid')
    o = Out(r, [c])
    ct, cs, at = c.fields
    for f in c.fields:
        o.put(f)
    host = 'akab-%s-%s.luna.akamaiapis.net' % (rs(r, AN_L, 16), rs(r, AN_L, 16))
    lines = ['[default]', 'client_secret = %s' % cs.value, 'host = %s' % host, 'access_token = %s' % at.value, 'client_token = %s' % ct.value,
             'max-body = 131072', '', '[ccu]', 'host = %s' % host, 'client_token = ${CCU_CLIENT_TOKEN}']
    return '.edgerc', '\n'.join(lines) + '\n', o


# ----------------------------------------------------------------------------
# hard negatives: files that must not contain any real secret
# ----------------------------------------------------------------------------
NEGS = []


def neg(name, desc):
    def deco(fn):
        NEGS.append((name, desc, fn))
        return fn
    return deco


@neg('env_placeholders', '.env.example with placeholders of every style and no values')
def ng_env(r):
    lines = ['# Copy this file to .env and fill in real values. Never commit .env!', '']
    ph = ['<token>', '<your-api-key>', 'YOUR_KEY', 'YOUR_SECRET_HERE', 'xxx', 'xxxxxxxxxxxxxxxxxxxx', '${VAR}', '${STRIPE_SECRET_KEY}',
          'REPLACE_ME', 'changeme', 'CHANGE_ME', 'TODO', '', '""', "''", 'sk_live_...', 'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
          'AKIAXXXXXXXXXXXXXXXX', 'your-password', '********', 'null', 'none', '<generate-with-openssl-rand-hex-32>', 'dummy', 'example',
          'insert-key-here', '${{ secrets.API_KEY }}', 'op://vault/item/field', 'vault:secret/data/app#api_key', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-Ab12Cd']
    names = ['STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'OPENAI_API_KEY', 'SENDGRID_API_KEY', 'DB_PASSWORD',
             'SLACK_BOT_TOKEN', 'TWILIO_AUTH_TOKEN', 'DATADOG_API_KEY', 'JWT_SECRET', 'SESSION_SECRET', 'ANTHROPIC_API_KEY', 'REDIS_PASSWORD',
             'MAILGUN_API_KEY', 'SENTRY_AUTH_TOKEN', 'NPM_TOKEN', 'HF_TOKEN', 'CLOUDFLARE_API_TOKEN', 'DATABASE_URL']
    for n in names:
        lines.append('%s=%s' % (n, r.choice(ph)))
    lines += ['DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app', 'REDIS_URL=redis://:${REDIS_PASSWORD}@localhost:6379/0',
              'SMTP_URL=smtp://user:<password>@smtp.example.com:587']
    return '.env.example', '\n'.join(lines) + '\n'


@neg('helm_templated_secret', 'Helm chart template rendering secrets from values ({{ .Values.x }})')
def ng_helm(r):
    lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "app.fullname" . }}', '  labels:',
             '    {{- include "app.labels" . | nindent 4 }}', 'type: Opaque', 'data:',
             '  STRIPE_SECRET_KEY: {{ .Values.stripe.secretKey | b64enc | quote }}',
             '  DATABASE_PASSWORD: {{ required "db password required" .Values.db.password | b64enc }}',
             '  GITHUB_TOKEN: {{ .Values.github.token | default "" | b64enc | quote }}', 'stringData:',
             '  SENTRY_DSN: "{{ .Values.sentry.dsn }}"', '  API_KEY: {{ tpl .Values.apiKey . | quote }}',
             '{{- with .Values.extraSecrets }}', '  {{- toYaml . | nindent 2 }}', '{{- end }}']
    return 'secret.yaml', '\n'.join(lines) + '\n'


@neg('python_format_placeholders', 'Python config templates using %(x)s / {x} / f-string env interpolation')
def ng_pyfmt(r):
    lines = ['import os', '', 'DSN_TEMPLATE = "postgresql://%(user)s:%(password)s@%(host)s:%(port)d/%(db)s"',
             'URL_TEMPLATE = "https://{user}:{token}@git.example.com/{repo}.git"', '', 'def dsn(cfg):', '    return DSN_TEMPLATE % cfg', '',
             'def headers():', '    token = os.environ["API_TOKEN"]', '    return {"Authorization": f"Bearer {token}"}', '',
             'LOGGING = {"format": "%(asctime)s %(levelname)s %(message)s"}', 'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")',
             'PASSWORD_RESET_TIMEOUT = 3600']
    return 'templates.py', '\n'.join(lines) + '\n'


@neg('gha_secret_references', 'GitHub Actions workflow referencing secrets only via ${{ secrets.X }}')
def ng_gha(r):
    lines = ['name: release', 'on:', '  push:', '    tags: ["v*"]', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    env:',
             '      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}', '      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
             '      AWS_SECRET_ACCESS_KEY: ${{secrets.AWS_SECRET_ACCESS_KEY}}', '      GH_TOKEN: ${{ github.token }}', '    steps:',
             '      - uses: actions/checkout@8ade135a41bc03ea155e62e844d188df1ea18608 # v4', '      - uses: actions/setup-node@v4',
             '        with:', '          registry-url: https://registry.npmjs.org', '      - run: npm publish --provenance',
             '      - uses: aws-actions/configure-aws-credentials@v4', '        with:',
             '          role-to-assume: arn:aws:iam::123456789012:role/github-release', '          aws-region: us-east-1']
    return 'release.yml', '\n'.join(lines) + '\n'


@neg('azure_pipeline_macros', 'Azure Pipelines / Makefile variables $(VAR) and $[variables.x]')
def ng_azp(r):
    lines = ['variables:', '- group: prod-secrets   # values live in Azure Key Vault', '- name: buildConfiguration', '  value: Release', 'steps:',
             '- task: AzureKeyVault@2', '  inputs:', "    azureSubscription: 'prod-connection'", "    KeyVaultName: 'kv-prod-weu'", "    SecretsFilter: '*'",
             '- script: |', '    az login --service-principal -u $(ARM_CLIENT_ID) -p $(ARM_CLIENT_SECRET) --tenant $(ARM_TENANT_ID)',
             '    docker login -u $(REGISTRY_USER) -p "$(REGISTRY_PASSWORD)" myregistry.azurecr.io', '  env:',
             '    SONAR_TOKEN: $(sonarToken)', "    DB_PASS: $[variables.dbPassword]"]
    return 'azure-pipelines.yml', '\n'.join(lines) + '\n'


@neg('env_lookups_no_default', 'Source code reading credentials from the environment without defaults')
def ng_envlookup(r):
    lines = ['package main', '', 'import (', '\t"fmt"', '\t"os"', ')', '', 'func mustEnv(k string) string {', '\tv := os.Getenv(k)', '\tif v == "" {',
             '\t\tpanic(fmt.Sprintf("missing %s", k))', '\t}', '\treturn v', '}', '', 'var (', '\tstripeKey   = mustEnv("STRIPE_SECRET_KEY")',
             '\tgithubToken = os.Getenv("GITHUB_TOKEN")', '\tawsSecret   = os.Getenv("AWS_SECRET_ACCESS_KEY")', '\tdbPassword  = os.Getenv("DB_PASSWORD")',
             ')', '', '// JS equivalent: const key = process.env.OPENAI_API_KEY ?? throwMissing("OPENAI_API_KEY");',
             '// Java: String token = System.getenv("SLACK_BOT_TOKEN");']
    return 'env.go', '\n'.join(lines) + '\n'


@neg('provider_doc_examples', 'README quoting provider-documented example keys (AWS, Dynatrace, Ably, HCP Terraform, CircleCI, Azurite, jwt.io)')
def ng_docs(r):
    lines = ['# Configuration', '', 'The examples below are copied from the vendors\' documentation and are **not** real credentials.', '', '```ini',
             '[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '```', '',
             'Dynatrace token format (from the Dynatrace docs):', '', '    dt0s01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM', '',
             'Ably key anatomy: `I2E_JQ.OqUdfg:EVKVTCBlzLBPYJiCZTsIW_pqylJ9WVRB5K9P19Ap1y0`', '',
             'HCP Terraform sample response token: `QnbSxjjhVMHJgw.atlasv1.gxZnWIjI5j752DGqdwEUVLOFf0mtyaQ00H9bA1j90qWb254lEkQyOdfqqcq9zZL7Sm0`', '',
             'CircleCI changelog example: `CCIPAT_ULUhR6rJLxYbyzyrP19iMZ_8fb1e3510325f7f09361de22b9420346c53ca2cb`', '',
             'Azurite (local storage emulator) well-known key:', '',
             '    DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
             '', 'jwt.io sample token: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`']
    return 'README.md', '\n'.join(lines) + '\n'


def sri(r, alg='sha512', n=64):
    return '%s-%s' % (alg, b64(rb(r, n)))


@neg('package_lock_json', 'npm package-lock.json with integrity hashes')
def ng_pkglock(r):
    pk = {'name': svc(r), 'version': '1.0.0', 'lockfileVersion': 3, 'requires': True, 'packages': {'': {'name': svc(r), 'version': '1.0.0',
                                                                                                             'dependencies': {}}}}
    for n in r.sample(['express', 'lodash', 'axios', 'debug', 'ms', 'qs', 'cookie', 'mime-types', 'semver', 'uuid', 'chalk', 'commander',
                       'yargs', 'zod', 'dotenv', 'ws', 'body-parser', 'raw-body'], 12):
        v = '%d.%d.%d' % (r.randrange(1, 9), r.randrange(20), r.randrange(20))
        pk['packages'][''].setdefault('dependencies', {})[n] = '^' + v
        pk['packages']['node_modules/' + n] = {'version': v, 'resolved': 'https://registry.npmjs.org/%s/-/%s-%s.tgz' % (n, n, v),
                                                'integrity': sri(r), 'license': 'MIT'}
    return 'package-lock.json', json.dumps(pk, indent=2) + '\n'


@neg('yarn_lock', 'yarn.lock v1 with resolved URLs (#sha1) and integrity')
def ng_yarn(r):
    lines = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', '']
    for n in r.sample(['@babel/core', 'react', 'react-dom', 'scheduler', 'loose-envify', 'js-tokens', 'postcss', 'nanoid', 'picocolors',
                       'source-map-js', 'typescript', 'esbuild'], 9):
        v = '%d.%d.%d' % (r.randrange(1, 19), r.randrange(20), r.randrange(20))
        base = n.split('/')[-1]
        lines += ['"%s@^%s":' % (n, v), '  version "%s"' % v, '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (n, base, v, rs(r, HEXL, 40)),
                  '  integrity %s' % sri(r), '']
    return 'yarn.lock', '\n'.join(lines) + '\n'


@neg('pnpm_lock', 'pnpm-lock.yaml with resolution integrity')
def ng_pnpm(r):
    lines = ["lockfileVersion: '9.0'", '', 'settings:', '  autoInstallPeers: true', '', 'packages:', '']
    for n in r.sample(['vite', 'rollup', 'esbuild', 'vue', 'pinia', 'tslib', 'magic-string', 'picomatch', 'fdir'], 7):
        v = '%d.%d.%d' % (r.randrange(1, 6), r.randrange(20), r.randrange(20))
        lines += ['  %s@%s:' % (n, v), '    resolution: {integrity: %s}' % sri(r), "    engines: {node: '>=18'}", '']
    return 'pnpm-lock.yaml', '\n'.join(lines) + '\n'


@neg('gemfile_lock', 'Gemfile.lock with CHECKSUMS section')
def ng_gemlock(r):
    gems = r.sample(['rack', 'rails', 'puma', 'nokogiri', 'pg', 'sidekiq', 'redis', 'bootsnap', 'zeitwerk', 'concurrent-ruby'], 7)
    vs = dict((g, '%d.%d.%d' % (r.randrange(1, 8), r.randrange(20), r.randrange(10))) for g in gems)
    lines = ['GEM', '  remote: https://rubygems.org/', '  specs:'] + ['    %s (%s)' % (g, vs[g]) for g in gems] + ['', 'PLATFORMS', '  x86_64-linux', '',
                                                                                                        'DEPENDENCIES'] + ['  %s' % g for g in gems] + ['', 'CHECKSUMS']
    lines += ['  %s (%s) sha256=%s' % (g, vs[g], rs(r, HEXL, 64)) for g in gems]
    lines += ['', 'BUNDLED WITH', '   2.5.%d' % r.randrange(20)]
    return 'Gemfile.lock', '\n'.join(lines) + '\n'


@neg('pipfile_lock', 'Pipfile.lock with sha256 hashes')
def ng_pipfile(r):
    d = {'_meta': {'hash': {'sha256': rs(r, HEXL, 64)}, 'pipfile-spec': 6, 'requires': {'python_version': '3.11'},
                   'sources': [{'name': 'pypi', 'url': 'https://pypi.org/simple', 'verify_ssl': True}]}, 'default': {}, 'develop': {}}
    for n in r.sample(['requests', 'urllib3', 'idna', 'certifi', 'charset-normalizer', 'flask', 'jinja2', 'markupsafe', 'click'], 6):
        d['default'][n] = {'hashes': ['sha256:' + rs(r, HEXL, 64) for _ in range(r.randrange(1, 4))], 'index': 'pypi',
                           'version': '==%d.%d.%d' % (r.randrange(1, 4), r.randrange(30), r.randrange(10))}
    return 'Pipfile.lock', json.dumps(d, indent=4) + '\n'


@neg('go_sum', 'go.sum module hashes (h1:base64)')
def ng_gosum(r):
    lines = []
    for m in r.sample(['github.com/stretchr/testify', 'golang.org/x/net', 'golang.org/x/sys', 'github.com/google/uuid', 'go.uber.org/zap',
                       'github.com/spf13/cobra', 'google.golang.org/grpc', 'github.com/prometheus/client_golang'], 7):
        v = 'v%d.%d.%d' % (r.randrange(0, 2), r.randrange(30), r.randrange(10))
        lines.append('%s %s h1:%s=' % (m, v, b64(rb(r, 32))[:-1]))
        lines.append('%s %s/go.mod h1:%s=' % (m, v, b64(rb(r, 32))[:-1]))
    return 'go.sum', '\n'.join(lines) + '\n'


@neg('cargo_lock', 'Cargo.lock with checksums')
def ng_cargo(r):
    lines = ['# This file is automatically @generated by Cargo.', '# It is not intended for manual editing.', 'version = 3', '']
    for n in r.sample(['serde', 'serde_json', 'tokio', 'anyhow', 'libc', 'itoa', 'ryu', 'memchr', 'bytes'], 6):
        lines += ['[[package]]', 'name = "%s"' % n, 'version = "%d.%d.%d"' % (r.randrange(0, 2), r.randrange(50), r.randrange(200)),
                  'source = "registry+https://github.com/rust-lang/crates.io-index"', 'checksum = "%s"' % rs(r, HEXL, 64), '']
    return 'Cargo.lock', '\n'.join(lines) + '\n'


@neg('composer_lock', 'composer.lock with dist shasum and source references')
def ng_composer(r):
    pkgs = []
    for n in r.sample(['monolog/monolog', 'symfony/console', 'guzzlehttp/guzzle', 'psr/log', 'laravel/framework', 'nesbot/carbon'], 4):
        ref = rs(r, HEXL, 40)
        pkgs.append({'name': n, 'version': '%d.%d.%d' % (r.randrange(1, 11), r.randrange(10), r.randrange(20)),
                     'source': {'type': 'git', 'url': 'https://github.com/%s.git' % n, 'reference': ref},
                     'dist': {'type': 'zip', 'url': 'https://api.github.com/repos/%s/zipball/%s' % (n, ref), 'reference': ref, 'shasum': ''}})
    d = {'_readme': ['This file locks the dependencies of your project to a known state'], 'content-hash': rs(r, HEXL, 32), 'packages': pkgs}
    return 'composer.lock', json.dumps(d, indent=4) + '\n'


@neg('html_sri', 'HTML page with SRI integrity attributes and CSP nonces')
def ng_sri(r):
    lines = ['<!doctype html>', '<html lang="en">', '<head>', '  <meta charset="utf-8">',
             '  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" integrity="%s" crossorigin="anonymous">' % sri(r, 'sha384', 48),
             '  <script src="https://code.jquery.com/jquery-3.7.1.min.js" integrity="%s" crossorigin="anonymous"></script>' % sri(r, 'sha256', 32),
             '  <script nonce="%s">window.dataLayer = window.dataLayer || [];</script>' % b64(rb(r, 16)), '</head>', '<body>',
             '  <main id="app"></main>', '  <script type="module" src="/assets/index-%s.js" integrity="%s"></script>' % (rs(r, ALNUM, 8), sri(r, 'sha384', 48)),
             '</body>', '</html>']
    return 'index.html', '\n'.join(lines) + '\n'


@neg('changelog_git_shas', 'CHANGELOG with commit SHAs and compare links')
def ng_changelog(r):
    lines = ['# Changelog', '']
    for i in range(5):
        v = '2.%d.%d' % (9 - i, r.randrange(5))
        lines += ['## [%s](https://github.com/%s/%s/compare/%s...%s) (2024-0%d-1%d)' % (v, slug(r), svc(r), rs(r, HEXL, 40), rs(r, HEXL, 40), 9 - i, r.randrange(10)), '']
        for _ in range(r.randrange(2, 5)):
            lines.append('* %s (%s)' % (r.choice(['fix token refresh race', 'rotate signing keys on deploy', 'bump axios', 'add retry to webhook sender',
                                                   'redact Authorization header in logs']), rs(r, HEXL, 7)))
        lines.append('')
    return 'CHANGELOG.md', '\n'.join(lines) + '\n'


@neg('image_digests', 'Kubernetes manifest pinning images by sha256 digest')
def ng_digests(r):
    lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: %s' % svc(r), 'spec:', '  replicas: 3', '  template:', '    spec:',
             '      initContainers:', '        - name: migrate', '          image: ghcr.io/%s/migrate@sha256:%s' % (slug(r), rs(r, HEXL, 64)),
             '      containers:', '        - name: app', '          image: ghcr.io/%s/%s@sha256:%s' % (slug(r), svc(r), rs(r, HEXL, 64)),
             '        - name: envoy', '          image: envoyproxy/envoy:v1.30.1@sha256:%s' % rs(r, HEXL, 64), '          args: ["-c", "/etc/envoy/envoy.yaml"]']
    return 'deployment.yaml', '\n'.join(lines) + '\n'


@neg('fixtures_uuid_ulid', 'JSON fixtures full of UUIDs, ULIDs and object ids')
def ng_fixtures(r):
    rows = []
    for i in range(8):
        rows.append({'id': uuid4(r), 'event_id': ulid(r), 'mongo_id': rs(r, HEXL, 24), 'customer': 'cus_' + rs(r, ALNUM, 14),
                     'order_ref': 'ord_%s' % rs(r, ALNUM, 10), 'etag': '"%s"' % rs(r, HEXL, 32), 'created_at': '2024-05-0%dT10:00:00Z' % r.randrange(1, 9)})
    return 'orders.fixture.json', json.dumps(rows, indent=2) + '\n'


@neg('css_data_uris', 'CSS with base64 data URIs (font and images)')
def ng_css(r):
    lines = ['@font-face {', '  font-family: "Inter";', '  src: url(data:font/woff2;base64,d09GMgABAAAAA%s) format("woff2");' % b64(rb(r, 600)), '}',
             '.logo {', '  background-image: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA%s");' % b64(rb(r, 300)), '  width: 120px;', '}',
             '.btn { padding: 8px 16px; border-radius: 6px; }', '.btn-primary { background: #4f46e5; color: #fff; }',
             '@media (max-width: 640px) { .logo { width: 80px; } }',
             '.icon-lock { background: url("data:image/svg+xml;base64,%s"); }' % b64s('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a5 5 0 0 1 5 5v3h1v12H6V10h1V7a5 5 0 0 1 5-5z"/></svg>')]
    return 'styles.css', '\n'.join(lines) + '\n'


@neg('minified_vendor_js', 'Minified vendor bundle (base64 tables, hashes, no credentials)')
def ng_minjs(r):
    line = ('!function(t,e){"object"==typeof exports?module.exports=e():t.b64=e()}(this,function(){var t="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",'
            'e=[%s];function n(n){for(var r=[],o=0;o<n.length;o+=3)r.push(t[n[o]>>2]);return r.join("")}return{encode:n,K:e,'
            'sha:"%s",build:"%s"}});' % (','.join('0x%s' % rs(r, HEXL, 8) for _ in range(16)), rs(r, HEXL, 64), rs(r, ALNUM, 20)))
    mods = ['!function(n){var t={};function e(r){return t[r]}e.m=n,e.c=t,e.h="%s"}([function(n,t){n.exports=function(n){return n&&n.__esModule?n:{default:n}}}]);' % rs(r, HEXL, 20)
            for _ in range(r.randrange(9, 15))]
    return 'vendor.min.js', '/*! b64 v1.2.0 | MIT */\n' + '\n'.join(mods[:3] + [line] + mods[3:]) + '\n'


@neg('i18n_password_strings', 'Locale file with UI strings about passwords and tokens')
def ng_i18n(r):
    d = {'auth': {'password': 'Password', 'password_hint': 'At least 12 characters, one number and one symbol',
                  'forgot_password': 'Forgot your password?', 'api_token': 'API token', 'api_token_help': 'Paste the token from Settings → Developer',
                  'secret_key_label': 'Secret key', 'token_expired': 'Your session token has expired. Please sign in again.',
                  'password_mismatch': 'Passwords do not match'}, 'settings': {'rotate_key': 'Rotate key', 'copy_secret': 'Copy secret'}}
    return 'en.json', json.dumps(d, indent=2, ensure_ascii=False) + '\n'


@neg('password_validation_code', 'Password policy / validation code with regexes and constants')
def ng_pwval(r):
    lines = ['import re', '', 'MIN_LENGTH = 12', 'PASSWORD_RE = re.compile(r"^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^\\w\\s]).{12,128}$")',
             'COMMON = {"password", "123456", "qwerty", "letmein", "Password1!"}', '', '', 'def validate_password(password: str) -> list:',
             '    errors = []', '    if len(password) < MIN_LENGTH:', '        errors.append("too short")', '    if password.lower() in COMMON:',
             '        errors.append("too common")', '    if not PASSWORD_RE.match(password):', '        errors.append("complexity")', '    return errors',
             '', '', 'def test_rejects_common():', '    assert validate_password("password") != []']
    return 'password_policy.py', '\n'.join(lines) + '\n'


@neg('hashed_passwords', 'Password hashes (bcrypt, argon2, scrypt, PBKDF2, Django, htpasswd, shadow)')
def ng_hashes(r):
    bc = lambda: '$2b$12$' + rs(r, ALNUM + './', 53)
    lines = ['# users.yml -- hashes only, plaintext never stored', 'users:',
             '  - name: admin', '    password_hash: "%s"' % bc(),
             '  - name: ops', '    password_hash: "$argon2id$v=19$m=65536,t=3,p=4$%s$%s"' % (b64(rb(r, 16)).rstrip('='), b64(rb(r, 32)).rstrip('=')),
             '  - name: reporter', '    password_hash: "pbkdf2_sha256$720000$%s$%s="' % (rs(r, ALNUM, 22), b64(rb(r, 32))[:-1]),
             '  - name: legacy', '    password_hash: "$scrypt$ln=16,r=8,p=1$%s$%s"' % (b64(rb(r, 16)).rstrip('='), b64(rb(r, 32)).rstrip('=')),
             '# .htpasswd', '# deploy:$apr1$%s$%s' % (rs(r, ALNUM, 8), rs(r, ALNUM + './', 22)), '# svc:{SHA}%s' % b64(rb(r, 20)),
             '# /etc/shadow excerpt', '# app:$6$%s$%s:19800:0:99999:7:::' % (rs(r, ALNUM, 16), rs(r, ALNUM + './', 86))]
    return 'users.yml', '\n'.join(lines) + '\n'


@neg('ansible_vault', 'ansible-vault encrypted vars file')
def ng_avault(r):
    body = rs(r, HEXL, 64 * r.randrange(14, 24))
    lines = ['$ANSIBLE_VAULT;1.1;AES256'] + [body[i:i + 80] for i in range(0, len(body), 80)]
    return 'vault.yml', '\n'.join(lines) + '\n'


@neg('sops_encrypted', 'SOPS-encrypted YAML (ENC[AES256_GCM,...]) with age recipients')
def ng_sops(r):
    enc = lambda n: 'ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]' % (b64(rb(r, n)), b64(rb(r, 32)), b64(rb(r, 16)))
    lines = ['stripe_secret_key: %s' % enc(40), 'db_password: %s' % enc(18), 'github_token: %s' % enc(30), 'sops:', '    kms: []',
             '    age:', '        - recipient: age1%s' % rs(r, BECH32, 58), '          enc: |', '            -----BEGIN AGE ENCRYPTED FILE-----',
             '            %s' % b64(rb(r, 48)), '            %s' % b64(rb(r, 48)), '            -----END AGE ENCRYPTED FILE-----',
             '    lastmodified: "2024-05-01T10:00:00Z"', '    mac: %s' % enc(32).replace('type:str', 'type:str'), '    version: 3.8.1']
    return 'secrets.enc.yaml', '\n'.join(lines) + '\n'


@neg('sealed_secret', 'Bitnami SealedSecret with encryptedData blobs')
def ng_sealed(r):
    lines = ['apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: %s-env' % svc(r), '  namespace: prod', 'spec:',
             '  encryptedData:']
    for k in ['STRIPE_SECRET_KEY', 'DATABASE_URL', 'SLACK_BOT_TOKEN']:
        lines.append('    %s: AgB%s' % (k, b64(rb(r, 380))))
    lines += ['  template:', '    metadata:', '      name: %s-env' % svc(r), '    type: Opaque']
    return 'sealed-secret.yaml', '\n'.join(lines) + '\n'


@neg('git_crypt_blob', 'git-crypt encrypted file (binary GITCRYPT header)')
def ng_gitcrypt(r):
    return 'secrets.env', b'\x00GITCRYPT\x00' + rb(r, 12) + rb(r, 400)


@neg('kms_ciphertext', 'Config holding KMS / Vault transit ciphertext blobs')
def ng_kms(r):
    lines = ['# values are encrypted with aws kms encrypt --key-id alias/app-config', 'database:',
             '  password_ciphertext: AQICAHh%s' % b64(rb(r, 150)), 'stripe:', '  secret_key_ciphertext: AQICAHh%s' % b64(rb(r, 180)),
             'vault_transit:', '  github_token: vault:v1:%s' % b64(rb(r, 70)), 'gcp_kms:', '  api_key: CiQA%s' % b64(rb(r, 90)),
             'decrypt:', '  provider: aws-kms', '  region: eu-west-1', '  cache_ttl: 300']
    return 'encrypted-config.yaml', '\n'.join(lines) + '\n'


@neg('public_keys_and_certs', 'authorized_keys, PUBLIC KEY / CERTIFICATE PEM and a public JWKS')
def ng_public(r):
    lines = [ssh_rsa_pub(r, 'jdoe@laptop'), ssh_ed_pub(r, 'deploy@ci'), '', rsa_public_pem(r), '', cert_pem(r), '',
             json.dumps({'keys': [{'kty': 'RSA', 'kid': rs(r, ALNUM, 16), 'use': 'sig', 'alg': 'RS256', 'n': b64u(b'\x00' + rb(r, 256)), 'e': 'AQAB'},
                                  {'kty': 'EC', 'crv': 'P-256', 'kid': rs(r, ALNUM, 16), 'x': b64u(rb(r, 32)), 'y': b64u(rb(r, 32))}]}, indent=2)]
    return 'public-material.txt', '\n'.join(lines) + '\n'


@neg('publishable_keys', 'Client config with publishable-by-design keys (Stripe pk_live, Mapbox pk., Firebase web config, Algolia search-only, PostHog phc_, Datadog RUM, Sentry DSN, Clerk pk_live)')
def ng_publishable(r):
    proj = '%s-%s' % (slug(r), rs(r, AN_L, 5))
    clerk = 'pk_live_' + b64s('clerk.%s.com$' % slug(r)).rstrip('=')
    lines = ['// public, browser-exposed configuration (safe to ship)', 'export const firebaseConfig = {',
             '  apiKey: "AIza%s",' % rs(r, ALNUM + '-_', 35), '  authDomain: "%s.firebaseapp.com",' % proj, '  projectId: "%s",' % proj,
             '  storageBucket: "%s.appspot.com",' % proj, '  messagingSenderId: "%d",' % r.randrange(10 ** 11, 10 ** 12),
             '  appId: "1:%d:web:%s",' % (r.randrange(10 ** 11, 10 ** 12), rs(r, HEXL, 22)), '};', '',
             'export const STRIPE_PUBLISHABLE_KEY = "pk_live_51%s";' % rs(r, ALNUM, 97),
             'export const MAPBOX_PUBLIC_TOKEN = "pk.%s.%s";' % (b64u(json.dumps({'u': slug(r), 'a': 'cl' + rs(r, AN_L, 23)}, separators=(',', ':')).encode()), rs(r, ALNUM + '-_', 22)),
             '// Algolia search-only API key (read only, restricted to the products index)',
             'export const ALGOLIA = { appId: "%s", searchOnlyApiKey: "%s" };' % (rs(r, AN_U, 10), rs(r, HEXL, 32)),
             'export const POSTHOG_PROJECT_KEY = "phc_%s";' % rs(r, ALNUM, 43),
             'export const DD_RUM = { clientToken: "pub%s", applicationId: "%s", site: "datadoghq.eu" };' % (rs(r, HEXL, 32), uuid4(r)),
             'export const SENTRY_DSN = "https://%s@o%d.ingest.sentry.io/%d";' % (rs(r, HEXL, 32), r.randrange(10 ** 5, 10 ** 7), r.randrange(10 ** 6, 10 ** 7)),
             'export const CLERK_PUBLISHABLE_KEY = "%s";' % clerk]
    return 'public-config.ts', '\n'.join(lines) + '\n'


@neg('wrong_checksum_tokens', 'Unit test with GitHub/npm-shaped tokens whose CRC32 checksum is wrong')
def ng_badcrc(r):
    lines = ['import pytest', 'from scanner.github import is_valid_token', '', 'INVALID = [']
    for p in ['ghp_', 'gho_', 'ghs_', 'npm_', 'ghu_']:
        lines.append('    "%s",  # checksum mismatch' % crc_token_bad(r, p))
    lines += [']', '', '', '@pytest.mark.parametrize("tok", INVALID)', 'def test_rejects_bad_checksum(tok):', '    assert not is_valid_token(tok)']
    return 'test_token_checksum.py', '\n'.join(lines) + '\n'


@neg('redacted_tokens', 'Logs and docs showing only redacted / masked tokens')
def ng_redacted(r):
    lines = ['2024-05-01T10:00:00Z INFO using token ghp_****%s' % rs(r, ALNUM, 4), '2024-05-01T10:00:01Z INFO openai key sk-...%s' % rs(r, ALNUM, 4),
             '2024-05-01T10:00:02Z INFO stripe key sk_live_••••••••%s' % rs(r, D, 4), '2024-05-01T10:00:03Z DEBUG Authorization: Bearer [REDACTED]',
             '2024-05-01T10:00:04Z DEBUG aws_access_key_id=AKIA************ aws_secret_access_key=****************************************',
             '2024-05-01T10:00:05Z INFO slack token xoxb-***-***-%s' % ('*' * 24), '2024-05-01T10:00:06Z INFO DATABASE_URL=postgres://app:*****@db.internal:5432/app',
             '2024-05-01T10:00:07Z INFO password=<redacted> user=admin', '2024-05-01T10:00:08Z INFO SENDGRID_API_KEY=SG.****.****',
             '2024-05-01T10:00:09Z INFO token fingerprint sha256:%s' % rs(r, HEXL, 16)]
    return 'redacted.log', '\n'.join(lines) + '\n'


@neg('log_random_ids', 'Application log with request ids, trace ids and session ids but no credentials')
def ng_logids(r):
    t = ts(r) % 10 ** 7
    lines = [noise_log(r, t + i * 7) for i in range(25)]
    lines += ['%s INFO [otel] span trace_id=%s span_id=%s parent=%s' % (log_ts(r, t + 999), rs(r, HEXL, 32), rs(r, HEXL, 16), rs(r, HEXL, 16)),
              '%s INFO [http] x-amzn-trace-id=Root=1-%s-%s' % (log_ts(r, t + 1000), rs(r, HEXL, 8), rs(r, HEXL, 24)),
              '%s INFO [job] idempotency-key=%s' % (log_ts(r, t + 1001), uuid4(r))]
    return 'service.log', '\n'.join(lines) + '\n'


@neg('cloud_resource_names', 'Inventory of ARNs, Azure resource ids, GCP project ids, OCIDs')
def ng_resources(r):
    acct = r.randrange(10 ** 11, 10 ** 12)
    lines = ['resources:', '  - arn:aws:iam::%d:role/%s-task-role' % (acct, svc(r)), '  - arn:aws:secretsmanager:us-east-1:%d:secret:prod/%s-%s' % (acct, svc(r), rs(r, ALNUM, 6)),
             '  - arn:aws:kms:eu-west-1:%d:key/%s' % (acct, uuid4(r)), '  - arn:aws:s3:::%s-prod-logs' % slug(r),
             '  - /subscriptions/%s/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv-%s' % (uuid4(r), slug(r)),
             '  - projects/%s-prod-%d/secrets/db-password/versions/3' % (slug(r), r.randrange(100000, 999999)),
             '  - ocid1.vault.oc1.iad.%s' % rs(r, AN_L, 60), '  - sg-0%s' % rs(r, HEXL, 16), '  - vpc-0%s' % rs(r, HEXL, 16),
             '  - i-0%s' % rs(r, HEXL, 16), '  - ami-0%s' % rs(r, HEXL, 16)]
    return 'inventory.yaml', '\n'.join(lines) + '\n'


@neg('crypto_test_vectors', 'Crypto test vectors and magic constants (hex)')
def ng_vectors(r):
    lines = ['/* SHA-256 / AES-128 known-answer tests (FIPS 180-4, SP 800-38A) */',
             'static const char *SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";',
             'static const char *SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";',
             'static const unsigned char AES_KEY[16] = {0x2b,0x7e,0x15,0x16,0x28,0xae,0xd2,0xa6,0xab,0xf7,0x15,0x88,0x09,0xcf,0x4f,0x3c};',
             'static const char *AES_CT = "3ad77bb40d7a3660a89ecaf32466ef97";', '#define FNV_OFFSET 0xcbf29ce484222325ULL', '#define FNV_PRIME 0x100000001b3ULL',
             '#define CRC32_POLY 0xEDB88320u', 'static const char *HMAC_RFC4231_TC1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";',
             'static const char *GOLDEN_RATIO = "9e3779b97f4a7c15f39cc0605cedc834";']
    return 'kat_vectors.c', '\n'.join(lines) + '\n'


@neg('ui_theme_colors', 'Tailwind / CSS theme with many hex colors')
def ng_colors(r):
    cols = ['#%s' % rs(r, HEXL, 6) for _ in range(24)]
    lines = ['module.exports = {', '  theme: {', '    extend: {', '      colors: {']
    for i, c in enumerate(cols[:12]):
        lines.append("        brand%d: '%s'," % (i * 100 + 50, c))
    lines += ['      },', '    },', '  },', '};', '', ':root {'] + ['  --color-%d: %s;' % (i, c) for i, c in enumerate(cols[12:])] + ['}']
    return 'tailwind.config.js', '\n'.join(lines) + '\n'


@neg('openapi_examples', 'OpenAPI spec with example/placeholder credential values')
def ng_openapi(r):
    lines = ['openapi: 3.0.3', 'info:', '  title: Payments API', '  version: "1.4.0"', 'components:', '  securitySchemes:', '    bearerAuth:',
             '      type: http', '      scheme: bearer', '      bearerFormat: JWT', '    apiKey:', '      type: apiKey', '      in: header', '      name: X-API-Key',
             '  schemas:', '    Credentials:', '      type: object', '      properties:', '        api_key:', '          type: string',
             '          example: "<your-api-key>"', '        client_secret:', '          type: string', '          format: password',
             '          example: "string"', '        token:', '          type: string', '          example: "YOUR_ACCESS_TOKEN"', 'paths:',
             '  /v1/charges:', '    get:', '      security: [{bearerAuth: []}]', '      parameters:', '        - in: header', '          name: Authorization',
             '          example: "Bearer {token}"', '      responses:', "        '200':", '          description: OK']
    return 'openapi.yaml', '\n'.join(lines) + '\n'


@neg('terraform_references', 'Terraform that only references secrets (var, data source, random_password)')
def ng_tfref(r):
    lines = ['variable "db_password" {', '  type      = string', '  sensitive = true', '}', '', 'data "aws_secretsmanager_secret_version" "stripe" {',
             '  secret_id = "prod/stripe"', '}', '', 'resource "random_password" "api" {', '  length  = 32', '  special = false', '}', '',
             'resource "aws_db_instance" "main" {', '  engine         = "postgres"', '  instance_class = "db.t4g.medium"', '  username       = "app"',
             '  password       = var.db_password', '}', '', 'locals {', '  stripe_key = jsondecode(data.aws_secretsmanager_secret_version.stripe.secret_string)["key"]',
             '  api_secret = random_password.api.result', '}']
    return 'main.tf', '\n'.join(lines) + '\n'


@neg('k8s_secret_refs', 'Deployment/ExternalSecret referencing secrets by name only')
def ng_k8sref(r):
    lines = ['apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: app-env', 'spec:', '  refreshInterval: 1h',
             '  secretStoreRef:', '    name: aws-secrets-manager', '    kind: ClusterSecretStore', '  target:', '    name: app-env', '  data:',
             '    - secretKey: STRIPE_SECRET_KEY', '      remoteRef:', '        key: prod/app', '        property: stripe_secret_key', '---',
             'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: app', 'spec:', '  template:', '    spec:', '      containers:',
             '        - name: app', '          env:', '            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:',
             '                  name: app-env', '                  key: DB_PASSWORD']
    return 'external-secret.yaml', '\n'.join(lines) + '\n'


@neg('checksums_file', 'SHA256SUMS release checksum file')
def ng_sums(r):
    lines = ['%s  %s' % (rs(r, HEXL, 64), n) for n in ['app_linux_amd64.tar.gz', 'app_linux_arm64.tar.gz', 'app_darwin_arm64.tar.gz',
                                                        'app_windows_amd64.zip', 'app_%s_checksums.txt.sig' % '1.9.0',
                                                        'app_freebsd_amd64.tar.gz', 'app_linux_386.tar.gz', 'app_linux_armv7.tar.gz',
                                                        'app_darwin_amd64.tar.gz', 'app.deb', 'app.rpm']]
    lines += ['%s  %s' % (rs(r, HEXL, 128), 'app-src-1.9.0.tar.xz')]
    return 'SHA256SUMS', '\n'.join(lines) + '\n'


@neg('jwt_in_test_expired', 'Test asserting rejection of the public jwt.io sample token')
def ng_jwt_test(r):
    lines = ['describe("auth middleware", () => {',
             '  // the canonical jwt.io example, signed with the documented key "your-256-bit-secret"',
             '  const SAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";',
             '  it("rejects tokens signed with a different key", async () => {', '    const res = await request(app).get("/me").set("Authorization", `Bearer ${SAMPLE}`);',
             '    expect(res.status).toBe(401);', '  });', '  it("rejects missing header", async () => {', '    expect((await request(app).get("/me")).status).toBe(401);',
             '  });', '});']
    return 'auth.test.ts', '\n'.join(lines) + '\n'


@neg('secrets_baseline', 'detect-secrets baseline with hashed_secret values')
def ng_baseline(r):
    res = {}
    for f in ['config/settings.py', 'tests/fixtures/env.txt', 'docs/setup.md']:
        res[f] = [{'type': r.choice(['Secret Keyword', 'Hex High Entropy String', 'Base64 High Entropy String']), 'filename': f,
                   'hashed_secret': rs(r, HEXL, 40), 'is_verified': False, 'line_number': r.randrange(1, 200)}]
    d = {'version': '1.5.0', 'plugins_used': [{'name': 'AWSKeyDetector'}, {'name': 'Base64HighEntropyString', 'limit': 4.5}],
         'filters_used': [{'path': 'detect_secrets.filters.allowlist.is_line_allowlisted'}], 'results': res, 'generated_at': '2024-05-01T10:00:00Z'}
    return '.secrets.baseline', json.dumps(d, indent=2) + '\n'


@neg('git_lfs_listing', 'git lfs ls-files -l output (sha256 object ids)')
def ng_lfs(r):
    lines = ['$ git lfs ls-files -l']
    for i in range(12):
        lines.append('%s %s %s' % (rs(r, HEXL, 64), r.choice(['*', '-']), r.choice(['models/', 'assets/', 'data/']) + '%s-%d.%s' % (
            r.choice(['encoder', 'hero', 'train', 'eval']), i, r.choice(['bin', 'png', 'parquet', 'onnx']))))
    return 'lfs-files.txt', '\n'.join(lines) + '\n'


@neg('ssh_known_hosts', 'Hashed known_hosts entries (public host keys)')
def ng_known(r):
    lines = []
    for _ in range(11):
        lines.append('|1|%s|%s %s' % (b64(rb(r, 20)), b64(rb(r, 20)), ssh_ed_pub(r, '').strip() if r.random() < 0.5 else ssh_rsa_pub(r, '').strip()))
    return 'known_hosts', '\n'.join(lines) + '\n'


@neg('webhook_signature_verify', 'Webhook handler verifying HMAC signatures (secret read from env)')
def ng_webhook(r):
    lines = ['import hmac, hashlib, os', '', 'SECRET = os.environ["WEBHOOK_SECRET"].encode()', '', '',
             'def verify(body: bytes, header: str) -> bool:', '    expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()',
             '    return hmac.compare_digest(expected, header)', '', '', 'def test_example_signature():',
             '    # fixture from the docs, computed with secret "It\'s a Secret to Everybody"',
             '    assert "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" != ""']
    return 'webhooks.py', '\n'.join(lines) + '\n'


@neg('random_looking_ids_config', 'Config with tracking ids, feature-flag ids and commit pins (no credentials)')
def ng_ids(r):
    lines = ['analytics:', '  ga_measurement_id: G-%s' % rs(r, AN_U, 10), '  gtm_container: GTM-%s' % rs(r, AN_U, 7),
             '  hotjar_site_id: %d' % r.randrange(10 ** 6, 10 ** 7), 'flags:', '  new_checkout: %s' % uuid4(r), '  dark_mode: %s' % uuid4(r),
             'build:', '  commit: %s' % rs(r, HEXL, 40), '  tree: %s' % rs(r, HEXL, 40), 'stripe:', '  account: acct_%s' % rs(r, ALNUM, 16),
             '  price_pro: price_%s' % rs(r, ALNUM, 24), '  product: prod_%s' % rs(r, ALNUM, 14)]
    return 'site.yaml', '\n'.join(lines) + '\n'


# ----------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------
GENERIC_KINDS = [k for k in KINDS if not k.special]


class Picker(object):
    def __init__(self, r):
        self.r = r
        self.queue = []

    def _refill(self):
        q = list(GENERIC_KINDS)
        self.r.shuffle(q)
        self.queue.extend(q)

    def pick(self, ok, budget, exclude):
        if len(self.queue) < 40:
            self._refill()
        for i, k in enumerate(self.queue[:60]):
            if k.kid in exclude:
                continue
            c = make_cred(self.r, k)
            if len(c.secrets) <= budget and all(ok(f) for f in c.fields):
                del self.queue[i]
                return c
        order = list(GENERIC_KINDS)
        self.r.shuffle(order)
        for _ in range(4):
            for k in order:
                if k.kid in exclude:
                    continue
                c = make_cred(self.r, k)
                if len(c.secrets) <= budget and all(ok(f) for f in c.fields):
                    return c
        return None


def line_of(text, idx):
    return text.count('\n', 0, idx) + 1


def find_all(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def label_file(relpath, text, o, template, positives, ignore):
    nsec = 0
    for c in o.creds:
        for f in c.fields:
            placed = o.placed.get(f.uid, [])
            lines = set()
            for p in placed:
                for i in find_all(text, p):
                    lines.add(line_of(text, i))
            if f.role == 'secret':
                if not lines:
                    raise AssertionError('%s: secret for %s not found in file' % (relpath, f.kind))
                alts = []
                for a in list(f.alts) + [p for p in placed if p != f.label]:
                    if a not in alts and a != f.label:
                        alts.append(a)
                for ln in sorted(lines):
                    positives.append({'path': relpath, 'line': ln, 'secret': f.label, 'provider': f.provider,
                                      'template': template, 'alts': alts, '_c': [f.label] + alts})
                nsec += 1
            elif len(f.value) >= 6:
                for ln in sorted(lines):
                    ignore.append({'path': relpath, 'line': ln, 'secret': f.value,
                                   'reason': 'identifier paired with %s secret (%s); not itself a secret' % (f.provider, f.key),
                                   '_c': [f.value] + placed})
    return nsec


def generate(out_dir, seed, npos, nneg):
    r = _random.Random(seed)
    corpus = os.path.join(out_dir, 'corpus')
    if os.path.exists(corpus):
        sys.exit('refusing: %s already exists' % corpus)
    os.makedirs(corpus)
    _ROT.clear()
    rotation = [('shape', s) for s in SHAPES] + [('special', s) for s in SPECIALS for _ in range(SPECIAL_WEIGHT.get(s[0], 1))]
    r.shuffle(rotation)
    negrot = list(NEGS)
    r.shuffle(negrot)
    jobs = ['P'] * npos + ['N'] * nneg
    r.shuffle(jobs)
    picker = Picker(r)
    positives, ignore, negatives = [], [], []
    pi = ni = 0
    used_dirs = set()
    for idx, job in enumerate(jobs):
        while True:
            d = '%04d-%s' % (idx, rs(r, AN_L, 6))
            if d not in used_dirs:
                used_dirs.add(d)
                break
        if job == 'P':
            typ, entry = rotation[pi % len(rotation)]
            pi += 1
            if typ == 'shape':
                name, fn, ok, maxsec = entry
                want = min(maxsec, r.choice([1, 1, 2, 2, 2, 3]))
                creds, budget, used = [], 3, set()
                while budget > 0 and len(creds) < want:
                    c = picker.pick(ok, budget, used)
                    if c is None:
                        break
                    creds.append(c)
                    used.add(c.kind.kid)
                    budget -= len(c.secrets)
                if not creds:
                    raise AssertionError('no compatible credential for shape %s' % name)
                o = Out(r, creds)
                fname, text = fn(o)
                template = fn.__name__
            else:
                name, fn = entry
                fname, text, o = fn(r)
                template = fn.__name__
            rel = '%s/%s' % (d, fname)
            n = label_file(rel, text, o, template, positives, ignore)
            if not 1 <= n <= 3:
                raise AssertionError('%s: %d secrets' % (rel, n))
        else:
            name, desc, fn = negrot[ni % len(negrot)]
            ni += 1
            fname, text = fn(r)
            rel = '%s/%s' % (d, fname)
            negatives.append({'path': rel, 'description': desc, 'template': fn.__name__})
        full = os.path.join(corpus, d, fname)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if isinstance(text, bytes):
            with open(full, 'wb') as fh:
                fh.write(text)
        else:
            with open(full, 'w', encoding='utf-8', newline='') as fh:
                fh.write(text)
    verify(corpus, positives, ignore, negatives)
    for e in positives + ignore:
        del e['_c']
    labels = {'seed': seed, 'positives': positives, 'ignore': ignore, 'negatives': negatives}
    with open(os.path.join(out_dir, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    return labels


def verify(corpus, positives, ignore, negatives):
    cache = {}

    def lines_of(p):
        if p not in cache:
            with open(os.path.join(corpus, p), 'rb') as fh:
                cache[p] = fh.read().decode('utf-8').split('\n')
        return cache[p]

    for e in positives + ignore:
        ls = lines_of(e['path'])
        assert 1 <= e['line'] <= len(ls), e
        cands = e['_c']
        assert any(c.split('\n')[0] in ls[e['line'] - 1] for c in cands if c), (e['path'], e['line'], e['secret'][:40])
    secrets = set(e['secret'] for e in positives)
    for n in negatives:
        with open(os.path.join(corpus, n['path']), 'rb') as fh:
            data = fh.read().decode('utf-8', 'replace')
        for s in secrets:
            assert s not in data, (n['path'], s[:30])
    binary = set(n['path'] for n in negatives if n['template'] == 'ng_gitcrypt')
    for p in (set(e['path'] for e in positives) | set(n['path'] for n in negatives)) - binary:
        try:
            k = len(lines_of(p)) - 1
        except UnicodeDecodeError:
            continue
        assert 10 <= k <= 200, (p, k)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out_dir', nargs='?')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--positives', type=int, default=250)
    ap.add_argument('--negatives', type=int, default=150)
    ap.add_argument('--list-kinds', action='store_true', help='print kinds, providers and documentation URLs, then exit')
    a = ap.parse_args(argv)
    if a.list_kinds:
        for k in KINDS:
            print('%-36s %-50s %s%s' % (k.kid, k.provider, k.doc, '  [format unconfirmed]' if k.unc else ''))
        print('%d kinds, %d generic shapes, %d special templates, %d negative templates' % (len(KINDS), len(SHAPES), len(SPECIALS), len(NEGS)))
        return
    if not a.out_dir:
        ap.error('OUT_DIR is required')
    labels = generate(a.out_dir, a.seed, a.positives, a.negatives)
    kinds = set(e['provider'] for e in labels['positives'])
    print('wrote %d positive files (%d secrets, %d kinds) and %d negative files to %s' % (
        len(set(e['path'] for e in labels['positives'])), len(labels['positives']), len(kinds), len(labels['negatives']), a.out_dir))


if __name__ == '__main__':
    main()
