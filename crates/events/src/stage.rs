//! The `Stage`: runs the sentence coder over a document and fills `Event`s with their
//! evidence (trigger, actor spans, sentence), date, place, root flag and quote status.

use crate::agents::{acts_abroad, country_prefix, may_hold_agent, role_stands_alone};
use crate::clause::{Actor, Clauses};
use crate::coder::{Candidate, SentenceCoder};
use crate::lexicon::Lexicon;
use crate::lookup::{OverlapSet, SpanIndex};
use crate::wordlists::is_sports_noun;
use crate::EventsConfig;
use rustc_hash::FxHashMap;
use sitrep_doc::{
    DateResolution, Document, EntityId, EntityKind, Event, EventActor, EventStatus, Layers,
    QuoteId, SentenceId, Span, Stage, StageError, Upos,
};

pub struct EventsStage {
    lx: std::sync::Arc<Lexicon>,
    config: EventsConfig,
}

/// Consultations that are mutual whoever the sentence makes the subject: a meeting (040)
/// and talks (046) of A with B are B's with A as well, as the CAMEO dictionary codes them
/// with a reciprocal second code (`- * (WITH) [046:046]`, `(FROM MEETING) [040:040]`). Not
/// a phone call (041: who called whom is the act), a visit (042) or hosting (043), nor a
/// meeting in a third place (044), whose target may be the place ("attended a summit in X").
const MUTUAL_CONSULTATIONS: &[&str] = &["040", "046"];

const REQUIRED: Layers = Layers::SENTENCES
    .union(Layers::TOKENS)
    .union(Layers::POS)
    .union(Layers::MENTIONS)
    .union(Layers::ENTITIES)
    .union(Layers::ACTORS);

impl EventsStage {
    pub fn new(lx: impl Into<std::sync::Arc<Lexicon>>, config: EventsConfig) -> EventsStage {
        EventsStage {
            lx: lx.into(),
            config,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lx
    }

    /// `sitrep explain`: see [`explain`].
    pub fn explain(&self, doc: &Document) -> String {
        explain(&self.lx, doc)
    }

    /// The CAMEO actor code of an entity; a geocoded place without one stands for its
    /// country ("demonstrators in Baghdad" are IRQ).
    fn actor_code(doc: &Document, e: EntityId) -> Option<&str> {
        let ent = doc.entities.get(e.index())?;
        ent.actor_code
            .as_deref()
            .filter(|c| !c.is_empty())
            .or_else(|| {
                ent.geo
                    .as_ref()
                    .filter(|_| ent.kind == EntityKind::Location)
                    .map(|g| g.country_cameo())
                    .filter(|c| c.len() == 3)
            })
    }

    /// The CAMEO code of a sentence actor: a named entity's code; an agent noun's role
    /// after the country of the entity it takes its country from ("police in Khartoum" ->
    /// `SDNCOP`), or the role alone.
    fn actor_code_of<'a>(doc: &'a Document, a: &Actor) -> Option<std::borrow::Cow<'a, str>> {
        use std::borrow::Cow;
        match (a.entity, a.role) {
            (Some(e), None) => Self::actor_code(doc, e).map(Cow::Borrowed),
            (e, Some(role)) => {
                let country = e
                    .and_then(|e| Self::actor_code(doc, e))
                    .filter(|c| c.len() == 3)
                    .and_then(country_prefix);
                Some(match country {
                    Some(c) => Cow::Owned(format!("{c}{role}")),
                    None => Cow::Borrowed(role),
                })
            }
            (None, None) => None,
        }
    }

    fn event_actor(doc: &Document, a: Actor) -> Option<EventActor> {
        Some(EventActor {
            actor_code: Self::actor_code_of(doc, &a)?.into_owned(),
            // An agent's entity is only where its country comes from, not the agent.
            entity: a.entity.filter(|_| a.role.is_none()),
            span: a.span,
        })
    }

    /// The quote whose span contains `span`, if any.
    fn quote_of(ix: &DocIndex, span: Span) -> Option<QuoteId> {
        ix.quotes.first_containing(span).map(QuoteId)
    }

    fn quote_speaker(doc: &Document, q: QuoteId) -> Option<Actor> {
        let sp = doc.quotes[q.index()].speaker.as_ref()?;
        let e = sp.entity?;
        Self::actor_code(doc, e)?;
        Some(Actor::named(e, sp.span))
    }

    /// The article's main place: the dateline or lead's place (the first geocoded place
    /// below country level in the first two sentences: "GENEVA —", "talks in Geneva"), else
    /// the place below country level named most often, else the location named most often.
    /// A country named as a party is rarely where things happen.
    fn main_place(doc: &Document) -> Option<EntityId> {
        let sub_country = |e: &sitrep_doc::Entity| {
            e.kind == EntityKind::Location
                && e.geo
                    .as_ref()
                    .is_some_and(|g| !g.feature.starts_with("PCL"))
        };
        let lead_end = doc
            .sentences
            .get(1)
            .or(doc.sentences.first())
            .map(|s| s.span.end())
            .unwrap_or(0);
        let lead = doc
            .mentions
            .iter()
            .filter(|m| m.span.end() <= lead_end)
            .filter_map(|m| m.entity)
            .find(|&e| sub_country(&doc.entities[e.index()]));
        if lead.is_some() {
            return lead;
        }
        let most = |pred: &dyn Fn(&sitrep_doc::Entity) -> bool| {
            doc.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| pred(e))
                .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
                .map(|(i, _)| EntityId(i as u32))
        };
        most(&sub_country).or_else(|| {
            most(&|e: &sitrep_doc::Entity| e.kind == EntityKind::Location && e.geo.is_some())
        })
    }

    /// The dateline's place, if the article opens with one ("YANGON, Feb 2 (Reuters) -"): the
    /// text stage makes a dateline a sentence of its own, without a verb, ending in a dash.
    fn dateline_place(doc: &Document) -> Option<EntityId> {
        let s = doc.sentences.first()?;
        let (first, last) = (s.tokens.0 as usize, s.tokens.1 as usize);
        let toks = doc.tokens.get(first..last)?;
        let dash = toks
            .last()
            .is_some_and(|t| matches!(doc.slice(t.span), "-" | "--" | "\u{2013}" | "\u{2014}"));
        if !dash || toks.iter().any(|t| matches!(t.pos, Upos::Verb | Upos::Aux)) {
            return None;
        }
        doc.mentions
            .iter()
            .filter(|m| s.span.start() <= m.span.start() && m.span.end() <= s.span.end())
            .filter_map(|m| m.entity)
            .find(|e| {
                let ent = &doc.entities[e.index()];
                ent.kind == EntityKind::Location && ent.geo.is_some()
            })
    }

    /// The article's dominant country, as the names stage reads it for a title without a
    /// country: the country named most often (names and adjectives are mentions of it), of
    /// equally named ones the first.
    fn dominant_country(doc: &Document) -> Option<&str> {
        doc.entities
            .iter()
            .filter(|e| e.key.starts_with("country:") && !e.mentions.is_empty())
            .filter_map(|e| {
                let code = e.actor_code.as_deref().filter(|c| c.len() == 3)?;
                let first = e
                    .mentions
                    .iter()
                    .filter_map(|m| doc.mentions.get(m.index()))
                    .map(|m| m.span.start())
                    .min()?;
                Some((e.mentions.len(), std::cmp::Reverse(first), code))
            })
            .max()
            .map(|(_, _, code)| code)
            .and_then(country_prefix)
    }

    /// The place of an event: a geocoded location after "in/at/near/outside" in its
    /// sentence that is not one of its actors ("talks in Geneva"); else a place below country
    /// level named in the sentence (a city, not a country named as a party); else the
    /// article's main place (dateline or lead).
    fn place(
        doc: &Document,
        ix: &DocIndex,
        sspan: Span,
        actors: &[Option<EventActor>],
        main: Option<EntityId>,
    ) -> Option<EntityId> {
        let mut fallback = None;
        for m in ix
            .mentions
            .inside(sspan)
            .into_iter()
            .map(|i| &doc.mentions[i as usize])
        {
            let Some(e) = m.entity else { continue };
            let ent = &doc.entities[e.index()];
            let Some(geo) = ent
                .geo
                .as_ref()
                .filter(|_| ent.kind == EntityKind::Location)
            else {
                continue;
            };
            if actors.iter().flatten().any(|x| x.entity == Some(e)) {
                continue;
            }
            let before = doc.text()[sspan.start()..m.span.start()].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if matches!(word, "in" | "at" | "near" | "outside") {
                return Some(e);
            }
            if !geo.feature.starts_with("PCL") {
                fallback.get_or_insert(e);
            }
        }
        fallback.or(main)
    }

    /// The day the sentence names ("on Monday", "January 10th"), else the article date.
    /// Month- and year-only expressions ("in 1992") do not date an event: they would put it
    /// on the first of the month or year, which timelines would read as a real day.
    fn sentence_date(doc: &Document, ix: &DocIndex, span: Span) -> Option<chrono::NaiveDate> {
        ix.days
            .first_inside(span)
            .and_then(|i| doc.dates[i as usize].date)
            .or(doc.meta.date)
    }
}

