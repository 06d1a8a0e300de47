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
//! After a round the helper keeps polling for [`SPIN`](handoff::SPIN) before it parks. A
//! parked helper made a loop that writes the buffer and then sums it 1.4 times slower on the
//! machines we measured: the writes had to take back, from a core that was asleep, every line
//! the helper had read. A helper that is still polling gives them back at once, and the same
//! loop was then faster than on one thread on the Xeon measured. On a two-core Zen 4 VM it is
//! not: filling 1 M doubles and summing them took 248-451 µs with the helper and 177-202 µs
//! without, while a sum of data nobody writes was 1.7 times faster with it
//! (`docs/benchmarks.md`, "In the full run of 5 December, 10:41 UTC").
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
//!   parked when idle for longer than [`SPIN`](handoff::SPIN). It never exits: before it is
//!   spawned the library is made to stay loaded (`-z nodelete` on ELF, a pin on Windows and
//!   Apple platforms: [`pin`]), so unloading it cannot unmap the code the helper runs in.

use std::sync::OnceLock;
use std::thread::{self, Thread};

use crate::ffi::raw::Slot;
use crate::kernels::order::{add_lanes, Lanes, SUM_BLOCK, SUM_LANES};
use handoff::{serve, Owner, Round, Work, SHARED};

mod handoff;
mod pin;
#[cfg(test)]
mod test_hooks;
#[cfg(test)]
mod tests;

/// The fewest values (4 MiB of doubles) for which the helper is asked to help: smaller
/// buffers fit in one core's L2 cache (2 MiB here), where waking the helper costs more than it
/// saves when calls are far apart.
pub(crate) const MIN_LEN: usize = 1 << 19;

/// Blocks per round (8 MiB of doubles): the caller keeps one round's block lanes on its
/// stack (16 KiB).
const ROUND_BLOCKS: usize = 128;

/// The environment variable that turns the helper off (`1`, or any value but `2`) or on (`2`).
const THREADS_VARIABLE: &str = "FFI_BRIDGE_THREADS";

/// The helper thread, spawned at the first large sum; `None` if it is turned off or could not
/// be spawned.
static HELPER: OnceLock<Option<Thread>> = OnceLock::new();

fn helper() -> Option<&'static Thread> {
    HELPER
        .get_or_init(|| {
            // The unit tests exercise the helper unless told otherwise, whatever the CPU count.
            let variable = std::env::var_os(THREADS_VARIABLE);
            if !enabled(variable.as_deref(), || cfg!(test) || cpus() >= 2) || !pin::pin_library() {
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

/// Adds the lanes of every block of `src` to `totals` in block order, with the helper's help;
/// both threads sum blocks with `kernel`.
///
/// Returns `false`, having done nothing, when `src` has fewer than [`MIN_LEN`] values, the
/// helper is off or missing, or another call is using it.
pub(crate) fn add_blocks(src: &[Slot], totals: &mut Lanes, kernel: fn(&[Slot]) -> Lanes) -> bool {
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
            kernel,
        };
        let helper_failed = Round::post(&SHARED, helper, work).finish();
        if helper_failed {
            for (block, out) in slots.chunks(SUM_BLOCK).zip(lanes.iter_mut()) {
                *out = kernel(block);
            }
        }
        for block in &lanes[..work.blocks()] {
            add_lanes(totals, block);
        }
    }
    true
}
