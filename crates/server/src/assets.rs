//! The web UI's files, embedded in the binary at build time. A request names a file only by
//! a key of this fixed table: nothing is read from the file system at run time.
//!
//! `assets/vendor/` holds the front-end libraries copied from npm by `web/vendor.sh` (with
//! their licences); the UI's own code is `assets/app.js`, `assets/app.css`, `assets/index.html`.

use crate::AppState;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// (name, content type, bytes) of every file the UI may load.
pub const FILES: &[(&str, &str, &[u8])] = &[
    ("index.html", HTML, include_bytes!("../assets/index.html")),
    ("app.js", JS, include_bytes!("../assets/app.js")),
    ("app.css", CSS, include_bytes!("../assets/app.css")),
    (
        "vendor/uPlot.iife.min.js",
        JS,
        include_bytes!("../assets/vendor/uPlot.iife.min.js"),
    ),
    (
        "vendor/uPlot.min.css",
        CSS,
        include_bytes!("../assets/vendor/uPlot.min.css"),
    ),
    (
        "vendor/cytoscape.min.js",
        JS,
        include_bytes!("../assets/vendor/cytoscape.min.js"),
    ),
    (
        "vendor/leaflet.js",
        JS,
        include_bytes!("../assets/vendor/leaflet.js"),
    ),
    (
        "vendor/leaflet.css",
        CSS,
        include_bytes!("../assets/vendor/leaflet.css"),
    ),
    (
        "vendor/topojson-client.min.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client.min.js"),
    ),
    (
        "vendor/countries-110m.json",
        JSON,
        include_bytes!("../assets/vendor/countries-110m.json"),
    ),
    (
        "vendor/README.txt",
        TEXT,
        include_bytes!("../assets/vendor/README.txt"),
    ),
];

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JSON: &str = "application/json";
const TEXT: &str = "text/plain; charset=utf-8";

/// The embedded file called `name`, if any.
pub fn get_file(name: &str) -> Option<(&'static str, &'static [u8])> {
    FILES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, t, b)| (*t, *b))
}

fn answer(name: &str) -> Response {
    match get_file(name) {
        Some((content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        None => crate::ApiError::new(StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(|| async { answer("index.html") }))
        .route(
            "/assets/{*name}",
            get(|Path(name): Path<String>| async move { answer(&name) }),
        )
}
