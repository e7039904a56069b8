#!/usr/bin/env bash
# The release build of venous-cds: exactly the steps deploy/Dockerfile runs, runnable natively
# (CI, a developer's machine) so that the Dockerfile's commands are exercised without a Docker
# engine.
#
#   scripts/build-release.sh [--out DIR] [--no-smoke]    build, strip, smoke-test; binary in DIR
#                                                        (default target/dist)
#   scripts/build-release.sh --deps-only                 the Dockerfile's dependency layer: with
#                                                        only Cargo.toml and Cargo.lock present,
#                                                        build every dependency on stub sources
#
# Stages (each prints its wall time):
#   1. cargo build --release --locked --bin venous-cds
#   2. copy to DIR and strip (the release profile already strips symbols; this is a guard),
#      print the stripped size and check the shared libraries are those of a glibc "cc"
#      runtime image (libc, libm, libgcc_s) and the newest glibc symbol it needs
#   3. smoke test (unless --no-smoke): `--version`; `validate` from an empty folder (hooks,
#      value sets, texts and migrations are embedded in the binary); `serve` as the image's
#      numeric user 65532 (when run as root) from a folder it cannot write, with the SQLite
#      store under a scratch folder (as on the pod's volume): ready, live, idle RSS, then
#      SIGTERM and a clean exit within the shutdown timeout.
#
# Needs: cargo, strip (binutils), ldd; bash's /dev/tcp for the HTTP checks (no curl needed,
# the Rust build image has none).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dist
smoke=1
deps_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --no-smoke) smoke=0; shift ;;
        --deps-only) deps_only=1; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "build-release.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

stage() {
    local name="$1"
    shift
    local started
    started=$(date +%s)
    echo "::: build-release ${name}"
    "$@"
    echo "::: build-release ${name}: $(( $(date +%s) - started )) s"
}

# --- the Dockerfile's dependency layer ----------------------------------------------------
if [ "$deps_only" = 1 ]; then
    if [ -e src/main.rs ] || [ -e src/lib.rs ]; then
        echo "build-release.sh --deps-only: sources are present; this mode is for the Dockerfile's" \
             "dependency layer (only Cargo.toml and Cargo.lock copied)" >&2
        exit 2
    fi
    deps() {
        mkdir -p src benches
        echo 'fn main() {}' > src/main.rs
        : > src/lib.rs
        echo 'fn main() {}' > benches/pipeline.rs
        cargo build --release --locked --bin venous-cds
        # Forget the stub crate so the real sources (copied later, with older mtimes) rebuild.
        rm -rf src benches target/release/venous-cds target/release/venous-cds.d \
            target/release/.fingerprint/venous-cds-* target/release/deps/venous_cds-* \
            target/release/deps/libvenous_cds-* target/release/incremental/venous*
    }
    stage "dependencies (stub crate)" deps
    exit 0
fi

# --- 1. build -----------------------------------------------------------------------------
stage "cargo build --release --locked" cargo build --release --locked --bin venous-cds

# --- 2. stripped binary and its runtime needs ------------------------------------------------
mkdir -p "$out"
binary="$out/venous-cds"
package() {
    cp target/release/venous-cds "$binary.tmp"
    if command -v strip >/dev/null; then
        strip --strip-all "$binary.tmp"
    else
        echo "strip not found: relying on the release profile's strip = \"symbols\""
    fi
    mv "$binary.tmp" "$binary"
    chmod 0755 "$binary"
    local bytes
    bytes=$(stat -c %s "$binary")
    echo "stripped binary: $binary ${bytes} bytes ($(awk -v b="$bytes" 'BEGIN {printf "%.1f MiB", b/1048576}'))"
    echo "(the image is this binary plus the distroless cc base; the image size itself is not measured here)"
    local libs unexpected
    libs=$(ldd "$binary" | awk '{print $1}' | sed 's#.*/##' | sort -u)
    echo "shared libraries: $(echo "$libs" | tr '\n' ' ')"
    unexpected=$(echo "$libs" | grep -Ev '^(linux-vdso\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1|libc\.so\.6|libm\.so\.6|libgcc_s\.so\.1|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1)$' || true)
    if [ -n "$unexpected" ]; then
        echo "the binary needs libraries a distroless cc image does not have: $unexpected" >&2
        return 1
    fi
    if command -v objdump >/dev/null; then
        echo "newest glibc symbol version needed: $(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1) (Debian 12 has 2.36)"
    fi
}
stage "strip and inspect" package

[ "$smoke" = 1 ] || exit 0

# --- 3. smoke test ---------------------------------------------------------------------------
# `GET path` on 127.0.0.1:port with bash's /dev/tcp; prints the status code.
http_status() {
    local port="$1" path="$2" line
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
    IFS= read -r line <&3 || true
    exec 3<&- 3>&-
    echo "$line" | awk '{print $2}'
}

smoke_test() {
    local work absolute_binary
    work=$(mktemp -d)
    absolute_binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
    # shellcheck disable=SC2064
    trap "rm -rf '$work'" RETURN
    mkdir -p "$work/cwd" "$work/data"
    local -a as_user=()
    if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
        # The image's user: numeric, no home, no groups; it cannot write the working folder.
        as_user=(setpriv --reuid=65532 --regid=65532 --clear-groups)
        chown 65532:65532 "$work/data"
        chmod 0755 "$work/cwd"
        chmod o+rx "$work"
    fi
    "$absolute_binary" --version
    (cd "$work/cwd" && env -i PATH=/usr/bin:/bin "$absolute_binary" validate)

    (cd "$work/cwd" && exec env -i PATH=/usr/bin:/bin RUST_LOG=info \
        VENOUS_CDS_BIND=127.0.0.1:0 \
        VENOUS_CDS_DATABASE_URL="sqlite:$work/data/venous-cds.db" \
        "${as_user[@]}" "$absolute_binary" serve) > "$work/server.log" 2>&1 &
    local server=$! port="" started
    started=$(date +%s%N)
    for _ in $(seq 1 300); do
        port=$(sed -n 's/.*"port":\([0-9]*\).*venous-cds ready.*/\1/p; s/.*venous-cds ready.*"port":\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
        [ -n "$port" ] && break
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "serve did not become ready:" >&2
        cat "$work/server.log" >&2
        kill "$server" 2>/dev/null || true
        return 1
    fi
    echo "serve: ready on port $port after $(( ($(date +%s%N) - started) / 1000000 )) ms (as uid $(awk '/^Uid:/ {print $2}' "/proc/$server/status"))"
    local ready live
    ready=$(http_status "$port" /health/ready)
    live=$(http_status "$port" /health/live)
    echo "GET /health/ready -> $ready; GET /health/live -> $live"
    sleep 1
    echo "idle RSS: $(awk '/^VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$server/status"), threads: $(awk '/^Threads/ {print $2}' "/proc/$server/status")"
    local stopping
    stopping=$(date +%s%N)
    kill -TERM "$server"
    local status=0
    wait "$server" || status=$?
    echo "SIGTERM -> exit $status after $(( ($(date +%s%N) - stopping) / 1000000 )) ms"
    local stray
    stray=$(ls -A "$work/cwd")
    echo "files written: $(cd "$work/data" && ls -A | tr '\n' ' ')(store folder); working folder: ${stray:-nothing}"
    if [ "$ready" != 200 ] || [ "$live" != 200 ] || [ "$status" != 0 ] || [ -n "$stray" ]; then
        cat "$work/server.log" >&2
        return 1
    fi
}
stage "smoke test" smoke_test
