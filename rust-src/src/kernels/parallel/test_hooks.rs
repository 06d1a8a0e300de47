//! Test hooks in the hand-off: a panic injected on the helper, and a switch that makes the
//! helper take part in every round whatever the scheduler does.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use super::handoff::Shared;

/// Makes the next `n` block sums on the helper thread panic.
pub(super) static PANICS_ON_HELPER: AtomicUsize = AtomicUsize::new(0);

/// When set, the caller of each round waits until the helper has claimed a block before it
/// sums any itself, so that the helper takes part in every round whatever the scheduler does
/// (under valgrind, which runs one thread at a time, it otherwise may never get a block).
static HELPER_FIRST: AtomicBool = AtomicBool::new(false);

/// Makes the helper take a block of every round while it is alive; only for tests that hold
/// `tests::SERIAL`.
pub(super) struct HelperFirst;

impl HelperFirst {
    pub(super) fn arm() -> HelperFirst {
        HELPER_FIRST.store(true, Ordering::Relaxed);
        HelperFirst
    }
}

impl Drop for HelperFirst {
    fn drop(&mut self) {
        HELPER_FIRST.store(false, Ordering::Relaxed);
    }
}

/// The test hook in `Round::post`: with [`HELPER_FIRST`] set, waits until the helper has
/// claimed a block of the posted round (only the helper claims while the caller waits).
pub(super) fn wait_for_the_helper_if_asked(shared: &Shared) {
    if !HELPER_FIRST.load(Ordering::Relaxed) {
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    while shared.next.load(Ordering::Relaxed) == 0 {
        assert!(Instant::now() < deadline, "the helper never took a block");
        thread::yield_now();
    }
}

/// The test hook in `Work::run`: panics on the helper thread while [`PANICS_ON_HELPER`] is
/// above zero.
pub(super) fn maybe_panic() {
    let on_helper = thread::current().name() == Some("ffi_bridge-sum");
    if on_helper
        && PANICS_ON_HELPER
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
            .is_ok()
    {
        panic!("injected panic on the sum helper");
    }
}
