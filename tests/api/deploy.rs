//! The Kubernetes files under `deploy/` agree with the service: the pod's grace period covers
//! the preStop sleep and the shutdown timeout, the probes use the health endpoints on the
//! bound port, each overlay's settings are accepted by the service's own settings type, and
//! the Secret examples load. The files are read directly with a tiny line reader (no YAML
//! dependency, no kubectl), so the values checked stay plain lines in
//! `deploy/k8s/base/deployment.yaml` and the overlays' `settings.env`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use venous_cds::settings::{AuthMode, Settings, Switch, DEFAULT_SHUTDOWN_TIMEOUT_S};

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// `KEY=VALUE` lines of a kustomize env file (comments and blank lines skipped).
fn env_file(relative: &str) -> BTreeMap<String, String> {
    read(relative)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{relative}: `{line}` is not KEY=VALUE"));
            (key.to_owned(), value.to_owned())
        })
        .collect()
}

/// The settings ConfigMap of an overlay: the base's env file with the overlay's merged over it
/// (`behavior: merge`).
fn overlay_env(overlay: &str) -> BTreeMap<String, String> {
    let mut env = env_file("deploy/k8s/base/settings.env");
    env.extend(env_file(&format!(
        "deploy/k8s/overlays/{overlay}/settings.env"
    )));
    env
}

/// The service's settings from these variables, as `Settings::load` builds them (defaults,
/// then the variables) without touching the process environment: `VENOUS_CDS_X=v` becomes
/// the key `x`, numbers are numbers. `VENOUS_CDS_CONFIG` names the settings file (not a
/// setting); `RUST_LOG` is not one either.
fn settings_from(env: &BTreeMap<String, String>) -> Result<Settings, String> {
    let mut toml = String::new();
    for (key, value) in env {
        if key == "VENOUS_CDS_CONFIG" || key == "RUST_LOG" {
            continue;
        }
        let key = key
            .strip_prefix("VENOUS_CDS_")
            .unwrap_or_else(|| panic!("{key} is not a VENOUS_CDS_* setting"))
            .to_lowercase();
        if value.parse::<u64>().is_ok() {
            toml.push_str(&format!("{key} = {value}\n"));
        } else {
            toml.push_str(&format!(
                "{key} = {}\n",
                serde_json::Value::from(value.as_str())
            ));
        }
    }
    let settings: Settings = Figment::from(Serialized::defaults(Settings::default()))
        .merge(Toml::string(&toml))
        .extract()
        .map_err(|e| e.to_string())?;
    settings.check().map_err(|e| e.to_string())?;
    Ok(settings)
}

/// The value of `key:` on the first line at or after the first line containing `anchor`.
fn field_after(yaml: &str, anchor: &str, key: &str) -> String {
    let prefix = format!("{key}:");
    yaml.lines()
        .skip_while(|line| !line.contains(anchor))
        .map(|line| line.trim().trim_start_matches("- ").trim())
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| {
            value
                .split(" #")
                .next()
                .unwrap()
                .trim()
                .trim_matches('"')
                .to_owned()
        })
        .unwrap_or_else(|| panic!("no `{key}:` after `{anchor}`"))
}

fn number_after(yaml: &str, anchor: &str, key: &str) -> u64 {
    field_after(yaml, anchor, key)
        .parse()
        .unwrap_or_else(|e| panic!("`{key}:` after `{anchor}`: {e}"))
}

fn bind_port(env: &BTreeMap<String, String>) -> u16 {
    env["VENOUS_CDS_BIND"]
        .parse::<std::net::SocketAddr>()
        .expect("VENOUS_CDS_BIND is an address")
        .port()
}

const DEPLOYMENT: &str = "deploy/k8s/base/deployment.yaml";
const OVERLAYS: [&str; 2] = ["dev", "prod"];

#[test]
fn the_grace_period_outlasts_the_prestop_sleep_plus_the_shutdown_timeout() {
    let deployment = read(DEPLOYMENT);
    let grace = number_after(
        &deployment,
        "terminationGracePeriodSeconds",
        "terminationGracePeriodSeconds",
    );
    let pre_stop = number_after(&deployment, "preStop:", "seconds");
    assert!(
        pre_stop > 0,
        "a preStop sleep lets endpoints drain before SIGTERM"
    );
    let base = env_file("deploy/k8s/base/settings.env");
    let configured: u64 = base["VENOUS_CDS_SHUTDOWN_TIMEOUT_S"].parse().unwrap();
    assert_eq!(
        configured, DEFAULT_SHUTDOWN_TIMEOUT_S,
        "the ConfigMap states the service's default shutdown timeout"
    );
    for overlay in OVERLAYS {
        let timeout: u64 = overlay_env(overlay)["VENOUS_CDS_SHUTDOWN_TIMEOUT_S"]
            .parse()
            .unwrap();
        assert!(
            grace > pre_stop + timeout.max(DEFAULT_SHUTDOWN_TIMEOUT_S),
            "{overlay}: terminationGracePeriodSeconds {grace} must exceed preStop {pre_stop} s + shutdown timeout {timeout} s"
        );
    }
    // The comment next to the value states the arithmetic with these numbers.
    assert!(
        deployment.contains(&format!(
            "{pre_stop} + {configured} = {} s < terminationGracePeriodSeconds = {grace} s",
            pre_stop + configured
        )),
        "the shutdown arithmetic comment in {DEPLOYMENT} is out of date"
    );
}

