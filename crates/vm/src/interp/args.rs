//! `Args`: the arguments of a call, borrowed from the caller (no copying, no counts).
//!
//! Laid out like CPython's vectorcall: all values in one slice, the last `kwnames.len()` of
//! them being keyword arguments named by `kwnames` (strs).

use crate::types::str::StrData;
use crate::value::Value;
use crate::{PyErr, PyResult};

#[derive(Clone, Copy)]
pub struct Args<'a> {
    values: &'a [Value],
    kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    #[inline(always)]
    pub fn new(positional: &'a [Value]) -> Args<'a> {
        Args {
            values: positional,
            kwnames: &[],
        }
    }

    /// `values` ends with one value per name in `kwnames`.
    #[inline(always)]
    pub fn with_kwnames(values: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        debug_assert!(kwnames.len() <= values.len());
        Args { values, kwnames }
    }

    /// The same arguments without the first `n` positional ones (e.g. dropping `cls`).
    pub fn skip_positional(self, n: usize) -> Args<'a> {
        let n = n.min(self.len());
        Args {
            values: &self.values[n..],
            kwnames: self.kwnames,
        }
    }

    /// All values (positional then keyword values).
    pub fn all_values(&self) -> &'a [Value] {
        self.values
    }

    #[inline(always)]
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    pub fn kwnames(&self) -> &'a [Value] {
        self.kwnames
    }

    pub fn kwvalues(&self) -> &'a [Value] {
        &self.values[self.values.len() - self.kwnames.len()..]
    }

    /// `(name, value)` pairs of the keyword arguments.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let names = self.kwnames;
        let values = self.kwvalues();
        names.iter().zip(values.iter()).map(|(n, v)| {
            (
                n.downcast::<StrData>()
                    .map(|s| s.data.as_str())
                    .unwrap_or(""),
                v,
            )
        })
    }

    #[inline(always)]
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// Number of positional arguments.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.values.len() - self.kwnames.len()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Fails if keyword arguments were given.
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            Err(PyErr::type_error(format!(
                "{fname}() takes no keyword arguments"
            )))
        } else {
            Ok(())
        }
    }

    /// Exactly `N` positional arguments and no keywords.
    pub fn exact<const N: usize>(&self, fname: &str) -> PyResult<[&'a Value; N]> {
        self.no_kwargs(fname)?;
        let pos = self.positional();
        if pos.len() != N {
            return Err(match N {
                0 => PyErr::type_error(format!(
                    "{fname}() takes no arguments ({} given)",
                    pos.len()
                )),
                1 => PyErr::type_error(format!(
                    "{fname}() takes exactly one argument ({} given)",
                    pos.len()
                )),
                _ => {
                    PyErr::type_error(format!("{fname} expected {N} arguments, got {}", pos.len()))
                }
            });
        }
        Ok(std::array::from_fn(|i| &pos[i]))
    }

    /// Between `min` and `max` positional arguments and no keywords.
    pub fn range(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(fname)?;
        let pos = self.positional();
        if pos.len() < min {
            return Err(PyErr::type_error(format!(
                "{fname} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                pos.len()
            )));
        }
        if pos.len() > max {
            return Err(PyErr::type_error(format!(
                "{fname} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                pos.len()
            )));
        }
        Ok(pos)
    }

    /// Binds positional-or-keyword parameters `names` (the first `required` are mandatory).
    /// Parameters listed after `positional_only` names may also be given by keyword; names
    /// before it may not.
    pub fn bind<const N: usize>(
        &self,
        fname: &str,
        names: [&str; N],
        required: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        self.bind_with(fname, names, required, 0, N)
    }

    /// Like [`Args::bind`] with the first `posonly` parameters positional-only and at most
    /// `max_positional` given positionally (the rest keyword-only).
    pub fn bind_with<const N: usize>(
        &self,
        fname: &str,
        names: [&str; N],
        required: usize,
        posonly: usize,
        max_positional: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let pos = self.positional();
        if pos.len() > max_positional {
            return Err(PyErr::type_error(if max_positional == N {
                format!(
                    "{fname}() takes at most {N} argument{} ({} given)",
                    if N == 1 { "" } else { "s" },
                    pos.len()
                )
            } else {
                format!(
                    "{fname}() takes at most {max_positional} positional argument{} ({} given)",
                    if max_positional == 1 { "" } else { "s" },
                    pos.len()
                )
            }));
        }
        let mut out: [Option<&'a Value>; N] = [None; N];
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v);
        }
        for (name, value) in self.kwargs() {
            match names.iter().position(|n| *n == name) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(PyErr::type_error(format!(
                            "argument for {fname}() given by name ('{name}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(value);
                }
                Some(_) => {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got some positional-only arguments passed as keyword arguments: '{name}'"
                    )))
                }
                None => {
                    return Err(PyErr::type_error(format!("{fname}() got an unexpected keyword argument '{name}'")));
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(PyErr::type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}
