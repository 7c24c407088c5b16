#!/usr/bin/env bash
# Proves the README's quick start on a fresh data folder: the service starts with demo data and
# prints a token that works, and the CLI creates tokens both while the service holds the embedded
# database (handed over to the service) and after it stopped (opening the folder itself).
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA_DIR="$(mktemp -d)/data"
PORT="${SMOKE_PORT:-39$(printf '%03d' $((RANDOM % 1000)))}"
LOG="$(mktemp)"
export DATA_DIR PORT
unset DATABASE_URL

# npm start runs the service as a child of npm and sh: it gets its own process group (setsid) so
# that stopping it stops the service itself, not only npm.
stop_service() { [ -n "${PID:-}" ] && kill -TERM -- "-$PID" 2>/dev/null; for _ in $(seq 1 30); do kill -0 -- "-$PID" 2>/dev/null || break; sleep 0.5; done; PID=; }
cleanup() { [ -n "${PID:-}" ] && kill -KILL -- "-$PID" 2>/dev/null || true; rm -rf "$(dirname "$DATA_DIR")"; }
trap cleanup EXIT

# npm run migrate on a fresh folder names the migrations it applied (then the service finds none pending).
npm run --silent migrate | grep -q 'Migrationen angewandt'

setsid npm start >"$LOG" 2>"$LOG.err" &
PID=$!
for _ in $(seq 1 90); do
  grep -q 'Demo-Token' "$LOG" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "service died:"; cat "$LOG" "$LOG.err"; exit 1; }
  sleep 1
done
TOKEN="$(grep -o 'smt_[A-Za-z0-9_-]*' "$LOG" | head -n 1)"
[ -n "$TOKEN" ] || { echo "no demo token printed"; cat "$LOG" "$LOG.err"; exit 1; }
# npm start built the bundle and started it, not the slower fallback (dist/src/main.js).
if grep -q 'ohne Bündel' "$LOG.err"; then echo "npm start did not start the bundle:"; cat "$LOG.err"; exit 1; fi

curl -fsS "http://127.0.0.1:$PORT/health" | grep -q '"database":"up"'
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/offices" | grep -q 'Sprockhövel'

# CLI while the service runs: the command is handed to the service.
REGIONAL="$(npm run --silent cli -- token create --role regional --office witten 2>/dev/null)"
[[ "$REGIONAL" =~ ^smt_[A-Za-z0-9_-]+$ ]] || { echo "CLI did not print a token alone: '$REGIONAL'"; exit 1; }
curl -fsS -H "Authorization: Bearer $REGIONAL" "http://127.0.0.1:$PORT/api/v1/offices/witten" >/dev/null
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $REGIONAL" "http://127.0.0.1:$PORT/api/v1/offices/hattingen")"
[ "$code" = 403 ] || { echo "regional token read another office: HTTP $code"; exit 1; }

# The audit CLI, handed to the running service: exit 0 without must violations, 1 with them.
npm run --silent cli -- audit --from 2026-11-01 --to 2026-11-30 --office witten >/dev/null
set +e
npm run --silent cli -- audit --from 2026-11-01 --to 2026-11-30 --office herdecke >"$LOG.audit"; rc=$?
set -e
[ "$rc" = 1 ] || { echo "audit CLI exit code $rc for a must violation"; cat "$LOG.audit"; exit 1; }
grep -q 'NICHT ERFÜLLT' "$LOG.audit"

# A second service on the same folder must refuse to start, clearly (also unbundled: dist/src/main.js
# stays a working entry).
if PORT=0 node dist/src/main.js >/dev/null 2>"$LOG.second"; then echo "second service started on the same data folder"; exit 1; fi
grep -q 'Datenordner' "$LOG.second"

# Demo surveys are there; a broken questionnaire stops the start and names file, item and field.
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/surveys/rounds" | grep -q 'Kundenbefragung am Empfang'
BROKEN="$(dirname "$DATA_DIR")/surveys"
mkdir -p "$BROKEN"
printf "id: kaputt\nversion: '1'\ntitle: K\naudience: staff\nintro: K\nscales:\n  z: { labels: [nein, ja] }\nfields:\n  - { id: f, title: F, items: [{ id: frage-eins, text: E, scale: fehlt }] }\n" >"$BROKEN/kaputt.yaml"
if SURVEYS_DIR="$BROKEN" PORT=0 node scripts/start-service.js >/dev/null 2>"$LOG.broken"; then echo "service started with a broken questionnaire"; exit 1; fi
grep -q 'Ein Fragebogen ist fehlerhaft, der Dienst startet nicht: .*kaputt.yaml: Frage „frage-eins“: scale' "$LOG.broken"

stop_service
[ ! -e "$DATA_DIR/.standards-monitor.lock" ] || { echo "the stopped service left its lock file"; exit 1; }
# npm start runs the bundle (scripts/start-service.js); the unbundled entry, its fallback, starts as well.
PORT=0 DEMO_DATA=false node dist/src/main.js >"$LOG.plain" 2>&1 &
PLAIN=$!
for _ in $(seq 1 60); do grep -q 'läuft' "$LOG.plain" && break; kill -0 "$PLAIN" 2>/dev/null || break; sleep 0.5; done
grep -q 'läuft' "$LOG.plain" || { echo "dist/src/main.js did not start:"; cat "$LOG.plain"; exit 1; }
kill -TERM "$PLAIN"; wait "$PLAIN" || true
# CLI with the service stopped: it opens the folder itself; data survived the restart.
COORD="$(npm run --silent cli -- token create --role coordination 2>/dev/null)"
[[ "$COORD" =~ ^smt_ ]] || { echo "CLI failed without the service"; exit 1; }
npm run --silent cli -- token list | grep -q 'witten'
npm run --silent cli -- audit --from 2026-11-01 --to 2026-11-30 --office witten --format json | grep -q '"trigger": "cli"'
echo "quick start smoke test passed"
