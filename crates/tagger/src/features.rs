//! Per-token analysis and the feature templates of the POS and NER models.
//!
//! Each token is analysed once per sentence into a [`TokenInfo`] of precomputed 64-bit hashes
//! (form, lowercase, shape, affixes) and flags. A feature is then `finish(mix(template, parts))`:
//! no string is built per feature, which is what keeps tagging above 300k tokens/s.

use crate::gazetteer::gaz;
use crate::hash::{finish, hash_bytes, hash_str, mix};

/// Flag bits of a token.
pub mod flag {
    pub const TITLE_CASE: u32 = 1;
    pub const ALL_CAPS: u32 = 1 << 1;
    pub const HAS_DIGIT: u32 = 1 << 2;
    pub const HAS_HYPHEN: u32 = 1 << 3;
    pub const HAS_ALPHA: u32 = 1 << 4;
    pub const TITLE_WORD: u32 = 1 << 5;
    pub const QUOTE_MARK: u32 = 1 << 6;
    pub const HAS_PERIOD: u32 = 1 << 7;
    pub const PAD: u32 = 1 << 8;
    /// The first character is an upper-case letter ("McDonald", "iPhone" has not).
    pub const INITIAL_UPPER: u32 = 1 << 9;
    /// Some letter is upper-case ("al-Qaida", "eBay").
    pub const HAS_UPPER: u32 = 1 << 10;
}

/// The precomputed hashes and flags of one token (or of a padding position).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    /// The lowercase form with letters and digits only ("u.s." -> "us", "al-qaida" ->
    /// "alqaida"), hashed like `lower` (equal to it for a word of letters and digits): how
    /// the actor dictionaries write names.
    pub norm: u64,
    /// Shape with runs capped at 3: "Xxxx", "dd.d", "X.X.".
    pub shape: u64,
    /// Shape with every run collapsed: "Xx", "d.d".
    pub short_shape: u64,
    pub pre1: u64,
    pub pre3: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub flags: u32,
    /// Length in chars, capped at 15.
    pub len: u32,
}

const SEED_WORD: u64 = 0x01;
pub(crate) const SEED_LOWER: u64 = 0x02;
const SEED_SHAPE: u64 = 0x03;
const SEED_SHORT: u64 = 0x04;
const SEED_PRE: u64 = 0x05;
const SEED_SUF: u64 = 0x06;

/// Padding before the sentence (positions -1, -2).
pub const START: TokenInfo = pad(0x5741_5254);
/// Padding after the sentence (positions n, n+1).
pub const END: TokenInfo = pad(0x454e_4421);

const fn pad(v: u64) -> TokenInfo {
    TokenInfo {
        word: v,
        lower: v,
        norm: v,
        shape: v,
        short_shape: v,
        pre1: v,
        pre3: v,
        suf2: v,
        suf3: v,
        suf4: v,
        flags: flag::PAD,
        len: 0,
    }
}

/// Titles and honorifics that announce a person's name (lowercase).
pub fn is_title_word(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "minister"
            | "mr."
            | "mrs."
            | "ms."
            | "mr"
            | "mrs"
            | "ms"
            | "dr."
            | "dr"
            | "gen."
            | "general"
            | "sen."
            | "senator"
            | "rep."
            | "representative"
            | "gov."
            | "governor"
            | "secretary"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "ambassador"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "director"
            | "judge"
            | "justice"
            | "pope"
            | "sheikh"
            | "shaikh"
            | "colonel"
            | "col."
            | "lt."
            | "capt."
            | "captain"
            | "sgt."
            | "sir"
            | "lord"
            | "lady"
            | "prof."
            | "professor"
            | "mayor"
            | "deputy"
            | "premier"
            | "commander"
            | "envoy"
            | "emperor"
            | "mullah"
            | "ayatollah"
            | "rev."
            | "reverend"
            | "cardinal"
            | "bishop"
            | "chief"
            | "officer"
            | "advisor"
            | "adviser"
            | "leader"
            | "coach"
            | "sultan"
            | "emir"
            | "imam"
            | "cleric"
            | "dictator"
            | "marshal"
            | "admiral"
            | "lieutenant"
            | "sergeant"
            | "major"
            | "attorney"
            | "uncle"
            | "aunt"
            | "brother"
            | "sister"
            // Words inside multi-word titles ("Deputy Foreign Minister", "Vice President").
            | "foreign"
            | "defense"
            | "defence"
            | "interior"
            | "finance"
            | "vice"
            | "prime"
            | "assistant"
            | "undersecretary"
            | "under-secretary"
            | "secretary-general"
            | "chief-of-staff"
            | "commander-in-chief"
            | "former"
            | "acting"
            | "lawmaker"
            | "congressman"
            | "congresswoman"
            | "mp"
    )
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "''" | "``" | "«" | "»" | "„")
}

