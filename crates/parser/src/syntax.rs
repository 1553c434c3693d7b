//! Questions of syntax over the `deps` layer, for the stages that pick actors, targets and
//! speakers: who is the subject (or the agent of a passive), what are the objects and the
//! obliques of a given preposition, the agent of a reduced relative ("a ban imposed by
//! China"), the head noun of a phrase ("Paris-based group" → group), appositions, the
//! possessor ("X's lawyer, Y"), the addressee of "told X", and coordination.
//!
//! Every answer is a token; callers map tokens to mentions by span. Nothing here guesses
//! from word windows: when the document is not parsed, [`Syntax::of`] is `None` and the
//! caller keeps its own fallback.

use sitrep_doc::{Dep, Deprel, Document, TokenId, Upos};

/// Verbs whose object is the person spoken to ("told Reuters", "assured the minister").
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "inform", "assure", "warn", "brief", "remind", "notify", "advise", "urge", "ask",
    "promise", "reassure",
];

/// A parsed document seen through its dependency trees.
#[derive(Debug, Clone, Copy)]
pub struct Syntax<'a> {
    doc: &'a Document,
}

impl<'a> Syntax<'a> {
    /// `None` when the document has no `deps` layer.
    pub fn of(doc: &'a Document) -> Option<Syntax<'a>> {
        doc.has_deps().then_some(Syntax { doc })
    }

    pub fn doc(&self) -> &'a Document {
        self.doc
    }

    /// Whether `t`'s sentence was parsed: a stage configured with `sentences = "cued"`
    /// leaves the sentences without a trigger or cue as [`crate::UNPARSED`], and callers
    /// keep their own fallback there.
    pub fn is_parsed(&self, t: TokenId) -> bool {
        self.dep(t) != crate::UNPARSED
    }

    pub fn dep(&self, t: TokenId) -> Dep {
        self.doc.deps[t.index()]
    }

    pub fn rel(&self, t: TokenId) -> Deprel {
        self.dep(t).rel
    }

    pub fn head(&self, t: TokenId) -> Option<TokenId> {
        self.doc.head(t)
    }

    pub fn pos(&self, t: TokenId) -> Upos {
        self.doc.tokens[t.index()].pos
    }

