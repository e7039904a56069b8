#!/usr/bin/env bash
# Installs Debian packages for the project's test scripts (postgres.sh, browser-test.sh).
#
#   scripts/apt-install.sh [--no-install-recommends] PACKAGE...
#
# A fresh machine's package lists can be months old (the versions they name are gone from
# the mirror), and `apt-get update` exits non-zero when one configured source fails (unsigned,
# or its Release file missing) even though Debian's own lists were refreshed. So: try the
# install; on failure refresh the lists, report but tolerate a partial refresh, and try again,
# up to three rounds; wait for a dpkg lock held by another apt instead of failing on it. apt's own
# messages stay on stderr so that a failure says why.
set -euo pipefail
log() { echo "apt-install.sh: $*" >&2; }

[ "$#" -gt 0 ] || { log "usage: $0 [--no-install-recommends] PACKAGE..."; exit 2; }
command -v apt-get >/dev/null || { log "no apt-get on this machine to install $*"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
apt=($sudo apt-get -q -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)

for round in 1 2 3; do
    log "installing $* (round $round)"
    if "${apt[@]}" install -y "$@" >/dev/null; then
        exit 0
    fi
    log "apt-get install failed; refreshing the package lists"
    "${apt[@]}" update >/dev/null || log "apt-get update reported errors (see above); trying anyway"
    sleep $((round * 2))
done
log "could not install $* after three rounds"
exit 1
