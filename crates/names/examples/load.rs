//! Time to parse and compile the embedded gazetteers and lexicons.
//!
//! cargo run --release -p sitrep-names --example load

fn main() -> Result<(), sitrep_names::NamesError> {
    let t = std::time::Instant::now();
    let lex = sitrep_names::Lexicon::load()?;
    println!(
        "lexicon load: {:.1} ms wall, {} countries, {} cities",
        t.elapsed().as_secs_f64() * 1e3,
        lex.country_count(),
        lex.city_count()
    );
    Ok(())
}
