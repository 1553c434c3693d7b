//! Finding the in-text speaker mention next to a cue, without a parser.
//!
//! The subject of a cue is the noun phrase just before it once adverbs and auxiliaries are
//! skipped ("Ryabkov also said", "she has argued"), or the name before an apposition
//! ("Graham, a former candidate, told"), or the antecedent of "who". In inverted order
//! ("…, said Smith") it is the phrase after the cue. Spans returned are token ranges
//! `[start, end)`; the scorer needs only overlap with the annotated phrase, and the names
//! layer, when present, replaces them with its own mention span (see `resolve`).

use crate::lexicon::{
    is_capitalised_function_word, is_cue_modifier, is_function_word, is_name_connector, is_pronoun,
};
use crate::scan::{Kind, Scan};
use sitrep_text::lexical::{relative_pronoun, RelativeRole};

pub type Range = (usize, usize);

fn is_modifier(w: &str) -> bool {
    is_cue_modifier(w)
        // "have long called", "has since stressed", "have not yet announced", "has ever said".
        || matches!(w, "long" | "since" | "yet" | "ever")
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || is_ly_adverb(w)
        || is_time_word(w)
}

/// "essentially", "formally", "openly" (not "family", "rally", "July").
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "rally" | "italy" | "assembly" | "supply" | "reply" | "anomaly" | "monopoly"
        )
}

/// Time words between a subject and its cue ("Trump on Monday said", "prosecutors in April charged").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "now"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "week"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// Words that end a backwards walk over a name (a name is not preceded by a cue word).
pub(crate) fn is_abbrev_dot(scan: &Scan, i: usize) -> bool {
    i > 0
        && scan.is_punct(i, ".")
        && scan.is_word(i - 1)
        && crate::lexicon::keeps_period(scan.low(i - 1))
}

/// The capitalised name run ending at token `k` (inclusive), not before `floor`.
pub fn name_run_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if !scan.is_word(k) || !scan.toks[k].cap {
        return None;
    }
    let mut a = k;
    let mut steps = 0;
    while a > floor && steps < 8 {
        let p = a - 1;
        // Connectors inside a name or title ("Secretary of State", "of the United States").
        let connector_ok = |q: usize| {
            q > floor
                && is_name_connector(scan.low(q))
                && (scan.toks[q - 1].cap
                    || (q - 1 > floor
                        && is_name_connector(scan.low(q - 1))
                        && scan.toks[q - 2].cap))
        };
        let ok =
            (scan.is_word(p) && (scan.toks[p].cap || connector_ok(p))) || is_abbrev_dot(scan, p);
        if !ok {
            break;
        }
        a = p;
        steps += 1;
    }
    // Trim leading connectors, dots and sentence-initial function words ("But", "The").
    while a < k
        && (!scan.is_word(a) || !scan.toks[a].cap || is_capitalised_function_word(scan.low(a)))
    {
        a += 1;
    }
    Some((a, k + 1))
}

/// A lowercase noun phrase ending at `k` ("the campaign", "officials").
fn nominal_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if !scan.is_word(k) || is_function_word(scan.low(k)) {
        return None;
    }
    let mut a = k;
    while a > floor && a + 4 > k {
        let p = a - 1;
        if !scan.is_word(p) || is_function_word(scan.low(p)) {
            break;
        }
        a = p;
    }
    if a > floor && scan.is_word(a - 1) && is_determiner(scan.low(a - 1)) {
        a -= 1;
    }
    Some((a, k + 1))
}

/// The noun phrase ending at token `k`: pronoun, name, or nominal.
fn phrase_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if scan.is_punct(k, ")") {
        // "Sen. Ted Cruz (R-Texas)": the phrase before the parenthesis.
        let lo = floor.max(k.saturating_sub(12));
        let m = (lo..k).rev().find(|&m| scan.is_punct(m, "("))?;
        return if m > floor {
            phrase_ending(scan, m - 1, floor)
        } else {
            None
        };
    }
    if !scan.is_word(k) {
        return None;
    }
    let w = scan.low(k);
    if is_pronoun(w) {
        return Some((k, k + 1));
    }
    if scan.toks[k].cap && !is_capitalised_function_word(w) {
        return name_run_ending(scan, k, floor);
    }
    if is_function_word(w) {
        return None;
    }
    nominal_ending(scan, k, floor)
}