/// Analyses one token. `lower` is a scratch buffer; it holds the lowercase form afterwards.
pub fn analyze(word: &str, lower: &mut String) -> TokenInfo {
    lower.clear();
    let mut flags = 0u32;
    let mut n_upper = 0usize;
    let mut n_alpha = 0usize;
    let mut n = 0usize;
    let mut first_upper = false;
    let mut rest_upper = false;
    let mut shape = mix(SEED_SHAPE, 0);
    let mut short = mix(SEED_SHORT, 0);
    let mut last_class = '\0';
    let mut run = 0usize;
    for (i, c) in word.chars().enumerate() {
        n += 1;
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
        if c.is_alphabetic() {
            n_alpha += 1;
            if c.is_uppercase() {
                n_upper += 1;
                if i == 0 {
                    first_upper = true;
                } else {
                    rest_upper = true;
                }
            }
        } else if c.is_numeric() {
            flags |= flag::HAS_DIGIT;
        } else if c == '-' {
            flags |= flag::HAS_HYPHEN;
        } else if c == '.' {
            flags |= flag::HAS_PERIOD;
        }
        let class = shape_class(c);
        if class == last_class {
            run += 1;
        } else {
            run = 1;
            short = mix(short, class as u64);
            last_class = class;
        }
        if run <= 3 {
            shape = mix(shape, class as u64);
        }
    }
    if n_alpha > 0 {
        flags |= flag::HAS_ALPHA;
    }
    if first_upper && !rest_upper {
        flags |= flag::TITLE_CASE;
    }
    if first_upper {
        flags |= flag::INITIAL_UPPER;
    }
    if n_upper > 0 {
        flags |= flag::HAS_UPPER;
    }
    if n_alpha > 0 && n_upper == n_alpha {
        flags |= flag::ALL_CAPS;
    }
    if is_title_word(lower) {
        flags |= flag::TITLE_WORD;
    }
    if is_quote(word) {
        flags |= flag::QUOTE_MARK;
    }
    let lower_hash = hash_str(SEED_LOWER, lower);
    let norm = norm_hash(lower, lower_hash);
    let lb = lower.as_bytes();
    // Byte offsets of the last 2, 3, 4 characters and of the end of the first 1 and 3.
    let suffix_at = |k: usize| -> usize {
        lower
            .char_indices()
            .rev()
            .nth(k.saturating_sub(1))
            .map_or(0, |(i, _)| i)
    };
    let prefix_end =
        |k: usize| -> usize { lower.char_indices().nth(k).map_or(lb.len(), |(i, _)| i) };
    TokenInfo {
        word: hash_str(SEED_WORD, word),
        lower: lower_hash,
        norm,
        shape,
        short_shape: short,
        pre1: hash_bytes(SEED_PRE, &lb[..prefix_end(1)]),
        pre3: hash_bytes(SEED_PRE, &lb[..prefix_end(3)]),
        suf2: hash_bytes(SEED_SUF, &lb[suffix_at(2)..]),
        suf3: hash_bytes(SEED_SUF, &lb[suffix_at(3)..]),
        suf4: hash_bytes(SEED_SUF, &lb[suffix_at(4)..]),
        flags,
        len: n.min(15) as u32,
    }
}

/// Hash of `lower` with everything but letters and digits dropped (see `TokenInfo::norm`),
/// computed in the spare capacity of `lower` itself, which is left as it was; `lower_hash` is
/// the hash of `lower`, the answer for a word of ASCII letters and digits.
fn norm_hash(lower: &mut String, lower_hash: u64) -> u64 {
    if lower.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return lower_hash;
    }
    let len = lower.len();
    let mut i = 0;
    while let Some(c) = lower[i..len].chars().next() {
        i += c.len_utf8();
        if c.is_alphanumeric() {
            lower.push(c);
        }
    }
    let h = hash_str(SEED_LOWER, &lower[len..]);
    lower.truncate(len);
    h
}

/// Number of padding positions on each side of a sentence in a context slice.
pub const PAD: usize = 2;

/// Fills `ctx` with START, START, the analysed tokens, END, END.
pub fn analyze_sentence<S: AsRef<str>>(words: &[S], ctx: &mut Vec<TokenInfo>, lower: &mut String) {
    ctx.clear();
    ctx.push(START);
    ctx.push(START);
    for w in words {
        ctx.push(analyze(w.as_ref(), lower));
    }
    ctx.push(END);
    ctx.push(END);
}

#[inline(always)]
fn f1(t: u64, a: u64) -> u32 {
    finish(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), 0))
}

#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u32 {
    finish(mix(
        mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b),
        1,
    ))
}

#[inline(always)]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u32 {
    finish(mix(
        mix(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b), c),
        2,
    ))
}

/// Tag value used for "no previous tag" (sentence start).
pub const NO_TAG: u8 = 255;

