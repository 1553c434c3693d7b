//! The one lexical view of a document: what every stage asks of a word.
//!
//! Per token: its text, its lower-case form, its folded form (lower case, Latin accents
//! dropped, typographic apostrophes, quotes and dashes as ASCII), its shape, and (when the
//! tagger ran) its POS and lemma; plus the word classes several stages share (personal
//! pronouns with person, number and gender; relative pronouns). The folded forms and
//! shapes are computed once per document, by the segmenter, into `doc.forms`;
//! [`Lexical::new`] reads them (and computes them for a document built by hand).
//!
//! This module holds the one accent-folding table of sitrep ([`push_folded`]) and the one
//! list of relative pronouns ([`RELATIVE_PRONOUNS`]): a stage that needs either reads it
//! here, never keeps a copy.

use sitrep_doc::{Document, Forms, Layers, Shape, Upos};
use std::borrow::Cow;

/// Appends the folded form of one character: lower case, Latin diacritics dropped ("ü" ->
/// "u", "ß" -> "ss", "ș" and "ş" -> "s"), typographic apostrophes and the backtick as `'`,
/// typographic double quotes as `"`, dashes as `-`, "…" as "...", combining marks dropped;
/// other characters lower-cased (each part folded again).
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    if let Some(f) = fold_table(c) {
        out.push_str(f);
    } else if !is_combining(c) {
        for l in c.to_lowercase() {
            match fold_table(l) {
                Some(f) => out.push_str(f),
                None if !is_combining(l) => out.push(l),
                None => {}
            }
        }
    }
}

/// The folded form of a text (see [`push_folded`]); borrowed when it is already folded.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_folded(c, &mut out));
    Cow::Owned(out)
}

/// The lower-case form of a word, with the typographic apostrophe `’` as `'` ("Don’t" ->
/// "don't"); accents are kept. Borrowed when the word is already in that form.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(
            s.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c })
                .collect(),
        )
    }
}

/// How a word is written (see [`Shape`]).
pub fn shape(s: &str) -> Shape {
    let Some(first) = s.chars().next() else {
        return Shape::Punct;
    };
    if first.is_numeric() {
        return Shape::Number;
    }
    let (mut letters, mut digits, mut upper, mut lower) = (0usize, false, 0usize, false);
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
            lower |= c.is_lowercase();
        } else if c.is_numeric() {
            digits = true;
        }
    }
    if letters == 0 {
        return if digits { Shape::Number } else { Shape::Punct };
    }
    if digits {
        Shape::Mixed
    } else if upper >= 2 && !lower {
        Shape::Upper
    } else if first.is_uppercase() {
        Shape::Capitalized
    } else {
        Shape::Lower
    }
}

/// The forms of every token of a document (what the segmenter stores in `doc.forms`).
pub fn forms_of(doc: &Document) -> Forms {
    let mut forms = Forms::with_capacity(doc.tokens.len(), doc.text().len());
    for t in &doc.tokens {
        let word = doc.slice(t.span);
        forms.push_with(shape(word), |out| {
            if word.is_ascii() {
                // Nearly every token: the same folding as `push_folded`, on the copied bytes.
                let from = out.len();
                out.push_str(word);
                let folded = &mut out[from..];
                folded.make_ascii_lowercase();
                if folded.contains('`') {
                    let replaced = folded.replace('`', "'");
                    out.truncate(from);
                    out.push_str(&replaced);
                }
            } else {
                word.chars().for_each(|c| push_folded(c, out))
            }
        });
    }
    forms
}

/// Grammatical person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    First,
    Second,
    Third,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    Singular,
    Plural,
    /// "you", "your": either.
    Either,
}

/// The gender a pronoun tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// "it", "its".
    Neuter,
    /// "I", "they", "we": not told.
    Unknown,
}

/// A personal (or possessive, reflexive) pronoun's features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pronoun {
    pub person: Person,
    pub number: Number,
    pub gender: Gender,
    /// "his", "their", "its" ...
    pub possessive: bool,
    /// "himself", "themselves" ...
    pub reflexive: bool,
}