/// Index of the first token before the cue at `c` once cue modifiers are skipped.
pub fn skip_modifiers_back(scan: &Scan, c: usize, floor: usize) -> usize {
    let mut j = c;
    while j > floor && scan.is_word(j - 1) && is_modifier(scan.low(j - 1)) {
        let time = is_time_word(scan.low(j - 1));
        j -= 1;
        // "on Monday", "in April", "last week", "this morning".
        if time
            && j > floor
            && scan.is_word(j - 1)
            && matches!(
                scan.low(j - 1),
                "on" | "in" | "last" | "this" | "early" | "late" | "that"
            )
        {
            j -= 1;
        }
    }
    j
}

/// Relative pronouns that PolNeAR-style annotation takes as the speaker mention
/// ("O’Malley, who noted that …"): those that can be their clause's subject.
pub fn is_relative(w: &str) -> bool {
    relative_pronoun(w) == Some(RelativeRole::Subject)
}

/// The antecedent of a relative pronoun at `k` ("Martin O’Malley" in "O’Malley, who").
pub fn antecedent(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    let mut p = k;
    if p > floor && scan.is_punct(p - 1, ",") {
        p -= 1;
    }
    if p > floor {
        phrase_ending(scan, p - 1, floor)
    } else {
        None
    }
}

/// Prepositions whose object, right before a cue, is not the cue's subject ("officials who
/// spoke with The Post said", "Rubio, campaigning in Miami, said").
pub fn is_object_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "with"
            | "from"
            | "at"
            | "on"
            | "for"
            | "to"
            | "by"
            | "about"
            | "against"
            | "over"
            | "into"
            | "across"
            | "among"
            | "near"
            | "under"
            | "than"
            | "like"
    )
}

/// The phrase `p` found before a cue, moved out of prepositional objects to the noun phrase
/// they attach to: "The board of elections" → "The board", "officials who spoke with The
/// Post" → "officials" (a relative clause gives its antecedent). A name joined by "of" to a
/// title is one name run already ("Secretary of State John Kerry") and is not split.
pub fn out_of_prepositions(scan: &Scan, mut p: Range, floor: usize) -> Range {
    if is_pronoun(scan.low(p.0)) {
        return p;
    }
    for _ in 0..4 {
        // A possessor speaks for its noun ("the administration's hopes"); a quantity's
        // "of" phrase is part of it ("30 percent of voters").
        let last = scan.low(p.1 - 1);
        if last.ends_with("'s")
            || last.ends_with("’s")
            || last.ends_with('\'')
            || last.ends_with('’')
        {
            break;
        }
        if p.0 < floor + 2 {
            break;
        }
        let mut head = p.0;
        if scan.is_word(head - 1) && is_determiner(scan.low(head - 1)) {
            head -= 1;
        }
        if head < floor + 2 {
            break;
        }
        let prep = head - 1;
        if !scan.is_word(prep) || !is_object_preposition(scan.low(prep)) {
            break;
        }
        let q = prep - 1;
        if !scan.is_word(q) || (scan.low(prep) == "of" && is_quantity(scan.low(q))) {
            break;
        }
        // A relative clause before the preposition: "officials who spoke with …".
        let lo = q.saturating_sub(3).max(floor);
        let rel = (lo..=q)
            .rev()
            .take_while(|&r| scan.is_word(r) && !scan.toks[r].cap)
            .find(|&r| is_relative(scan.low(r)));
        if let Some(r) = rel {
            if let Some(a) = antecedent(scan, r, floor) {
                return a;
            }
            break;
        }
        // A verb before the preposition ("campaigned in Ohio said"): no noun to attach to.
        let v = scan.low(q);
        if !scan.toks[q].cap && (v.ends_with("ed") || is_function_word(v)) {
            break;
        }
        match phrase_ending(scan, q, floor) {
            Some(np) => p = np,
            None => break,
        }
    }
    p
}

