//! `featuregate-live FILE [--listen 127.0.0.1:PORT]`: keeps the program's
//! feature gates (`KubeVirt`'s catalogue) in step with FILE, a `KubeVirt` CR,
//! its `developerConfiguration` or a flag-form list, also when FILE sits in a
//! Kubernetes `ConfigMap` volume, and serves on loopback:
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

use featuregate::watch::{WatchEvent, watch};
use featuregate::{Options, active};
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

const USAGE: &str = "usage: featuregate-live FILE [--listen 127.0.0.1:PORT]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("featuregate-live: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (file, listen) = parse_args(std::env::args().skip(1))?;
    // The recorder first: the first publish of the configuration then sets
    // every gate's gauge.
    let metrics = PrometheusBuilder::new()
        .install_recorder()
        .map_err(|err| format!("cannot install the metrics recorder: {err}"))?;
    let _watcher = watch(&file, Options::default(), |event: WatchEvent| {
        eprintln!("featuregate-live: {event}");
    })
    .map_err(|err| with_sources(&err))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))?;
    runtime
        .block_on(serve(listen, metrics))
        .map_err(|err| format!("cannot serve on {listen}: {err}"))
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<(PathBuf, SocketAddr), String> {
    let mut file = None;
    let mut listen = SocketAddr::from(([127, 0, 0, 1], 0));
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                let addr = args.next().ok_or(USAGE)?;
                listen = addr
                    .parse()
                    .map_err(|_| format!("--listen {addr:?}: not an address with a port"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if file.is_none() && !arg.starts_with('-') => file = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}; {USAGE}")),
        }
    }
    // An example that shows a program's configuration serves its own host.
    if !listen.ip().is_loopback() {
        return Err(format!(
            "--listen {listen}: only loopback addresses are served"
        ));
    }
    Ok((file.ok_or(USAGE)?, listen))
}

/// An error and its sources on one line.
fn with_sources(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(next) = source {
        text.push_str(": ");
        text.push_str(&next.to_string().replace('\n', " "));
        source = next.source();
    }
    text
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
