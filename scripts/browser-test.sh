#!/usr/bin/env bash
# End-to-end browser test of the preview page (/preview) in Debian's headless Chromium.
#
# Installs what is missing (Debian packages chromium, fonts-noto-cjk, nodejs, npm; the npm
# dependencies of scripts/browser from its package-lock.json), builds the service, starts it
# on a free loopback port with a throw-away SQLite ledger, waits until it is ready, and runs
# scripts/browser/preview.test.mjs against it. The screenshot goes to target/preview-ja.png
# (override with the first argument). Exits non-zero when anything fails.
#
# Environment: CHROMIUM (default /usr/bin/chromium), CARGO_TARGET_DIR (default target),
# BROWSER_TEST_BIN (a venous-cds binary already built, e.g. by `cargo test`; default: build one).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
screenshot="${1:-${target_dir}/preview-ja.png}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
started_at=$(date +%s)

say() { echo "browser-test: $*"; }

# --- system packages --------------------------------------------------------------------
missing=()
[ -x "$chromium" ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" \
    || missing+=(fonts-noto-cjk)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    scripts/apt-install.sh --no-install-recommends "${missing[@]}"
fi
say "using $("$chromium" --version 2>/dev/null || echo "$chromium"), node $(node --version)"

# --- npm dependencies (playwright-core only; it downloads no browser) ------------------------
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
locked=$(node -e 'console.log(require("./scripts/browser/package-lock.json").packages["node_modules/playwright-core"].version)')
installed=$(node -e 'try { console.log(require("./scripts/browser/node_modules/playwright-core/package.json").version) } catch { console.log("none") }')
if [ "$locked" != "$installed" ]; then
    say "installing npm dependencies (npm ci): playwright-core ${locked}"
    (cd scripts/browser && npm ci --no-audit --no-fund)
else
    say "playwright-core ${installed} already installed"
fi

# --- build and start the service ------------------------------------------------------------
if [ -n "${BROWSER_TEST_BIN:-}" ]; then
    binary="$BROWSER_TEST_BIN"
    say "using ${binary}"
else
    say "building (cargo build --locked)"
    cargo build --locked --quiet
    binary="${target_dir}/debug/venous-cds"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/venous-cds-browser.XXXXXX")
service_pid=""
cleanup() {
    if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
        kill "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
url="http://127.0.0.1:${port}"
say "starting the service on ${url}"
VENOUS_CDS_BIND="127.0.0.1:${port}" \
    VENOUS_CDS_DATABASE_URL="sqlite:${work}/ledger.db" \
    VENOUS_CDS_AUTH=disabled \
    VENOUS_CDS_PREVIEW=on \
    RUST_LOG="${RUST_LOG:-warn}" \
    "$binary" serve >"${work}/service.log" 2>&1 &
service_pid=$!

ready=""
for _ in $(seq 1 150); do
    if ! kill -0 "$service_pid" 2>/dev/null; then
        break
    fi
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "${url}/health/ready" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 0.2
done
if [ -z "$ready" ]; then
    say "the service did not become ready; its log:" >&2
    tail -n 50 "${work}/service.log" >&2 || true
    exit 1
fi

# --- the browser test -----------------------------------------------------------------------
say "running scripts/browser/preview.test.mjs"
status=0
CHROMIUM="$chromium" node scripts/browser/preview.test.mjs "$url" "$screenshot" || status=$?
if [ "$status" -ne 0 ]; then
    say "failed; the service log:" >&2
    tail -n 50 "${work}/service.log" >&2 || true
else
    say "screenshot: ${screenshot}"
fi
say "done in $(( $(date +%s) - started_at )) s"
exit "$status"
