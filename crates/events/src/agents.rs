//! Agent nouns as actors: "protesters", "police", "rebels" name no entity, but CAMEO and
//! GDELT code them through the Phoenix agents dictionary ("protesters" -> `OPP`, "riot
//! police" -> `COP`), with the country the sentence gives them.
//!
//! The names layer already codes a country + agent compound ("Iraqi police" -> `IRQCOP`);
//! this fills in an agent noun it leaves unnamed, as the head of its noun phrase, and takes
//! its country from (first that applies):
//! 1. a country-coded word inside its phrase ("the Ugandan riot police");
//! 2. a place attached to it ("police in Khartoum", "protesters from Tehran");
//! 3. the place the sentence says the act happened in ("Thousands of protesters marched in
//!    Tbilisi": `GEOOPP`), only for these agent-only actors and not for armed forces and
//!    groups, who fight abroad as well ("fighters attacked towns in Israel");
//! 4. (in the stage, per event) the other side's country in domestic acts: the target of
//!    coercion or of violence against civil groups, the source of a protest;
//! 5. (in the stage) the country of the article's main place (dateline or lead): "Police
//!    detained 35 protesters" in a story datelined Yangon is `MMRCOP` > `MMROPP`. For the
//!    state's political roles (`GOV`, `LEG`, `JUD`) the dateline's country, else the country
//!    the article names most: "the government" of a story on British asylum policy without
//!    a dateline is British even when the only city it names is Dutch.
//!
//! Without any, the role stands alone (`OPP`). Roles that name people at large (people,
//! civilians, students, worshippers, criminals) make no actor: "killed eight people" has no
//! target in CAMEO coding. Unknown perpetrators ("gunmen", "attackers", "a suicide bomber")
//! make no actor either; they are marked so that an act of violence (CAMEO 18-20) they
//! commit is still coded, with an empty source, as the CAMEO/GDELT gold does.

use crate::clause::{Actor, Clauses, AGENT_HEADS, HUMAN_HEADS};
use sitrep_doc::{Document, EntityId, EntityKind, Upos};

/// Roles a bare agent noun may stand for: the state's arms and the organised groups that
/// act on it. Not people at large (civilians, students, worshippers: "killed eight people"
/// has no target in CAMEO coding), nor business and the media, whose nouns ("the company",
/// "investors", "the publisher") fill ordinary news with false actors: measured on the BBC
/// corpus, they gave most of the new events and nearly all of them were no political act.
const ACTOR_ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "OPP", "REB", "LEG", "JUD", "SPY", "LAB", "AGR", "UAF",
];

/// Roles of people at large (`Clauses::crowd`): no actor, but a protest's source. The
/// agents dictionary's `PPL` ("people") is CAMEO's `CVL` (civilians: people of no known
/// affiliation).
fn crowd_role(role: &str) -> Option<&'static str> {
    match role {
        "PPL" | "CVL" => Some("CVL"),
        "EDU" => Some("EDU"),
        _ => None,
    }
}

/// Roles of armed groups that act abroad as much as at home: the place of the act does not
/// give their country.
const ABROAD_ROLES: &[&str] = &["MIL", "REB", "UAF", "SPY"];

/// Roles of state institutions, which a possessive names by their kind only ("the court's
/// ruling"): not read as a possessor agent.
const INSTITUTION_ROLES: &[&str] = &["GOV", "LEG", "JUD"];

/// Roles an agent noun keeps without a country.
const BARE_ROLES: &[&str] = &["OPP", "REB", "COP", "MIL", "LAB", "AGR"];

/// Roles of perpetrators nobody names: an actor only with a country ("Pakistani
/// militants"); alone they are an unknown source of violence.
const PERPETRATOR_ROLES: &[&str] = &["UAF", "CRM"];

/// Roles of armed groups ("militants", "fighters", "insurgents", "rebels") that, without a
/// country of their own, are the armed group the article named before: "Somali forces
/// killed six militants" in a story about al-Shabaab targets al-Shabaab, as "the militant
/// group" links to it in the names layer.
const ARMED_GROUP_ROLES: &[&str] = &["UAF", "REB"];

/// How many sentences back the armed group an armed group's noun stands for may be named.
const ARMED_GROUP_WINDOW: usize = 8;