/// POS features of token `i` (0-based in the sentence) given the two previous predicted tags.
/// `ctx` is padded as by [`analyze_sentence`].
pub fn pos_features(ctx: &[TokenInfo], i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
    out.clear();
    let j = i + PAD;
    let (m2, m1, w, n1, n2) = (&ctx[j - 2], &ctx[j - 1], &ctx[j], &ctx[j + 1], &ctx[j + 2]);
    let (p1, p2) = (p1 as u64, p2 as u64);
    out.extend_from_slice(&[
        f1(1, 0),
        f1(2, w.word),
        f1(3, w.lower),
        f1(4, w.suf2),
        f1(5, w.suf3),
        f1(6, w.suf4),
        f1(7, w.pre1),
        f1(8, w.shape),
        f1(9, p1),
        f1(10, p2),
        f2(11, p1, p2),
        f2(12, p1, w.lower),
        f1(13, m1.lower),
        f1(14, m1.suf3),
        f1(15, m2.lower),
        f1(16, n1.lower),
        f1(17, n1.suf3),
        f1(18, n2.lower),
        f2(19, (w.flags & 0xff) as u64, (i == 0) as u64),
        f2(20, m1.lower, w.lower),
        f2(21, w.lower, n1.lower),
        f1(22, n1.short_shape),
        f2(23, p1, w.suf3),
    ]);
}

/// The POS features of token `i` that do not depend on the previous tags: [`pos_features`]
/// without [`pos_tag_features`] (written to `out`). They are the union of
/// [`pos_word_features`] of the token, [`pos_neighbour_features`] of the tokens around it and
/// [`pos_context_features`]; the first two depend on one word each and are cached per word.
pub fn pos_token_features(ctx: &[TokenInfo], i: usize, p1: u8, out: &mut Vec<u32>) {
    out.clear();
    let j = i + PAD;
    out.extend_from_slice(&pos_word_features(&ctx[j]));
    for role in Neighbour::ALL {
        let k = j.wrapping_add_signed(role.offset());
        out.extend_from_slice(pos_neighbour_features(&ctx[k], role).as_slice());
    }
    pos_context_features(ctx, i, p1, out);
}

/// POS features of a token that depend on the token alone.
#[inline]
pub fn pos_word_features(w: &TokenInfo) -> [u32; 7] {
    [
        f1(2, w.word),
        f1(3, w.lower),
        f1(4, w.suf2),
        f1(5, w.suf3),
        f1(6, w.suf4),
        f1(7, w.pre1),
        f1(8, w.shape),
    ]
}

/// POS features that a neighbour `t` of the token contributes, by its position.
#[inline]
pub fn pos_neighbour_features(t: &TokenInfo, role: Neighbour) -> Few {
    let (feats, len) = match role {
        Neighbour::Prev => ([f1(13, t.lower), f1(14, t.suf3), 0], 2),
        Neighbour::Prev2 => ([f1(15, t.lower), 0, 0], 1),
        Neighbour::Next => ([f1(16, t.lower), f1(17, t.suf3), f1(22, t.short_shape)], 3),
        Neighbour::Next2 => ([f1(18, t.lower), 0, 0], 1),
    };
    Few { feats, len }
}

/// POS features of token `i` that combine tokens, the previous tag or the position
/// (appended to `out`).
pub fn pos_context_features(ctx: &[TokenInfo], i: usize, p1: u8, out: &mut Vec<u32>) {
    let j = i + PAD;
    let (m1, w, n1) = (&ctx[j - 1], &ctx[j], &ctx[j + 1]);
    let p1 = p1 as u64;
    out.extend_from_slice(&[
        f2(12, p1, w.lower),
        f2(19, (w.flags & 0xff) as u64, (i == 0) as u64),
        f2(20, m1.lower, w.lower),
        f2(21, w.lower, n1.lower),
        f2(23, p1, w.suf3),
    ]);
}

/// The POS features that depend on the previous two tags only: their scores can be
/// tabulated once per model.
pub fn pos_tag_features(p1: u8, p2: u8) -> [u32; 4] {
    let (p1, p2) = (p1 as u64, p2 as u64);
    [f1(1, 0), f1(9, p1), f1(10, p2), f2(11, p1, p2)]
}

/// Per-token NER context that the tagger computes before NER: the predicted UPOS (as u8)
/// and whether the token is inside quotation marks.
#[derive(Debug, Clone, Copy, Default)]
pub struct NerAux {
    pub pos: u8,
    pub in_quote: bool,
    /// Gazetteer state bits (see `gazetteer::gaz`).
    pub gaz: u8,
    /// The capitalised run the token is in (see [`capitalised_runs`]): its first and last
    /// token; both are the token itself outside runs of two or more.
    pub run_first: u32,
    pub run_last: u32,
}

