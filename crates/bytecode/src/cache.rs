//! Inline-cache layout helpers shared by the compiler, the VM and tools.
//!
//! The first cache unit of every specializable instruction is an adaptive *backoff counter*:
//! a 12-bit value counting down and a 4-bit exponent, `(value << 4) | backoff`. When the value
//! reaches zero the instruction tries to (re)specialize; after a failed attempt or a deopt
//! the counter restarts at `2^(backoff+1) - 1` with the exponent incremented (capped), which
//! spaces out retries exponentially (CPython's scheme).

/// Bits of the exponent part.
pub const BACKOFF_BITS: u16 = 4;
/// Largest exponent used by [`BackoffCounter::restart`].
pub const MAX_BACKOFF: u16 = 12;
/// The exponent marking a counter that never triggers.
pub const UNREACHABLE_BACKOFF: u16 = 15;
/// Initial value: specialize on the second execution.
pub const WARMUP_VALUE: u16 = 1;
pub const WARMUP_BACKOFF: u16 = 1;
/// Value after a successful specialization: re-specialize after 53 misses.
pub const COOLDOWN_VALUE: u16 = 52;
pub const COOLDOWN_BACKOFF: u16 = 0;

/// A 16-bit adaptive backoff counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackoffCounter(pub u16);

impl BackoffCounter {
    pub const fn new(value: u16, backoff: u16) -> BackoffCounter {
        BackoffCounter((value << BACKOFF_BITS) | backoff)
    }

    pub const fn warmup() -> BackoffCounter {
        BackoffCounter::new(WARMUP_VALUE, WARMUP_BACKOFF)
    }

    pub const fn cooldown() -> BackoffCounter {
        BackoffCounter::new(COOLDOWN_VALUE, COOLDOWN_BACKOFF)
    }

    /// A counter that never triggers (specialization disabled).
    pub const fn unreachable() -> BackoffCounter {
        BackoffCounter::new(0, UNREACHABLE_BACKOFF)
    }

    pub const fn value(self) -> u16 {
        self.0 >> BACKOFF_BITS
    }

    pub const fn backoff(self) -> u16 {
        self.0 & ((1 << BACKOFF_BITS) - 1)
    }

    /// Whether the instruction should try to specialize now.
    pub const fn triggers(self) -> bool {
        self.0 < UNREACHABLE_BACKOFF
    }

    /// One execution without specializing.
    pub const fn advance(self) -> BackoffCounter {
        if self.value() == 0 {
            self
        } else {
            BackoffCounter(self.0 - (1 << BACKOFF_BITS))
        }
    }

    /// After a failed attempt or a deopt: wait exponentially longer.
    pub const fn restart(self) -> BackoffCounter {
        let backoff = self.backoff();
        if backoff < MAX_BACKOFF {
            BackoffCounter::new((1 << (backoff + 1)) - 1, backoff + 1)
        } else {
            BackoffCounter::new((1 << MAX_BACKOFF) - 1, MAX_BACKOFF)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warmup_triggers_on_second_execution() {
        let c = BackoffCounter::warmup();
        assert!(!c.triggers());
        assert!(c.advance().triggers());
    }

    #[test]
    fn failed_attempts_back_off_exponentially() {
        // Attempts at executions 2, 5, 12, 27, ... as CPython's measured state machine.
        let mut c = BackoffCounter::warmup();
        let mut attempts = Vec::new();
        for execution in 1..=130u32 {
            if c.triggers() {
                attempts.push(execution);
                // A failed attempt restarts the counter, then the same execution runs the
                // generic instruction, which advances it once.
                c = c.restart().advance();
            } else {
                c = c.advance();
            }
        }
        assert_eq!(attempts, vec![2, 5, 12, 27, 58, 121]);
        let mut c = BackoffCounter::new(0, MAX_BACKOFF);
        c = c.restart();
        assert_eq!((c.value(), c.backoff()), (4095, 12));
    }

    #[test]
    fn unreachable_never_triggers() {
        let c = BackoffCounter::unreachable();
        assert!(!c.triggers());
        assert!(!c.advance().triggers());
    }
}
