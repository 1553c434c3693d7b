//! Inputs as the user names them (files, directories, `-`) turned into one lazy stream of
//! records.

use crate::jsonl::JsonlReader;
use crate::text::{read_limited, text_document};
use crate::{IngestError, IngestOptions, Location, Record};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// File extensions picked up when walking a directory, and how each is read.
/// Files named explicitly are read whatever their extension (by content if unknown).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

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
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Text)
    } else if JSONL_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Jsonl)
    } else {
        None
    }
}

/// JSONL if the first non-blank byte opens an object, else text. Peeks without consuming.
fn sniff(reader: &mut impl BufRead) -> std::io::Result<Format> {
    let head = reader.fill_buf()?;
    Ok(match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    })
}

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

    /// Starts reading one input: either yields its single record now (text, errors) or
    /// installs a streaming reader.
    fn open(&mut self, input: Input) -> Option<Record> {
        let max = self.options.max_bytes;
        match input {
            Input::Stdin => {
                let mut reader = std::io::stdin().lock();
                if let Some(record) = self.open_stream(&mut reader, "-", None) {
                    return Some(record);
                }
                let stream = BufReader::with_capacity(1 << 16, std::io::stdin());
                self.current = Some(Box::new(JsonlReader::new(stream, "-", max)));
                None
            }
            Input::Path(path) => {
                let label = path.display().to_string();
                let meta = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(source) => {
                        return Some(Err(IngestError::Io {
                            at: Location::file(label),
                            source,
                        }))
                    }
                };
                if meta.is_dir() {
                    return match walk(&path) {
                        Ok(files) => {
                            for file in files.into_iter().rev() {
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
                if meta.len() > max as u64 && format_of(&path) == Some(Format::Text) {
                    return Some(Err(IngestError::TooLong {
                        at: Location::file(label),
                        len: meta.len(),
                        limit: max,
                    }));
                }
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(source) => {
                        return Some(Err(IngestError::Io {
                            at: Location::file(label),
                            source,
                        }))
                    }
                };
                let mut reader = BufReader::with_capacity(1 << 16, file);
                if let Some(record) = self.open_stream(&mut reader, &label, format_of(&path)) {
                    return Some(record);
                }
                self.current = Some(Box::new(JsonlReader::new(reader, label, max)));
                None
            }
        }
    }

    /// For a text input returns its record; for JSONL returns `None` so the caller installs
    /// a line reader over the same (unconsumed) stream.
    fn open_stream(
        &mut self,
        reader: &mut impl BufRead,
        label: &str,
        known: Option<Format>,
    ) -> Option<Record> {
        let format = match known {
            Some(f) => f,
            None => match sniff(reader) {
                Ok(f) => f,
                Err(source) => {
                    return Some(Err(IngestError::Io {
                        at: Location::file(label),
                        source,
                    }))
                }
            },
        };
        match format {
            Format::Jsonl => None,
            Format::Text => Some(
                read_limited(reader, label, self.options.max_bytes)
                    .and_then(|bytes| text_document(label, bytes, self.options.max_bytes)),
            ),
        }
    }
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

/// The readable files under `dir`, recursively, sorted by path. Hidden entries (names
/// starting with `.`) and symlinked directories are skipped, the latter to avoid cycles.
fn walk(dir: &Path) -> Result<Vec<PathBuf>, (String, std::io::Error)> {
    let mut out = Vec::new();
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
            out.extend(walk(&path)?);
        } else if format_of(&path).is_some() && path.is_file() {
            out.push(path);
        }
    }
    Ok(out)
}
