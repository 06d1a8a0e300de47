//! The second thread of large sums. It is on when the process may run on two CPUs or more;
//! `FFI_BRIDGE_THREADS=1` in the environment turns it off, and `FFI_BRIDGE_THREADS=2` turns
//! it on whatever the CPU count.
//!
//! One core reads the last-level cache at about 29 GB/s on the machines we measured, and the
//! single-threaded sum already runs at that rate from a million doubles on; two cores read
//! about twice as fast. So from [`MIN_LEN`] values on, the blocks of the sum order
//! (`docs/abi.md`) are shared between the calling thread and one helper thread. The result is
//! bit-identical to the single-threaded sum: each block's lanes are computed by one thread, and
//! the caller adds them to the totals in block order.
//!
//! After a round the helper keeps polling for [`SPIN`] before it parks. A parked helper made
//! a loop that writes the buffer and then sums it 1.4 times slower on the machines we
//! measured: the writes had to take back, from a core that was asleep, every line the helper
//! had read. A helper that is still polling gives them back at once, and the same loop is then
//! faster than on one thread (`docs/benchmarks.md`).
//!
//! Robustness comes first:
//! * The caller takes blocks from the front and the helper from the back, each claim counted
//!   on one counter, so a helper that is slow to wake (or missing, as in a child process after
//!   `fork`) only means the caller sums more blocks itself. The caller then waits for at most
//!   the one block the helper is summing.
//! * At most one call uses the helper at a time. A concurrent call sums alone and never waits.
//! * The caller neither returns nor unwinds while the helper may read its buffer (see
//!   [`Round`]'s drop).
//! * A panic on the helper is caught there, and the caller sums that round again itself.
//! * If the thread cannot be spawned, or it is turned off, every sum stays on its calling
//!   thread.
//! * The helper polls with `sched_yield`, so a thread that wants its CPU gets it, and it is
//!   parked when idle for longer than [`SPIN`]. It never exits: the library is linked with
//!   `-z nodelete` (see `build.rs`), so `dlclose` cannot unmap the code it is parked in.

use std::cell::UnsafeCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use crate::kernel::{add_lanes, block_lanes, Lanes, SUM_BLOCK, SUM_LANES};
use crate::raw::Slot;

/// The fewest values (4 MiB of doubles) for which the helper is asked to help: smaller
/// buffers fit in one core's L2 cache (2 MiB here), where waking the helper costs more than it
/// saves when calls are far apart.
pub(crate) const MIN_LEN: usize = 1 << 19;

/// Blocks per round (8 MiB of doubles): the caller keeps one round's block lanes on its
/// stack (16 KiB).
const ROUND_BLOCKS: usize = 128;

/// How long the helper keeps polling for the next round before it parks, so that back-to-back
/// large sums, the rounds of one sum, and a loop that fills a buffer and then sums it find it
/// running. At most this much of a second CPU's time is spent after each large sum, and only
/// while no other thread wants that CPU.
const SPIN: Duration = Duration::from_micros(500);

/// The environment variable that turns the helper off (`1`, or any value but `2`) or on (`2`).
const THREADS_VARIABLE: &str = "FFI_BRIDGE_THREADS";

/// [`Shared::state`]: no round posted.
const IDLE: u8 = 0;
/// [`Shared::state`]: a round is posted and the helper has not taken it.
const POSTED: u8 = 1;
/// [`Shared::state`]: the helper is summing blocks of the round.
const TAKEN: u8 = 2;
/// [`Shared::state`]: the helper is done with the round and no longer reads it.
const DONE: u8 = 3;

/// One round: blocks `0..blocks` of `len` slots at `src`, each block's lanes written to
/// `lanes[block]`.
#[derive(Clone, Copy)]
struct Work {
    src: *const Slot,
    len: usize,
    lanes: *mut Lanes,
}

impl Work {
    const NONE: Work = Work {
        src: std::ptr::null(),
        len: 0,
        lanes: std::ptr::null_mut(),
    };

    fn blocks(&self) -> usize {
        self.len.div_ceil(SUM_BLOCK)
    }

