//! The OpenAPI 3.1 document served at `/api/openapi.json`, built from one table of operations.
//! Tests check it against the router: the same paths, every documented parameter accepted,
//! and every parameter a handler accepts documented.

use serde_json::{json, Map, Value};

/// One query or path parameter: name, JSON type, description, an example value.
pub struct Param {
    pub name: &'static str,
    pub kind: &'static str,
    pub description: &'static str,
    pub example: &'static str,
    pub in_path: bool,
}

/// One GET operation.
pub struct Operation {
    pub path: &'static str,
    pub summary: &'static str,
    /// `true` when the answer is a page (`items`, `limit`, `offset`, `next_offset`).
    pub paged: bool,
    pub params: &'static [Param],
}

const fn q(
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    example: &'static str,
) -> Param {
    Param {
        name,
        kind,
        description,
        example,
        in_path: false,
    }
}

const fn path(name: &'static str, description: &'static str, example: &'static str) -> Param {
    Param {
        name,
        kind: "string",
        description,
        example,
        in_path: true,
    }
}

const LIMIT: Param = q(
    "limit",
    "integer",
    "Page size (1 to the route's cap).",
    "10",
);
const OFFSET: Param = q("offset", "integer", "Rows to skip (at most 100000).", "0");
const FROM: Param = q("from", "string", "First day, YYYY-MM-DD.", "2022-01-01");
const TO: Param = q("to", "string", "Last day, YYYY-MM-DD.", "2022-12-31");
const ROOT: Param = q("root", "string", "CAMEO root code (2 digits).", "04");
const CODE: Param = q("code", "string", "CAMEO event code (2 to 4 digits).", "040");
const QUAD: Param = q(
    "quad_class",
    "integer",
    "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    "1",
);
const SOURCE: Param = q(
    "source",
    "string",
    "Source actor CAMEO code or pattern (* and ?).",
    "USA*",
);
const TARGET: Param = q(
    "target",
    "string",
    "Target actor CAMEO code or pattern (* and ?).",
    "RUS*",
);
const BOTH: Param = q(
    "both_directions",
    "boolean",
    "With source and target: match either direction.",
    "true",
);
const ACTOR: Param = q(
    "actor",
    "string",
    "Actor CAMEO code or pattern on either side.",
    "USA*",
);

/// Every API operation but the document itself.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        path: "/api/stats",
        summary: "Corpus counts (articles, entities, quotes, events, happenings, dates).",
        paged: false,
        params: &[],
    },
    Operation {
        path: "/api/articles",
        summary: "Articles, newest first, with event and quote counts (cap 500).",
        paged: true,
        params: &[
            q("q", "string", "Article id, or words in the title.", "talks"),
            q("source", "string", "Publisher/source name, exactly.", "bbc"),
            FROM,
            TO,
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/articles/{id}",
        summary: "One article: its text and every annotation layer (spans are byte offsets into text).",
        paged: false,
        params: &[path("id", "Article id (may contain / and :).", "demo:oslo-talks")],
    },
    Operation {
        path: "/api/entities",
        summary: "Entities across articles, most mentioned first (cap 500).",
        paged: true,
        params: &[
            q("q", "string", "Words of a name, or an entity key.", "ryabkov"),
            q("code", "string", "CAMEO actor code or pattern.", "RUS*"),
            q("kind", "string", "Entity kind (person, org, place, ...).", "person"),
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/actors",
        summary: "CAMEO actor codes seen in events, with event counts (cap 500).",
        paged: true,
        params: &[
            q("q", "string", "Code prefix or pattern.", "USA"),
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/quotes",
        summary: "Quotes by words (FTS5, best first, with a snippet whose matches are marked U+E000..U+E001), by speaker, by date (cap 500).",
        paged: true,
        params: &[
            q("q", "string", "FTS5 query: words, \"a phrase\", OR, NOT, prefix*.", "security"),
            q("speaker", "string", "Words of the speaker's name.", "ryabkov"),
            q("article", "string", "Article id.", "demo:oslo-talks"),
            FROM,
            TO,
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/events",
        summary: "Event mentions with their article and evidence sentence (cap 500).",
        paged: true,
        params: &[
            ACTOR,
            SOURCE,
            TARGET,
            BOTH,
            q("entity", "integer", "Store entity id on either side.", "1"),
            CODE,
            ROOT,
            QUAD,
            FROM,
            TO,
            q("date", "string", "One day, YYYY-MM-DD (sets from and to).", "2022-01-10"),
            q("place", "string", "Place key of the event (from /api/places).", "gn:2660646"),
            q("article", "string", "Article id.", "demo:oslo-talks"),
            q("happening", "integer", "Happening id.", "1"),
            q("theme", "string", "A GKG theme of the article (the store keeps no separate issue codes).", "NEGOTIATIONS"),
            q("asserted_only", "boolean", "Leave out events that are only someone's claim.", "false"),
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/happenings",
        summary: "Real-world happenings (event mentions grouped across articles) (cap 500).",
        paged: true,
        params: &[
            SOURCE,
            TARGET,
            BOTH,
            CODE,
            ROOT,
            QUAD,
            FROM,
            TO,
            q("min_articles", "integer", "Only happenings reported by at least this many articles.", "1"),
            LIMIT,
            OFFSET,
        ],
    },
    Operation {
        path: "/api/happenings/{id}",
        summary: "One happening with its mentions (events with articles and sentences, at most 500).",
        paged: false,
        params: &[path("id", "Happening id (its GLOBALEVENTID).", "1")],
    },
    Operation {
        path: "/api/dyads",
        summary: "The most active (source, target) actor-code pairs (cap 500).",
        paged: true,
        params: &[ACTOR, LIMIT, OFFSET],
    },
    Operation {
        path: "/api/dyad",
        summary: "Daily event counts between two actors by QuadClass, with Goldstein sum and mean (sparse: days without events are absent).",
        paged: false,
        params: &[
            q("a", "string", "Actor A: CAMEO code, pattern (USA*), entity key or name. Required.", "USA*"),
            q("b", "string", "Actor B, as a. Required.", "RUS*"),
            BOTH,
            q("asserted_only", "boolean", "Leave out events that are only someone's claim.", "false"),
            FROM,
            TO,
        ],
    },
    Operation {
        path: "/api/network",
        summary: "Actor network: nodes are actor codes, edges (source -> target) carry event counts by QuadClass and mean Goldstein; the heaviest edges first (cap 500).",
        paged: false,
        params: &[
            ACTOR,
            ROOT,
            QUAD,
            FROM,
            TO,
            q("limit", "integer", "Most edges (1 to 500).", "100"),
        ],
    },
    Operation {
        path: "/api/places",
        summary: "Event places (ActionGeo) with event counts and coordinates when geocoded (cap 1000).",
        paged: true,
        params: &[ACTOR, ROOT, QUAD, FROM, TO, LIMIT, OFFSET],
    },
];

/// The whole document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for op in OPERATIONS {
        let params: Vec<Value> = op
            .params
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "in": if p.in_path { "path" } else { "query" },
                    "required": p.in_path || (op.path == "/api/dyad" && matches!(p.name, "a" | "b")),
                    "description": p.description,
                    "schema": { "type": p.kind },
                    "example": p.example,
                })
            })
            .collect();
        let ok_schema = if op.paged {
            json!({ "$ref": "#/components/schemas/Page" })
        } else {
            json!({ "type": "object" })
        };
        paths.insert(
            op.path.to_string(),
            json!({ "get": {
                "summary": op.summary,
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
