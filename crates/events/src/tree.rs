//! Actors from the dependency tree, when the sentence is parsed (the `deps` layer): the
//! subject of a verb (through xcomp/conj chains), the agent of a passive or of a reduced
//! relative, objects, the oblique of a named preposition, and the actor a noun phrase names
//! by its HEAD ("the Paris-based group" is not France; "Lima Group ministers" is not Peru).
//!
//! Every answer is a word index of the sentence (as in [`Clauses`]); `None` / empty means the
//! tree does not say, and the coder decides whether to fall back to the POS-window analysis.

use crate::clause::{Actor, Clauses, AGENT_HEADS, ATTACH, HUMAN_HEADS, NEAR_PLACE};
use sitrep_doc::{Deprel, TokenId, Upos};

impl<'d> Clauses<'d> {
    /// Whether this sentence has a parse the coder may read.
    pub fn parsed(&self) -> bool {
        self.syn.is_some()
    }

    fn tok(&self, k: usize) -> TokenId {
        TokenId((self.first + k) as u32)
    }

    fn local(&self, t: TokenId) -> usize {
        t.index() - self.first
    }

    /// The subject of the verb at word `v` (the grammatical one: the passive subject of a
    /// passive), shared along xcomp/conj chains ("X decided to impose", "X met and agreed");
    /// a participle adjunct without a subject of its own takes its governing verb's
    /// ("X attacked Y, killing five").
    pub fn tree_subject(&self, v: usize) -> Option<usize> {
        let syn = self.syn.as_ref()?;
        let t = syn.predicate(self.tok(v));
        if let Some(s) = syn.grammatical_subject(t) {
            return Some(self.local(s));
        }
        if self.acl_of_verbless_root(v) {
            return syn.head(t).map(|h| self.local(h));
        }
        let mut at = t;
        for _ in 0..3 {
            if syn.rel(at) != Deprel::Advcl
                || !syn.children_where(at, |r| r == Deprel::Mark).is_empty()
            {
                return None;
            }
            at = syn.head(at)?;
            if let Some(s) = syn.grammatical_subject(at) {
                return Some(self.local(s));
            }
        }
        None
    }

    /// A verb the parser hung on the noun before it in a sentence without a main verb
    /// ("Xi hosted Macron" read as a noun with a relative): the parser's error on short
    /// news sentences; the noun is the verb's subject, not what it describes.
    pub fn acl_of_verbless_root(&self, v: usize) -> bool {
        let Some(syn) = self.syn.as_ref() else {
            return false;
        };
        let t = syn.predicate(self.tok(v));
        if syn.rel(t) != Deprel::Acl || syn.pos(t) != Upos::Verb {
            return false;
        }
        let Some(h) = syn.head(t) else { return false };
        if h > t || syn.rel(h) == Deprel::Appos {
            return false;
        }
        // Up from the noun (through its coordination) to the sentence's root.
        let mut root = h;
        while let Some(up) = syn.head(root) {
            if !matches!(syn.rel(root), Deprel::Conj) {
                return false;
            }
            root = up;
        }
        matches!(syn.pos(root), Upos::Noun | Upos::Propn | Upos::Pron)
            && syn
                .children_where(root, |r| matches!(r, Deprel::Cop | Deprel::Aux))
                .is_empty()
    }

    /// Whether the verb at `v` is passive in the tree (a passive subject or auxiliary, or a
    /// participle modifying a noun: "a ban imposed by China").
    pub fn tree_passive(&self, v: usize) -> bool {
        !self.acl_of_verbless_root(v)
            && self
                .syn
                .as_ref()
                .is_some_and(|syn| syn.is_passive(syn.predicate(self.tok(v))))
    }

    /// Whether the actor's mention lies inside the phrase headed at `n` but not on its
    /// head: a modifier or attachment the tree rules did not take ("Paris" in "the
    /// Paris-based group"), so a fallback must not take it either.
    pub fn inside_phrase(&self, n: usize, a: Actor) -> bool {
        let Some(syn) = self.syn.as_ref() else {
            return false;
        };
        let h = syn.np_head(self.tok(n));
        let (lo, hi) = syn.subtree(h);
        let (lo, hi) = (self.local(lo), self.local(hi));
        let hk = self.local(h);
        (lo..=hi).any(|k| {
            k != hk
                && self.w[k].span.start() < a.span.end()
                && a.span.start() < self.w[k].span.end()
        }) && self.actor[hk] != Some(a)
    }

