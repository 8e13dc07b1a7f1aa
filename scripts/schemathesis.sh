#!/usr/bin/env bash
# Fuzzes a live server against its own openapi.json with schemathesis (PyPI):
# every published operation, signed in, a bounded number of examples each;
# fails on any 5xx answer or any response that does not match the document.
#
#   scripts/schemathesis.sh [SERVER_BINARY] [EXAMPLES_PER_OPERATION]
#
# One worker: with several, the fuzzer itself (hypothesis describing its
# strategies from several threads) sometimes fails with a runtime error.
#
# SERVER_BINARY defaults to target/debug/defendable-server (built if missing);
# EXAMPLES_PER_OPERATION defaults to 25. The server gets a fresh data directory
# and SQLite, or DATABASE_URL when it is set. Reports land in
# target/schemathesis-report (JUnit XML); the summary says how many operations
# and cases ran and how many failed.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${1:-target/debug/defendable-server}"
EXAMPLES="${2:-25}"
VENV=target/schemathesis-venv
SCHEMATHESIS_VERSION=4.32.5

if [ ! -x "$BIN" ]; then
  cargo build -p defendable-server --locked
fi
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

DATA="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
# Fuzzing sends far more than a person would: rate limits off, operator, runner
# and Stripe routes configured (so "not configured" 503s are not what is tested;
# no membership here is approved, so Stripe itself is never called).
RATE_LIMIT_AUTH_PER_EMAIL=0 RATE_LIMIT_AUTH_PER_ADDRESS=0 RATE_LIMIT_VERIFY_PER_ADDRESS=0 \
RATE_LIMIT_MINT_PER_ORG=0 RATE_LIMIT_LOG_PER_ADDRESS=0 INTERNAL_API_KEY="fuzz-operator-key-0123456789abcdef" \
RUNNER_TOKEN="fuzz-runner-token-0123456789abcdef0123" \
STRIPE_API_KEY="sk_test_fuzz" STRIPE_PRICE_ID="price_fuzz" STRIPE_WEBHOOK_SECRET="whsec_fuzz" \
STRIPE_API_BASE="http://127.0.0.1:9" \
  "$BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$DATA" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
sign_in() {
  local link token
  link="$(curl -fsS -X POST "$BASE/auth/request" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\"}" | json_field "['dev_link']")"
  token="${link##*token=}"
  curl -fsS -X POST "$BASE/auth/verify" -H 'Content-Type: application/json' \
    -d "{\"token\": \"$token\"}" | json_field "['access_token']"
}
AT="@"
JWT="$(sign_in "fuzz${AT}schemathesis.example")"
# Something to find: a project and a run.
PROJECT="$(curl -fsS -X POST "$BASE/projects" -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' -d '{"name": "fuzz"}' | json_field "['id']")"
curl -fsS -X POST "$BASE/runs" -H "Authorization: Bearer $JWT" -H 'Content-Type: application/json' \
  -d "{\"project_id\": \"$PROJECT\", \"title\": \"fuzz\"}" >/dev/null

REPORT=target/schemathesis-report
mkdir -p "$REPORT"
run() {
  local name="$1" token="$2"
  shift 2
  echo "== schemathesis: $name"
  # Run from target/ so the fuzzer's own cache stays out of the work tree.
  (cd target && "../$VENV/bin/schemathesis" run "$BASE/openapi.json" \
    --header "Authorization: Bearer $token" \
    --header "X-Internal-Key: fuzz-operator-key-0123456789abcdef" \
    --checks not_a_server_error,response_schema_conformance \
    --max-examples "$EXAMPLES" --seed 20261125 --workers 1 \
    --suppress-health-check all --request-timeout 30 \
    --generation-database none \
    --report junit --report-junit-path "../$REPORT/$name.xml" \
    "$@")
}
status=0
# Signing out revokes the token, so that operation runs last with its own token.
run operations "$JWT" --exclude-path /auth/logout || status=1
run logout "$(sign_in "out${AT}schemathesis.example")" --include-path /auth/logout || status=1
if [ "$status" -ne 0 ]; then
  echo "server log tail:"; tail -n 40 "$DATA/server.log"
fi
exit "$status"
