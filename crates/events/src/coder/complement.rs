//! The complement classes: a verb whose act is its complement's ("agreed to meet", "denied
//! plans to invade", "demanded that Iran leave"). `complement` finds the complement of a
//! group's head, one function per pattern family tried in a fixed order; `complement_act`
//! recodes the inner act by the class (an intent, a refusal, a threat, a demand ...).

use super::{Act, SentenceCoder};
use crate::clause::{Actor, Modal};
use crate::lexicon::Class;
use crate::transform::{self, kind, Kind};
use crate::wordlists::symmetric;
use sitrep_doc::Upos;

/// A complement of a complement-taking head.
#[derive(Debug, Clone, Copy)]
pub(super) struct Comp {
    pub(super) class: Class,
    /// The complement's verb group.
    pub(super) inner: usize,
    /// The noun phrase the act is addressed to ("urged Iran to ...").
    addressee: Option<usize>,
    /// A "that" clause (or a bare clause after a speech verb).
    pub(super) that: bool,
}

/// The classes that take "to X".
const INFINITIVE: &[Class] = &[
    Class::Try,
    Class::Decide,
    Class::Deny,
    Class::Intent,
    Class::Agree,
    Class::Want,
    Class::Threat,
    Class::Refuse,
    Class::Fail,
    Class::Demand,
    Class::Appeal,
];

/// The classes that take "of / from / on X-ing".
const PREPOSITIONAL_GERUND: &[Class] = &[
    Class::Accuse,
    Class::Deny,
    Class::Refuse,
    Class::Consider,
    Class::Threat,
    Class::Demand,
];

/// The classes that take a bare "X-ing".
const BARE_GERUND: &[Class] = &[Class::Deny, Class::Consider, Class::Try, Class::Refuse];

/// The classes that name an addressee before their complement ("urged Iran to ...").
const ADDRESSED: &[Class] = &[
    Class::Appeal,
    Class::Demand,
    Class::Accuse,
    Class::Say,
    Class::Threat,
];