/// Lower-case words that may join capitalised words into one name ("Bank of America",
/// "Procter & Gamble", "Department of Housing and Urban Development").
fn is_name_connector(t: &TokenInfo) -> bool {
    const OF: u64 = crate::hash::hash_str_const(SEED_LOWER, "of");
    const AND: u64 = crate::hash::hash_str_const(SEED_LOWER, "and");
    const AMP: u64 = crate::hash::hash_str_const(SEED_LOWER, "&");
    const FOR: u64 = crate::hash::hash_str_const(SEED_LOWER, "for");
    const THE: u64 = crate::hash::hash_str_const(SEED_LOWER, "the");
    matches!(t.lower, OF | AND | AMP | FOR | THE)
}

fn is_capitalised(t: &TokenInfo) -> bool {
    t.flags & flag::INITIAL_UPPER != 0 && t.flags & flag::PAD == 0
}

/// Marks runs of capitalised tokens, joined by [`is_name_connector`] words between two
/// capitalised ones, in `aux` (whose other fields are set): the span a multi-word name can
/// take, so every word of it sees the run's first and last word ("Post" in "Washington Post",
/// "Development" in "Department of Housing and Urban Development").
fn capitalised_runs(ctx: &[TokenInfo], aux: &mut [NerAux]) {
    let n = aux.len();
    let mut i = 0;
    while i < n {
        if !is_capitalised(&ctx[i + PAD]) {
            i += 1;
            continue;
        }
        let mut end = i;
        loop {
            let next = end + 1;
            if next < n && is_capitalised(&ctx[next + PAD]) {
                end = next;
            } else if next + 1 < n
                && is_name_connector(&ctx[next + PAD])
                && is_capitalised(&ctx[next + 1 + PAD])
            {
                end = next + 1;
            } else {
                break;
            }
        }
        if end > i {
            for a in &mut aux[i..=end] {
                a.run_first = i as u32;
                a.run_last = end as u32;
            }
        }
        i = end + 1;
    }
}

/// Computes, for each token, its POS, gazetteer state, and whether it lies inside a pair of
/// quote marks.
pub fn ner_aux(ctx: &[TokenInfo], n: usize, pos: &[u8], gaz: &[u8], aux: &mut Vec<NerAux>) {
    aux.clear();
    let mut open = false;
    for i in 0..n {
        let quote = ctx[i + PAD].flags & flag::QUOTE_MARK != 0;
        if quote {
            open = !open;
        }
        aux.push(NerAux {
            pos: pos[i],
            in_quote: open && !quote,
            gaz: gaz.get(i).copied().unwrap_or(0),
            run_first: i as u32,
            run_last: i as u32,
        });
    }
    capitalised_runs(ctx, aux);
}

/// The place and name bits of the gazetteer state at `k` (200 before, 201 after the sentence).
fn gaz_at(aux: &[NerAux], k: isize) -> u64 {
    if k < 0 {
        200
    } else {
        aux.get(k as usize)
            .map_or(201, |a| gaz::place_name(a.gaz) as u64)
    }
}

/// The actor state at `k` (see `gazetteer::gaz`; 200 before, 201 after the sentence).
fn actor_at(aux: &[NerAux], k: isize) -> u64 {
    if k < 0 {
        200
    } else {
        aux.get(k as usize)
            .map_or(201, |a| gaz::actor(a.gaz) as u64)
    }
}

fn pos_at(aux: &[NerAux], k: isize) -> u64 {
    if k < 0 {
        200
    } else {
        aux.get(k as usize).map_or(201, |a| a.pos as u64)
    }
}

/// NER features of token `i` given the two previous predicted NER labels.
pub fn ner_features(
    ctx: &[TokenInfo],
    aux: &[NerAux],
    i: usize,
    l1: u8,
    l2: u8,
    out: &mut Vec<u32>,
) {
    out.clear();
    ner_static_features(ctx, aux, i, out);
    ner_label_features(ctx, aux, i, l1, l2, out);
}

/// The NER features of token `i` that do not depend on previous labels (appended to `out`),
/// computed once per token when several label histories are scored (beam search). They are
/// the union of [`ner_word_features`] of the token, [`ner_neighbour_features`] of the two tokens
/// on each side, and [`ner_context_features`]: the first two depend on one word each, so their
/// scores can be cached per word type (`cache::WordCache`).
pub fn ner_static_features(ctx: &[TokenInfo], aux: &[NerAux], i: usize, out: &mut Vec<u32>) {
    let j = i + PAD;
    out.extend_from_slice(&ner_word_features(&ctx[j]));
    for role in Neighbour::ALL {
        let k = j.wrapping_add_signed(role.offset());
        out.extend_from_slice(ner_neighbour_features(&ctx[k], role).as_slice());
    }
    ner_context_features(ctx, aux, i, out);
}

/// Where a neighbour stands relative to the token whose NER features it feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Neighbour {
    Prev,
    Prev2,
    Next,
    Next2,
}

impl Neighbour {
    pub const ALL: [Neighbour; 4] = [
        Neighbour::Prev,
        Neighbour::Prev2,
        Neighbour::Next,
        Neighbour::Next2,
    ];