/// That these paths answer 200 on a running service is
/// `discovery::health_endpoints_answer_once_the_knowledge_is_loaded`.
#[test]
fn probes_use_the_health_endpoints_on_the_port_the_service_binds() {
    let deployment = read(DEPLOYMENT);
    assert_eq!(
        field_after(&deployment, "readinessProbe:", "path"),
        "/health/ready"
    );
    assert_eq!(
        field_after(&deployment, "livenessProbe:", "path"),
        "/health/live"
    );
    assert_eq!(
        field_after(&deployment, "startupProbe:", "path"),
        "/health/live"
    );
    for probe in ["readinessProbe:", "livenessProbe:", "startupProbe:"] {
        assert_eq!(field_after(&deployment, probe, "port"), "http", "{probe}");
    }
    assert_eq!(field_after(&deployment, "ports:", "name"), "http");
    let container_port = number_after(&deployment, "ports:", "containerPort");
    for overlay in OVERLAYS {
        assert_eq!(
            u64::from(bind_port(&overlay_env(overlay))),
            container_port,
            "{overlay}: containerPort and VENOUS_CDS_BIND"
        );
    }
    let dockerfile = read("deploy/Dockerfile");
    assert!(
        dockerfile
            .lines()
            .any(|l| l.trim() == format!("EXPOSE {container_port}")),
        "deploy/Dockerfile exposes the container port"
    );
}

#[test]
fn the_knowledge_configmap_is_mounted_where_the_settings_look() {
    let deployment = read(DEPLOYMENT);
    let mount = field_after(&deployment, "- name: knowledge", "mountPath");
    assert_eq!(
        field_after(&deployment, "- name: knowledge", "readOnly"),
        "true"
    );
    for overlay in OVERLAYS {
        assert_eq!(
            overlay_env(overlay)["VENOUS_CDS_KNOWLEDGE_DIR"],
            mount,
            "{overlay}"
        );
    }
    assert!(read("deploy/k8s/base/kustomization.yaml").contains("- name: venous-cds-knowledge"));
}

#[test]
fn the_pod_is_locked_down_and_rolls_without_losing_capacity() {
    let deployment = read(DEPLOYMENT);
    for (key, value) in [
        ("runAsNonRoot", "true"),
        ("readOnlyRootFilesystem", "true"),
        ("allowPrivilegeEscalation", "false"),
        ("automountServiceAccountToken", "false"),
        ("maxUnavailable", "0"),
    ] {
        assert_eq!(
            field_after(&deployment, &format!("{key}:"), key),
            value,
            "{key}"
        );
    }
    assert_eq!(
        field_after(&deployment, "strategy:", "type"),
        "RollingUpdate"
    );
    let dropped = deployment
        .lines()
        .skip_while(|l| !l.contains("drop:"))
        .nth(1)
        .map(str::trim);
    assert_eq!(dropped, Some("- ALL"), "capabilities: drop ALL");
    assert_eq!(
        field_after(&deployment, "seccompProfile:", "type"),
        "RuntimeDefault"
    );
    assert!(
        read("deploy/k8s/base/serviceaccount.yaml").contains("automountServiceAccountToken: false")
    );
    // The image's user is the pod's user.
    let user = number_after(&deployment, "runAsUser:", "runAsUser");
    assert!(read("deploy/Dockerfile").contains(&format!("USER {user}:{user}")));
}

#[test]
fn the_image_is_built_by_the_native_build_script_so_both_make_the_same_binary() {
    // Every build step of the Dockerfile is a call of scripts/build-release.sh, the script CI
    // and developers run natively: the same cargo command, profile and strip.
    let dockerfile = read("deploy/Dockerfile");
    let runs: Vec<&str> = dockerfile
        .lines()
        .filter(|line| line.starts_with("RUN "))
        .collect();
    assert_eq!(
        runs,
        [
            "RUN scripts/build-release.sh --deps-only",
            "RUN scripts/build-release.sh --out /out \\"
        ],
        "deploy/Dockerfile build steps"
    );
    assert!(dockerfile.contains("COPY --from=build /out/venous-cds /usr/local/bin/venous-cds"));
    let script = read("scripts/build-release.sh");
    let builds: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|line| line.contains("cargo build"))
        .collect();
    assert!(!builds.is_empty());
    for line in builds {
        assert!(
            line.contains("cargo build --release --locked --bin venous-cds"),
            "scripts/build-release.sh builds differently: {line}"
        );
    }
    // The build stage's toolchain is the one the project builds with here.
    let rust_version = dockerfile
        .lines()
        .find_map(|line| line.strip_prefix("FROM rust:"))
        .and_then(|rest| rest.split('-').next())
        .expect("a rust build stage");
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .expect("rustc runs");
    let rustc = String::from_utf8_lossy(&rustc.stdout);
    assert!(
        rustc.starts_with(&format!("rustc {rust_version}.")),
        "deploy/Dockerfile builds with rust:{rust_version}, this machine has {rustc}"
    );
}

