//! A light clause analysis of one sentence: noun-phrase chunks, verb groups (auxiliaries,
//! negation, modals, voice), and the structural relations the coder needs: the subject of a
//! verb group, its object, the noun phrase after a preposition, coordination and the actors
//! a phrase stands for.
//!
//! Why not a dependency parser: a UD parser trained on EWT would attach better but costs far
//! more than the 2 MB/s budget allows and still needs these event-specific rules on top. News
//! sentences that carry events are mostly SVO with prepositional targets, which chunks and a
//! few rules handle; what they get wrong makes the coder skip an event, not invent one,
//! because every event still needs a pattern and a named actor.

use sitrep_doc::{Document, EntityId, Span, TokenId, Upos};
use sitrep_parser::syntax::Syntax;
use sitrep_text::lexical;

/// A possessive determiner, by its word: the tagger lemmatizes "her" as "she", so the
/// lemma alone would split "her Malaysian counterpart" into two phrases.
fn possessive_determiner(w: &Word) -> bool {
    lexical::is_possessive_determiner(w.lemma)
        || lexical::is_possessive_determiner(&lexical::lower(w.text))
}

/// An actor in the sentence: a named entity (which carries the CAMEO actor code) and the
/// span of the mention naming it, or an agent noun the names layer leaves unnamed
/// ("protesters", "police"): its role code (Phoenix agents) and, when the sentence says, the
/// entity whose country it takes ("police in Khartoum" -> the entity of Khartoum; see
/// `agents.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub entity: Option<EntityId>,
    pub span: Span,
    /// An agent noun's role code (`OPP`, `COP`): the actor is `country + role`, or the role
    /// alone when `entity` is `None`.
    pub role: Option<&'static str>,
}

impl Actor {
    /// A mention of a named entity.
    pub fn named(entity: EntityId, span: Span) -> Actor {
        Actor {
            entity: Some(entity),
            span,
            role: None,
        }
    }

    /// The same actor: the same entity and role; two agents without a country are the same
    /// only at the same words.
    pub fn same(&self, other: &Actor) -> bool {
        self.entity == other.entity
            && self.role == other.role
            && (self.entity.is_some() || self.span == other.span)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Word<'d> {
    pub pos: Upos,
    pub lemma: &'d str,
    pub text: &'d str,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct Np {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modal {
    None,
    /// will, would, shall: a future act, an intent or a threat.
    Future,
    /// may, might, could, can: not asserted.
    Hedge,
    /// must: an obligation (a demand when someone says it of another).
    Must,
    /// should, ought: advice (an appeal when someone says it of another).
    Should,
}

#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub start: usize,
    pub end: usize,
    /// The main verb, or the predicate adjective of a copula ("ready"), or the copula.
    pub head: usize,
    pub neg: bool,
    pub modal: Modal,
    pub passive: bool,
    /// Starts with "to".
    pub infinitive: bool,
    /// A bare -ing form with no auxiliary.
    pub gerund: bool,
}

/// The subject found for a verb group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The first noun phrase of the subject (coordination and attachments start there).
    Np(usize),
    None,
}

pub struct Clauses<'d> {
    pub w: Vec<Word<'d>>,
    pub actor: Vec<Option<Actor>>,
    pub np_of: Vec<Option<u16>>,
    pub nps: Vec<Np>,
    pub groups: Vec<Group>,
    pub group_of: Vec<Option<u16>>,
    /// Words that name an unknown perpetrator ("gunmen", "attackers"): no actor, but an act
    /// of violence they commit is coded with an empty source (see `agents.rs`).
    pub perpetrator: Vec<bool>,
    /// An agent noun left unfilled because its of-phrase names whom ("the presidents of
    /// Uganda and Tanzania"): its role, which the countries of that phrase take
    /// (`UGAGOV`, `TZAGOV`).
    pub(crate) role_of: Vec<Option<&'static str>>,
    /// People at large as a crowd ("thousands of people", "students in Jakarta"): no actor
    /// (they are no party to most acts), but the source of a protest they stage, as
    /// country + `CVL`/`EDU` (see `agents.rs`).
    pub(crate) crowd: Vec<Option<Actor>>,
    /// Entities with a bare country code (or geocoded places without a code) in the
    /// sentence: the ones an agent's role can follow.
    pub(crate) countries: Vec<EntityId>,
    /// The article's main place (dateline or lead), if it has one: with it, an agent noun
    /// the sentence gives no country is still an actor, and the stage gives it that
    /// place's country when nothing nearer does (`agents.rs`).
    pub(crate) article_place: Option<EntityId>,
    /// The dependency tree, when the sentence is parsed (see `tree.rs`); `None` keeps the
    /// POS-window analysis alone.
    pub(crate) syn: Option<Syntax<'d>>,
    /// The document index of the sentence's first token.
    pub(crate) first: usize,
}

/// "we", "i", "us", "our", "me", "my": a first-person pronoun that is neither reflexive
/// nor a standalone possessive ("mine").
fn first_person(w: &str) -> bool {
    lexical::pronoun(w).is_some_and(|p| {
        p.person == lexical::Person::First
            && !p.reflexive
            && (!p.possessive || lexical::is_possessive_determiner(w))
    })
}

/// The words from a verb group's start up to its verb, as `Clauses::verb_chain` reads them.
struct VerbChain {
    /// Starts with "to".
    infinitive: bool,
    /// Where the chain ends: after its verb, or at the first word that is none of its kinds.
    end: usize,
    /// The verb, if the chain reached one.
    head: Option<usize>,
    has_aux: bool,
    neg: bool,
    modal: Modal,
    last_aux: Option<usize>,
}

/// The modality an auxiliary brings, if any.
fn modal_of(lemma: &str) -> Option<Modal> {
    match lemma {
        "will" | "would" | "shall" | "'ll" | "wo" => Some(Modal::Future),
        "may" | "might" | "could" | "can" | "ca" => Some(Modal::Hedge),
        "must" => Some(Modal::Must),
        "should" | "ought" => Some(Modal::Should),
        _ => None,
    }
}

