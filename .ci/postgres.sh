#!/usr/bin/env bash
# postgres.sh installs PostgreSQL from Debian's packages when it is absent,
# starts a private server on loopback (its own data folder and port, so it
# never touches a system cluster), creates the test database and prints the
# line to evaluate:
#
#   eval "$(bash .ci/postgres.sh)"   # sets DATELINE_TEST_POSTGRES
#
# Environment: DATELINE_PG_DIR (data folder, default /tmp/dateline-pg),
# DATELINE_PG_PORT (default 54329). Running it again reuses a running server.
set -euo pipefail

dir=${DATELINE_PG_DIR:-/tmp/dateline-pg}
port=${DATELINE_PG_PORT:-54329}
db=dateline_test

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
	echo "postgres.sh: installing postgresql from Debian's packages" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2
	apt-get install -y postgresql >&2
	bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# The server refuses to run as root: run it as the postgres user when we are root.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir" 2>/dev/null || true
if [ ! -f "$dir/data/PG_VERSION" ]; then
	as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >&2
fi
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >&2
fi
if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
	as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
fi
echo "export DATELINE_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/$db?sslmode=disable'"
