//! Characterizations: a verb of naming with an object and a predicate that judges it —
//! "called the accord a disaster", "described the vote as a sham", "branded the ruling
//! illegal", "called the decision \"deeply regrettable\"". CAMEO codes a negative judgement
//! of an actor or its act as criticism (111), as the dictionary's CALL * ILLEGITIMATE /
//! UNJUSTIFIED / DICTATOR / LIAR [111] do one word at a time; here the class is the shape
//! (naming verb, object, predicate) and the predicate's words say whether it judges. A
//! judgement that an accusation is false ("called the allegations baseless") is its denial
//! (016, after the dictionary's DENY and REJECT * ACCUSATION).
//!
//! The target is the object when it names an actor ("called Erdogan a dictator"), else the
//! author of the act the object names ("called the decision a mistake": `author.rs` and the
//! story's earlier acts, `anaphora`). Nothing is coded without a judging word right after
//! the object ("called Erdogan on Tuesday" is a phone call, "called a snap election" an
//! election), for a praise ("called the talks a success": a positive comment, left to the
//! verb's own patterns), or for an object that is neither an actor nor an act ("called the
//! situation a disaster" judges no one).

use super::{Act, Candidate, SentenceCoder};
use crate::clause::Actor;
use sitrep_doc::Upos;

/// The start of the rule of every act coded here.
const RULE: &str = "sitrep evaluation";

/// Verbs that name their object as something; `as` = the predicate follows "as".
const NAMING_VERBS: &[(&str, bool)] = &[
    ("call", false),
    ("brand", false),
    ("label", false),
    ("term", false),
    ("dub", false),
    ("deem", false),
    ("describe", true),
    ("characterize", true),
    ("characterise", true),
    ("portray", true),
];

/// Predicate words (lemmas) of a negative judgement.
const NEGATIVE: &[&str] = &[
    // adjectives
    "illegal",
    "illegitimate",
    "unlawful",
    "unacceptable",
    "regrettable",
    "deplorable",
    "outrageous",
    "unjustified",
    "unjustifiable",
    "unprovoked",
    "irresponsible",
    "reckless",
    "dangerous",
    "provocative",
    "hostile",
    "unfriendly",
    "aggressive",
    "shameful",
    "disgraceful",
    "barbaric",
    "brutal",
    "cowardly",
    "heinous",
    "despicable",
    "abhorrent",
    "appalling",
    "scandalous",
    "cynical",
    "hypocritical",
    "destabilizing",
    "destabilising",
    "counterproductive",
    "undemocratic",
    "unconstitutional",
    "discriminatory",
    "racist",
    "fraudulent",
    "rigged",
    "arbitrary",
    "disproportionate",
    "inhumane",
    "unfair",
    "unjust",
    "misguided",
    "inflammatory",
    "offensive",
    "insulting",
    "invalid",
    "void",
    // nouns
    "disaster",
    "catastrophe",
    "farce",
    "sham",
    "travesty",
    "mistake",
    "blunder",
    "provocation",
    "violation",
    "breach",
    "crime",
    "atrocity",
    "massacre",
    "genocide",
    "terrorism",
    "terrorist",
    "aggression",
    "interference",
    "meddling",
    "betrayal",
    "insult",
    "affront",
    "threat",
    "blackmail",
    "piracy",
    "dictator",
    "tyrant",
    "criminal",
    "traitor",
    "puppet",
    "thug",
    "murderer",
    "disgrace",
    "outrage",
    "scandal",
    "setback",
    "escalation",
    "hypocrisy",
];

/// Predicate words that say an accusation is false.
const FALSE: &[&str] = &[
    "baseless",
    "unfounded",
    "groundless",
    "false",
    "untrue",
    "lie",
    "fabrication",
    "nonsense",
    "absurd",
    "ridiculous",
    "fake",
    "slander",
    "propaganda",
];

/// Object nouns that name an accusation (a false one is denied, 016).
const ACCUSATIONS: &[&str] = &[
    "accusation",
    "allegation",
    "claim",
    "charge",
    "report",
    "suggestion",
];

/// Object nouns that name an act or a decision, whose author the judgement criticizes.
const ACT_NOUNS: &[&str] = &[
    "decision",
    "move",
    "step",
    "action",
    "measure",
    "sanction",
    "embargo",
    "ban",
    "verdict",
    "sentence",
    "ruling",
    "conviction",
    "arrest",
    "detention",
    "attack",
    "strike",
    "raid",
    "assault",
    "offensive",
    "bombing",
    "shelling",
    "invasion",
    "occupation",
    "annexation",
    "operation",
    "deal",
    "agreement",
    "accord",
    "proposal",
    "plan",
    "demand",
    "law",
    "bill",
    "policy",
    "election",
    "vote",
    "referendum",
    "resolution",
    "remark",
    "comment",
    "statement",
    "speech",
    "visit",
    "trip",
    "test",
    "launch",
    "expulsion",
    "withdrawal",
    "deployment",
    "crackdown",
    "trial",
    "coup",
];