    /// Claims blocks until none is left, and writes each one's lanes. The caller takes blocks
    /// from the front, the helper from the back (`from_back`), so each reads one contiguous
    /// range; `claimed` counts the claims of both, which keeps the two ranges apart.
    ///
    /// # Safety
    /// `src` is readable for `len` slots and `lanes` writable for [`Work::blocks`] entries for
    /// the whole call, and at most one thread runs with each value of `from_back`.
    unsafe fn run(&self, claimed: &AtomicUsize, from_back: bool) {
        let blocks = self.blocks();
        let mut mine = 0;
        while claimed.fetch_add(1, Ordering::Relaxed) < blocks {
            // Claims by both threads never exceed `blocks`, so the front range `0..` of one and
            // the back range `..blocks` of the other never meet.
            let block = if from_back { blocks - 1 - mine } else { mine };
            mine += 1;
            let start = block * SUM_BLOCK;
            // SAFETY: `start < len`, and the block's slots are inside the `len` readable ones.
            let slots = unsafe {
                std::slice::from_raw_parts(self.src.add(start), SUM_BLOCK.min(self.len - start))
            };
            #[cfg(test)]
            tests::maybe_panic();
            // SAFETY: `block < blocks`, and no other thread takes this index (see above).
            unsafe { self.lanes.add(block).write(block_lanes(slots)) };
        }
    }
}

/// What the caller and the helper share.
struct Shared {
    /// Held by the one call that uses the helper.
    owned: AtomicBool,
    /// [`IDLE`], [`POSTED`], [`TAKEN`] or [`DONE`].
    state: AtomicU8,
    /// How many blocks of the posted round the two threads have claimed.
    next: AtomicUsize,
    /// Whether the helper panicked during the last round it took.
    failed: AtomicBool,
    /// The posted round.
    work: UnsafeCell<Work>,
}

// SAFETY: `work` is written only by the owner (the holder of `owned`) while the helper does not
// read it: in state IDLE, before the release store of POSTED. The helper reads it only after
// its acquire exchange POSTED -> TAKEN, and not after its release store of DONE; the owner
// writes it again only after seeing DONE (acquire) or taking POSTED back. The raw pointers in
// it are used under the same protocol (see `Work::run`).
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    owned: AtomicBool::new(false),
    state: AtomicU8::new(IDLE),
    next: AtomicUsize::new(0),
    failed: AtomicBool::new(false),
    work: UnsafeCell::new(Work::NONE),
};

/// The helper thread, spawned at the first large sum; `None` if it is turned off or could not
/// be spawned.
static HELPER: OnceLock<Option<Thread>> = OnceLock::new();

fn helper() -> Option<&'static Thread> {
    HELPER
        .get_or_init(|| {
            // The unit tests exercise the helper unless told otherwise, whatever the CPU count.
            let variable = std::env::var_os(THREADS_VARIABLE);
            if !enabled(variable.as_deref(), || cfg!(test) || cpus() >= 2) {
                return None;
            }
            thread::Builder::new()
                .name("ffi_bridge-sum".into())
                .stack_size(128 * 1024)
                .spawn(|| serve(&SHARED))
                .ok()
                .map(|handle| handle.thread().clone())
        })
        .as_ref()
}

/// Whether the value of `FFI_BRIDGE_THREADS` turns the helper on: `2` does, any other value
/// does not, and without the variable it is `by_default()`.
fn enabled(value: Option<&std::ffi::OsStr>, by_default: impl FnOnce() -> bool) -> bool {
    value.map_or_else(by_default, |v| v == "2")
}

