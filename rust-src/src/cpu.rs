//! The CPU layer: which vector extensions this CPU has, and the cleanup of the upper vector
//! state on entry to every export.
//!
//! Detection is std's `is_x86_feature_detected!`, which checks the CPU (and the OS's support
//! for the wider registers) once and caches the answer. On other architectures there is nothing
//! to detect, and the portable kernels run.

/// Whether the CPU supports AVX (and the OS saves the `ymm` registers).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn has_avx() -> bool {
    std::arch::is_x86_feature_detected!("avx")
}

/// Whether the CPU supports AVX-512F (and the OS saves the `zmm` registers).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn has_avx512f() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
}

/// Clears upper vector state that the caller left dirty, on entry to every export.
///
/// The x86-64 convention is that callers clear it before calling code that may use legacy SSE
/// instructions, but HotSpot's critical FFM downcalls skip this after its AVX-512 code (for
/// example, the zeroing of a new array): on AVX-512 CPUs the library's SSE code then ran ~100 ns
/// slower per call. `vzeroupper` costs about a cycle.
#[inline(always)]
pub(crate) fn clean_upper_state() {
    #[cfg(target_arch = "x86_64")]
    if has_avx() {
        // SAFETY: the CPU supports AVX, as just checked.
        unsafe { zero_upper() }
    }
}

/// Executes `vzeroupper`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
fn zero_upper() {
    // `vzeroupper` only clears the upper halves of the vector registers, which hold no live
    // values at an export's entry; it is safe to call where AVX is enabled.
    std::arch::x86_64::_mm256_zeroupper()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn detection_is_stable() {
        let (avx, avx512f) = (has_avx(), has_avx512f());
        assert_eq!(has_avx(), avx);
        assert_eq!(has_avx512f(), avx512f);
        // Every AVX-512F CPU has AVX.
        assert!(!avx512f || avx);
        clean_upper_state();
    }

    #[cfg(not(target_arch = "x86_64"))]
    #[test]
    fn the_upper_state_cleanup_is_a_no_op() {
        clean_upper_state();
    }
}
