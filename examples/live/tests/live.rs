//! Starts `featuregate-live` on a loopback port over a `ConfigMap`-style
//! volume, updates the file the kubelet's way, and scrapes `/metrics` and
//! `/featuregates` until both show the change (a bounded few seconds); runs
//! the README's walkthrough as written.
#![cfg(unix)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

// The kubelet's update of a `ConfigMap` volume, shared with the runtime's
// own test of live reload.
#[path = "../../../runtime/tests/support/kubelet.rs"]
mod kubelet;
use kubelet::kubelet_update;

/// Kills the example when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn cr(enabled: &[&str], disabled: &[&str]) -> String {
    format!(
        "apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata:\n  name: kubevirt\nspec:\n  \
         configuration:\n    developerConfiguration:\n      featureGates: [{}]\n      \
         disabledFeatureGates: [{}]\n",
        enabled.join(", "),
        disabled.join(", ")
    )
}

/// One GET over loopback: the status line and the body.
fn get(addr: SocketAddr, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_owned(), body.to_owned())
}

fn gauge(metrics: &str, name: &str, stage: &str) -> Option<String> {
    let prefix = format!("feature_enabled{{name=\"{name}\",stage=\"{stage}\"}} ");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(&prefix).map(str::to_owned))
}

fn enabled(json: &serde_json::Value, name: &str) -> Option<bool> {
    json["gates"]
        .as_array()?
        .iter()
        .find(|gate| gate["name"] == name)?["enabled"]
        .as_bool()
}