/// How many CPUs this process may run on (its affinity mask and cgroup quota), 1 if unknown.
fn cpus() -> usize {
    thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// The helper's loop: take each posted round, sum blocks of it, report DONE.
fn serve(shared: &'static Shared) {
    loop {
        let polling = Instant::now();
        while shared.state.load(Ordering::Acquire) != POSTED {
            if polling.elapsed() < SPIN {
                // Not a busy spin: if the scheduler put this thread on the caller's CPU, the
                // caller gets the CPU back at once.
                thread::yield_now();
            } else {
                thread::park();
            }
        }
        if shared
            .state
            .compare_exchange(POSTED, TAKEN, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            continue; // the caller took it back
        }
        // SAFETY: in state TAKEN the owner does not write `work` (see `Shared`).
        let work = unsafe { *shared.work.get() };
        // SAFETY: the owner keeps the buffers alive until it sees DONE, and the helper is the
        // only thread taking blocks from the back (see `Work::run`).
        let result = catch_unwind(AssertUnwindSafe(|| unsafe { work.run(&shared.next, true) }));
        shared.failed.store(result.is_err(), Ordering::Relaxed);
        shared.state.store(DONE, Ordering::Release);
    }
}

/// Adds the lanes of every block of `src` to `totals` in block order, with the helper's help.
///
/// Returns `false`, having done nothing, when `src` has fewer than [`MIN_LEN`] values, the
/// helper is off or missing, or another call is using it.
pub(crate) fn add_blocks(src: &[Slot], totals: &mut Lanes) -> bool {
    if src.len() < MIN_LEN {
        return false;
    }
    let Some(helper) = helper() else {
        return false;
    };
    let Some(_owner) = Owner::acquire(&SHARED) else {
        return false;
    };
    for slots in src.chunks(ROUND_BLOCKS * SUM_BLOCK) {
        let mut lanes = [[0.0; SUM_LANES]; ROUND_BLOCKS];
        let work = Work {
            src: slots.as_ptr(),
            len: slots.len(),
            lanes: lanes.as_mut_ptr(),
        };
        let helper_failed = Round::post(&SHARED, helper, work).finish();
        if helper_failed {
            for (block, out) in slots.chunks(SUM_BLOCK).zip(lanes.iter_mut()) {
                *out = block_lanes(block);
            }
        }
        for block in &lanes[..work.blocks()] {
            add_lanes(totals, block);
        }
    }
    true
}

/// The right to use the helper, released on drop.
struct Owner(&'static Shared);

impl Owner {
    fn acquire(shared: &'static Shared) -> Option<Owner> {
        shared
            .owned
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| Owner(shared))
    }
}

impl Drop for Owner {
    fn drop(&mut self) {
        self.0.owned.store(false, Ordering::Release);
    }
}

/// A posted round. The caller sums blocks of it too; [`Round::finish`], or the drop if the
/// caller unwinds, waits until the helper no longer reads it.
struct Round {
    shared: &'static Shared,
    finished: bool,
    helper_failed: bool,
}

impl Round {
    /// Posts `work` to the helper (the caller owns it, and the state is IDLE) and sums blocks of
    /// it on this thread until none is left.
    fn post(shared: &'static Shared, helper: &Thread, work: Work) -> Round {
        // SAFETY: the caller owns the helper and the state is IDLE, so the helper does not
        // read `work` until the release store below.
        unsafe { *shared.work.get() = work };
        shared.next.store(0, Ordering::Relaxed);
        shared.state.store(POSTED, Ordering::Release);
        helper.unpark();
        let round = Round {
            shared,
            finished: false,
            helper_failed: false,
        };
        #[cfg(test)]
        tests::wait_for_the_helper_if_asked(shared);
        // SAFETY: `work`'s buffers are borrowed by the caller until `finish`, and the caller is
        // the only thread taking blocks from the front (see `Work::run`).
        unsafe { work.run(&shared.next, false) };
        round
    }

    /// Waits until the helper is done with the round (or takes it back if the helper has not
    /// started); returns whether the helper panicked, so that the round must be summed again.
    fn finish(mut self) -> bool {
        self.wait();
        self.helper_failed
    }

    fn wait(&mut self) {
        if self.finished {
            return;
        }
        self.finished = true;
        let state = &self.shared.state;
        if state
            .compare_exchange(POSTED, IDLE, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            return; // the helper never started: every block was summed here
        }
        let mut spins = 0_u32;
        while state.load(Ordering::Acquire) != DONE {
            if spins < 1 << 12 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                thread::yield_now();
            }
        }
        self.helper_failed = self.shared.failed.load(Ordering::Relaxed);
        state.store(IDLE, Ordering::Relaxed);
    }
}

