//! Reactions named by a noun with their author after "from": "the plan provoked serious
//! objections from the United States" is the United States objecting (120) to the plan's
//! author; "the law drew criticism from the EU" the EU criticizing (111). The verb only
//! carries the reaction (provoke, draw, spark, meet with, face...); the noun says what it is
//! and the "from" phrase who made it. The target is the subject of the carrying verb when it
//! names an actor ("Russia's demand drew objections from Washington"), else, when the carrier
//! is a participle or its subject a relative pronoun or an act noun ("..., drawing
//! condemnation from Tokyo", "in a move that drew criticism from Washington"), the author of
//! the act coded before it in the sentence.

use super::{Candidate, SentenceCoder};
use crate::clause::Actor;
use sitrep_doc::Upos;

/// Verbs that carry a reaction to their subject.
const CARRIERS: &[&str] = &[
    "provoke", "draw", "spark", "trigger", "prompt", "meet", "face", "receive", "attract", "earn",
    "elicit", "cause",
];

/// Reaction nouns and their CAMEO codes (after the dictionary's verbs: OBJECT is 120,
/// CRITICIZE and CONDEMN 111).
const REACTIONS: &[(&str, &str)] = &[
    ("objection", "120"),
    ("opposition", "120"),
    ("criticism", "111"),
    ("condemnation", "111"),
    ("rebuke", "111"),
];

/// How many words (adjectives, quotation marks, "with") may stand between the verb and the
/// reaction noun ("provoked “serious objections”", "met with strong opposition").
const MAX_BETWEEN: usize = 3;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// Every carrier verb group followed by a reaction noun and "from" + a named actor.
    pub(super) fn reaction_events(&self, out: &mut Vec<Candidate<'a>>) {
        let c = self.c;
        for (g, grp) in c.groups.iter().enumerate() {
            let head = grp.head;
            if !CARRIERS.contains(&c.w[head].lemma) || grp.neg || c.hypothetical(head) {
                continue;
            }
            let mut k = head + 1;
            let mut noun = None;
            while k < c.len() && k <= head + 1 + MAX_BETWEEN {
                let w = c.w[k];
                if w.pos == Upos::Noun {
                    noun = REACTIONS
                        .iter()
                        .find(|(n, _)| *n == w.lemma)
                        .map(|&(_, code)| (k, code));
                    // A modifier the tagger read as a noun ("swift condemnation") is passed.
                    let modifier = k + 1 < c.len() && c.w[k + 1].pos == Upos::Noun;
                    if noun.is_some() || !modifier {
                        break;
                    }
                }
                let between = matches!(w.pos, Upos::Adj | Upos::Adv | Upos::Punct | Upos::Noun)
                    || c.lower_is(k, "with");
                if !between {
                    break;
                }
                k += 1;
            }
            let Some((n, code)) = noun else { continue };
            // The "from" phrase right after the noun (a closing quotation mark between).
            let mut f = n + 1;
            while f < c.len() && c.w[f].pos == Upos::Punct && !c.lower_is(f, ",") {
                f += 1;
            }
            if !c.lower_is(f, "from") {
                continue;
            }
            let Some(np) = c.np_of.get(f + 1).copied().flatten() else {
                continue;
            };
            let sources = c.phrase_actors(np as usize);
            let Some(code) = self
                .lx
                .codes
                .get(code)
                .map(|id| self.lx.codes.info(id).code.as_str())
            else {
                continue;
            };
            if sources.is_empty() {
                continue;
            }
            // The subject's head ("Russia drew criticism") or its possessor ("Russia's
            // proposal"); never a name further inside it ("the topic of NATO's expansion"
            // is not NATO's act).
            let mut targets = match c.subject(g) {
                // A phrase after a preposition is inside the subject, not its head.
                crate::clause::Subject::Np(np)
                    if !(c.nps[np].start > 0 && c.w[c.nps[np].start - 1].pos == Upos::Adp) =>
                {
                    c.head_actors(np)
                }
                _ => Vec::new(),
            };
            if targets.is_empty() {
                targets = self.possessor_of_subject(g);
            }
            if targets.is_empty() && self.carries_earlier_act(g) {
                // "North Korea fired a missile, drawing condemnation from Tokyo", "..., in a
                // move that drew criticism from Washington": the act before it in the
                // sentence is what the reaction answers, and its author the target.
                targets = out
                    .iter()
                    .rev()
                    .find(|e| e.trigger < head && !e.sources.is_empty())
                    .map(|e| e.sources.clone())
                    .unwrap_or_default();
            }
            targets.retain(|t| !sources.iter().any(|s| s.same(t)));
            self.note(g, || {
                format!("coded {code}: a reaction noun with its author after \"from\"")
            });
            out.push(Candidate {
                code,
                trigger: n,
                sources,
                targets,
                symmetric: false,
                unnamed_source: false,
                rule: format!("sitrep reaction noun \"{}\" from its author", c.w[n].lemma),
            });
        }
    }

    /// Whether the carrier group `g` stands for the sentence's earlier act: a participle
    /// after it with no subject of its own ("..., drawing criticism"), or a clause whose
    /// subject is a relative pronoun or a noun that names an act ("a move that drew ...",
    /// "the launch drew ...").
    fn carries_earlier_act(&self, g: usize) -> bool {
        const ACT_SUBJECTS: &[&str] = &[
            "which", "that", "move", "step", "decision", "action", "act", "launch", "test",
        ];
        let c = self.c;
        let grp = c.groups[g];
        if grp.gerund && grp.start > 0 && c.lower_is(grp.start - 1, ",") {
            return true;
        }
        match c.subject(g) {
            crate::clause::Subject::None => grp.gerund,
            crate::clause::Subject::Np(np) => {
                let p = c.nps[np];
                ACT_SUBJECTS.contains(&c.lemma(p.end - 1))
                    && (p.start..p.end).all(|k| c.actor[k].is_none())
            }
        }
    }

    /// The actors of the possessor of group `g`'s subject ("Russia's proposal" -> Russia):
    /// the author of the thing the reaction answers.
    fn possessor_of_subject(&self, g: usize) -> Vec<Actor> {
        let c = self.c;
        let crate::clause::Subject::Np(np) = c.subject(g) else {
            return Vec::new();
        };
        let np = c.nps[np];
        let Some(poss) = (np.start..np.end).find(|&k| matches!(c.w[k].text, "'s" | "’s")) else {
            return Vec::new();
        };
        let mut out: Vec<Actor> = Vec::new();
        for k in np.start..poss {
            if let Some(a) = c.actor[k] {
                if !out.iter().any(|o| o.same(&a)) {
                    out.push(a);
                }
            }
        }
        out
    }
}
