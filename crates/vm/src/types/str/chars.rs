//! Character classes and case mappings with CPython's semantics.
//!
//! Rust's `char` methods give the Unicode full case mappings (upper/lower) and the
//! Lowercase/Uppercase properties; the classes CPython defines differently (letters,
//! digits, numerics, identifiers) and the mappings Rust lacks (titlecase, case folding) come
//! from the generated tables in [`super::unicode_tables`].

use super::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn lookup_map(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .map(|i| table[i].1)
}

/// `str.isalpha()` for one character.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&t::ALPHA, c)
}

/// `str.isdecimal()` for one character.
pub fn is_decimal(c: char) -> bool {
    crate::numfmt::unicode_tables::decimal_value(c).is_some()
}

/// `str.isdigit()` for one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&t::DIGIT, c)
}

/// `str.isnumeric()` for one character.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&t::NUMERIC, c)
}

/// `str.isalnum()` for one character.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    crate::numfmt::unicode_tables::is_space(c)
}

/// Whether `c` can start an identifier.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(&t::XID_START, c)
}

/// Whether `c` can continue an identifier.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(&t::XID_CONTINUE, c)
}

/// The Lowercase property.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(&t::LOWERCASE, c)
}

/// The Uppercase property.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(&t::UPPERCASE, c)
}

/// A one-character case mapping from a table of constant-offset runs.
fn map_runs(table: &[(u32, u32, u32, i32)], c: char) -> char {
    let cp = c as u32;
    let i = table.partition_point(|&(first, _, _, _)| first <= cp);
    if i == 0 {
        return c;
    }
    let (first, last, stride, delta) = table[i - 1];
    if cp > last || !(cp - first).is_multiple_of(stride) {
        return c;
    }
    char::from_u32((cp as i64 + delta as i64) as u32).unwrap_or(c)
}

/// Appends the full lowercase mapping of `c` (no final-sigma context).
fn push_lower_char(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match lookup_map(&t::LOWER_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => out.push(map_runs(&t::LOWER_RUNS, c)),
    }
}

/// General category Lt.
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(&t::TITLECASE, c)
}

/// The Cased property (lowercase, uppercase or titlecase).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    is_lower(c) || is_upper(c) || is_titlecase(c)
}

/// The Case_Ignorable property.
fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(&t::CASE_IGNORABLE, c)
}

/// Whether a capital sigma at char position `i` of `chars` is word-final (lowercases to 'ς').
pub fn sigma_is_final(chars: &[char], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    if !before {
        return false;
    }
    let after = chars[i + 1..]
        .iter()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    !after
}

/// Appends the full lowercase mapping of `chars[i]` (with the final-sigma rule).
pub fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if sigma_is_final(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    push_lower_char(out, c);
}

/// Appends the full uppercase mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    match lookup_map(&t::UPPER_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => out.push(map_runs(&t::UPPER_RUNS, c)),
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    match lookup_map(&t::TITLE_EXCEPTIONS, c) {
        Some(s) => out.push_str(s),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c`.
pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match lookup_map(&t::CASEFOLD_EXCEPTIONS, c) {
        Some(s) => out.push_str(s),
        None => push_lower_char(out, c),
    }
}

/// `str.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    out
}

/// `str.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// `str.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(&mut out, c);
    }
    out
}

/// `str.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title()`: a cased character after a cased one is lowercased, otherwise titlecased.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `str.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `str.islower()`: at least one cased character and no uppercase or titlecase ones.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        if is_lower(c) {
            cased = true;
        }
    }
    cased
}

/// `str.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        if is_upper(c) {
            cased = true;
        }
    }
    cased
}

/// `str.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}
