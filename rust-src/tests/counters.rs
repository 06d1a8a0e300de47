//! Live-counter checks through the public API, in a test binary of their own: its single
//! test is the only code touching the counters in this process, so exact values are safe
//! (the unit tests in src/ run in parallel threads and share the counters of their process).

use std::ptr::null_mut;
use std::sync::Mutex;

use ffi_bridge::*;

/// Serializes the tests of this binary, which all depend on the global counters.
static COUNTERS: Mutex<()> = Mutex::new(());

fn counts() -> FfiBridgeLiveCounts {
    let mut counts = FfiBridgeLiveCounts::default();
    // SAFETY: `counts` is a writable FfiBridgeLiveCounts.
    assert_eq!(unsafe { ffi_bridge_live_counts(&mut counts) }, 0);
    assert_eq!(counts, live_counts());
    counts
}

fn expect(persons: u64, data: u64, buffers: u64, byte_arrays: u64) {
    assert_eq!(
        counts(),
        FfiBridgeLiveCounts {
            persons,
            data,
            buffers,
            byte_arrays
        }
    );
}

#[test]
fn every_allocation_is_counted_and_every_free_uncounted() {
    let _serial = COUNTERS.lock().unwrap_or_else(|e| e.into_inner());
    expect(0, 0, 0, 0);

    // Persons: create_person, ffi_bridge_person_new, ffi_bridge_decode_person.
    let alice = create_person();
    expect(1, 0, 0, 0);
    let mut bob = null_mut();
    // SAFETY: a NUL-terminated name and a writable out.
    assert_eq!(
        unsafe { ffi_bridge_person_new(c"Bob".as_ptr(), 7, 1.2, &mut bob) },
        0
    );
    expect(2, 0, 0, 0);
    let mut encoded = null_mut();
    // SAFETY: `alice` is a live Person; `encoded` is writable.
    assert_eq!(unsafe { ffi_bridge_encode_person(alice, &mut encoded) }, 0);
    expect(2, 0, 0, 1);
    let mut decoded = null_mut();
    // SAFETY: `encoded` is a live FfiBridgeBytes; `decoded` is writable.
    let status =
        unsafe { ffi_bridge_decode_person((*encoded).data, (*encoded).length, &mut decoded) };
    assert_eq!(status, 0);
    expect(3, 0, 0, 1);

    // Failed calls allocate nothing.
    let mut none = null_mut();
    // SAFETY: an invalid UTF-8 name is rejected before any allocation.
    let status = unsafe { ffi_bridge_person_new(c"\xff".as_ptr(), 1, 1.0, &mut none) };
    assert_eq!(status, -2);
    // SAFETY: truncated input is rejected before any allocation.
    assert_eq!(
        unsafe { ffi_bridge_decode_person((*encoded).data, 3, &mut none) },
        -6
    );
    expect(3, 0, 0, 1);

    // Data from get_data.
    let data = get_data();
    expect(3, 1, 0, 1);

    // Buffers: ffi_bridge_buffer_new_filled (also empty) and ffi_bridge_decode_sequence.
    let mut filled = null_mut();
    // SAFETY: `filled` is writable.
    assert_eq!(
        unsafe { ffi_bridge_buffer_new_filled(1000, &mut filled) },
        0
    );
    let mut empty = null_mut();
    // SAFETY: `empty` is writable.
    assert_eq!(unsafe { ffi_bridge_buffer_new_filled(0, &mut empty) }, 0);
    let mut failed = null_mut();
    // SAFETY: `failed` is writable; the allocator refuses.
    assert_eq!(
        unsafe { ffi_bridge_buffer_new_filled(1 << 58, &mut failed) },
        -5
    );
    expect(3, 1, 2, 1);
    let mut serialized = null_mut();
    // SAFETY: `serialized` is writable.
    assert_eq!(
        unsafe { ffi_bridge_fill_serialized(10, &mut serialized) },
        0
    );
    expect(3, 1, 2, 2);
    let mut sequence = null_mut();
    // SAFETY: `serialized` is live; `sequence` is writable.
    let status = unsafe {
        ffi_bridge_decode_sequence((*serialized).data, (*serialized).length, &mut sequence)
    };
    assert_eq!(status, 0);
    expect(3, 1, 3, 2);

    // Byte arrays: the other encoders.
    let mut data_bytes = null_mut();
    // SAFETY: `data` is a live Data; `data_bytes` is writable.
    assert_eq!(unsafe { ffi_bridge_encode_data(data, &mut data_bytes) }, 0);
    let mut seq_bytes = null_mut();
    // SAFETY: `filled` holds 1000 doubles; `seq_bytes` is writable.
    let status =
        unsafe { ffi_bridge_encode_sequence((*filled).data, (*filled).length, &mut seq_bytes) };
    assert_eq!(status, 0);
    expect(3, 1, 3, 4);

    // Free everything: back to zero. NULL frees change nothing.
    // SAFETY: each pointer is live and freed exactly once; NULL is a no-op.
    unsafe {
        free_person(alice);
        free_person(bob);
        free_person(decoded);
        free_person(null_mut());
        expect(0, 1, 3, 4);
        free_data(data);
        free_data(null_mut());
        expect(0, 0, 3, 4);
        ffi_bridge_buffer_free(filled);
        ffi_bridge_buffer_free(empty);
        ffi_bridge_buffer_free(sequence);
        ffi_bridge_buffer_free(null_mut());
        expect(0, 0, 0, 4);
        ffi_bridge_bytes_free(encoded);
        ffi_bridge_bytes_free(serialized);
        ffi_bridge_bytes_free(data_bytes);
        ffi_bridge_bytes_free(seq_bytes);
        ffi_bridge_bytes_free(null_mut());
    }
    expect(0, 0, 0, 0);
}

#[test]
fn counters_are_consistent_across_threads() {
    let _serial = COUNTERS.lock().unwrap_or_else(|e| e.into_inner());
    expect(0, 0, 0, 0);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                for _ in 0..1000 {
                    let p = create_person();
                    let d = get_data();
                    // SAFETY: both are live and freed once.
                    unsafe {
                        free_person(p);
                        free_data(d);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    expect(0, 0, 0, 0);
}
