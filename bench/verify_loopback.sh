#!/usr/bin/env bash
# Measures --verify end to end against a local HTTPS "provider" (python3 http.server + a
# throwaway CA made with the openssl CLI), through the documented test-only override.
# Usage: bench/verify_loopback.sh BUILD_DIR [DISTINCT_TOKENS] [COPIES_EACH]
set -euo pipefail
build=${1:?usage: verify_loopback.sh BUILD_DIR [DISTINCT] [COPIES]}
distinct=${2:-100}
copies=${3:-10}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj /CN=bench-ca -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=127.0.0.1 \
  -keyout "$work/srv.key" -out "$work/srv.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' >"$work/ext"
openssl x509 -req -in "$work/srv.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
  -CAcreateserial -days 1 -extfile "$work/ext" -out "$work/srv.pem" 2>/dev/null

cat >"$work/server.py" <<'PY'
import http.server, json, ssl, sys, threading
count = 0
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global count
        with lock:
            count += 1
        body = json.dumps({"ok": True, "user": {"login": "bench"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
    def do_POST(self):  # /count: report how many verification requests arrived
        body = str(count).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
srv.serve_forever()
PY
python3 "$work/server.py" "$work/srv.pem" "$work/srv.key" >"$work/port" &
server=$!
for _ in $(seq 50); do [[ -s "$work/port" ]] && break; sleep 0.1; done
port=$(cat "$work/port")

mkdir -p "$work/rules" "$work/src"
cat >"$work/rules/bench.yml" <<'YML'
rules:
  - id: bench-token
    name: Bench token
    provider: Bench
    pattern: '\b(bnch_[a-z0-9]{24})\b'
    keywords: [bnch_]
    entropy: 0
    confidence: high
    references: [https://bench.invalid/docs]
    revocation: Nothing to revoke (benchmark).
    examples:
      - input: 'T=bnch_abcdefghijklmnopqrstuvwx'
        secret: bnch_abcdefghijklmnopqrstuvwx
    verify:
      url: 'https://api.bench.invalid/me'
      headers: {Authorization: 'Bearer {{ secret }}'}
      verified: {status: 200, json: {ok: true}}
      identity: {login: user.login}
YML
python3 - "$work/src" "$distinct" "$copies" <<'PY'
import hashlib, sys
d, n, c = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for f in range(c):
    with open(f"{d}/f{f}.env", "w") as out:
        for i in range(n):
            out.write("T%d=bnch_%s\n" % (i, hashlib.sha256(str(i).encode()).hexdigest()[:24]))
PY
export SPRAWL_VERIFY_OVERRIDE="https://127.0.0.1:$port" SPRAWL_VERIFY_CA_FILE="$work/ca.pem"
for conc in 1 8; do
  start=$(date +%s.%N)
  "$build/sprawl" scan "$work/src" --no-config --rules "$work/rules" --verify \
    --verify-concurrency "$conc" -f json -q >/dev/null || true
  end=$(date +%s.%N)
  echo "concurrency $conc: $((distinct * copies)) findings, $distinct distinct secrets: $(echo "$end - $start" | bc) s"
done
echo "requests received by the provider (both runs): $(curl -s --cacert "$work/ca.pem" -X POST "https://127.0.0.1:$port/count")"