/// Nouns for people and groups of people that speak in news ("officials", "voters").
pub fn is_person_noun(w: &str) -> bool {
    crate::lexicon::is_title_head(w)
        || matches!(
            w,
            "official"
                | "officials"
                | "people"
                | "voters"
                | "voter"
                | "supporters"
                | "supporter"
                | "critics"
                | "critic"
                | "analysts"
                | "analyst"
                | "experts"
                | "expert"
                | "leaders"
                | "leader"
                | "members"
                | "member"
                | "lawmakers"
                | "lawmaker"
                | "legislators"
                | "aides"
                | "aide"
                | "residents"
                | "resident"
                | "protesters"
                | "activists"
                | "activist"
                | "advocates"
                | "observers"
                | "sources"
                | "source"
                | "diplomats"
                | "diplomat"
                | "investigators"
                | "prosecutors"
                | "prosecutor"
                | "police"
                | "authorities"
                | "researchers"
                | "scientists"
                | "economists"
                | "workers"
                | "women"
                | "men"
                | "woman"
                | "man"
                | "candidate"
                | "candidates"
                | "campaign"
                | "administration"
                | "government"
                | "party"
                | "group"
                | "spokesmen"
                | "spokeswomen"
                | "delegates"
                | "senators"
                | "governors"
                | "executives"
                | "democrats"
                | "republicans"
                | "conservatives"
                | "liberals"
                | "americans"
                | "citizens"
                | "students"
                | "parents"
                | "lawyer"
                | "lawyers"
                | "attorney"
                | "attorneys"
                | "friends"
                | "someone"
                | "everyone"
                | "nobody"
                | "others"
                | "many"
                | "some"
                | "most"
                | "both"
                | "several"
                | "few"
                | "poll"
                | "polls"
                | "survey"
                | "study"
                | "report"
                | "statement"
                | "who"
        )
}

