//! Speakers from the dependency parse, when the `deps` layer is present.
//!
//! The word-window rules of [`crate::speaker`] find the phrase next to a cue; the parse
//! says which phrase is the cue's subject. Here the parse proposes a candidate for every
//! cue it covers: the subject of the cue verb (through `xcomp`/`conj`, the agent of a
//! passive), the proper-name apposition of a common-noun subject ("X's lawyer, Y, said" →
//! Y), the nominal of "according to". The addressee of "told X" is an object, never a
//! subject, so it is never proposed. [`overrules`] decides between this candidate and the
//! rules' one. Nothing here guesses: an unparsed sentence gives no candidate.

use sitrep_doc::{Deprel, Document, TokenId, Upos};
use sitrep_parser::syntax::Syntax;

/// A speaker candidate from the parse: the byte range of its core phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub start: usize,
    pub end: usize,
    /// The agent of a passive cue ("asked … by the committee").
    pub agent: bool,
}

/// The document token starting at byte `at`, if one does.
pub fn token_at(doc: &Document, at: usize) -> Option<TokenId> {
    let i = doc.tokens.partition_point(|t| t.span.start() < at);
    (i < doc.tokens.len() && doc.tokens[i].span.start() == at).then_some(TokenId(i as u32))
}

/// The parse's speaker for the cue starting at byte `cue_start`.
pub fn proposal(syn: &Syntax<'_>, cue_start: usize) -> Option<Proposal> {
    let doc = syn.doc();
    let cue = token_at(doc, cue_start)?;
    if !syn.is_parsed(cue) {
        return None;
    }
    let agent = syn.is_passive(syn.predicate(cue));
    let who = match syn.rel(cue) {
        // "according to X": the cue is the case marker of X.
        Deprel::Case | Deprel::Fixed => {
            let case = if syn.rel(cue) == Deprel::Fixed {
                syn.head(cue)?
            } else {
                cue
            };
            syn.head(case)?
        }
        _ if matches!(syn.pos(cue), Upos::Verb | Upos::Aux) => speaker_of_verb(syn, cue)?,
        _ => return None,
    };
    if !matches!(
        syn.pos(who),
        Upos::Propn | Upos::Noun | Upos::Pron | Upos::Num
    ) {
        return None;
    }
    let (a, b) = core_phrase(syn, who);
    Some(Proposal {
        start: doc.tokens[a.index()].span.start(),
        end: doc.tokens[b.index()].span.end(),
        agent,
    })
}

/// For quoted words inside a sentence without a cue ("Cruz branded the group “abhorrent”"):
/// the subject of the nearest clause above the first quoted word — the one whose words the
/// writer quotes.
pub fn embedding_subject(syn: &Syntax<'_>, quoted_start: usize) -> Option<Proposal> {
    let doc = syn.doc();
    let mut at = token_at(doc, quoted_start)?;
    if !syn.is_parsed(at) {
        return None;
    }
    for _ in 0..12 {
        if matches!(syn.pos(at), Upos::Verb | Upos::Aux | Upos::Adj | Upos::Noun)
            && syn.children(at).iter().any(|&c| syn.rel(c).is_subject())
        {
            let who = speaker_of_verb(syn, at)?;
            if !matches!(syn.pos(who), Upos::Propn | Upos::Noun | Upos::Pron) {
                return None;
            }
            let (a, b) = core_phrase(syn, who);
            return Some(Proposal {
                start: doc.tokens[a.index()].span.start(),
                end: doc.tokens[b.index()].span.end(),
                agent: false,
            });
        }
        at = syn.head(at)?;
    }
    None
}

/// The subject of a speech verb: the agent of a passive ("was quoted by"), none for an
/// agentless passive ("he was told"), otherwise the grammatical subject with the
/// apposition rule of [`Syntax::speaker`]. A relative pronoun's clause ("Kim, who said")
/// is left to the rules, which keep the pronoun as the mention.
fn speaker_of_verb(syn: &Syntax<'_>, cue: TokenId) -> Option<TokenId> {
    let verb = syn.predicate(cue);
    if syn.is_passive(verb) {
        return syn.agent(verb);
    }
    if syn.rel(verb) == Deprel::AclRelcl {
        return None;
    }
    let s = syn.speaker(verb)?;
    // The subject of an expletive or an event noun is no speaker ("it is said").
    let w = syn.word(s).to_lowercase();
    if matches!(
        w.as_str(),
        "it" | "there" | "this" | "that" | "which" | "what"
    ) {
        return None;
    }
    // A possessor is never the speaker of its noun's verb ("Navalny's lawyer said"): the
    // subject is the noun; climbing to it from a possessive parse error.
    if syn.rel(s) == Deprel::NmodPoss {
        return syn.head(s);
    }
    Some(s)
}

