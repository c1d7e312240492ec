//! `enumerate`, `zip`, `map`, `filter`.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::object::Obj;
use crate::sync::PyMutex;
use crate::types::int::{int_from_bigint, IntValue};
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct EnumerateData {
    it: Value,
    count: PyMutex<IntValue>,
}

impl EnumerateData {
    pub fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(v) = vm.next(&self.it)? else {
            return Ok(None);
        };
        let mut c = self.count.lock();
        let i = c.clone();
        *c = match &*c {
            IntValue::Small(s) => match s.checked_add(1) {
                Some(n) => IntValue::Small(n),
                None => IntValue::Big(c.to_bigint() + 1),
            },
            IntValue::Big(b) => IntValue::Big(b + 1),
        };
        drop(c);
        let idx = match i {
            IntValue::Small(s) => crate::types::int::int_from_i64(s),
            IntValue::Big(b) => int_from_bigint(b),
        };
        Ok(Some(crate::types::tuple::new_tuple(vec![idx, v])))
    }
}

pub fn enumerate_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [iterable, start] = args.bind("enumerate", ["iterable", "start"], 1)?;
    let it = vm.get_iter(iterable.expect("required"))?;
    let start = match start {
        Some(s) => match IntValue::of(s) {
            Some(i) => i,
            None => vm.index_value(s)?,
        },
        None => IntValue::Small(0),
    };
    Ok(alloc_instance(
        cls,
        EnumerateData {
            it,
            count: PyMutex::new(start),
        },
    ))
}

pub struct ZipData {
    its: Vec<Value>,
    strict: bool,
    done: AtomicBool,
}

impl ZipData {
    pub fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.done.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.iter().enumerate() {
            match vm.next(it)? {
                Some(v) => items.push(v),
                None => {
                    self.done.store(true, Ordering::Relaxed);
                    if self.strict {
                        if i > 0 {
                            let plural = if i == 1 { " " } else { "s 1-" };
                            return Err(PyErr::value_error(format!(
                                "zip() argument {} is shorter than argument{plural}{}",
                                i + 1,
                                i
                            )));
                        }
                        for (j, other) in self.its.iter().enumerate().skip(1) {
                            if vm.next(other)?.is_some() {
                                let plural = if j == 1 { " " } else { "s 1-" };
                                return Err(PyErr::value_error(format!(
                                    "zip() argument {} is longer than argument{plural}{}",
                                    j + 1,
                                    j
                                )));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(crate::types::tuple::new_tuple(items)))
    }
}

pub fn zip_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(PyErr::type_error(format!(
                "zip() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let mut its = Vec::new();
    for (i, a) in args.positional().iter().enumerate() {
        its.push(vm.get_iter(a).map_err(|e| {
            if e.matches(&types().exc.type_error) {
                PyErr::type_error(format!("zip argument #{} must support iteration", i + 1))
            } else {
                e
            }
        })?);
    }
    Ok(alloc_instance(
        cls,
        ZipData {
            its,
            strict,
            done: AtomicBool::new(false),
        },
    ))
}

pub struct MapData {
    func: Value,
    its: Vec<Value>,
}

impl MapData {
    pub fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut items = Vec::with_capacity(self.its.len());
        for it in &self.its {
            match vm.next(it)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        vm.call(&self.func, &items).map(Some)
    }
}

pub fn map_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &pos[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(alloc_instance(
        cls,
        MapData {
            func: pos[0].clone(),
            its,
        },
    ))
}

pub struct FilterData {
    func: Value,
    it: Value,
}

impl FilterData {
    pub fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while let Some(v) = vm.next(&self.it)? {
            let keep = if self.func.is_none() {
                vm.is_true(&v)?
            } else {
                let r = vm.call(&self.func, std::slice::from_ref(&v))?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

pub fn filter_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    let [func, iterable] = args.exact::<2>("filter")?;
    let it = vm.get_iter(iterable)?;
    Ok(alloc_instance(
        cls,
        FilterData {
            func: func.clone(),
            it,
        },
    ))
}

fn next_method(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    crate::types::iter::native_next_by_layout(vm, this)
        .unwrap_or(Ok(None))?
        .ok_or_else(|| PyErr::stop_iteration(Value::NONE))
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

pub fn init(t: &BuiltinTypes) {
    for ty in [&t.enumerate, &t.zip, &t.map, &t.filter] {
        add_methods(
            ty,
            &[
                MethodDef::method("__next__", next_method),
                MethodDef::method("__iter__", iter_self),
            ],
        );
    }
}
