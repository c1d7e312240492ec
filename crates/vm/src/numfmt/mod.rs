//! `numfmt` — pure numeric, parsing, hashing and formatting helpers with CPython 3.11
//! semantics.
//!
//! Nothing in this module knows about Python objects: every function takes and returns plain
//! Rust values (`f64`, `i64`, [`BigInt`](num_bigint::BigInt), `&str`, ...). Errors are reported
//! as values that carry the Python exception kind and the exact CPython message, so the caller
//! only has to turn them into exception objects.
//!
//! Layout (one concern per file):
//!
//! * [`spec`] — the format-spec mini-language parser, padding/alignment/grouping, `format(str)`.
//! * [`float_fmt`] — `repr(float)`, `format(float, spec)`, `%`-style float formatting.
//! * [`int_fmt`] — `str(int)` with the max-str-digits limit, `format(int, spec)`, `bin/oct/hex`,
//!   `%`-style int formatting.
//! * [`parse`] — `int(str, base)` and `float(str)` parsing.
//! * [`floathex`] — `float.hex()` and `float.fromhex()`.
//! * [`hash`] — numeric hashes (modulus 2**61-1), tuple and complex hashes.
//! * [`arith`] — Python division/modulo/pow semantics, int<->float conversion, shifts, bytes.
//! * [`round`] — `round()` for floats and ints.
//! * [`mathfn`] — `math` module helpers (isqrt, gcd, factorial, comb, fsum, hypot, log, ...).
//! * [`repr`] — `repr(str)`, `ascii()`, `repr(bytes)`, `str.isprintable` per character.
//! * [`unicode_tables`] — generated Unicode data (printable ranges, decimal digits, spaces).
//!
//! No `unsafe`, no panics on any input, and no recursion whose depth depends on the input.

pub mod arith;
pub mod float_fmt;
pub mod floathex;
pub mod hash;
pub mod int_fmt;
pub mod mathfn;
pub mod parse;
pub mod repr;
pub mod round;
pub mod spec;
pub mod unicode_tables;

use std::fmt;

pub use arith::*;
pub use float_fmt::*;
pub use floathex::*;
pub use hash::*;
pub use int_fmt::*;
pub use mathfn::*;
pub use parse::*;
pub use repr::*;
pub use round::*;
pub use spec::*;

/// The Python exception class an error should be raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    ValueError,
    OverflowError,
    TypeError,
    ZeroDivisionError,
    MemoryError,
}

impl ExcKind {
    /// The Python name of the exception class.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::TypeError => "TypeError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

/// An error from formatting (or any other operation of this module that can only fail with a
/// plain exception): the exception kind and its exact CPython message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ExcKind,
    pub msg: String,
}

impl FormatError {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Self {
        FormatError {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::OverflowError, msg)
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

/// An error from an arithmetic helper.
///
/// `ComplexResult` is not an exception: it tells the caller that CPython would have produced a
/// complex number (a negative float raised to a non-integer power), so the caller should redo
/// the operation in complex arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArithError {
    ZeroDivision(String),
    Overflow(String),
    Value(String),
    Memory(String),
    ComplexResult,
}

impl ArithError {
    /// The exception kind, or `None` for [`ArithError::ComplexResult`].
    pub fn kind(&self) -> Option<ExcKind> {
        match self {
            ArithError::ZeroDivision(_) => Some(ExcKind::ZeroDivisionError),
            ArithError::Overflow(_) => Some(ExcKind::OverflowError),
            ArithError::Value(_) => Some(ExcKind::ValueError),
            ArithError::Memory(_) => Some(ExcKind::MemoryError),
            ArithError::ComplexResult => None,
        }
    }
    /// The exception message (empty for [`ArithError::ComplexResult`]).
    pub fn message(&self) -> &str {
        match self {
            ArithError::ZeroDivision(m)
            | ArithError::Overflow(m)
            | ArithError::Value(m)
            | ArithError::Memory(m) => m,
            ArithError::ComplexResult => "",
        }
    }
    pub(crate) fn zero_div(msg: &str) -> Self {
        ArithError::ZeroDivision(msg.to_string())
    }
    pub(crate) fn overflow(msg: &str) -> Self {
        ArithError::Overflow(msg.to_string())
    }
    pub(crate) fn value(msg: &str) -> Self {
        ArithError::Value(msg.to_string())
    }
}

impl fmt::Display for ArithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            Some(k) => write!(f, "{}: {}", k.name(), self.message()),
            None => write!(f, "complex result"),
        }
    }
}

impl From<ArithError> for FormatError {
    fn from(e: ArithError) -> Self {
        match e.kind() {
            Some(kind) => FormatError::new(kind, e.message()),
            None => FormatError::value("complex result"),
        }
    }
}

/// Upper bound on the size (in bits) of any integer this module will *create* by shifting,
/// exponentiation, factorial and similar operations: 2**32 bits (512 MiB). Beyond it the
/// operation fails with `OverflowError("too many digits in integer")` instead of trying to
/// allocate the result (CPython would try, and usually fail with `MemoryError`).
pub const MAX_INT_BITS: u64 = 1 << 32;

/// Upper bound on the length of a string produced by a width or precision in a format spec:
/// 2**31 characters. Beyond it formatting fails with `MemoryError` (CPython would try to
/// allocate the string).
pub const MAX_FORMAT_LEN: usize = 1 << 31;

#[cfg(test)]
mod smoke_tests {
    //! Robustness: random inputs must never panic.
    use super::*;
    use num_bigint::BigInt;

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn pick(&mut self, items: &[char]) -> char {
            items[(self.next() as usize) % items.len()]
        }
    }

    #[test]
    fn random_inputs_do_not_panic() {
        let alphabet: Vec<char> =
            "0123456789.,_+- #zeEfFgGnxXobcds%<>=^*aAi\u{e9}\u{661}\u{3000}pPyn"
                .chars()
                .collect();
        let mut rng = Lcg(12345);
        let floats = [
            0.0,
            -0.0,
            1.5,
            -2.5e-300,
            1e308,
            f64::INFINITY,
            f64::NAN,
            5e-324,
        ];
        let ints: Vec<BigInt> = ["0", "-1", "255", "1114111", "-99999999999999999999999"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        for _ in 0..20_000 {
            let len = (rng.next() % 10) as usize;
            let s: String = (0..len).map(|_| rng.pick(&alphabet)).collect();
            if let Ok(spec) = parse_format_spec(&s, "x") {
                if spec.width.unwrap_or(0) < 1000 && spec.precision.unwrap_or(0) < 1000 {
                    for &f in &floats {
                        let _ = format_float(f, &spec);
                    }
                    for i in &ints {
                        let _ = format_int(i, &spec);
                    }
                    let _ = format_str(&s, &spec);
                }
            }
            for base in [0, 2, 10, 16, 36] {
                let _ = parse_int(&s, base);
            }
            let _ = parse_float(&s);
            let _ = float_fromhex(&s);
            let _ = str_repr(&s);
        }
    }
}