/// Whether an entity is an armed group: an organization whose code is a rebel, insurgent or
/// unidentified armed force (`SOMREB`, `PSEREBHMS`) or an international militarized group
/// (`IMGMUSISI`).
fn armed_group(doc: &Document, e: EntityId) -> bool {
    doc.entities.get(e.index()).is_some_and(|ent| {
        let code = ent.actor_code.as_deref().unwrap_or("");
        !matches!(ent.kind, EntityKind::Person | EntityKind::Location)
            && (code.starts_with("IMG")
                || code.starts_with("REB")
                || code.starts_with("UAF")
                || matches!(code.get(3..6), Some("REB" | "UAF")))
    })
}

/// Agent nouns in a spelling the agents dictionary lacks: it lists GUERILLA (`REB`), news
/// mostly writes "guerrilla(s)".
fn spelling_variant(w: crate::clause::Word) -> Option<&'static str> {
    (w.pos == Upos::Noun && matches!(w.lemma, "guerrilla" | "guerrillas")).then_some("REB")
}

/// Nouns of perpetrators the agents dictionary lacks or codes otherwise ("bomber" is an
/// aircraft there).
const PERPETRATOR_NOUNS: &[&str] = &[
    "attacker",
    "assailant",
    "gunman",
    "gunmen",
    "shooter",
    "kidnapper",
    "abductor",
    "hijacker",
    "bomber",
];

/// Agent nouns whose dictionary role is one sense of several: "representatives" are
/// legislators in the agents dictionary (`LEG`) but envoys in most world news; a "carrier"
/// is an airline as often as a warship.
const AMBIGUOUS_AGENTS: &[&str] = &["representative", "carrier"];

/// Craft and weapons only armed forces run: they stand for their operator after an agent
/// ("navy ships", see `OPERATED_HEADS`) and with a country alone are its military ("Israeli
/// tanks shelled", "Russian jets struck", "Iranian gunboats seized"), as the dictionary
/// codes "warplanes" and "fighter jets" (`MIL`).
const ARMED_CRAFT: &[&str] = &[
    "jet",
    "warplane",
    "warship",
    "gunboat",
    "gunship",
    "frigate",
    "destroyer",
    "submarine",
    "tank",
    "drone",
    "artillery",
];

/// Heads that stand for their operators: vehicles, vessels and arms act for whoever runs
/// them. After an agent ("coast guard vessels", "navy ships", "police helicopters") they
/// are that agent (the Phoenix agents dictionary codes the coast guard `MIL`). With
/// `ARMED_CRAFT`.
const OPERATED_HEADS: &[&str] = &[
    "vessel",
    "ship",
    "boat",
    "patrol",
    "plane",
    "aircraft",
    "helicopter",
    "vehicle",
];

/// Arms that are military with a country alone, besides `ARMED_CRAFT`.
const MILITARY_ARMS: &[&str] = &["airstrike", "missile", "rocket", "shelling", "bombardment"];

fn operated_head(lemma: &str) -> bool {
    OPERATED_HEADS.contains(&lemma) || ARMED_CRAFT.contains(&lemma)
}

fn military_head(lemma: &str) -> bool {
    MILITARY_ARMS.contains(&lemma) || ARMED_CRAFT.contains(&lemma)
}

/// Arms whose "strike" is a military act ("air strike", "drone strike"), not a labour one.
const STRIKE_ARMS: &[&str] = &["air", "drone", "missile", "rocket", "artillery"];

/// Prepositions that place the act ("marched in Tbilisi").
const PLACE_PREPS: &[&str] = &["in", "across", "throughout", "inside"];

/// Whether the entity of an actor is a country-level code a role can follow: a country
/// (`SDN`) or a geocoded place without a code of its own (its country).
fn country_of(doc: &Document, a: &Actor) -> bool {
    a.role.is_none()
        && a.entity.is_some_and(|e| {
            doc.entities.get(e.index()).is_some_and(|ent| {
                let code = ent.actor_code.as_deref().unwrap_or("");
                (code.len() == 3 && country_prefix(code).is_some())
                    || (code.is_empty() && ent.kind == EntityKind::Location && ent.geo.is_some())
            })
        })
}

/// Prefixes of actor codes that are no country: the CAMEO international and transnational
/// types and the agent roles an actor code can start with ("the MP" is `LEG`).
const NOT_COUNTRY: &[&str] = &[
    "IGO", "NGO", "IMG", "MNC", "UIS", "UAF", "REB", "OPP", "COP", "MIL", "GOV", "JUD", "LEG",
    "MED", "BUS", "CVL", "EDU", "LAB", "AGR", "REL", "SPY", "HLH", "CRM", "PPL", "ELI", "REF",
    "SET", "ENV", "DEV", "HRI", "MOD", "RAD", "ACT", "AMN",
];

