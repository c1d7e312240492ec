//! `str.format` and `str.format_map`: the replacement-field mini-language.
//!
//! A format string is literal text with `{{`/`}}` escapes and replacement fields
//! `{field_name!conversion:format_spec}`. The field name is an argument (auto-numbered,
//! an index or a keyword) followed by `.attr` and `[key]` parts; the format spec may itself
//! contain replacement fields (one level of nesting). Every syntax character is ASCII, so
//! the parser walks UTF-8 bytes and only slices at ASCII positions.

use crate::types::int::int_from_i64;
use crate::types::str::{new_str, sd, str_of};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// Where named fields come from.
enum Named<'a> {
    /// `format(**kwargs)`.
    Kwargs(Args<'a>),
    /// `format_map(mapping)`.
    Mapping(&'a Value),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct Formatter<'a> {
    positional: Option<&'a [Value]>,
    named: Named<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// The pieces of one replacement field, as slices of the format string.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_has_fields: bool,
}

fn value_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// Parses the field starting just after its `{` at byte `pos`; returns it and the position
/// after its closing `}`.
fn parse_field(s: &str, mut pos: usize) -> PyResult<(Field<'_>, usize)> {
    let b = s.as_bytes();
    let start = pos;
    let mut stop = None;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(c) = stop else {
        return Err(value_error("expected '}' before end of string"));
    };
    let name = &s[start..pos - 1];
    if c == b'}' {
        return Ok((
            Field {
                name,
                conversion: None,
                spec: "",
                spec_has_fields: false,
            },
            pos,
        ));
    }
    let mut conversion = None;
    if c == b'!' {
        let Some(conv) = s[pos..].chars().next() else {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        pos += conv.len_utf8();
        conversion = Some(conv);
        if pos < b.len() {
            let next = b[pos];
            pos += 1;
            if next == b'}' {
                return Ok((
                    Field {
                        name,
                        conversion,
                        spec: "",
                        spec_has_fields: false,
                    },
                    pos,
                ));
            }
            if next != b':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = pos;
    let mut depth = 1;
    let mut nested = false;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => {
                nested = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((
                        Field {
                            name,
                            conversion,
                            spec: &s[spec_start..pos - 1],
                            spec_has_fields: nested,
                        },
                        pos,
                    ));
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// The value of a decimal field-name part, `None` if it is not all decimal digits.
fn decimal_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::numfmt::unicode_tables::decimal_value(c) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

impl<'a> Formatter<'a> {
    fn positional_arg(&self, i: usize) -> PyResult<Value> {
        let Some(args) = self.positional else {
            return Err(value_error("Format string contains positional fields"));
        };
        args.get(i).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })
    }

    fn named_arg(&self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        match &self.named {
            Named::Kwargs(args) => args
                .kw(name)
                .cloned()
                .ok_or_else(|| PyErr::key_error(new_str(name))),
            Named::Mapping(m) => vm.get_item(m, &new_str(name)),
        }
    }

    /// Resolves a field name (`0`, `name`, `` with `.attr` and `[key]` parts) to its object.
    fn resolve(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            if self.numbering == Numbering::Manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.numbering = Numbering::Auto;
            let i = self.next_auto;
            self.next_auto += 1;
            self.positional_arg(i)?
        } else if let Some(i) = decimal_index(first)? {
            if self.numbering == Numbering::Auto {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.numbering = Numbering::Manual;
            self.positional_arg(i)?
        } else {
            self.named_arg(vm, first)?
        };
        let b = name.as_bytes();
        let mut pos = first_end;
        while pos < b.len() {
            let c = b[pos];
            pos += 1;
            if c == b'.' {
                let end = name[pos..]
                    .find(['.', '['])
                    .map(|i| pos + i)
                    .unwrap_or(b.len());
                let attr = &name[pos..end];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = vm.get_attr(&obj, &crate::intern::intern(attr))?;
                pos = end;
            } else {
                // c == b'['
                let Some(close) = name[pos..].find(']').map(|i| pos + i) else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key = &name[pos..close];
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key_value = match decimal_index(key)? {
                    Some(i) => int_from_i64(i as i64),
                    None => new_str(key),
                };
                obj = vm.get_item(&obj, &key_value)?;
                pos = close + 1;
                if pos < b.len() && b[pos] != b'.' && b[pos] != b'[' {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
        }
        Ok(obj)
    }

    /// Expands `s` into `out`; `depth` is how many more levels of nesting are allowed.
    fn build(&mut self, vm: &mut Vm, s: &str, depth: u32, out: &mut String) -> PyResult<()> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let b = s.as_bytes();
        let mut pos = 0;
        while pos < b.len() {
            // Literal text up to the next brace.
            let lit_end = s[pos..]
                .find(['{', '}'])
                .map(|i| pos + i)
                .unwrap_or(b.len());
            out.push_str(&s[pos..lit_end]);
            pos = lit_end;
            if pos >= b.len() {
                break;
            }
            let c = b[pos];
            pos += 1;
            if pos < b.len() && b[pos] == c {
                out.push(c as char);
                pos += 1;
                continue;
            }
            if c == b'}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if pos >= b.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let (field, next) = parse_field(s, pos)?;
            pos = next;
            self.render(vm, &field, depth, out)?;
        }
        Ok(())
    }

    fn render(&mut self, vm: &mut Vm, f: &Field<'_>, depth: u32, out: &mut String) -> PyResult<()> {
        let obj = self.resolve(vm, f.name)?;
        let obj = match f.conversion {
            None => obj,
            Some('r') => vm.repr(&obj)?,
            Some('s') => vm.str(&obj)?,
            Some('a') => vm.ascii(&obj)?,
            Some(c) => {
                let shown = if (' '..'\x7f').contains(&c) {
                    c.to_string()
                } else {
                    format!("\\x{:x}", c as u32)
                };
                return Err(value_error(&format!(
                    "Unknown conversion specifier {shown}"
                )));
            }
        };
        let spec = if f.spec_has_fields {
            let mut expanded = String::new();
            self.build(vm, f.spec, depth - 1, &mut expanded)?;
            new_str(expanded)
        } else if f.spec.is_empty() {
            super::methods::empty_str()
        } else {
            new_str(f.spec)
        };
        let r = vm.format(&obj, &spec)?;
        out.push_str(str_of(&r).unwrap_or(""));
        Ok(())
    }
}

fn run(vm: &mut Vm, fmt: &str, mut f: Formatter<'_>) -> PyResult<Value> {
    let mut out = String::with_capacity(fmt.len() + 16);
    f.build(vm, fmt, 2, &mut out)?;
    Ok(new_str(out))
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let fmt = sd(this)?.data.as_str();
    let f = Formatter {
        positional: Some(args.positional()),
        named: Named::Kwargs(args),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    run(vm, fmt, f)
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let mapping = super::methods::one_arg(&args, "str", "format_map")?;
    let fmt = sd(this)?.data.as_str();
    let f = Formatter {
        positional: None,
        named: Named::Mapping(mapping),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    run(vm, fmt, f)
}