/// The English personal pronouns by folded form.
pub fn pronoun(folded: &str) -> Option<Pronoun> {
    use Gender::*;
    use Number::*;
    use Person::*;
    let (person, number, gender, possessive, reflexive) = match folded {
        "i" | "me" => (First, Singular, Unknown, false, false),
        "my" | "mine" => (First, Singular, Unknown, true, false),
        "myself" => (First, Singular, Unknown, false, true),
        "we" | "us" => (First, Plural, Unknown, false, false),
        "our" | "ours" => (First, Plural, Unknown, true, false),
        "ourselves" => (First, Plural, Unknown, false, true),
        "you" => (Second, Either, Unknown, false, false),
        "your" | "yours" => (Second, Either, Unknown, true, false),
        "yourself" => (Second, Singular, Unknown, false, true),
        "yourselves" => (Second, Plural, Unknown, false, true),
        "he" | "him" => (Third, Singular, Male, false, false),
        "his" => (Third, Singular, Male, true, false),
        "himself" => (Third, Singular, Male, false, true),
        "she" | "her" => (Third, Singular, Female, false, false),
        "hers" => (Third, Singular, Female, true, false),
        "herself" => (Third, Singular, Female, false, true),
        "it" => (Third, Singular, Neuter, false, false),
        "its" => (Third, Singular, Neuter, true, false),
        "itself" => (Third, Singular, Neuter, false, true),
        "they" | "them" => (Third, Plural, Unknown, false, false),
        "their" | "theirs" => (Third, Plural, Unknown, true, false),
        "themselves" => (Third, Plural, Unknown, false, true),
        _ => return None,
    };
    Some(Pronoun {
        person,
        number,
        gender,
        possessive,
        reflexive,
    })
}

/// What a relative pronoun can be in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelativeRole {
    /// "who", "which", "that": the clause's subject (or object).
    Subject,
    /// "whom": an object only.
    Object,
    /// "whose": a possessive determiner ("whose troops").
    Possessive,
}

/// The role of a relative pronoun (folded), if the word is one.
pub fn relative_pronoun(folded: &str) -> Option<RelativeRole> {
    Some(match folded {
        "who" | "which" | "that" => RelativeRole::Subject,
        "whom" => RelativeRole::Object,
        "whose" => RelativeRole::Possessive,
        _ => return None,
    })
}

/// The possessive determiners, folded: the possessive pronouns that stand before a noun
/// ("their troops", "whose troops"), unlike "theirs", "mine".
pub const POSSESSIVE_DETERMINERS: &[&str] =
    &["my", "your", "his", "her", "its", "our", "their", "whose"];

/// Whether a folded word is a possessive determiner (see [`POSSESSIVE_DETERMINERS`]).
pub fn is_possessive_determiner(folded: &str) -> bool {
    matches!(
        folded,
        "my" | "your" | "his" | "her" | "its" | "our" | "their" | "whose"
    )
}

/// The relative pronouns, folded. "that" is also a determiner and a complementizer: a
/// caller that needs the relative use checks the context (POS `PRON`, the word before).
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which", "that"];

/// Whether a folded word is a relative pronoun (see [`RELATIVE_PRONOUNS`]).
pub fn is_relative_pronoun(folded: &str) -> bool {
    matches!(folded, "who" | "whom" | "whose" | "which" | "that")
}

/// The lexical view of a document's tokens.
pub struct Lexical<'d> {
    doc: &'d Document,
    forms: Cow<'d, Forms>,
    tagged: bool,
}

