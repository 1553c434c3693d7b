//! Prints the paragraphs and sentences of a text file, one sentence a line.
//!
//! `cargo run -p sitrep-text --example show -- article.txt`

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/dev/stdin".to_string());
    let text = std::fs::read_to_string(path)?;
    let seg = sitrep_text::segment_text(&text);
    let mut para = usize::MAX;
    for s in &seg.sentences {
        if s.paragraph != para {
            println!("¶ {}", s.paragraph);
            para = s.paragraph;
        }
        println!(
            "  [{}..{}] {:?}",
            s.span.start,
            s.span.end,
            &text[s.span.clone()]
        );
    }
    Ok(())
}
