//! Last phase: speakers named by a common noun ("the interior ministry said", "residents
//! told reporters", "according to a local official"). No name and no nationality stands
//! with them, yet they speak and act in the story, and CAMEO codes them through the Phoenix
//! agents dictionary (`sitrep-lexicon`: "officials" GOV, "residents" CVL, "prosecutors" JUD,
//! "business leaders" BUS) with the country the story is about.
//!
//! Only the subject of a verb of speaking is read (and the noun after "according to"): a
//! subject of any verb would make every "the government" and "police" an entity, and the
//! events stage codes agent nouns in its own clauses already (its `agents` module). The
//! country is given in resolution: the article's dominant one (`resolve`), as for a title
//! of one country's politics without its country.

use super::{Cand, Recognizer, What};
use sitrep_doc::Upos;

/// Verbs of speaking whose subject is a speaker (the forms a wire report uses after its
/// subject: past and present, not the infinitive).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "stated",
    "reported",
    "announced",
    "confirmed",
    "warned",
    "urged",
    "accused",
    "denied",
];

/// Words that may stand between a subject and its verb ("officials also said", "residents
/// have said").
const BETWEEN: &[&str] = &["also", "later", "have", "has", "had"];

/// Most words of a speaking agent's phrase, determiner and modifiers included.
const MAX_WORDS: usize = 5;

/// Most words of a complement between a speaking agent and its verb ("of the northern city
/// of Timbuktu").
const MAX_COMPLEMENT: usize = 7;

/// Words after which a noun phrase opens a clause: conjunctions and relative pronouns
/// ("a case that rights groups said was designed", "an officer who prosecutors say").
const CLAUSE_OPENERS: &[&str] = &["and", "but", "while", "as", "that", "who", "whom", "which"];

/// Roles a speaking agent is coded with, with the country of the story: the state's arms,
/// its political groups and its people (the roles the events stage reads a bare agent noun
/// as, and civilians). Business and the media are none: "the company said" and "analysts
/// say" fill ordinary news with false actors (measured by the events stage on the BBC
/// corpus); a role of no country (health, education) is left to the events stage.
const NATIONAL_ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "SPY", "CVL", "LAB", "AGR",
];