    /// Position of the neighbour relative to the token.
    pub const fn offset(self) -> isize {
        match self {
            Neighbour::Prev => -1,
            Neighbour::Prev2 => -2,
            Neighbour::Next => 1,
            Neighbour::Next2 => 2,
        }
    }
}

/// The static NER features of a token that depend on the token alone (and the bias).
#[inline]
pub fn ner_word_features(w: &TokenInfo) -> [u32; 10] {
    [
        f1(101, 0),
        f1(102, w.word),
        f1(103, w.lower),
        f1(104, w.shape),
        f1(105, w.short_shape),
        f1(106, w.pre3),
        f1(107, w.suf3),
        f1(108, w.suf4),
        f1(109, w.suf2),
        f2(136, (w.flags & 0xff) as u64, w.len as u64),
    ]
}

/// Up to three features.
#[derive(Debug, Clone, Copy)]
pub struct Few {
    feats: [u32; 3],
    len: usize,
}

impl Few {
    pub fn as_slice(&self) -> &[u32] {
        &self.feats[..self.len]
    }
}

/// The static NER features that a neighbour `t` of the token contributes, by its position.
#[inline]
pub fn ner_neighbour_features(t: &TokenInfo, role: Neighbour) -> Few {
    let (feats, len) = match role {
        Neighbour::Prev => (
            [f1(110, t.lower), f1(114, t.short_shape), f1(138, t.suf3)],
            3,
        ),
        Neighbour::Prev2 => ([f1(111, t.lower), f1(116, t.short_shape), 0], 2),
        Neighbour::Next => (
            [f1(112, t.lower), f1(115, t.short_shape), f1(139, t.suf3)],
            3,
        ),
        Neighbour::Next2 => ([f1(113, t.lower), f1(117, t.short_shape), 0], 2),
    };
    Few { feats, len }
}

/// The static NER features of token `i` that combine several tokens, POS tags, gazetteer
/// states or the position (appended to `out`): [`ner_context_hashed`] plus the features of
/// small discrete values that the tagger tabulates ([`ContextValues`]).
pub fn ner_context_features(ctx: &[TokenInfo], aux: &[NerAux], i: usize, out: &mut Vec<u32>) {
    ner_context_hashed(ctx, aux, i, out);
    let v = ContextValues::of(ctx, aux, i);
    out.extend_from_slice(&ner_pos_left(v.pm1, v.p0));
    out.extend_from_slice(&ner_pos_right(v.p0, v.pn1));
    out.extend_from_slice(&ner_gaz_window(v.gm1, v.g0, v.gn1));
    out.extend_from_slice(&ner_gaz_case(v.g0, v.caps_w));
    out.extend_from_slice(&ner_gaz_pos(v.g0, v.p0));
    out.extend_from_slice(&ner_actor_window(v.am1, v.a0, v.an1));
    out.extend_from_slice(&ner_actor_case(v.a0, v.caps_w));
    out.extend_from_slice(&ner_actor_pos(v.a0, v.p0));
    out.extend_from_slice(&ner_case_titles(
        v.title_m1, v.title_m2, v.caps_w, v.title_w, v.in_quote,
    ));
    out.extend_from_slice(&ner_case_window(v.caps_m1, v.caps_w, v.caps_n1));
    out.extend_from_slice(&ner_first_word(i == 0, ctx[i + PAD].short_shape));
}

/// The context features that combine word hashes (appended to `out`).
pub fn ner_context_hashed(ctx: &[TokenInfo], aux: &[NerAux], i: usize, out: &mut Vec<u32>) {
    let j = i + PAD;
    let (m1, w, n1) = (&ctx[j - 1], &ctx[j], &ctx[j + 1]);
    let ii = i as isize;
    let (pm1, p0, pn1) = (pos_at(aux, ii - 1), pos_at(aux, ii), pos_at(aux, ii + 1));
    out.extend_from_slice(&[
        f2(121, p0, w.short_shape),
        f2(129, m1.lower, w.lower),
        f2(130, w.lower, n1.lower),
        f2(140, pm1, w.lower),
        f2(141, w.lower, pn1),
    ]);
    // Inside a capitalised run: its last and first word, where the token stands in it, and
    // whether the run ends in an organisation head word of the actor dictionaries ("Inc.").
    let a = &aux[i];
    let (first, last) = (a.run_first as usize, a.run_last as usize);
    if first < last {
        let place = if i == first {
            0
        } else if i == last {
            2
        } else {
            1
        };
        let head = aux[last].gaz & gaz::ORG_HEAD != 0;
        out.extend_from_slice(&[
            f2(155, place, ctx[last + PAD].lower),
            f2(156, place, ctx[first + PAD].lower),
            f3(157, place, (last - first).min(4) as u64, head as u64),
        ]);
    }
}

