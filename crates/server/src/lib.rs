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
    /// SQLite page cache of each connection, in KiB. The store's own default (64 MiB, sized
    /// for a batch ingest) would let a pool of connections grow the server by that much each.
    pub cache_kib: u32,
    /// Bytes of the store each connection may map (SQLite's `mmap_size`); 0 reads through the
    /// page cache alone. Mapped pages are the OS's file cache, but each connection maps the
    /// file anew and every mapping's pages count in the server's RSS.
    pub mmap_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 4,
            query_time: Duration::from_secs(5),
            cache_kib: 8 * 1024,
            mmap_bytes: 0,
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

/// The API routes, in the order the OpenAPI document lists them: each route's declaration
/// (beside its handler) is what both the router and [`openapi::document`] read.
fn api_routes() -> Vec<(openapi::Route, MethodRouter<Arc<AppState>>)> {
    use handlers as h;
    vec![
        (h::STATS, get(h::stats)),
        (h::ARTICLES, get(h::articles)),
        (h::ARTICLE, get(h::article)),
        (h::ENTITIES, get(h::entities)),
        (h::ACTORS, get(h::actors)),
        (h::QUOTES, get(h::quotes)),
        (h::EVENTS, get(h::events)),
        (h::HAPPENINGS, get(h::happenings)),
        (h::HAPPENING, get(h::happening)),
        (h::DYADS, get(h::dyads)),
        (h::DYAD, get(h::dyad)),
        (h::NETWORK, get(h::network)),
        (h::PLACES, get(h::places)),
    ]
}

/// The declarations of every API route (the OpenAPI document's own entry aside).
pub fn api_route_docs() -> Vec<openapi::Route> {
    api_routes().into_iter().map(|(r, _)| r).collect()
}

/// Every API path the router serves (OpenAPI path syntax), `/api/openapi.json` included.
pub fn api_paths() -> Vec<String> {
    let mut paths: Vec<String> = api_route_docs().iter().map(|r| r.openapi_path()).collect();
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
    for (route, handler) in api_routes() {
        api = api.route(route.path, handler);
    }
    // Serialized once: the routes do not change while the server runs.
    let document = axum::body::Bytes::from(openapi::document(&api_route_docs()).to_string());
    api = api.route(
        "/api/openapi.json",
        get(move || async move {
            (
                [(header::CONTENT_TYPE, "application/json")],
                document.clone(),
            )
        }),
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