/// The country an actor code starts with, if it does (`EGYCOP` -> `EGY`, `LEG` -> none).
pub(crate) fn country_prefix(code: &str) -> Option<&str> {
    code.get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()) && !NOT_COUNTRY.contains(c))
}

/// Whether a sentence without a named actor may still hold an agent-noun actor (a cheap
/// test on lemmas before the clause analysis: "Police detained 35 protesters").
pub(crate) fn may_hold_agent(lemma: &str) -> bool {
    HUMAN_HEADS.contains(&lemma) || PERPETRATOR_NOUNS.contains(&lemma)
}

/// Roles an agent keeps with no country from its sentence or the other side: the ones
/// that stand alone, or any when the article has a main place (its country).
pub(crate) fn role_stands_alone(role: &str) -> bool {
    BARE_ROLES.contains(&role)
}

/// Armed forces and groups, which fight abroad as well as at home.
pub(crate) fn acts_abroad(role: &str) -> bool {
    ABROAD_ROLES.contains(&role)
}

impl<'d> Clauses<'d> {
    /// The country-coded actor the noun phrase starting at word `k` names by its head (a
    /// country, or a place the geocoder puts in one), if any.
    fn place_np_at(&self, doc: &Document, k: usize) -> Option<Actor> {
        let np = self.np_starting(k)?;
        let p = self.nps[np];
        let a = self.actor[p.end - 1]?;
        country_of(doc, &a).then_some(a)
    }

    /// Whether word `k` is the possessive marker ("'s", or "'" after a plural).
    fn possessive_at(&self, k: usize) -> bool {
        k < self.w.len() && matches!(self.w[k].text, "'s" | "\u{2019}s" | "'" | "\u{2019}")
    }

    /// People at large heading the phrase `from..=h` (their agent words from `start`): a
    /// crowd with the country of a country word inside the phrase ("Algerian students"),
    /// else of the place of their act ("people marched in Hong Kong"), else none (the stage
    /// gives the article's place).
    fn add_crowd(
        &mut self,
        doc: &Document,
        from: usize,
        start: usize,
        h: usize,
        role: &'static str,
    ) {
        let inside = (from..start)
            .filter(|&i| !self.alignment(i))
            .filter_map(|i| self.actor[i])
            .find(|a| country_of(doc, a));
        let country = inside.or_else(|| self.clause_place(doc, h));
        self.crowd[h] = Some(Actor {
            entity: country.and_then(|a| a.entity),
            span: self.w[start].span.cover(self.w[h].span),
            role: Some(role),
        });
    }

    /// The place the act of the agent at word `h` happened in: the first place named after
    /// "in" (and the like), not inside a longer phrase, in the agent's own clause (between
    /// the relative pronouns or subordinators around it): "The court found X guilty over a
    /// video in which he criticised the war in Ukraine" names no place of the court's act.
    fn clause_place(&self, doc: &Document, h: usize) -> Option<Actor> {
        // "in which": the tagger may call the pronoun a determiner.
        let opens_clause = |i: usize| {
            self.w[i].pos == Upos::Sconj
                || (matches!(self.w[i].pos, Upos::Pron | Upos::Det)
                    && sitrep_text::lexical::is_relative_pronoun(self.lemma(i)))
        };
        let from = (0..h).rev().find(|&i| opens_clause(i)).map_or(0, |i| i + 1);
        let to = (h + 1..self.len())
            .find(|&i| opens_clause(i))
            .unwrap_or(self.len());
        (from..to.saturating_sub(1))
            .filter(|&i| self.w[i].pos == Upos::Adp && PLACE_PREPS.contains(&self.lemma(i)))
            .find_map(|i| self.place_np_at(doc, i + 1))
    }

    /// The organization (not a country, place or person) whose name is the noun phrase
    /// ending right before word `k`, if one is: "European Union" before "foreign ministers".
    fn organization_before(&self, doc: &Document, k: usize) -> Option<Actor> {
        let prev = k.checked_sub(1)?;
        let np = self.np_of[prev].map(|x| x as usize)?;
        let q = self.nps[np];
        let a = self.actor[prev]?;
        if q.end != k || a.role.is_some() || !(q.start..q.end).all(|i| self.actor[i] == Some(a)) {
            return None;
        }
        let ent = doc.entities.get(a.entity?.index())?;
        let code = ent.actor_code.as_deref().unwrap_or("");
        let organization = ent.kind == EntityKind::Organization
            && (code.len() > 3 || country_prefix(code).is_none())
            && !code.is_empty();
        organization.then_some(a)
    }

