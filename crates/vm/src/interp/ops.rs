//! Generic operations shared by the dispatch loop and native code: operators, comparisons,
//! truth, iteration, subscripts, hashing, `repr`/`str`/`format`, unpacking, raising.
//!
//! Each operation tries native fast paths for exact builtin types first, then falls back
//! to the special-method protocol (`__add__`/`__radd__`, `__eq__`, `__iter__`, ...) found
//! through the type's cached MRO lookup.

use krait_bytecode::{BinaryOperator, ComparisonOperator, Intrinsic1, Intrinsic2};

use crate::intern::names;
use crate::object::Layout;
use crate::types::dict::DictData;
use crate::types::exception::ExceptionData;
use crate::types::generator::SendResult;
use crate::types::list::ListData;
use crate::types::object::{is_not_implemented, not_implemented};
use crate::types::str::{new_str, StrData};
use crate::types::tuple::TupleData;
use crate::types::typeobj::TypeData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// Dunder names of a binary operator: (forward, reflected, in-place).
fn binary_dunders(op: BinaryOperator) -> (&'static Value, &'static Value, Option<&'static Value>) {
    let n = names();
    use BinaryOperator::*;
    let base = op.non_inplace();
    let (f, r, i) = match base {
        Add => (&n.__add__, &n.__radd__, &n.__iadd__),
        And => (&n.__and__, &n.__rand__, &n.__iand__),
        FloorDivide => (&n.__floordiv__, &n.__rfloordiv__, &n.__ifloordiv__),
        Lshift => (&n.__lshift__, &n.__rlshift__, &n.__ilshift__),
        MatrixMultiply => (&n.__matmul__, &n.__rmatmul__, &n.__imatmul__),
        Multiply => (&n.__mul__, &n.__rmul__, &n.__imul__),
        Remainder => (&n.__mod__, &n.__rmod__, &n.__imod__),
        Or => (&n.__or__, &n.__ror__, &n.__ior__),
        Power => (&n.__pow__, &n.__rpow__, &n.__ipow__),
        Rshift => (&n.__rshift__, &n.__rrshift__, &n.__irshift__),
        Subtract => (&n.__sub__, &n.__rsub__, &n.__isub__),
        TrueDivide => (&n.__truediv__, &n.__rtruediv__, &n.__itruediv__),
        Xor => (&n.__xor__, &n.__rxor__, &n.__ixor__),
        _ => (&n.__getitem__, &n.__getitem__, &n.__getitem__),
    };
    (f, r, if op.is_inplace() { Some(i) } else { None })
}

/// `a + b` for two exact lists (not for `+=`, which extends in place) or two exact tuples.
fn concat_sequences(a: &Value, b: &Value, plain_add: bool) -> Option<Value> {
    let t = types();
    let (ta, tb) = (type_of(a), type_of(b));
    if !std::ptr::eq(ta, tb) {
        return None;
    }
    if plain_add && std::ptr::eq(ta, &*t.list) {
        let (x, y) = (a.downcast::<ListData>()?, b.downcast::<ListData>()?);
        let mut items = x.data.snapshot();
        items.extend(y.data.snapshot());
        return Some(crate::types::list::new_list(items));
    }
    if std::ptr::eq(ta, &*t.tuple) {
        let (x, y) = (a.downcast::<TupleData>()?, b.downcast::<TupleData>()?);
        if y.data.is_empty() {
            return Some(a.clone());
        }
        if x.data.is_empty() {
            return Some(b.clone());
        }
        let mut items = Vec::with_capacity(x.data.len() + y.data.len());
        items.extend_from_slice(x.data.items());
        items.extend_from_slice(y.data.items());
        return Some(crate::types::tuple::new_tuple(items));
    }
    None
}

