//! Inputs as the user names them (files, directories, `-`) turned into one lazy stream of
//! records.

use crate::jsonl::JsonlReader;
use crate::text::{read_limited, text_document};
use crate::web::{html_document, WarcDocuments};
use crate::{IngestError, IngestOptions, Location, Record};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// File extensions picked up when walking a directory, and how each is read. A further
/// `.gz` (`page.html.gz`, `crawl.warc.gz`) is decompressed on the fly; a bare `.gz` is read by
/// content. Files named explicitly are read whatever their extension (by content if unknown).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];
pub const WARC_EXTENSIONS: &[&str] = &["warc"];

/// One input as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    /// `-`: standard input, JSONL or text by content.
    Stdin,
}

impl Input {
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
    Html,
    Warc,
}

/// What a file name says: its format if the extension (before any `.gz`) is known, and
/// whether it is gzip. `None`: not an input a directory walk picks.
fn name_kind(path: &Path) -> Option<(Option<Format>, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (name.as_str(), false),
    };
    let ext = Path::new(stem).extension().and_then(|e| e.to_str());
    let format = ext.and_then(|ext| {
        if TEXT_EXTENSIONS.contains(&ext) {
            Some(Format::Text)
        } else if JSONL_EXTENSIONS.contains(&ext) {
            Some(Format::Jsonl)
        } else if HTML_EXTENSIONS.contains(&ext) {
            Some(Format::Html)
        } else if WARC_EXTENSIONS.contains(&ext) {
            Some(Format::Warc)
        } else {
            None
        }
    });
    (format.is_some() || gz).then_some((format, gz))
}

/// By content: a WARC version line, a JSON object, HTML, else text. Peeks without consuming.
fn sniff(reader: &mut impl BufRead) -> std::io::Result<Format> {
    let head = reader.fill_buf()?;
    if head.starts_with(b"WARC/") {
        return Ok(Format::Warc);
    }
    if sitrep_web::looks_like_html(head) {
        return Ok(Format::Html);
    }
    Ok(match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    })
}

type Stream = Box<dyn BufRead + Send>;

/// The records of all inputs, in order: inputs as given, directory contents recursively in
/// sorted path order. Nothing is read before it is needed, and JSONL is streamed line by line.
pub struct Records {
    options: IngestOptions,
    pending: VecDeque<Input>,
    current: Option<Box<dyn Iterator<Item = Record> + Send>>,
}

impl Records {
    pub fn new(inputs: impl IntoIterator<Item = Input>, options: IngestOptions) -> Records {
        Records {
            options,
            pending: inputs.into_iter().collect(),
            current: None,
        }
    }

    /// Starts reading one input: either yields its single record now (text, HTML, errors)
    /// or installs a streaming reader (JSONL, WARC).
    fn open(&mut self, input: Input) -> Option<Record> {
        let max = self.options.max_bytes;
        let (label, reader, known): (String, Stream, Option<Format>) = match input {
            Input::Stdin => (
                STDIN_LABEL.to_string(),
                Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
                None,
            ),
            Input::Path(path) => {
                let label = path_id(&path);
                let io_error = |source| {
                    Some(Err(IngestError::Io {
                        at: Location::file(label.clone()),
                        source,
                    }))
                };
                let meta = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(source) => return io_error(source),
                };
                if meta.is_dir() {
                    let mut found = Walk::default();
                    return match walk(&path, &mut found) {
                        Ok(()) if found.files.is_empty() && found.skipped > 0 => {
                            let more = if found.skipped > found.skipped_examples.len() {
                                ", ..."
                            } else {
                                ""
                            };
                            Some(Err(IngestError::NoArticleFiles {
                                at: Location::file(label),
                                count: found.skipped,
                                examples: found.skipped_examples.join(", ") + more,
                            }))
                        }
                        Ok(()) => {
                            for file in found.files.into_iter().rev() {
                                self.pending.push_front(Input::Path(file));
                            }
                            None
                        }
                        Err((at, source)) => Some(Err(IngestError::Io {
                            at: Location::file(at),
                            source,
                        })),
                    };
                }
                let (known, gz) = name_kind(&path).unwrap_or((None, false));
                if meta.len() > max as u64 && known == Some(Format::Text) && !gz {
                    return Some(Err(IngestError::TooLong {
                        at: Location::file(label),
                        len: meta.len(),
                        limit: max,
                    }));
                }
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(source) => return io_error(source),
                };
                (
                    label,
                    Box::new(BufReader::with_capacity(1 << 16, file)),
                    known,
                )
            }
        };
        self.open_stream(reader, label, known)
    }

    /// Reads one opened input. WARC keeps its own gzip members (to resume after a damaged
    /// one); every other gzip stream is decompressed first.
    fn open_stream(
        &mut self,
        mut reader: Stream,
        label: String,
        known: Option<Format>,
    ) -> Option<Record> {
        let options = self.options;
        let io_error = |label: &str, source| {
            Some(Err(IngestError::Io {
                at: Location::file(label),
                source,
            }))
        };
        if known == Some(Format::Warc) {
            self.current = Some(Box::new(WarcDocuments::new(reader, label, options)));
            return None;
        }
        reader = match sitrep_web::gz::maybe_gunzip(reader) {
            Ok(r) => r,
            Err(source) => return io_error(&label, source),
        };
        // Formats a user may hand over by mistake (gzip is read above, WARC has its own reader).
        match reader.fill_buf() {
            Ok(head) => {
                if let Some((format, hint)) = binary_format(head) {
                    return Some(Err(IngestError::NotText {
                        at: Location::file(label),
                        format,
                        hint,
                    }));
                }
            }
            Err(source) => return io_error(&label, source),
        }
        let format = match known {
            Some(f) => f,
            None => match sniff(&mut reader) {
                Ok(f) => f,
                Err(source) => return io_error(&label, source),
            },
        };
        match format {
            Format::Jsonl => {
                self.current = Some(Box::new(JsonlReader::new(reader, label, options.max_bytes)));
                None
            }
            Format::Warc => {
                self.current = Some(Box::new(WarcDocuments::new(reader, label, options)));
                None
            }
            Format::Html => Some(
                read_limited(reader, &label, sitrep_web::extract::MAX_HTML_BYTES)
                    .and_then(|bytes| html_document(&label, &bytes, &options)),
            ),
            Format::Text => Some(
                read_limited(reader, &label, options.max_bytes)
                    .map(|bytes| decode_text_bytes(bytes, &options))
                    .and_then(|bytes| {
                        let id = if label == STDIN_LABEL {
                            stdin_id(&bytes)
                        } else {
                            label.clone()
                        };
                        text_document(&id, bytes, options.max_bytes)
                    }),
            ),
        }
    }
}