impl Recognizer<'_> {
    /// Every agent noun phrase no earlier phase claimed that is the subject of a verb of
    /// speaking, or follows "according to", becomes an `Agent` mention.
    pub(super) fn find_speaking_agents(&mut self) {
        let v = self.v;
        let n = v.pieces.len();
        if !v.pos_known {
            return;
        }
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        for i in 1..n {
            // Both cues are verbs ("said", "according"): the tag first, the word after.
            if v.pieces[i].pos != Upos::Verb {
                continue;
            }
            let word = v.norm(i);
            if SPEECH_VERBS.contains(&word) {
                let mut b = i;
                while b > 0 && v.same_sentence(b - 1, i) && v.is_any(b - 1, BETWEEN) {
                    b -= 1;
                }
                let direct = self
                    .agent_subject(b)
                    .filter(|&(a, b, _)| !self.bare_officials(a, b));
                if let Some(hit) = direct.or_else(|| self.modified_subject(b)) {
                    found.push(hit);
                }
            } else if word == "according" && i + 1 < n && v.is(i + 1, "to") {
                let mut a = i + 2;
                // "according to residents and a hospital worker": both conjuncts.
                while let Some((s, e, role)) = self.agent_object(a) {
                    found.push((s, e, role));
                    if !v.is(e, "and") {
                        break;
                    }
                    a = e + 1;
                }
            }
        }
        if found.is_empty() {
            return;
        }
        // Pieces another phase made a mention of ("the rights group" standing for an
        // organization named before is an organization nominal); a dictionary match alone
        // does not count: "ministry" and "officials" are group nouns waiting for a
        // nationality.
        let mut covered = self.taken.clone();
        for c in &self.cands {
            super::mark(&mut covered, c.a, c.b);
        }
        // A title bound to a name is that person's; an unbound one ("prosecutors") is a
        // role noun like any other.
        for t in self.titles.iter().filter(|t| t.bound) {
            super::mark(&mut covered, t.a, t.b);
        }
        for (a, b, role) in found {
            if (a..b).any(|k| covered[k]) {
                continue;
            }
            self.cands.push(Cand {
                a,
                b,
                what: What::Agent { role },
            });
        }
    }

    /// The agent phrase ending right before piece `b` that starts its clause: its first
    /// piece, end and role.
    fn agent_subject(&self, b: usize) -> Option<(usize, usize, &'static str)> {
        let v = self.v;
        let mut a = b;
        while a > 0 && b - a < MAX_WORDS && v.same_sentence(a - 1, b) && self.np_word(a - 1) {
            a -= 1;
        }
        if a == b {
            return None;
        }
        // The phrase starts a clause: the sentence, or after a comma, quotation mark or
        // conjunction ("…," witnesses said; "and residents said"). After any other word it
        // is the end of a longer phrase ("hundreds of residents said").
        let starts_clause = a == 0
            || !v.same_sentence(a - 1, a)
            || !v.pieces[a - 1].alpha
            || v.is_any(a - 1, CLAUSE_OPENERS);
        if !starts_clause {
            return None;
        }
        self.agent_head(a, b).map(|role| (a, b, role))
    }

    /// Whether the phrase `[a, b)` is "officials" alone (after a determiner at most): the
    /// reporter's unnamed sources, of any side of the story ("…, officials said" after a
    /// lead naming three countries). With a modifier or a complement they are a side's
    /// ("provincial officials", "officials from both countries").
    fn bare_officials(&self, a: usize, b: usize) -> bool {
        let v = self.v;
        v.is_any(b - 1, &["official", "officials"])
            && (a..b - 1).all(|k| v.is_any(k, &["the", "a", "an", "some", "several", "two"]))
    }

    /// An agent phrase with a complement between it and its verb ("residents of the
    /// northern town said", "officials from both countries said"): the phrase before the
    /// nearest "of" or "from" within a few words, with no punctuation in between.
    fn modified_subject(&self, b: usize) -> Option<(usize, usize, &'static str)> {
        let v = self.v;
        let mut k = b;
        while k > 0 && b - k < MAX_COMPLEMENT && v.same_sentence(k - 1, b) && v.pieces[k - 1].alpha
        {
            k -= 1;
            if v.is_any(k, &["of", "from"]) {
                if let Some(hit) = self.agent_subject(k) {
                    return Some(hit);
                }
            }
        }
        None
    }

    /// The agent phrase starting at piece `a` (after "according to"): its first piece,
    /// end and role. It ends at punctuation, a conjunction or a preposition.
    fn agent_object(&self, a: usize) -> Option<(usize, usize, &'static str)> {
        let v = self.v;
        let n = v.pieces.len();
        let mut b = a;
        while b < n && b - a < MAX_WORDS && v.same_sentence(a, b) && self.np_word(b) {
            b += 1;
        }
        if b == a {
            return None;
        }
        self.agent_head(a, b).map(|role| (a, b, role))
    }

    /// Whether piece `k` may be part of a common noun phrase: a determiner, number,
    /// adjective or common noun in lower case (a capital only opening its sentence:
    /// "Residents said"), or a possessive pronoun ("its state security committee").
    fn np_word(&self, k: usize) -> bool {
        let p = &self.v.pieces[k];
        if !p.alpha || (p.cap && !p.sent_start) {
            return false;
        }
        match p.pos {
            Upos::Det | Upos::Num | Upos::Adj | Upos::Noun => true,
            // A capitalised common noun opening a sentence is often tagged a proper noun.
            Upos::Propn => p.sent_start,
            Upos::Pron => self.v.is_any(k, &["its", "their"]),
            _ => false,
        }
    }

    /// The role of the longest agents-dictionary phrase ending the phrase `[a, b)` at its
    /// last word, when it is a role this phase codes ("hospital worker": "worker", LAB;
    /// an unnamed "rights group" is a non-governmental one: `NGOHRI`).
    fn agent_head(&self, a: usize, b: usize) -> Option<&'static str> {
        let v = self.v;
        let head = &v.pieces[b - 1];
        if !(head.pos == Upos::Noun || head.pos == Upos::Propn && head.sent_start) {
            return None;
        }
        let dict = sitrep_lexicon::Lexicon::get();
        let role = (a..b).find_map(|s| {
            let words: Vec<&str> = (s..b).map(|k| v.norm(k)).collect();
            dict.agent(&words).map(|(role, _)| role)
        })?;
        match role {
            "HRI" => Some("NGOHRI"),
            r if NATIONAL_ROLES.contains(&r) => Some(r),
            _ => None,
        }
    }
}
