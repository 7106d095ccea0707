//! Ctrl-C handling. Outside an apply, Ctrl-C ends the run at once: nothing has been written.
//! During an apply it only asks the provider to stop after the requests already in flight, so
//! the tenant is never left guessing whether a write happened; a second Ctrl-C ends it at once.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static APPLYING: AtomicUsize = AtomicUsize::new(0);

pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

pub fn applying() -> bool {
    APPLYING.load(Ordering::SeqCst) > 0
}

/// Marks the span in which writes happen; dropping it ends the span.
pub struct Applying(());

impl Applying {
    pub fn begin() -> Self {
        APPLYING.fetch_add(1, Ordering::SeqCst);
        Applying(())
    }
}

impl Drop for Applying {
    fn drop(&mut self) {
        APPLYING.fetch_sub(1, Ordering::SeqCst);
    }
}
