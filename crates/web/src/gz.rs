//! Transparent gzip: a stream that starts with the gzip magic is decompressed (all members).

use std::io::{BufRead, BufReader, Read};

/// True when the stream starts with a gzip header. Peeks without consuming.
pub fn is_gzip(reader: &mut impl BufRead) -> std::io::Result<bool> {
    Ok(reader.fill_buf()?.starts_with(&[0x1f, 0x8b]))
}

/// The decompressed stream if `reader` is gzip, else `reader` itself.
pub fn maybe_gunzip<R: BufRead + Send + 'static>(
    mut reader: R,
) -> std::io::Result<Box<dyn BufRead + Send>> {
    if is_gzip(&mut reader)? {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// Reads all of `reader`, decompressing gzip, up to `limit` bytes of output (`Err(len)`
/// with the length read so far when over it).
pub fn read_all_limited(
    reader: impl BufRead + Send + 'static,
    limit: usize,
) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut out = Vec::new();
    let mut r = maybe_gunzip(reader)?;
    r.by_ref().take(limit as u64 + 1).read_to_end(&mut out)?;
    if out.len() > limit {
        let rest = std::io::copy(&mut r, &mut std::io::sink())?;
        return Ok(Err(out.len() as u64 + rest));
    }
    Ok(Ok(out))
}