    /// The token's text.
    pub fn word(&self, t: TokenId) -> &'a str {
        self.doc.slice(self.doc.tokens[t.index()].span)
    }

    fn lemma_or_lower(&self, t: TokenId) -> String {
        let lemma = &self.doc.tokens[t.index()].lemma;
        if lemma.is_empty() {
            self.word(t).to_lowercase()
        } else {
            lemma.clone()
        }
    }

    /// Dependents of `t`, left to right.
    pub fn children(&self, t: TokenId) -> Vec<TokenId> {
        self.doc.dependents(t).collect()
    }

    /// Dependents of `t` with a relation `pred` accepts.
    pub fn children_where(&self, t: TokenId, pred: impl Fn(Deprel) -> bool) -> Vec<TokenId> {
        self.doc
            .dependents(t)
            .filter(|&c| pred(self.rel(c)))
            .collect()
    }

    fn child(&self, t: TokenId, pred: impl Fn(Deprel) -> bool) -> Option<TokenId> {
        self.doc.dependents(t).find(|&c| pred(self.rel(c)))
    }

    /// The first and last token of the subtree of `t` (its phrase).
    pub fn subtree(&self, t: TokenId) -> (TokenId, TokenId) {
        let (mut lo, mut hi) = (t, t);
        let mut todo = vec![t];
        while let Some(x) = todo.pop() {
            for c in self.doc.dependents(x) {
                lo = lo.min(c);
                hi = hi.max(c);
                todo.push(c);
            }
        }
        (lo, hi)
    }

    /// The preposition of a nominal (its `case` dependent, with `fixed` parts: "according
    /// to", "because of"), lowercased.
    pub fn preposition(&self, t: TokenId) -> Option<String> {
        let case = self.child(t, |r| r == Deprel::Case)?;
        let mut p = self.word(case).to_lowercase();
        for f in self.children_where(case, |r| r == Deprel::Fixed) {
            p.push(' ');
            p.push_str(&self.word(f).to_lowercase());
        }
        Some(p)
    }

    /// Whether a verb is passive: a passive subject or auxiliary, or a past participle
    /// modifying a noun (a reduced relative, "a ban imposed by China").
    pub fn is_passive(&self, verb: TokenId) -> bool {
        self.child(verb, |r| {
            matches!(r, Deprel::NsubjPass | Deprel::CsubjPass | Deprel::AuxPass)
        })
        .is_some()
            || self.reduced_relative(verb)
    }

    /// A participle modifying a noun without a relative pronoun (`acl`): "a ban imposed by
    /// China", "talks held in Geneva".
    pub fn reduced_relative(&self, verb: TokenId) -> bool {
        self.rel(verb) == Deprel::Acl
            && self.pos(verb) == Upos::Verb
            && self
                .child(verb, |r| r.is_subject() || r == Deprel::Mark)
                .is_none()
    }

    /// The agent of a passive: an `obl:agent` dependent, or an oblique with "by".
    pub fn agent(&self, verb: TokenId) -> Option<TokenId> {
        self.child(verb, |r| r == Deprel::OblAgent).or_else(|| {
            self.children_where(verb, |r| r.universal() == "obl")
                .into_iter()
                .find(|&o| self.preposition(o).as_deref() == Some("by"))
        })
    }

    /// The clause's predicate for a token that is an auxiliary or copula ("has said" → said).
    pub fn predicate(&self, t: TokenId) -> TokenId {
        match self.rel(t) {
            Deprel::Aux | Deprel::AuxPass | Deprel::Cop => self.head(t).unwrap_or(t),
            _ => t,
        }
    }

    /// The grammatical subject of a verb (`nsubj`, `nsubj:pass`, `csubj`), looked for also
    /// where it is shared: the first conjunct of coordinated verbs ("X arrived and said"),
    /// the governing verb of an open complement ("X wants to meet"), and the noun a relative
    /// clause modifies ("the man who said").
    pub fn grammatical_subject(&self, verb: TokenId) -> Option<TokenId> {
        let verb = self.predicate(verb);
        let mut at = verb;
        for _ in 0..8 {
            // Of several subjects (a parse that split a phrase), the nearest before the verb.
            let subjects = self.children_where(at, |r| r.is_subject() && r != Deprel::CsubjOuter);
            let nearest = subjects
                .iter()
                .rev()
                .find(|&&s| s < at)
                .or(subjects.first())
                .copied();
            if let Some(s) = nearest {
                if self.rel(at) == Deprel::AclRelcl && self.is_relative_pronoun(s) {
                    return self.head(at);
                }
                return Some(s);
            }
            match self.rel(at) {
                Deprel::Conj | Deprel::Xcomp => at = self.head(at)?,
                Deprel::AclRelcl => return self.head(at),
                _ => return None,
            }
        }
        None
    }

    fn is_relative_pronoun(&self, t: TokenId) -> bool {
        matches!(
            self.word(t).to_lowercase().as_str(),
            "who" | "which" | "that" | "whom" | "whose"
        )
    }

    /// The logical subject (the doer): the agent of a passive or reduced relative when it is
    /// expressed, otherwise the active subject; `None` for an agentless passive.
    pub fn subject(&self, verb: TokenId) -> Option<TokenId> {
        let verb = self.predicate(verb);
        if self.is_passive(verb) {
            return self.agent(verb);
        }
        self.grammatical_subject(verb)
    }

    /// The one acted upon: the direct object of an active verb, the passive subject of a
    /// passive one, the modified noun of a reduced relative.
    pub fn patient(&self, verb: TokenId) -> Option<TokenId> {
        let verb = self.predicate(verb);
        if self.reduced_relative(verb) {
            return self.head(verb);
        }
        if self.is_passive(verb) {
            return self.grammatical_subject(verb);
        }
        self.objects(verb).into_iter().next()
    }

    /// Direct and indirect objects (with their conjuncts), left to right.
    pub fn objects(&self, verb: TokenId) -> Vec<TokenId> {
        let verb = self.predicate(verb);
        let mut out = Vec::new();
        for o in self.children_where(verb, |r| matches!(r, Deprel::Obj | Deprel::Iobj)) {
            out.push(o);
            out.extend(self.conjuncts(o));
        }
        out.sort();
        out
    }

    /// Obliques of `verb` introduced by the preposition `prep` (case-insensitive, multi-word
    /// allowed: "according to"), with their conjuncts.
    pub fn oblique(&self, verb: TokenId, prep: &str) -> Vec<TokenId> {
        let verb = self.predicate(verb);
        let prep = prep.to_lowercase();
        let mut out = Vec::new();
        for o in self.children_where(verb, |r| r.universal() == "obl") {
            if self.preposition(o).as_deref() == Some(prep.as_str()) {
                out.push(o);
                out.extend(self.conjuncts(o));
            }
        }
        out.sort();
        out
    }

    /// Nominal dependents of a noun introduced by `prep` ("objections from the United
    /// States" → States), with their conjuncts.
    pub fn noun_modifier(&self, noun: TokenId, prep: &str) -> Vec<TokenId> {
        let prep = prep.to_lowercase();
        let mut out = Vec::new();
        for o in self.children_where(noun, |r| r.universal() == "nmod") {
            if self.preposition(o).as_deref() == Some(prep.as_str()) {
                out.push(o);
                out.extend(self.conjuncts(o));
            }
        }
        out.sort();
        out
    }

    /// For a participle modifying a noun ("a ban imposed by China"): the agent ("China").
    pub fn reduced_relative_agent(&self, verb: TokenId) -> Option<TokenId> {
        if self.reduced_relative(verb) {
            self.agent(verb)
        } else {
            None
        }
    }

    /// The head noun of the phrase a token belongs to, climbing over modifiers inside the
    /// noun phrase (compounds, flat names, adjectives, determiners, numbers): "Paris-based
    /// group" → group, "Lima Group ministers" → ministers. Possessors and prepositional
    /// modifiers are phrases of their own and are not climbed out of.
    pub fn np_head(&self, t: TokenId) -> TokenId {
        let mut at = t;
        for _ in 0..16 {
            let climb = match self.rel(at) {
                Deprel::Compound
                | Deprel::Flat
                | Deprel::FlatForeign
                | Deprel::Amod
                | Deprel::Det
                | Deprel::DetPredet
                | Deprel::Nummod
                | Deprel::Fixed
                | Deprel::Goeswith => true,
                // "Paris" in "Paris - based group" when the hyphen is split: an oblique of
                // an adjectival participle.
                Deprel::Obl | Deprel::OblUnmarked | Deprel::OblNpmod => self
                    .head(at)
                    .is_some_and(|h| self.rel(h) == Deprel::Amod && h > at),
                _ => false,
            };
            match (climb, self.head(at)) {
                (true, Some(h)) => at = h,
                _ => break,
            }
        }
        at
    }

    /// Appositions of a token: its `appos` dependents, or, for an apposition, the noun it
    /// renames and that noun's other appositions.
    pub fn appositions(&self, t: TokenId) -> Vec<TokenId> {
        let base = if self.rel(t) == Deprel::Appos {
            self.head(t).unwrap_or(t)
        } else {
            t
        };
        let mut out = self.children_where(base, |r| r == Deprel::Appos);
        if base != t {
            out.push(base);
        }
        out.retain(|&x| x != t);
        out.sort();
        out
    }

    /// The possessor of a noun ("X's lawyer" → X; "its wares" → its).
    pub fn possessor(&self, noun: TokenId) -> Option<TokenId> {
        self.child(noun, |r| r == Deprel::NmodPoss)
    }

    /// The person spoken to: an indirect object, the object of a verb of telling ("told
    /// Reuters"), or an oblique with "to" ("said to reporters").
    pub fn addressee(&self, verb: TokenId) -> Option<TokenId> {
        let verb = self.predicate(verb);
        if let Some(i) = self.child(verb, |r| r == Deprel::Iobj) {
            return Some(i);
        }
        let lemma = self.lemma_or_lower(verb);
        if ADDRESSEE_VERBS.contains(&lemma.as_str()) {
            if let Some(o) = self.child(verb, |r| r == Deprel::Obj) {
                return Some(o);
            }
        }
        self.oblique(verb, "to").into_iter().next()
    }

    /// The other members of a coordination ("Russia, China and Iran"), left to right.
    pub fn conjuncts(&self, t: TokenId) -> Vec<TokenId> {
        let mut first = t;
        for _ in 0..16 {
            match (self.rel(first), self.head(first)) {
                (Deprel::Conj, Some(h)) => first = h,
                _ => break,
            }
        }
        let mut out = vec![first];
        let mut i = 0;
        while i < out.len() {
            let x = out[i];
            out.extend(self.children_where(x, |r| r == Deprel::Conj));
            i += 1;
        }
        out.retain(|&x| x != t);
        out.sort();
        out
    }

    /// The speaker of a speech verb: its subject, or, when the subject is a common noun with
    /// a proper-name apposition ("X's lawyer, Y, said"), the apposition.
    pub fn speaker(&self, cue: TokenId) -> Option<TokenId> {
        let s = self.grammatical_subject(cue)?;
        if self.pos(s) == Upos::Noun {
            if let Some(&a) = self
                .appositions(s)
                .iter()
                .find(|&&a| self.pos(a) == Upos::Propn)
            {
                return Some(a);
            }
        }
        Some(s)
    }
}