/// The lookups coding needs, built once per document (see [`crate::lookup`]).
struct DocIndex {
    mentions: SpanIndex,
    /// Dates that name a day (resolution ≥ 3) and resolved.
    days: SpanIndex,
    quotes: SpanIndex,
    /// Quotation cues ("said", "warned"), by the index of their quote.
    cues: SpanIndex,
    /// The first mention starting at each byte.
    mention_at: FxHashMap<usize, usize>,
}

impl DocIndex {
    fn new(doc: &Document) -> DocIndex {
        let mut mention_at = FxHashMap::default();
        for (i, m) in doc.mentions.iter().enumerate() {
            mention_at.entry(m.span.start()).or_insert(i);
        }
        DocIndex {
            mentions: SpanIndex::new(doc.mentions.iter().map(|m| m.span).enumerate()),
            days: SpanIndex::new(
                doc.dates
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.resolution == DateResolution::Day && d.date.is_some())
                    .map(|(i, d)| (i, d.span)),
            ),
            quotes: SpanIndex::new(doc.quotes.iter().map(|q| q.span).enumerate()),
            cues: SpanIndex::new(
                doc.quotes
                    .iter()
                    .enumerate()
                    .filter_map(|(i, q)| Some((i, q.cue?))),
            ),
            mention_at,
        }
    }
}

impl Stage for EventsStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> Layers {
        REQUIRED
    }

    /// Quotes make reported events "reported" or "asserted" and carry their speaker; dates
    /// and places date and place events; a dependency parse (`deps`) gives subjects, objects,
    /// obliques and phrase heads where a sentence is parsed. Without them events are coded
    /// all the same (actors then come from the POS-window clause analysis).
    fn uses(&self) -> Layers {
        Layers::QUOTES | Layers::DATES | Layers::GEO | Layers::DEPS
    }

    fn provides(&self) -> Layers {
        Layers::EVENTS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let events = code_document(&self.lx, &self.config, doc);
        doc.events = events;
        Ok(())
    }
}

/// Whether sentence `si` names an actor the coder can use: after names, a mention whose
/// entity has a CAMEO actor code or is a geocoded place; before names (the parser runs
/// before it), a token the tagger's NER put in a name or a proper noun. The parser's
/// `sentences = "cued"` rule skips sentences without one.
pub fn names_an_actor(doc: &Document, si: usize) -> bool {
    let Some(s) = doc.sentences.get(si) else {
        return false;
    };
    if !doc.done.contains(Layers::MENTIONS) {
        let tokens = doc
            .tokens
            .get(s.tokens.0 as usize..s.tokens.1 as usize)
            .unwrap_or(&[]);
        return tokens
            .iter()
            .any(|t| t.ner != sitrep_doc::NerTag::O || t.pos == Upos::Propn);
    }
    doc.mentions.iter().any(|m| {
        m.span.start() >= s.span.start()
            && m.span.end() <= s.span.end()
            && m.entity
                .is_some_and(|e| EventsStage::actor_code(doc, e).is_some())
    })
}