/// The small discrete values that the tabulated context features of token `i` depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextValues {
    /// POS classes of the previous, this and the next token (200 before, 201 after the sentence).
    pub pm1: u64,
    pub p0: u64,
    pub pn1: u64,
    /// Gazetteer place and name bits, likewise.
    pub gm1: u64,
    pub g0: u64,
    pub gn1: u64,
    /// Actor states, likewise.
    pub am1: u64,
    pub a0: u64,
    pub an1: u64,
    /// TITLE_CASE, ALL_CAPS and PAD flags.
    pub caps_m1: u64,
    pub caps_w: u64,
    pub caps_n1: u64,
    /// TITLE_WORD flags (0 or 1).
    pub title_m2: u64,
    pub title_m1: u64,
    pub title_w: u64,
    pub in_quote: u64,
}

/// The case flags that NER features read.
pub const CASE_FLAGS: u32 = flag::TITLE_CASE | flag::ALL_CAPS | flag::PAD;

impl ContextValues {
    #[inline]
    pub fn of(ctx: &[TokenInfo], aux: &[NerAux], i: usize) -> ContextValues {
        let j = i + PAD;
        let (m2, m1, w, n1) = (&ctx[j - 2], &ctx[j - 1], &ctx[j], &ctx[j + 1]);
        let ii = i as isize;
        let caps = |t: &TokenInfo| (t.flags & CASE_FLAGS) as u64;
        let title = |t: &TokenInfo| (t.flags & flag::TITLE_WORD != 0) as u64;
        ContextValues {
            pm1: pos_at(aux, ii - 1),
            p0: pos_at(aux, ii),
            pn1: pos_at(aux, ii + 1),
            gm1: gaz_at(aux, ii - 1),
            g0: gaz_at(aux, ii),
            gn1: gaz_at(aux, ii + 1),
            am1: actor_at(aux, ii - 1),
            a0: actor_at(aux, ii),
            an1: actor_at(aux, ii + 1),
            caps_m1: caps(m1),
            caps_w: caps(w),
            caps_n1: caps(n1),
            title_m2: title(m2),
            title_m1: title(m1),
            title_w: title(w),
            in_quote: aux[i].in_quote as u64,
        }
    }
}

#[inline]
pub fn ner_pos_left(pm1: u64, p0: u64) -> [u32; 3] {
    [f1(118, pm1), f1(119, p0), f2(122, pm1, p0)]
}

#[inline]
pub fn ner_pos_right(p0: u64, pn1: u64) -> [u32; 2] {
    [f1(120, pn1), f2(123, p0, pn1)]
}

#[inline]
pub fn ner_gaz_window(gm1: u64, g0: u64, gn1: u64) -> [u32; 4] {
    [
        f1(142, g0),
        f1(144, gm1),
        f1(145, gn1),
        f3(147, gm1, g0, gn1),
    ]
}

#[inline]
pub fn ner_gaz_case(g0: u64, caps_w: u64) -> [u32; 1] {
    [f2(143, g0, caps_w)]
}

#[inline]
pub fn ner_gaz_pos(g0: u64, p0: u64) -> [u32; 1] {
    [f2(148, g0, p0)]
}

/// Actor-name matches around the token: whether it begins or continues an organisation or a
/// person of the actor dictionaries, alone and with its neighbours' states.
#[inline]
pub fn ner_actor_window(am1: u64, a0: u64, an1: u64) -> [u32; 2] {
    [f1(150, a0), f3(151, am1, a0, an1)]
}

#[inline]
pub fn ner_actor_case(a0: u64, caps_w: u64) -> [u32; 1] {
    [f2(152, a0, caps_w)]
}

#[inline]
pub fn ner_actor_pos(a0: u64, p0: u64) -> [u32; 1] {
    [f2(153, a0, p0)]
}

#[inline]
pub fn ner_case_titles(
    title_m1: u64,
    title_m2: u64,
    caps_w: u64,
    title_w: u64,
    in_quote: u64,
) -> [u32; 3] {
    [
        f1(132, in_quote),
        f3(133, title_m1, caps_w, title_w),
        f3(134, title_m2, caps_w, title_w),
    ]
}

#[inline]
pub fn ner_case_window(caps_m1: u64, caps_w: u64, caps_n1: u64) -> [u32; 1] {
    [f3(135, caps_m1, caps_w, caps_n1)]
}

/// The feature of the sentence's first word (by its short shape).
#[inline]
pub fn ner_first_word(first: bool, short_shape: u64) -> [u32; 1] {
    [f2(131, first as u64, short_shape)]
}

