//! Fx-hashed maps (rustc's hash) for the lexicon's string keys: the keys are not
//! attacker-chosen in a way that matters here, and SipHash dominated lookup time.

pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FxSet<K> = rustc_hash::FxHashSet<K>;