    /// The armed group named last before word `k`, within the last few sentences
    /// (`ARMED_GROUP_WINDOW`), if any: a group named in a history paragraph far back ("Red
    /// Brigades" in an essay) is not whom "the terrorists" of today's sentence are.
    fn armed_group_before(&self, doc: &Document, k: usize) -> Option<EntityId> {
        let at = self.w[k].span.start();
        let (start, e) = doc
            .mentions
            .iter()
            .filter(|m| m.span.end() <= at)
            .filter_map(|m| m.entity.map(|e| (m.span.start(), e)))
            .filter(|&(_, e)| armed_group(doc, e))
            .max_by_key(|&(start, _)| start)?;
        let sentence = |offset: usize| doc.sentence_at(offset).map_or(0, |s| s.index());
        (sentence(at) <= sentence(start) + ARMED_GROUP_WINDOW).then_some(e)
    }

    /// "Armenian and Azerbaijani forces", "American and British warships": a nationality
    /// adjective coordinated with a phrase headed by agent noun `h` shares that noun, so it
    /// is its country with the agent's role (`ARMMIL` beside `AZEMIL`).
    fn share_head_with_adjective(&mut self, doc: &Document, h: usize, role: Option<&'static str>) {
        let Some(role) = role.filter(|r| ACTOR_ROLES.contains(r)) else {
            return;
        };
        let Some(b) = self.np_of[h].map(|x| x as usize) else {
            return;
        };
        let bp = self.nps[b];
        // The second conjunct starts with its own country word: "Azerbaijani forces".
        let national = |a: Actor| {
            a.entity
                .and_then(|e| doc.entities.get(e.index()))
                .and_then(|ent| ent.actor_code.as_deref())
                .is_some_and(|c| country_prefix(c).is_some())
        };
        if bp.end != h + 1 || bp.start < 2 || !self.actor[bp.start].is_some_and(national) {
            return;
        }
        let cc = bp.start - 1;
        if self.w[cc].pos != Upos::Cconj || !matches!(self.lemma(cc), "and" | "or") {
            return;
        }
        let Some(a) = self.np_of[cc - 1].map(|x| x as usize) else {
            return;
        };
        let ap = self.nps[a];
        let adjectives = (ap.start..ap.end).all(|i| matches!(self.w[i].pos, Upos::Adj | Upos::Det));
        let Some(country) = self.actor[ap.end - 1].filter(|x| country_of(doc, x)) else {
            return;
        };
        if !adjectives || ap.end != cc {
            return;
        }
        let shared = Actor {
            role: Some(role),
            ..country
        };
        for i in ap.start..ap.end {
            if self.actor[i] == Some(country) {
                self.actor[i] = Some(shared);
            }
        }
    }

    /// How many operated heads ("vessels", "patrol boats") follow an agent ending before word
    /// `e` up to the end of its noun phrase: 0 unless they close it ("coast guard vessels
    /// fired"; not "coast guard vessel crews").
    fn operated_after(&self, e: usize) -> usize {
        let Some(np) = (e < self.len()).then(|| self.np_of[e]).flatten() else {
            return 0;
        };
        let end = self.nps[np as usize].end;
        let operated =
            (e..end).all(|i| self.w[i].pos == Upos::Noun && operated_head(self.lemma(i)));
        if operated && e > 0 && self.np_of[e - 1] == Some(np) {
            end - e
        } else {
            0
        }
    }