/// The NER features of token `i` that depend on the previous two labels (appended to `out`).
pub fn ner_label_features(
    ctx: &[TokenInfo],
    aux: &[NerAux],
    i: usize,
    l1: u8,
    l2: u8,
    out: &mut Vec<u32>,
) {
    let j = i + PAD;
    let (m1, w) = (&ctx[j - 1], &ctx[j]);
    let (l1, l2) = (l1 as u64, l2 as u64);
    let (p0, g0) = (pos_at(aux, i as isize), gaz_at(aux, i as isize));
    let a0 = actor_at(aux, i as isize);
    let caps = |t: &TokenInfo| (t.flags & (flag::TITLE_CASE | flag::ALL_CAPS | flag::PAD)) as u64;
    let title = |t: &TokenInfo| (t.flags & flag::TITLE_WORD != 0) as u64;
    out.extend_from_slice(&[
        f1(124, l1),
        f2(125, l1, l2),
        f2(126, l1, w.lower),
        f2(127, l1, w.short_shape),
        f2(128, l1, p0),
        f2(137, l1, m1.lower),
        f2(146, g0, l1),
        f3(149, title(w), caps(w), l1),
        f2(154, a0, l1),
    ]);
}

/// The label features of token `i` that depend on the previous label `l1` and on the token
/// (a subset of [`ner_label_features`], appended to `out`): in beam search they are scored
/// once per distinct previous label instead of once per hypothesis. They are the union of
/// [`ner_label_word_features`] (the token's word), [`ner_label_prev_features`] (the previous
/// word) and [`ner_label_class_features`] (small discrete values), which the tagger tabulates.
pub fn ner_label_token_features(
    ctx: &[TokenInfo],
    aux: &[NerAux],
    i: usize,
    l1: u8,
    out: &mut Vec<u32>,
) {
    let j = i + PAD;
    let (m1, w) = (&ctx[j - 1], &ctx[j]);
    let (p0, g0) = (pos_at(aux, i as isize), gaz_at(aux, i as isize));
    let a0 = actor_at(aux, i as isize);
    out.extend_from_slice(&ner_label_word_features(w, l1));
    out.extend_from_slice(&ner_label_prev_features(m1, l1));
    out.extend_from_slice(&ner_label_class_features(l1, p0, g0, a0, case_class(w)));
}

/// Label features of a token that depend on its own word and the previous label.
#[inline]
pub fn ner_label_word_features(w: &TokenInfo, l1: u8) -> [u32; 2] {
    let l1 = l1 as u64;
    [f2(126, l1, w.lower), f2(127, l1, w.short_shape)]
}

/// Label features of a token that depend on the previous word and the previous label.
#[inline]
pub fn ner_label_prev_features(m1: &TokenInfo, l1: u8) -> [u32; 1] {
    [f2(137, l1 as u64, m1.lower)]
}

/// The case of a token as [`ner_label_class_features`] sees it: its TITLE_WORD flag, and its
/// TITLE_CASE, ALL_CAPS and PAD flags.
#[inline]
pub fn case_class(w: &TokenInfo) -> (u64, u64) {
    let caps = (w.flags & (flag::TITLE_CASE | flag::ALL_CAPS | flag::PAD)) as u64;
    ((w.flags & flag::TITLE_WORD != 0) as u64, caps)
}

/// Label features of a token that depend on the previous label, the token's POS class `p0`,
/// gazetteer place and name bits `g0`, actor state `a0` and [`case_class`]: few enough values
/// to tabulate.
#[inline]
pub fn ner_label_class_features(l1: u8, p0: u64, g0: u64, a0: u64, case: (u64, u64)) -> [u32; 4] {
    let l1 = l1 as u64;
    [
        f2(128, l1, p0),
        f2(146, g0, l1),
        f3(149, case.0, case.1, l1),
        f2(154, a0, l1),
    ]
}

