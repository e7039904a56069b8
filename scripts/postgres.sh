#!/usr/bin/env bash
# Installs PostgreSQL from Debian if needed, starts a cluster on loopback, creates the test role
# and database, and prints the connection URL. Idempotent; run as root (CI and these machines).
#   scripts/postgres.sh            -> postgres://venous_cds:venous_cds@127.0.0.1:<port>/venous_cds_test
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }
# The client packages bring pg_ctlcluster too, so look for the server binary itself.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing the postgresql server (Debian)"
    "$(dirname "$0")/apt-install.sh" postgresql
fi
version=$(ls -d /usr/lib/postgresql/*/bin/postgres | awk -F/ '{print $5}' | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
    log "starting cluster $version/main"
    pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.2
done
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c \
    "DO \$\$ BEGIN CREATE ROLE venous_cds LOGIN PASSWORD 'venous_cds'; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;" >/dev/null
if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'venous_cds_test'" | grep -q 1; then
    as_postgres createdb -p "$port" -O venous_cds venous_cds_test >&2
fi
echo "postgres://venous_cds:venous_cds@127.0.0.1:${port}/venous_cds_test"
