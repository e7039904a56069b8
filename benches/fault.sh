#!/usr/bin/env bash
# Fault harness: the release service reading missing prefetch from a misbehaving FHIR server
# (500s, 401s, timeouts, garbage bodies, a server that trickles bytes, a non-Bundle answer, and
# a healthy one). Every call must be answered 200 or 412 within the call budget; memory must stay
# flat and no connection may leak.
#
#   benches/fault.sh [--calls N] [--concurrency C]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=700
concurrency=16
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls="$2"; shift 2 ;;
        --concurrency) concurrency="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
mock_port=$(free_port)
python3 benches/mock_fhir.py --port "$mock_port" --bundle-from ../shared/bench/order-sign-30k.json &
budget_ms=2000
RUST_LOG=error VENOUS_CDS_BIND="127.0.0.1:$port" VENOUS_CDS_FHIR_TIMEOUT_MS=500 VENOUS_CDS_CALL_BUDGET_MS=$budget_ms \
    VENOUS_CDS_DATABASE_URL="sqlite:$work/venous-cds.db" \
    target/release/venous-cds serve > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.01; done
python3 - "$port" "$mock_port" "$server" "$calls" "$concurrency" "$budget_ms" <<'PY'
import concurrent.futures, http.client, json, os, sys, time
port, mock_port, pid, calls, concurrency, budget_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
modes = ["ok", "error500", "unauthorized", "timeout", "garbage", "trickle", "not-a-bundle"]
base = json.load(open("../shared/bench/order-sign-30k.json"))
def body(mode):
    request = dict(base)
    request["prefetch"] = {k: v for k, v in base["prefetch"].items() if k not in ("conditions", "observations")}
    request["fhirServer"] = f"http://127.0.0.1:{mock_port}/{mode}/fhir"
    return json.dumps(request).encode()
bodies = {m: body(m) for m in modes}
def rss_mb():
    return int([l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0].split()[1]) / 1024
def connections_to_mock():
    count = 0
    for line in open(f"/proc/{pid}/net/tcp").readlines()[1:]:
        fields = line.split()
        remote_port = int(fields[2].split(":")[1], 16)
        if remote_port == mock_port and fields[3] == "01":
            count += 1
    return count
def call(i):
    mode = modes[i % len(modes)]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.monotonic()
    connection.request("POST", "/cds-services/venous-anticoagulation-sign", bodies[mode], {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return mode, response.status, (time.monotonic() - started) * 1000
rss_before = rss_mb()
results = []
with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
    results = list(pool.map(call, range(calls)))
time.sleep(2)
rss_after = rss_mb()
by_mode = {}
for mode, status, ms in results:
    by_mode.setdefault(mode, []).append((status, ms))
failed = False
for mode in modes:
    statuses = sorted({s for s, _ in by_mode[mode]})
    worst = max(ms for _, ms in by_mode[mode])
    ok = all(s in (200, 412) for s, _ in by_mode[mode]) and worst <= budget_ms + 1000
    failed |= not ok
    print(f"{mode:13} calls={len(by_mode[mode]):4} statuses={statuses} worst_ms={worst:7.1f} {'ok' if ok else 'FAIL'}")
open_connections = connections_to_mock()
print(f"RSS before {rss_before:.1f} MB, after {rss_after:.1f} MB; established connections to the mock after the run: {open_connections}")
if rss_after > max(rss_before * 1.5, rss_before + 30):
    print("FAIL: memory grew"); failed = True
if open_connections > concurrency:
    print("FAIL: connections leaked"); failed = True
sys.exit(1 if failed else 0)
PY
