//! Attribute access: `object.__getattribute__`'s descriptor protocol, `type`'s and
//! `module`'s variants, method loading without bound-method objects, `super()` lookups.

use crate::intern::{intern_value, names};
use crate::object::{Layout, ObjRef};
use crate::types::builtin_func::BuiltinFunctionData;
use crate::types::descriptors::{
    ClassMethodData, GetSetData, MemberData, PropertyData, StaticMethodData,
};
use crate::types::dict::DictData;
use crate::types::function::FunctionData;
use crate::types::method::BoundMethodData;
use crate::types::module::ModuleData;
use crate::types::str::StrData;
use crate::types::typeobj::{tflags, AttrKind, TypeData};
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// Checks an attribute name is a str and returns it interned.
pub fn check_attr_name(name: &Value) -> PyResult<Value> {
    if name.downcast::<StrData>().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_of(name).name()
        )));
    }
    Ok(intern_value(name))
}

/// The kind of a descriptor found on a type, by its layout (fast) or its type's dunders.
enum DescrKind {
    /// Not a descriptor: returned as is.
    Plain,
    /// Has `__get__` only (functions, method descriptors, classmethod, ...).
    NonData,
    /// Has `__get__` and `__set__`/`__delete__` (property, slots, getsets).
    Data,
}

fn descr_kind(d: &Value) -> DescrKind {
    match d.layout() {
        Some(Layout::Function | Layout::ClassMethod | Layout::StaticMethod) => DescrKind::NonData,
        Some(Layout::BuiltinFunction) => {
            if crate::interp::call::is_method_descriptor(d) {
                DescrKind::NonData
            } else {
                DescrKind::Plain
            }
        }
        Some(Layout::Property | Layout::GetSetDescr | Layout::MemberDescr)
            if !type_of(d).data.has_flag(tflags::HEAPTYPE) =>
        {
            DescrKind::Data
        }
        None => DescrKind::Plain,
        _ => {
            let ty = type_of(d);
            if !ty.data.has_flag(tflags::HEAPTYPE) && !matches!(d.layout(), Some(Layout::Property))
            {
                return DescrKind::Plain;
            }
            let n = names();
            if ty.lookup(&n.__get__).is_none() {
                return DescrKind::Plain;
            }
            if ty.lookup(&n.__set__).is_some() || ty.lookup(&n.__delete__).is_some() {
                DescrKind::Data
            } else {
                DescrKind::NonData
            }
        }
    }
}

/// Whether `d` handles assignment (`__set__`) or deletion (`__delete__`) on instances.
fn is_set_descriptor(d: &Value, setting: bool) -> bool {
    match descr_kind(d) {
        DescrKind::Data => true,
        DescrKind::NonData => false,
        DescrKind::Plain => {
            if d.as_header().is_none() {
                return false;
            }
            let ty = type_of(d);
            if !ty.data.has_flag(tflags::HEAPTYPE) {
                return false;
            }
            let n = names();
            if setting {
                ty.lookup(&n.__set__).is_some()
            } else {
                ty.lookup(&n.__delete__).is_some()
            }
        }
    }
}

/// The `AttrKind` of attribute `d` found on type `ty` (method-cache fill; no Python code).
pub(crate) fn kind_for_cache(ty: &TypeData, d: &Value) -> AttrKind {
    let Some(h) = d.as_header() else {
        return AttrKind::Plain;
    };
    if h.ty().data.has_flag(tflags::HEAPTYPE) {
        return AttrKind::Dynamic;
    }
    match h.layout() {
        Layout::MemberDescr => {
            let m = d.downcast::<MemberData>().expect("layout");
            let applies =
                std::ptr::eq(ty, &m.data.objclass.data) || ty.is_subtype(&m.data.objclass.data);
            match u16::try_from(m.data.index) {
                Ok(i) if applies => AttrKind::Slot(i),
                _ => AttrKind::Data,
            }
        }
        Layout::Function => AttrKind::Method,
        Layout::BuiltinFunction if crate::interp::call::is_method_descriptor(d) => AttrKind::Method,
        _ => match descr_kind(d) {
            DescrKind::Data => AttrKind::Data,
            DescrKind::NonData => AttrKind::NonData,
            DescrKind::Plain => AttrKind::Plain,
        },
    }
}

