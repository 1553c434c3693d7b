//! Trains the parser and prints its figures: `cargo run --release -p sitrep-parser --example
//! train -- [UD_DIR] [OUT_DIR] [--include-dev] [--iterations N] [--gold-pos]`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = sitrep_parser::TrainOptions::default();
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--include-dev" => opts.include_dev = true,
            "--gold-pos" => opts.gold_pos = true,
            "--jackknife" => opts.jackknife = args.next().ok_or("N")?.parse()?,
            "--iterations" => opts.iterations = args.next().ok_or("N")?.parse()?,
            "--action-bits" => opts.action_bits = args.next().ok_or("N")?.parse()?,
            "--label-bits" => opts.label_bits = args.next().ok_or("N")?.parse()?,
            "--prune" => opts.prune = args.next().ok_or("X")?.parse()?,
            "--explore" => opts.explore = args.next().ok_or("X")?.parse()?,
            "--beam" => opts.beam = args.next().ok_or("K")?.parse()?,
            _ => positional.push(a),
        }
    }
    if let Some(d) = positional.first() {
        opts.ud_dir = d.into();
    }
    opts.out_dir = positional.get(1).map(Into::into);
    let (_, report) = sitrep_parser::train(&opts)?;
    print!("{report}");
    Ok(())
}
