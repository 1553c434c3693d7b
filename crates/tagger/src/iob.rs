//! IOB2 labels over PER/ORG/LOC: parsing, valid transitions, decoding to entity spans, and
//! exact-span scoring (conlleval-style micro and per-type precision, recall, F1).

use sitrep_doc::NerTag;
use std::fmt;

/// The NER classes in model order (equal to `NerTag as usize`).
pub const NER_TAGS: [NerTag; 7] = [
    NerTag::O,
    NerTag::BPer,
    NerTag::IPer,
    NerTag::BOrg,
    NerTag::IOrg,
    NerTag::BLoc,
    NerTag::ILoc,
];

/// An entity type of the statistical NER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntType {
    Per,
    Org,
    Loc,
}

impl EntType {
    pub const ALL: [EntType; 3] = [EntType::Per, EntType::Org, EntType::Loc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntType::Per => "PER",
            EntType::Org => "ORG",
            EntType::Loc => "LOC",
        }
    }
}

pub fn tag_str(t: NerTag) -> &'static str {
    match t {
        NerTag::O => "O",
        NerTag::BPer => "B-PER",
        NerTag::IPer => "I-PER",
        NerTag::BOrg => "B-ORG",
        NerTag::IOrg => "I-ORG",
        NerTag::BLoc => "B-LOC",
        NerTag::ILoc => "I-LOC",
    }
}

/// Parses a UNER label. `OTH` (a class of the 2022 draft) and stray `B-O`/`I-O` become `O`;
/// anything else unknown is `None`.
pub fn parse_label(s: &str) -> Option<NerTag> {
    Some(match s {
        "B-PER" => NerTag::BPer,
        "I-PER" => NerTag::IPer,
        "B-ORG" => NerTag::BOrg,
        "I-ORG" => NerTag::IOrg,
        "B-LOC" => NerTag::BLoc,
        "I-LOC" => NerTag::ILoc,
        "O" | "B-O" | "I-O" | "B-OTH" | "I-OTH" | "_" => NerTag::O,
        _ => return None,
    })
}

pub fn ent_type(t: NerTag) -> Option<EntType> {
    match t {
        NerTag::O => None,
        NerTag::BPer | NerTag::IPer => Some(EntType::Per),
        NerTag::BOrg | NerTag::IOrg => Some(EntType::Org),
        NerTag::BLoc | NerTag::ILoc => Some(EntType::Loc),
    }
}

pub fn is_inside(t: NerTag) -> bool {
    matches!(t, NerTag::IPer | NerTag::IOrg | NerTag::ILoc)
}

pub fn begin_of(e: EntType) -> NerTag {
    match e {
        EntType::Per => NerTag::BPer,
        EntType::Org => NerTag::BOrg,
        EntType::Loc => NerTag::BLoc,
    }
}

pub fn inside_of(e: EntType) -> NerTag {
    match e {
        EntType::Per => NerTag::IPer,
        EntType::Org => NerTag::IOrg,
        EntType::Loc => NerTag::ILoc,
    }
}

/// IOB2: `I-X` may only follow `B-X` or `I-X`.
pub fn valid_transition(prev: Option<NerTag>, next: NerTag) -> bool {
    !is_inside(next) || prev.and_then(ent_type) == ent_type(next)
}

/// Turns invalid `I-X` (after `O` or another type) into `B-X`, as conlleval reads them.
pub fn repair(tags: &mut [NerTag]) {
    let mut prev = None;
    for t in tags.iter_mut() {
        if !valid_transition(prev, *t) {
            *t = begin_of(ent_type(*t).expect("inside tags have a type"));
        }
        prev = Some(*t);
    }
}

/// Entity spans `(type, start, end)` (token indices, end exclusive) of an IOB2 sequence;
/// an `I-X` that cannot continue starts a new entity (conlleval).
pub fn spans(tags: &[NerTag]) -> Vec<(EntType, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(EntType, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = ent_type(t);
        let continues = is_inside(t) && open.map(|(e, _)| Some(e)) == Some(ty);
        if !continues {
            if let Some((e, s)) = open.take() {
                out.push((e, s, i));
            }
            if let Some(e) = ty {
                open = Some((e, i));
            }
        }
    }
    if let Some((e, s)) = open {
        out.push((e, s, tags.len()));
    }
    out
}

