//! Article text stored compressed, in the form of SQLite's own archive format ("sqlar"):
//! a zlib stream, or the bytes as they are when compressing would not shrink them, beside
//! the uncompressed size. The SQLite shell has `sqlar_uncompress(data, size)` built in, and
//! every connection sitrep opens registers the same function, so one SQL expression reads
//! the text everywhere (the store's views use it).

use crate::error::{Ctx, StoreError};
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::io::{Read, Write};

/// zlib's default level. On the BBC corpus it stores the records about 14% and the texts
/// about 4% smaller than the fastest level (zlib levels 1 and 6 over the stored bytes), for
/// about a tenth more ingest CPU (README, "Benchmarks": the store before and after).
const LEVEL: u32 = 6;

/// The stored form of `bytes`: compressed, unless that would not shrink them.
pub(crate) fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 2 + 64),
        Compression::new(LEVEL),
    );
    // Writing into a Vec cannot fail.
    z.write_all(bytes).expect("compressing into memory");
    let z = z.finish().expect("compressing into memory");
    if z.len() < bytes.len() {
        z
    } else {
        bytes.to_vec()
    }
}

/// The bytes back from their stored form and their size (`size == data.len()`: stored as
/// they are).
pub(crate) fn uncompress(data: &[u8], size: usize) -> Result<Vec<u8>, StoreError> {
    if data.len() == size {
        return Ok(data.to_vec());
    }
    let mut out = Vec::with_capacity(size);
    ZlibDecoder::new(data)
        .take(size as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| StoreError::Corrupt(format!("stored text does not decompress: {e}")))?;
    if out.len() != size {
        return Err(StoreError::Corrupt(format!(
            "stored text decompresses to {} bytes, not {size}",
            out.len()
        )));
    }
    Ok(out)
}

/// The article text back from its stored form.
pub(crate) fn text(data: &[u8], size: usize) -> Result<String, StoreError> {
    String::from_utf8(uncompress(data, size)?)
        .map_err(|e| StoreError::Corrupt(format!("stored text is not UTF-8: {e}")))
}

/// Registers `sqlar_uncompress(data, size)` as the SQLite shell defines it: NULL for NULL,
/// a value that is not a blob as it is, else the uncompressed blob.
pub(crate) fn register(conn: &Connection) -> Result<(), StoreError> {
    conn.create_scalar_function(
        "sqlar_uncompress",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let size = ctx.get::<i64>(1)?;
            match ctx.get_raw(0) {
                ValueRef::Blob(data) => {
                    let size = usize::try_from(size).map_err(|_| {
                        rusqlite::Error::UserFunctionError("negative sqlar size".into())
                    })?;
                    uncompress(data, size)
                        .map(rusqlite::types::Value::Blob)
                        .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
                }
                other => Ok(rusqlite::types::Value::from(other)),
            }
        },
    )
    .ctx("register sqlar_uncompress")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_compressed_or_not() {
        let long = "Russia warned NATO on Monday. ".repeat(40);
        for t in [long.as_str(), "ab", ""] {
            let z = compress(t.as_bytes());
            assert!(z.len() <= t.len());
            assert_eq!(text(&z, t.len()).unwrap(), t);
        }
        assert!(compress(long.as_bytes()).len() * 5 < long.len());
    }

    #[test]
    fn a_wrong_size_or_garbage_is_an_error() {
        let z = compress("x".repeat(100).as_bytes());
        assert!(uncompress(&z, 99).is_err());
        assert!(uncompress(&z, 101).is_err());
        assert!(uncompress(b"not zlib at all", 200).is_err());
    }

    #[test]
    fn sql_reads_the_text_as_the_sqlite_shell_does() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let t = "Ryabkov said the talks were difficult. ".repeat(10);
        let z = compress(t.as_bytes());
        let back: String = conn
            .query_row(
                "SELECT CAST(sqlar_uncompress(?1, ?2) AS TEXT)",
                rusqlite::params![z, t.len() as i64],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(back, t);
        let null: Option<String> = conn
            .query_row("SELECT sqlar_uncompress(NULL, 3)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(null, None);
        let bad = conn.query_row("SELECT sqlar_uncompress(x'0102', 9)", [], |r| {
            r.get::<_, Vec<u8>>(0)
        });
        assert!(bad.is_err());
    }
}
