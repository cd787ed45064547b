#!/usr/bin/env bash
# ingest-check.sh [N] [DB]: the never-lose, never-double check on real wire
# stories. Takes the first N (default 3000) Reuters-21578 stories from
# ../shared (their datelines are put back in front of the text by the JSON
# Lines reader), starts `dateline ingest`, kills it with SIGKILL part-way,
# runs it again and expects exactly N documents, then a third time and
# expects nothing added. DB defaults to a temporary SQLite file; give a
# postgres:// URL to check PostgreSQL (its tables are dropped first).
# Prints the throughput of each run. DATELINE_BIN names a built binary to
# use instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${2:-$work/events.db}
corpus=../shared/corpora/reuters21578/reuters21578.jsonl.gz
[ -f "$corpus" ] || { echo "ingest-check: $corpus is absent: skipping"; exit 0; }

if [ -n "${DATELINE_BIN:-}" ]; then
	cp "$DATELINE_BIN" "$work/dateline"
else
	go build -o "$work/dateline" ./cmd/dateline
fi
(zcat "$corpus" || true) | head -n "$n" >"$work/reuters.jsonl"
case "$db" in
postgres://* | postgresql://*)
	psql "$db" -qc 'DROP TABLE IF EXISTS events, quotes, timexes, entity_mentions, entities, documents, schema_migrations CASCADE' ;;
*) rm -f "$db" "$db-wal" "$db-shm" ;;
esac
docs() { "$work/dateline" stats --db "$db" --json | sed -n 's/^ *"documents": \([0-9]*\),*$/\1/p'; }

"$work/dateline" ingest -q --db "$db" "$work/reuters.jsonl" >"$work/run1.txt" 2>&1 &
pid=$!
target=$((n / 3))
for _ in $(seq 1 600); do
	sleep 0.2
	got=$(docs 2>/dev/null || echo 0)
	[ "${got:-0}" -ge "$target" ] && break
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
before=$(docs)
echo "run 1: killed with SIGKILL at $before of $n documents"
[ "$before" -lt "$n" ] || { echo "ingest-check: run 1 finished before the kill"; exit 1; }

"$work/dateline" ingest -q --db "$db" "$work/reuters.jsonl" | tee "$work/run2.txt"
after=$(docs)
echo "run 2: $after documents"
[ "$after" = "$n" ] || { echo "ingest-check: FAIL: want exactly $n documents, have $after"; exit 1; }

"$work/dateline" ingest -q --db "$db" "$work/reuters.jsonl" | tee "$work/run3.txt"
grep -q ": 0 added," "$work/run3.txt" || { echo "ingest-check: FAIL: run 3 added documents"; exit 1; }
[ "$(docs)" = "$n" ] || { echo "ingest-check: FAIL: run 3 changed the count"; exit 1; }
echo "ingest-check: OK: killed at $before, resumed to exactly $n documents, a third run added none"