impl Vm {
    /// `a <op> b` for every `BINARY_OP` operator, including in-place forms and subscript.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
        if op == BinaryOperator::Subscr {
            return self.get_item(a, b);
        }
        if let Some(r) = crate::types::int::numeric_binary_op(a, b, op.non_inplace()) {
            return r;
        }
        if op.non_inplace() == BinaryOperator::Add {
            if let (Some(x), Some(y)) = (exact_str(a), exact_str(b)) {
                return Ok(crate::types::str::concat(x, y));
            }
            if let Some(r) = concat_sequences(a, b, op == BinaryOperator::Add) {
                return Ok(r);
            }
        }
        let (fwd, refl, inplace) = binary_dunders(op);
        if let Some(iname) = inplace {
            if let Some(m) = type_of(a).lookup(iname) {
                let r = self.call_descriptor(&m, a, std::slice::from_ref(b))?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        let r = self.binary_op1(a, b, fwd, refl)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
        Err(self.binary_type_error(a, b, op))
    }

    /// Tries `a.fwd(b)` and `b.refl(a)` in CPython's order; NotImplemented if neither works.
    pub fn binary_op1(
        &mut self,
        a: &Value,
        b: &Value,
        fwd: &Value,
        refl: &Value,
    ) -> PyResult<Value> {
        let ta = type_of(a);
        let tb = type_of(b);
        let slot_a = ta.lookup(fwd);
        let slot_b = if !tb.is(ta) { tb.lookup(refl) } else { None };
        let mut tried_b = false;
        if let Some(sb) = &slot_b {
            if tb.is_subtype(ta) {
                let a_refl = ta.lookup(refl);
                if a_refl.map(|x| !x.is(sb)).unwrap_or(true) {
                    tried_b = true;
                    let r = self.call_descriptor(sb, b, std::slice::from_ref(a))?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(sa) = &slot_a {
            let r = self.call_descriptor(sa, a, std::slice::from_ref(b))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(sb) = &slot_b {
            if !tried_b {
                let r = self.call_descriptor(sb, b, std::slice::from_ref(a))?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        Ok(not_implemented())
    }

    fn binary_type_error(&self, a: &Value, b: &Value, op: BinaryOperator) -> PyErr {
        let base = op.non_inplace();
        if base == BinaryOperator::Multiply {
            for (seq, other) in [(a, b), (b, a)] {
                if is_sequence_for_repeat(seq) && !is_index_like(other) {
                    return PyErr::type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        type_of(other).name()
                    ));
                }
            }
        }
        if base == BinaryOperator::Add && exact_str(a).is_some() {
            return PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                type_of(b).name()
            ));
        }
        if base == BinaryOperator::Add
            && a.downcast::<ListData>().is_some()
            && type_of(a).is(&types().list)
        {
            return PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                type_of(b).name()
            ));
        }
        if base == BinaryOperator::Add
            && a.downcast::<TupleData>().is_some()
            && type_of(a).is(&types().tuple)
        {
            return PyErr::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                type_of(b).name()
            ));
        }
        let sym = if base == BinaryOperator::Power {
            if op.is_inplace() {
                "**="
            } else {
                "** or pow()"
            }
        } else {
            op.text()
        };
        PyErr::type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            type_of(a).name(),
            type_of(b).name()
        ))
    }

    /// A unary operator through its dunder (`__neg__`, `__pos__`, `__invert__`).
    pub fn unary_op(&mut self, v: &Value, dunder: &str, sym: &str) -> PyResult<Value> {
        if let Some(r) = crate::types::int::numeric_unary_op(v, dunder) {
            return r;
        }
        let name = crate::intern::intern(dunder);
        match self.call_special(v, &name, &[])? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "bad operand type for {sym}: '{}'",
                type_of(v).name()
            ))),
        }
    }

    /// `a <op> b` for a comparison, returning whatever the dunder returns.
    pub fn rich_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: ComparisonOperator,
    ) -> PyResult<Value> {
        if let Some(r) = crate::types::int::numeric_compare(a, b, op) {
            return Ok(Value::bool(r));
        }
        if let (Some(x), Some(y)) = (exact_str(a), exact_str(b)) {
            return Ok(Value::bool(crate::interp::eval::compare_ord(
                x.data.as_str().cmp(y.data.as_str()),
                op,
            )));
        }
        self.recursion_guard(" in comparison", |vm| vm.rich_compare_slow(a, b, op))
    }

    fn rich_compare_slow(
        &mut self,
        a: &Value,
        b: &Value,
        op: ComparisonOperator,
    ) -> PyResult<Value> {
        let n = names();
        let dunder = |op: ComparisonOperator| -> &'static Value {
            match op {
                ComparisonOperator::Less => &n.__lt__,
                ComparisonOperator::LessEqual => &n.__le__,
                ComparisonOperator::Equal => &n.__eq__,
                ComparisonOperator::NotEqual => &n.__ne__,
                ComparisonOperator::Greater => &n.__gt__,
                ComparisonOperator::GreaterEqual => &n.__ge__,
            }
        };
        let ta = type_of(a);
        let tb = type_of(b);
        let mut checked_reverse = false;
        if !ta.is(tb) && tb.is_subtype(ta) {
            if let Some(m) = tb.lookup(dunder(op.swapped())) {
                checked_reverse = true;
                let r = self.call_descriptor(&m, b, std::slice::from_ref(a))?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = ta.lookup(dunder(op)) {
            let r = self.call_descriptor(&m, a, std::slice::from_ref(b))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(m) = tb.lookup(dunder(op.swapped())) {
                let r = self.call_descriptor(&m, b, std::slice::from_ref(a))?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            ComparisonOperator::Equal => Ok(Value::bool(a.is(b))),
            ComparisonOperator::NotEqual => Ok(Value::bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.text(),
                ta.name(),
                tb.name()
            ))),
        }
    }

    /// A comparison as a Rust bool.
    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<bool> {
        let r = self.rich_compare(a, b, op)?;
        match r.as_bool() {
            Some(x) => Ok(x),
            None => self.is_true(&r),
        }
    }

    /// `a == b` with the identity shortcut containers use.
    #[inline]
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(x == y);
        }
        self.compare_bool(a, b, ComparisonOperator::Equal)
    }

    /// `bool(v)`.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float_imm() {
            return Ok(f != 0.0);
        }
        let ty = type_of(v);
        if !ty.data.has_flag(crate::types::typeobj::tflags::HEAPTYPE) {
            if let Some(n) = crate::types::native_len(v) {
                return Ok(n != 0);
            }
        }
        let n = names();
        if let Some(m) = ty.lookup(&n.__bool__) {
            let r = self.call_descriptor(&m, v, &[])?;
            return match r.as_bool() {
                Some(b) => Ok(b),
                None => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_of(&r).name()
                ))),
            };
        }
        if ty.lookup(&n.__len__).is_some() {
            return Ok(self.len(v)? != 0);
        }
        Ok(true)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = crate::types::native_len(v) {
            if !type_of(v)
                .data
                .has_flag(crate::types::typeobj::tflags::HEAPTYPE)
            {
                return Ok(n);
            }
        }
        match self.call_special(v, &names().__len__, &[])? {
            Some(r) => {
                let n = self.index_value(&r).map_err(|_| {
                    PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_of(&r).name()
                    ))
                })?;
                match n.to_i64() {
                    Some(i) if i < 0 => Err(PyErr::value_error("__len__() should return >= 0")),
                    Some(i) => Ok(i as usize),
                    None => Err(PyErr::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    )),
                }
            }
            None => Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                type_of(v).name()
            ))),
        }
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = crate::types::iter::native_iter(v) {
            return Ok(it);
        }
        let n = names();
        let ty = type_of(v);
        if let Some(m) = ty.lookup(&n.__iter__) {
            if m.is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    ty.name()
                )));
            }
            let it = self.call_descriptor(&m, v, &[])?;
            if type_of(&it).lookup(&n.__next__).is_none() {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_of(&it).name()
                )));
            }
            return Ok(it);
        }
        if ty.lookup(&n.__getitem__).is_some() {
            return Ok(crate::types::iter::new_seq_iter(v.clone()));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            ty.name()
        )))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = crate::types::iter::fast_next(it) {
            return r;
        }
        self.next_not_fast(it)
    }

    /// `next(it)` for an iterator `fast_next` does not handle (FOR_ITER tried it already).
    pub fn next_not_fast(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(g) = it.downcast::<crate::types::generator::GeneratorData>() {
            return crate::types::generator::gen_next(self, g);
        }
        if let Some(r) = crate::types::iter::native_next(self, it) {
            return r;
        }
        let n = names();
        match type_of(it).lookup(&n.__next__) {
            Some(m) => match self.call_descriptor(&m, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(&types().exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                type_of(it).name()
            ))),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = iterable.downcast::<TupleData>() {
            return Ok(t.data.items().to_vec());
        }
        if let Some(l) = iterable.downcast::<ListData>() {
            if type_of(iterable).is(&types().list) {
                return Ok(l.data.snapshot());
            }
        }
        let it = self.get_iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    /// `container[key]`.
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Some(r) = crate::types::native_getitem(self, container, key) {
            return r;
        }
        let n = names();
        let ty = type_of(container);
        if let Some(m) = ty.lookup(&n.__getitem__) {
            return self.call_descriptor(&m, container, std::slice::from_ref(key));
        }
        if let Some(cls) = container.downcast::<TypeData>() {
            if let Some(m) = cls.lookup(&n.__class_getitem__) {
                let f = self.bind_descriptor_to_class(&m, container)?;
                return self.call(&f, std::slice::from_ref(key));
            }
            if cls.is(&types().type_) {
                return Ok(crate::types::typeobj_new::generic_alias(
                    container.clone(),
                    key.clone(),
                ));
            }
            return Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                cls.name()
            )));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            ty.name()
        )))
    }

    /// `container[key] = value`.
    pub fn set_item(&mut self, container: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Some(r) = crate::types::native_setitem(self, container, key, &value) {
            return r;
        }
        match type_of(container).lookup(&names().__setitem__) {
            Some(m) => self
                .call_descriptor(&m, container, &[key.clone(), value])
                .map(|_| ()),
            None => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                type_name(container)
            ))),
        }
    }

    /// `del container[key]`.
    pub fn del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        match type_of(container).lookup(&names().__delitem__) {
            Some(m) => self
                .call_descriptor(&m, container, std::slice::from_ref(key))
                .map(|_| ()),
            None => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(container)
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(r) = crate::types::native_contains(self, container, item) {
            return r;
        }
        let ty = type_of(container);
        if let Some(m) = ty.lookup(&names().__contains__) {
            let r = self.call_descriptor(&m, container, std::slice::from_ref(item))?;
            return self.is_true(&r);
        }
        // Fall back to iteration.
        let it = self.get_iter(container).map_err(|_| {
            PyErr::type_error(format!("argument of type '{}' is not iterable", ty.name()))
        })?;
        while let Some(v) = self.next(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = crate::types::native_hash(v) {
            return Ok(h);
        }
        self.check_stack()?;
        let ty = type_of(v);
        match ty.lookup(&names().__hash__) {
            Some(m) if !m.is_none() => {
                let r = self.call_descriptor(&m, v, &[])?;
                if let Some(i) = r.as_small_int() {
                    return Ok(if i == -1 { -2 } else { i });
                }
                match crate::types::int::as_bigint(&r) {
                    // An i64 result is used as is (CPython: values that fit a Py_ssize_t).
                    Some(b) => Ok(match num_traits::ToPrimitive::to_i64(&b) {
                        Some(i) if i != -1 => i,
                        Some(_) => -2,
                        None => crate::numfmt::hash_bigint(&b),
                    }),
                    None => Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    )),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                ty.name()
            ))),
        }
    }

    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(s) = crate::types::native_repr(v) {
            return Ok(s);
        }
        self.recursion_guard(
            " while getting the repr of an object",
            |vm| match type_of(v).lookup(&names().__repr__) {
                Some(m) => {
                    let r = vm.call_descriptor(&m, v, &[])?;
                    if r.downcast::<StrData>().is_none() {
                        return Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            type_of(&r).name()
                        )));
                    }
                    Ok(r)
                }
                None => Ok(new_str(crate::types::object::default_repr(vm, v)?)),
            },
        )
    }

    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.downcast::<StrData>()
            .map(|s| s.data.as_str().to_string())
            .unwrap_or_default())
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(s) = exact_str(v) {
            return Ok(s.to_value());
        }
        if v.is_small_int() || v.is_float_imm() || v.is_bool() || v.is_none() {
            return self.repr(v);
        }
        self.check_stack()?;
        match type_of(v).lookup(&names().__str__) {
            Some(m) => {
                let r = self.call_descriptor(&m, v, &[])?;
                if r.downcast::<StrData>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__str__ returned non-string (type {})",
                        type_of(&r).name()
                    )));
                }
                Ok(r)
            }
            None => self.repr(v),
        }
    }

    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.downcast::<StrData>() {
            if type_of(v).is(&types().str) {
                return Ok(s.data.as_str().to_string());
            }
        }
        let r = self.str(v)?;
        Ok(r.downcast::<StrData>()
            .map(|s| s.data.as_str().to_string())
            .unwrap_or_default())
    }

    /// `ascii(v)`.
    pub fn ascii(&mut self, v: &Value) -> PyResult<Value> {
        let r = self.repr_string(v)?;
        Ok(new_str(crate::types::str::ascii_escape(&r)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let empty_spec = spec
            .downcast::<StrData>()
            .is_some_and(|s| s.data.as_str().is_empty());
        if empty_spec {
            if let Some(s) = exact_str(v) {
                return Ok(s.to_value());
            }
            if v.is_small_int() || v.is_float_imm() {
                return self.str(v);
            }
        }
        match type_of(v).lookup(&names().__format__) {
            Some(m) => {
                let r = self.call_descriptor(&m, v, std::slice::from_ref(spec))?;
                if r.downcast::<StrData>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__format__ must return a str, not {}",
                        type_of(&r).name()
                    )));
                }
                Ok(r)
            }
            None => Err(PyErr::type_error(format!(
                "Type {} doesn't define __format__",
                type_of(v).name()
            ))),
        }
    }

    /// `operator.index(v)` as an int value (small or big).
    pub fn index_value(&mut self, v: &Value) -> PyResult<crate::types::int::IntValue> {
        if let Some(i) = crate::types::int::IntValue::of(v) {
            return Ok(i);
        }
        match self.call_special(v, &names().__index__, &[])? {
            Some(r) => match crate::types::int::IntValue::of(&r) {
                Some(i) => Ok(i),
                None => Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_of(&r).name()
                ))),
            },
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(v).name()
            ))),
        }
    }

    /// `__index__` converted to i64 (OverflowError when too large).
    pub fn to_i64(&mut self, v: &Value) -> PyResult<i64> {
        let i = self.index_value(v)?;
        i.to_i64()
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
    }

    /// Unpacks exactly `n` items.
    pub(crate) fn unpack_sequence(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = if let Some(t) = seq.downcast::<TupleData>() {
            t.data.items().to_vec()
        } else if let (Some(l), true) = (seq.downcast::<ListData>(), type_of(seq).is(&types().list))
        {
            l.data.snapshot()
        } else {
            let it = self.get_iter(seq).map_err(|e| {
                if e.matches(&types().exc.type_error) && !crate::types::iter::is_iterable(seq) {
                    PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        type_of(seq).name()
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(n);
            while let Some(v) = self.next(&it)? {
                if out.len() == n {
                    return Err(PyErr::value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
                out.push(v);
            }
            out
        };
        if items.len() != n {
            return Err(if items.len() > n {
                PyErr::value_error(format!("too many values to unpack (expected {n})"))
            } else {
                PyErr::value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    items.len()
                ))
            });
        }
        Ok(items)
    }

    /// Unpacks `before` items, a list of the middle, and `after` items.
    pub(crate) fn unpack_ex(
        &mut self,
        seq: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let mut items = self.collect(seq).map_err(|e| {
            if e.matches(&types().exc.type_error) && !crate::types::iter::is_iterable(seq) {
                PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_of(seq).name()
                ))
            } else {
                e
            }
        })?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        items.push(crate::types::list::new_list(middle));
        items.extend(tail);
        Ok(items)
    }

    pub(crate) fn list_extend_for_unpack(
        &mut self,
        list: &Value,
        iterable: &Value,
    ) -> PyResult<()> {
        let items = self.collect(iterable).map_err(|e| {
            if e.matches(&types().exc.type_error) && !crate::types::iter::is_iterable(iterable) {
                PyErr::type_error(format!(
                    "Value after * must be an iterable, not {}",
                    type_of(iterable).name()
                ))
            } else {
                e
            }
        })?;
        if let Some(l) = list.downcast::<ListData>() {
            l.data.extend(items);
        }
        Ok(())
    }

    /// `{**mapping}` (callable None) or `f(**mapping)` (duplicate keys are errors).
    pub(crate) fn dict_update_for_unpack(
        &mut self,
        dict: &Value,
        mapping: &Value,
        callable: Option<&Value>,
    ) -> PyResult<()> {
        let Some(d) = dict.downcast::<DictData>() else {
            return Err(PyErr::system_error("dict update on a non-dict"));
        };
        let pairs: Vec<(Value, Value)> = if let Some(m) = mapping.downcast::<DictData>() {
            m.data.items()
        } else {
            let keys = match self.lookup_attr(mapping, &names().keys)? {
                Some(k) => k,
                None => {
                    return Err(match callable {
                        Some(c) => PyErr::type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            self.callable_description(c),
                            type_of(mapping).name()
                        )),
                        None => PyErr::type_error(format!(
                            "'{}' object is not a mapping",
                            type_of(mapping).name()
                        )),
                    })
                }
            };
            let keys = self.call(&keys, &[])?;
            let keys = self.collect(&keys)?;
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = self.get_item(mapping, &k)?;
                out.push((k, v));
            }
            out
        };
        for (k, v) in pairs {
            if let Some(c) = callable {
                if k.downcast::<StrData>().is_none() {
                    let _ = c;
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                if d.data.get_item(self, &k)?.is_some() {
                    let ks = crate::interp::eval::name_str(&k).to_string();
                    return Err(PyErr::type_error(format!(
                        "{} got multiple values for keyword argument '{ks}'",
                        self.callable_description(c)
                    )));
                }
            }
            d.data.set_item(self, k, v)?;
        }
        Ok(())
    }

    /// `except T:` matching.
    pub(crate) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let check = |t: &Value| -> PyResult<bool> {
            match t.downcast::<TypeData>() {
                Some(cls) if cls.is_subtype(&types().exc.base_exception) => {
                    Ok(crate::types::isinstance(exc, cls))
                }
                _ => Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        if let Some(t) = ty.downcast::<TupleData>() {
            let mut any = false;
            for item in t.data.items() {
                if check(item)? {
                    any = true;
                }
            }
            return Ok(any);
        }
        check(ty)
    }

    /// Builds the exception for `raise exc from cause` (either may be absent).
    pub(crate) fn make_raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> PyErr {
        let Some(exc) = exc else {
            // Bare `raise`.
            if self.exc_info.is_none() {
                return PyErr::runtime_error("No active exception to reraise");
            }
            return PyErr::from_exception(self.exc_info.clone());
        };
        let exc =
            match self.instantiate_exception(&exc, "exceptions must derive from BaseException") {
                Ok(e) => e,
                Err(e) => return e,
            };
        if let Some(cause) = cause {
            let cause = if cause.is_none() {
                Value::NONE
            } else {
                match self.instantiate_exception(
                    &cause,
                    "exception causes must derive from BaseException",
                ) {
                    Ok(c) => c,
                    Err(e) => return e,
                }
            };
            if let Some(e) = exc.downcast::<ExceptionData>() {
                e.data.set_cause(cause);
            }
        }
        PyErr::from_exception(exc)
    }

    /// An exception instance from a class or instance.
    pub(crate) fn instantiate_exception(&mut self, v: &Value, msg: &str) -> PyResult<Value> {
        if v.downcast::<ExceptionData>().is_some() {
            return Ok(v.clone());
        }
        if let Some(cls) = v.downcast::<TypeData>() {
            if cls.is_subtype(&types().exc.base_exception) {
                let inst = self.call(v, &[])?;
                if inst.downcast::<ExceptionData>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        cls.name(),
                        type_of(&inst).name()
                    )));
                }
                return Ok(inst);
            }
        }
        Err(PyErr::type_error(msg))
    }

    pub(crate) fn call_intrinsic_1(
        &mut self,
        which: Option<Intrinsic1>,
        v: Value,
    ) -> PyResult<Value> {
        match which {
            Some(Intrinsic1::Print) => {
                if !v.is_none() {
                    let r = self.repr_string(&v)?;
                    self.write_stdout(&format!("{r}\n"))?;
                    self.interp
                        .builtins_dict
                        .data
                        .set_str(crate::intern::intern("_"), v);
                }
                Ok(Value::NONE)
            }
            Some(Intrinsic1::ImportStar) => {
                self.import_star(&v)?;
                Ok(Value::NONE)
            }
            Some(Intrinsic1::StopIterationError) => {
                // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
                if crate::types::isinstance(&v, &types().exc.stop_iteration) {
                    let e = PyErr::runtime_error("generator raised StopIteration");
                    e.exception().data.set_cause(v.clone());
                    e.exception().data.set_context(v);
                    return Err(e);
                }
                self.reraising = true;
                Err(PyErr::from_exception(v))
            }
            Some(Intrinsic1::UnaryPositive) => self.unary_op(&v, "__pos__", "unary +"),
            Some(Intrinsic1::ListToTuple) => match v.downcast::<ListData>() {
                Some(l) => Ok(crate::types::tuple::new_tuple(l.data.snapshot())),
                None => Err(PyErr::system_error("LIST_TO_TUPLE on a non-list")),
            },
            _ => Err(PyErr::not_implemented(
                "this intrinsic function is not supported yet",
            )),
        }
    }

    pub(crate) fn call_intrinsic_2(
        &mut self,
        which: Option<Intrinsic2>,
        _a: Value,
        _b: Value,
    ) -> PyResult<Value> {
        let _ = which;
        Err(PyErr::not_implemented("except* is not supported yet"))
    }

    /// `receiver.send(v)` for `yield from`/SEND.
    pub(crate) fn send(&mut self, receiver: &Value, v: Value) -> PyResult<SendResult> {
        if let Some(g) = receiver.downcast::<crate::types::generator::GeneratorData>() {
            return crate::types::generator::gen_send(self, g, v);
        }
        let r = if v.is_none() {
            if let Some(r) = crate::types::iter::fast_next(receiver) {
                return Ok(match r? {
                    Some(y) => SendResult::Yield(y),
                    None => SendResult::Return(Value::NONE),
                });
            }
            match type_of(receiver).lookup(&names().__next__) {
                Some(m) => self.call_descriptor(&m, receiver, &[]),
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        type_of(receiver).name()
                    )))
                }
            }
        } else {
            self.call_method(receiver, &names().send, &[v])
        };
        match r {
            Ok(y) => Ok(SendResult::Yield(y)),
            Err(e) if e.matches(&types().exc.stop_iteration) => Ok(SendResult::Return(
                crate::types::exception::stop_iteration_value(e.value()),
            )),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn setup_annotations(&mut self, locals: &Value) -> PyResult<()> {
        let n = names();
        if locals.is_empty() {
            return Err(PyErr::system_error(
                "no locals found when setting up annotations",
            ));
        }
        if self.mapping_lookup(locals, &n.__annotations__)?.is_none() {
            let d = DictData::new_ref().into_value();
            self.set_item(locals, &n.__annotations__, d)?;
        }
        Ok(())
    }

    /// Writes to `sys.stdout`.
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        let out = self.sys_attr("stdout")?;
        self.call_method(&out, &names().write, &[new_str(s)])?;
        Ok(())
    }

    /// An attribute of the `sys` module.
    /// Reports an exception that cannot propagate (raised while finalizing `obj`) through
    /// `sys.unraisablehook`, as CPython's `PyErr_WriteUnraisable`; if the hook itself
    /// fails, the original error is printed to the process's stderr.
    pub fn write_unraisable(&mut self, err: PyErr, obj: &Value) {
        let exc = err.into_value();
        let tb = self
            .lookup_attr(&exc, &crate::intern::intern("__traceback__"))
            .ok()
            .flatten()
            .unwrap_or(Value::NONE);
        let args = [
            type_of(&exc).to_value(),
            exc.clone(),
            tb,
            Value::NONE,
            obj.clone(),
        ];
        let reported = (|| -> PyResult<()> {
            let make = self.sys_attr("_unraisable_args")?;
            let hook_args = self.call(&make, &args)?;
            let hook = self.sys_attr("unraisablehook")?;
            self.call(&hook, &[hook_args])?;
            Ok(())
        })();
        if reported.is_err() {
            let repr = self.repr_string(obj).unwrap_or_default();
            let text = crate::interp::traceback::format_exception_unchained(self, &exc);
            eprint!("Exception ignored in: {repr}\n{text}");
        }
    }

    pub fn sys_attr(&mut self, name: &str) -> PyResult<Value> {
        let sys = self.interp.sys.clone();
        match sys
            .downcast::<crate::types::module::ModuleData>()
            .and_then(|m| m.data.dict.data.get_str(&crate::intern::intern(name)))
        {
            Some(v) => Ok(v),
            None => Err(PyErr::runtime_error(format!("lost sys.{name}"))),
        }
    }
}

/// `Some(str)` if `v` is exactly a `str`.
#[inline(always)]
pub fn exact_str(v: &Value) -> Option<&crate::object::Obj<StrData>> {
    let h = v.as_header()?;
    if h.layout() == Layout::Str && h.ty().is(&types().str) {
        h.downcast::<StrData>()
    } else {
        None
    }
}

fn type_name(v: &Value) -> String {
    type_of(v).name()
}

fn is_sequence_for_repeat(v: &Value) -> bool {
    matches!(
        v.layout(),
        Some(Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes | Layout::ByteArray)
    )
}

fn is_index_like(v: &Value) -> bool {
    v.is_small_int() || v.is_bool() || v.layout() == Some(Layout::Int)
}

impl Vm {
    /// Calls a callable with an `Args` built from a vector (owned values).
    pub fn call_owned(&mut self, callable: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_value(callable, Args::new(&args))
    }
}