/// The label features that depend on the previous two labels only (the rest of
/// [`ner_label_features`]): their scores can be tabulated once per model.
pub fn ner_label_pair_features(l1: u8, l2: u8) -> [u32; 2] {
    let (l1, l2) = (l1 as u64, l2 as u64);
    [f1(124, l1), f2(125, l1, l2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_flags_and_shapes() {
        let mut buf = String::new();
        let a = analyze("Vienna", &mut buf);
        assert_eq!(buf, "vienna");
        assert!(a.flags & flag::TITLE_CASE != 0);
        assert!(a.flags & flag::ALL_CAPS == 0);
        let b = analyze("Berlin", &mut buf);
        assert_eq!(a.shape, b.shape, "same shape Xxxxx");
        assert_eq!(a.short_shape, b.short_shape);
        let nato = analyze("NATO", &mut buf);
        assert!(nato.flags & flag::ALL_CAPS != 0);
        assert_ne!(nato.shape, a.shape);
        let num = analyze("7.5", &mut buf);
        assert!(num.flags & flag::HAS_DIGIT != 0 && num.flags & flag::HAS_PERIOD != 0);
        assert_eq!(num.short_shape, analyze("12.75", &mut buf).short_shape);
        assert!(analyze("non-expansion", &mut buf).flags & flag::HAS_HYPHEN != 0);
        assert!(analyze("Minister", &mut buf).flags & flag::TITLE_WORD != 0);
        assert!(analyze("“", &mut buf).flags & flag::QUOTE_MARK != 0);
        // Suffix hashes depend on the lowercase suffix only.
        assert_eq!(
            analyze("PRAISED", &mut buf).suf3,
            analyze("raised", &mut buf).suf3
        );
        // Normalised forms keep letters and digits only; plain words keep their lower hash.
        assert_eq!(analyze("U.N.", &mut buf).norm, analyze("UN", &mut buf).norm);
        assert_eq!(buf, "un");
        assert_eq!(
            analyze("al-Qaida", &mut buf).norm,
            analyze("alqaida", &mut buf).norm
        );
        let z = analyze("Zürich-2", &mut buf);
        assert_eq!(buf, "zürich-2", "the buffer keeps the lowercase form");
        assert_eq!(z.norm, analyze("zürich2", &mut buf).norm);
        assert_eq!(a.norm, a.lower);
        assert!(analyze("al-Qaida", &mut buf).flags & flag::HAS_UPPER != 0);
        // Non-ASCII words are handled by chars.
        let e = analyze("Zürich", &mut buf);
        assert_eq!(buf, "zürich");
        assert_eq!(e.len, 6);
        assert_eq!(e.suf2, analyze("ich", &mut buf).suf2);
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let mut buf = String::new();
        let mut ctx = Vec::new();
        analyze_sentence(&["Ivan", "Petrov", "met", "officials"], &mut ctx, &mut buf);
        assert_eq!(ctx.len(), 4 + 2 * PAD);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        pos_features(&ctx, 1, 11, 11, &mut a);
        pos_features(&ctx, 1, 11, 11, &mut b);
        assert_eq!(a, b);
        pos_features(&ctx, 1, 7, 11, &mut b);
        assert_ne!(a, b, "previous tag changes features");
        let n_pos = a.len();
        let mut aux = Vec::new();
        ner_aux(&ctx, 4, &[11, 11, 15, 7], &[], &mut aux);
        ner_features(&ctx, &aux, 0, NO_TAG, NO_TAG, &mut a);
        assert!(a.len() > n_pos);
        // Features at the sentence end use padding, never index out of bounds.
        ner_features(&ctx, &aux, 3, 0, 0, &mut a);
        pos_features(&ctx, 3, 0, 0, &mut a);
        // All template ids give distinct hashes for the same part.
        let mut all: Vec<u32> = (1..200).map(|t| f1(t, 42)).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 199);
    }

    #[test]
    fn quote_state_marks_inner_tokens() {
        let mut buf = String::new();
        let mut ctx = Vec::new();
        let words = ["He", "said", "“", "Hello", "Paris", "”", "today"];
        analyze_sentence(&words, &mut ctx, &mut buf);
        let mut aux = Vec::new();
        ner_aux(&ctx, words.len(), &[0; 7], &[], &mut aux);
        let inside: Vec<bool> = aux.iter().map(|a| a.in_quote).collect();
        assert_eq!(inside, [false, false, false, true, true, false, false]);
    }

    #[test]
    fn label_features_split_into_token_and_pair_parts() {
        let mut buf = String::new();
        let mut ctx = Vec::new();
        let words = ["Deputy", "Minister", "Ivan", "Petrov", "said"];
        analyze_sentence(&words, &mut ctx, &mut buf);
        let mut aux = Vec::new();
        ner_aux(
            &ctx,
            words.len(),
            &[0, 7, 11, 11, 15],
            &[0, 0, 4, 8, 0],
            &mut aux,
        );
        for i in 0..words.len() {
            for (l1, l2) in [(NO_TAG, NO_TAG), (0, NO_TAG), (3, 5), (16, 0)] {
                let (mut whole, mut parts) = (Vec::new(), Vec::new());
                ner_label_features(&ctx, &aux, i, l1, l2, &mut whole);
                ner_label_token_features(&ctx, &aux, i, l1, &mut parts);
                parts.extend_from_slice(&ner_label_pair_features(l1, l2));
                whole.sort();
                parts.sort();
                assert_eq!(whole, parts, "token {i}, labels {l1} {l2}");
            }
        }
    }

    #[test]
    fn pos_features_split_into_token_and_tag_parts() {
        let mut buf = String::new();
        let mut ctx = Vec::new();
        let words = ["Officials", "in", "Vienna", "said"];
        analyze_sentence(&words, &mut ctx, &mut buf);
        for i in 0..words.len() {
            for (p1, p2) in [(NO_TAG, NO_TAG), (0, NO_TAG), (3, 5), (16, 0)] {
                let (mut whole, mut parts) = (Vec::new(), Vec::new());
                pos_features(&ctx, i, p1, p2, &mut whole);
                pos_token_features(&ctx, i, p1, &mut parts);
                parts.extend_from_slice(&pos_tag_features(p1, p2));
                whole.sort();
                parts.sort();
                assert_eq!(whole, parts, "token {i}, tags {p1} {p2}");
            }
        }
    }
}