/// Prepositions that attach a noun phrase to the one before it, for finding whom a
/// phrase names ("leaders of the coalition", "police in Jericho").
pub(crate) const ATTACH: &[&str] = &[
    "of",
    "from",
    "in",
    "with",
    "by",
    "against",
    "to",
    "for",
    "throughout",
    "across",
    "'s",
    "’s",
];
/// Prepositions that place a target as "in" does ("fired missiles into waters around
/// Taiwan", "struck a base near Damascus", "seized a ship off Yemen"): for targets only; the
/// place near which a source stands is not its country ("troops near Kyiv").
pub(crate) const NEAR_PLACE: &[&str] = &["around", "near", "off"];
/// Verbs of a third party's part in an act between others (CAMEO: mediation is the
/// mediator's act, 04x/05x, not the parties').
const MEDIATION_VERBS: &[&str] = &[
    "broker",
    "mediate",
    "facilitate",
    "host",
    "sponsor",
    "arrange",
    "oversee",
    "guarantee",
];
/// Nouns for people that take their nationality from where they are ("students in Jakarta").
pub(crate) const HUMAN_HEADS: &[&str] = &[
    "demonstrator",
    "protester",
    "protestor",
    "student",
    "worker",
    "police",
    "policeman",
    "force",
    "troop",
    "soldier",
    "official",
    "leader",
    "people",
    "civilian",
    "rebel",
    "militant",
    "resident",
    "authority",
    "government",
    "villager",
    "refugee",
    "army",
    "militia",
    "militiaman",
    "gunman",
    "fighter",
    "guerrilla",
    "insurgent",
    "settler",
    "prisoner",
    "activist",
    "farmer",
    "miner",
    "crowd",
    "thousand",
    "hundred",
    "dozen",
    "group",
    "member",
    "supporter",
    "opposition",
    "party",
    "minister",
    "judge",
    "court",
    "ten",
    // Offices held for a state or a body ("India's high commissioner", "the bank's chief
    // executive"): the holder acts for whoever the phrase names.
    "ambassador",
    "envoy",
    "diplomat",
    "commissioner",
    "consul",
    "representative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "executive",
];
const TEMPORAL: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "morning",
    "evening",
    "night",
    "weekend",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Head nouns that can act (people, bodies, armed means): a source phrase headed by anything
/// else ("the tidal wave", "the economic record") names no actor through its modifiers.
pub(crate) const AGENT_HEADS: &[&str] = &[
    // Strikes by arms stand for whoever launched them: "A U.S. drone strike killed", "an
    // Israeli air strike hit", "Russian missiles struck" (`agents.rs`, `military_head`).
    "airstrike",
    "missile",
    "rocket",
    "shelling",
    "bombardment",
    "aircraft",
    "jet",
    "plane",
    "warplane",
    "helicopter",
    "tank",
    "warship",
    "gunship",
    "drone",
    "artillery",
    "navy",
    "fleet",
    "vessel",
    "ship",
    "company",
    "firm",
    "bank",
    "organisation",
    "organization",
    "agency",
    "union",
    "office",
    "ministry",
    "committee",
    "council",
    "delegation",
    "side",
    "media",
    "newspaper",
    "embassy",
    "administration",
    "regime",
    "state",
    "country",
    "nation",
    "executive",
    "chairman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "secretary",
    "chief",
    "head",
    "representative",
    "envoy",
    "ambassador",
    "diplomat",
    "negotiator",
    "commander",
    "general",
    "officer",
    "lawyer",
    "prosecutor",
    "owner",
    "administrator",
    "labourer",
    "citizen",
    "national",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "cabinet",
    "premier",
    "king",
    "queen",
    "prince",
    "emir",
    "ruler",
    "lawmaker",
    "mp",
    "senator",
    "candidate",
    "man",
    "woman",
    "spy",
    "coalition",
    "alliance",
    "movement",
    "faction",
    "bloc",
    "club",
    "team",
    "department",
    "unit",
    "division",
    "brigade",
    "battalion",
];
/// Lemmas whose "be + participle" is a state, not a passive ("were engaged in").
const NOT_PASSIVE: &[&str] = &[
    "engage",
    "involve",
    "concern",
    "interest",
    "locate",
    "base",
    "commit",
    "determine",
    "prepare",
    "poise",
    "set",
];

