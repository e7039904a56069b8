#!/usr/bin/env bash
# HTTP load harness: the release service on loopback, wrk as the load generator.
#
#   benches/load.sh [--duration SECONDS] [--concurrency "1 8 64"] [--body FILE] [--fallback DELAY_MS]
#
# For each concurrency: requests/s, p50/p99/max latency, non-2xx answers, transport errors and
# the server's RSS (idle, and at the end of the run). Exits non-zero on any non-2xx answer or
# error. With --fallback, all five prefetch keys are removed and a mock FHIR server answering
# after DELAY_MS serves them: the report then also gives the overhead above that delay.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=60
concurrency="1 8 64"
body=../shared/bench/order-sign-30k.json
fallback=""
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --concurrency) concurrency="$2"; shift 2 ;;
        --body) body="$2"; shift 2 ;;
        --fallback) fallback="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
cargo build --release --locked --quiet
binary=target/release/venous-cds
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
request="$body"
if [ -n "$fallback" ]; then
    mock_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 benches/mock_fhir.py --port "$mock_port" --mode ok --delay-ms "$fallback" --bundle-from "$body" &
    request="$work/request.json"
    python3 - "$body" "$request" "$mock_port" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
body.pop("prefetch", None)
body["fhirServer"] = f"http://127.0.0.1:{sys.argv[3]}/fhir"
json.dump(body, open(sys.argv[2], "w"))
PY
fi

started=$(date +%s%N)
# The ledger on SQLite in the scratch folder, as `serve` runs it by default.
RUST_LOG=warn VENOUS_CDS_BIND="127.0.0.1:$port" VENOUS_CDS_DATABASE_URL="sqlite:$work/venous-cds.db" \
    "$binary" serve > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.01; done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$server/status"; }
# utime + stime of the server, in clock ticks; the share is of all cores (the rest went to wrk
# and the kernel: server and load generator share the machine).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
cpu_share() {
    python3 -c "print(f'{100 * ($(cpu_ticks) - $cpu_before) / $(getconf CLK_TCK) / (($(date +%s%N) - $wall_before) / 1e9) / $(nproc):.0f}% of $(nproc) cores')"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $(uname -sr)"
echo "start-up to ready: ${ready_ms} ms; idle RSS: $(rss)"

status=0
for c in $concurrency; do
    threads=$(( c < 2 ? 1 : 2 ))
    # Warm up, then measure (the server's CPU time is counted over the measured run only).
    VENOUS_CDS_BODY="$request" wrk -t"$threads" -c"$c" -d2s -s benches/post.lua \
        "http://127.0.0.1:$port/cds-services/venous-anticoagulation-sign" > /dev/null
    cpu_before=$(cpu_ticks); wall_before=$(date +%s%N)
    out=$(VENOUS_CDS_BODY="$request" wrk -t"$threads" -c"$c" -d"${duration}s" --latency -s benches/post.lua \
        "http://127.0.0.1:$port/cds-services/venous-anticoagulation-sign")
    result=$(echo "$out" | grep '^RESULT')
    echo "concurrency $c: ${result#RESULT } rss=$(rss) server_cpu=$(cpu_share)"
    if [ -n "$fallback" ]; then
        p50=$(echo "$result" | sed -E 's/.*p50_ms=([0-9.]+).*/\1/')
        echo "  fallback overhead above the mock's ${fallback} ms delay (p50): $(python3 -c "print(round($p50 - $fallback, 3))") ms"
    fi
    if ! echo "$result" | grep -q 'non2xx=0 errors=0'; then
        echo "$out" | grep '^status'
        status=1
    fi
done
exit $status
