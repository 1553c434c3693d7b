//! The OpenAPI 3.1 document served at `/api/openapi.json`, built from the routes themselves.
//!
//! Each route is declared once, beside its handler: a [`Route`] (path, summary, whether the
//! answer is a page) whose parameters are those of the handler's own parameter struct, declared
//! with `api_params!` (one line per parameter: field, type, description,
//! example). The router registers the same [`Route`]s, so the document cannot drift from what
//! is served; a test still checks each documented example against the live handlers.

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

/// One query or path parameter: what the document says about it.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    /// JSON Schema type (`string`, `integer`, `boolean`).
    pub kind: &'static str,
    /// JSON Schema format (`date`), if any.
    pub format: Option<&'static str>,
    pub description: &'static str,
    pub example: &'static str,
    pub required: bool,
    pub in_path: bool,
}

impl Param {
    /// The parameter named by a field of type `kind`, described by `doc`.
    pub const fn new(name: &'static str, kind: Kind, doc: Doc, in_path: bool) -> Param {
        Param {
            name,
            kind: kind.0,
            format: kind.1,
            description: doc.description,
            example: doc.example,
            required: doc.required || in_path,
            in_path,
        }
    }
}

/// The description and example of one parameter field (its name and type come from the field).
#[derive(Debug, Clone, Copy)]
pub struct Doc {
    pub description: &'static str,
    pub example: &'static str,
    pub required: bool,
}

/// An optional parameter.
pub const fn doc(description: &'static str, example: &'static str) -> Doc {
    Doc {
        description,
        example,
        required: false,
    }
}

/// A parameter the handler refuses to go without (its field is still an `Option`, so that the
/// handler, not the query parser, says what is missing).
pub const fn required(description: &'static str, example: &'static str) -> Doc {
    Doc {
        description,
        example,
        required: true,
    }
}

/// A JSON Schema type and format.
#[derive(Debug, Clone, Copy)]
pub struct Kind(&'static str, Option<&'static str>);

/// The JSON Schema type of a parameter field's Rust type.
pub trait Typed {
    const KIND: Kind;
}

impl<T: Typed> Typed for Option<T> {
    const KIND: Kind = T::KIND;
}

macro_rules! typed {
    ($kind:expr, $format:expr => $($t:ty),*) => {
        $(impl Typed for $t {
            const KIND: Kind = Kind($kind, $format);
        })*
    };
}
typed!("string", None => String);
typed!("string", Some("date") => NaiveDate);
typed!("integer", None => u8, u32, i64);
typed!("boolean", None => bool);

/// A parameter struct: a query string (or the path's captures) deserialized into it, and the
/// document's parameter list generated from the same fields.
pub trait Documented {
    const PARAMS: &'static [Param];
}