/// The core of a noun phrase: the head with its name parts, compounds, modifiers and
/// determiner (contiguous), not its relative clauses, appositions or prepositional phrases.
fn core_phrase(syn: &Syntax<'_>, head: TokenId) -> (TokenId, TokenId) {
    let (mut lo, mut hi) = (head, head);
    for c in syn.children(head) {
        let inner = matches!(
            syn.rel(c),
            Deprel::Compound
                | Deprel::Flat
                | Deprel::FlatForeign
                | Deprel::Amod
                | Deprel::Det
                | Deprel::Nummod
                | Deprel::NmodPoss
        );
        if !inner {
            continue;
        }
        let (a, b) = syn.subtree(c);
        // Only pieces adjacent to what is already taken keep the phrase contiguous.
        if b.0 + 1 == lo.0 || (b.0 < lo.0 && b.0 + 3 >= lo.0) {
            lo = a.min(lo);
        }
        if a.0 == hi.0 + 1 || (a.0 > hi.0 && a.0 <= hi.0 + 3) {
            hi = b.max(hi);
        }
    }
    (lo, hi)
}

/// Whether the parse's candidate replaces the rules' speaker (byte range `rule`) for the
/// cue at `cue_start`. The rules read the shape of news attribution well and win by
/// default; the parse overrules them only where it shows them wrong:
/// - the rules found no speaker (unless the cue is `speakerless`: "seemed", "when asked",
///   and the parse shows no agent: "was asked … by the committee");
/// - the rules' phrase holds no noun, name or pronoun ("Still, Petrilli … called", "Last
///   year, he … argued");
/// - the rules' phrase is the cue's addressee ("…,” Cyril told The Post"), an adverbial
///   before it ("In an interview, Broaddrick recounted"), the possessor of the parse's
///   subject ("X's lawyer, Y, said"), or a role noun the parse's candidate renames in
///   apposition ("…,” X's lawyer, Y, told").
pub fn overrules(
    syn: &Syntax<'_>,
    cue_start: usize,
    rule: Option<(usize, usize)>,
    p: &Proposal,
    speakerless: bool,
) -> bool {
    let Some((rs, re)) = rule else {
        return !speakerless || p.agent;
    };
    if rs < p.end && p.start < re {
        return false;
    }
    let doc = syn.doc();
    let lo = doc.tokens.partition_point(|t| t.span.end() <= rs);
    let hi = doc.tokens.partition_point(|t| t.span.start() < re);
    if lo >= hi {
        return false;
    }
    let toks = (lo..hi).map(|i| TokenId(i as u32));
    if !toks
        .clone()
        .any(|t| matches!(syn.pos(t), Upos::Noun | Upos::Propn | Upos::Pron))
    {
        return true;
    }
    let Some(cue) = token_at(doc, cue_start) else {
        return false;
    };
    let verb = syn.predicate(cue);
    // The head of the rules' phrase: its token whose head lies outside the phrase.
    let head = toks.clone().find(|&t| {
        syn.is_parsed(t)
            && syn
                .head(t)
                .is_none_or(|h| h.index() < lo || h.index() >= hi)
    });
    let Some(head) = head else {
        return false;
    };
    // The addressee ("told Reuters"), or an adverbial before the cue ("In an interview,
    // Broaddrick recounted"). A phrase after the cue parsed as its object is more often
    // an inverted subject the parser missed ("…,” wrote The Post) and stays.
    let addressee = syn.addressee(verb) == Some(head);
    let adverbial = syn.head(head) == Some(verb)
        && re <= cue_start
        && matches!(syn.rel(head).universal(), "obl" | "advmod" | "nmod");
    // "X's lawyer, Y, said": the rules took the possessor of the parse's subject.
    let possessor = syn.rel(head) == Deprel::NmodPoss
        && syn.head(head).is_some_and(|h| {
            let hs = doc.tokens[h.index()].span;
            (hs.start() >= p.start && hs.end() <= p.end)
                || (syn.rel(h).is_subject() && syn.head(h) == Some(verb))
        });
    // "X's lawyer, Y, told": the parse's candidate renames the rules' role noun.
    let renames = syn.appositions(head).iter().any(|&a| {
        let sp = doc.tokens[a.index()].span;
        sp.start() >= p.start && sp.end() <= p.end
    });
    addressee || adverbial || possessor || renames
}
