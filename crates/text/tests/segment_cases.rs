//! Table-driven segmentation cases: input text -> expected sentence texts, and token cases.

use sitrep_text::segment_text;

/// The sentences of a text as strings (default configuration).
fn sentence_texts(text: &str) -> Vec<&str> {
    segment_text(text)
        .sentences
        .iter()
        .map(|s| &text[s.span.clone()])
        .collect()
}

/// The tokens of a text as strings (default configuration).
fn token_texts(text: &str) -> Vec<&str> {
    segment_text(text)
        .tokens
        .iter()
        .map(|t| &text[t.span.clone()])
        .collect()
}

const SENTENCE_CASES: &[(&str, &str, &[&str])] = &[
    ("simple", "The talks ended. Both sides left.", &["The talks ended.", "Both sides left."]),
    ("question and exclamation", "Did they agree? No! They did not.", &["Did they agree?", "No!", "They did not."]),
    ("interrobang run", "Really?! Yes.", &["Really?!", "Yes."]),
    ("paragraphs", "First one.\n\nSecond one.", &["First one.", "Second one."]),
    ("crlf paragraphs", "First one.\r\n\r\nSecond one.", &["First one.", "Second one."]),
    ("blank line with spaces", "First one\n   \t\nSecond one", &["First one", "Second one"]),
    ("paragraph without punctuation ends sentence", "Talks in Vienna lasted\n\nThe next day began.", &["Talks in Vienna lasted", "The next day began."]),
    ("headline line", "The talks lasted 8 hours\nThe meeting began at noon.", &["The talks lasted 8 hours", "The meeting began at noon."]),
    ("line break mid-sentence lower", "The decision was taken by the\ncommittee on Friday.", &["The decision was taken by the\ncommittee on Friday."]),
    ("line break after function word before capital", "Officials met with\nRussian diplomats.", &["Officials met with\nRussian diplomats."]),
    ("line break after comma", "In Vienna,\nOfficials met.", &["In Vienna,\nOfficials met."]),
    ("hard wrapped paragraph", "The delegation said that the talks\nwould go on and that the\nsides had agreed. More talks\nare planned.", &["The delegation said that the talks\nwould go on and that the\nsides had agreed.", "More talks\nare planned."]),
    (
        "block quote with bare attribution",
        "The dialogue was tough, lengthy and very frank. We did not try to smooth the edges Anton Petrov Deputy Minister of Trade of Ruritania\n\nLater, Petrov said more.",
        &["The dialogue was tough, lengthy and very frank.", "We did not try to smooth the edges Anton Petrov Deputy Minister of Trade of Ruritania", "Later, Petrov said more."],
    ),
    (
        "block quote with ellipsis and attribution",
        "This is a matter of our security … The risk is so high that we cannot wait any longer. Anton Petrov Deputy Minister of Trade\n\nNext paragraph.",
        &["This is a matter of our security …", "The risk is so high that we cannot wait any longer.", "Anton Petrov Deputy Minister of Trade", "Next paragraph."],
    ),
    ("US abbreviation mid sentence", "The U.S. delegation arrived.", &["The U.S. delegation arrived."]),
    ("US at sentence end before The", "They met in the U.S. The talks went well.", &["They met in the U.S.", "The talks went well."]),
    ("US at sentence end before He", "He flew to the U.S. He met aides.", &["He flew to the U.S.", "He met aides."]),
    ("US before proper name stays", "The U.S. Navy said so.", &["The U.S. Navy said so."]),
    ("UN", "The U.N. Security Council met.", &["The U.N. Security Council met."]),
    ("Gen title", "Gen. Mark Milley spoke. Then he left.", &["Gen. Mark Milley spoke.", "Then he left."]),
    ("Dr Mr Mrs", "Dr. Smith met Mr. Jones and Mrs. Brown.", &["Dr. Smith met Mr. Jones and Mrs. Brown."]),
    ("St", "He lives in St. Petersburg now.", &["He lives in St. Petersburg now."]),
    ("month abbreviations", "On Jan. 10 and Feb. 3 and Sept. 9 they met.", &["On Jan. 10 and Feb. 3 and Sept. 9 they met."]),
    ("company suffix mid sentence", "Acme Inc. said profits rose.", &["Acme Inc. said profits rose."]),
    ("company suffix at end", "He works for Acme Corp. The firm grew.", &["He works for Acme Corp.", "The firm grew."]),
    ("Ltd at end before lower", "Shares of Foo Ltd. rose.", &["Shares of Foo Ltd. rose."]),
    ("No before number", "He was No. 2 in the party.", &["He was No. 2 in the party."]),
    ("No as word", "They said No. The vote failed.", &["They said No.", "The vote failed."]),
    ("vs", "It was Spain vs. Italy in the final.", &["It was Spain vs. Italy in the final."]),
    ("eg ie", "Some states, e.g. France, agreed, i.e. most of them.", &["Some states, e.g. France, agreed, i.e. most of them."]),
    ("am pm", "It began at 9 a.m. and ended at 5 p.m. local time.", &["It began at 9 a.m. and ended at 5 p.m. local time."]),
    ("pm at end", "It ended at 5 p.m. The sides then left.", &["It ended at 5 p.m.", "The sides then left."]),
    ("initials", "J. R. R. Tolkien wrote it.", &["J. R. R. Tolkien wrote it."]),
    ("middle initial", "George W. Bush spoke.", &["George W. Bush spoke."]),
    ("decimals", "The talks lasted 7.5 hours. They ended.", &["The talks lasted 7.5 hours.", "They ended."]),
    ("time", "It began at 9:00 am local time.", &["It began at 9:00 am local time."]),
    ("money and percent", "Profit rose 3.5% to $1.13bn. Sales fell.", &["Profit rose 3.5% to $1.13bn.", "Sales fell."]),
    ("numbered items", "1. Withdraw troops.\n2. Stop drills.", &["1. Withdraw troops.", "2. Stop drills."]),
    ("url", "See https://example.org/a.b?x=1. Then leave.", &["See https://example.org/a.b?x=1.", "Then leave."]),
    ("email", "Write to press@example.org. We reply.", &["Write to press@example.org.", "We reply."]),
    ("closing curly quote after stop", "He said: “It is over.” Then he left.", &["He said: “It is over.”", "Then he left."]),
    ("closing straight quote after stop", "He said: \"It is over.\" Then he left.", &["He said: \"It is over.\"", "Then he left."]),
    ("closing bracket", "(He was freed later.) Then talks resumed.", &["(He was freed later.)", "Then talks resumed."]),
    ("quote then lowercase cue", "“Why?” she asked. “Because.”", &["“Why?” she asked.", "“Because.”"]),
    ("quote comma cue", "“We are ready,” she said.", &["“We are ready,” she said."]),
    ("opening quote starts sentence", "He left. “We stay,” she said.", &["He left.", "“We stay,” she said."]),
    ("ellipsis then capital", "We waited... Nothing happened.", &["We waited...", "Nothing happened."]),
    ("ellipsis then lower", "We waited … and waited.", &["We waited … and waited."]),
    ("unicode ellipsis capital", "It is dangerous … We cannot wait.", &["It is dangerous …", "We cannot wait."]),
    ("em dash", "The plan — if it works — helps. Fine.", &["The plan — if it works — helps.", "Fine."]),
    ("en dash range", "Talks on 10–12 January. Done.", &["Talks on 10–12 January.", "Done."]),
    ("lowercase after stop is not a boundary", "The price was 5 approx. and fell.", &["The price was 5 approx. and fell."]),
    ("sentence starting with number", "Talks ended in 2021. 25 people died.", &["Talks ended in 2021.", "25 people died."]),
    ("leading and trailing white space", "  \n Hello there.  \n\n  ", &["Hello there."]),
    ("non-latin", "Переговоры закончились. Стороны ушли.", &["Переговоры закончились.", "Стороны ушли."]),
    ("headline block without punctuation", "Talks end\nSanctions loom\nMarkets fall", &["Talks end", "Sanctions loom", "Markets fall"]),
    ("line break after title abbreviation", "It was Gen.\nSmith who spoke.", &["It was Gen.\nSmith who spoke."]),
    ("et al", "Smith et al. found it. They said so.", &["Smith et al. found it.", "They said so."]),
    (
        "question in quotes then stop",
        "He asked \"why?\". \"No,\" she said.",
        &["He asked \"why?\".", "\"No,\" she said."],
    ),
    (
        "stray closing quote at paragraph end",
        "The film will be shown. '\n\nNext.",
        &["The film will be shown. '", "Next."],
    ),
    (
        "full stop opening a paragraph",
        "Text ends\n\n. And more text.",
        &["Text ends", ". And more text."],
    ),
    (
        "province abbreviation",
        "He lives in Kingston, Ont. and works there.",
        &["He lives in Kingston, Ont. and works there."],
    ),
    (
        "street abbreviation at sentence end",
        "He lives on Main St. The house is old.",
        &["He lives on Main St.", "The house is old."],
    ),
    (
        "leading decimal point",
        "Rates rose .5 points. Then fell.",
        &["Rates rose .5 points.", "Then fell."],
    ),
];