/// A type attribute looked up for an instance access.
enum TypeAttr {
    Absent,
    /// A `__slots__` member of the instance's class: the slot index.
    Slot(usize),
    /// A data descriptor: it wins over the instance.
    Data(Value),
    /// A Python function or a method descriptor: binds to the instance.
    Method(Value),
    NonData(Value),
    Plain(Value),
}

/// Looks `name` up on `ty` for an instance access, classifying it (by the cached kind, or
/// by asking the descriptor's type for `Dynamic` ones).
#[inline]
fn type_attr(ty: &TypeData, name: &Value) -> TypeAttr {
    let (kind, d) = ty.lookup_attr(name, |kind, d| match kind {
        AttrKind::Absent | AttrKind::Slot(_) => (kind, None),
        _ => (kind, d.cloned()),
    });
    let Some(d) = d else {
        return match kind {
            AttrKind::Slot(i) => TypeAttr::Slot(i as usize),
            _ => TypeAttr::Absent,
        };
    };
    match kind {
        AttrKind::Data => TypeAttr::Data(d),
        AttrKind::Method => TypeAttr::Method(d),
        AttrKind::NonData => TypeAttr::NonData(d),
        AttrKind::Plain => TypeAttr::Plain(d),
        _ => match descr_kind(&d) {
            DescrKind::Data => TypeAttr::Data(d),
            DescrKind::NonData => TypeAttr::NonData(d),
            DescrKind::Plain => TypeAttr::Plain(d),
        },
    }
}

/// The instance storage of an object the inline attribute paths may use: an instance of a
/// Python class (not a class, module or function, whose attribute rules differ).
#[inline(always)]
fn plain_instance(obj: &Value) -> Option<(&crate::object::InstanceAttrs, &TypeData)> {
    let h = obj.as_header()?;
    let attrs = h.attrs()?;
    if matches!(h.layout(), Layout::Type | Layout::Module | Layout::Function) {
        return None;
    }
    Some((attrs, &h.ty().data))
}

/// `LOAD_ATTR`'s inline path for instances of Python classes: the instance's own attribute
/// when its type has none of that name, or a `__slots__` member. `None` means "take the
/// generic path" (which also raises the errors and calls `__getattr__`).
#[inline(always)]
pub fn fast_instance_getattr(obj: &Value, name: &Value) -> Option<Value> {
    let (attrs, ty) = plain_instance(obj)?;
    if ty.has_flag(tflags::CUSTOM_GETATTRIBUTE) {
        return None;
    }
    match ty.lookup_attr(name, |kind, _| kind) {
        AttrKind::Absent => attrs.get(&ty.shared_keys, name),
        AttrKind::Slot(i) => attrs.slot_get(i as usize),
        _ => None,
    }
}

/// `LOAD_ATTR`'s inline method path: the function when `obj.name` is a method of the
/// instance's type that the instance does not shadow.
#[inline(always)]
pub fn fast_instance_method(obj: &Value, name: &Value) -> Option<Value> {
    let (attrs, ty) = plain_instance(obj)?;
    if ty.has_flag(tflags::CUSTOM_GETATTRIBUTE) {
        return None;
    }
    let f = ty.lookup_attr(name, |kind, d| match kind {
        AttrKind::Method => d.cloned(),
        _ => None,
    })?;
    if attrs.get(&ty.shared_keys, name).is_some() {
        return None;
    }
    Some(f)
}

/// `STORE_ATTR`'s inline path: stores into the instance's own attributes (no attribute of
/// that name on the type) or a `__slots__` member; gives the value back when the generic
/// path must run.
#[inline(always)]
pub fn fast_instance_setattr(obj: &Value, name: &Value, value: Value) -> Result<(), Value> {
    let Some((attrs, ty)) = plain_instance(obj) else {
        return Err(value);
    };
    if ty.has_flag(tflags::CUSTOM_SETATTR) {
        return Err(value);
    }
    match ty.lookup_attr(name, |kind, _| kind) {
        AttrKind::Absent if ty.has_flag(tflags::HAS_DICT) => {
            attrs.set(&ty.shared_keys, name, value);
            Ok(())
        }
        AttrKind::Slot(i) => {
            attrs.slot_set(i as usize, Some(value));
            Ok(())
        }
        _ => Err(value),
    }
}

