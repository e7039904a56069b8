#!/usr/bin/env python3
"""A FHIR server for load and fault tests: answers searches and reads under /fhir (mode from the
command line) or under /<mode>/fhir (mode per request), so one server can misbehave in every way.

Modes: ok (searchset Bundles built from a CDS request's prefetch, after --delay-ms), error500,
unauthorized, timeout (never answers in time), garbage (a body that is not JSON), trickle (a
valid Bundle sent one byte every 50 ms), not-a-bundle (a Patient where a Bundle is expected)."""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

MODES = ["ok", "error500", "unauthorized", "timeout", "garbage", "trickle", "not-a-bundle"]


def load_resources(path):
    if not path:
        return {}
    request = json.load(open(path))
    by_type = {}
    for key, value in (request.get("prefetch") or {}).items():
        if not value:
            continue
        resources = [e["resource"] for e in value.get("entry", [])] if value.get("resourceType") == "Bundle" else [value]
        for r in resources:
            by_type.setdefault(r["resourceType"], []).append(r)
    return by_type


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: with Nagle's algorithm on, the body waits
    # for the client's delayed ACK (about 40 ms), which would be measured as our overhead.
    disable_nagle_algorithm = True
    default_mode = "ok"
    delay = 0.0
    resources = {}
    encoded = {}
    requests = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/fhir+json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with Handler.lock:
            Handler.requests += 1
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        mode = self.default_mode
        if parts and parts[0] in MODES:
            mode = parts.pop(0)
        if parts and parts[0] == "fhir":
            parts.pop(0)
        resource_type = parts[0] if parts else ""
        if mode == "ok":
            time.sleep(self.delay)
            # Encoded once per path: the mock's own JSON work (under the GIL, five reads at a
            # time) would otherwise be measured as the service's fallback overhead.
            with Handler.lock:
                data = Handler.encoded.get(self.path)
            if data is None:
                if len(parts) == 2:
                    found = [r for r in self.resources.get(resource_type, []) if r.get("id") == parts[1]]
                    body = found[0] if found else {"resourceType": resource_type, "id": parts[1]}
                else:
                    entries = [{"resource": r, "search": {"mode": "match"}} for r in self.resources.get(resource_type, [])]
                    body = {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
                data = json.dumps(body).encode()
                with Handler.lock:
                    Handler.encoded[self.path] = data
            return self.send(200, data)
        if mode == "error500":
            return self.send(500, {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "exception"}]})
        if mode == "unauthorized":
            return self.send(401, {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "login"}]})
        if mode == "timeout":
            time.sleep(30)
            return self.send(200, {"resourceType": "Bundle", "type": "searchset"})
        if mode == "garbage":
            return self.send(200, b"<html>this is not FHIR</html>", "text/html")
        if mode == "not-a-bundle":
            return self.send(200, {"resourceType": "Patient", "id": "x"})
        if mode == "trickle":
            data = json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.send(404, {"resourceType": "OperationOutcome"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mode", default="ok", choices=MODES)
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--bundle-from", default=None, help="a CDS request whose prefetch resources are served")
    args = parser.parse_args()
    Handler.default_mode = args.mode
    Handler.delay = args.delay_ms / 1000
    Handler.resources = load_resources(args.bundle_from)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