/// A score like "18-17": digits, one hyphen, digits.
fn is_score(w: &str) -> bool {
    // Nearly every token fails on its first byte; only then look for the hyphen.
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && w.split_once('-').is_some_and(|(a, b)| {
            // At most three digits a side, or a season ("2004-05"): "1991-1995" is a span
            // of years, not a score.
            ((1..=3).contains(&a.len()) || (a.len() == 4 && b.len() == 2))
                && (1..=3).contains(&b.len())
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
}

/// For every token boundary `i`, how many sport tokens lie before it: the count of a token
/// range is a difference, so each token is tested once per document.
fn sports_prefix(doc: &Document) -> Vec<u32> {
    let mut prefix = Vec::with_capacity(doc.tokens.len() + 1);
    let mut n = 0u32;
    let bytes = doc.text().as_bytes();
    prefix.push(0);
    for t in &doc.tokens {
        // Most tokens fail `is_score` on their first byte: test it before slicing.
        let digit = bytes.get(t.span.start()).is_some_and(u8::is_ascii_digit);
        if (t.pos == Upos::Noun && is_sports_noun(&t.lemma))
            || (digit && is_score(doc.slice(t.span)))
        {
            n += 1;
        }
        prefix.push(n);
    }
    prefix
}

/// Agent roles of a country's political groups that are a target of any act with the
/// country of its source or the article ("Maduro accused the opposition").
const POLITICAL_TARGET_ROLES: &[&str] = &["OPP", "LEG", "JUD"];

/// Agent roles of the state's organs that, as the addressee of a verbal act (`ADDRESS_ROOTS`:
/// "called on the government to withdraw the bill", "urged the military to release ...",
/// "condemned the army"), are the article's state, as its political groups are.
const ADDRESSED_ROLES: &[&str] = &["GOV", "MIL", "COP"];

/// CAMEO roots of acts done by words to an addressee: statements (01), appeals (02),
/// demands (10), disapproval (11), rejection (12), threats (13). Not material acts (06-09:
/// "will send 200 soldiers" names no one the soldiers belong to).
const ADDRESS_ROOTS: &[u8] = &[1, 2, 10, 11, 12, 13];

/// Whether the agent actor `t` is addressed itself, not named inside another phrase ("the
/// withdrawal of troops") nor said to be from elsewhere ("foreign troops").
fn addressed(c: &Clauses, t: Actor) -> bool {
    let Some(k) = c.w.iter().position(|w| w.span.start() == t.span.start()) else {
        return false;
    };
    let Some(np) = c.np_of[k] else {
        return false;
    };
    let p = c.nps[np as usize];
    let inside_of = p.start > 0 && c.lemma(p.start - 1) == "of";
    !inside_of && !(p.start..p.end).any(|i| c.lemma(i) == "foreign")
}

/// Verbs by which a leader commands forces: their object's forces are the leader's own.
const COMMAND_VERBS: &[&str] = &[
    "order", "command", "instruct", "direct", "send", "dispatch", "deploy", "mobilize", "mobilise",
];

/// The roles of forces a leader commands.
const OWN_FORCES: &[&str] = &["MIL", "COP"];

/// Agent roles of civil groups a state acts on at home.
const CIVIL_ROLES: &[&str] = &["OPP", "LAB", "AGR", "MED", "EDU", "CVL", "PPL"];

/// An agent the sentence gives no country takes the other side's in domestic acts: the
/// forces a state mobilises (CAMEO 15: "Iran deployed police" -> `IRNCOP`), the
/// target of coercion (17: arrests, tear gas, curfews) and of violence against civil
/// groups (18-20 on protesters, workers, journalists) is in the source's country ("Ugandan
/// police fired tear gas at supporters" -> `UGAOPP`), and protesters (14) protest against
/// their own government ("protesters rallied against the Serbian government" -> `SRBOPP`).
/// Not for other acts: "rebels attacked Israel" are not Israeli.
fn other_sides_country(
    root: u8,
    addressed: bool,
    commanded: bool,
    (s, source): (Option<Actor>, &mut Option<EventActor>),
    (t, target): (Option<Actor>, &mut Option<EventActor>),
    roles_seen: &[(&'static str, String)],
    last: &LastResort,
) {
    let bare_role = |a: Option<Actor>| a.filter(|a| a.entity.is_none()).and_then(|a| a.role);
    let fill = |to: &mut Option<EventActor>, role: &str, from: &Option<EventActor>| {
        let country = from.as_ref().and_then(|f| country_prefix(&f.actor_code));
        if let (Some(to), Some(c)) = (to.as_mut(), country) {
            to.actor_code = format!("{c}{role}");
        }
    };
    if let Some(role) = bare_role(t) {
        // Forces a leader orders or sends are his country's, whatever the dateline:
        // "PRISTINA - Serbia's president ordered troops to the border" is `SRBMIL`; they
        // are the other side only of the order (10) or the mobilisation (15), not of a
        // threat read from "will send soldiers" (they are the means, not the threatened).
        let own_forces = commanded && OWN_FORCES.contains(&role);
        if own_forces && !matches!(root, 10 | 15) {
            *target = None;
        }
        // A government the violence is aimed at with no country of its own is the source's
        // ("the army seized power", a coup: `sitrep coup`).
        if own_forces
            || root == 15
            || root == 17
            || (matches!(root, 18..=20) && (CIVIL_ROLES.contains(&role) || role == "GOV"))
        {
            fill(target, role, source);
        }
    }
    if let Some(role) = bare_role(s) {
        if root == 14 {
            fill(source, role, target);
        }
    }
    // The government a protest is aimed at is its protesters' ("protested against the law").
    if bare_role(t) == Some("GOV") && root == 14 {
        fill(target, "GOV", source);
    }
    // A role of no country is a target only where people are acted on as a group (protest,
    // coercion, violence: "police arrested protesters"); elsewhere ("will send 200
    // soldiers", "mediate between the government and the rebels") it says nothing of whom.
    let no_country = |x: &Option<EventActor>| {
        x.as_ref()
            .is_some_and(|a| a.entity.is_none() && country_prefix(&a.actor_code).is_none())
    };
    if no_country(target) && !matches!(root, 14..=20) {
        // A domestic political group ("accused the opposition of ...") or a state organ
        // addressed by words ("called on the government to ...") takes the article's country
        // (dateline, else dominant country), else its source's; other roles name no one
        // outside protest, coercion and violence.
        let civil = bare_role(t).filter(|r| {
            POLITICAL_TARGET_ROLES.contains(r)
                || (addressed && ADDRESSED_ROLES.contains(r) && ADDRESS_ROOTS.contains(&root))
        });
        let country = civil.and_then(|r| {
            last.state
                .as_deref()
                .or_else(|| source.as_ref().and_then(|x| country_prefix(&x.actor_code)))
                .map(|c| format!("{c}{r}"))
        });
        match (country, target.as_mut()) {
            (Some(code), Some(x)) if source.as_ref().is_none_or(|s| s.actor_code != code) => {
                x.actor_code = code
            }
            _ => *target = None,
        }
    }
    // Last, the country the same role had earlier in the article, else that of the
    // article's main place (unless an armed group's violence may be abroad), unless the two
    // sides would become one ("Yoruba leaders ... Nigerian President" is
    // no NGAGOV > NGAGOV); a role that cannot stand alone and got no country is no actor.
    for (a, is_source) in [(s, true), (t, false)] {
        let Some(role) = bare_role(a) else { continue };
        let (side, other) = if is_source {
            (&mut *source, &*target)
        } else {
            (&mut *target, &*source)
        };
        if !no_country(side) {
            continue;
        }
        let abroad = acts_abroad(role) && matches!(root, 18..=20);
        // The same role coded with a country earlier in the article ("The protesters
        // demanded ..." after "police in Helsinki arrested 12 protesters"), else the
        // article's place.
        let earlier = roles_seen
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| c.as_str());
        // An international source (an IGO, an NGO: no country of its own) acts across
        // borders, so its target does not take the article's country: "BRUSSELS - The EU
        // imposed sanctions on Iran, freezing the assets of six officials" does not make the
        // officials Belgian. (A state's or a group's target does: "NAIROBI - Al Shabaab
        // attacked a police post" is Kenyan police.)
        let international_source = !is_source
            && other
                .as_ref()
                .is_some_and(|o| o.entity.is_some() && country_prefix(&o.actor_code).is_none());
        let filled = earlier
            .or(last
                .country(role)
                .filter(|_| !abroad && !international_source))
            .map(|c| format!("{c}{role}"))
            .filter(|code| other.as_ref().is_none_or(|o| &o.actor_code != code));
        match (filled, side.as_mut()) {
            (Some(code), Some(x)) => x.actor_code = code,
            _ if !role_stands_alone(role) => *side = None,
            _ => {}
        }
    }
}

/// The last source of an agent noun's country, when its sentence, the event's other side
/// and the same role earlier in the article give none.
#[derive(Debug, Default)]
struct LastResort {
    /// The country of the article's main place (the dateline, else a place of the lead, else
    /// the most mentioned place): where police, protesters and troops act.
    place: Option<String>,
    /// For the state's political roles (`GOV`, `LEG`, `JUD`): the dateline's country, else the
    /// article's dominant country. An article without a dateline is about the country it
    /// names most ("the government" in a story on British asylum policy that mentions a
    /// Dutch city once is `GBRGOV`), as the names stage reads a title without a country.
    state: Option<String>,
}

/// Roles whose country is the state the article is about rather than the place of the act.
const STATE_ROLES: &[&str] = &["GOV", "LEG", "JUD"];

impl LastResort {
    fn of(doc: &Document, main_place: Option<EntityId>) -> LastResort {
        let country = |e: EntityId| {
            EventsStage::actor_code(doc, e)
                .filter(|c| c.len() == 3)
                .and_then(country_prefix)
                .map(str::to_string)
        };
        let place = main_place.and_then(country);
        let state = match EventsStage::dateline_place(doc) {
            Some(e) => country(e),
            None => EventsStage::dominant_country(doc).map(str::to_string),
        }
        .or_else(|| place.clone());
        LastResort { place, state }
    }

    fn country(&self, role: &str) -> Option<&str> {
        if STATE_ROLES.contains(&role) {
            self.state.as_deref()
        } else {
            self.place.as_deref()
        }
    }
}

fn may_hold_agent_actor(doc: &Document, first: usize, last: usize) -> bool {
    doc.tokens[first..last]
        .iter()
        .any(|t| matches!(t.pos, Upos::Noun | Upos::Propn) && may_hold_agent(&t.lemma))
}

/// Actors per token of a sentence, from the mentions whose entity has an actor code.
fn token_actors(
    doc: &Document,
    first: usize,
    last: usize,
    order: &[usize],
    cursor: &mut usize,
) -> Vec<Option<Actor>> {
    let mut out = vec![None; last - first];
    if first == last {
        return out;
    }
    let start = doc.tokens[first].span.start();
    let end = doc.tokens[last - 1].span.end();
    while *cursor < order.len() && doc.mentions[order[*cursor]].span.end() <= start {
        *cursor += 1;
    }
    let mut m = *cursor;
    while m < order.len() && doc.mentions[order[m]].span.start() < end {
        let men = &doc.mentions[order[m]];
        m += 1;
        let Some(e) = men.entity else { continue };
        if EventsStage::actor_code(doc, e).is_none() {
            continue;
        }
        let a = Actor::named(e, men.span);
        let lo = doc.tokens[first..last].partition_point(|t| t.span.end() <= men.span.start());
        for (slot, tok) in out[lo..].iter_mut().zip(&doc.tokens[first + lo..last]) {
            if tok.span.start() >= men.span.end() {
                break;
            }
            // The longest mention over a token wins (a name inside a group mention).
            if slot.is_none_or(|old: Actor| old.span.len() < men.span.len()) {
                *slot = Some(a);
            }
        }
    }
    out
}

pub(crate) fn code_document(lx: &Lexicon, config: &EventsConfig, doc: &Document) -> Vec<Event> {
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&i| {
        (
            doc.mentions[i].span.start(),
            std::cmp::Reverse(doc.mentions[i].span.end()),
        )
    });
    let mut cursor = 0;
    let ix = DocIndex::new(doc);
    let main_place = EventsStage::main_place(doc);
    let last_resort = LastResort::of(doc, main_place);
    let first_paragraph = doc.sentences.first().map(|s| s.paragraph).unwrap_or(0);
    let mut events: Vec<Event> = Vec::new();
    // Agent roles already coded with a country in this article ("police in Helsinki
    // arrested 12 protesters. The protesters demanded ..."), latest first.
    let mut roles_seen: Vec<(&'static str, String)> = Vec::new();
    let sports = sports_prefix(doc);
    let sports_article = sports[doc.tokens.len()] >= 6;
    for (si, s) in doc.sentences.iter().enumerate() {
        let (first, last) = (s.tokens.0 as usize, s.tokens.1 as usize);
        if first >= last || last > doc.tokens.len() {
            continue;
        }
        if sports_article || sports[last] > sports[first] {
            continue;
        }
        let actors = token_actors(doc, first, last, &order, &mut cursor);
        if actors.iter().all(|a| a.is_none()) && !may_hold_agent_actor(doc, first, last) {
            // No named actor in the sentence, nor an agent noun: nothing can be coded.
            continue;
        }
        let c = Clauses::new(doc, first, last, actors, main_place);
        let speaker = |k: usize| {
            let q = EventsStage::quote_of(&ix, c.w[k].span)?;
            EventsStage::quote_speaker(doc, q)
        };
        let cue_speaker = |k: usize| {
            let q = ix.cues.first_containing(c.w[k].span)?;
            EventsStage::quote_speaker(doc, QuoteId(q))
        };
        let cands = SentenceCoder::new(lx, &c, speaker)
            .with_cue_speakers(&cue_speaker)
            .code();
        let issues = if cands.is_empty() {
            Vec::new()
        } else {
            sentence_issues(doc, first, last)
        };
        for cand in cands {
            push_events(
                lx,
                doc,
                &ix,
                &c,
                SentenceId(si as u32),
                s.span,
                s.paragraph == first_paragraph,
                main_place,
                &last_resort,
                cand,
                &issues,
                &mut roles_seen,
                &mut events,
            );
        }
    }
    crate::anaphora::event_noun_targets(doc, &mut events);
    crate::collective::collective_targets(doc, &mut events);
    if config.speech_events {
        speech_events(lx, doc, &ix, first_paragraph, main_place, &mut events);
    }
    crate::discard::drop_discarded(doc, &mut events);
    events
}

#[allow(clippy::too_many_arguments)]
fn push_events(
    lx: &Lexicon,
    doc: &Document,
    ix: &DocIndex,
    c: &Clauses,
    sentence: SentenceId,
    sspan: Span,
    is_root: bool,
    main_place: Option<EntityId>,
    last_resort: &LastResort,
    cand: Candidate,
    issues: &[String],
    roles_seen: &mut Vec<(&'static str, String)>,
    out: &mut Vec<Event>,
) {
    let Some(id) = lx.codes.get(cand.code) else {
        return;
    };
    let info = lx.codes.info(id);
    let violent = matches!(info.root_num(), 18..=20);
    let mut pairs: Vec<(Option<Actor>, Option<Actor>)> = Vec::new();
    if cand.sources.is_empty() {
        if violent {
            pairs.extend(cand.targets.iter().map(|t| (None, Some(*t))));
            if cand.targets.is_empty() && cand.unnamed_source {
                pairs.push((None, None));
            }
        }
    } else if cand.targets.is_empty() {
        if cand.symmetric && cand.sources.len() > 1 {
            for a in &cand.sources {
                for b in &cand.sources {
                    if !a.same(b) {
                        pairs.push((Some(*a), Some(*b)));
                    }
                }
            }
        } else {
            pairs.extend(cand.sources.iter().map(|s| (Some(*s), None)));
        }
    } else {
        for s in &cand.sources {
            for t in &cand.targets {
                pairs.push((Some(*s), Some(*t)));
            }
        }
        if MUTUAL_CONSULTATIONS.contains(&info.code.as_str()) {
            // "A met (with) B", "A held talks with B": B met A too.
            for s in &cand.sources {
                for t in &cand.targets {
                    pairs.push((Some(*t), Some(*s)));
                }
            }
        }
    }
    let trigger = c.w[cand.trigger].span;
    let quote = EventsStage::quote_of(ix, trigger);
    let date = EventsStage::sentence_date(doc, ix, sspan);
    for (s, t) in pairs {
        let mut source = s.and_then(|a| EventsStage::event_actor(doc, a));
        let mut target = t.and_then(|a| EventsStage::event_actor(doc, a));
        other_sides_country(
            info.root_num(),
            t.is_some_and(|t| addressed(c, t)),
            COMMAND_VERBS.contains(&c.w[cand.trigger].lemma),
            (s, &mut source),
            (t, &mut target),
            roles_seen,
            last_resort,
        );
        for (a, side) in [(s, &source), (t, &target)] {
            let role = a.and_then(|a| a.role);
            let country = side.as_ref().and_then(|x| country_prefix(&x.actor_code));
            if let (Some(role), Some(c)) = (role, country) {
                roles_seen.retain(|(r, _)| *r != role);
                roles_seen.insert(0, (role, c.to_string()));
            }
        }
        if source.is_none() && s.is_some() && !violent {
            continue;
        }
        // The two sides a collective subject stands for are two: two names of one actor
        // ("the minister, Ali Babacan, said the two sides ...") make no event with itself.
        let mutual = cand.symmetric
            && cand.targets.is_empty()
            && cand.rule.ends_with(crate::coder::COLLECTIVE_SUBJECT);
        if mutual
            && source
                .as_ref()
                .zip(target.as_ref())
                .is_some_and(|(a, b)| a.actor_code == b.actor_code)
        {
            continue;
        }
        if source.is_none() && target.is_none() && !(violent && cand.unnamed_source) {
            continue;
        }
        // Events are pushed sentence by sentence: this sentence's are the last ones.
        let dup = out
            .iter()
            .rev()
            .take_while(|e| e.sentence == sentence)
            .any(|e| {
                e.code == info.code
                    && e.source.as_ref().map(|a| &a.actor_code)
                        == source.as_ref().map(|a| &a.actor_code)
                    && e.target.as_ref().map(|a| &a.actor_code)
                        == target.as_ref().map(|a| &a.actor_code)
            });
        if dup {
            continue;
        }
        let place = EventsStage::place(
            doc,
            ix,
            sspan,
            &[source.clone(), target.clone()],
            main_place,
        );
        out.push(Event {
            code: info.code.clone(),
            base: info.base(),
            root: info.root().to_string(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            source,
            target,
            trigger,
            sentence,
            date,
            place,
            is_root,
            status: if quote.is_some() {
                EventStatus::Reported
            } else {
                EventStatus::Asserted
            },
            quote,
            rule: cand.rule.clone(),
            issues: issues.to_vec(),
        });
    }
}

/// The issue codes of the sentence on tokens `first..last` (Phoenix issue dictionary), in
/// order, without repeats.
fn sentence_issues(doc: &Document, first: usize, last: usize) -> Vec<String> {
    let texts: Vec<&str> = doc.tokens[first..last]
        .iter()
        .map(|t| doc.slice(t.span))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for m in sitrep_lexicon::Lexicon::get().issues(&texts) {
        if !out.iter().any(|c| c == m.code) {
            out.push(m.code.to_string());
        }
    }
    out
}

/// Attributed quotations as statements by their speaker, for what is left once the coder
/// has coded the cue verbs through the pattern tables ("warned", "urged", "accused" code
/// there, with the quotes stage's speaker as source when the clause names none). The policy
/// (data/README.md, "Statements"):
/// - a cue verb that no pattern coded here ("Serbs demanded a truce": the dictionary's
///   "demand" patterns want an object) codes its `speech.tsv` code, if listed;
/// - any other cue is a plain statement, 010, and that only *about or to someone*: the
///   addressee ("told Iran", "said to Iran"), else the first named actor in the quotation's
///   content (PETRARCH's target of SAY: the first actor in the verb's phrase) other than the
///   speaker. A bare "X said ..." stays a quotation in the quotes layer and codes no event;
/// - a quotation whose content already codes an event of the same speaker adds no statement;
/// - one (speaker, target, code) is coded once per article: the first mention stands (the
///   event layer has no mentions list to merge the others into).
fn speech_events(
    lx: &Lexicon,
    doc: &Document,
    ix: &DocIndex,
    first_paragraph: u32,
    main_place: Option<EntityId>,
    out: &mut Vec<Event>,
) {
    let mut triggers = OverlapSet::default();
    for e in out.iter() {
        triggers.insert(e.trigger);
    }
    // The coder's events by trigger, and the statements coded so far by (source, target,
    // code): lookups, not scans (a long article has thousands of quotations).
    let coded_triggers = SpanIndex::new(out.iter().map(|e| e.trigger).enumerate());
    let mut stated: rustc_hash::FxHashSet<(String, Option<String>, String)> = Default::default();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let Some(speaker) = EventsStage::quote_speaker(doc, QuoteId(qi as u32)) else {
            continue;
        };
        let anchor = q.cue.unwrap_or(speaker.span);
        let Some(sid) = doc.sentence_at(anchor.start()) else {
            continue;
        };
        // A coded verb already sits on the cue ("praised", "accused"): that event stands.
        if triggers.overlaps(anchor) {
            continue;
        }
        let Some(source) = EventsStage::event_actor(doc, speaker) else {
            continue;
        };
        // The quotation's content codes the speaker's own act ("X said it would impose
        // sanctions"): that act is the statement, a second one adds nothing.
        let own_act = coded_triggers.inside(q.span).into_iter().any(|i| {
            out[i as usize].source.as_ref().is_some_and(|a| {
                (a.entity.is_some() && a.entity == speaker.entity)
                    || a.actor_code == source.actor_code
            })
        });
        if own_act {
            continue;
        }
        let lo = doc.token_at_or_after(anchor.start());
        let cue_tokens = doc.tokens[lo..]
            .iter()
            .take_while(|t| t.span.end() <= anchor.end());
        let cue_token = cue_tokens
            .clone()
            .find(|t| t.pos == Upos::Verb)
            .or_else(|| cue_tokens.clone().next());
        let lemma = cue_token.map(|t| t.lemma.as_str()).unwrap_or("");
        let text = cue_token.map(|t| doc.slice(t.span)).unwrap_or("");
        let listed = q.cue.and(lx.speech_code_of(lemma, text));
        let target = addressee(doc, ix, q.cue, speaker)
            .map(|t| (t, "addressee"))
            .or_else(|| about(doc, ix, q.span, &source).map(|t| (t, "named in the quotation")));
        // A quotation without a cue ("“...”, Ryabkov.") has no cue lemma to name.
        let cue = match q.cue {
            Some(_) => format!("cue {lemma:?}"),
            None => "no cue".to_string(),
        };
        let rule = match (listed, &target) {
            (Some(_), _) => format!("sitrep speech.tsv {cue}"),
            (None, Some((_, how))) => format!("quote with speaker, {cue}, target {how} (010)"),
            // A plain statement about or to nobody named: a quotation, not an event.
            (None, None) => continue,
        };
        let target = target.map(|(t, _)| t);
        let Some(code) = listed.or_else(|| lx.codes.get("010")) else {
            continue;
        };
        let info = lx.codes.info(code);
        let key = (
            source.actor_code.clone(),
            target.as_ref().map(|a| a.actor_code.clone()),
            info.code.clone(),
        );
        if !stated.insert(key) {
            continue;
        }
        let s = &doc.sentences[sid.index()];
        triggers.insert(anchor);
        out.push(Event {
            code: info.code.clone(),
            base: info.base(),
            root: info.root().to_string(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            source: Some(source),
            target,
            trigger: anchor,
            sentence: sid,
            date: EventsStage::sentence_date(doc, ix, s.span),
            place: main_place,
            is_root: s.paragraph == first_paragraph,
            status: EventStatus::Asserted,
            quote: Some(QuoteId(qi as u32)),
            rule,
            issues: sentence_issues(doc, s.tokens.0 as usize, s.tokens.1 as usize),
        });
    }
    out.sort_by_key(|e| (e.sentence, e.trigger.start()));
}

/// The one a cue addresses: the named phrase right after it ("told Iran", "said to Iran").
fn addressee(
    doc: &Document,
    ix: &DocIndex,
    cue: Option<Span>,
    speaker: Actor,
) -> Option<EventActor> {
    let cue = cue?;
    let mut k = doc.token_at_or_after(cue.end());
    if doc.tokens.get(k).is_some_and(|t| t.lemma == "to") {
        k += 1;
    }
    let t = doc.tokens.get(k)?;
    let m = match ix.mention_at.get(&t.span.start()) {
        Some(&m) => m,
        // "..., accusing it of ...": a bare "it" is the name just before the cue, when it is
        // the cue's object, not the subject of its content ("said it would ...").
        None if doc.slice(t.span).eq_ignore_ascii_case("it")
            && doc
                .tokens
                .get(k + 1)
                .is_some_and(|n| !matches!(n.pos, Upos::Verb | Upos::Aux)) =>
        {
            pronoun_antecedent(doc, ix, cue)?
        }
        None => return None,
    };
    let a = mention_actor(doc, &doc.mentions[m], speaker.entity)?;
    statement_target(&a, speaker_code(doc, speaker)?).then_some(a)
}

/// How far back, in tokens, an object "it" of a cue finds its name.
const PRONOUN_WINDOW: usize = 12;

/// The mention nearest before the cue in its sentence (at most `PRONOUN_WINDOW` tokens
/// back, not across a sentence end): what an object "it" of the cue stands for. Only the
/// tokens in between are read.
fn pronoun_antecedent(doc: &Document, ix: &DocIndex, cue: Span) -> Option<usize> {
    let end = doc.token_at_or_after(cue.start());
    let start = end.saturating_sub(PRONOUN_WINDOW);
    for t in doc.tokens[start..end].iter().rev() {
        if matches!(doc.slice(t.span), "." | ";" | "?" | "!") {
            return None;
        }
        if let Some(&m) = ix.mention_at.get(&t.span.start()) {
            return doc.mentions[m].entity.is_some().then_some(m);
        }
    }
    None
}

/// The event actor a mention names, unless it is `not` (the speaker).
fn mention_actor(
    doc: &Document,
    m: &sitrep_doc::Mention,
    not: Option<sitrep_doc::EntityId>,
) -> Option<EventActor> {
    let entity = m.entity.filter(|&e| Some(e) != not)?;
    EventsStage::event_actor(doc, Actor::named(entity, m.span))
}

fn speaker_code(doc: &Document, speaker: Actor) -> Option<&str> {
    EventsStage::actor_code(doc, speaker.entity?)
}

/// Whether `target` can be the other side of a statement by `source_code`: not the speaker's
/// own code or bare country, nor a part of the speaker's bare country ("a Russian minister
/// speaking of Russia", "Russia said the Kremlin ..." address no one; a Russian minister
/// speaking of the Russian opposition does), and not the news media, which carry a statement ("told the
/// BBC", "told Reuters") rather than receive it.
fn statement_target(target: &EventActor, source_code: &str) -> bool {
    let code = target.actor_code.as_str();
    code != source_code
        && source_code.get(..3) != Some(code)
        && code.get(..3) != Some(source_code)
        && !code.ends_with("MED")
}

/// Whom a quotation is about: the first actor its content names as a party, not as a place
/// ("sales in the UK", "talks in Geneva" name where, not whom) nor as a modifier of a noun
/// ("UK firms", "the US dollar"), that can be the other side of
/// the speaker's statement ([`statement_target`]).
fn about(doc: &Document, ix: &DocIndex, content: Span, source: &EventActor) -> Option<EventActor> {
    ix.mentions.inside(content).into_iter().find_map(|mi| {
        let m = &doc.mentions[mi as usize];
        let k = doc.token_at_or_after(m.span.start());
        let locative = k > 0
            && doc.tokens.get(k - 1).is_some_and(|t| {
                t.pos == Upos::Adp && LOCATIVE.contains(&t.lemma.to_ascii_lowercase().as_str())
            });
        // "UK firms", "the US dollar": a name that modifies the noun after it is not a party.
        let after = doc.token_at_or_after(m.span.end());
        let modifier = doc
            .tokens
            .get(after)
            .is_some_and(|t| matches!(t.pos, Upos::Noun | Upos::Propn));
        if locative || modifier {
            return None;
        }
        let a = mention_actor(doc, m, source.entity)?;
        statement_target(&a, &source.actor_code).then_some(a)
    })
}

/// Prepositions that make the phrase after them a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "across",
    "throughout",
    "within",
    "around",
    "near",
    "inside",
    "outside",
];

/// Why each sentence gave the events it gave: per sentence, its text, whether it was skipped
/// (sports, no named actor), the clause analysis (words as `text/POS/lemma`, noun phrases in
/// [ ], verb groups in < > with NEG/PASS/FUT/HEDGE/MUST/SHOULD/INF/GER, actor codes in { }),
/// then per verb group its lemma, the patterns that matched (sitrep table line or dictionary
/// entry) and why it was or was not coded (negated, hypothetical, hedged, no actor ...), and
/// the events coded with their rule.
pub fn explain(lx: &Lexicon, doc: &Document) -> String {
    use std::fmt::Write;
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&i| {
        (
            doc.mentions[i].span.start(),
            std::cmp::Reverse(doc.mentions[i].span.end()),
        )
    });
    let mut cursor = 0;
    let mut out = String::new();
    let ix = DocIndex::new(doc);
    let sports = sports_prefix(doc);
    let sports_article = sports[doc.tokens.len()] >= 6;
    let discards = crate::discard::Discards::of(doc);
    for (si, s) in doc.sentences.iter().enumerate() {
        let (first, last) = (s.tokens.0 as usize, s.tokens.1 as usize);
        if first >= last || last > doc.tokens.len() {
            continue;
        }
        let _ = writeln!(out, "sentence {si}: {}", doc.slice(s.span).trim());
        if sports_article || sports[last] > sports[first] {
            out.push_str("  skipped: sports vocabulary\n\n");
            continue;
        }
        if let Some(hit) = discards.reason(first, last) {
            let phrase =
                &doc.text()[doc.tokens[hit.start].span.start()..doc.tokens[hit.end - 1].span.end()];
            let scope = if hit.story { "story" } else { "sentence" };
            let _ = writeln!(
                out,
                "  skipped: {scope}-level discard {phrase:?} ({})\n",
                hit.rule
            );
            continue;
        }
        let actors = token_actors(doc, first, last, &order, &mut cursor);
        if actors.iter().all(|a| a.is_none()) && !may_hold_agent_actor(doc, first, last) {
            out.push_str("  skipped: no named actor nor agent noun in the sentence\n\n");
            continue;
        }
        let c = Clauses::new(doc, first, last, actors, EventsStage::main_place(doc));
        out.push_str("  ");
        clause_dump(doc, &c, &mut out);
        out.push('\n');
        let speaker = |k: usize| {
            let q = EventsStage::quote_of(&ix, c.w[k].span)?;
            EventsStage::quote_speaker(doc, q)
        };
        let cue_speaker = |k: usize| {
            let q = ix.cues.first_containing(c.w[k].span)?;
            EventsStage::quote_speaker(doc, QuoteId(q))
        };
        let (cands, trace) = SentenceCoder::new(lx, &c, speaker)
            .with_cue_speakers(&cue_speaker)
            .code_traced();
        for (g, grp) in c.groups.iter().enumerate() {
            let w = c.w[grp.head];
            let listed = lx.verb_key(w.lemma, w.text);
            let _ = writeln!(
                out,
                "  verb {:?} (lemma {:?}{})",
                w.text,
                w.lemma,
                match listed {
                    Some(k) => format!(", listed as {k:?}"),
                    None => ", in no pattern table".to_string(),
                }
            );
            for (_, note) in trace.iter().filter(|(tg, _)| *tg == g) {
                let _ = writeln!(out, "    {note}");
            }
        }
        for cand in &cands {
            let _ = writeln!(
                out,
                "  event {} at {:?}: {} -> {} ({})",
                cand.code,
                c.w[cand.trigger].text,
                cand.sources.len(),
                cand.targets.len(),
                cand.rule
            );
        }
        out.push('\n');
    }
    for e in &doc.events {
        let _ = writeln!(
            out,
            "coded: {} {} -> {} at {:?} [{}] issues {:?}",
            e.code,
            e.source
                .as_ref()
                .map(|a| a.actor_code.as_str())
                .unwrap_or("-"),
            e.target
                .as_ref()
                .map(|a| a.actor_code.as_str())
                .unwrap_or("-"),
            doc.slice(e.trigger),
            e.rule,
            e.issues
        );
    }
    out
}

fn clause_dump(doc: &Document, c: &Clauses, out: &mut String) {
    use std::fmt::Write;
    for (k, w) in c.w.iter().enumerate() {
        if c.group_starting(k).is_some() {
            out.push('<');
        }
        if c.np_starting(k).is_some() {
            out.push('[');
        }
        let _ = write!(out, "{}/{}/{}", w.text, w.pos.as_str(), w.lemma);
        if let Some(a) = c.actor[k] {
            let code = EventsStage::actor_code_of(doc, &a).unwrap_or_default();
            let _ = write!(out, "{{{code}}}");
        }
        if c.np_of[k].is_some_and(|n| c.nps[n as usize].end == k + 1) {
            out.push(']');
        }
        if let Some(g) = c.group_of[k]
            .map(|g| c.groups[g as usize])
            .filter(|g| g.end == k + 1)
        {
            let _ = write!(
                out,
                ">{}{}{}{}",
                if g.neg { "NEG" } else { "" },
                if g.passive { "PASS" } else { "" },
                match g.modal {
                    crate::clause::Modal::None => "",
                    crate::clause::Modal::Future => "FUT",
                    crate::clause::Modal::Hedge => "HEDGE",
                    crate::clause::Modal::Must => "MUST",
                    crate::clause::Modal::Should => "SHOULD",
                },
                if g.infinitive {
                    "INF"
                } else if g.gerund {
                    "GER"
                } else {
                    ""
                }
            );
        }
        out.push(' ');
    }
}