#[test]
fn serves_metrics_and_featuregates_and_follows_the_kubelets_update() {
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    kubelet_update(dir, "..2026_11_25_21_00_00.123", &cr(&["Sidecar"], &[]));

    let mut child = Command::new(env!("CARGO_BIN_EXE_featuregate-live"))
        .arg(dir.join("gates.yaml"))
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let running = Running(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let addr: SocketAddr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .parse()
        .unwrap();
    assert!(addr.ip().is_loopback());

    let (status, metrics) = get(addr, "/metrics");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(
        gauge(&metrics, "Sidecar", "ALPHA").as_deref(),
        Some("1"),
        "{metrics}"
    );
    assert_eq!(gauge(&metrics, "ImageVolume", "BETA").as_deref(), Some("1"));
    assert_eq!(gauge(&metrics, "LiveMigration", "GA").as_deref(), Some("1"));
    assert!(
        metrics.contains("# TYPE feature_enabled gauge"),
        "{metrics}"
    );
    let (status, body) = get(addr, "/featuregates");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(enabled(&json, "Sidecar"), Some(true));
    assert_eq!(json["gates"].as_array().unwrap().len(), 85);
    // Each gate says why, as `FeatureSet::explain` does.
    let sidecar = json["gates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|gate| gate["name"] == "Sidecar")
        .unwrap();
    assert_eq!(sidecar["state"], "Alpha", "{sidecar}");
    assert_eq!(sidecar["rule"], "configured", "{sidecar}");
    assert_eq!(
        sidecar["explanation"], "feature gate Sidecar is on: the configuration enables it",
        "{sidecar}"
    );
    assert!(json["warnings"].is_array());
    assert_eq!(get(addr, "/nope").0, "HTTP/1.1 404 Not Found");

    kubelet_update(dir, "..2026_11_25_21_00_01.456", &cr(&[], &["ImageVolume"]));
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let metrics = get(addr, "/metrics").1;
        let json: serde_json::Value = serde_json::from_str(&get(addr, "/featuregates").1).unwrap();
        let shown = gauge(&metrics, "Sidecar", "ALPHA").as_deref() == Some("0")
            && gauge(&metrics, "ImageVolume", "BETA").as_deref() == Some("0")
            && enabled(&json, "Sidecar") == Some(false)
            && enabled(&json, "ImageVolume") == Some(false);
        if shown {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not shown within 5 s:\n{metrics}\n{json}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(running);
}

#[test]
fn refuses_a_listen_address_off_loopback() {
    let out = Command::new(env!("CARGO_BIN_EXE_featuregate-live"))
        .args(["gates.yaml", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only loopback"));
}

/// The README's `featuregate-live` walkthrough (section "Live configuration
/// and what operators see"), run as written: each `$` line of the block in
/// order, against the built binary, with `/tmp/cm` a fresh directory and the
/// port the one the binary picks. Outputs are compared line by line; the
/// `/featuregates` document is "shortened to three gates", so each gate it
/// shows must be served as shown.
#[test]
fn readme_walkthrough() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let start = readme
        .find("$ mkdir -p /tmp/cm && printf")
        .expect("the walkthrough's first command");
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path().to_str().unwrap().to_owned();
    let local = |text: &str| text.replace("/tmp/cm", &dir);

    // Each command with the output lines under it.
    let mut steps: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => steps.push((command, Vec::new())),
            None => steps.last_mut().expect("a command first").1.push(line),
        }
    }
    assert_eq!(steps.len(), 7, "{block}");

    let mut server: Option<(Running, SocketAddr, Receiver<String>)> = None;
    for (command, expected) in &steps {
        if let Some(printf) = command.split_once("printf '").map(|(_, rest)| rest) {
            let (text, target) = printf.split_once("' > ").unwrap();
            assert_eq!(target, "/tmp/cm/gates.yaml", "{command}");
            std::fs::write(local(target), text.replace("\\n", "\n")).unwrap();
            if let Some((_, _, stderr)) = &server {
                for line in expected {
                    let told = stderr.recv_timeout(Duration::from_secs(5)).unwrap();
                    assert_eq!(told, local(line), "after `{command}`");
                }
            }
        } else if let Some(args) = command.strip_prefix("cargo run -p featuregate-live -- ") {
            let args: Vec<String> = args
                .trim_end_matches(" &")
                .split_whitespace()
                .map(|arg| local(arg).replace("127.0.0.1:18081", "127.0.0.1:0"))
                .collect();
            let mut child = Command::new(env!("CARGO_BIN_EXE_featuregate-live"))
                .args(&args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let stderr = lines(child.stderr.take().unwrap());
            let running = Running(child);
            let mut first = String::new();
            BufReader::new(stdout).read_line(&mut first).unwrap();
            let addr: SocketAddr = first
                .trim()
                .strip_prefix("listening on http://")
                .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
                .parse()
                .unwrap();
            assert_eq!(expected, &["listening on http://127.0.0.1:18081"]);
            server = Some((running, addr, stderr));
        } else if let Some(grep) =
            command.strip_prefix("curl -s localhost:18081/metrics | grep -E 'name=\"(")
        {
            let names: Vec<&str> = grep.split_once(")\"'").unwrap().0.split('|').collect();
            let (_, addr, _) = server.as_ref().expect("the server runs");
            let mut shown: Vec<String> = get(*addr, "/metrics")
                .1
                .lines()
                .filter(|line| {
                    names
                        .iter()
                        .any(|n| line.contains(&format!("name=\"{n}\"")))
                })
                .map(str::to_owned)
                .collect();
            shown.sort();
            assert_eq!(shown, *expected, "`{command}`");
        } else if command.starts_with("curl -s localhost:18081/featuregates") {
            let (_, addr, _) = server.as_ref().expect("the server runs");
            served_as_shown(*addr, &expected.join("\n"));
        } else {
            panic!("a command the test does not know: {command}");
        }
    }
}

/// Each gate the README's shortened `/featuregates` document shows is
/// served as shown, and so is the start of its warning.
fn served_as_shown(addr: SocketAddr, expected: &str) {
    let json: serde_json::Value = serde_json::from_str(&get(addr, "/featuregates").1).unwrap();
    let mut gates = 0;
    for gate in json["gates"].as_array().unwrap() {
        let name = gate["name"].as_str().unwrap();
        if !expected.contains(&format!("\"name\": \"{name}\"")) {
            continue;
        }
        gates += 1;
        let shown = format!(
            "{{\"name\": \"{name}\", \"state\": {}, \"enabled\": {}, \"rule\": {},\n   \"explanation\": {}}}",
            gate["state"], gate["enabled"], gate["rule"], gate["explanation"]
        );
        assert!(expected.contains(&shown), "{shown}\nnot in\n{expected}");
    }
    assert_eq!(gates, 3, "{expected}");
    let warning = expected
        .split_once("\"warnings\": [\"")
        .unwrap()
        .1
        .split_once("...")
        .unwrap()
        .0;
    assert!(
        json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().starts_with(warning)),
        "{warning}: {json}"
    );
}

/// The lines a child writes, as they come.
fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

#[test]
fn a_missing_file_is_reported_with_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_featuregate-live"))
        .arg(dir.path().join("gates.yaml"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("featuregate-live: cannot read feature gate file ")
            && err.contains("gates.yaml\n  caused by: "),
        "{err}"
    );
}