/// Words for a share of people ("30 percent of voters", "a majority of Republicans").
fn is_quantity(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w,
            "percent"
                | "%"
                | "majority"
                | "minority"
                | "plurality"
                | "half"
                | "third"
                | "quarter"
                | "most"
                | "many"
                | "some"
                | "all"
                | "none"
                | "one"
                | "two"
                | "three"
                | "number"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// A pronoun, also with a clitic ("he’s", "they're").
pub fn is_pronoun_form(w: &str) -> bool {
    let base = [
        "'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "'m", "’m",
    ]
    .iter()
    .find_map(|c| w.strip_suffix(c))
    .unwrap_or(w);
    is_pronoun(base)
}

/// A phrase that can be a speaker: a name (capitalised word), a personal pronoun other than
/// "it", or a noun for people or a source ("the official", "a new poll"). "the topic",
/// "a series of tweets" are not.
pub fn is_agentive(scan: &Scan, r: Range) -> bool {
    (r.0..r.1).any(|k| {
        scan.is_word(k) && {
            let w = scan.low(k);
            (scan.toks[k].cap && !is_capitalised_function_word(w))
                || (is_pronoun_form(w) && !w.starts_with("it"))
                || is_person_noun(w)
                || is_quantity(w)
        }
    })
}

/// The tokens `[a, b)` when they are exactly one capitalised name run ("Olga Mikhailova").
fn appositive_name(scan: &Scan, mut a: usize, b: usize) -> Option<Range> {
    // "…, former Foreign Minister Jan Hruby,": a former office still names the person.
    while a < b && matches!(scan.low(a), "former" | "ex" | "then" | "acting") {
        a += 1;
    }
    if b <= a || b - a > 5 {
        return None;
    }
    let all_caps = (a..b).all(|i| {
        (scan.is_word(i) && scan.toks[i].cap && !is_capitalised_function_word(scan.low(i)))
            || is_abbrev_dot(scan, i)
    });
    all_caps.then_some((a, b))
}

/// A role phrase renamed by a name in apposition before `ceil` ("Navon's lawyer, Olga
/// Mikhailova, told"): the name speaks, not the role's possessor.
pub fn renamed_role(scan: &Scan, r: Range, ceil: usize) -> Option<Range> {
    let last = r.1.checked_sub(1)?;
    if r.1 >= ceil || scan.toks[last].cap || is_pronoun(scan.low(r.0)) || !scan.is_punct(r.1, ",") {
        return None;
    }
    let end = (r.1 + 1..ceil.min(r.1 + 8)).find(|&m| scan.is_punct(m, ","))?;
    appositive_name(scan, r.1 + 1, end)
}

/// "Egypt and Qatar called on", "Brazil, Colombia and Mexico urged": capitalised names
/// joined by commas and one "and" that open the clause are one subject, the whole list.
/// `p` is the last member; `None` unless the list reaches back to `floor`.
fn coordinated_names(scan: &Scan, p: Range, floor: usize) -> Option<Range> {
    if !scan.toks[p.0].cap || p.0 < floor + 2 {
        return None;
    }
    // The name run may already hold the last "and" ("Chile and Bolivia"): then a comma
    // before it continues the list.
    let inner_and = (p.0..p.1).any(|k| scan.low(k) == "and");
    let sep = scan.low(p.0 - 1);
    if !(sep == "and" || (inner_and && sep == ",")) {
        return None;
    }
    let mut a = p.0 - 1;
    loop {
        let m = phrase_ending(scan, a - 1, floor)?;
        if !scan.toks[m.0].cap || m.1 != a || is_pronoun(scan.low(m.0)) {
            return None;
        }
        if m.0 == floor {
            return Some((m.0, p.1));
        }
        if m.0 < floor + 2 || !scan.is_punct(m.0 - 1, ",") {
            return None;
        }
        a = m.0 - 1;
    }
}

/// The subject of the cue starting at token `c`, within `[floor, c)`.
pub fn subject_before(scan: &Scan, c: usize, floor: usize) -> Option<Range> {
    let floor = skip_opener(scan, floor, c);
    let j = skip_modifiers_back(scan, c, floor);
    if j == floor {
        return None;
    }
    let k = j - 1;
    // "a resident who asked not to be named said": the relative clause's antecedent.
    if k >= floor + 3
        && matches!(scan.low(k), "named" | "identified")
        && scan.low(k - 1) == "be"
        && scan.low(k - 2) == "to"
    {
        if let Some(r) = (k.saturating_sub(7).max(floor)..k - 2)
            .rev()
            .find(|&m| matches!(scan.low(m), "who" | "that"))
            .and_then(|m| antecedent(scan, m, floor))
        {
            return Some(r);
        }
    }
    match scan.toks[k].kind {
        Kind::Word => {
            let w = scan.low(k);
            // "Bolton and Gorka both denounced": the quantifier floats after its subject.
            if matches!(w, "both" | "all") && k > floor && scan.is_word(k - 1) {
                if let Some(p) = phrase_ending(scan, k - 1, floor) {
                    return Some(out_of_prepositions(scan, p, floor));
                }
            }
            // Quantifier subjects: "most said they were worried", "Some accused him".
            if matches!(
                w,
                "some" | "most" | "many" | "others" | "all" | "both" | "several" | "few"
            ) {
                return Some((k, k + 1));
            }
            if w == "who" {
                // The relative pronoun is the mention; its antecedent gives the entity.
                return antecedent(scan, k, floor).map(|_| (k, k + 1));
            }
            // A participle's subject is the phrase right before it ("the spectacle of Mr.
            // Netanyahu denouncing"); a finite cue's is outside prepositional objects.
            let p = phrase_ending(scan, k, floor)?;
            if scan.low(c).ends_with("ing") {
                Some(p)
            } else if let Some(list) = coordinated_names(scan, p, floor) {
                Some(list)
            } else {
                Some(out_of_prepositions(scan, p, floor))
            }
        }
        Kind::Punct if scan.low(k) == "," => {
            // Apposition: "Graham, a former candidate, told". A sentence that opens with a
            // name and a comma names the subject even across a long apposition
            // ("Westmacott, who served in Iran, Turkey and France, praised").
            let first_comma = (floor..k).find(|&m| scan.is_punct(m, ","));
            if let Some(m) = first_comma.filter(|&m| m > floor && m < k && m <= floor + 6) {
                if let Some(p) = phrase_ending(scan, m - 1, floor) {
                    if p.0 == floor && (scan.toks[p.0].cap || is_pronoun(scan.low(p.0))) {
                        // "Navalny's lawyer, Olga Mikhailova, said": a role noun before the
                        // comma and a name in the apposition: the name speaks, not the
                        // possessor.
                        let role = !scan.toks[p.1 - 1].cap && !is_pronoun(scan.low(p.0));
                        if role {
                            if let Some(n) = appositive_name(scan, m + 1, k) {
                                return Some(n);
                            }
                        }
                        return Some(p);
                    }
                }
            }
            let lo = floor.max(k.saturating_sub(16));
            let m = (lo..k).rev().find(|&m| scan.is_punct(m, ","))?;
            if m == floor {
                return None;
            }
            let head = phrase_ending(scan, m - 1, floor);
            // "And a third, Daniel Traynor, said": a lowercase role renamed by a name.
            if let Some(h) = head {
                if !scan.toks[h.0].cap && !is_pronoun(scan.low(h.0)) {
                    if let Some(n) = appositive_name(scan, m + 1, k) {
                        return Some(n);
                    }
                }
            }
            head
        }
        Kind::Punct if dash_ending(scan, k, floor).is_some() => {
            // A parenthetical between dashes: "The judge -- who had been under fire for
            // days -- said …": the phrase before the opening dash.
            let close = dash_ending(scan, k, floor)?;
            let lo = floor.max(close.saturating_sub(30));
            let open = (lo..close)
                .rev()
                .find_map(|m| dash_ending(scan, m, floor))?;
            if open == floor {
                return None;
            }
            let p = phrase_ending(scan, open - 1, floor)?;
            Some(out_of_prepositions(scan, p, floor))
        }
        Kind::Punct if scan.low(k) == ")" => {
            let lo = floor.max(k.saturating_sub(10));
            let m = (lo..k).rev().find(|&m| scan.is_punct(m, "("))?;
            if m == floor {
                return None;
            }
            phrase_ending(scan, m - 1, floor)
        }
        _ => None,
    }
}

/// The speaker phrase starting at token `i` in inverted order ("said Smith", "said the
/// official"), within `[i, ceil)`.
pub fn phrase_after(scan: &Scan, i: usize, ceil: usize) -> Option<Range> {
    if i >= ceil || !scan.is_word(i) {
        return None;
    }
    let w = scan.low(i);
    if is_pronoun(w) {
        return Some((i, i + 1));
    }
    // A capitalised modal before another capitalised word is a given name ("said Will
    // Doyle", "said May Chen"); "one" and "another" open a phrase as an article does ("said
    // one party activist").
    let name_start = scan.toks[i].cap
        && matches!(w, "will" | "may" | "can")
        && i + 1 < ceil
        && scan.is_word(i + 1)
        && scan.toks[i + 1].cap;
    let article = matches!(w, "the" | "a" | "an" | "one" | "another");
    if is_function_word(w) && !article && !name_start {
        return None;
    }
    let mut b = i + 1;
    let mut has_content = scan.toks[i].cap && (name_start || !is_capitalised_function_word(w));
    let mut named = has_content || crate::lexicon::is_title_head(w);
    while b < ceil && b < i + 8 {
        let ok_word = scan.is_word(b) && {
            let x = scan.low(b);
            !is_function_word(x)
                || (matches!(x, "of" | "the") && b + 1 < ceil && scan.is_word(b + 1))
        };
        if ok_word || is_abbrev_dot(scan, b) {
            has_content |= scan.is_word(b) && !is_function_word(scan.low(b));
            named |=
                scan.is_word(b) && (scan.toks[b].cap || crate::lexicon::is_title_head(scan.low(b)));
            b += 1;
        } else {
            break;
        }
    }
    // Do not end on a connector.
    while b > i + 1 && scan.is_word(b - 1) && is_function_word(scan.low(b - 1)) {
        b -= 1;
    }
    // A lowercase start ("former governor Ed Rendell", "the official") needs a name or a
    // role noun in the phrase; "the plan" is not a speaker.
    let lower_start = !scan.toks[i].cap;
    (has_content && (!lower_start || named || article)).then_some((i, b))
}

/// The comma closing a time phrase that opens a sentence at `i` ("Eight years ago,", "Last
/// week,", "Earlier this month,"), within a few words.
fn temporal_opener(scan: &Scan, i: usize, se: usize) -> Option<usize> {
    // The phrase must open like a time phrase: "Trump spoke on Saturday, saying …" is a
    // subject and its verb, not an opener.
    let first = scan.low(i);
    let opens = is_time_word(first)
        || first.starts_with(|ch: char| ch.is_ascii_digit())
        || matches!(
            first,
            "on" | "in"
                | "at"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "next"
                | "early"
                | "late"
                | "since"
                | "during"
                | "after"
                | "before"
                | "until"
                | "by"
                | "one"
                | "several"
                | "a"
                | "the"
                | "that"
        )
        || crate::lexicon::is_small_number_word(first);
    if !opens {
        return None;
    }
    let k = (i..se.min(i + 7)).find(|&k| !scan.is_word(k) || is_pronoun(scan.low(k)))?;
    let timed = (i..k).any(|m| {
        let w = scan.low(m);
        is_time_word(w)
            || matches!(
                w,
                "ago"
                    | "day"
                    | "years"
                    | "months"
                    | "weeks"
                    | "days"
                    | "decades"
                    | "earlier"
                    | "later"
            )
    });
    (timed && k > i && scan.is_punct(k, ",")).then_some(k)
}

/// A sentence adverb ("Ultimately,", "Still,") or a time phrase ("Last week,") opening
/// `[floor, c)`: the index after its comma, else `floor`. Neither is a subject.
fn skip_opener(scan: &Scan, floor: usize, c: usize) -> usize {
    if floor + 2 < c && scan.is_word(floor) && scan.is_punct(floor + 1, ",") {
        let w = scan.low(floor);
        if is_ly_adverb(w) || is_discourse_opener(w) {
            return floor + 2;
        }
    }
    match temporal_opener(scan, floor, c) {
        Some(k) if k + 1 < c => k + 1,
        _ => floor,
    }
}

/// One-word sentence openers that are no subject: "Still, …", "However, …".
fn is_discourse_opener(w: &str) -> bool {
    matches!(
        w,
        "still"
            | "however"
            | "meanwhile"
            | "instead"
            | "so"
            | "yet"
            | "now"
            | "indeed"
            | "moreover"
            | "nonetheless"
            | "nevertheless"
            | "thus"
            | "then"
            | "later"
            | "earlier"
            | "today"
            | "yesterday"
            | "again"
            | "overall"
            | "separately"
            | "also"
            | "besides"
            | "anyway"
    )
}

/// The first subject-like phrase of a sentence: a pronoun or a name near its start.
pub fn sentence_subject(scan: &Scan, ss: usize, se: usize, seg_of: &[u32]) -> Option<Range> {
    // Words inside quote marks are the quoted person's, not the sentence's subject.
    let mut i = ss;
    while i < se && seg_of[i] != u32::MAX {
        i += 1;
    }
    if i > ss {
        while i < se && !scan.is_word(i) {
            i += 1;
        }
    }
    // Skip a dateline: "JACKSON, Miss. - …", "BOCA RATON, Fla. -- …".
    if i < se && scan.is_word(i) && scan.toks[i].cap && is_all_caps(scan, i) {
        if let Some(k) = (i..se.min(i + 8)).find(|&k| matches!(scan.low(k), "-" | "—" | "–")) {
            i = k + 1;
            while i < se && matches!(scan.low(i), "-" | "—" | "–") {
                i += 1;
            }
        }
    }
    // Skip opening adverbial or participial phrases, one after another: "Asked about it,
    // Conway …", "Following the talks, Sherman …", "At a rally in Dover, N.H., on Tuesday,
    // Sanders …", "The day before, at a rally, Trump …".
    let before_openers = i;
    for _ in 0..3 {
        match skip_sentence_opener(scan, i, se) {
            Some(k) if k > i => i = k,
            _ => break,
        }
    }
    // After an opener, a bare lower-case noun phrase is the subject: "In the last debate,
    // candidates were able to …".
    if i > before_openers
        && i < se
        && scan.is_word(i)
        && !scan.toks[i].cap
        && seg_of[i] == u32::MAX
        && !is_function_word(scan.low(i))
        && !is_pronoun(scan.low(i))
        && !scan.low(i).ends_with("ly")
    {
        let mut b = i + 1;
        while b < se.min(i + 4)
            && scan.is_word(b)
            && !scan.toks[b].cap
            && !is_function_word(scan.low(b))
            && !scan.low(b).ends_with("ed")
        {
            b += 1;
        }
        // Its verb follows: an auxiliary or a past tense ("farmers talked").
        if b < se
            && scan.is_word(b)
            && (is_function_word(scan.low(b)) || scan.low(b).ends_with("ed"))
        {
            return Some((i, b));
        }
    }
    // A nominal subject: "the senator, his aides …", "the campaign".
    if i < se
        && scan.is_word(i)
        && matches!(
            scan.low(i),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
        )
    {
        let mut b = i + 1;
        while b < se && b < i + 6 && scan.is_word(b) && !is_function_word(scan.low(b)) {
            b += 1;
        }
        if b > i + 1 {
            return Some((i, b));
        }
    }
    let lim = se.min(i + 12);
    while i < lim {
        let t = &scan.toks[i];
        if t.kind == Kind::Word && seg_of[i] == u32::MAX {
            let w = scan.low(i);
            if is_pronoun(w) && w != "it" {
                return Some((i, i + 1));
            }
            if t.cap && !is_capitalised_function_word(w) {
                // Extend forward over the name run, and over lowercase role words that lead
                // to a further name ("Trump’s campaign manager Kellyanne Conway").
                let mut b = i + 1;
                loop {
                    while b < se
                        && ((scan.is_word(b) && scan.toks[b].cap) || is_abbrev_dot(scan, b))
                    {
                        b += 1;
                    }
                    // A past-tense verb is no role word: "Trump called Prime Minister Modi".
                    let next_cap = (b..se.min(b + 3))
                        .take_while(|&k| {
                            scan.is_word(k)
                                && !is_function_word(scan.low(k))
                                && !scan.low(k).ends_with("ed")
                        })
                        .find(|&k| scan.toks[k].cap);
                    match next_cap {
                        Some(k) => b = k,
                        None => break,
                    }
                }
                return Some((i, b));
            }
        }
        i += 1;
    }
    None
}

/// The token after an opening adverbial, participial or time phrase starting at `i` and
/// closed by a comma ("Asked about it,", "In Dover,", "Last week,"), with the state or
/// country abbreviation that completes a place ("In Dover, Del.,"); `None` when `i` opens
/// no such phrase.
fn skip_sentence_opener(scan: &Scan, i: usize, se: usize) -> Option<usize> {
    if i >= se || !scan.is_word(i) {
        return None;
    }
    let w = scan.low(i);
    let opener = w.ends_with("ing")
        || w.ends_with("ed")
        || is_ly_adverb(w)
        || is_discourse_opener(w)
        || (is_function_word(w)
            && !is_pronoun(w)
            && !matches!(
                w,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
            ))
        || matches!(
            w,
            "since"
                | "once"
                | "even"
                | "although"
                | "though"
                | "despite"
                | "amid"
                | "yet"
                | "still"
                | "however"
                | "meanwhile"
                | "now"
                | "instead"
        );
    // A subordinate clause may run longer than a phrase ("After X lost both the Senate and
    // the House to the other party in the midterm elections, …").
    let reach = if matches!(
        w,
        "after" | "before" | "when" | "while" | "although" | "though" | "because" | "since" | "if"
    ) {
        25
    } else {
        15
    };
    let mut k = if opener {
        (i..se.min(i + reach)).find(|&k| scan.is_punct(k, ","))? + 1
    } else {
        temporal_opener(scan, i, se)? + 1
    };
    // "N.H.,", "Tex.,": an abbreviation ending in its period right before a comma completes
    // the place named before it ("Mr. Obama," ends in a word and is a subject).
    let abbrev_end = (k..se.min(k + 5)).find(|&m| !(scan.is_word(m) || is_abbrev_dot(scan, m)));
    if let Some(m) = abbrev_end {
        if m > k
            && scan.is_punct(m, ",")
            && (is_abbrev_dot(scan, m - 1) || scan.low(m - 1).ends_with('.'))
            && (k..m).all(|j| !scan.is_word(j) || scan.toks[j].cap)
        {
            k = m + 1;
        }
    }
    Some(k)
}

/// A looser phrase after a preposition cue: "according to [press reports]", "[a new poll]".
pub fn source_after(scan: &Scan, i: usize, ceil: usize) -> Option<Range> {
    if let Some(r) = phrase_after(scan, i, ceil) {
        return Some(r);
    }
    if i >= ceil || !scan.is_word(i) {
        return None;
    }
    let mut b = i;
    while b < ceil && b < i + 10 && (scan.is_word(b) || is_abbrev_dot(scan, b)) {
        b += 1;
    }
    while b > i && scan.is_word(b - 1) && is_function_word(scan.low(b - 1)) {
        b -= 1;
    }
    (b > i && !is_function_word(scan.low(b - 1))).then_some((i, b))
}

fn is_all_caps(scan: &Scan, i: usize) -> bool {
    scan.toks[i].upper
}

/// The first token of a dash ending at token `k` that sets off a parenthetical: "—", "–",
/// or "--" written as two hyphens (a single hyphen joins words).
fn dash_ending(scan: &Scan, k: usize, floor: usize) -> Option<usize> {
    match scan.low(k) {
        "—" | "–" | "--" if scan.toks[k].kind == Kind::Punct => Some(k),
        "-" if k > floor && scan.is_punct(k - 1, "-") => Some(k - 1),
        _ => None,
    }
}
