#!/usr/bin/env bash
# Builds the fixture of test/migration-upgrade.e2e-spec.ts: the demo loaded by an older commit of the
# service into a fresh PostgreSQL database, plus the records the demo of that commit does not make
# (a programme's quality objective and the organisation's), dumped as plain SQL and gzipped.
#
#   bash scripts/make-upgrade-fixture.sh COMMIT
#
# COMMIT must be one of this repository's commits; the fixture is named after its latest migration
# (test/fixtures/upgrade/demo-<timestamp>.sql.gz). Needs PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust auth), pg_dump and this worktree's node_modules (the older commit is built with them: its
# package-lock.json must not differ). Takes a few minutes, most of it building the older service.
set -euo pipefail
commit="${1:?usage: make-upgrade-fixture.sh COMMIT}"
root="$(cd "$(dirname "$0")/.." && pwd)"
server="${UPGRADE_FIXTURE_SERVER:-postgres://postgres@127.0.0.1:5432}"
db="qms_upgrade_fixture_$$"
work="$(mktemp -d)"
port=39217
secret='test-secret-that-is-at-least-32-characters-long' # TEST_JWT_SECRET of test/support/test-app.ts
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! git -C "$root" diff --quiet "$commit" HEAD -- package-lock.json; then
  echo "package-lock.json differs between $commit and HEAD: run npm ci in a checkout of $commit instead" >&2
  exit 1
fi
git -C "$root" archive "$commit" | tar -x -C "$work"
ln -s "$root/node_modules" "$work/node_modules"
latest="$(ls "$work/migrations" | grep -E '^[0-9]+-' | sort | tail -1 | cut -d- -f1)"
echo "== building $commit (latest migration $latest)"
(cd "$work" && npm run build:server --silent)

psql -q "$server/postgres" -c "CREATE DATABASE $db"
export DATABASE_URL="$server/$db" JWT_SECRET="$secret" DATA_DIR="$work/data" LOG_LEVEL=warn
echo "== loading the demo"
(cd "$work" && node dist/src/cli/main.js demo --out "$work/demo.pdf" >/dev/null)

echo "== records the demo of $commit does not make"
(cd "$work" && PORT=$port PROCEDURES_IMPORT_ON_START=false DEVIATION_SCAN_INTERVAL_MINUTES=0 WEB_DIR="$work/none" node dist/src/main.js >/dev/null 2>&1) &
pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
api() { curl -sf -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} "$@"; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(eval("JSON.parse(s)"+process.argv[1])))' "$1"; }
token="$(api -X POST "http://127.0.0.1:$port/api/auth/login" \
  -d '{"email":"karin.lindqvist@mentorskap.example.org","password":"Mentorskap-demo-2026"}' | json .accessToken)"
programme="$(api "http://127.0.0.1:$port/api/programmes" | json "[0].id")"
api -X POST "http://127.0.0.1:$port/api/quality-objectives" \
  -d "{\"programmeId\":\"$programme\",\"indicator\":\"completion_rate\",\"comparator\":\">=\",\"target\":0.8,\"title\":\"Four in five adepts complete the programme\"}" >/dev/null
api -X POST "http://127.0.0.1:$port/api/quality-objectives" \
  -d '{"indicator":"open_deviations","comparator":"<=","target":5,"title":"At most five open deviations"}' >/dev/null
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=""

mkdir -p "$root/test/fixtures/upgrade"
out="$root/test/fixtures/upgrade/demo-$latest.sql.gz"
# Plain SQL with multi-row INSERTs (run by the test through the pg driver, no psql); pg_dump's
# \restrict lines are psql commands, left out.
pg_dump "$DATABASE_URL" --no-owner --no-privileges --inserts --rows-per-insert=100 |
  grep -v -E '^\\(un)?restrict ' | gzip -9 -n >"$out"
echo "== wrote $out ($(wc -c <"$out") bytes)"
