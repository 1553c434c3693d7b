//! Request parameters: the query-string extractor (unknown or malformed parameters are a 400
//! naming the problem), pagination with hard caps, and the checks each kind of value gets
//! before it is bound into SQL.

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// A query string parsed into `T` (whose struct denies unknown fields).
pub(crate) struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        match Query::<T>::try_from_uri(&parts.uri) {
            Ok(Query(v)) => Ok(Params(v)),
            Err(e) => Err(ApiError::bad(e.body_text())),
        }
    }
}

/// Deepest offset accepted: deeper pages cost a scan of everything before them.
pub const MAX_OFFSET: u32 = 100_000;
/// Longest free-text parameter (a search, a name), in bytes.
pub const MAX_TEXT: usize = 200;

/// One page of a list: `limit` rows from `offset`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub limit: u32,
    pub offset: u32,
}

impl Page {
    /// `limit` defaults to `default` and must be 1..=`cap`; `offset` at most [`MAX_OFFSET`].
    pub fn new(
        limit: Option<u32>,
        offset: Option<u32>,
        default: u32,
        cap: u32,
    ) -> Result<Page, ApiError> {
        let limit = limit.unwrap_or(default);
        if limit == 0 || limit > cap {
            return Err(ApiError::bad(format!(
                "limit must be between 1 and {cap} (got {limit})"
            )));
        }
        let offset = offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad(format!(
                "offset must be at most {MAX_OFFSET} (got {offset})"
            )));
        }
        Ok(Page { limit, offset })
    }

    /// Rows to fetch: one more than the page, to know whether another page follows.
    pub fn fetch(&self) -> i64 {
        i64::from(self.limit) + 1
    }

    /// The page's JSON envelope; `items` may hold the one extra row [`Page::fetch`] asked for.
    pub fn wrap(&self, mut items: Vec<serde_json::Value>) -> serde_json::Value {
        let more = items.len() > self.limit as usize;
        items.truncate(self.limit as usize);
        serde_json::json!({
            "items": items,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": if more { Some(self.offset + self.limit) } else { None },
        })
    }
}

/// `Some(trimmed)` for a non-empty value, checked against [`MAX_TEXT`].
pub(crate) fn text(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.len() > MAX_TEXT => Err(ApiError::bad(format!(
            "{name} is longer than {MAX_TEXT} bytes"
        ))),
        Some(s) => Ok(Some(s.to_string())),
    }
}

/// A CAMEO actor code or pattern (`USA`, `RUSGOV`, `RUS*`, `*GOV`), upper-cased, as an SQLite
/// GLOB pattern (bound, never pasted into SQL).
pub(crate) fn actor_pattern(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(s) = text(name, v)? else {
        return Ok(None);
    };
    let s = s.to_uppercase();
    if s.len() > 40
        || !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '*' || c == '?')
    {
        return Err(ApiError::bad(format!(
            "{name} must be a CAMEO actor code or a pattern with * and ? (got {s:?})"
        )));
    }
    Ok(Some(s))
}

/// A CAMEO event code (2 to 4 digits) or, for `root`, exactly 2 digits.
pub(crate) fn cameo(
    name: &str,
    v: &Option<String>,
    root: bool,
) -> Result<Option<String>, ApiError> {
    let Some(s) = text(name, v)? else {
        return Ok(None);
    };
    let ok_len = if root {
        s.len() == 2
    } else {
        (2..=4).contains(&s.len())
    };
    if !ok_len || !s.chars().all(|c| c.is_ascii_digit()) {
        let want = if root { "2 digits" } else { "2 to 4 digits" };
        return Err(ApiError::bad(format!(
            "{name} must be a CAMEO code of {want} (got {s:?})"
        )));
    }
    Ok(Some(s))
}

/// QuadClass 1 (verbal cooperation) to 4 (material conflict).
pub(crate) fn quad_class(v: Option<u8>) -> Result<Option<i64>, ApiError> {
    match v {
        None => Ok(None),
        Some(q @ 1..=4) => Ok(Some(i64::from(q))),
        Some(q) => Err(ApiError::bad(format!(
            "quad_class must be 1, 2, 3 or 4 (got {q})"
        ))),
    }
}

/// A date range whose ends are in order.
pub(crate) fn dates(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Option<String>, Option<String>), ApiError> {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad(format!("from ({f}) is after to ({t})")));
        }
    }
    Ok((from.map(|d| d.to_string()), to.map(|d| d.to_string())))
}

/// `s` as a LIKE pattern matching it anywhere (its own `%`, `_` and `\` taken literally).
pub(crate) fn like_anywhere(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_caps_and_next_offset() {
        assert!(Page::new(Some(0), None, 10, 50).is_err());
        assert!(Page::new(Some(51), None, 10, 50).is_err());
        assert!(Page::new(None, Some(MAX_OFFSET + 1), 10, 50).is_err());
        let p = Page::new(Some(2), Some(4), 10, 50).unwrap();
        let v = p.wrap(vec![1.into(), 2.into(), 3.into()]);
        assert_eq!(v["items"].as_array().unwrap().len(), 2);
        assert_eq!(v["next_offset"], 6);
        let v = p.wrap(vec![1.into()]);
        assert!(v["next_offset"].is_null());
    }

    #[test]
    fn checks_refuse_what_sql_should_never_see() {
        assert_eq!(
            actor_pattern("a", &Some("rus*".into())).unwrap().as_deref(),
            Some("RUS*")
        );
        assert!(actor_pattern("a", &Some("RUS'; DROP".into())).is_err());
        assert!(cameo("root", &Some("042".into()), true).is_err());
        assert_eq!(
            cameo("code", &Some("042".into()), false)
                .unwrap()
                .as_deref(),
            Some("042")
        );
        assert!(quad_class(Some(5)).is_err());
        assert_eq!(like_anywhere("50%_a\\"), "%50\\%\\_a\\\\%");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert!(dates(d("2022-02-01"), d("2022-01-01")).is_err());
        assert_eq!(text("q", &Some("  ".into())).unwrap(), None);
    }
}