impl Drop for Round {
    fn drop(&mut self) {
        self.wait();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::kernel::tests::{reference_sum, run_sum, test_values};
    use crate::kernel::{sum, sum_portable};
    use std::ffi::OsStr;
    use std::sync::atomic::AtomicUsize;
    use std::sync::Mutex;

    /// Makes the next `n` block sums on the helper thread panic.
    static PANICS_ON_HELPER: AtomicUsize = AtomicUsize::new(0);

    /// Tests that use the helper run one at a time (they count on it being free).
    static SERIAL: Mutex<()> = Mutex::new(());

    /// When set, the caller of each round waits until the helper has claimed a block before it
    /// sums any itself, so that the helper takes part in every round whatever the scheduler does
    /// (under valgrind, which runs one thread at a time, it otherwise may never get a block).
    static HELPER_FIRST: AtomicBool = AtomicBool::new(false);

    /// Makes the helper take a block of every round while it is alive; only for tests that hold
    /// [`SERIAL`].
    struct HelperFirst;

    impl HelperFirst {
        fn arm() -> HelperFirst {
            HELPER_FIRST.store(true, Ordering::Relaxed);
            HelperFirst
        }
    }

    impl Drop for HelperFirst {
        fn drop(&mut self) {
            HELPER_FIRST.store(false, Ordering::Relaxed);
        }
    }

    /// The test hook in [`Round::post`]: with [`HELPER_FIRST`] set, waits until the helper has
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

    pub(crate) fn maybe_panic() {
        let on_helper = thread::current().name() == Some("ffi_bridge-sum");
        if on_helper
            && PANICS_ON_HELPER
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok()
        {
            panic!("injected panic on the sum helper");
        }
    }

    fn large_lengths() -> [usize; 5] {
        let block = SUM_BLOCK;
        [
            MIN_LEN - 1,
            MIN_LEN,
            MIN_LEN + 17,
            ROUND_BLOCKS * block,
            ROUND_BLOCKS * block + 3 * block + 5,
        ]
    }

    #[test]
    fn the_variable_overrides_the_default_and_only_two_turns_the_helper_on() {
        assert!(!enabled(None, || false));
        assert!(enabled(None, || true));
        for default in [false, true] {
            assert!(enabled(Some(OsStr::new("2")), || default));
            assert!(!enabled(Some(OsStr::new("1")), || default));
            assert!(!enabled(Some(OsStr::new("")), || default));
            assert!(!enabled(Some(OsStr::new("two")), || default));
        }
    }

    #[test]
    fn large_sums_are_the_documented_order_with_the_helper() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        assert!(helper().is_some(), "the helper thread could not be spawned");
        let _helper_first = HelperFirst::arm();
        for length in large_lengths() {
            let values = test_values(length, length as u64);
            let expected = reference_sum(&values).to_bits();
            for offset in [0, 3] {
                assert_eq!(
                    run_sum(sum, &values, offset).to_bits(),
                    expected,
                    "{length}"
                );
            }
            assert_eq!(run_sum(sum_portable, &values, 0).to_bits(), expected);
            let used = run_sum(
                |slots| {
                    let mut totals = [0.0; SUM_LANES];
                    if add_blocks(slots, &mut totals) {
                        crate::kernel::combine(&totals)
                    } else {
                        f64::NAN
                    }
                },
                &values,
                1,
            );
            if length >= MIN_LEN {
                assert_eq!(used.to_bits(), expected, "{length}: helper not used");
            } else {
                assert!(
                    used.is_nan(),
                    "{length}: below MIN_LEN the helper is not used"
                );
            }
        }
    }

    #[test]
    fn a_panic_on_the_helper_is_caught_and_the_round_summed_again() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        assert!(helper().is_some());
        let values = test_values(ROUND_BLOCKS * SUM_BLOCK + 7, 5);
        let expected = reference_sum(&values).to_bits();
        // The helper takes a block of every round (without the hook it may never get one when
        // the caller is fast or, as under valgrind, the threads run one at a time).
        let _helper_first = HelperFirst::arm();
        PANICS_ON_HELPER.store(1, Ordering::Relaxed);
        assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
        assert_eq!(PANICS_ON_HELPER.load(Ordering::Relaxed), 0, "never hit");
        // The helper survived its panic and still serves: it takes a block of the next round.
        assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
    }

    #[test]
    fn concurrent_large_sums_are_all_exact() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let values = test_values(MIN_LEN + 9, 11);
        let expected = reference_sum(&values).to_bits();
        thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..20 {
                        assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
                    }
                });
            }
        });
    }
}