impl<'d> Clauses<'d> {
    /// Builds the analysis of the tokens `first..last` of a sentence; `actor` gives the actor
    /// covering each token, if any; `article_place` is the article's main place. A parsed sentence (the `deps` layer) also answers the
    /// questions of structure from its tree.
    pub fn new(
        doc: &'d Document,
        first: usize,
        last: usize,
        actor: Vec<Option<Actor>>,
        article_place: Option<EntityId>,
    ) -> Clauses<'d> {
        let toks = &doc.tokens[first..last];
        // "had seized": "have" read as a main verb right before a past participle is the
        // perfect's auxiliary (else the participle's clause loses its subject).
        let perfect = |i: usize| {
            toks[i].lemma == "have"
                && toks[i].pos == Upos::Verb
                && toks.get(i + 1).is_some_and(|n| {
                    let text = doc.slice(n.span);
                    n.pos == Upos::Verb
                        && (text.ends_with("ed")
                            || crate::wordlists::irregular_past(&text.to_ascii_lowercase())
                                .is_some())
                })
        };
        let modal_before = |i: usize| {
            i > 0
                && toks[i - 1].pos == Upos::Aux
                && crate::wordlists::modal_verb(toks[i - 1].lemma.as_str())
                && !doc
                    .slice(toks[i].span)
                    .starts_with(|ch: char| ch.is_uppercase())
        };
        let w: Vec<Word<'d>> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| Word {
                // A capitalised first word the tagger read as an auxiliary but that is none
                // ("Gunmen attacked ...") is the subject's noun.
                pos: if i == 0 && t.pos == Upos::Aux && !crate::wordlists::auxiliary(&t.lemma) {
                    Upos::Noun
                } else if perfect(i) {
                    Upos::Aux
                } else if modal_before(i) && t.pos == Upos::Noun {
                    // "must hand over": a noun right after a modal is its verb.
                    Upos::Verb
                } else {
                    t.pos
                },
                lemma: t.lemma.as_str(),
                text: doc.slice(t.span),
                span: t.span,
            })
            .collect();
        let mut c = Clauses {
            np_of: vec![None; w.len()],
            group_of: vec![None; w.len()],
            perpetrator: vec![false; w.len()],
            role_of: vec![None; w.len()],
            crowd: vec![None; w.len()],
            countries: Vec::new(),
            article_place,
            w,
            actor,
            nps: Vec::new(),
            groups: Vec::new(),
            syn: Syntax::of(doc).filter(|syn| first < last && syn.is_parsed(TokenId(first as u32))),
            first,
        };
        c.read_past_verbs_tagged_as_nouns();
        c.chunk();
        c.find_groups();
        c.add_agents(doc);
        c
    }

    /// "Israeli aircraft struck targets", "Rebels shelled the town": after a subject noun
    /// the tagger may read a past verb as a noun or adjective, and the clause loses its verb.
    /// A past form ("-ed", or an irregular past) of a verb in the pattern tables, tagged
    /// NOUN or ADJ, right after a noun that can act (a named actor, an agent noun) and before
    /// an object (a determiner, number, noun, pronoun, adjective, or "on"/"at"), in a clause
    /// with no verb before it, is read as the clause's verb. No tagger retraining; the
    /// tagger's lemma stays and the pattern tables find the verb from the form.
    fn read_past_verbs_tagged_as_nouns(&mut self) {
        let n = self.len();
        for i in 1..n.saturating_sub(1) {
            let w = self.w[i];
            if !matches!(w.pos, Upos::Noun | Upos::Adj)
                || w.text.starts_with(|ch: char| ch.is_uppercase())
                || !(w.text.ends_with("ed") || crate::wordlists::irregular_past(w.text).is_some())
            {
                continue;
            }
            let prev = self.w[i - 1];
            // An agent noun the tagger read as an adjective ("Sudan's military ousted")
            // counts when it is an actor; a nationality ("Israeli targeted ...") does not.
            const AGENT_ADJECTIVES: &[&str] = &["military", "army", "police", "opposition"];
            let actor_noun = (matches!(prev.pos, Upos::Noun | Upos::Propn)
                && (self.actor[i - 1].is_some()
                    || crate::agents::may_hold_agent(prev.lemma)
                    || AGENT_HEADS.contains(&prev.lemma)))
                || (prev.pos == Upos::Adj
                    && AGENT_ADJECTIVES.contains(&prev.lemma)
                    && self.actor[i - 1].is_some());
            let next = self.w[i + 1];
            let object = matches!(
                next.pos,
                Upos::Det | Upos::Num | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Adj
            ) || (next.pos == Upos::Adp && matches!(next.lemma, "on" | "at" | "upon"));
            if !actor_noun || !object {
                continue;
            }
            let verb_before = (0..i)
                .rev()
                .take_while(|&j| !matches!(self.w[j].pos, Upos::Punct | Upos::Sconj))
                .any(|j| matches!(self.w[j].pos, Upos::Verb | Upos::Aux));
            if verb_before {
                continue;
            }
            let known = crate::lexicon::Lexicon::shared()
                .is_ok_and(|lx| lx.verb_key(w.lemma, w.text).is_some());
            if known {
                self.w[i].pos = Upos::Verb;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.w.len()
    }

    pub fn lemma(&self, i: usize) -> &'d str {
        self.w.get(i).map(|w| w.lemma).unwrap_or("")
    }

    pub fn lower_is(&self, i: usize, s: &str) -> bool {
        self.w
            .get(i)
            .is_some_and(|w| w.lemma == s || w.text.eq_ignore_ascii_case(s))
    }

    /// The verb group that starts at word `k`, if one does.
    pub fn group_starting(&self, k: usize) -> Option<usize> {
        self.group_of
            .get(k)
            .copied()
            .flatten()
            .map(|x| x as usize)
            .filter(|&x| self.groups[x].start == k)
    }

    /// The noun phrase that starts at word `k`, if one does.
    pub fn np_starting(&self, k: usize) -> Option<usize> {
        self.np_of
            .get(k)
            .copied()
            .flatten()
            .map(|n| n as usize)
            .filter(|&n| self.nps[n].start == k)
    }

    /// The end of a time adjunct starting at word `k` ("on Monday", "last week", "in March",
    /// "Tuesday"), if one does: a noun phrase headed by a day, month or period word, after
    /// "on"/"in"/"at"/"during" or alone.
    pub(crate) fn time_adjunct_end(&self, k: usize) -> Option<usize> {
        let after_prep = self.w.get(k).is_some_and(|w| {
            w.pos == Upos::Adp && matches!(w.lemma, "on" | "in" | "at" | "during")
        });
        let np = self.np_starting(if after_prep { k + 1 } else { k })?;
        let p = self.nps[np];
        let head = self.w[p.end - 1].lemma;
        (TEMPORAL.contains(&head) || MONTHS.contains(&head)).then_some(p.end)
    }

    fn pos(&self, i: usize) -> Upos {
        self.w.get(i).map(|w| w.pos).unwrap_or(Upos::X)
    }

    fn is_relative(&self, i: usize) -> bool {
        self.pos(i) == Upos::Pron && lexical::is_relative_pronoun(self.lemma(i))
    }

    pub fn is_first_person(&self, i: usize) -> bool {
        self.pos(i) == Upos::Pron
            && self
                .w
                .get(i)
                .is_some_and(|w| first_person(w.lemma) || first_person(&lexical::lower(w.text)))
    }

    fn np_word(&self, i: usize) -> bool {
        let w = &self.w[i];
        match w.pos {
            Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn => true,
            Upos::Pron => !self.is_relative(i),
            Upos::Part => w.text == "'s" || w.text == "’s" || w.text == "'",
            Upos::Verb if self.attributive_after_with(i) => true,
            _ => self.actor[i].is_some() && w.pos != Upos::Verb && w.pos != Upos::Aux,
        }
    }

    /// A participial adjective right after "with" and before a nominal opens the phrase
    /// ("met with visiting Chinese officials", "talks with outgoing President X"). Only the
    /// -ing words news uses as adjectives of persons and parties: "charged with shelling
    /// cities", "accused of visiting Tehran" keep their gerund.
    fn attributive_after_with(&self, i: usize) -> bool {
        const ATTRIBUTIVE_ING: &[&str] = &[
            "visiting",
            "outgoing",
            "incoming",
            "ruling",
            "governing",
            "warring",
            "opposing",
            "neighbouring",
            "neighboring",
            "retiring",
            "departing",
            "striking",
            "protesting",
            "reigning",
            "sitting",
            "acting",
        ];
        i > 0
            && i + 1 < self.w.len()
            && self.lemma(i - 1) == "with"
            && ATTRIBUTIVE_ING.contains(&lexical::lower(self.w[i].text).as_ref())
            && matches!(self.w[i + 1].pos, Upos::Adj | Upos::Propn | Upos::Noun)
    }

    /// Whether the verb at `v`, inside a phrase opening at `start` ("Myanmar's military
    /// seized power"), is the sentence's predicate rather than an attributive participle
    /// ("the proposed changes"): no verb stands before the phrase, and none after it but
    /// verbs joined to it by a conjunction ("... seized power and detained the leader").
    /// The tagger reads such a noun as an adjective; taking the verb as a participle would
    /// leave the sentence without its act.
    fn sole_predicate(&self, start: usize, v: usize) -> bool {
        let n = self.w.len();
        // A verb that may be finite: not a gerund or participle adjunct ("declaring"), an
        // infinitive ("to act") or an attributive participle ("the elected leader").
        let is_verb = |k: usize| {
            let w = &self.w[k];
            if !matches!(w.pos, Upos::Verb | Upos::Aux) || lexical::lower(w.text).ends_with("ing") {
                return false;
            }
            let Some(p) = k.checked_sub(1).map(|p| &self.w[p]) else {
                return true;
            };
            let possessive = matches!(p.text, "'s" | "’s");
            let infinitive = p.pos == Upos::Part && !possessive;
            let attributive = (possessive || matches!(p.pos, Upos::Det | Upos::Adj | Upos::Pron))
                && matches!(self.pos(k + 1), Upos::Noun | Upos::Adj | Upos::Propn);
            !infinitive && !attributive
        };
        if (0..start).any(is_verb) {
            return false;
        }
        let mut k = v + 1;
        while k < n {
            if is_verb(k) {
                let mut j = k;
                while j > v + 1 && self.pos(j - 1) == Upos::Adv {
                    j -= 1;
                }
                if self.pos(j - 1) != Upos::Cconj {
                    return false;
                }
            }
            k += 1;
        }
        true
    }

    /// Whether the word at `k`, inside a phrase opening at `start`, is an -ing word used
    /// attributively: right after an article or a possessive ("his visiting", "the ruling");
    /// not after a demonstrative, which heads a phrase of its own ("those fuelling such
    /// reports").
    fn attributive_ing(&self, k: usize, start: usize) -> bool {
        if k <= start {
            return false;
        }
        let before = &self.w[k - 1];
        lexical::lower(self.w[k].text).ends_with("ing")
            && (["the", "a", "an"]
                .iter()
                .any(|a| before.text.eq_ignore_ascii_case(a))
                || possessive_determiner(before)
                || matches!(before.text, "'s" | "’s"))
    }

    /// Noun-phrase chunks: maximal runs of nominal words, split where a new phrase starts.
    fn chunk(&mut self) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            if !self.np_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < n {
                let w = self.w[i];
                let prev = self.w[i - 1];
                let nominal_prev =
                    matches!(prev.pos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num);
                let same_mention = self.actor[i].is_some() && self.actor[i] == self.actor[i - 1];
                let starts_new = !same_mention
                    && ((w.pos == Upos::Det && nominal_prev)
                        || (w.pos == Upos::Pron && !possessive_determiner(&w) && prev.pos != Upos::Det)
                        || (prev.pos == Upos::Pron && !possessive_determiner(&prev) && w.pos != Upos::Part)
                        || (w.pos == Upos::Pron && possessive_determiner(&w) && nominal_prev)
                        // An adjective after the head is a predicate ("found Iran guilty"),
                        // not after an attributive -ing word ("his visiting Pakistani
                        // counterpart", "the visiting Chinese delegation").
                        // Nor after a possessive determiner, which opens the phrase ("his
                        // Ugandan counterpart", "its armed forces").
                        || (w.pos == Upos::Adj
                            && nominal_prev
                            && prev.pos != Upos::Num
                            && !(prev.pos == Upos::Pron
                                && possessive_determiner(&prev))
                            && !self.attributive_ing(i - 1, start)));
                if starts_new {
                    break;
                }
                let joiner = matches!(w.text, "-" | "'" | "’") && i + 1 < n && self.np_word(i + 1);
                if self.np_word(i) || joiner {
                    i += 1;
                } else if w.pos == Upos::Verb
                    && (matches!(prev.pos, Upos::Det | Upos::Adj | Upos::Pron)
                        || matches!(prev.text, "'s" | "’s"))
                    && i + 1 < n
                    && matches!(self.w[i + 1].pos, Upos::Noun | Upos::Adj | Upos::Propn)
                    && !self.sole_predicate(start, i)
                {
                    // An attributive participle ("the proposed changes", "its armed groups").
                    i += 1;
                } else {
                    break;
                }
            }
            let id = self.nps.len() as u16;
            for k in start..i {
                self.np_of[k] = Some(id);
            }
            self.nps.push(Np { start, end: i });
        }
    }

    /// The verb groups, left to right: from a word that starts one ("to", an auxiliary, a
    /// negation, an adverb, a verb), its chain up to the verb or, for a copula, the
    /// predicate adjective; every word of a group points to it (`group_of`).
    fn find_groups(&mut self) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            let start = i;
            let chain = self.verb_chain(start);
            if chain.head.is_none() && !chain.has_aux {
                i += 1;
                continue;
            }
            let (head, end) = match chain.head {
                Some(h) => (h, chain.end),
                None => self.copula_head(start, &chain),
            };
            let hw = self.w[head];
            let passive = self.passive_head(head, chain.last_aux)
                || self.coordinated_with_passive(start, head, &chain);
            let gerund = !chain.has_aux && !chain.infinitive && hw.text.ends_with("ing");
            let id = self.groups.len() as u16;
            for k in start..end {
                self.group_of[k] = Some(id);
            }
            self.groups.push(Group {
                start,
                end,
                head,
                neg: chain.neg,
                modal: chain.modal,
                passive,
                infinitive: chain.infinitive,
                gerund,
            });
            i = end.max(i + 1);
        }
    }

    /// The words from `start` up to and including a verb: "to", auxiliaries (the last
    /// modal one decides the modality), negations and adverbs; the chain stops at a noun
    /// phrase ("has no plans" keeps the "no" in the phrase) or any other word.
    fn verb_chain(&self, start: usize) -> VerbChain {
        let n = self.w.len();
        let infinitive = self.w[start].pos == Upos::Part && self.lemma(start) == "to";
        let mut chain = VerbChain {
            infinitive,
            end: if infinitive { start + 1 } else { start },
            head: None,
            has_aux: false,
            neg: false,
            modal: Modal::None,
            last_aux: None,
        };
        while chain.end < n && self.np_of[chain.end].is_none() {
            let w = self.w[chain.end];
            match w.pos {
                Upos::Aux => {
                    chain.has_aux = true;
                    chain.last_aux = Some(chain.end);
                    if let Some(m) = modal_of(w.lemma) {
                        chain.modal = m;
                    }
                    chain.end += 1;
                }
                Upos::Part | Upos::Adv if matches!(w.lemma, "not" | "n't" | "never") => {
                    chain.neg = true;
                    chain.end += 1;
                }
                Upos::Adv => chain.end += 1,
                Upos::Verb => {
                    chain.head = Some(chain.end);
                    chain.end += 1;
                    break;
                }
                _ => break,
            }
        }
        chain
    }

    /// The head and end of a chain without a verb (a copula): its predicate adjective
    /// after any adverbs ("is ready to"), else its last auxiliary.
    fn copula_head(&self, start: usize, chain: &VerbChain) -> (usize, usize) {
        let n = self.w.len();
        let mut k = chain.end;
        while k < n && self.w[k].pos == Upos::Adv {
            k += 1;
        }
        if k < n && self.w[k].pos == Upos::Adj {
            (k, k + 1)
        } else {
            (chain.last_aux.unwrap_or(start), chain.end)
        }
    }

    /// Whether the head is a passive participle: a verb after "be" / "get" that is neither
    /// an -ing form, nor its own lemma, nor a verb listed as never passive.
    fn passive_head(&self, head: usize, last_aux: Option<usize>) -> bool {
        let hw = self.w[head];
        hw.pos == Upos::Verb
            && last_aux.is_some_and(|a| matches!(self.lemma(a), "be" | "get"))
            && !hw.text.ends_with("ing")
            && !hw.text.eq_ignore_ascii_case(hw.lemma)
            && !NOT_PASSIVE.contains(&hw.lemma)
    }

    /// "was found guilty and sentenced": a bare participle coordinated (a conjunction or a
    /// comma before it) with the passive group before it is passive too.
    fn coordinated_with_passive(&self, start: usize, head: usize, chain: &VerbChain) -> bool {
        let hw = self.w[head];
        if chain.has_aux
            || chain.infinitive
            || hw.pos != Upos::Verb
            || !(hw.text.ends_with("ed") || hw.text.ends_with("en"))
            || start == 0
        {
            return false;
        }
        let mut b = start - 1;
        while b > 0 && matches!(self.w[b].pos, Upos::Adv | Upos::Punct) {
            b -= 1;
        }
        let coordinated = matches!(self.w[b].pos, Upos::Cconj) || self.w[start - 1].text == ",";
        coordinated && self.groups.last().is_some_and(|g| g.passive)
    }

    /// Whether word `i` ends the clause a search is in.
    pub fn is_boundary(&self, i: usize) -> bool {
        let w = &self.w[i];
        match w.pos {
            // A word that is only ever a preposition ("met with visiting X", "talks in
            // Beijing") the tagger read as a subordinator opens no clause.
            Upos::Sconj => !matches!(
                w.lemma,
                "with"
                    | "in"
                    | "of"
                    | "on"
                    | "at"
                    | "by"
                    | "from"
                    | "into"
                    | "against"
                    | "during"
                    | "between"
                    | "among"
                    | "without"
                    | "despite"
                    | "towards"
                    | "toward"
            ),
            Upos::Punct => matches!(
                w.text,
                ";" | ":" | "—" | "–" | "(" | ")" | "?" | "!" | "." | "\"" | "“" | "”"
            ),
            Upos::Pron => self.is_relative(i),
            _ => false,
        }
    }

    /// A comma followed by a new verb group or a subordinate word ends a clause too.
    fn comma_ends_clause(&self, i: usize) -> bool {
        if self.w[i].text != "," {
            return false;
        }
        let mut k = i + 1;
        while k < self.len() && self.w[k].pos == Upos::Adv {
            k += 1;
        }
        k >= self.len()
            || self.group_of[k].is_some()
            || matches!(
                self.w[k].pos,
                Upos::Sconj | Upos::Verb | Upos::Aux | Upos::Adp
            )
            || self.is_relative(k)
    }

    /// The end (exclusive) of the clause region after word `from`: up to a boundary, a comma
    /// that opens a new clause, or a coordinated finite verb group.
    pub fn clause_end(&self, from: usize) -> usize {
        let mut k = from;
        while k < self.len() {
            if self.is_boundary(k) || self.comma_ends_clause(k) {
                return k;
            }
            if self.w[k].pos == Upos::Cconj {
                let mut m = k + 1;
                while m < self.len() && self.w[m].pos == Upos::Adv {
                    m += 1;
                }
                if m < self.len()
                    && self.group_of[m].is_some_and(|g| !self.groups[g as usize].infinitive)
                {
                    return k;
                }
            }
            if let Some(g) = self.group_of[k] {
                let g = self.groups[g as usize];
                if g.start == k && !g.infinitive && !g.gerund && k > from {
                    return k;
                }
            }
            k += 1;
        }
        self.len()
    }

    /// The noun phrases coordinated with the one at `np` (itself first): "A, B and C".
    /// Two phrases joined by a comma alone ("UN mediator Jan Olsen, a Danish diplomat, met")
    /// are one actor in apposition, not a list: only its named member counts (`apposition`).
    /// Three or more, or a list that goes on with ", and", are a list.
    pub fn conjuncts(&self, np: usize) -> Vec<usize> {
        let mut out = vec![np];
        let mut cur = np;
        let mut conjunction = false;
        loop {
            let e = self.nps[cur].end;
            if e >= self.len() {
                break;
            }
            let t = self.w[e];
            let next = if t.pos == Upos::Cconj && matches!(t.lemma, "and" | "or") {
                conjunction = true;
                e + 1
            } else if out.len() >= 2 && self.list_goes_on(e) {
                // "A, B, and C": the serial comma before the conjunction (not "A, and": a
                // comma and a conjunction after one phrase join clauses as often).
                conjunction = true;
                e + 2
            } else if t.text == "," {
                // "A, B and C": a comma counts only if a CCONJ follows the next phrase.
                let cand = e + 1;
                match self.np_of.get(cand).copied().flatten() {
                    Some(nx) => {
                        let after = self.nps[nx as usize].end;
                        if after < self.len()
                            && (self.w[after].pos == Upos::Cconj || self.w[after].text == ",")
                        {
                            cand
                        } else {
                            break;
                        }
                    }
                    None => break,
                }
            } else {
                break;
            };
            match self.np_of.get(next).copied().flatten() {
                Some(nx) if self.nps[nx as usize].start == next => {
                    cur = nx as usize;
                    out.push(cur);
                }
                _ => break,
            }
        }
        if !conjunction && out.len() == 2 && !self.list_goes_on(self.nps[out[1]].end) {
            return vec![self.apposition(&out)];
        }
        out
    }

    /// Whether ", and" / ", or" follows at word `e`: the list the commas began goes on
    /// ("Iran, Libya, and with strings attached, Cuba").
    fn list_goes_on(&self, e: usize) -> bool {
        e + 1 < self.len()
            && self.w[e].text == ","
            && self.w[e + 1].pos == Upos::Cconj
            && matches!(self.w[e + 1].lemma, "and" | "or")
    }

    /// The phrase that stands for the actor when phrase `np` is the second member of a
    /// two-phrase apposition ("X, a Danish diplomat, met": X), if that is another phrase: for
    /// a parse that made the appositive the subject.
    pub(crate) fn apposition_head(&self, np: usize) -> Option<usize> {
        let p = self.nps[np];
        if p.start < 2 || self.w[p.start - 1].text != "," || !self.lower_is(p.end, ",") {
            return None;
        }
        let first = self.np_of[p.start - 2]? as usize;
        let members = self.conjuncts(self.chain_start(first));
        (members.len() == 1 && members[0] != np).then_some(members[0])
    }

    /// The member of an apposition ("TITLE NAME, a/the NP," or "the NP, NAME,") that stands
    /// for the actor: the first whose head is a coded name ("Jan Olsen", not "a Danish
    /// diplomat", whose nationality is not his affiliation), else the first that names any
    /// actor ("The Lord Chancellor, Lord Falconer" when the name has no code), else the first.
    fn apposition(&self, members: &[usize]) -> usize {
        let head = |m: usize| self.nps[m].end - 1;
        let named = members
            .iter()
            .find(|&&m| self.w[head(m)].pos == Upos::Propn && self.actor[head(m)].is_some());
        let any = || {
            members.iter().find(|&&m| {
                let p = self.nps[m];
                self.actor[p.start..p.end].iter().any(Option::is_some)
            })
        };
        *named.or_else(any).unwrap_or(&members[0])
    }

    /// The actor a single noun phrase names: the mention on its head (last word), else the
    /// first mention in it, else (when `attach` allows) the phrase it governs through of/in/
    /// with/against ("representatives of Russia", "further action against Iran"). For a
    /// `source`, only a head that can act takes its modifiers' actor ("Russian aircraft", not
    /// "the Indian Ocean wave"), and "X in <place>" names the place's country only when X is a
    /// group of people ("demonstrators in Baghdad", not "weather in the US").
    pub fn np_actors_as(&self, np: usize, attach: u8, source: bool, out: &mut Vec<Actor>) {
        let p = self.nps[np];
        if let Some(a) = self.actor[p.end - 1] {
            push_unique(out, a);
            return;
        }
        // The head is the last word that is not a time word ("Iran today").
        let mut h = p.end - 1;
        while h > p.start && TEMPORAL.contains(&self.w[h].lemma) {
            h -= 1;
        }
        let head = self.w[h];
        let agentive = !source
            || head.pos == Upos::Propn
            || head.pos == Upos::Pron
            || HUMAN_HEADS.contains(&head.lemma)
            || AGENT_HEADS.contains(&head.lemma);
        if let Some(a) = (p.start..p.end)
            .filter(|&k| !self.alignment(k))
            .find_map(|k| self.actor[k])
            .filter(|_| agentive)
        {
            push_unique(out, a);
            return;
        }
        if attach == 0 {
            return;
        }
        let e = p.end;
        // "demonstrators in Baghdad" are Iraqi; "weather in the US" is nobody.
        let place_attach = matches!(self.lemma(e), "in" | "throughout" | "across");
        if source && place_attach && !HUMAN_HEADS.contains(&self.lemma(p.end - 1)) {
            return;
        }
        let attached =
            ATTACH.contains(&self.lemma(e)) || (!source && NEAR_PLACE.contains(&self.lemma(e)));
        if e + 1 < self.len() && self.w[e].pos == Upos::Adp && attached {
            // "the presidents of Uganda and Tanzania": each country with the agent's role.
            let role = self.role_of[p.end - 1].filter(|_| self.lemma(e) == "of");
            if let Some(nx) = self.np_of[e + 1] {
                for c in self.conjuncts(nx as usize) {
                    let before = out.len();
                    self.np_actors_as(c, attach - 1, source, out);
                    if let Some(role) = role {
                        self.give_role(role, &mut out[before..]);
                    }
                }
            }
        }
    }

    /// The countries among `actors` take an agent's role ("the presidents of" + Chile ->
    /// `CHLGOV`); other actors stay as they are.
    pub(crate) fn give_role(&self, role: &'static str, actors: &mut [Actor]) {
        for a in actors {
            if a.role.is_none() && a.entity.is_some_and(|x| self.countries.contains(&x)) {
                a.role = Some(role);
            }
        }
    }

    /// Actors of a phrase starting at `np` with its conjuncts.
    pub fn phrase_actors(&self, np: usize) -> Vec<Actor> {
        self.phrase_actors_as(np, false)
    }

    /// Actors a phrase names by its head: "Kosovo", "the leaders of Iran", not "IMF
    /// support" or "BBC Radio 4's programme". For targets a pattern requires.
    pub fn head_actors(&self, np: usize) -> Vec<Actor> {
        let mut out = Vec::new();
        for c in self.conjuncts(np) {
            let p = self.nps[c];
            let mut h = p.end - 1;
            while h > p.start && TEMPORAL.contains(&self.w[h].lemma) {
                h -= 1;
            }
            if let Some(a) = self.actor[h] {
                push_unique(&mut out, a);
            } else if HUMAN_HEADS.contains(&self.w[h].lemma)
                || AGENT_HEADS.contains(&self.w[h].lemma)
            {
                self.np_actors_as(c, 3, false, &mut out);
            }
        }
        out
    }

    pub fn phrase_actors_as(&self, np: usize, source: bool) -> Vec<Actor> {
        let mut out = Vec::new();
        for c in self.conjuncts(np) {
            self.np_actors_as(c, 3, source, &mut out);
        }
        out
    }

    /// The subject of verb group `g`: the noun phrase before it in its clause. Adjunct
    /// phrases ("on Tuesday"), appositions between commas and attachments ("leaders OF the
    /// party") are stepped over; a relative pronoun takes its antecedent; a group coordinated
    /// with an earlier one, or a participle after a comma, shares that one's subject.
    pub fn subject(&self, g: usize) -> Subject {
        self.subject_depth(g, 0)
    }

    fn subject_depth(&self, g: usize, depth: u8) -> Subject {
        if depth > 4 {
            return Subject::None;
        }
        let grp = self.groups[g];
        if grp.start == 0 {
            return Subject::None;
        }
        let mut i = grp.start as isize - 1;
        while i >= 0 {
            let k = i as usize;
            let w = self.w[k];
            if w.pos == Upos::Adv {
                i -= 1;
                continue;
            }
            if w.text == ")" {
                match self.before_parenthesis(i) {
                    Some(m) => {
                        i = m;
                        continue;
                    }
                    None => return Subject::None,
                }
            }
            if self.is_relative(k) {
                return self.relative_antecedent(k);
            }
            if let Some(np) = self.np_of[k] {
                let np = np as usize;
                if let Some(before) = self.before_adjunct(np) {
                    i = before;
                    continue;
                }
                return Subject::Np(self.subject_start(np));
            }
            if w.text == "," {
                if grp.gerund {
                    return self.inherited_subject(g, depth);
                }
                match self.before_apposition(k) {
                    Some(m) => {
                        i = m;
                        continue;
                    }
                    None => return Subject::None,
                }
            }
            if w.pos == Upos::Cconj {
                // Coordinated verb phrases share the subject.
                if k > 0 && self.np_of[k - 1].is_none() {
                    return self.inherited_subject(g, depth);
                }
                if k > 0
                    && self
                        .group_of
                        .get(k.wrapping_sub(2))
                        .copied()
                        .flatten()
                        .is_some()
                {
                    return self.inherited_subject(g, depth);
                }
                return self.inherited_subject(g, depth);
            }
            return Subject::None;
        }
        Subject::None
    }

    /// The subject of the nearest earlier finite verb group, for a group that shares it
    /// (coordinated, or a participle after a comma). "said the chancellor was key and
    /// dismissed ...": the coordinated verb goes with the main verb, not with a copula of
    /// the reported clause.
    fn inherited_subject(&self, g: usize, depth: u8) -> Subject {
        let mut p = g;
        while p > 0 {
            p -= 1;
            let pg = self.groups[p];
            if self.w[pg.head].pos == Upos::Verb && !pg.infinitive {
                return self.subject_depth(p, depth + 1);
            }
        }
        Subject::None
    }

    /// Where the subject search goes on before a parenthesis closing at `i` ("the Umma
    /// (Nation) party", "the union (SSS)"): before its opening bracket; None without one.
    fn before_parenthesis(&self, i: isize) -> Option<isize> {
        let mut m = i - 1;
        while m >= 0 && self.w[m as usize].text != "(" {
            m -= 1;
        }
        (m >= 0).then_some(m - 1)
    }

    /// The antecedent of the relative pronoun at `k`: the nearest phrase before it ("Sharon
    /// and Netanyahu, who backed": Netanyahu), with what it is attached to ("the leader of
    /// Iran who").
    fn relative_antecedent(&self, k: usize) -> Subject {
        let mut m = k as isize - 1;
        if m >= 0 && self.w[m as usize].text == "," {
            m -= 1;
        }
        match (m >= 0).then(|| self.np_of[m as usize]).flatten() {
            Some(np) => {
                let np = np as usize;
                let s = self.nps[np].start;
                let attached =
                    s >= 2 && self.w[s - 1].pos == Upos::Adp && self.lemma(s - 1) == "of";
                Subject::Np(if attached { self.chain_start(np) } else { np })
            }
            None => Subject::None,
        }
    }

    /// Where the subject search goes on when phrase `np` is an adjunct ("on Monday", "in a
    /// statement"): before its preposition; None when it is no adjunct ("at least three
    /// civilians" is a quantity).
    fn before_adjunct(&self, np: usize) -> Option<isize> {
        let s = self.nps[np].start;
        (s > 0
            && self.w[s - 1].pos == Upos::Adp
            && !ATTACH.contains(&self.lemma(s - 1))
            && !matches!(self.lemma(s), "least" | "most"))
        .then_some(s as isize - 2)
    }

    /// The first phrase of the subject ending in phrase `np`: its chain start, stepping over
    /// a participle phrase inside the subject that names no actor ("Russian aircraft
    /// including helicopters killed", "aircraft using guided missiles killed").
    fn subject_start(&self, np: usize) -> usize {
        let mut start = self.chain_start(np);
        for _ in 0..3 {
            let mut actors = Vec::new();
            self.np_actors_as(start, 3, true, &mut actors);
            if !actors.is_empty() {
                break;
            }
            let ps = self.nps[start].start;
            let Some(pg) = (ps > 1)
                .then(|| self.group_of[ps - 1])
                .flatten()
                .map(|x| self.groups[x as usize])
            else {
                break;
            };
            let bare = pg.start + 1 == pg.end && self.w[pg.head].pos == Upos::Verb;
            match (pg.start > 0).then(|| self.np_of[pg.start - 1]).flatten() {
                Some(prev) if bare => start = self.chain_start(prev as usize),
                _ => break,
            }
        }
        start
    }

    /// Where the subject search goes on at the comma `k` closing an apposition ("X, a key
    /// ally, has ..."): before the opening comma, when a phrase stands there; None when the
    /// comma closes a finite clause (", which combines ..., " is an apposition too) or no
    /// phrase precedes the apposition.
    fn before_apposition(&self, k: usize) -> Option<isize> {
        let mut m = k as isize - 1;
        let mut finite = false;
        while m >= 0
            && (self.w[m as usize].text != "," || self.comma_list_before(m as usize))
            && (!self.is_boundary(m as usize) || self.is_relative(m as usize))
        {
            if let Some(x) = self.group_of[m as usize] {
                let x = self.groups[x as usize];
                let t = self.w[x.head].text;
                let participle =
                    x.gerund || (x.start + 1 == x.end && (t.ends_with("ed") || t.ends_with("en")));
                finite |= !participle;
            }
            m -= 1;
        }
        if finite && !(m >= 0 && self.is_relative(m as usize + 1)) {
            return None;
        }
        if m > 0 && self.w[m as usize].text == "," && self.np_of[m as usize - 1].is_some() {
            return Some(m - 1);
        }
        None
    }

    /// The first phrase of a subject: steps left over attachments ("leaders of X") and
    /// coordination ("A and B") to where the subject starts.
    fn chain_start(&self, np: usize) -> usize {
        let mut cur = np;
        loop {
            let s = self.nps[cur].start;
            if s < 2 {
                return cur;
            }
            let before = self.w[s - 1];
            let step = (before.pos == Upos::Adp && matches!(before.lemma, "of" | "in" | "from"))
                || (before.pos == Upos::Cconj && matches!(before.lemma, "and" | "or"))
                || (before.text == "," && self.comma_list_before(s - 1));
            // "A, B, and C": step over the serial comma too.
            let serial = s >= 4
                && before.pos == Upos::Cconj
                && self.w[s - 2].text == ","
                && self.np_of[s - 3].is_some_and(|b| {
                    let bs = self.nps[b as usize].start;
                    bs > 0 && self.w[bs - 1].text == ","
                });
            let prev = if serial { s - 3 } else { s - 2 };
            match self.np_of[prev] {
                Some(p) if step => cur = p as usize,
                _ => return cur,
            }
        }
    }

    /// A comma inside "A, B and C" (a CCONJ follows later in the same run of phrases).
    fn comma_list_before(&self, comma: usize) -> bool {
        let mut k = comma + 1;
        while k < self.len() {
            let w = self.w[k];
            if w.pos == Upos::Cconj {
                return true;
            }
            if self.np_of[k].is_none() && w.text != "," {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the preposition at `k` is the "by" of a mediator after a participle ("a
    /// ceasefire brokered by Egypt", "talks hosted by Qatar"): the third party of the act, not
    /// the other side of the main verb's event.
    pub fn mediator_by(&self, k: usize) -> bool {
        k >= 1
            && self.lemma(k) == "by"
            && self.group_of[k - 1].is_some()
            && MEDIATION_VERBS.contains(&self.lemma(k - 1))
    }

    /// Whether word `k` lies in the phrase of a mediator's "by" (`mediator_by`).
    pub fn after_mediator_by(&self, k: usize) -> bool {
        let start = self.np_of[k].map_or(k, |n| self.nps[n as usize].start);
        start >= 1 && self.mediator_by(start - 1)
    }

    /// Whether actor `a` is named in the phrase of a mediator's "by" (`mediator_by`).
    pub fn mediator(&self, a: &Actor) -> bool {
        let at = a.span.start();
        self.w
            .iter()
            .position(|w| w.span.start() == at)
            .is_some_and(|k| self.after_mediator_by(k))
    }

    /// The direct object of a group: the noun phrase right after it (particles and adverbs
    /// skipped).
    pub fn object(&self, g: usize) -> Option<usize> {
        let mut k = self.groups[g].end;
        while k < self.len()
            && (self.w[k].pos == Upos::Adv
                || (self.w[k].pos == Upos::Adp
                    && is_particle(self.lemma(k))
                    && self.np_of.get(k + 1).copied().flatten().is_some()
                    && k == self.groups[g].end))
        {
            k += 1;
        }
        self.np_starting(k)
    }

    /// The noun phrases after any of `preps` in `from..end`, in order.
    pub fn prep_objects<'s>(
        &'s self,
        preps: &'s [Box<str>],
        from: usize,
        end: usize,
    ) -> impl Iterator<Item = usize> + 's {
        (from..end.min(self.len())).filter_map(move |k| {
            let w = self.w[k];
            if (w.pos == Upos::Adp || w.pos == Upos::Sconj || w.pos == Upos::Part)
                && preps.iter().any(|p| **p == *w.lemma)
                && !self.mediator_by(k)
            {
                let mut m = k + 1;
                while m < self.len() && self.w[m].pos == Upos::Adv {
                    m += 1;
                }
                self.np_of.get(m).copied().flatten().map(|n| n as usize)
            } else {
                None
            }
        })
    }

    /// The noun phrase after the first of `preps` in `from..end`.
    pub fn prep_object(&self, preps: &[Box<str>], from: usize, end: usize) -> Option<usize> {
        (from..end.min(self.len())).find_map(|k| {
            let w = self.w[k];
            if (w.pos == Upos::Adp || w.pos == Upos::Sconj || w.pos == Upos::Part)
                && preps.iter().any(|p| **p == *w.lemma)
            {
                let mut m = k + 1;
                while m < self.len() && self.w[m].pos == Upos::Adv {
                    m += 1;
                }
                self.np_of.get(m).copied().flatten().map(|n| n as usize)
            } else {
                None
            }
        })
    }

    /// Whether a hypothetical marker ("if", "unless", "whether", "in the event of", "in case")
    /// governs word `i` in its clause.
    pub fn hypothetical(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            let w = self.w[k];
            if matches!(w.lemma, "if" | "unless" | "whether") && w.pos != Upos::Noun {
                return true;
            }
            if w.lemma == "event"
                && k >= 2
                && self.lemma(k - 1) == "the"
                && self.lemma(k - 2) == "in"
            {
                return true;
            }
            if w.lemma == "case" && k >= 1 && self.lemma(k - 1) == "in" {
                return true;
            }
            if (w.pos == Upos::Sconj && w.lemma != "that")
                || matches!(w.text, ";" | ":" | "." | "—")
            {
                return false;
            }
            if w.text == "," {
                // "If Russia invades, the West will ...": the comma closes the condition.
                return false;
            }
        }
        false
    }
}

fn is_particle(lemma: &str) -> bool {
    matches!(
        lemma,
        "up" | "out" | "off" | "down" | "over" | "back" | "away"
    )
}

fn push_unique(out: &mut Vec<Actor>, a: Actor) {
    if !out.iter().any(|b| b.same(&a)) {
        out.push(a);
    }
}