/// Declares a parameter struct and its [`Documented`] list in one place:
///
/// ```text
/// api_params! {
///     query struct Search {
///         q: Option<String> => doc("Words.", "talks"),
///         #[serde(default)]
///         exact: bool => doc("Whole words only.", "true"),
///     }
/// }
/// ```
///
/// `query` structs refuse unknown fields (a typo is a 400, not a silent default); `path`
/// structs name the route's captures.
macro_rules! api_params {
    (@in query) => { false };
    (@in path) => { true };
    ($(#[$meta:meta])* $place:ident struct $name:ident {
        $($(#[$fmeta:meta])* $field:ident : $ty:ty => $doc:expr),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $name {
            $($(#[$fmeta])* pub(crate) $field: $ty,)*
        }
        impl $crate::openapi::Documented for $name {
            const PARAMS: &'static [$crate::openapi::Param] = &[$(
                $crate::openapi::Param::new(
                    stringify!($field),
                    <$ty as $crate::openapi::Typed>::KIND,
                    $doc,
                    $crate::openapi::api_params!(@in $place),
                ),
            )*];
        }
    };
}

pub(crate) use api_params;

/// One GET route of the API: what the document says about it, and its parameters.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    /// The router's path (`{*id}` for a capture that may hold `/`).
    pub path: &'static str,
    pub summary: &'static str,
    /// `true` when the answer is a page (`items`, `limit`, `offset`, `next_offset`).
    pub paged: bool,
    pub params: &'static [Param],
}

impl Route {
    /// The path in OpenAPI syntax (`{id}`, whatever the capture).
    pub fn openapi_path(&self) -> String {
        self.path.replace("{*", "{")
    }
}

// Descriptions shared by several routes' parameters.
pub(crate) const LIMIT: Doc = doc("Page size (1 to the route's cap).", "10");
pub(crate) const OFFSET: Doc = doc("Rows to skip (at most 100000).", "0");
pub(crate) const FROM: Doc = doc("First day, YYYY-MM-DD.", "2022-01-01");
pub(crate) const TO: Doc = doc("Last day, YYYY-MM-DD.", "2022-12-31");
pub(crate) const ROOT: Doc = doc("CAMEO root code (2 digits).", "04");
pub(crate) const CODE: Doc = doc("CAMEO event code (2 to 4 digits).", "040");
pub(crate) const QUAD: Doc = doc(
    "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    "1",
);
pub(crate) const SOURCE: Doc = doc("Source actor CAMEO code or pattern (* and ?).", "USA*");
pub(crate) const TARGET: Doc = doc("Target actor CAMEO code or pattern (* and ?).", "RUS*");
pub(crate) const BOTH: Doc = doc("With source and target: match either direction.", "true");
pub(crate) const ACTOR: Doc = doc("Actor CAMEO code or pattern on either side.", "USA*");
pub(crate) const ARTICLE_ID: Doc = doc("Article id.", "demo:oslo-talks");
pub(crate) const ASSERTED: Doc = doc("Leave out events that are only someone's claim.", "false");

/// The whole document for `routes` (plus its own entry).
pub fn document(routes: &[Route]) -> Value {
    let mut paths = Map::new();
    for route in routes {
        let params: Vec<Value> = route
            .params
            .iter()
            .map(|p| {
                let mut schema = json!({ "type": p.kind });
                if let Some(f) = p.format {
                    schema["format"] = f.into();
                }
                json!({
                    "name": p.name,
                    "in": if p.in_path { "path" } else { "query" },
                    "required": p.required,
                    "description": p.description,
                    "schema": schema,
                    "example": p.example,
                })
            })
            .collect();
        let ok_schema = if route.paged {
            json!({ "$ref": "#/components/schemas/Page" })
        } else {
            json!({ "type": "object" })
        };
        paths.insert(
            route.openapi_path(),
            json!({ "get": {
                "summary": route.summary,
                "parameters": params,
                "responses": {
                    "200": { "description": "OK", "content": { "application/json": { "schema": ok_schema } } },
                    "400": { "description": "Bad parameter", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                    "404": { "description": "Not found", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                    "503": { "description": "Query took too long", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
            }}),
        );
    }
    paths.insert(
        "/api/openapi.json".into(),
        json!({ "get": {
            "summary": "This document.",
            "parameters": [],
            "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "object" } } } } }
        }}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep store API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only JSON over a sitrep store. Every list is paged with a hard cap; errors are JSON with the HTTP status. Spans (start, end) are byte offsets into the article text."
        },
        "paths": paths,
        "components": { "schemas": {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": { "error": { "type": "object", "required": ["status", "message"], "properties": {
                    "status": { "type": "integer" }, "message": { "type": "string" } } } }
            },
            "Page": {
                "type": "object",
                "required": ["items", "limit", "offset", "next_offset"],
                "properties": {
                    "items": { "type": "array", "items": { "type": "object" } },
                    "limit": { "type": "integer" },
                    "offset": { "type": "integer" },
                    "next_offset": { "type": ["integer", "null"] }
                }
            }
        }}
    })
}