    /// The agent of a passive verb ("by X"), with its conjuncts.
    pub fn tree_agent(&self, v: usize) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        let t = syn.predicate(self.tok(v));
        match syn.agent(t) {
            Some(a) => self.with_conjuncts(a),
            None => Vec::new(),
        }
    }

    /// The modified noun of a reduced relative ("a ban imposed by China" → ban).
    pub fn tree_relative_noun(&self, v: usize) -> Option<usize> {
        let syn = self.syn.as_ref()?;
        let t = syn.predicate(self.tok(v));
        syn.reduced_relative(t)
            .then(|| syn.head(t))
            .flatten()
            .map(|h| self.local(h))
    }

    /// Direct and indirect objects of the verb at `v`, with their conjuncts.
    pub fn tree_objects(&self, v: usize) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        syn.objects(self.tok(v))
            .into_iter()
            .map(|t| self.local(t))
            .collect()
    }

    /// Obliques of the verb at `v` introduced by `prep`, with their conjuncts.
    pub fn tree_oblique(&self, v: usize, prep: &str) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        syn.oblique(self.tok(v), prep)
            .into_iter()
            .map(|t| self.local(t))
            .collect()
    }

    /// Nominal dependents of the noun at `n` introduced by `prep` ("sanctions against X").
    pub fn tree_noun_modifier(&self, n: usize, prep: &str) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        syn.noun_modifier(self.tok(n), prep)
            .into_iter()
            .map(|t| self.local(t))
            .collect()
    }

    /// Prepositional dependents of the noun at `n`, any preposition, in order.
    pub fn tree_noun_modifiers(&self, n: usize) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        syn.children_where(self.tok(n), |r| {
            r.universal() == "nmod" && r != Deprel::NmodPoss
        })
        .into_iter()
        .filter(|&o| syn.preposition(o).is_some())
        .map(|o| self.local(o))
        .collect()
    }

    /// Obliques of the verb at `v` with any preposition, in order.
    pub fn tree_obliques(&self, v: usize) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        let t = syn.predicate(self.tok(v));
        syn.children_where(t, |r| r.universal() == "obl")
            .into_iter()
            .filter(|&o| syn.preposition(o).is_some())
            .map(|o| self.local(o))
            .collect()
    }

    /// `k` and the members of its coordination, in order.
    fn with_conjuncts(&self, k: TokenId) -> Vec<usize> {
        let Some(syn) = self.syn.as_ref() else {
            return Vec::new();
        };
        let mut out = vec![self.local(k)];
        out.extend(syn.conjuncts(k).into_iter().map(|t| self.local(t)));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The actors the phrases at `ks` (and their conjuncts) name by their heads. `source`:
    /// they act (only a head that can act lends its modifiers' actor: "Russian aircraft",
    /// not "the Indian Ocean wave"). `strict`: only the head's own actor or its apposition
    /// (a required target: "visited Kosovo", not "received IMF support").
    pub fn tree_actors(&self, ks: &[usize], source: bool, strict: bool) -> Vec<Actor> {
        let mut out = Vec::new();
        let Some(syn) = self.syn.as_ref() else {
            return out;
        };
        let mut all = Vec::new();
        for &k in ks {
            all.extend(self.with_conjuncts(syn.np_head(self.tok(k))));
        }
        all.sort_unstable();
        all.dedup();
        for k in all {
            self.node_actors(k, source, strict, 2, &mut out);
            self.shared_adjective_actor(k, &mut out);
        }
        out
    }

    /// "Georgian and Russian troops": the parse hangs "Georgian" inside the phrase of
    /// "troops"; the adjective that shares the agent noun (`agents.rs`) is an actor of
    /// its own, as in the window analysis's conjuncts.
    fn shared_adjective_actor(&self, h: usize, out: &mut Vec<Actor>) {
        let Some(np) = self.np_of[h].map(|x| x as usize) else {
            return;
        };
        let start = self.nps[np].start;
        if start < 2 || self.w[start - 1].pos != Upos::Cconj {
            return;
        }
        if let Some(a) = self.actor[start - 2].filter(|a| a.role.is_some() && a.entity.is_some()) {
            push_unique(out, a);
        }
    }

    /// The actor of the phrase headed at word `h`.
    fn node_actors(&self, h: usize, source: bool, strict: bool, depth: u8, out: &mut Vec<Actor>) {
        let Some(syn) = self.syn.as_ref() else {
            return;
        };
        let t = self.tok(h);
        // An appositive the parser made the head ("X, a Danish diplomat, met" with
        // "diplomat" as the subject): the apposition's named member.
        if let Some(first) = self.np_of[h].and_then(|np| self.apposition_head(np as usize)) {
            let before = out.len();
            self.np_actors_as(first, 0, source, out);
            if out.len() > before {
                return;
            }
        }
        // A title run the parser headed on one of its first words ("South Korean President
        // Moon Jae-in" headed on "Korean"): the name at the end of the chunk is the head,
        // as English heads are final.
        if let Some(np) = self.np_of[h] {
            let last = self.nps[np as usize].end - 1;
            if let Some(a) = self.actor[last].filter(|&a| last > h && self.actor[h] != Some(a)) {
                let (lo, hi) = syn.subtree(t);
                if self.local(lo) <= last && last <= self.local(hi) {
                    push_unique(out, a);
                    return;
                }
            }
        }
        if let Some(a) = self.actor[h] {
            push_unique(out, a);
            return;
        }
        // A title with its name beside it: "the group's lawyer, Y" → Y.
        for ap in syn.children_where(t, |r| r == Deprel::Appos) {
            if let Some(a) = self.actor[self.local(ap)] {
                push_unique(out, a);
                return;
            }
        }
        let head = self.w[h];
        // A quantity stands for what it counts: "tens of thousands of students".
        if head.pos == Upos::Num || QUANTITIES.contains(&head.lemma.to_lowercase().as_str()) {
            for n in syn.children_where(t, |r| r.universal() == "nmod") {
                if syn.preposition(n).as_deref() == Some("of") {
                    let before = out.len();
                    self.node_actors(self.local(n), source, strict, depth, out);
                    if out.len() > before {
                        return;
                    }
                }
            }
        }
        let acts = HUMAN_HEADS.contains(&head.lemma) || AGENT_HEADS.contains(&head.lemma);
        // A required target is named by its head, or by whom a head that can act stands
        // for ("the presidents of Uganda"), never by a modifier of a thing ("IMF support").
        if strict && !acts {
            return;
        }
        if source && !acts && head.pos != Upos::Propn {
            return;
        }
        // Modifiers of the head itself: "Russian aircraft", "Iran's army", "the Hamas
        // leader"; not a modifier of a modifier ("Paris-based"), and not a name that is only
        // part of a longer name ("Lima" in "Lima Group ministers").
        for d in syn.children_where(t, |r| {
            matches!(
                r,
                Deprel::Amod | Deprel::Compound | Deprel::NmodPoss | Deprel::Flat
            )
        }) {
            let dk = self.local(d);
            let Some(a) = self.actor[dk] else { continue };
            // "Paris - based", "Paris-based", "US-led": the name modifies the modifier.
            let word = self.w[dk];
            if self
                .w
                .get(dk + 1)
                .is_some_and(|w| matches!(w.text, "-" | "–"))
                || (word.text.contains('-') && word.pos != Upos::Propn)
                || a.span.start() > word.span.start()
                || a.span.end() < word.span.end()
            {
                continue;
            }
            if !self.same_name(dk, h) && !self.mention_covers_name(dk, a) {
                continue;
            }
            push_unique(out, a);
            return;
        }
        // A target described by who made it: "an export ban imposed by China" → China.
        if !source {
            for r in syn.children_where(t, |r| r == Deprel::Acl) {
                if syn.reduced_relative(r) {
                    if let Some(ag) = syn.agent(r) {
                        let before = out.len();
                        for c in self.with_conjuncts(ag) {
                            self.node_actors(c, true, false, 0, out);
                        }
                        if out.len() > before {
                            return;
                        }
                    }
                }
            }
        }
        if depth == 0 {
            return;
        }
        // Attachments: "leaders of the coalition", "objections from the United States",
        // "police in Jericho" (a place lends its country only to people).
        let human = HUMAN_HEADS.contains(&head.lemma);
        for n in syn.children_where(t, |r| r.universal() == "nmod" && r != Deprel::NmodPoss) {
            let Some(prep) = syn.preposition(n) else {
                continue;
            };
            if !ATTACH.contains(&prep.as_str()) && (source || !NEAR_PLACE.contains(&prep.as_str()))
            {
                continue;
            }
            if source && matches!(prep.as_str(), "in" | "throughout" | "across") && !human {
                continue;
            }
            let before = out.len();
            for c in self.with_conjuncts(n) {
                self.node_actors(c, source, false, depth - 1, out);
            }
            if out.len() > before {
                // "the presidents of Chile and Peru": each country with the agent's role.
                if let Some(role) = self.role_of[h].filter(|_| prep == "of") {
                    self.give_role(role, &mut out[before..]);
                }
                return;
            }
        }
    }

    /// Whether words `a` and `b` lie in one run of proper nouns (one name, whatever part of
    /// it a mention covers: "Aung San Suu Kyi").
    fn same_name(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = (a.min(b), a.max(b));
        (lo..=hi).all(|k| self.w[k].pos == Upos::Propn)
    }

    /// Whether the mention of actor `a` covers the whole run of proper nouns around word
    /// `k` (so `k` is not one part of a longer, uncoded name).
    fn mention_covers_name(&self, k: usize, a: Actor) -> bool {
        if self.w[k].pos != Upos::Propn {
            return true;
        }
        let covered = |i: usize| self.actor[i].is_some_and(|b| b.span == a.span);
        let mut lo = k;
        while lo > 0 && self.w[lo - 1].pos == Upos::Propn {
            lo -= 1;
        }
        let mut hi = k + 1;
        while hi < self.len() && self.w[hi].pos == Upos::Propn {
            hi += 1;
        }
        (lo..hi).all(covered)
    }
}

/// Heads that count what their "of" phrase names.
pub(crate) const QUANTITIES: &[&str] = &[
    "ten",
    "tens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "score",
    "scores",
    "number",
    "majority",
    "some",
    "many",
    "most",
    "all",
    "several",
    "few",
    "both",
    "each",
    "one",
    "two",
    "three",
];

fn push_unique(out: &mut Vec<Actor>, a: Actor) {
    if !out.iter().any(|b| b.same(&a)) {
        out.push(a);
    }
}