/// Counts of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Exact-span NER scores: micro over all types and per type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    pub micro: Prf,
    pub per_type: [Prf; 3],
}

impl NerScores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[NerTag], pred: &[NerTag]) {
        let g = spans(gold);
        let p = spans(pred);
        for s in &p {
            let k = s.0 as usize;
            if g.contains(s) {
                self.micro.tp += 1;
                self.per_type[k].tp += 1;
            } else {
                self.micro.fp += 1;
                self.per_type[k].fp += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.micro.fn_ += 1;
                self.per_type[s.0 as usize].fn_ += 1;
            }
        }
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, name: &str, p: &Prf| {
            writeln!(
                f,
                "  {name:<5} P {:.4}  R {:.4}  F1 {:.4}  (gold {}, predicted {}, correct {})",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp + p.fn_,
                p.tp + p.fp,
                p.tp
            )
        };
        row(f, "all", &self.micro)?;
        for e in EntType::ALL {
            row(f, e.as_str(), &self.per_type[e as usize])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use NerTag::*;

    #[test]
    fn decodes_spans_conlleval_style() {
        type Span3 = (EntType, usize, usize);
        const CASES: &[(&[NerTag], &[Span3])] = &[
            (&[O, BPer, IPer, O], &[(EntType::Per, 1, 3)]),
            (&[BLoc, BLoc], &[(EntType::Loc, 0, 1), (EntType::Loc, 1, 2)]),
            (&[IOrg, IOrg, O], &[(EntType::Org, 0, 2)]),
            (&[BPer, IOrg], &[(EntType::Per, 0, 1), (EntType::Org, 1, 2)]),
            (&[O, O], &[]),
            (&[BOrg, IOrg, IOrg], &[(EntType::Org, 0, 3)]),
        ];
        for (tags, want) in CASES {
            assert_eq!(spans(tags), *want, "{tags:?}");
        }
    }

    #[test]
    fn labels_and_repair() {
        assert_eq!(parse_label("B-OTH"), Some(O));
        assert_eq!(parse_label("B-O"), Some(O));
        assert_eq!(parse_label("I-LOC"), Some(ILoc));
        assert_eq!(parse_label("B-MISC"), None);
        let mut t = [IPer, IPer, O, ILoc, BOrg, IPer];
        repair(&mut t);
        assert_eq!(t, [BPer, IPer, O, BLoc, BOrg, BPer]);
        assert!(valid_transition(Some(BPer), IPer));
        assert!(!valid_transition(Some(BPer), IOrg));
        assert!(!valid_transition(None, ILoc));
        assert!(valid_transition(None, BLoc));
    }

    #[test]
    fn scores_exact_spans() {
        let mut s = NerScores::default();
        s.add(&[BPer, IPer, O, BLoc], &[BPer, O, O, BLoc]);
        assert_eq!(
            s.micro,
            Prf {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(s.per_type[EntType::Loc as usize].tp, 1);
        assert!((s.micro.f1() - 0.5).abs() < 1e-9);
    }

    fn any_tag() -> impl Strategy<Value = NerTag> {
        prop::sample::select(NER_TAGS.to_vec())
    }

    proptest! {
        #[test]
        fn repaired_sequences_are_valid_and_keep_spans(mut tags in prop::collection::vec(any_tag(), 0..30)) {
            let before = spans(&tags);
            repair(&mut tags);
            let mut prev = None;
            for &t in &tags {
                prop_assert!(valid_transition(prev, t));
                prev = Some(t);
            }
            prop_assert_eq!(spans(&tags), before);
            for (_, s, e) in spans(&tags) {
                prop_assert!(s < e && e <= tags.len());
            }
        }
    }
}
