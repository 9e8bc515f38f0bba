//! Starts `featuregate-live` on a loopback port over a `ConfigMap`-style
//! volume, updates the file the kubelet's way, and scrapes `/metrics` and
//! `/featuregates` until both show the change (a bounded few seconds).
#![cfg(unix)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
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