/// Text files: UTF-8 stays as it is; other bytes are decoded by `--encoding`, a BOM, or
/// detection, and the article is the decoded text.
fn decode_text_bytes(bytes: Vec<u8>, options: &IngestOptions) -> Vec<u8> {
    if options.encoding.is_none() && std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    sitrep_web::decode_text(&bytes, options.encoding)
        .text
        .into_bytes()
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(record) => return Some(record),
                    None => self.current = None,
                }
            }
            let input = self.pending.pop_front()?;
            if let Some(record) = self.open(input) {
                return Some(record);
            }
        }
    }
}

/// How standard input is named in messages (and in the ids of its failed JSONL lines).
const STDIN_LABEL: &str = "-";

/// The id of a text article read from a file: its path relative to the working directory
/// when it lies below it, else its absolute path, symlinks resolved either way. So `in/dir`,
/// `./in/dir` and `/abs/in/dir` give the same ids, and a rerun by another spelling finds
/// the stored articles. A path that cannot be resolved (it is missing) is kept as given,
/// without `.` components.
pub fn path_id(path: &Path) -> String {
    let resolved = std::fs::canonicalize(path).ok().map(|abs| {
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize);
        match cwd.as_ref().ok().and_then(|cwd| abs.strip_prefix(cwd).ok()) {
            Some(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
            _ => abs,
        }
    });
    let shown = resolved.unwrap_or_else(|| {
        path.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    });
    shown.display().to_string()
}

/// The id of a text article read from standard input: `stdin:` and a hash of its bytes, so
/// each piped article keeps its own id and piping the same text again finds it stored.
pub fn stdin_id(bytes: &[u8]) -> String {
    // FNV-1a, 64 bits: fixed forever (ids are compared across versions), no dependency.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("stdin:{h:016x}")
}

/// What the inputs hold before anything is read, by the same walk the reading does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// Bytes of the files that will be read; `None` when standard input is among the inputs.
    pub bytes: Option<u64>,
    /// Files inside directories that hold article files but are not article files by name:
    /// passed over. (A directory with none at all is a read error of its own.)
    pub skipped: usize,
    /// The first few of them.
    pub skipped_examples: Vec<String>,
}

/// Surveys the inputs: their size for a progress bar, and the files a directory walk will
/// pass over, so a mixed folder is reported rather than half-read in silence. Unreadable
/// paths count nothing here: reading them reports the error.
pub fn survey(inputs: &[Input]) -> Survey {
    let mut out = Survey {
        bytes: Some(0),
        ..Survey::default()
    };
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                out.bytes = None;
                continue;
            }
            Input::Path(path) => path,
        };
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        let bytes = if meta.is_dir() {
            let mut found = Walk::default();
            if walk(path, &mut found).is_err() || found.files.is_empty() {
                continue;
            }
            out.skipped += found.skipped;
            for example in found.skipped_examples {
                if out.skipped_examples.len() < 3 {
                    out.skipped_examples.push(example);
                }
            }
            found
                .files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum()
        } else {
            meta.len()
        };
        out.bytes = out.bytes.map(|total| total + bytes);
    }
    out
}

/// What a directory walk found: the article files, and how many others were passed over
/// (with the first few names, for the message when nothing else was found).
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: usize,
    skipped_examples: Vec<String>,
}

/// The readable files under `dir`, recursively, sorted by path. Hidden entries (names
/// starting with `.`) and symlinked directories are skipped, the latter to avoid cycles.
fn walk(dir: &Path, out: &mut Walk) -> Result<(), (String, std::io::Error)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .and_then(|rd| rd.collect::<Result<Vec<_>, _>>())
        .map_err(|e| (dir.display().to_string(), e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let file_type = entry
            .file_type()
            .map_err(|e| (path.display().to_string(), e))?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if name_kind(&path).is_some() && path.is_file() {
            out.files.push(path);
        } else if path.is_file() {
            out.skipped += 1;
            if out.skipped_examples.len() < 3 {
                out.skipped_examples.push(path.display().to_string());
            }
        }
    }
    Ok(())
}

/// A binary format a user may hand over by mistake, by its first bytes: its name and what
/// to do instead.
fn binary_format(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.starts_with(&[0x1f, 0x8b]) {
        Some((
            "gzip-compressed",
            "decompress it first (gunzip -k FILE, or: zcat FILE | sitrep extract -)",
        ))
    } else if head.starts_with(b"PK\x03\x04") {
        Some((
            "a zip archive",
            "unpack it and name the files or their folder",
        ))
    } else if head.starts_with(b"%PDF") {
        Some((
            "a PDF document",
            "convert it to text first (e.g. pdftotext)",
        ))
    } else {
        None
    }
}