#[test]
fn service_links_are_off_because_the_settings_refuse_unknown_venous_cds_variables() {
    // A Service named venous-cds makes Kubernetes inject VENOUS_CDS_SERVICE_HOST,
    // VENOUS_CDS_PORT, ... into every pod of the namespace, unless enableServiceLinks is false.
    assert_eq!(
        field_after(
            &read(DEPLOYMENT),
            "enableServiceLinks:",
            "enableServiceLinks"
        ),
        "false"
    );
    let mut env = overlay_env("dev");
    env.insert("VENOUS_CDS_SERVICE_HOST".into(), "10.0.0.1".into());
    let error = settings_from(&env).unwrap_err();
    assert!(error.contains("service_host"), "{error}");
}

#[test]
fn the_base_alone_does_not_start_without_an_authentication_choice() {
    let error = settings_from(&env_file("deploy/k8s/base/settings.env")).unwrap_err();
    assert!(error.contains("VENOUS_CDS_AUTH"), "{error}");
}

#[test]
fn dev_disables_authentication_explicitly_and_keeps_sqlite_on_its_volume() {
    let env = overlay_env("dev");
    assert_eq!(env["VENOUS_CDS_AUTH"], "disabled");
    assert_eq!(env["VENOUS_CDS_BIND"], "0.0.0.0:8080");
    let settings = settings_from(&env).expect("the dev settings are accepted");
    assert_eq!(settings.auth, Some(AuthMode::Disabled));
    assert_eq!(settings.preview, Some(Switch::On));
    assert_eq!(settings.shutdown_timeout_s, DEFAULT_SHUTDOWN_TIMEOUT_S);
    let store = settings
        .database_url
        .0
        .strip_prefix("sqlite:")
        .expect("SQLite");
    let volume = read("deploy/k8s/overlays/dev/sqlite-volume.yaml");
    let mount = field_after(&volume, "- name: data", "mountPath");
    assert!(
        store.starts_with(&format!("{mount}/")),
        "{store} is on the data volume {mount}"
    );
    assert!(volume.contains("emptyDir:"));
    assert!(
        read("deploy/k8s/overlays/dev/kustomization.yaml").contains("- path: sqlite-volume.yaml")
    );
}

#[test]
fn prod_requires_jwt_with_the_issuers_and_store_from_mounted_secrets() {
    let env = overlay_env("prod");
    assert_eq!(env["VENOUS_CDS_AUTH"], "jwt");
    let settings = settings_from(&env).expect("the prod settings are accepted");
    assert_eq!(settings.auth, Some(AuthMode::Jwt));
    assert!(settings
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://")));
    assert_eq!(settings.preview, Some(Switch::Off));
    // Secrets are files from Secret volumes, never ConfigMap values.
    assert!(!env.contains_key("VENOUS_CDS_DATABASE_URL"));
    assert!(!env.contains_key("VENOUS_CDS_LEDGER_KEY"));
    let secrets = read("deploy/k8s/overlays/prod/secrets.yaml");
    let issuers = settings.issuers.expect("VENOUS_CDS_ISSUERS");
    let config = PathBuf::from(&env["VENOUS_CDS_CONFIG"]);
    for (file, secret) in [
        (&issuers, "venous-cds-issuers"),
        (&config, "venous-cds-store"),
    ] {
        let volume = field_after(&secrets, &format!("secretName: {secret}"), "secretName");
        assert_eq!(volume, secret);
        let name = secrets
            .lines()
            .take_while(|l| !l.contains(&format!("secretName: {secret}")))
            .filter_map(|l| l.trim().strip_prefix("- name: "))
            .last()
            .expect("the volume's name");
        let mount = field_after(&secrets, &format!("- name: {name}"), "mountPath");
        assert_eq!(
            file.parent().unwrap(),
            Path::new(&mount),
            "{secret} mounted at {mount}"
        );
    }
    let kustomization = read("deploy/k8s/overlays/prod/kustomization.yaml");
    for part in [
        "- hpa.yaml",
        "- pdb.yaml",
        "- path: secrets.yaml",
        "count: 3",
    ] {
        assert!(kustomization.contains(part), "prod kustomization: {part}");
    }
}

#[test]
fn the_prod_secret_examples_load_with_the_service_types() {
    let example = path("deploy/k8s/overlays/prod/secrets/venous-cds.toml.example");
    let settings: Settings = Figment::from(Serialized::defaults(Settings::default()))
        .merge(Toml::file(&example))
        .extract()
        .expect("the settings-file example uses real setting names");
    assert!(settings.database_url.0.starts_with("postgres://"));
    assert!(settings.ledger_key.is_some());
    let issuers = venous_cds::auth::load_issuers(&path(
        "deploy/k8s/overlays/prod/secrets/issuers.json.example",
    ))
    .expect("the issuers example is a valid issuers file");
    assert!(issuers.iter().any(|i| i.jwks_url.is_some()));
    assert!(issuers.iter().any(|i| i.jwks.is_some()));
}
