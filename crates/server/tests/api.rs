//! Every API route against the fixture corpus: status, shape, filters, pagination, caps, bad
//! parameters (400 with a message), and the OpenAPI document checked against the router.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use tower::ServiceExt;

fn app() -> Router {
    static DB: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = common::store(dir.path());
        (dir, path)
    });
    sitrep_server::app(path, sitrep_server::Limits::default()).unwrap()
}

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn request(method: Method, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    block(async {
        let res = app()
            .oneshot(
                Request::builder()
                    .method(method)
                    .uri(uri)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = axum::body::to_bytes(res.into_body(), 1 << 26)
            .await
            .unwrap();
        (status, headers, body.to_vec())
    })
}

fn get(uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = request(Method::GET, uri);
    assert_eq!(
        headers.get("content-type").map(|v| v.to_str().unwrap()),
        Some("application/json"),
        "{uri}"
    );
    (status, serde_json::from_slice(&body).unwrap())
}

fn ok(uri: &str) -> Value {
    let (status, body) = get(uri);
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    body
}

/// A 400 whose JSON message contains `needle`.
fn bad(uri: &str, needle: &str) {
    let (status, body) = get(uri);
    assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
    assert_eq!(body["error"]["status"], 400);
    let msg = body["error"]["message"].as_str().unwrap();
    assert!(msg.contains(needle), "{uri}: {msg:?} lacks {needle:?}");
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("a page has items")
}

fn field<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    items(v)
        .iter()
        .map(|i| i[key].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn stats_counts_the_corpus() {
    let s = ok("/api/stats");
    assert_eq!(s["articles"], 63);
    assert_eq!(s["events"], 4);
    assert_eq!(s["quotes"], 63);
}

#[test]
fn articles_page_filter_and_cap() {
    let p = ok("/api/articles?limit=10");
    assert_eq!(items(&p).len(), 10);
    assert_eq!(p["next_offset"], 10);
    assert_eq!(p["limit"], 10);
    // Newest first.
    assert_eq!(items(&p)[0]["id"], "fx:xss");
    let last = ok("/api/articles?limit=10&offset=60");
    assert_eq!(items(&last).len(), 3);
    assert!(last["next_offset"].is_null());
    let oslo = ok("/api/articles?q=Oslo");
    assert_eq!(field(&oslo, "id"), ["fx:oslo/1"]);
    assert_eq!(items(&oslo)[0]["events"], 2);
    assert_eq!(items(&oslo)[0]["quotes"], 1);
    // LIKE wildcards in a search are literal.
    assert!(items(&ok("/api/articles?q=%25")).is_empty());
    let dated = ok("/api/articles?from=2022-01-11&to=2022-01-11");
    assert_eq!(field(&dated, "id"), ["fx:oslo/2"]);
    bad("/api/articles?limit=501", "limit must be between 1 and 500");
    bad("/api/articles?limit=0", "limit");
    bad("/api/articles?limit=ten", "limit");
    bad("/api/articles?offset=100001", "offset");
    bad("/api/articles?from=2022-13-01", "from");
    bad("/api/articles?from=2022-02-01&to=2022-01-01", "after");
    bad("/api/articles?colour=red", "unknown field `colour`");
    bad(
        &format!("/api/articles?q={}", "x".repeat(300)),
        "longer than",
    );
}

#[test]
fn one_article_has_text_and_layers() {
    let a = ok("/api/articles/fx:oslo/1");
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("Envoys from Norway"));
    let ann = &a["annotations"];
    assert_eq!(ann["entities"].as_array().unwrap().len(), 6);
    assert_eq!(ann["events"].as_array().unwrap().len(), 2);
    assert_eq!(ann["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(ann["sentences"].as_array().unwrap().len(), 3);
    // Spans are byte offsets into the text.
    let t = &ann["events"][1]["trigger"];
    let (s, e) = (
        t["start"].as_u64().unwrap() as usize,
        t["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "criticized");
    assert!(ann["entities"][0]["store_entity"].is_i64());
    // Percent-encoded ids work too.
    assert_eq!(ok("/api/articles/fx%3Aoslo%2F2")["id"], "fx:oslo/2");
    let (status, body) = get("/api/articles/fx:nope");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("fx:nope"));
}

#[test]
fn entities_by_name_code_and_kind() {
    let p = ok("/api/entities?q=petrov");
    assert_eq!(field(&p, "name"), ["Ivan Petrov"]);
    assert_eq!(items(&p)[0]["names"][0], "Ivan Petrov");
    assert_eq!(items(&p)[0]["mentions"], 1);
    let codes = ok("/api/entities?code=RUS*&limit=50");
    let names = field(&codes, "name");
    assert!(
        names.contains(&"Russia") && names.contains(&"Ivan Petrov"),
        "{names:?}"
    );
    assert!(!names.contains(&"Norway"));
    let people = ok("/api/entities?kind=person&limit=5");
    assert_eq!(items(&people).len(), 5);
    assert_eq!(people["next_offset"], 5);
    bad("/api/entities?code=RUS'--", "CAMEO actor code");
    bad("/api/entities?limit=1000", "limit");
}

#[test]
fn actors_list_codes_with_counts() {
    let p = ok("/api/actors?q=RUS");
    let codes = field(&p, "code");
    assert_eq!(codes, ["RUS", "RUSGOV"]);
    assert_eq!(items(&p)[0]["events"], 3);
    assert_eq!(items(&p)[1]["example"], "Russian officials");
    assert_eq!(items(&ok("/api/actors"))[0]["code"], "RUS");
    bad("/api/actors?q=R%20S", "CAMEO");
}

#[test]
fn quotes_by_words_speaker_date_and_article() {
    let p = ok("/api/quotes?q=security");
    assert_eq!(items(&p).len(), 2);
    let snippet = items(&p)[0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("\u{E000}") && snippet.contains("\u{E001}"),
        "{snippet}"
    );
    let by = ok("/api/quotes?speaker=smith");
    assert_eq!(field(&by, "speaker"), ["Anna Smith"]);
    assert_eq!(items(&by)[0]["article"], "fx:oslo/2");
    let both = ok("/api/quotes?q=talks&speaker=petrov");
    assert!(items(&both).is_empty(), "petrov says 'talk', not 'talks'");
    let prefix = ok("/api/quotes?q=talk*&speaker=petrov");
    assert_eq!(items(&prefix).len(), 1);
    // Not FTS5 syntax: searched as plain words instead of failing.
    let odd = ok("/api/quotes?q=%22security");
    assert_eq!(items(&odd).len(), 2);
    let dated = ok("/api/quotes?from=2022-01-10&to=2022-01-11");
    assert_eq!(items(&dated).len(), 2);
    let one = ok("/api/quotes?article=fx:xss");
    assert_eq!(field(&one, "speaker"), ["<i>Mallory</i>"]);
    let clerks = ok("/api/quotes?speaker=clerk&limit=50");
    assert_eq!(items(&clerks).len(), 50);
    assert_eq!(clerks["next_offset"], 50);
    let rest = ok("/api/quotes?speaker=clerk&limit=50&offset=50");
    assert_eq!(items(&rest).len(), 10);
    assert!(rest["next_offset"].is_null());
    bad("/api/quotes?limit=501", "limit");
    bad("/api/quotes?spaeker=x", "unknown field");
}

#[test]
fn events_filters() {
    let n = |uri: &str| items(&ok(uri)).len();
    assert_eq!(n("/api/events"), 4);
    assert_eq!(n("/api/events?source=USA&target=RUS"), 3);
    assert_eq!(n("/api/events?source=RUS&target=USA"), 0);
    assert_eq!(
        n("/api/events?source=RUS&target=USA&both_directions=true"),
        3
    );
    assert_eq!(n("/api/events?actor=RUS*"), 4);
    assert_eq!(n("/api/events?target=rus*"), 4);
    assert_eq!(n("/api/events?code=111"), 1);
    assert_eq!(n("/api/events?root=04"), 2);
    assert_eq!(n("/api/events?quad_class=3"), 1);
    assert_eq!(n("/api/events?date=2022-01-11"), 1);
    assert_eq!(n("/api/events?from=2022-01-11"), 2);
    assert_eq!(n("/api/events?place=gn:3143244"), 1);
    assert_eq!(n("/api/events?article=fx:oslo/2"), 1);
    assert_eq!(n("/api/events?theme=NEGOTIATIONS"), 2);
    assert_eq!(n("/api/events?asserted_only=true"), 4);
    let e = ok("/api/events?code=111");
    let ev = &items(&e)[0];
    assert_eq!(ev["trigger"], "criticized");
    assert_eq!(
        ev["sentence_text"],
        "The United States criticized Russia over troop movements."
    );
    assert_eq!(ev["article"], "fx:oslo/1");
    assert_eq!(ev["quad_class"], 3);
    let entity = ev["happening"].as_i64().unwrap();
    assert!(entity > 0);
    let first = ok("/api/events?limit=1");
    assert_eq!(first["next_offset"], 1);
    bad("/api/events?root=4", "2 digits");
    bad("/api/events?code=abc", "CAMEO code");
    bad("/api/events?quad_class=9", "quad_class");
    bad("/api/events?both_directions=maybe", "both_directions");
    bad("/api/events?entity=x", "entity");
}

#[test]
fn happenings_list_and_one_with_mentions() {
    let p = ok("/api/happenings?source=USA&target=RUS");
    assert!(!items(&p).is_empty());
    let id = items(&p)[0]["id"].as_i64().unwrap();
    let h = ok(&format!("/api/happenings/{id}"));
    assert_eq!(h["id"], id);
    let mentions = items(&h["mentions"]);
    assert!(!mentions.is_empty());
    assert!(mentions[0]["sentence_text"].is_string());
    assert!(items(&ok("/api/happenings?min_articles=99")).is_empty());
    assert_eq!(items(&ok("/api/happenings?root=11")).len(), 1);
    bad("/api/happenings/abc", "integer");
    bad("/api/happenings?limit=9999", "limit");
    let (status, _) = get("/api/happenings/987654321");
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[test]
fn dyads_and_dyad_series() {
    let top = ok("/api/dyads");
    assert_eq!(items(&top)[0]["source"], "USA");
    assert_eq!(items(&top)[0]["target"], "RUS");
    assert_eq!(items(&top)[0]["events"], 3);
    let d = ok("/api/dyad?a=USA&b=RUS");
    let series = d["series"].as_array().unwrap();
    assert_eq!(series.len(), 3);
    assert_eq!(series[0]["date"], "2022-01-10");
    assert_eq!(series[0]["verbal_conflict"], 1);
    assert_eq!(series[0]["mean_goldstein"], -2.0);
    let back = ok("/api/dyad?a=RUS&b=USA&both_directions=true");
    assert_eq!(back["series"].as_array().unwrap().len(), 3);
    let window = ok("/api/dyad?a=USA&b=RUS&from=2022-01-11&to=2022-01-11");
    assert_eq!(window["series"].as_array().unwrap().len(), 1);
    bad("/api/dyad?a=USA", "a and b are required");
    bad(
        "/api/dyad?a=USA&b=RUS&from=2022-02-01&to=2022-01-01",
        "after",
    );
}

#[test]
fn network_nodes_and_edges() {
    let n = ok("/api/network");
    let edges = n["edges"].as_array().unwrap();
    assert_eq!(edges[0]["source"], "USA");
    assert_eq!(edges[0]["target"], "RUS");
    assert_eq!(edges[0]["events"], 3);
    assert_eq!(edges[0]["verbal_conflict"], 1);
    let nodes: BTreeSet<&str> = n["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(nodes, BTreeSet::from(["NOR", "RUS", "RUSGOV", "USA"]));
    let one = ok("/api/network?limit=1");
    assert_eq!(one["edges"].as_array().unwrap().len(), 1);
    assert_eq!(one["truncated"], true);
    assert_eq!(
        ok("/api/network?root=11")["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ok("/api/network?actor=NOR")["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    bad("/api/network?limit=0", "limit");
    bad("/api/network?offset=3", "unknown field `offset`");
}

#[test]
fn places_with_coordinates() {
    let p = ok("/api/places");
    let oslo = &items(&p)[0];
    assert_eq!(oslo["place_key"], "gn:3143244");
    assert_eq!(oslo["name"], "Oslo");
    assert_eq!(oslo["events"], 1);
    assert_eq!(oslo["geo"]["lat"], 59.91);
    assert!(items(&ok("/api/places?root=11")).is_empty());
    bad("/api/places?limit=1001", "limit");
}

#[test]
fn openapi_matches_the_router() {
    let doc = ok("/api/openapi.json");
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    let served: BTreeSet<String> = sitrep_server::api_paths().into_iter().collect();
    assert_eq!(documented, served);
    for (path, item) in doc["paths"].as_object().unwrap() {
        let params = item["get"]["parameters"].as_array().unwrap();
        let mut uri = path.clone();
        let mut query = Vec::new();
        let mut names = BTreeSet::new();
        for p in params {
            let (name, example) = (p["name"].as_str().unwrap(), p["example"].as_str().unwrap());
            if p["in"] == "path" {
                uri = uri.replace(&format!("{{{name}}}"), example);
            } else {
                names.insert(name.to_string());
                query.push(format!("{name}={example}"));
            }
        }
        // Every documented parameter is accepted with its example value...
        let full = if query.is_empty() {
            uri.clone()
        } else {
            format!("{uri}?{}", query.join("&"))
        };
        let (status, body) = get(&full);
        assert!(
            status == StatusCode::OK || status == StatusCode::NOT_FOUND,
            "{full}: {body}"
        );
        if status == StatusCode::NOT_FOUND {
            assert!(
                !body["error"]["message"].as_str().unwrap().contains("route"),
                "{full}"
            );
        }
        // ... and the handler accepts no parameter that the document does not list.
        if path == "/api/openapi.json" || path.contains('{') {
            continue;
        }
        let (status, body) = get(&format!("{uri}?zz_undocumented=1"));
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        let msg = body["error"]["message"].as_str().unwrap();
        let accepted: BTreeSet<String> = match msg.split_once("expected one of ") {
            Some((_, list)) => list
                .split(", ")
                .map(|s| s.trim_matches(|c| c == '`' || c == ' ').to_string())
                .collect(),
            None => BTreeSet::new(),
        };
        assert_eq!(accepted, names, "{uri}: {msg}");
    }
}

#[test]
fn each_route_declares_its_path_captures_once() {
    for route in sitrep_server::api_route_docs() {
        let path = route.openapi_path();
        let captures: BTreeSet<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        let in_path: BTreeSet<&str> = route
            .params
            .iter()
            .filter(|p| p.in_path)
            .map(|p| p.name)
            .collect();
        assert_eq!(captures, in_path, "{path}");
        assert!(route.params.iter().all(|p| !p.in_path || p.required));
        let names: BTreeSet<&str> = route.params.iter().map(|p| p.name).collect();
        assert_eq!(names.len(), route.params.len(), "{path}: a parameter twice");
    }
    // The document says what the declarations say: a required parameter, a date format.
    let doc = ok("/api/openapi.json");
    let dyad = doc["paths"]["/api/dyad"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let a = dyad.iter().find(|p| p["name"] == "a").unwrap();
    assert_eq!(a["required"], true);
    let from = dyad.iter().find(|p| p["name"] == "from").unwrap();
    assert_eq!(from["required"], false);
    assert_eq!(from["schema"]["format"], "date");
}

#[test]
fn errors_limits_and_headers() {
    let (status, body) = get("/api/nothing");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["status"], 404);
    let (status, _, body) = request(Method::POST, "/api/articles");
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(String::from_utf8_lossy(&body).contains("read-only"));
    let (status, _, _) = request(Method::DELETE, "/api/articles/fx:xss");
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let (status, body) = get(&format!(
        "/api/articles?q={}",
        "a".repeat(sitrep_server::MAX_URI_BYTES)
    ));
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert_eq!(body["error"]["status"], 414);
    let (_, headers, _) = request(Method::GET, "/api/stats");
    let csp = headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'"));
    assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
}

#[test]
fn ui_files_come_only_from_the_embedded_table() {
    let (status, headers, body) = request(Method::GET, "/");
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(String::from_utf8_lossy(&body).contains("/assets/app.js"));
    for (name, _, bytes) in sitrep_server::assets::FILES {
        let (status, _, body) = request(Method::GET, &format!("/assets/{name}"));
        assert_eq!(status, StatusCode::OK, "{name}");
        assert_eq!(body.len(), bytes.len());
    }
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets//etc/passwd",
        "/assets/src/lib.rs",
    ] {
        let (status, _, _) = request(Method::GET, path);
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Every vendored library keeps its licence beside it.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/vendor");
    for lib in [
        "uPlot",
        "cytoscape",
        "leaflet",
        "topojson-client",
        "world-atlas",
    ] {
        assert!(
            dir.join(format!("{lib}.LICENSE")).is_file(),
            "{lib} licence"
        );
    }
}
