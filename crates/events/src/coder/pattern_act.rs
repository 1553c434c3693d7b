//! From a matched verb pattern to its act: who is its source and who its target, read from
//! the dependency tree when the sentence is parsed (the POS-window analysis fills what the
//! parse split or attached elsewhere), else from the POS window alone.

use super::{Act, SentenceCoder};
use crate::clause::Actor;
use crate::lexicon::VerbPattern;
use crate::wordlists::{reciprocal_verb, symmetric};
use sitrep_doc::Upos;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The act pattern `p` codes for group `g` (its words end at `after`): from the
    /// dependency tree when the sentence is parsed, else from the POS window.
    pub(super) fn act_from_pattern(&self, g: usize, p: &'a VerbPattern, after: usize) -> Act<'a> {
        let mut act = if self.c.parsed() {
            self.act_from_tree(g, p, after)
        } else {
            self.act_from_window(g, p, after)
        };
        if act.target.is_empty() {
            act.target = self.target_in_pattern_words(g, p, after, &act.source);
        }
        if act.target.is_empty() {
            act.target = self.target_inside_object(g, p, act.code, &act.source);
        }
        act
    }

    /// When the pattern's own slots yield no target: the first actor named inside the object
    /// phrase or its chain of "of" / "towards" / "against" complements ("banned imports of
    /// Japanese seafood" -> JPN, "demanded the release of Russian prisoners" -> RUS, "backed a
    /// policy towards Russia" -> RUS), else inside a location phrase
    /// that names a mission ("protested outside the Japanese embassy"), as PETRARCH takes
    /// the first actor of the object phrase. Never for statements (01x), which take no
    /// target, nor a passive; the chain stops at any other word, so a relative clause,
    /// a "by" agent or the next clause is never read.
    fn target_inside_object(
        &self,
        g: usize,
        p: &VerbPattern,
        code: &str,
        source: &[Actor],
    ) -> Vec<Actor> {
        const MISSIONS: &[&str] = &["embassy", "consulate"];
        let c = self.c;
        let grp = c.groups[g];
        let wants_target = p.target.names_a_target();
        if !wants_target || code.starts_with("01") || grp.passive || c.tree_passive(grp.head) {
            return Vec::new();
        }
        let end = c.clause_end(grp.end);
        // A required target must still be named by a phrase's head ("received IMF support"
        // names no counterpart).
        let named = |np: usize| {
            let mut a = if p.target.required {
                c.head_actors(np)
            } else {
                c.phrase_actors(np)
            };
            // Only the phrase's own words: its prepositional attachments ("a deal in
            // Istanbul") are places, not counterparts.
            let (lo, hi) = (
                c.w[c.nps[np].start].span.start(),
                c.w[c.nps[np].end - 1].span.end(),
            );
            // Nor a place that is the first part of a longer name ("the Paris Club offer").
            let inside_name = |t: &Actor| {
                (c.nps[np].start..c.nps[np].end - 1)
                    .any(|k| c.w[k].span.end() == t.span.end() && c.w[k + 1].pos == Upos::Propn)
            };
            a.retain(|t| {
                t.span.start() >= lo
                    && t.span.end() <= hi
                    && !inside_name(t)
                    && !source.iter().any(|s| s.same(t))
            });
            a
        };
        let mut np = self.np_starting_at(grp.end + p.particle.len(), true);
        while let Some(n) = np.filter(|&n| c.nps[n].end <= end) {
            let a = named(n);
            if !a.is_empty() {
                return a;
            }
            let next = c.nps[n].end;
            // "of", and the prepositions that name whom the object noun is aimed at
            // ("a strategy towards China", "an offensive against Kurdish forces").
            np = (next + 1 < end
                && matches!(c.lemma(next), "of" | "towards" | "toward" | "against"))
            .then(|| c.np_starting(next + 1))
            .flatten();
        }
        (grp.end..end)
            .filter(|&k| c.w[k].pos == Upos::Adp && c.lemma(k) != "by")
            .filter_map(|k| c.np_starting(k + 1))
            .filter(|&n| c.nps[n].end <= end && MISSIONS.contains(&c.lemma(c.nps[n].end - 1)))
            .map(named)
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    /// A pattern that names a target whose own words name it: "expelled two Russian
    /// diplomats" (`expel diplomat [of|from]`) targets `RUSGOV`, the actor the head of the
    /// phrase holding a pattern word stands for. Only by that head (`head_actors`): "the
    /// Chinese crackdown" names no one.
    fn target_in_pattern_words(
        &self,
        g: usize,
        p: &VerbPattern,
        after: usize,
        source: &[Actor],
    ) -> Vec<Actor> {
        let c = self.c;
        let wants_target = p.target.names_a_target();
        if !wants_target || p.slots.is_empty() || c.groups[g].passive {
            return Vec::new();
        }
        let mut k = c.groups[g].end;
        while k < after.min(c.len()) {
            if let Some(np) = c.np_starting(k) {
                if self.np_has_pattern_word(np, p) {
                    let mut a = c.head_actors(np);
                    a.retain(|t| !source.iter().any(|s| s.same(t)));
                    if !a.is_empty() {
                        return a;
                    }
                }
                k = c.nps[np].end;
            } else {
                k += 1;
            }
        }
        Vec::new()
    }

    /// [`Self::act_from_pattern`] from the POS-window analysis alone.
    fn act_from_window(&self, g: usize, p: &'a VerbPattern, after: usize) -> Act<'a> {
        let c = self.c;
        let grp = c.groups[g];
        let end = c.clause_end(after);
        let mut target = Vec::new();
        let source;
        // A required target must be named by its phrase's head ("visited Kosovo", not
        // "received IMF support").
        let actors_of = |np: usize| {
            if p.target.required {
                c.head_actors(np)
            } else {
                c.phrase_actors(np)
            }
        };
        if grp.passive {
            source = self.agent_actors(g);
            if p.target.obj {
                target = self.subject_actors_as(g, false);
            }
        } else {
            source = self.subject_actors(g);
            if p.target.obj {
                let bare = p.slots.is_empty();
                // "found Iran guilty", "killed three soldiers in an attack": the object
                // right after the verb; else after the pattern's words ("hacked into X").
                let direct = self.np_starting_at(grp.end + p.particle.len(), true);
                let np = direct
                    .filter(|&n| {
                        bare || c.nps[n].end <= after.saturating_sub(1)
                            || !self.np_has_pattern_word(n, p)
                    })
                    .or_else(|| self.np_starting_at(after, bare));
                if let Some(np) = np {
                    target = actors_of(np);
                }
            }
        }
        if target.is_empty() && p.target.loose && !grp.passive {
            // A dictionary pattern without a target marker: the object outside the
            // pattern's words, else the first named phrase after a preposition.
            let direct = self
                .np_starting_at(grp.end + p.particle.len(), true)
                .filter(|&n| !self.np_has_pattern_word(n, p))
                .or_else(|| self.np_starting_at(after, false));
            target = direct.map(actors_of).unwrap_or_default();
            if target.is_empty() {
                for k in grp.end..end.max(after) {
                    if c.w[k].pos == Upos::Adp && !c.mediator_by(k) {
                        if let Some(np) = c.np_of.get(k + 1).copied().flatten() {
                            let a = actors_of(np as usize);
                            if !a.is_empty() {
                                target = a;
                                break;
                            }
                        }
                    }
                }
            }
        }
        if target.is_empty() && !p.target.preps.is_empty() {
            // The first phrase after a target preposition that names someone.
            target = c
                .prep_objects(&p.target.preps, grp.end, end.max(after))
                .map(actors_of)
                .find(|a| !a.is_empty())
                .unwrap_or_default();
        }
        self.pattern_act(p, grp.head, source, target)
    }

    /// The act a matched pattern codes, with its trigger head and actors.
    pub(super) fn pattern_act(
        &self,
        p: &'a VerbPattern,
        head: usize,
        source: Vec<Actor>,
        mut target: Vec<Actor>,
    ) -> Act<'a> {
        // The same entity is not its own target ("Iran's army attacked Iran" aside), nor is
        // a mediator ("a ceasefire brokered by Egypt").
        target.retain(|t| !source.iter().any(|s| s.same(t)) && !self.c.mediator(t));
        Act {
            required_target: p.target.required,
            unnamed_source: false,
            code: self.lx.codes.info(p.code).code.as_str(),
            head,
            source,
            target,
            commissive: false,
            complement: false,
            // Accepting an offer is one-sided, whoever else accepts it too, but a truce the
            // sides of a compound subject accept is between them ("the army and the rebels
            // accepted a ceasefire"); an exchange is each side's to the other, whatever is
            // exchanged.
            symmetric: (symmetric(&self.lx.codes.info(p.code).code)
                || reciprocal_verb(self.c.lemma(head)))
                && (&*p.verb != "accept" || self.lx.codes.info(p.code).code.starts_with("087")),
            rule: p.origin.to_string(),
        }
    }

    /// Whether word `k` is one of the pattern's literal words (then it is not the target:
    /// "imposed sanctions on X").
    fn is_pattern_word(&self, k: usize, p: &VerbPattern) -> bool {
        p.slots
            .iter()
            .any(|s| s.alts.iter().any(|a| a.iter().any(|l| self.word_is(k, l))))
    }

    /// Whether noun phrase `np` holds one of the pattern's words (then it is not the target).
    fn np_has_pattern_word(&self, np: usize, p: &VerbPattern) -> bool {
        let n = self.c.nps[np];
        (n.start..n.end).any(|k| {
            p.slots
                .iter()
                .any(|s| s.alts.iter().any(|a| self.seq_at(k, a)))
        })
    }

    /// [`Self::act_from_pattern`] for a parsed sentence: the source is the subject (the agent
    /// of a passive), the target the object outside the pattern's words, or the phrase of a
    /// target preposition attached to the verb or to the pattern's nouns ("sanctions against
    /// X", "talks with X"), each named by its head.
    fn act_from_tree(&self, g: usize, p: &'a VerbPattern, after: usize) -> Act<'a> {
        let c = self.c;
        let grp = c.groups[g];
        let v = grp.head;
        let passive = grp.passive || c.tree_passive(v);
        let mut source = if passive {
            self.agent_actors(g)
        } else {
            self.subject_actors(g)
        };
        let objects = self.tree_objects_outside_pattern(v, p);
        // The phrases the tree considered: a fallback must not take their modifiers.
        let mut seen: Vec<usize> = objects.clone();
        let mut target = Vec::new();
        if p.target.obj {
            target = self.tree_object_target(g, p, passive, &objects);
        }
        if target.is_empty() && !p.target.preps.is_empty() {
            target = self.tree_prep_target(g, p, after, &mut seen);
        }
        if target.is_empty() && p.target.loose && !passive {
            target = self.tree_loose_target(g, p, after, &objects);
        }
        if target.is_empty() || (source.is_empty() && passive) {
            // A parse that split a phrase or attached it elsewhere: the window analysis's
            // answer, less the modifiers of the phrases the tree considered.
            let w = self.act_from_window(g, p, after);
            if target.is_empty() {
                target = self.outside_phrases(w.target, &seen);
            }
            if source.is_empty() && passive {
                source = self.outside_phrases(w.source, &c.tree_agent(v));
            }
        }
        self.pattern_act(p, v, source, target)
    }

    /// The tree objects of verb `v` that are not the pattern's own words (all of them for a
    /// bare pattern).
    fn tree_objects_outside_pattern(&self, v: usize, p: &VerbPattern) -> Vec<usize> {
        self.c
            .tree_objects(v)
            .into_iter()
            .filter(|&o| p.slots.is_empty() || !self.is_pattern_word(o, p))
            .collect()
    }

    /// The target of a pattern with an object: the passive subject (or the noun a passive
    /// relative clause describes), else the verb's objects outside the pattern's words.
    fn tree_object_target(
        &self,
        g: usize,
        p: &VerbPattern,
        passive: bool,
        objects: &[usize],
    ) -> Vec<Actor> {
        let c = self.c;
        let strict = p.target.required;
        if passive {
            match c.tree_relative_noun(c.groups[g].head) {
                Some(n) => c.tree_actors(&[n], false, strict),
                None => self.subject_actors_as(g, false),
            }
        } else {
            c.tree_actors(objects, false, strict)
        }
    }

    /// Nouns a target preposition may hang from: the verb's objects and the pattern's own
    /// words ("imposed sanctions against X").
    fn target_nouns(&self, g: usize, p: &VerbPattern, after: usize) -> Vec<usize> {
        let c = self.c;
        let grp = c.groups[g];
        let mut n: Vec<usize> = c.tree_objects(grp.head);
        n.extend((grp.end..after.min(c.len())).filter(|&k| self.is_pattern_word(k, p)));
        n
    }

    /// The target of a target preposition: the first phrase the tree attaches by one to the
    /// verb or to its nouns that names someone (added to `seen`); when the tree attaches
    /// none, the first such phrase after one in the window of the clause.
    fn tree_prep_target(
        &self,
        g: usize,
        p: &VerbPattern,
        after: usize,
        seen: &mut Vec<usize>,
    ) -> Vec<Actor> {
        let c = self.c;
        let grp = c.groups[g];
        let strict = p.target.required;
        let mut cands: Vec<usize> = Vec::new();
        for prep in p.target.preps.iter() {
            cands.extend(c.tree_oblique(grp.head, prep));
            for n in self.target_nouns(g, p, after) {
                cands.extend(c.tree_noun_modifier(n, prep));
            }
        }
        cands.retain(|&k| !c.after_mediator_by(k));
        cands.sort_unstable();
        cands.dedup();
        seen.extend(&cands);
        if cands.is_empty() {
            let end = c.clause_end(after);
            c.prep_objects(&p.target.preps, grp.end, end.max(after))
                .map(|np| {
                    if strict {
                        c.head_actors(np)
                    } else {
                        c.phrase_actors(np)
                    }
                })
                .find(|a| !a.is_empty())
                .unwrap_or_default()
        } else {
            cands
                .into_iter()
                .map(|k| c.tree_actors(&[k], false, strict))
                .find(|a| !a.is_empty())
                .unwrap_or_default()
        }
    }

    /// A dictionary pattern without a target marker: the object outside the pattern's
    /// words, else the first named phrase the tree attaches to the verb or its nouns.
    fn tree_loose_target(
        &self,
        g: usize,
        p: &VerbPattern,
        after: usize,
        objects: &[usize],
    ) -> Vec<Actor> {
        let c = self.c;
        let strict = p.target.required;
        let target = c.tree_actors(objects, false, strict);
        if !target.is_empty() {
            return target;
        }
        let mut cands = c.tree_obliques(c.groups[g].head);
        for n in self.target_nouns(g, p, after) {
            cands.extend(c.tree_noun_modifiers(n));
        }
        cands.retain(|&k| !c.after_mediator_by(k));
        cands.sort_unstable();
        cands
            .into_iter()
            .map(|k| c.tree_actors(&[k], false, strict))
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    /// `actors` less those inside one of the tree's `phrases` (their modifiers).
    fn outside_phrases(&self, mut actors: Vec<Actor>, phrases: &[usize]) -> Vec<Actor> {
        actors.retain(|a| !phrases.iter().any(|&n| self.c.inside_phrase(n, *a)));
        actors
    }
}
