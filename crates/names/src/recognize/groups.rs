//! Phase 2: groups, a nationality or country before a group noun ("the Russian
//! delegation", "Sudan's government", "Khartoum government").

use super::{mark, Cand, Recognizer, What};
use crate::lexicon::Entry;
use crate::view::Match;
use sitrep_doc::Upos;

impl<'a> Recognizer<'a> {
    /// Every group noun outside a title with a country context before it becomes a group
    /// mention coded country + role; it claims its pieces and uses up the nationality word.
    pub(super) fn find_groups(&mut self) {
        let v = self.v;
        for m in self.matches {
            let Some(g) = m.entries.iter().find_map(|e| {
                if let Entry::Group(g) = *e {
                    Some(g)
                } else {
                    None
                }
            }) else {
                continue;
            };
            if self.in_title[m.a] {
                continue;
            }
            let Some(cm) = self.group_context(m) else {
                continue;
            };
            if self.is_alignment(cm) {
                continue;
            }
            let Some(code) = self.group_country_code(m, cm) else {
                continue;
            };
            let start = if cm.a > 0 && v.is(cm.a - 1, "the") {
                cm.a - 1
            } else {
                cm.a
            };
            let full = match &self.lex.group(g).role {
                Some(r) => format!("{code}{r}"),
                None => code,
            };
            self.consumed_demonym.insert(cm.a);
            mark(&mut self.taken, start, m.b);
            self.cands.push(Cand {
                a: start,
                b: m.b,
                what: What::Group { code: full },
            });
        }
    }

    /// Whether a nationality is an alignment, not a nationality: "pro-Russian separatists",
    /// "anti-Western militias" are not Russian or Western; who they are must come from
    /// elsewhere (the events stage's article country), not from the word they support.
    fn is_alignment(&self, cm: &Match) -> bool {
        let v = self.v;
        cm.a >= 2 && v.is(cm.a - 1, "-") && ["pro", "anti"].iter().any(|w| v.is(cm.a - 2, w))
    }

    /// The match before a group noun that may name its country: right before it or over a
    /// possessive ("Sudan's government"), either of them also over one lower-case adjective
    /// or noun ("Russian armed forces", "Iran's foreign ministry"); in the same sentence.
    fn group_context(&self, m: &Match) -> Option<&'a Match> {
        let v = self.v;
        let before = |k: usize| {
            self.match_ending(k).or_else(|| {
                (k >= 2 && v.is(k - 1, "s") && v.is(k - 2, "'"))
                    .then(|| self.match_ending(k - 2))
                    .flatten()
            })
        };
        let mut found = before(m.a);
        if found.is_none() && m.a > 0 && v.pieces[m.a - 1].alpha && !v.pieces[m.a - 1].cap {
            let p = &v.pieces[m.a - 1];
            if !v.pos_known || matches!(p.pos, Upos::Adj | Upos::Noun) || v.is(m.a - 1, "armed") {
                found = before(m.a - 1);
            }
        }
        found.filter(|cm| v.same_sentence(cm.a, m.a))
    }

    /// The country code of a group's context match: a nationality or country, or a capital
    /// standing for its country ("Khartoum government"; but "the London side" in sport is a
    /// team: "side" needs a nationality).
    fn group_country_code(&self, m: &Match, cm: &Match) -> Option<String> {
        let lex = self.lex;
        let side = self.v.is(m.a, "side");
        let capital_code = || {
            cm.entries.iter().find_map(|e| match *e {
                Entry::City(_) if side => None,
                Entry::City(c) if lex.city(c).capital => {
                    Some(lex.country(lex.city(c).country).cameo.clone())
                }
                _ => None,
            })
        };
        self.context_code(cm).or_else(capital_code)
    }
}