    /// `MIL` for a military head ("tanks", "jets") right after a word that may be its
    /// operator's country: an adjective ("Israeli"), a determiner or number, or a coded
    /// name; not after another noun ("a think tank", "fuel tanks").
    fn military_head(&self, k: usize) -> Option<&'static str> {
        let w = self.w[k];
        // "air strike", "drone strike": the strike of an arm, read from before the compound.
        let strike = w.lemma == "strike"
            && k > 0
            && self.w[k - 1].pos == Upos::Noun
            && STRIKE_ARMS.contains(&self.lemma(k - 1));
        let military = strike || military_head(w.lemma);
        let at = if strike {
            k.checked_sub(2)
        } else {
            k.checked_sub(1)
        };
        let before = at.map(|i| (self.w[i].pos, self.actor[i].is_some()));
        let modifier = matches!(
            before,
            Some((Upos::Adj | Upos::Det | Upos::Num, _) | (_, true))
        );
        (w.pos == Upos::Noun && military && modifier).then_some("MIL")
    }

    /// Whether word `i` is an alignment, not a nationality: "pro-Russian", "anti-Western"
    /// (one token, or "pro" "-" "Russian").
    pub(crate) fn alignment(&self, i: usize) -> bool {
        let starts = |t: &str, p: &str| t.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
        let is = |k: usize, p: &str| self.w[k].text.eq_ignore_ascii_case(p);
        let t = self.w[i].text;
        starts(t, "pro-")
            || starts(t, "anti-")
            || (i >= 1 && (is(i - 1, "pro-") || is(i - 1, "anti-")))
            || (i >= 2 && self.w[i - 1].text == "-" && (is(i - 2, "pro") || is(i - 2, "anti")))
    }

    /// Fills `actor` with the agent nouns of the sentence (see the module doc) and marks
    /// unknown perpetrators in `perpetrator`.
    pub(crate) fn add_agents(&mut self, doc: &Document) {
        let n = self.len();
        if n == 0 {
            return;
        }
        for a in self.actor.iter().flatten() {
            if let Some(e) = a.entity.filter(|e| !self.countries.contains(e)) {
                if country_of(doc, a) {
                    self.countries.push(e);
                }
            }
        }
        let texts: Vec<&str> = self.w.iter().map(|w| w.text).collect();
        let hits = sitrep_lexicon::Lexicon::get().find_agents(&texts);
        let mut k = 0;
        while k < n {
            let hit = hits.iter().find(|h| h.0 == k).copied();
            let (start, end, role) = match hit {
                Some((s, e, role, _)) => (s, e + self.operated_after(e), Some(role)),
                None => (
                    k,
                    k + 1,
                    self.military_head(k)
                        .or_else(|| spelling_variant(self.w[k])),
                ),
            };
            k = end.max(k + 1);
            let h = end - 1;
            if role.is_some() {
                self.share_head_with_adjective(doc, h, role);
            }
            let w = self.w[h];
            let perpetrator_noun = PERPETRATOR_NOUNS.contains(&w.lemma)
                && (w.lemma != "bomber" || h > start && self.lemma(h - 1) == "suicide");
            let Some(role) = role.filter(|_| !perpetrator_noun) else {
                let noun = w.pos == Upos::Noun || (w.pos == Upos::Propn && h == 0);
                if perpetrator_noun && noun && self.actor[h].is_none() {
                    self.perpetrator[h] = true;
                }
                continue;
            };
            // A capitalised agent noun inside the sentence is a name ("Chambers warned").
            let capitalised = h > 0 && w.text.starts_with(|ch: char| ch.is_uppercase());
            // Sentence-initial agent nouns are often tagged as names ("Gunmen abducted").
            let noun = w.pos == Upos::Noun || (w.pos == Upos::Propn && h == 0);
            if !noun
                || capitalised
                || AMBIGUOUS_AGENTS.contains(&w.lemma)
                || self.actor[start..end].iter().any(Option::is_some)
            {
                continue;
            }
            // The head of its noun phrase: "police station" is no agent.
            let Some(np) = self.np_of[h].map(|x| x as usize) else {
                continue;
            };
            let mut p = self.nps[np];
            // A possessor heads its own phrase inside the longer one ("the protesters'
            // demands", "the junta's decision"): the act or thing is theirs.
            // Not an institution named by its kind ("the tribunal's ruling", "the court's"):
            // it may be international, and the stage would give it the article's country.
            if p.end > end
                && p.start <= start
                && self.possessive_at(end)
                && !INSTITUTION_ROLES.contains(&role)
            {
                p.end = end;
            }
            // The agent's words lie inside the phrase ("the riot police", not a phrase
            // break inside "security | forces").
            if p.end != end || p.start > start {
                continue;
            }
            if let Some(role) = crowd_role(role) {
                self.add_crowd(doc, p.start, start, h, role);
                continue;
            }
            if !ACTOR_ROLES.contains(&role) {
                continue;
            }
            // 1. a country word inside the phrase; 2. a place attached to it. A phrase
            // that names another actor ("Hamas fighters") is that actor's, as before.
            let mut country = None;
            let mut other = false;
            for (i, a) in (p.start..start).filter_map(|i| self.actor[i].map(|a| (i, a))) {
                // "pro-Russian separatists" are aligned with Russia, not Russian.
                if self.alignment(i) {
                    continue;
                }
                if country_of(doc, &a) {
                    country.get_or_insert(a);
                } else {
                    other = true;
                }
            }
            if other {
                continue;
            }
            // An organization named right before the phrase ("European Union | foreign
            // ministers", when the chunker splits them) is the agent's actor, before any
            // country a place would give it: the ministers are the EU's, not the dateline's.
            if let Some(org) = self.organization_before(doc, p.start) {
                let a = Actor {
                    entity: org.entity,
                    span: org.span.cover(w.span),
                    role: None,
                };
                for slot in &mut self.actor[start..end] {
                    *slot = Some(a);
                }
                continue;
            }
            let attached =
                (p.end + 1 < n && self.w[p.end].pos == Upos::Adp).then(|| self.lemma(p.end));
            if country.is_none() && matches!(attached, Some("of" | "in" | "from")) {
                // "the leader of Iran", "police in Khartoum", "activists from France" take
                // that country. When the phrase names another actor ("leaders of the
                // opposition coalition"), or troops are "from" a place (withdrawn from it,
                // or sent from it), the agent stays unfilled and the phrase's attachment
                // names the actor as before.
                country = self
                    .place_np_at(doc, p.end + 1)
                    .filter(|_| !(attached == Some("from") && role == "MIL"));
                let names_other = self.np_starting(p.end + 1).is_some_and(|nx| {
                    let q = self.nps[nx];
                    self.actor[q.start..q.end].iter().any(Option::is_some)
                });
                // "representatives of Russia and the United States" are both sides'.
                let several = self
                    .np_starting(p.end + 1)
                    .is_some_and(|nx| self.conjuncts(nx).len() > 1);
                if (country.is_none() && names_other) || several {
                    if attached == Some("of") {
                        self.role_of[h] = Some(role);
                    }
                    continue;
                }
            }
            // 3. where the act happened, for groups that act at home: fighters "attacked
            // towns in southern Israel" are not Israeli.
            if country.is_none() && !ABROAD_ROLES.contains(&role) {
                country = self.clause_place(doc, h);
            }
            // An armed group's noun without a country is the armed group the article named
            // before ("six militants" after "al-Shabaab"), if any.
            if country.is_none() && ARMED_GROUP_ROLES.contains(&role) {
                if let Some(group) = self.armed_group_before(doc, start) {
                    let a = Actor {
                        entity: Some(group),
                        span: self.w[start].span.cover(w.span),
                        role: None,
                    };
                    for slot in &mut self.actor[start..end] {
                        *slot = Some(a);
                    }
                    continue;
                }
            }
            if country.is_none() && PERPETRATOR_ROLES.contains(&role) {
                self.perpetrator[h] = true;
                continue;
            }
            // Without a country only a group of people that acts as one is an actor:
            // "protesters" (`OPP`), "police" (`COP`); not "officials" or "leaders" (`GOV` of
            // nowhere) nor arms ("helicopter gunships" are someone's).
            // "The two ministers", "both governments" are parties named before, of two
            // countries: no single country from the article, no role alone.
            let several_parties = (p.start..start).any(|i| {
                self.lemma(i) == "both"
                    || (self.w[i].pos == Upos::Num && i > p.start && self.lemma(i - 1) == "the")
            });
            if country.is_none() && several_parties {
                continue;
            }
            // With an article place, any listed role stands: the stage gives it that place's
            // country when the event's other side does not give one.
            let alone = BARE_ROLES.contains(&role) || self.article_place.is_some();
            // Arms and strikes read as `MIL` by their head alone (`military_head`) are an
            // actor only with their country: "condemned the air strikes" names no one.
            let by_head = hit.is_none();
            if country.is_none() && (!alone || by_head || AGENT_HEADS.contains(&w.lemma)) {
                continue;
            }
            let span = self.w[start].span.cover(w.span);
            let a = Actor {
                entity: country.and_then(|a| a.entity),
                span,
                role: Some(role),
            };
            for slot in &mut self.actor[start..end] {
                *slot = Some(a);
            }
        }
    }
}
