//! Imports: `IMPORT_NAME`, `IMPORT_FROM`, `import *`, and finding modules.
//!
//! A module name is looked up in `sys.modules`, then among native modules, then as
//! `<dir>/<name>.py` or `<dir>/<name>/__init__.py` along `sys.path` (a package's `__path__`
//! for submodules). Source modules are compiled and run in a fresh module namespace that is
//! registered in `sys.modules` before it runs (so circular imports see the partial module).

use std::path::{Path, PathBuf};

use crate::intern::{intern, names};
use crate::object::ObjRef;
use crate::types::dict::DictData;
use crate::types::module::ModuleData;
use crate::types::str::{new_str, str_of};
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

impl Vm {
    /// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`.
    pub fn import_name(
        &mut self,
        name: &Value,
        fromlist: &Value,
        level: &Value,
        globals: &ObjRef<DictData>,
    ) -> PyResult<Value> {
        // A replaced builtins.__import__ takes over.
        if let Some(imp) = self.interp.builtins_dict.data.get_str(&names().__import__) {
            let is_native = imp
                .downcast::<crate::types::builtin_func::BuiltinFunctionData>()
                .is_some_and(|b| b.data.name == "__import__");
            if !is_native {
                return self.call(
                    &imp,
                    &[
                        name.clone(),
                        globals.to_value(),
                        Value::NONE,
                        fromlist.clone(),
                        level.clone(),
                    ],
                );
            }
        }
        let level = level.as_small_int().unwrap_or(0);
        let name_s = str_of(name).unwrap_or("").to_string();
        let absname = if level > 0 {
            resolve_relative(globals, &name_s, level)?
        } else {
            name_s.clone()
        };
        if absname.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        let module = self.import_module(&absname)?;
        let has_fromlist = !fromlist.is_none() && self.is_true(fromlist)?;
        if !has_fromlist {
            if level == 0 {
                // `import a.b.c` binds `a`.
                let top = absname.split('.').next().unwrap_or(&absname);
                return self.import_module(top);
            }
            // `from . import x` style with empty fromlist is not generated; return the
            // top of the relative chain.
            if name_s.is_empty() {
                return Ok(module);
            }
            let first = name_s.split('.').next().unwrap_or(&name_s);
            let base_len = absname.len() - name_s.len();
            return self.import_module(&format!("{}{}", &absname[..base_len], first));
        }
        // For packages, import submodules named in the fromlist.
        if module
            .downcast::<ModuleData>()
            .and_then(|m| m.data.dict.data.get_str(&names().__path__))
            .is_some()
        {
            for item in self.collect(fromlist)? {
                let Some(s) = str_of(&item) else { continue };
                if s == "*" {
                    if let Some(all) = self.lookup_attr(&module, &names().__all__)? {
                        for sub in self.collect(&all)? {
                            if let Some(sub) = str_of(&sub) {
                                self.import_submodule_if_missing(&module, &absname, sub)?;
                            }
                        }
                    }
                    continue;
                }
                self.import_submodule_if_missing(&module, &absname, s)?;
            }
        }
        Ok(module)
    }

