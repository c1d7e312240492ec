//! SIGINT becomes `KeyboardInterrupt`, raised at the next eval-breaker check (backward
//! jumps and function entries).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::{PyErr, PyResult, Vm};

static PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler (the command-line program calls this once).
pub fn install() {
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Whether a signal or other eval-breaker work (reference merges) is waiting.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
        || crate::thread::brc::pending()
        || crate::types::generator::finalizers_pending()
}

/// Handles pending work: merges handed-over references; raises KeyboardInterrupt for
/// SIGINT.
#[cold]
pub fn handle(vm: &mut Vm) -> PyResult<()> {
    if crate::thread::brc::pending() {
        crate::thread::brc::merge_pending();
    }
    if crate::types::generator::finalizers_pending() {
        crate::types::generator::run_finalizers(vm);
    }
    if PENDING.swap(false, Ordering::Relaxed) {
        return Err(PyErr::with_args(
            &crate::types::types().exc.keyboard_interrupt,
            vec![],
        ));
    }
    Ok(())
}