#[test]
fn sentence_table() {
    assert!(SENTENCE_CASES.len() >= 45);
    let mut failures = Vec::new();
    for (name, input, expected) in SENTENCE_CASES {
        let got = sentence_texts(input);
        if got != *expected {
            failures.push(format!(
                "case {name:?}:\n  input    {input:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const TOKEN_CASES: &[(&str, &str, &[&str])] = &[
    (
        "clitic n't",
        "I don't know.",
        &["I", "do", "n't", "know", "."],
    ),
    (
        "can't won't",
        "We can't and won't.",
        &["We", "ca", "n't", "and", "wo", "n't", "."],
    ),
    (
        "possessive",
        "Russia's security",
        &["Russia", "'s", "security"],
    ),
    (
        "curly possessive",
        "Russia’s security",
        &["Russia", "’s", "security"],
    ),
    (
        "we're they've I'm",
        "we're they've I'm",
        &["we", "'re", "they", "'ve", "I", "'m"],
    ),
    (
        "plural possessive",
        "the countries' leaders",
        &["the", "countries", "'", "leaders"],
    ),
    ("O'Brien stays", "O'Brien spoke", &["O'Brien", "spoke"]),
    (
        "hyphenated",
        "the non-expansion of Intermediate-Range forces",
        &["the", "non-expansion", "of", "Intermediate-Range", "forces"],
    ),
    (
        "numbers",
        "7.5 hours, 25,000 troops at 9:00",
        &["7.5", "hours", ",", "25,000", "troops", "at", "9:00"],
    ),
    (
        "money",
        "$1.13bn (£600m) 3.5%",
        &["$", "1.13", "bn", "(", "£", "600", "m", ")", "3.5", "%"],
    ),
    (
        "abbreviations",
        "U.S. Gen. Smith",
        &["U.S.", "Gen.", "Smith"],
    ),
    ("sentence final stop", "He left.", &["He", "left", "."]),
    (
        "quotes",
        "“It is over.”",
        &["“", "It", "is", "over", ".", "”"],
    ),
    (
        "url and email",
        "see www.example.org/x, or a.b@example.org.",
        &[
            "see",
            "www.example.org/x",
            ",",
            "or",
            "a.b@example.org",
            ".",
        ],
    ),
    (
        "ellipsis tokens",
        "wait... now … go",
        &["wait", "...", "now", "…", "go"],
    ),
    (
        "dashes",
        "yes — no – maybe -- ok",
        &["yes", "—", "no", "–", "maybe", "--", "ok"],
    ),
    ("cannot", "We cannot go", &["We", "can", "not", "go"]),
    (
        "ordinals and decades",
        "the 10th in the 1990s",
        &["the", "10th", "in", "the", "1990s"],
    ),
    (
        "accents",
        "Zürich and São Paulo",
        &["Zürich", "and", "São", "Paulo"],
    ),
    ("initials", "George W. Bush", &["George", "W.", "Bush"]),
    ("hashtag", "#MeToo trends", &["#MeToo", "trends"]),
    ("ampersand acronym", "AT&T and S&P", &["AT&T", "and", "S&P"]),
    ("date iso", "on 2022-01-10.", &["on", "2022-01-10", "."]),
    ("glued initial", "J.Aron spoke", &["J.", "Aron", "spoke"]),
    ("number sign", "#10461 filed", &["#", "10461", "filed"]),
    (
        "population abbreviation",
        "(pop. 256,000)",
        &["(", "pop.", "256,000", ")"],
    ),
    (
        "acronym possessive",
        "the U.S.'s role",
        &["the", "U.S.", "'s", "role"],
    ),
    (
        "quoted s is no clitic",
        "he said 's' twice",
        &["he", "said", "'", "s", "'", "twice"],
    ),
];

#[test]
fn token_table() {
    let mut failures = Vec::new();
    for (name, input, expected) in TOKEN_CASES {
        let got = token_texts(input);
        if got != *expected {
            failures.push(format!(
                "case {name:?}:\n  input    {input:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
