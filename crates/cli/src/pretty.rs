//! The readable report of one article (`--format pretty`, `sitrep demo`).

use sitrep_doc::output::{ArticleRecord, TextSpan};
use sitrep_events::CodeTable;
use sitrep_pipeline::Processed;
use std::io::{self, Write};

/// At most this many characters of a quote are shown; the offsets give the rest.
const QUOTE_CHARS: usize = 160;

fn shorten(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

fn span(t: &TextSpan) -> String {
    format!("{:?} @{}..{}", t.text, t.start, t.end)
}

/// Writes the report of one article. `codes` names the CAMEO event codes.
pub fn write_report(
    out: &mut dyn Write,
    processed: &Processed,
    codes: &CodeTable,
) -> io::Result<()> {
    let rec = processed.to_record();
    write_header(out, &rec)?;
    if processed.record.is_err() {
        for e in &rec.errors {
            writeln!(out, "  NOT PROCESSED: {e}")?;
        }
        return writeln!(out);
    }
    writeln!(
        out,
        "  {} sentences · {} entities · {} quotes · {} events · {} dates · {} amounts · {} themes · {:.1} ms",
        rec.sentences.len(),
        rec.entities.len(),
        rec.quotes.len(),
        rec.events.len(),
        rec.dates.len(),
        rec.amounts.len(),
        rec.themes.len(),
        processed.report.elapsed.as_secs_f64() * 1000.0
    )?;
    write_entities(out, &rec)?;
    write_quotes(out, &rec)?;
    write_events(out, &rec, codes)?;
    write_dates_amounts_themes(out, &rec)?;
    if !rec.errors.is_empty() {
        writeln!(out, "\nErrors")?;
        for e in &rec.errors {
            writeln!(out, "  {e}")?;
        }
    }
    writeln!(out)
}

fn write_header(out: &mut dyn Write, rec: &ArticleRecord) -> io::Result<()> {
    write!(out, "━━ {}", rec.id)?;
    if let Some(date) = rec.date {
        write!(out, "  ({date})")?;
    }
    if let Some(title) = &rec.title {
        write!(out, "  {title}")?;
    }
    writeln!(out)?;
    for (label, value) in [("source", &rec.source), ("url", &rec.url)] {
        if let Some(v) = value {
            writeln!(out, "  {label}: {v}")?;
        }
    }
    Ok(())
}

fn entity_label(rec: &ArticleRecord, id: Option<u32>) -> Option<String> {
    let e = rec.entities.get(id? as usize)?;
    Some(match &e.actor_code {
        Some(code) => format!("{} [{code}]", e.name),
        None => e.name.clone(),
    })
}

fn write_entities(out: &mut dyn Write, rec: &ArticleRecord) -> io::Result<()> {
    if rec.entities.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nEntities")?;
    for e in &rec.entities {
        let code = e.actor_code.as_deref().unwrap_or("-");
        write!(
            out,
            "  #{:<3} {:<12} {:<32} {:<10}",
            e.id, e.kind, e.name, code
        )?;
        if !e.titles.is_empty() {
            write!(out, " titles: {}", e.titles.join("; "))?;
        }
        write!(out, " ×{}", e.mentions.len())?;
        if let Some(geo) = &e.geo {
            write!(
                out,
                " geo: {} {} ({:.2}, {:.2})",
                geo.name, geo.country_iso3, geo.lat, geo.lon
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_quotes(out: &mut dyn Write, rec: &ArticleRecord) -> io::Result<()> {
    if rec.quotes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nQuotes")?;
    for (i, q) in rec.quotes.iter().enumerate() {
        writeln!(
            out,
            "  {:>2}. [{}] {} @{}..{}",
            i + 1,
            q.kind,
            shorten(&q.text, QUOTE_CHARS),
            q.start,
            q.end
        )?;
        let speaker = match &q.speaker {
            Some(s) => {
                let who = s.name.clone().unwrap_or_else(|| "(unresolved)".into());
                format!("{who} — as {:?} @{}..{}", s.text, s.start, s.end)
            }
            None => "(no speaker)".into(),
        };
        let cue = q
            .cue
            .as_ref()
            .map(|c| format!(" · cue {}", span(c)))
            .unwrap_or_default();
        writeln!(out, "      speaker: {speaker}{cue}")?;
    }
    Ok(())
}

fn write_events(out: &mut dyn Write, rec: &ArticleRecord, codes: &CodeTable) -> io::Result<()> {
    if rec.events.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nEvents")?;
    for e in &rec.events {
        let side = |a: &Option<sitrep_doc::output::ActorRecord>| match a {
            Some(a) => format!("{} ({:?})", a.actor_code, a.text),
            None => "—".to_string(),
        };
        let name = codes
            .get(&e.code)
            .map(|id| codes.info(id).name.as_str())
            .unwrap_or("unknown code");
        write!(
            out,
            "  {} –{}({name})→ {}",
            side(&e.source),
            e.code,
            side(&e.target)
        )?;
        write!(out, "  trigger {}", span(&e.trigger))?;
        write!(
            out,
            " · Goldstein {:+.1} · quad {} · {}",
            e.goldstein, e.quad_class, e.status
        )?;
        if let Some(date) = e.date {
            write!(out, " · {date}")?;
        }
        if let Some(place) = entity_label(rec, e.place) {
            write!(out, " · at {place}")?;
        }
        if e.is_root {
            write!(out, " · root")?;
        }
        if !e.issues.is_empty() {
            write!(out, " · issues {}", e.issues.join(","))?;
        }
        writeln!(out)?;
        if !e.rule.is_empty() {
            writeln!(out, "      rule: {}", e.rule)?;
        }
    }
    Ok(())
}

fn write_dates_amounts_themes(out: &mut dyn Write, rec: &ArticleRecord) -> io::Result<()> {
    if !rec.dates.is_empty() {
        writeln!(out, "\nDates")?;
        for d in &rec.dates {
            let date = d.date.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
            writeln!(
                out,
                "  {:?} @{}..{} → {date} (resolution {})",
                d.text,
                d.start,
                d.end,
                u8::from(d.resolution)
            )?;
        }
    }
    if !rec.amounts.is_empty() {
        writeln!(out, "\nAmounts")?;
        for a in &rec.amounts {
            writeln!(
                out,
                "  {:?} @{}..{} = {} {}",
                a.text, a.start, a.end, a.value, a.object
            )?;
        }
    }
    if !rec.themes.is_empty() {
        let mut themes: Vec<&str> = rec.themes.iter().map(|t| t.theme.as_str()).collect();
        themes.sort_unstable();
        themes.dedup();
        writeln!(out, "\nThemes\n  {}", themes.join(", "))?;
    }
    if let Some(tone) = &rec.tone {
        writeln!(
            out,
            "\nTone\n  {:+.2} (positive {:.2}, negative {:.2})",
            tone.tone, tone.positive, tone.negative
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_on_characters_and_flattens_space() {
        assert_eq!(shorten("a  b\nc", 10), "a b c");
        assert_eq!(shorten("ééééé", 3), "ééé…");
    }
}
