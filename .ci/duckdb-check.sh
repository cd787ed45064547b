#!/usr/bin/env bash
# duckdb-check.sh checks that `dateline export --format parquet` writes a
# file DuckDB opens with the right row count. It builds the binary, ingests
# a small corpus (the founding article and 300 Reuters stories from
# ../shared when present, else generated stories), exports Parquet and CSV,
# and has DuckDB (npm package @duckdb/node-api, installed into
# $DATELINE_DUCKDB_DIR, default /tmp/dateline-duckdb) count the rows.
# When the pipeline codes no event yet, the rows are counted all the same
# (zero) and the check says so.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
nodedir=${DATELINE_DUCKDB_DIR:-/tmp/dateline-duckdb}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$nodedir"
if [ ! -d "$nodedir/node_modules/@duckdb/node-api" ]; then
	[ -f "$nodedir/package.json" ] || echo '{"name":"dateline-duckdb-check","private":true}' >"$nodedir/package.json"
	(cd "$nodedir" && npm install --no-audit --no-fund @duckdb/node-api@1.5.6-r.1 >&2)
fi

go build -o "$work/dateline" ./cmd/dateline
mkdir -p "$work/in"
shared=$(cd .. && pwd)/shared
if [ -f "$shared/gold/seed/article.txt" ]; then
	cp "$shared/gold/seed/article.txt" "$work/in/seed.txt"
	(zcat "$shared/corpora/reuters21578/reuters21578.jsonl.gz" || true) | head -n 300 >"$work/in/reuters.jsonl"
else
	for i in $(seq 1 50); do
		echo "WASHINGTON, May $((i % 28 + 1)) - The United States criticised Russia on Monday, officials said in story $i." >"$work/in/s$i.txt"
	done
fi
"$work/dateline" ingest -q --db "$work/events.db" "$work/in" >&2
events=$("$work/dateline" stats --db "$work/events.db" --json | sed -n 's/^ *"events": \([0-9]*\),*$/\1/p')
"$work/dateline" export --db "$work/events.db" --format parquet -o "$work/events.parquet"
"$work/dateline" export --db "$work/events.db" --format csv -o "$work/events.csv"
csvrows=$(($(node -e 'const fs=require("fs");let n=0,q=false;for(const c of fs.readFileSync(process.argv[1],"utf8")){if(c==="\"")q=!q;else if(c==="\n"&&!q)n++}console.log(n)' "$work/events.csv") - 1))
if [ "$csvrows" != "$events" ]; then
	echo "duckdb-check: CSV has $csvrows rows but the store holds $events events" >&2
	exit 1
fi
[ "$events" = 0 ] && echo "duckdb-check: note: the pipeline coded no events in this corpus" >&2
cp "$root/.ci/duckdb-check.mjs" "$nodedir/check.mjs"
node "$nodedir/check.mjs" "$work/events.parquet" "$events"
# A file with known events, whatever the pipeline codes today: 40 sample
# documents with two events each.
go test ./export -count=1 -run '^TestParquet$' -args -parquet-out="$work/sample.parquet" >&2
node "$nodedir/check.mjs" "$work/sample.parquet" 80
