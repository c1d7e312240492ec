//! Printing exceptions the way CPython 3.11 does: tracebacks with source lines and
//! `~~~^^^` position markers, chained exceptions, repeated-frame compression, and
//! `SyntaxError` locations with a caret.

use std::collections::HashMap;

use crate::types::exception::ExceptionData;
use crate::types::str::str_of;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::Vm;

/// Source lines of files, read on demand (like `linecache`).
#[derive(Default)]
struct LineCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl LineCache {
    fn line(&mut self, filename: &str, lineno: u32) -> Option<String> {
        if filename.starts_with('<') {
            return None;
        }
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some(text.lines().map(|l| l.to_string()).collect())
        });
        lines
            .as_ref()?
            .get(lineno.checked_sub(1)? as usize)
            .cloned()
    }
}

/// Formats an exception (with its chain) as CPython prints an uncaught exception.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut cache = LineCache::default();
    let mut seen: Vec<usize> = Vec::new();
    format_chain(vm, exc, &mut out, &mut cache, &mut seen, 0);
    out
}

/// Formats one exception without its `__cause__`/`__context__` chain (how CPython's default
/// `sys.unraisablehook` prints).
pub fn format_exception_unchained(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut cache = LineCache::default();
    format_single(vm, exc, &mut out, &mut cache);
    out
}

fn exc_id(v: &Value) -> usize {
    v.as_header().map(|h| h as *const _ as usize).unwrap_or(0)
}