/// Degree words a predicate may start with ("deeply regrettable", "totally unacceptable").
const DEGREE: &[&str] = &[
    "deeply",
    "totally",
    "completely",
    "utterly",
    "absolutely",
    "entirely",
    "highly",
    "very",
    "extremely",
    "clearly",
    "blatant",
    "flagrant",
    "gross",
    "grave",
    "serious",
    "politically",
];

/// How many words of the predicate are read (article, degree words, adjectives, "act of").
const PREDICATE_WORDS: usize = 5;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The criticism (111) or denial (016) group `g` makes when it names its object as
    /// something bad.
    pub(super) fn evaluation_act(&self, g: usize) -> Option<Act<'a>> {
        let c = self.c;
        let grp = c.groups[g];
        let &(_, needs_as) = NAMING_VERBS
            .iter()
            .find(|(v, _)| *v == self.head_lemma[g] || *v == c.lemma(grp.head))?;
        if grp.passive {
            return None;
        }
        // The object: the noun phrase right after the verb (no particle: "called for",
        // "called on", "called off" are other senses).
        let obj = self.np_starting_at(grp.end, false)?;
        let np = c.nps[obj];
        if np.start > grp.end + 1 {
            return None;
        }
        let judging = |k: usize| NEGATIVE.contains(&c.lemma(k)) || FALSE.contains(&c.lemma(k));
        // A judging adjective the chunker took into the object ("the plan absurd"): the
        // predicate starts there, the object ends before it.
        let mut obj_end = np.end;
        if np.end - np.start >= 2
            && judging(np.end - 1)
            && matches!(c.w[np.end - 2].pos, Upos::Noun | Upos::Propn)
        {
            obj_end -= 1;
        }
        let head = obj_end - 1;
        let pron = np.end - np.start == 1 && c.w[head].pos == Upos::Pron;
        let named = c.phrase_actors(obj);
        let head_lemma = c.lemma(head);
        if named.is_empty()
            && !pron
            && !ACT_NOUNS.contains(&head_lemma)
            && !ACCUSATIONS.contains(&head_lemma)
        {
            return None;
        }
        // The predicate: right after the object (quotation marks, "as" where the verb needs
        // it), up to the end of its phrase.
        let mut k = obj_end;
        while k < c.len() && matches!(c.w[k].text, "\"" | "“" | "”" | "'" | "‘") {
            k += 1;
        }
        if needs_as {
            if !c.lower_is(k, "as") {
                return None;
            }
            k += 1;
        }
        let mut word = None;
        let end = (k + PREDICATE_WORDS).min(c.len());
        while k < end {
            let w = c.w[k];
            let lemma = c.lemma(k);
            if lemma == "not" || lemma == "no" {
                return None;
            }
            if judging(k) {
                word = Some(k);
                break;
            }
            let goes_on = matches!(w.pos, Upos::Det | Upos::Adj | Upos::Adv | Upos::Noun)
                || matches!(w.text, "\"" | "“" | "”")
                || DEGREE.contains(&lemma)
                || (lemma == "of" && k > 0 && c.w[k - 1].pos == Upos::Noun);
            if !goes_on {
                break;
            }
            k += 1;
        }
        let word = word?;
        // "called the plan absurd" is a criticism; "called the allegations absurd" a denial.
        let denial = FALSE.contains(&c.lemma(word)) && ACCUSATIONS.contains(&head_lemma);
        let code = if denial { "016" } else { "111" };
        let code = self
            .lx
            .codes
            .get(code)
            .map(|id| self.lx.codes.info(id).code.as_str())?;
        let source = self.subject_actors(g);
        let mut target = named;
        target.retain(|t| !source.iter().any(|s| s.same(t)));
        Some(Act {
            code,
            head: grp.head,
            source,
            target,
            commissive: false,
            complement: false,
            symmetric: false,
            required_target: false,
            unnamed_source: false,
            rule: format!(
                "{RULE}: \"{}\" + object + \"{}\"",
                c.w[grp.head].text, c.w[word].text
            ),
        })
    }

    /// "Egypt criticised Ethiopia ..., calling the move a violation of international law":
    /// a judgement in a participle clause whose source coded an act earlier in the sentence
    /// is that act's reason, not an act of its own.
    pub(super) fn restates_earlier_act(
        &self,
        g: usize,
        act: &Act<'a>,
        out: &[Candidate<'a>],
    ) -> bool {
        act.rule.starts_with(RULE)
            && self.c.groups[g].gerund
            && out.iter().any(|e| {
                e.trigger < act.head
                    && e.sources
                        .iter()
                        .any(|s| act.source.iter().any(|a| a.same(s)))
            })
    }
}