    fn import_submodule_if_missing(
        &mut self,
        module: &Value,
        absname: &str,
        sub: &str,
    ) -> PyResult<()> {
        if self.lookup_attr(module, &intern(sub))?.is_some() {
            return Ok(());
        }
        match self.import_module(&format!("{absname}.{sub}")) {
            Ok(_) => Ok(()),
            Err(e) if e.matches(&types().exc.module_not_found_error) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Imports a module by absolute dotted name (parents first).
    pub fn import_module(&mut self, absname: &str) -> PyResult<Value> {
        let modules = self.interp.modules.clone();
        if let Some(m) = modules.data.get_str(&intern(absname)) {
            if m.is_none() {
                return Err(module_not_found(
                    absname,
                    &format!("import of {absname} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        let (parent, search_path) = match absname.rfind('.') {
            Some(i) => {
                let parent_name = &absname[..i];
                let parent = self.import_module(parent_name)?;
                // The parent's import may have imported us.
                if let Some(m) = modules.data.get_str(&intern(absname)) {
                    return Ok(m);
                }
                let path = match parent
                    .downcast::<ModuleData>()
                    .and_then(|m| m.data.dict.data.get_str(&names().__path__))
                {
                    Some(p) => self.collect(&p)?,
                    None => {
                        return Err(module_not_found(
                            absname,
                            &format!(
                                "No module named '{absname}'; '{parent_name}' is not a package"
                            ),
                        ))
                    }
                };
                (Some((parent, absname[i + 1..].to_string())), path)
            }
            None => (None, Vec::new()),
        };
        let module = if parent.is_none() {
            match crate::modules::native_module(absname) {
                Some(init) => {
                    let m = init(self)?;
                    modules.data.set_str(intern(absname), m.clone());
                    m
                }
                None => {
                    let path = self.sys_path()?;
                    self.load_source_module(absname, &path)?
                }
            }
        } else {
            let dirs: Vec<String> = search_path
                .iter()
                .filter_map(|p| str_of(p).map(|s| s.to_string()))
                .collect();
            self.load_source_module(absname, &dirs)?
        };
        if let Some((parent, child)) = parent {
            self.set_attr(&parent, &intern(&child), module.clone())?;
        }
        Ok(module)
    }

    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let path = self.sys_attr("path")?;
        Ok(self
            .collect(&path)?
            .iter()
            .filter_map(|p| str_of(p).map(|s| s.to_string()))
            .collect())
    }

    /// Finds `<name>.py` or `<name>/__init__.py` in `dirs` and runs it as a module.
    fn load_source_module(&mut self, absname: &str, dirs: &[String]) -> PyResult<Value> {
        let last = absname.rsplit('.').next().unwrap_or(absname);
        for dir in dirs {
            let base = if dir.is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(dir)
            };
            let pkg_init = base.join(last).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = base.join(last);
                return self.exec_module_file(absname, &pkg_init, Some(&pkg_dir));
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                return self.exec_module_file(absname, &file, None);
            }
        }
        Err(module_not_found(
            absname,
            &format!("No module named '{absname}'"),
        ))
    }

    /// Runs a source file as module `name` (a package when `pkg_dir` is given).
    pub fn exec_module_file(
        &mut self,
        name: &str,
        file: &Path,
        pkg_dir: Option<&Path>,
    ) -> PyResult<Value> {
        let display = file.to_string_lossy().into_owned();
        let bytes = std::fs::read(file).map_err(|e| {
            crate::types::exception::os_error_from_io(&e, Some(new_str(display.as_str())))
        })?;
        let source = crate::interp::run::decode_source(&bytes, &display)?;
        let module = ModuleData::new_value(name);
        let md = module.downcast::<ModuleData>().expect("a module");
        let d = md.data.dict.clone();
        let n = names();
        d.data
            .set_str(n.__file__.clone(), new_str(display.as_str()));
        d.data
            .set_str(n.__builtins__.clone(), self.interp.builtins.clone());
        let package = match pkg_dir {
            Some(p) => {
                d.data.set_str(
                    n.__path__.clone(),
                    crate::types::list::new_list(vec![new_str(p.to_string_lossy().into_owned())]),
                );
                name.to_string()
            }
            None => name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        d.data.set_str(n.__package__.clone(), new_str(package));
        let key = intern(name);
        self.interp
            .modules
            .data
            .set_str(key.clone(), module.clone());
        let r = self.run_source(&source, &display, &d);
        if let Err(e) = r {
            self.interp.modules.data.del_str(&key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.interp.modules.data.get_str(&key).unwrap_or(module))
    }

    /// `IMPORT_FROM`: `from module import name`.
    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.lookup_attr(module, name)? {
            return Ok(v);
        }
        let n = str_of(name).unwrap_or("?");
        let mod_name = self
            .lookup_attr(module, &names().__name__)?
            .and_then(|v| str_of(&v).map(|s| s.to_string()));
        if let Some(mn) = &mod_name {
            if let Some(m) = self
                .interp
                .modules
                .data
                .get_str(&intern(&format!("{mn}.{n}")))
            {
                return Ok(m);
            }
        }
        let mn = mod_name.unwrap_or_else(|| "<unknown module name>".to_string());
        let file = self
            .lookup_attr(module, &names().__file__)?
            .and_then(|v| str_of(&v).map(|s| s.to_string()));
        let msg = match file {
            Some(f) => format!("cannot import name '{n}' from '{mn}' ({f})"),
            None => format!("cannot import name '{n}' from '{mn}' (unknown location)"),
        };
        let e = PyErr::import_error(msg);
        set_import_error_fields(&e, &mn);
        Err(e)
    }

    /// `from module import *` into the current frame's locals.
    pub(crate) fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let locals = match self.current_frame() {
            Some(f) if !f.locals.is_empty() => f.locals.clone(),
            _ => return Err(PyErr::system_error("import * only allowed at module level")),
        };
        let names_list: Vec<Value> = match self.lookup_attr(module, &names().__all__)? {
            Some(all) => self.collect(&all)?,
            None => {
                let d = crate::interp::attr::instance_dict(module).ok_or_else(|| {
                    PyErr::import_error("from-import-* object has no __dict__ and no __all__")
                })?;
                d.data
                    .keys()
                    .into_iter()
                    .filter(|k| str_of(k).is_some_and(|s| !s.starts_with('_')))
                    .collect()
            }
        };
        for n in names_list {
            let n = crate::interp::attr::check_attr_name(&n)?;
            let v = self.get_attr(module, &n)?;
            self.set_item(&locals, &n, v)?;
        }
        Ok(())
    }
}

fn set_import_error_fields(e: &PyErr, name: &str) {
    if let Some(attrs) = e.value().as_header().and_then(|h| h.attrs()) {
        let keys = &type_of(e.value()).data.shared_keys;
        attrs.set(keys, &intern("name"), new_str(name));
        attrs.set(keys, &intern("path"), Value::NONE);
        attrs.set(keys, &intern("msg"), Value::NONE);
    }
}

fn module_not_found(name: &str, msg: &str) -> PyErr {
    let e = PyErr::new(&types().exc.module_not_found_error, msg);
    if let Some(attrs) = e.value().as_header().and_then(|h| h.attrs()) {
        let keys = &type_of(e.value()).data.shared_keys;
        attrs.set(keys, &intern("name"), new_str(name));
        attrs.set(keys, &intern("path"), Value::NONE);
        attrs.set(keys, &intern("msg"), new_str(msg));
    }
    e
}

/// The absolute name for a relative import of `name` at `level` from a module with
/// `globals`.
fn resolve_relative(globals: &ObjRef<DictData>, name: &str, level: i64) -> PyResult<String> {
    let n = names();
    let package = match globals.data.get_str(&n.__package__) {
        Some(p) if str_of(&p).is_some_and(|s| !s.is_empty()) => {
            str_of(&p).unwrap_or("").to_string()
        }
        _ => {
            let modname = globals
                .data
                .get_str(&n.__name__)
                .and_then(|v| str_of(&v).map(|s| s.to_string()))
                .unwrap_or_default();
            if globals.data.get_str(&n.__path__).is_some() {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr::import_error(
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    for _ in 1..level {
        if parts.pop().is_none() || parts.is_empty() {
            return Err(PyErr::import_error(
                "attempted relative import beyond top-level package",
            ));
        }
    }
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}
