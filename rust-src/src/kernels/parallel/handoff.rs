//! The hand-off of a round between the calling thread and the helper: the shared state, the
//! helper's loop, and the caller's side (the right to use the helper, a posted round).

use std::cell::UnsafeCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use crate::ffi::raw::Slot;
use crate::kernels::order::{Lanes, SUM_BLOCK, SUM_LANES};

/// How long the helper keeps polling for the next round before it parks, so that back-to-back
/// large sums, the rounds of one sum, and a loop that fills a buffer and then sums it find it
/// running. At most this much of a second CPU's time is spent after each large sum, and only
/// while no other thread wants that CPU.
pub(super) const SPIN: Duration = Duration::from_micros(500);

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
pub(super) struct Work {
    pub(super) src: *const Slot,
    pub(super) len: usize,
    pub(super) lanes: *mut Lanes,
    /// The block kernel both threads sum with.
    pub(super) kernel: fn(&[Slot]) -> Lanes,
}

/// The kernel of [`Work::NONE`], which has no blocks.
fn no_blocks(_: &[Slot]) -> Lanes {
    [0.0; SUM_LANES]
}

impl Work {
    const NONE: Work = Work {
        src: std::ptr::null(),
        len: 0,
        lanes: std::ptr::null_mut(),
        kernel: no_blocks,
    };

    pub(super) fn blocks(&self) -> usize {
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
            super::test_hooks::maybe_panic();
            // SAFETY: `block < blocks`, and no other thread takes this index (see above).
            unsafe { self.lanes.add(block).write((self.kernel)(slots)) };
        }
    }
}

/// What the caller and the helper share.
pub(super) struct Shared {
    /// Held by the one call that uses the helper.
    owned: AtomicBool,
    /// [`IDLE`], [`POSTED`], [`TAKEN`] or [`DONE`].
    state: AtomicU8,
    /// How many blocks of the posted round the two threads have claimed.
    pub(super) next: AtomicUsize,
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

pub(super) static SHARED: Shared = Shared {
    owned: AtomicBool::new(false),
    state: AtomicU8::new(IDLE),
    next: AtomicUsize::new(0),
    failed: AtomicBool::new(false),
    work: UnsafeCell::new(Work::NONE),
};

/// The helper's loop: take each posted round, sum blocks of it, report DONE.
pub(super) fn serve(shared: &'static Shared) {
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

/// The right to use the helper, released on drop.
pub(super) struct Owner(&'static Shared);

impl Owner {
    pub(super) fn acquire(shared: &'static Shared) -> Option<Owner> {
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
pub(super) struct Round {
    shared: &'static Shared,
    finished: bool,
    helper_failed: bool,
}

impl Round {
    /// Posts `work` to the helper (the caller owns it, and the state is IDLE) and sums blocks of
    /// it on this thread until none is left.
    pub(super) fn post(shared: &'static Shared, helper: &Thread, work: Work) -> Round {
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
        super::test_hooks::wait_for_the_helper_if_asked(shared);
        // SAFETY: `work`'s buffers are borrowed by the caller until `finish`, and the caller is
        // the only thread taking blocks from the front (see `Work::run`).
        unsafe { work.run(&shared.next, false) };
        round
    }

    /// Waits until the helper is done with the round (or takes it back if the helper has not
    /// started); returns whether the helper panicked, so that the round must be summed again.
    pub(super) fn finish(mut self) -> bool {
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