fn format_chain(
    vm: &mut Vm,
    exc: &Value,
    out: &mut String,
    cache: &mut LineCache,
    seen: &mut Vec<usize>,
    depth: usize,
) {
    seen.push(exc_id(exc));
    if let Some(e) = exc.downcast::<ExceptionData>() {
        let cause = e.data.cause();
        let context = e.data.context();
        if depth < 100 {
            if !cause.is_none() && !seen.contains(&exc_id(&cause)) {
                format_chain(vm, &cause, out, cache, seen, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !context.is_none()
                && !e.data.suppress_context()
                && !seen.contains(&exc_id(&context))
            {
                format_chain(vm, &context, out, cache, seen, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_single(vm, exc, out, cache);
}

fn format_single(vm: &mut Vm, exc: &Value, out: &mut String, cache: &mut LineCache) {
    let entries = crate::types::traceback::entries(exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, Option<u32>, String)> = None;
        let mut repeat = 0usize;
        for (code, line, lasti) in &entries {
            let filename = code.data.bc.filename.to_string();
            let name = code.data.bc.name.to_string();
            let key = (filename.clone(), *line, name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                flush_repeat(out, repeat);
                repeat = 0;
                last = Some(key);
            }
            match line {
                Some(l) => out.push_str(&format!("  File \"{filename}\", line {l}, in {name}\n")),
                None => out.push_str(&format!("  File \"{filename}\", line ?, in {name}\n")),
            }
            if let Some(l) = line {
                if let Some(src) = cache.line(&filename, *l) {
                    let pos = code.data.bc.linetable.position(*lasti);
                    format_source_line(out, &src, pos);
                }
            }
        }
        flush_repeat(out, repeat);
    }
    let ty = type_of(exc);
    let is_syntax = ty.is_subtype(&crate::types::types().exc.syntax_error);
    if is_syntax {
        format_syntax_error(vm, exc, out);
        return;
    }
    out.push_str(&exception_header(vm, exc));
    out.push('\n');
    append_notes(vm, exc, out);
}

fn flush_repeat(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// `Type: message` (module-qualified for non-builtin, non-__main__ classes).
pub fn exception_header(vm: &mut Vm, exc: &Value) -> String {
    let ty = type_of(exc);
    let qual = ty.data.qualname_string();
    let module = ty
        .data
        .dict
        .data
        .get_str(&crate::intern::names().__module__)
        .and_then(|m| str_of(&m).map(|s| s.to_string()));
    let name = match module.as_deref() {
        None | Some("builtins") | Some("__main__") => qual,
        Some(m) => format!("{m}.{qual}"),
    };
    let msg = match vm.str_string(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

fn append_notes(vm: &mut Vm, exc: &Value, out: &mut String) {
    let Ok(Some(notes)) = vm.lookup_attr(exc, &crate::intern::intern("__notes__")) else {
        return;
    };
    if let Some(l) = notes.downcast::<crate::types::list::ListData>() {
        for n in l.data.snapshot() {
            let s = vm.str_string(&n).unwrap_or_default();
            out.push_str(&s);
            out.push('\n');
        }
    }
}

/// Character offset of a UTF-8 byte offset within `line`.
fn char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut b = b;
    while b > 0 && !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

fn format_source_line(out: &mut String, line: &str, pos: krait_bytecode::Position) {
    let stripped = line.trim_start();
    let stripped_chars = line.chars().count() - stripped.chars().count();
    let stripped_line = stripped.trim_end();
    out.push_str("    ");
    out.push_str(stripped_line);
    out.push('\n');
    if pos.line == 0 || pos.end_line == 0 {
        return;
    }
    let start = char_offset(line, pos.col as usize) + 1;
    let mut end = char_offset(line, pos.end_col as usize) + 1;
    let mut anchors = None;
    if pos.line == pos.end_line {
        let seg_start = pos.col as usize;
        let seg_end = (pos.end_col as usize).min(line.len());
        if seg_start <= seg_end
            && line.is_char_boundary(seg_start)
            && line.is_char_boundary(seg_end)
        {
            anchors = caret_anchors(&line[seg_start..seg_end]);
        }
    } else {
        end = stripped_chars + stripped_line.chars().count() + 1;
    }
    if end < start {
        return;
    }
    let span = end - start;
    let show = span < stripped_line.chars().count() || anchors.is_some_and(|(l, r)| r > l);
    if !show {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(1 + stripped_chars)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat(span.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(span)),
    }
    out.push('\n');
}

/// CPython 3.11's caret anchors for a binary operation or subscript segment:
/// (left_end, right_start) character offsets within the segment.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else {
        return None;
    };
    let seg = segment.as_bytes();
    let norm = |b: usize| char_offset(segment, b);
    match &*stmt.value {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let op_str = segment.get(left_end..right_start)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let mut left = left_end + op_offset;
            let mut right = left + 1;
            let ob = op_str.as_bytes();
            if op_offset + 1 < ob.len() && !(ob[op_offset + 1] as char).is_whitespace() {
                right += 1;
            }
            while left < seg.len()
                && ((seg[left] as char).is_whitespace() || seg[left] == b')' || seg[left] == b'#')
            {
                left += 1;
                right += 1;
            }
            Some((norm(left), norm(right)))
        }
        Expr::Subscript(s) => {
            let mut left = norm(s.value.range().end().to_usize());
            let mut right = norm(s.slice.range().end().to_usize() + 1);
            let chars: Vec<char> = segment.chars().collect();
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// The source line and caret line of a syntax error, as CPython's `print_error_text`
/// lays them out: leading blanks are dropped (moving the caret with them), no caret when
/// it would fall left of the text, `end_offset - offset` carets (at least one).
fn push_error_text(out: &mut String, text: &str, offset: i64, end_offset: i64) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let len = text.strip_suffix('\n').unwrap_or(text).chars().count() as i64;
    offset = offset.min(len);
    // Show only the line of a multi-line text that holds the offset.
    while let Some(nl) = text.find('\n') {
        let inl = text[..nl].chars().count() as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets as usize));
    out.push('\n');
}

fn format_syntax_error(vm: &mut Vm, exc: &Value, out: &mut String) {
    let get = |vm: &mut Vm, n: &str| {
        vm.lookup_attr(exc, &crate::intern::intern(n))
            .ok()
            .flatten()
            .unwrap_or(Value::NONE)
    };
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let offset = get(vm, "offset");
    let end_offset = get(vm, "end_offset");
    let end_lineno = get(vm, "end_lineno");
    let text = get(vm, "text");
    let msg = get(vm, "msg");
    let fname = str_of(&filename).unwrap_or("<string>").to_string();
    if let Some(l) = lineno.as_small_int() {
        out.push_str(&format!("  File \"{fname}\", line {l}\n"));
        // CPython reads the end position only from exact SyntaxErrors; subclasses such
        // as IndentationError always get a single caret.
        let exact = type_of(exc).is(&types().exc.syntax_error);
        let offset = offset.as_small_int().unwrap_or(-1);
        let mut end_offset = if exact {
            end_offset.as_small_int().unwrap_or(-1)
        } else {
            -1
        };
        let end_lineno = if exact {
            end_lineno.as_small_int().unwrap_or(l)
        } else {
            l
        };
        if let Some(t) = str_of(&text) {
            let size = t.chars().count() as i64;
            if end_lineno > l {
                end_offset = size;
            }
            end_offset = end_offset.min(size + 1);
            push_error_text(out, t, offset, end_offset);
        }
    }
    let ty = type_of(exc);
    let name = ty.data.qualname_string();
    let m = str_of(&msg)
        .map(|s| s.to_string())
        .unwrap_or_else(|| vm.str_string(exc).unwrap_or_default());
    if m.is_empty() {
        out.push_str(&name);
    } else {
        out.push_str(&format!("{name}: {m}"));
    }
    out.push('\n');
}
