//! `sitrep serve`: a read-only JSON API and a web UI over a sitrep store, in one binary.
//!
//! [`app`] opens a store read-only and returns an axum [`Router`] with the JSON API under
//! `/api/` (articles, entities, actor codes, quotes, events, happenings, dyad series, actor
//! network, event places; documented by `/api/openapi.json`) and the web UI at `/` (article
//! view with highlights, dyad timeline, network, quote search, map), whose files are embedded
//! in the binary ([`assets`]): no CDN, no file read at run time. [`serve`] runs it.
//!
//! Key decisions: every query runs on a small pool of read-only SQLite connections on tokio's
//! blocking threads, under a time limit that interrupts SQLite; every list is paginated with
//! a hard cap, and a bad parameter (unknown name, wrong type, over a cap) is a 400 with a JSON
//! message, never a silent default. The UI builds its pages with DOM text nodes, so article
//! text can never become markup.
//!
//! This crate must never write to the store, build SQL from request text (every value is a
//! bound parameter), take a file path from a request, or fetch anything from the network.

pub mod assets;
mod error;
mod handlers;
pub mod openapi;
mod params;
mod pool;

pub use error::{ApiError, ServerError};

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Limits of one server. The defaults suit one analyst's corpus on a laptop.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Read-only SQLite connections (queries running at once).
    pub connections: usize,
    /// A query running longer than this is interrupted (503).
    pub query_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 4,
            query_time: Duration::from_secs(5),
        }
    }
}

/// Longest accepted request target (path + query), in bytes: longer is a 414.
pub const MAX_URI_BYTES: usize = 2048;
/// Request bodies are never read (every route is a GET); anything larger is refused.
pub const MAX_BODY_BYTES: usize = 1024;

/// Shared by every handler.
pub(crate) struct AppState {
    pub pool: pool::Pool,
}

/// The API routes, in the order the OpenAPI document lists them. Each is registered from this
/// table, so [`api_paths`] is exactly what the router serves (the OpenAPI test checks both).
fn api_routes() -> Vec<(&'static str, MethodRouter<Arc<AppState>>)> {
    use handlers as h;
    vec![
        ("/api/stats", get(h::stats)),
        ("/api/articles", get(h::articles)),
        ("/api/articles/{*id}", get(h::article)),
        ("/api/entities", get(h::entities)),
        ("/api/actors", get(h::actors)),
        ("/api/quotes", get(h::quotes)),
        ("/api/events", get(h::events)),
        ("/api/happenings", get(h::happenings)),
        ("/api/happenings/{id}", get(h::happening)),
        ("/api/dyads", get(h::dyads)),
        ("/api/dyad", get(h::dyad)),
        ("/api/network", get(h::network)),
        ("/api/places", get(h::places)),
    ]
}

/// Every API path the router serves (OpenAPI path syntax), `/api/openapi.json` included.
pub fn api_paths() -> Vec<String> {
    let mut paths: Vec<String> = api_routes()
        .into_iter()
        .map(|(p, _)| p.replace("{*", "{"))
        .collect();
    paths.push("/api/openapi.json".into());
    paths
}

/// The whole application over the store at `db`, opened read-only.
pub fn app(db: &Path, limits: Limits) -> Result<Router, ServerError> {
    let pool = pool::Pool::open(db, &limits)?;
    Ok(router(AppState { pool }))
}

fn router(state: AppState) -> Router {
    let mut api = Router::new();
    for (path, route) in api_routes() {
        api = api.route(path, route);
    }
    api = api.route(
        "/api/openapi.json",
        get(|| async { axum::Json(openapi::document()) }),
    );
    api.merge(assets::routes())
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such route") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "this server is read-only: GET only",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(guard))
        .with_state(Arc::new(state))
}

/// Refuses oversized requests before routing and adds the security headers to every answer.
async fn guard(request: Request, next: Next) -> Response {
    let uri_len = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    let mut response = if uri_len > MAX_URI_BYTES {
        ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("request target longer than {MAX_URI_BYTES} bytes"),
        )
        .into_response()
    } else if request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_BODY_BYTES)
    {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    // Scripts and styles only from this server: even injected markup could not run.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Serves `app` on `addr` until Ctrl-C; `ready` is called with the bound address (port 0
/// picks a free port).
pub fn serve(
    app: Router,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let local = listener.local_addr().map_err(ServerError::Runtime)?;
        ready(local);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServerError::Runtime)
    })
}
