#!/usr/bin/env bash
# Walks the API Reference page's curl examples against a fresh local server, from
# the magic link to /ledger/verify, and recomputes the receipt hash with orjson
# (an independent canonicaliser). Usage: scripts/seed-walkthrough.sh [SERVER_BINARY]
set -euo pipefail

SERVER=${1:-target/debug/defendable-server}
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$SERVER" serve --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
cleanup() { kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$BASE/healthz" >/dev/null || { cat "$WORK/server.log"; exit 1; }

# json FILTER: reads JSON on stdin, prints a Python expression over it (`d`).
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

EMAIL="dev@""example.com"
LINK=$(curl -fsS -X POST "$BASE/auth/request" -H "Content-Type: application/json" -d "{\"email\":\"$EMAIL\"}" | json 'd["dev_link"]')
TOKEN=${LINK#*token=}
JWT=$(curl -fsS -X POST "$BASE/auth/verify" -H "Content-Type: application/json" -d "{\"token\":\"$TOKEN\"}" | json 'd["access_token"]')
curl -fsS "$BASE/auth/me" -H "Authorization: Bearer $JWT" | json 'd["email"]' | grep -q example.com || fail "auth/me"

PROJECT=$(curl -fsS -X POST "$BASE/projects" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" -d '{"name":"my product"}' | json 'd["id"]')
curl -fsS "$BASE/projects" -H "Authorization: Bearer $JWT" | json 'len(d["projects"])' | grep -qx 1 || fail "projects"

SHEET=$(curl -fsS "$BASE/flight-sheets" -H "Authorization: Bearer $JWT" |
  json 'next(f["id"] for f in d["flight_sheets"] if not f["deterministic"] and any(r["kind"]=="checklist" for r in f["audit_checks"]))')
RUN_ID=$(curl -fsS -X POST "$BASE/runs" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" \
  -d "{\"project_id\":\"$PROJECT\", \"flight_sheet_id\":\"$SHEET\", \"title\":\"Q2 deal\"}" | json 'd["id"]')

curl -fsS -X POST "$BASE/runs/$RUN_ID/evidence" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" \
  -d '{"kind":"note","label":"deal terms","content":"Loan 8.625M..."}' >/dev/null
printf 'Property memo: NOI 1.2M, value 14M. Zürich office.\n' >"$WORK/memo.pdf"
UPLOADED=$(curl -fsS -X POST "$BASE/runs/$RUN_ID/evidence/upload" -H "Authorization: Bearer $JWT" \
  -F "file=@$WORK/memo.pdf" -F "label=property memo" | json 'd["sha256"]')
[ "$UPLOADED" = "$(sha256sum "$WORK/memo.pdf" | cut -d' ' -f1)" ] || fail "upload hash"

# The agent output names every expected section and cites its sources.
curl -fsS "$BASE/flight-sheets/$SHEET" -H "Authorization: Bearer $JWT" | python3 -c '
import json, sys
sheet = json.load(sys.stdin)
text = "\n\n".join(f"## {s}\nPer the provided rent roll (page 2), 1.32x DSCR and 64% LTV [source: exhibit A]." for s in sheet["expected_outputs"])
text += "\n\n" + "Supporting analysis with figures 1, 2 and 3, according to the cited exhibits. " * 5
print(json.dumps({"output_text": text, "agent_name": "memo-agent", "model_name": "model-1", "provider": "local"}))
' >"$WORK/agent-output.json"
curl -fsS -X POST "$BASE/runs/$RUN_ID/submission" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" \
  -d @"$WORK/agent-output.json" >/dev/null

AUDIT=$(curl -fsS -X POST "$BASE/runs/$RUN_ID/audit" -H "Authorization: Bearer $JWT")
for CHECK_ID in $(echo "$AUDIT" | json '" ".join(c["id"] for c in d["checks"] if c["status"]=="open")'); do
  curl -fsS -X PATCH "$BASE/runs/$RUN_ID/checks/$CHECK_ID" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" \
    -d '{"status":"pass"}' >/dev/null
done
curl -fsS -X POST "$BASE/runs/$RUN_ID/findings" -H "Authorization: Bearer $JWT" | json 'd["outcome"]' | grep -Eqx 'pass|risk|fail' || fail "findings"
curl -fsS "$BASE/runs/$RUN_ID/flags" -H "Authorization: Bearer $JWT" | json '[{k: f[k] for k in ("key","severity","detail")} for f in d["flags"]]' >/dev/null

curl -fsS -X POST "$BASE/runs/$RUN_ID/approve" -H "Authorization: Bearer $JWT" -H "Content-Type: application/json" \
  -d '{"decision":"approved","note":"ship it"}' | json 'd["decision"]' | grep -qx approved || fail "approve"
RECEIPT=$(curl -fsS -X POST "$BASE/runs/$RUN_ID/receipt" -H "Authorization: Bearer $JWT")
SHARE=$(echo "$RECEIPT" | json 'd["share_token"]')
SHA=$(echo "$RECEIPT" | json 'd["receipt_sha256"]')

curl -fsS "$BASE/share/$SHARE" >"$WORK/public.json"
python3 - "$WORK/public.json" "$SHA" <<'PY'
import hashlib, json, sys
import orjson
public = json.load(open(sys.argv[1]))
payload = dict(public["payload"])
payload.pop("receipt_sha256", None)
digest = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
assert digest == sys.argv[2] == public["receipt_sha256"], (digest, sys.argv[2])
assert public["verified"] is True
print(f"receipt {public['receipt_id']} recomputed with orjson: {digest}")
PY
curl -fsS "$BASE/share/$SHARE/pdf" -o "$WORK/receipt.pdf"
pdftotext -layout "$WORK/receipt.pdf" - | grep -q "$SHA" || fail "PDF does not show the hash"
curl -fsS "$BASE/ledger" -H "Authorization: Bearer $JWT" | json 'len(d["entries"])' | grep -qx 1 || fail "ledger"
curl -fsS "$BASE/ledger/verify" -H "Authorization: Bearer $JWT" | json 'd["ok"]' | grep -qx True || fail "ledger verify"
echo "seed walkthrough: ok"