/// The instance `__dict__` of an object, if it has one (materializing it).
pub fn instance_dict(obj: &Value) -> Option<ObjRef<DictData>> {
    let h = obj.as_header()?;
    if let Some(attrs) = h.attrs() {
        if !h.ty().data.has_flag(tflags::HAS_DICT) {
            return None;
        }
        return Some(attrs.dict(&h.ty().data.shared_keys));
    }
    match h.layout() {
        Layout::Module => obj.downcast::<ModuleData>().map(|m| m.data.dict.clone()),
        Layout::Function => obj.downcast::<FunctionData>().map(|f| f.data.dict()),
        Layout::Type => obj.downcast::<TypeData>().map(|t| t.data.dict.clone()),
        _ => None,
    }
}

/// Looks `name` up in the instance's own attribute storage.
fn instance_lookup(obj: &Value, name: &Value) -> Option<Value> {
    let h = obj.as_header()?;
    if let Some(attrs) = h.attrs() {
        return attrs.get(&h.ty().data.shared_keys, name);
    }
    match h.layout() {
        Layout::Function => obj
            .downcast::<FunctionData>()
            .and_then(|f| f.data.dict_lookup(name)),
        _ => None,
    }
}

impl Vm {
    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let ty = type_of(obj);
        if ty.data.has_flag(tflags::CUSTOM_GETATTRIBUTE) {
            return self.custom_getattr(obj, name);
        }
        match self.generic_getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if ty.data.has_flag(tflags::HAS_GETATTR) {
                    if let Some(ga) = ty.lookup(&names().__getattr__) {
                        return self.call_descriptor(&ga, obj, std::slice::from_ref(name));
                    }
                }
                Err(attribute_error(obj, name))
            }
        }
    }

    /// `getattr(obj, name, None)`-like: `Ok(None)` instead of AttributeError.
    pub fn lookup_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let ty = type_of(obj);
        if !ty
            .data
            .has_flag(tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR)
        {
            return match self.generic_getattr_opt(obj, name) {
                Err(e) if e.matches(&types().exc.attribute_error) => Ok(None),
                r => r,
            };
        }
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&types().exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn custom_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let ty = type_of(obj);
        let n = names();
        let ga = ty.lookup(&n.__getattribute__).expect("flag says it exists");
        match self.call_descriptor(&ga, obj, std::slice::from_ref(name)) {
            Ok(v) => Ok(v),
            Err(e)
                if e.matches(&types().exc.attribute_error)
                    && ty.data.has_flag(tflags::HAS_GETATTR) =>
            {
                match ty.lookup(&n.__getattr__) {
                    Some(g) => self.call_descriptor(&g, obj, std::slice::from_ref(name)),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__` (and `type`'s and `module`'s): `Ok(None)` when absent.
    pub fn generic_getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(cls) = obj.downcast::<TypeData>() {
            return self.type_getattr(obj, cls, name);
        }
        let ty = type_of(obj);
        let descr = match type_attr(&ty.data, name) {
            TypeAttr::Absent => None,
            TypeAttr::Slot(index) => {
                if let Some(attrs) = obj.as_header().and_then(|h| h.attrs()) {
                    if let Some(v) = attrs.slot_get(index) {
                        return Ok(Some(v));
                    }
                }
                // Unset slot (or no slot storage): the descriptor raises the error.
                let d = ty.lookup(name).expect("classified");
                return self.descr_get(&d, obj, &ty.to_value()).map(Some);
            }
            TypeAttr::Data(d) => return self.descr_get(&d, obj, &ty.to_value()).map(Some),
            TypeAttr::Method(d) | TypeAttr::NonData(d) => Some((d, true)),
            TypeAttr::Plain(d) => Some((d, false)),
        };
        if let Some(m) = obj.downcast::<ModuleData>() {
            if let Some(v) = m.data.dict.data.get_str(name) {
                return Ok(Some(v));
            }
        } else if let Some(v) = instance_lookup(obj, name) {
            return Ok(Some(v));
        }
        match descr {
            Some((d, true)) => self.descr_get(&d, obj, &ty.to_value()).map(Some),
            Some((d, false)) => Ok(Some(d)),
            None => {
                if let Some(m) = obj.downcast::<ModuleData>() {
                    // Module-level __getattr__ (PEP 562).
                    if let Some(g) = m.data.dict.data.get_str(&names().__getattr__) {
                        return match self.call(&g, std::slice::from_ref(name)) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if e.matches(&types().exc.attribute_error) => Ok(None),
                            Err(e) => Err(e),
                        };
                    }
                }
                Ok(None)
            }
        }
    }

    /// `object.__getattribute__(obj, name)` raising AttributeError.
    pub fn generic_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.generic_getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(attribute_error(obj, name)),
        }
    }

    /// `type.__getattribute__(cls, name)`.
    fn type_getattr(
        &mut self,
        obj: &Value,
        cls: &crate::object::Obj<TypeData>,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        let meta = type_of(obj);
        let meta_attr = meta.lookup(name);
        if let Some(ma) = &meta_attr {
            if let DescrKind::Data = descr_kind(ma) {
                return self.descr_get(ma, obj, &meta.to_value()).map(Some);
            }
        }
        if let Some(attr) = cls.lookup(name) {
            return match descr_kind(&attr) {
                DescrKind::Plain => Ok(Some(attr)),
                _ => self.descr_get(&attr, &Value::NONE, obj).map(Some),
            };
        }
        match meta_attr {
            Some(ma) => match descr_kind(&ma) {
                DescrKind::Plain => Ok(Some(ma)),
                _ => self.descr_get(&ma, obj, &meta.to_value()).map(Some),
            },
            None => Ok(None),
        }
    }

    /// `descr.__get__(obj, owner)` (obj None for access through the class).
    pub fn descr_get(&mut self, descr: &Value, obj: &Value, owner: &Value) -> PyResult<Value> {
        match descr.layout() {
            Some(Layout::Function) => {
                if obj.is_none() {
                    Ok(descr.clone())
                } else {
                    Ok(BoundMethodData::new_value(descr.clone(), obj.clone()))
                }
            }
            Some(Layout::BuiltinFunction) => {
                let bf = descr.downcast::<BuiltinFunctionData>().expect("layout");
                if obj.is_none() || bf.data.objclass.is_none() || !bf.data.this.is_empty() {
                    Ok(descr.clone())
                } else {
                    Ok(bf.data.bind(obj.clone()))
                }
            }
            Some(Layout::ClassMethod) if !type_of(descr).data.has_flag(tflags::HEAPTYPE) => {
                let cm = descr.downcast::<ClassMethodData>().expect("layout");
                let owner = if owner.is_none() {
                    type_of(obj).to_value()
                } else {
                    owner.clone()
                };
                let f = cm.data.callable();
                if let Some(bf) = f.downcast::<BuiltinFunctionData>() {
                    return Ok(bf.data.bind(owner));
                }
                Ok(BoundMethodData::new_value(f, owner))
            }
            Some(Layout::StaticMethod) if !type_of(descr).data.has_flag(tflags::HEAPTYPE) => {
                Ok(descr
                    .downcast::<StaticMethodData>()
                    .expect("layout")
                    .data
                    .callable())
            }
            Some(Layout::Property) if !type_of(descr).data.has_flag(tflags::HEAPTYPE) => {
                if obj.is_none() {
                    return Ok(descr.clone());
                }
                let p = descr.downcast::<PropertyData>().expect("layout");
                let fget = p.data.fget();
                if fget.is_none() {
                    return Err(PyErr::attribute_error(format!(
                        "property {}of '{}' object has no getter",
                        p.data.name_for_error(),
                        type_of(obj).name()
                    )));
                }
                self.call(&fget, std::slice::from_ref(obj))
            }
            Some(Layout::GetSetDescr) => {
                if obj.is_none() {
                    return Ok(descr.clone());
                }
                let g = descr.downcast::<GetSetData>().expect("layout");
                g.data.check_receiver(obj)?;
                (g.data.get)(self, obj)
            }
            Some(Layout::MemberDescr) => {
                if obj.is_none() {
                    return Ok(descr.clone());
                }
                let m = descr.downcast::<MemberData>().expect("layout");
                m.data.get(obj)
            }
            _ => {
                let get = type_of(descr).lookup(&names().__get__);
                match get {
                    Some(g) => {
                        let owner = if owner.is_none() {
                            type_of(obj).to_value()
                        } else {
                            owner.clone()
                        };
                        self.call_descriptor(&g, descr, &[obj.clone(), owner])
                    }
                    None => Ok(descr.clone()),
                }
            }
        }
    }

    /// Binds a descriptor found on `type(obj)` to `obj`.
    pub fn bind_descriptor(&mut self, descr: &Value, obj: &Value) -> PyResult<Value> {
        match descr_kind(descr) {
            DescrKind::Plain => Ok(descr.clone()),
            _ => self.descr_get(descr, obj, &type_of(obj).to_value()),
        }
    }

    /// `descr.__get__(obj, owner)` if `descr` is a descriptor, else `descr` itself.
    pub fn descr_get_if_descriptor(
        &mut self,
        descr: &Value,
        obj: &Value,
        owner: &Value,
    ) -> PyResult<Value> {
        match descr_kind(descr) {
            DescrKind::Plain => Ok(descr.clone()),
            _ => self.descr_get(descr, obj, owner),
        }
    }

    /// Binds a descriptor found on class `cls` for access through the class.
    pub fn bind_descriptor_to_class(&mut self, descr: &Value, cls: &Value) -> PyResult<Value> {
        match descr_kind(descr) {
            DescrKind::Plain => Ok(descr.clone()),
            _ => self.descr_get(descr, &Value::NONE, cls),
        }
    }

    /// `LOAD_ATTR` method form: `(function, true)` when `obj.name` is a plain method found
    /// on the type (so the caller can pass `obj` as self without a bound-method object).
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, bool)> {
        let ty = type_of(obj);
        if ty.data.has_flag(tflags::CUSTOM_GETATTRIBUTE)
            || obj.downcast::<TypeData>().is_some()
            || obj.downcast::<ModuleData>().is_some()
        {
            return Ok((self.get_attr(obj, name)?, false));
        }
        if let TypeAttr::Method(d) = type_attr(&ty.data, name) {
            if instance_lookup(obj, name).is_none() {
                return Ok((d, true));
            }
        }
        Ok((self.get_attr(obj, name)?, false))
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let ty = type_of(obj);
        if ty.data.has_flag(tflags::CUSTOM_SETATTR) {
            let sa = ty
                .lookup(&names().__setattr__)
                .expect("flag says it exists");
            self.call_descriptor(&sa, obj, &[name.clone(), value])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let ty = type_of(obj);
        if ty.data.has_flag(tflags::CUSTOM_DELATTR) {
            let da = ty
                .lookup(&names().__delattr__)
                .expect("flag says it exists");
            self.call_descriptor(&da, obj, std::slice::from_ref(name))?;
            return Ok(());
        }
        self.generic_setattr(obj, name, None)
    }

    /// `object.__setattr__`/`__delattr__` (value None deletes).
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        name: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let name = intern_value(name);
        if let Some(cls) = obj.downcast::<TypeData>() {
            return crate::types::typeobj_new::type_setattr(self, cls, &name, value);
        }
        let ty = type_of(obj);
        match type_attr(&ty.data, &name) {
            TypeAttr::Slot(index) => {
                if let (Some(attrs), Some(_)) = (obj.as_header().and_then(|h| h.attrs()), &value) {
                    attrs.slot_set(index, value);
                    return Ok(());
                }
                let d = ty.lookup(&name).expect("classified");
                return self.descr_set(&d, obj, value);
            }
            TypeAttr::Absent | TypeAttr::Method(_) => {}
            TypeAttr::Data(d) => return self.descr_set(&d, obj, value),
            TypeAttr::NonData(d) | TypeAttr::Plain(d) => {
                if is_set_descriptor(&d, value.is_some()) {
                    return self.descr_set(&d, obj, value);
                }
            }
        }
        let h = match obj.as_header() {
            Some(h) => h,
            None => return Err(no_attr_set(obj, &name, value.is_none(), false)),
        };
        if let Some(attrs) = h.attrs() {
            if !ty.data.has_flag(tflags::HAS_DICT) {
                return Err(no_attr_set(obj, &name, value.is_none(), true));
            }
            let keys = &ty.data.shared_keys;
            return match value {
                Some(v) => {
                    attrs.set(keys, &name, v);
                    Ok(())
                }
                None => {
                    if attrs.delete(keys, &name) {
                        Ok(())
                    } else {
                        Err(attribute_error(obj, &name))
                    }
                }
            };
        }
        match h.layout() {
            Layout::Module => {
                let m = obj.downcast::<ModuleData>().expect("layout");
                match value {
                    Some(v) => {
                        m.data.dict.data.set_str(name, v);
                        Ok(())
                    }
                    None => match m.data.dict.data.del_str(&name) {
                        Some(_) => Ok(()),
                        None => Err(attribute_error(obj, &name)),
                    },
                }
            }
            Layout::Function => {
                let f = obj.downcast::<FunctionData>().expect("layout");
                match value {
                    Some(v) => {
                        f.data.dict().data.set_str(name, v);
                        Ok(())
                    }
                    None => match f.data.dict().data.del_str(&name) {
                        Some(_) => Ok(()),
                        None => Err(attribute_error(obj, &name)),
                    },
                }
            }
            _ => Err(no_attr_set(obj, &name, value.is_none(), false)),
        }
    }

    /// `descr.__set__(obj, value)` / `descr.__delete__(obj)`.
    pub fn descr_set(&mut self, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
        match descr.layout() {
            Some(Layout::Property) if !type_of(descr).data.has_flag(tflags::HEAPTYPE) => {
                let p = descr.downcast::<PropertyData>().expect("layout");
                let (f, what) = match &value {
                    Some(_) => (p.data.fset(), "setter"),
                    None => (p.data.fdel(), "deleter"),
                };
                if f.is_none() {
                    return Err(PyErr::attribute_error(format!(
                        "property {}of '{}' object has no {what}",
                        p.data.name_for_error(),
                        type_of(obj).name()
                    )));
                }
                match value {
                    Some(v) => self.call(&f, &[obj.clone(), v])?,
                    None => self.call(&f, std::slice::from_ref(obj))?,
                };
                Ok(())
            }
            Some(Layout::GetSetDescr) => {
                let g = descr.downcast::<GetSetData>().expect("layout");
                g.data.check_receiver(obj)?;
                match g.data.set {
                    Some(set) => set(self, obj, value),
                    None => Err(PyErr::attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        g.data.name,
                        g.data.objclass_name()
                    ))),
                }
            }
            Some(Layout::MemberDescr) => {
                let m = descr.downcast::<MemberData>().expect("layout");
                m.data.set(obj, value)
            }
            _ => {
                let n = names();
                let ty = type_of(descr);
                match value {
                    Some(v) => match ty.lookup(&n.__set__) {
                        Some(s) => self
                            .call_descriptor(&s, descr, &[obj.clone(), v])
                            .map(|_| ()),
                        None => Err(PyErr::attribute_error("__set__")),
                    },
                    None => match ty.lookup(&n.__delete__) {
                        Some(s) => self
                            .call_descriptor(&s, descr, std::slice::from_ref(obj))
                            .map(|_| ()),
                        None => Err(PyErr::attribute_error("__delete__")),
                    },
                }
            }
        }
    }

    /// `LOAD_SPECIAL`: `(method, self)` or `(bound, NULL)`, or the 3.11 AttributeError.
    pub(crate) fn load_special(
        &mut self,
        owner: &Value,
        which: krait_bytecode::SpecialMethod,
    ) -> PyResult<(Value, Value)> {
        let name = crate::intern::intern(which.text());
        match type_of(owner).lookup(&name) {
            Some(m) => {
                if m.layout() == Some(Layout::Function)
                    || crate::interp::call::is_method_descriptor(&m)
                {
                    Ok((m, owner.clone()))
                } else {
                    Ok((self.bind_descriptor(&m, owner)?, Value::EMPTY))
                }
            }
            None => {
                // CPython 3.11 looks up __enter__ first; report that one when both are missing.
                let enter_missing = type_of(owner)
                    .lookup(&crate::intern::names().__enter__)
                    .is_none();
                let tn = type_of(owner).name();
                Err(PyErr::type_error(match which {
                    krait_bytecode::SpecialMethod::Exit if !enter_missing => {
                        format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)")
                    }
                    krait_bytecode::SpecialMethod::AExit => {
                        format!("'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)")
                    }
                    krait_bytecode::SpecialMethod::AEnter => {
                        format!("'{tn}' object does not support the asynchronous context manager protocol")
                    }
                    _ => format!("'{tn}' object does not support the context manager protocol"),
                }))
            }
        }
    }

    /// `LOAD_SUPER_ATTR`: `super(class, self).name` (method form returns `(func, self)`).
    pub(crate) fn load_super_attr(
        &mut self,
        global_super: &Value,
        class: &Value,
        self_v: &Value,
        name: &Value,
        load_method: bool,
        _two_args: bool,
    ) -> PyResult<(Value, Value)> {
        if !global_super.is_type(&types().super_) {
            let s = self.call(global_super, &[class.clone(), self_v.clone()])?;
            return Ok((self.get_attr(&s, name)?, Value::EMPTY));
        }
        let (found, start_is_obj) = crate::types::super_::super_lookup(self, class, self_v, name)?;
        let Some(found) = found else {
            let s = crate::types::super_::new_super(class.clone(), self_v.clone(), self)?;
            return Ok((self.get_attr(&s, name)?, Value::EMPTY));
        };
        if load_method
            && start_is_obj
            && (found.layout() == Some(Layout::Function)
                || crate::interp::call::is_method_descriptor(&found))
        {
            return Ok((found, self_v.clone()));
        }
        let v = crate::types::super_::super_bind(self, &found, class, self_v)?;
        Ok((v, Value::EMPTY))
    }
}

/// The AttributeError for a missing attribute.
pub fn attribute_error(obj: &Value, name: &Value) -> PyErr {
    let n = crate::interp::eval::name_str(name);
    let msg = if let Some(cls) = obj.downcast::<TypeData>() {
        format!("type object '{}' has no attribute '{n}'", cls.name())
    } else if let Some(m) = obj.downcast::<ModuleData>() {
        format!("module '{}' has no attribute '{n}'", m.data.name())
    } else {
        format!("'{}' object has no attribute '{n}'", type_of(obj).name())
    };
    let e = PyErr::attribute_error(msg);
    if let Some(attrs) = e.value().as_header().and_then(|h| h.attrs()) {
        let keys = &type_of(e.value()).data.shared_keys;
        attrs.set(keys, &names().name, name.clone());
        attrs.set(keys, &crate::intern::intern("obj"), obj.clone());
    }
    e
}

fn no_attr_set(obj: &Value, name: &Value, _delete: bool, _slots: bool) -> PyErr {
    let n = crate::interp::eval::name_str(name);
    let ty = type_of(obj);
    if ty.lookup(name).is_some() && !ty.data.has_flag(tflags::HEAPTYPE) {
        PyErr::attribute_error(format!(
            "'{}' object attribute '{n}' is read-only",
            ty.name()
        ))
    } else {
        PyErr::attribute_error(format!("'{}' object has no attribute '{n}'", ty.name()))
    }
}

/// `dir(obj)`: sorted attribute names from the instance dict and the class MRO.
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names_set: Vec<Value> = Vec::new();
    let mut push_keys = |vm: &mut Vm, d: &ObjRef<DictData>| -> PyResult<()> {
        for k in d.data.keys() {
            if k.downcast::<StrData>().is_some() {
                let mut present = false;
                for e in &names_set {
                    if vm.eq(e, &k)? {
                        present = true;
                        break;
                    }
                }
                if !present {
                    names_set.push(k);
                }
            }
        }
        Ok(())
    };
    if let Some(cls) = obj.downcast::<TypeData>() {
        for t in cls.data.mro_vec() {
            push_keys(vm, &t.data.dict)?;
        }
    } else {
        if let Some(d) = instance_dict(obj) {
            push_keys(vm, &d)?;
        }
        if obj.downcast::<ModuleData>().is_none() {
            for t in type_of(obj).data.mro_vec() {
                push_keys(vm, &t.data.dict)?;
            }
        }
    }
    let mut strings: Vec<(String, Value)> = names_set
        .into_iter()
        .map(|v| (crate::interp::eval::name_str(&v).to_string(), v))
        .collect();
    strings.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(strings.into_iter().map(|(_, v)| v).collect())
}
