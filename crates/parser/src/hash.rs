//! Feature hashing and the deterministic training PRNG: the tagger's, so both models hash
//! features the same way from one implementation.

pub use sitrep_tagger::hash::{finish, hash_bytes, mix, SplitMix};
