//! Cache-line prefetch hints for the tagger's scattered reads (weight rows, word-cache
//! entries). A hint never changes a result; on targets without one it does nothing.

/// Hints the CPU to load every cache line that `value` occupies.
#[inline]
pub fn prefetch<T: ?Sized>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let len = std::mem::size_of_val(value);
        if len == 0 {
            return;
        }
        let start = value as *const T as *const i8;
        // Lines from the one holding the first byte to the one holding the last: a value
        // need not start on a line boundary.
        let first_line = start as usize & !63;
        let last_line = (start as usize + len - 1) & !63;
        for line in (first_line..=last_line).step_by(64) {
            // `wrapping_add` keeps this safe Rust (the pointer stays derived from `value`).
            let at = start.wrapping_add(line.wrapping_sub(start as usize));
            // SAFETY: SSE is part of the x86_64 baseline, and PREFETCH never faults or changes
            // memory, whatever the address.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(at) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
