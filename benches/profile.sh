#!/usr/bin/env bash
# CPU profiles of the service under wrk, with perf (Debian linux-perf), on a release build that
# keeps its symbols (target/profiling; the shipped release profile strips them):
#   1. a ~500-resource, 560 KB order-sign record at concurrency 1: where one large call's time goes;
#   2. the 24 KB benchmark request at concurrency 64, system-wide: how the CPU is shared
#      between the service's workers, its ledger writer and the load generator.
#
#   benches/profile.sh      (about 15 minutes for the first build, then 40 s)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
command -v perf >/dev/null || { apt-get install -y linux-perf >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y linux-perf >/dev/null; }; }
CARGO_PROFILE_RELEASE_STRIP=none CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
    cargo build --release --locked --quiet --target-dir target/profiling
binary=target/profiling/release/venous-cds
out=target/profiling/perf
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# The large record: the benchmark request's Conditions, Observations and MedicationRequests
# copied under new ids until the request holds 500 resources.
python3 - ../shared/bench/order-sign-30k.json "$work/large.json" <<'PY'
import copy, json, sys
body = json.load(open(sys.argv[1]))
keys = ["conditions", "observations", "medications"]
originals = {k: list(body["prefetch"][k].get("entry", [])) for k in keys}
def count():
    return len(body["context"]["draftOrders"].get("entry", [])) + sum(
        len(v["entry"]) if isinstance(v, dict) and "entry" in v else 1 for v in body["prefetch"].values())
copy_round = 0
while count() < 500:
    copy_round += 1
    for k in keys:
        for i, entry in enumerate(originals[k]):
            entry = copy.deepcopy(entry)
            entry["fullUrl"] = f"urn:uuid:00000000-0000-4000-8000-{copy_round:04}{i:08}"
            entry["resource"]["id"] = f'{entry["resource"].get("id", "x")}-r{copy_round}'
            body["prefetch"][k]["entry"].append(entry)
json.dump(body, open(sys.argv[2], "w"), indent=1)
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUST_LOG=warn VENOUS_CDS_BIND="127.0.0.1:$port" VENOUS_CDS_DATABASE_URL="sqlite:$work/ledger.db" \
    "$binary" serve > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done
url="http://127.0.0.1:$port/cds-services/venous-anticoagulation-sign"

top() { perf report -i "$1" --no-children --sort "$2" --stdio "${@:3}" 2>/dev/null | grep -E '^ +[0-9]' | sed -E 's/ +- +- +$//; s/ +$//' | cut -c1-150 | head -n 25; }

VENOUS_CDS_BODY="$work/large.json" wrk -t1 -c1 -d2s -s benches/post.lua "$url" > /dev/null
VENOUS_CDS_BODY="$work/large.json" wrk -t1 -c1 -d12s -s benches/post.lua "$url" | grep '^RESULT' &
sleep 1
perf record -F 999 -g -p "$server" -o "$out/large.data" -- sleep 10 2>/dev/null
wait %2 2>/dev/null || true
echo "== large record, concurrency 1: the service's hottest functions"
top "$out/large.data" symbol

VENOUS_CDS_BODY=../shared/bench/order-sign-30k.json wrk -t2 -c64 -d14s -s benches/post.lua "$url" | grep '^RESULT' &
sleep 2
perf record -F 999 -a -o "$out/c64.data" -- sleep 10 2>/dev/null
wait %3 2>/dev/null || true
echo "== 24 KB request, concurrency 64: CPU by thread name (whole machine)"
top "$out/c64.data" comm
echo "== the service's workers: hottest functions"
top "$out/c64.data" symbol --comm 'actix-rt|system'
echo "perf data: $out/"