impl<'d> Lexical<'d> {
    /// The view of `doc`: its stored forms, or forms computed now when the tokens have none
    /// (a document whose tokens were made by hand). POS and lemma count only when the
    /// `POS` layer is done.
    pub fn new(doc: &'d Document) -> Lexical<'d> {
        let forms = if doc.forms.len() == doc.tokens.len() {
            Cow::Borrowed(&doc.forms)
        } else {
            Cow::Owned(forms_of(doc))
        };
        Lexical {
            doc,
            forms,
            tagged: doc.done.contains(Layers::POS),
        }
    }

    /// The tagger ran (layer `POS` done): [`Lexical::pos`] and [`Lexical::lemma`] answer.
    pub fn tagged(&self) -> bool {
        self.tagged
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The token's text as written.
    pub fn text(&self, i: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    /// Lower case, `’` as `'` (see [`lower`]).
    pub fn lower(&self, i: usize) -> Cow<'d, str> {
        lower(self.text(i))
    }

    /// Lower case, accents dropped (see [`push_folded`]).
    pub fn folded(&self, i: usize) -> &str {
        self.forms.folded(i)
    }

    pub fn shape(&self, i: usize) -> Shape {
        self.forms.shape(i)
    }

    /// The tagger's POS, if it ran.
    pub fn pos(&self, i: usize) -> Option<Upos> {
        self.tagged.then(|| self.doc.tokens[i].pos)
    }

    /// The tagger's lemma, if it ran and gave one.
    pub fn lemma(&self, i: usize) -> Option<&'d str> {
        let lemma = self.doc.tokens[i].lemma.as_str();
        (self.tagged && !lemma.is_empty()).then_some(lemma)
    }

    pub fn pronoun(&self, i: usize) -> Option<Pronoun> {
        pronoun(self.folded(i))
    }

    pub fn is_relative_pronoun(&self, i: usize) -> bool {
        is_relative_pronoun(self.folded(i))
    }

    /// The token that covers exactly the bytes `start..end`, if one does.
    pub fn token_exactly(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.doc.token_at_or_after(start);
        let t = self.doc.tokens.get(i)?;
        (t.span.start() == start && t.span.end() == end).then_some(i)
    }
}

/// A combining mark (dropped by folding: "e\u{301}" folds as "e").
pub fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The folded, lower-case form of a non-ASCII character, if it is one the table folds.
fn fold_table(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'Ǎ' | 'ǎ' | 'Ȁ'..='ȃ' | 'Ạ'..='ặ' => "a",
        'Æ' | 'æ' | 'Ǽ' | 'ǽ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' | 'Ȅ'..='ȇ' | 'Ẹ'..='ệ' => "e",
        'Ĝ'..='ģ' | 'Ǧ' | 'ǧ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'Ǐ' | 'ǐ' | 'Ȉ'..='ȋ' | 'Ỉ'..='ị' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'ò'..='ö'
        | 'ø'
        | 'Ō'..='ő'
        | 'Ǒ'
        | 'ǒ'
        | 'Ơ'
        | 'ơ'
        | 'Ȍ'..='ȏ'
        | 'Ọ'..='ợ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'Ș' | 'ș' => "s",
        'ß' | 'ẞ' => "ss",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ư' | 'ư' | 'Ǔ'..='ǜ' | 'Ụ'..='ự' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' | 'Ỳ'..='ỹ' => "y",
        'Ź'..='ž' => "z",
        '’' | '‘' | 'ʼ' | '′' | '‛' | '´' => "'",
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => "-",
        '…' => "...",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Meta;

    const FOLDS: &[(&str, &str)] = &[
        ("Zürich", "zurich"),
        ("São Paulo", "sao paulo"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Erdoğan", "erdogan"),
        ("Dvořák", "dvorak"),
        ("Ærø", "aero"),
        ("Russia’s", "russia's"),
        ("Russia`s", "russia's"),
        ("“Go”", "\"go\""),
        ("Intermediate–Range", "intermediate-range"),
        ("e\u{301}te\u{301}", "ete"),
        ("SERGEI", "sergei"),
        ("Сергей", "сергей"),
        ("wait…", "wait..."),
        ("Nguyễn", "nguyen"),
        // Romanian s and t with comma below (the correct letters) and with cedilla (the
        // older encoding) fold alike.
        ("Timișoara", "timisoara"),
        ("Timişoara", "timisoara"),
        ("Ștefan Țurcanu", "stefan turcanu"),
        ("Ţepeş", "tepes"),
        ("İstanbul", "istanbul"),
    ];

    #[test]
    fn folding_table() {
        for (input, expected) in FOLDS {
            assert_eq!(fold(input), *expected, "case {input:?}");
        }
        assert!(matches!(fold("already folded"), Cow::Borrowed(_)));
    }

    #[test]
    fn lower_keeps_accents_and_folds_the_apostrophe() {
        assert_eq!(lower("Don’t"), "don't");
        assert_eq!(lower("Río"), "río");
        assert!(matches!(lower("talks"), Cow::Borrowed(_)));
    }

    #[test]
    fn shapes() {
        for (w, want) in [
            ("talks", Shape::Lower),
            ("Geneva", Shape::Capitalized),
            ("I", Shape::Capitalized),
            ("NATO", Shape::Upper),
            ("U.S.", Shape::Upper),
            ("25,000", Shape::Number),
            ("1990s", Shape::Number),
            ("G7", Shape::Mixed),
            ("—", Shape::Punct),
            ("Élysée", Shape::Capitalized),
        ] {
            assert_eq!(shape(w), want, "{w}");
        }
    }

    #[test]
    fn pronouns_and_relatives() {
        let she = pronoun("herself").unwrap();
        assert_eq!(
            (she.person, she.gender, she.reflexive),
            (Person::Third, Gender::Female, true)
        );
        assert_eq!(pronoun("their").unwrap().number, Number::Plural);
        assert!(pronoun("the").is_none());
        for w in RELATIVE_PRONOUNS {
            assert!(is_relative_pronoun(w));
        }
        assert!(!is_relative_pronoun("what"));
        for w in RELATIVE_PRONOUNS {
            assert!(relative_pronoun(w).is_some(), "{w}");
        }
        assert_eq!(relative_pronoun("whom"), Some(RelativeRole::Object));
        assert_eq!(relative_pronoun("what"), None);
        for w in POSSESSIVE_DETERMINERS {
            assert!(is_possessive_determiner(w), "{w}");
            assert!(pronoun(w).is_some_and(|p| p.possessive) || *w == "her" || *w == "whose");
        }
        assert!(!is_possessive_determiner("theirs"));
    }

    #[test]
    fn view_of_a_hand_made_document_computes_its_forms() {
        let mut doc = Document::new(Meta::default(), "Timișoara voted".into()).unwrap();
        doc.tokens.push(sitrep_doc::Token {
            span: doc.span(0, 10).unwrap(),
            sentence: sitrep_doc::SentenceId(0),
            pos: Upos::Propn,
            lemma: "Timișoara".into(),
            ner: Default::default(),
        });
        let v = Lexical::new(&doc);
        assert_eq!(v.folded(0), "timisoara");
        assert_eq!(v.shape(0), Shape::Capitalized);
        // POS is not done: the tags on the token do not count.
        assert_eq!(v.pos(0), None);
        assert_eq!(v.lemma(0), None);
        assert_eq!(v.token_exactly(0, 10), Some(0));
        assert_eq!(v.token_exactly(0, 5), None);
    }

    proptest::proptest! {
        /// The stored forms (ASCII fast path included) are `fold` and `shape` of each token.
        #[test]
        fn forms_are_the_folding_of_each_token(text in "[ -~\u{e9}\u{2019}\u{219}]{0,40}") {
            let mut doc = Document::new(Meta::default(), text).unwrap();
            let seg = crate::SegmentConfig::default().build().unwrap();
            sitrep_doc::Stage::process(&seg, &mut doc).unwrap();
            let forms = forms_of(&doc);
            proptest::prop_assert_eq!(forms.len(), doc.tokens.len());
            for (i, t) in doc.tokens.iter().enumerate() {
                let word = doc.slice(t.span);
                proptest::prop_assert_eq!(forms.folded(i), &*fold(word));
                proptest::prop_assert_eq!(forms.shape(i), shape(word));
            }
        }
    }
}
