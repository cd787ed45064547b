#!/usr/bin/env bash
# scale-check.sh [N]: the figures of docs/scale.md, in one run. Takes the
# first N (default 3000) Reuters-21578 stories from ../shared and measures,
# with the real pipeline and PostgreSQL (.ci/postgres.sh):
#   1. plain `dateline ingest -j 1` and `-j 2` into a new database;
#   2. `dateline ingest --queue` publishing them to NATS JetStream;
#   3. one `dateline worker -j 1`, then two, each over the full queue into
#      a new database, timed from their start to the last acknowledgement.
# Every time is wall clock from the command's start (pipeline loading
# included), printed with the CPU time (user+system) the dateline processes
# and the NATS server used, and with the load average: on a shared
# machine the CPU time per article is the steadier figure. NATS_SERVER names a nats-server binary; without it the script
# builds one from the Go module (github.com/nats-io/nats-server/v2).
# DATELINE_BIN names a built dateline binary to use.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
work=$(mktemp -d)
corpus=../shared/corpora/reuters21578/reuters21578.jsonl.gz
[ -f "$corpus" ] || { echo "scale-check: $corpus is absent: skipping"; exit 0; }
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${DATELINE_BIN:-}" ]; then
	cp "$DATELINE_BIN" "$work/dateline"
else
	go build -o "$work/dateline" ./cmd/dateline
fi
dl=$work/dateline
nats=${NATS_SERVER:-}
if [ -z "$nats" ]; then
	GOBIN=$work go install github.com/nats-io/nats-server/v2@v2.15.3
	nats=$work/nats-server
fi
eval "$(bash .ci/postgres.sh)"
pg=${DATELINE_TEST_POSTGRES%%\?*}
pg=${pg%/*}
(zcat "$corpus" || true) | head -n "$n" >"$work/reuters.jsonl"

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
freshdb() { # freshdb NAME: an empty database, its URL on stdout
	psql "$pg/postgres?sslmode=disable" -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
	echo "$pg/$1?sslmode=disable"
}
docs() { "$dl" stats --db "$1" --json | sed -n 's/^ *"documents": \([0-9]*\),*$/\1/p'; }
cpu() { # cpu PID...: user+system seconds the processes used so far
	local t=0
	for p in "$@"; do
		t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
	done
	echo "$t / $(getconf CLK_TCK)" | bc -l
}
report() { # report WHAT WALL_SECONDS CPU_SECONDS [NATS_CPU_SECONDS]
	printf '%-30s %6.1f s %6.1f articles/s | CPU %6.1f s, %5.2f ms/article' "$1" "$2" "$(echo "$n / $2" | bc -l)" "$3" "$(echo "1000 * $3 / $n" | bc -l)"
	[ -n "${4:-}" ] && printf ', nats-server %4.2f ms/article' "$(echo "1000 * $4 / $n" | bc -l)"
	printf ' (load %s)\n' "$(load)"
}

echo "== $n Reuters stories, $(nproc) cores"
for j in 1 2; do
	db=$(freshdb dateline_scale_ingest)
	/usr/bin/time -f '%e %U %S' -o "$work/time" "$dl" ingest -q -j "$j" --db "$db" "$work/reuters.jsonl" >"$work/ingest$j.txt"
	read -r wall user sys <"$work/time"
	report "ingest -j $j (no queue)" "$wall" "$(echo "$user + $sys" | bc -l)"
	[ "$(docs "$db")" = "$n" ] || { echo "scale-check: ingest stored $(docs "$db") documents"; exit 1; }
done

for workers in 1 2; do
	rm -rf "$work/js"
	"$nats" -js -a 127.0.0.1 -p 42229 -sd "$work/js" >"$work/nats.log" 2>&1 &
	natspid=$!
	pids+=("$natspid")
	q=nats://127.0.0.1:42229
	for _ in $(seq 1 50); do "$dl" stats --queue "$q" >/dev/null 2>&1 && break; sleep 0.1; done
	natscpu=$(cpu "$natspid")
	/usr/bin/time -f '%e %U %S' -o "$work/time" "$dl" ingest -q --queue "$q" "$work/reuters.jsonl" >"$work/publish.txt"
	read -r wall user sys <"$work/time"
	[ "$workers" = 1 ] && report "ingest --queue (publish only)" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$(cpu "$natspid") - $natscpu" | bc -l)"
	natscpu=$(cpu "$natspid")
	db=$(freshdb dateline_scale_workers)
	t=$(now)
	wp=()
	for i in $(seq 1 "$workers"); do
		metrics=()
		[ "$workers" = 1 ] && metrics=(--metrics 127.0.0.1:42230)
		"$dl" worker -q -j 1 "${metrics[@]}" --queue "$q" --db "$db" >"$work/worker$i.txt" 2>&1 &
		wp+=($!)
		pids+=($!)
	done
	while :; do
		done_=$("$dl" stats --queue "$q" --json | sed -n 's/^ *"done": \([0-9]*\),*$/\1/p')
		[ "${done_:-0}" -ge "$n" ] && break
		sleep 0.2
	done
	report "$workers worker(s) -j 1 (queue)" "$(since "$t")" "$(cpu "${wp[@]}")" "$(echo "$(cpu "$natspid") - $natscpu" | bc -l)"
	if [ "$workers" = 1 ]; then
		# Mean time per article in each stage and per stored batch, from
		# the worker's Prometheus metrics.
		curl -fsS http://127.0.0.1:42230/metrics | awk '
			/^dateline_worker_stage_seconds_sum/ { match($0, /stage="[a-z]+"/); s = substr($0, RSTART + 7, RLENGTH - 8); sum[s] = $2 }
			/^dateline_worker_stage_seconds_count/ { match($0, /stage="[a-z]+"/); s = substr($0, RSTART + 7, RLENGTH - 8); cnt[s] = $2 }
			/^dateline_worker_store_seconds_sum/ { ss = $2 } /^dateline_worker_store_seconds_count/ { sc = $2 }
			END {
				printf "  stage means (ms/article):"; for (s in sum) if (cnt[s] > 0) printf " %s %.2f", s, 1000 * sum[s] / cnt[s]; printf "\n"
				if (sc > 0) printf "  stored batch (up to 16 documents): %.1f ms per transaction\n", 1000 * ss / sc
			}'
	fi
	kill -TERM "${wp[@]}"
	wait "${wp[@]}" || true
	[ "$(docs "$db")" = "$n" ] || { echo "scale-check: workers stored $(docs "$db") documents"; exit 1; }
	kill "$natspid"
	wait "$natspid" 2>/dev/null || true
done
echo "scale-check: OK"