/// The first of the head's classes that `allowed` holds (the head's own order decides).
fn pick(classes: &[Class], allowed: &[Class]) -> Option<Class> {
    classes.iter().copied().find(|cl| allowed.contains(cl))
}

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The complement of a complement-taking head: "to X", "of X-ing", "that Y X". The
    /// patterns are tried in this order; the first that finds its complement decides, also
    /// when none of the head's classes takes it (then there is none).
    pub(super) fn complement(&self, g: usize) -> Option<Comp> {
        let c = self.c;
        let grp = c.groups[g];
        let lemma = self.group_lemma(g);
        let mut k = grp.end;
        // Adverbs and time adjuncts before the complement: "agreed on Monday to impose".
        loop {
            while k < c.len() && c.w[k].pos == Upos::Adv {
                k += 1;
            }
            match c.time_adjunct_end(k) {
                Some(e) if e > k => k = e,
                _ => break,
            }
        }
        if lemma == "have" && c.lower_is(k, "no") {
            return self.no_intent_complement(k);
        }
        let classes = self.lx.classes(lemma);
        if classes.is_empty() {
            return None;
        }
        let (addressee, k) = match self.addressee(classes, k) {
            Some((np, end)) => (Some(np), end),
            None => (None, self.past_plan_noun(k)),
        };
        if let Some(found) = self.infinitive_complement(classes, k, addressee) {
            return found;
        }
        if let Some(found) = self.prepositional_gerund_complement(classes, k, addressee) {
            return found;
        }
        if addressee.is_none() {
            if let Some(found) = self.bare_gerund_complement(classes, k) {
                return found;
            }
        }
        let k = self.past_speech_adjunct(classes, k);
        self.clause_complement(classes, k, addressee)
    }

    /// "has no plans to attack", "have no intention of invading": the complement of the
    /// no-intent noun in the phrase at `k` ("no ...").
    fn no_intent_complement(&self, k: usize) -> Option<Comp> {
        let c = self.c;
        let np = c.np_of.get(k).copied().flatten()? as usize;
        let p = c.nps[np];
        if !(p.start..p.end).any(|i| self.lx.is_no_intent_noun(c.lemma(i))) {
            return None;
        }
        let after = p.end;
        let inner = match c.group_starting(after).filter(|&x| c.groups[x].infinitive) {
            Some(inner) => inner,
            None if c.lower_is(after, "of") => c.group_starting(after + 1)?,
            None => return None,
        };
        Some(Comp {
            class: Class::NoIntent,
            inner,
            addressee: None,
            that: false,
        })
    }

    /// The addressee before the complement and where it ends: the object of an addressed
    /// class ("urged Iran to ..."), or the phrase after "to / on / upon" of an appeal.
    fn addressee(&self, classes: &[Class], k: usize) -> Option<(usize, usize)> {
        let c = self.c;
        if let Some(np) = self.np_starting_at(k, false) {
            return self.object_addressee(classes, np);
        }
        if classes.contains(&Class::Appeal)
            && matches!(c.lemma(k), "to" | "on" | "upon")
            && c.w[k].pos == Upos::Adp
        {
            let np = self.np_starting_at(k + 1, false)?;
            return Some((np, c.nps[np].end));
        }
        None
    }

    /// The object `np` (with its conjuncts and "of" phrases) as the addressee, unless a
    /// clause starts after it ("said Iran would ..."): then it is that clause's subject.
    fn object_addressee(&self, classes: &[Class], np: usize) -> Option<(usize, usize)> {
        let c = self.c;
        if !classes.iter().any(|cl| ADDRESSED.contains(cl)) {
            return None;
        }
        let last = *c.conjuncts(np).last().unwrap_or(&np);
        let mut e = c.nps[last].end;
        while e + 1 < c.len() && c.lower_is(e, "of") && c.np_of[e + 1].is_some() {
            e = c.nps[c.np_of[e + 1].unwrap() as usize].end;
        }
        let clause_follows = c
            .group_starting(e)
            .is_some_and(|x| !c.groups[x].infinitive && !c.groups[x].gerund);
        (!clause_follows).then_some((np, e))
    }

    /// "denied plans to invade", "announced its intention to meet": the plan noun is
    /// stepped over, the act is its complement. Where the complement starts.
    fn past_plan_noun(&self, k: usize) -> usize {
        let c = self.c;
        if let Some(np) = self.np_starting_at(k, false) {
            let n = c.nps[np];
            if self.lx.is_no_intent_noun(c.lemma(n.end - 1)) {
                return n.end;
            }
        }
        k
    }

    /// "to X": Some(the complement, or None when no class of the head takes it) when an
    /// infinitive starts at `k`.
    fn infinitive_complement(
        &self,
        classes: &[Class],
        k: usize,
        addressee: Option<usize>,
    ) -> Option<Option<Comp>> {
        let c = self.c;
        let inner = c.group_starting(k).filter(|&x| c.groups[x].infinitive)?;
        Some(pick(classes, INFINITIVE).map(|class| Comp {
            class,
            inner,
            addressee,
            that: false,
        }))
    }

    /// "of / from / on / about / for / against X-ing": Some(the complement, or None when no
    /// class of the head takes it) when such a preposition and a gerund start at `k`.
    fn prepositional_gerund_complement(
        &self,
        classes: &[Class],
        k: usize,
        addressee: Option<usize>,
    ) -> Option<Option<Comp>> {
        let c = self.c;
        let preposition =
            c.w.get(k)
                .is_some_and(|w| w.pos == Upos::Adp || w.pos == Upos::Sconj)
                && matches!(
                    c.lemma(k),
                    "of" | "from" | "on" | "about" | "for" | "against"
                );
        if !preposition {
            return None;
        }
        let inner = self.gerund_at(k + 1)?;
        Some(pick(classes, PREPOSITIONAL_GERUND).map(|class| Comp {
            class,
            inner,
            addressee,
            that: false,
        }))
    }

    /// A bare "X-ing" ("denied attacking"): Some(the complement, or None when no class of
    /// the head takes it) when a gerund starts at `k`.
    fn bare_gerund_complement(&self, classes: &[Class], k: usize) -> Option<Option<Comp>> {
        let c = self.c;
        let inner = self.gerund_at(k).filter(|&x| c.groups[x].gerund)?;
        Some(pick(classes, BARE_GERUND).map(|class| Comp {
            class,
            inner,
            addressee: None,
            that: false,
        }))
    }

    /// The group starting at `k` whose head ends in "-ing".
    fn gerund_at(&self, k: usize) -> Option<usize> {
        let c = self.c;
        c.group_starting(k)
            .filter(|&x| c.w[c.groups[x].head].text.ends_with("ing"))
    }

    /// A speech verb's time or place phrase before its clause ("said on Sunday it had ...",
    /// "said in Geneva that ..."): where the clause starts.
    fn past_speech_adjunct(&self, classes: &[Class], k: usize) -> usize {
        let c = self.c;
        if classes.contains(&Class::Say) && c.w.get(k).is_some_and(|w| w.pos == Upos::Adp) {
            if let Some(np) = self.np_starting_at(k + 1, false) {
                let e = c.nps[np].end;
                if self.np_starting_at(e, false).is_some() || c.lower_is(e, "that") {
                    return e;
                }
            }
        }
        k
    }

    /// "that Y X", or a bare clause after a speech or demand verb: its first verb group
    /// when that is a finite one, as a demand when jussive, else as a statement or denial.
    fn clause_complement(
        &self,
        classes: &[Class],
        k: usize,
        addressee: Option<usize>,
    ) -> Option<Comp> {
        let c = self.c;
        // "that" read as a pronoun before a clause with its own subject ("warned Putin in a
        // call that Russia would ...") is the complementizer too.
        let that = c.lower_is(k, "that")
            && c.w.get(k).is_some_and(|w| {
                w.pos == Upos::Sconj
                    || (w.pos == Upos::Pron && self.np_starting_at(k + 1, false).is_some())
            });
        let start = if that { k + 1 } else { k };
        let clause_here = that
            || (self.np_starting_at(k, false).is_some()
                && (classes.contains(&Class::Say) || classes.contains(&Class::Demand)));
        if !clause_here {
            return None;
        }
        let x = self.first_group_of_clause(start)?;
        let xg = c.groups[x];
        if xg.infinitive || xg.gerund {
            return None;
        }
        let class = if self.jussive(x) {
            pick(
                classes,
                &[Class::Demand, Class::Deny, Class::Appeal, Class::Say],
            )?
        } else if classes.contains(&Class::Threat) && xg.modal == Modal::Future && !xg.neg {
            // "warned (Iran) that it would ...": a threat when the clause says one
            // (`warning.rs`), else the verb's own sense.
            Class::Threat
        } else {
            pick(classes, &[Class::Deny, Class::Say])?
        };
        Some(Comp {
            class,
            inner: x,
            addressee: addressee.filter(|_| class == Class::Threat),
            that: true,
        })
    }

    /// The first verb group from `start` before the clause's punctuation ends it.
    fn first_group_of_clause(&self, start: usize) -> Option<usize> {
        let c = self.c;
        for m in start..c.len() {
            if let Some(x) = c.group_starting(m) {
                return Some(x);
            }
            if matches!(c.w[m].text, ";" | ":" | "." | "“" | "”" | "\"") {
                return None;
            }
        }
        None
    }

    /// Whether group `x` is a command: "demanded that Iran leave / must leave" is a demand;
    /// "insisted that he did not know" is a statement.
    fn jussive(&self, x: usize) -> bool {
        let c = self.c;
        let xg = c.groups[x];
        let hw = c.w[xg.head];
        matches!(xg.modal, Modal::Must | Modal::Should)
            || (xg.start == xg.head
                && hw.pos == Upos::Verb
                && hw.text.eq_ignore_ascii_case(hw.lemma))
    }

    /// A target for an act whose pattern did not fire: the object of the complement verb, or
    /// the first named phrase after a preposition in its clause.
    fn loose_target(&self, inner: usize) -> Vec<Actor> {
        let c = self.c;
        let grp = c.groups[inner];
        if c.parsed() {
            let a = c.tree_actors(&c.tree_objects(grp.head), false, false);
            if !a.is_empty() {
                return a;
            }
            return c
                .tree_obliques(grp.head)
                .into_iter()
                .filter(|&k| !c.after_mediator_by(k))
                .map(|k| c.tree_actors(&[k], false, false))
                .find(|a| !a.is_empty())
                .unwrap_or_default();
        }
        if let Some(np) = c.object(inner) {
            let a = c.phrase_actors(np);
            if !a.is_empty() {
                return a;
            }
        }
        let end = c.clause_end(grp.end);
        for k in grp.end..end {
            if c.w[k].pos == Upos::Adp && !c.mediator_by(k) {
                if let Some(np) = c.np_of.get(k + 1).copied().flatten() {
                    let a = c.phrase_actors(np as usize);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
        Vec::new()
    }

    fn bare_code(&self, g: usize) -> Option<&'a str> {
        let lemma = self.head_lemma[g];
        self.lx
            .verb_patterns(lemma)
            .find(|p| p.slots.is_empty() && p.particle.is_empty())
            .map(|p| self.lx.codes.info(p.code).code.as_str())
    }

    /// The act of complement verb `g` (class `comp.class`) over its inner act.
    pub(super) fn complement_act(&mut self, g: usize, comp: Comp, depth: u8) -> Option<Act<'a>> {
        let c = self.c;
        let grp = c.groups[g];
        self.consumed[comp.inner] = true;
        let inner_grp = c.groups[comp.inner];
        let inner = if inner_grp.neg {
            None
        } else {
            self.evaluate(comp.inner, depth + 1)
        };
        if inner_grp.neg && !matches!(comp.class, Class::Say) {
            // "agreed not to attack", "demanded that X not ...": not coded.
            return None;
        }
        let mut source = if grp.passive {
            self.agent_actors(g)
        } else {
            self.subject_actors(g)
        };
        if source.is_empty() {
            if let Some(a) = inner.as_ref().filter(|_| matches!(comp.class, Class::Try)) {
                source = a.source.clone();
            }
        }
        let addressee = comp
            .addressee
            .map(|np| c.phrase_actors(np))
            .unwrap_or_default();
        if let Some(a) = &inner {
            let own_act = matches!(
                comp.class,
                Class::Intent
                    | Class::Agree
                    | Class::Want
                    | Class::Try
                    | Class::Decide
                    | Class::Refuse
                    | Class::Fail
                    | Class::Threat
            );
            if own_act
                && a.target.is_empty()
                && (a.required_target || a.code.starts_with("04"))
                && source.len() < 2
            {
                // "wants to meet" with nobody to meet: the pattern did not find its act.
                return None;
            }
        }
        let rule = match &inner {
            Some(a) => format!("complement {:?} of {}", comp.class, a.rule),
            None => format!("complement {:?}", comp.class),
        };
        let inner_symmetric = inner.as_ref().is_some_and(|a| a.symmetric);
        // "urged both sides to ...": the two sides are found in the article (`collective.rs`).
        let collective = addressee.is_empty()
            && comp.addressee.is_some_and(|np| {
                let p = c.nps[np];
                crate::collective::is_collective((p.start..p.end).map(|k| c.lemma(k)))
            });
        let rule = if collective {
            format!("{rule} {}", crate::collective::MARK)
        } else {
            rule
        };
        let (code, target, commissive) =
            self.recode_complement(g, &comp, inner, addressee, collective)?;
        let mut target = target;
        target.retain(|t| !source.iter().any(|s| s.same(t)));
        let symmetric = symmetric(code) || inner_symmetric;
        Some(Act {
            code,
            head: grp.head,
            source,
            target,
            commissive,
            complement: true,
            symmetric,
            required_target: false,
            unnamed_source: false,
            rule,
        })
    }

    /// The code and target a complement verb of class `comp.class` makes of its inner act
    /// (`inner`, None when it coded nothing), and whether the result is the subject's own
    /// commitment: "agreed to meet" an intent, "refused to meet" a refusal, "threatened to
    /// attack" a threat, "demanded that X leave" a demand on X ... None: not coded.
    fn recode_complement(
        &self,
        g: usize,
        comp: &Comp,
        inner: Option<Act<'a>>,
        addressee: Vec<Actor>,
        collective: bool,
    ) -> Option<(&'a str, Vec<Actor>, bool)> {
        let grp = self.c.groups[g];
        let inner_code = inner.as_ref().map(|a| a.code);
        let inner_target = || match &inner {
            Some(a) if !a.target.is_empty() => a.target.clone(),
            _ => self.loose_target(comp.inner),
        };
        let that_subject = || {
            if comp.that {
                self.subject_actors(comp.inner)
            } else {
                Vec::new()
            }
        };
        let neg = grp.neg;
        let mut commissive = false;
        let (code, target): (&'a str, Vec<Actor>) = match comp.class {
            Class::Say => return None,
            Class::Try => {
                let a = inner?;
                let code = if a.code == "186" { "185" } else { a.code };
                (code, a.target)
            }
            // A decision is the act decided ("decided to expel two diplomats" is 161, "voted
            // to suspend aid" 1211); so is an agreement to a hostile act, as the dictionary
            // codes AGREE "- * (TO SANCTIONS)" 163: "agreed to impose sanctions on Belarus".
            Class::Decide => {
                let a = inner?;
                (a.code, a.target)
            }
            Class::Agree
                if !neg
                    && inner_code
                        .is_some_and(|ic| matches!(kind(ic), Kind::Hostile | Kind::Protest)) =>
            {
                let t = inner_target();
                (inner?.code, t)
            }
            Class::Intent | Class::Agree | Class::Want => {
                commissive = true;
                let code = match inner_code {
                    Some(ic) if neg => match kind(ic) {
                        Kind::Cooperative => transform::refuse(ic)?,
                        Kind::Hostile | Kind::Protest => "016",
                        _ => return None,
                    },
                    Some(ic) if comp.class == Class::Want && ic.starts_with("12") => "100",
                    Some(ic) => match kind(ic) {
                        Kind::Cooperative => transform::intent(ic).unwrap_or(ic),
                        Kind::Hostile | Kind::Protest => transform::threat(ic)?,
                        Kind::VerbalConflict if ic.starts_with("13") => ic,
                        _ => return None,
                    },
                    None if comp.class == Class::Agree && !neg => "030",
                    None => return None,
                };
                (code, inner_target())
            }
            Class::Threat if comp.that => {
                if neg {
                    return None;
                }
                commissive = true;
                self.warning_threat(g, comp.inner, inner.as_ref(), addressee)?
            }
            Class::Threat => {
                if neg {
                    return None;
                }
                commissive = true;
                let code = match inner_code {
                    Some(ic) if ic.starts_with("13") => ic,
                    Some(ic) => transform::threat(ic).or_else(|| self.bare_code(g))?,
                    None => self.bare_code(g)?,
                };
                let mut t = inner_target();
                if t.is_empty() {
                    t = addressee;
                }
                (code, t)
            }
            Class::Refuse => {
                if neg {
                    return None;
                }
                let code = match inner_code {
                    Some(ic) => transform::refuse(ic)?,
                    // "refused to discuss the reports": refusing nobody in particular.
                    None if !self
                        .c
                        .object(comp.inner)
                        .map(|np| self.c.phrase_actors(np))
                        .unwrap_or_default()
                        .is_empty() =>
                    {
                        self.bare_code(g)?
                    }
                    None => return None,
                };
                (code, inner_target())
            }
            Class::Fail => {
                if neg {
                    return None;
                }
                let ic = inner_code?;
                if kind(ic) != Kind::Cooperative {
                    return None;
                }
                (transform::refuse(ic)?, inner_target())
            }
            Class::Demand | Class::Appeal => {
                if neg || grp.modal == Modal::Hedge {
                    return None;
                }
                let code = match (inner_code, comp.class) {
                    (Some(ic), Class::Demand) => transform::demand(ic),
                    (Some(ic), _) => transform::appeal(ic),
                    (None, Class::Demand) => "100",
                    (None, _) => "020",
                };
                let mut t = addressee;
                if t.is_empty() {
                    t = that_subject();
                }
                if t.is_empty() {
                    t = inner_target();
                }
                if t.is_empty() && !collective {
                    // "I ask you to ...": an appeal to nobody named is not coded.
                    return None;
                }
                (code, t)
            }
            Class::Accuse => {
                if neg {
                    return None;
                }
                if addressee.is_empty() {
                    return None;
                }
                let code = inner_code.map(transform::accuse).unwrap_or("112");
                (code, addressee)
            }
            Class::Deny => {
                if neg {
                    return None;
                }
                commissive = true;
                let mut t = inner_target();
                if t.is_empty() {
                    t = addressee;
                }
                ("016", t)
            }
            Class::NoIntent => {
                let ic = inner_code?;
                if !matches!(
                    kind(ic),
                    Kind::Hostile | Kind::Protest | Kind::VerbalConflict
                ) {
                    return None;
                }
                commissive = true;
                ("016", inner_target())
            }
            Class::Consider => {
                if neg {
                    return None;
                }
                ("014", inner_target())
            }
        };
        Some((code, target, commissive))
    }
}
