//! Cache-line prefetch hints for the tagger's scattered reads (weight rows, word-cache
//! entries). A hint never changes a result; on targets without one it does nothing.

/// Hints the CPU to load every cache line that `value` occupies.
#[inline]
pub fn prefetch<T: ?Sized>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let len = std::mem::size_of_val(value);
        let start = value as *const T as *const i8;
        // A byte every 64, then the last byte: together they touch every line, wherever the
        // value starts (a small row costs two hints, often of the same line).
        // SAFETY (all hints): SSE is part of the x86_64 baseline, and PREFETCH never faults or
        // changes memory; `wrapping_add` keeps the pointers derived from `value`.
        let mut at = 0;
        while at < len {
            unsafe { _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(at)) };
            at += 64;
        }
        if len > 0 {
            unsafe { _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(len - 1)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
