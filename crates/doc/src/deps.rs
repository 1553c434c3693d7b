//! The `deps` layer: a Universal Dependencies head and relation for every token.
//!
//! Heads are sentence-local, as in CoNLL-U: `head` is the 1-based position of the head
//! token in its sentence, 0 for the sentence root. `Document::deps` runs parallel to
//! `Document::tokens`; it is empty until a parser fills it (layer `DEPS`).

use crate::{Document, TokenId};
use serde::{Deserialize, Serialize};

macro_rules! deprels {
    ($($variant:ident => $name:literal,)*) => {
        /// A UD v2 dependency relation, subtypes included (the English ones and the
        /// older subtypes other treebanks and tools still write).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub enum Deprel {
            #[default]
            $($variant,)*
        }

        impl Deprel {
            pub const ALL: &'static [Deprel] = &[$(Deprel::$variant,)*];

            /// The relation as CoNLL-U writes it (`nsubj:pass`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Deprel::$variant => $name,)*
                }
            }

            /// Reads a CoNLL-U relation; `None` for one this enum does not know.
            pub fn parse(s: &str) -> Option<Deprel> {
                match s {
                    $($name => Some(Deprel::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

deprels! {
    Dep => "dep",
    Acl => "acl",
    AclRelcl => "acl:relcl",
    Advcl => "advcl",
    AdvclRelcl => "advcl:relcl",
    Advmod => "advmod",
    Amod => "amod",
    Appos => "appos",
    Aux => "aux",
    AuxPass => "aux:pass",
    Case => "case",
    Cc => "cc",
    CcPreconj => "cc:preconj",
    Ccomp => "ccomp",
    Clf => "clf",
    Compound => "compound",
    CompoundPrt => "compound:prt",
    Conj => "conj",
    Cop => "cop",
    Csubj => "csubj",
    CsubjOuter => "csubj:outer",
    CsubjPass => "csubj:pass",
    Det => "det",
    DetPredet => "det:predet",
    DetPoss => "det:poss",
    Discourse => "discourse",
    Dislocated => "dislocated",
    Expl => "expl",
    Fixed => "fixed",
    Flat => "flat",
    FlatForeign => "flat:foreign",
    Goeswith => "goeswith",
    Iobj => "iobj",
    List => "list",
    Mark => "mark",
    Nmod => "nmod",
    NmodDesc => "nmod:desc",
    NmodNpmod => "nmod:npmod",
    NmodPoss => "nmod:poss",
    NmodTmod => "nmod:tmod",
    NmodUnmarked => "nmod:unmarked",
    Nsubj => "nsubj",
    NsubjOuter => "nsubj:outer",
    NsubjPass => "nsubj:pass",
    Nummod => "nummod",
    Obj => "obj",
    Obl => "obl",
    OblAgent => "obl:agent",
    OblNpmod => "obl:npmod",
    OblTmod => "obl:tmod",
    OblUnmarked => "obl:unmarked",
    Orphan => "orphan",
    Parataxis => "parataxis",
    Punct => "punct",
    Reparandum => "reparandum",
    Root => "root",
    Vocative => "vocative",
    Xcomp => "xcomp",
}

impl Deprel {
    /// The universal relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn universal(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// A subject of a clause, active or passive, nominal or clausal.
    pub fn is_subject(self) -> bool {
        matches!(self.universal(), "nsubj" | "csubj")
    }

    /// A passive subject (`nsubj:pass`, `csubj:pass`).
    pub fn is_passive_subject(self) -> bool {
        matches!(self, Deprel::NsubjPass | Deprel::CsubjPass)
    }
}

impl std::fmt::Display for Deprel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Deprel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Deprel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Deprel::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown dependency relation {s:?}")))
    }
}

/// The head and relation of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dep {
    /// 1-based position of the head in the token's sentence; 0 for the root.
    pub head: u32,
    pub rel: Deprel,
}

impl Document {
    /// Whether the `deps` layer covers every token.
    pub fn has_deps(&self) -> bool {
        !self.tokens.is_empty() && self.deps.len() == self.tokens.len()
    }

    /// The dependency of a token, if the document is parsed.
    pub fn dep(&self, token: TokenId) -> Option<Dep> {
        self.deps.get(token.index()).copied()
    }

    /// The head token of a token (`None` for a root or an unparsed document).
    pub fn head(&self, token: TokenId) -> Option<TokenId> {
        let dep = self.dep(token)?;
        if dep.head == 0 {
            return None;
        }
        let sentence = self
            .sentences
            .get(self.tokens.get(token.index())?.sentence.index())?;
        let head = sentence.tokens.0 + dep.head - 1;
        (head < sentence.tokens.1).then_some(TokenId(head))
    }

    /// The dependents of a token, left to right.
    pub fn dependents(&self, token: TokenId) -> impl Iterator<Item = TokenId> + '_ {
        let range = self
            .tokens
            .get(token.index())
            .and_then(|t| self.sentences.get(t.sentence.index()))
            .filter(|_| self.has_deps())
            .map_or(0..0, |s| s.tokens.0..s.tokens.1);
        let local = range.start;
        range.map(TokenId).filter(move |&d| {
            self.deps[d.index()].head != 0 && local + self.deps[d.index()].head - 1 == token.0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_reads_back_and_names_its_universal_part() {
        for &rel in Deprel::ALL {
            assert_eq!(Deprel::parse(rel.as_str()), Some(rel));
            let json = serde_json::to_string(&rel).unwrap();
            assert_eq!(serde_json::from_str::<Deprel>(&json).unwrap(), rel);
        }
        assert_eq!(Deprel::NsubjPass.universal(), "nsubj");
        assert_eq!(Deprel::Obj.universal(), "obj");
        assert!(Deprel::CsubjPass.is_subject() && Deprel::CsubjPass.is_passive_subject());
        assert_eq!(Deprel::parse("nsubj:nonsense"), None);
        assert!(serde_json::from_str::<Deprel>("\"bogus\"").is_err());
    }
}
