//! `featuregate-live [FILE] [--listen 127.0.0.1:PORT] [--feature-gates A=true,B=false]...`:
//! keeps the program's feature gates (`KubeVirt`'s catalogue) in step with
//! FILE (a `KubeVirt` CR, its `developerConfiguration` or a flag-form list,
//! also in a Kubernetes `ConfigMap` volume), under the environment variable
//! `FEATUREGATE_LIVE_GATES` and the `--feature-gates` flag, which keep
//! winning over every reload (`GateArgs::watch`), and serves on loopback:
//!
//! - `/metrics`: the `feature_enabled` gauge in Prometheus text;
//! - `/featuregates`: every gate's name, state, whether it is on and the
//!   rule that decided (`rule`, `explanation`), and the configuration's
//!   warnings, as JSON: the `FeatureSet`'s own serde form.
//!
//! The first line on stdout is `listening on http://ADDR`; reloads and
//! refused versions are reported on stderr.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use featuregate::cli::GateArgs;
use featuregate::cli::clap::{self, Parser};
use featuregate::{ErrorChain, active};
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::CONTENT_TYPE;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

// The catalogue registers its gates when the library is linked.
use kubevirt_gates as _;

/// Watches a feature gate configuration and serves `/metrics` and
/// `/featuregates` on loopback.
#[derive(Parser)]
#[command(name = "featuregate-live")]
struct Cli {
    /// The configuration file to watch (as one more --feature-gates-file).
    file: Option<PathBuf>,
    /// The loopback address to serve on.
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    #[command(flatten)]
    gates: GateArgs,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("featuregate-live: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    // An example that shows a program's configuration serves its own host.
    if !cli.listen.ip().is_loopback() {
        return Err(format!(
            "--listen {}: only loopback addresses are served",
            cli.listen
        ));
    }
    let gates = cli.file.into_iter().fold(cli.gates, GateArgs::with_file);
    let _watcher = gates
        .with_env("FEATUREGATE_LIVE_GATES")
        .watch(|event| eprintln!("featuregate-live: {event}"))
        .map_err(|err| format!("{:#}", ErrorChain::new(&err)))?;
    // Installed after the first configuration: publish every gate once.
    let metrics = PrometheusBuilder::new()
        .install_recorder()
        .map_err(|err| format!("cannot install the metrics recorder: {err}"))?;
    featuregate::metrics::publish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))?;
    runtime
        .block_on(serve(cli.listen, metrics))
        .map_err(|err| format!("cannot serve on {}: {err}", cli.listen))
}

async fn serve(listen: SocketAddr, metrics: PrometheusHandle) -> std::io::Result<()> {
    let listener = TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    loop {
        let (stream, _) = listener.accept().await?;
        let metrics = metrics.clone();
        tokio::task::spawn(async move {
            let service = service_fn(move |request| {
                let response = respond(&request, &metrics);
                async move { Ok::<_, Infallible>(response) }
            });
            // A client that hangs up early is its own business.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

fn respond<B>(request: &Request<B>, metrics: &PrometheusHandle) -> Response<Full<Bytes>> {
    let (status, kind, body) = match (request.method(), request.uri().path()) {
        (&Method::GET, "/metrics") => (
            StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            metrics.render(),
        ),
        (&Method::GET, "/featuregates") => (
            StatusCode::OK,
            "application/json",
            // Serializing a set to JSON cannot fail: string keys only.
            serde_json::to_string(&*active()).unwrap_or_default(),
        ),
        _ => (
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            "not found: try /metrics or /featuregates\n".to_owned(),
        ),
    };
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, hyper::header::HeaderValue::from_static(kind));
    response
}
