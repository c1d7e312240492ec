//! Syntax errors: CPython 3.11's messages and locations (checked against `python3`).
//! CPython's `end_offset` of -1 is reported as 0 (both print a single caret).

mod common;

use common::compile_err;
use krait_compiler::CompileErrorKind::{self, IndentationError as Indent, SyntaxError as Syntax};

#[track_caller]
fn check(src: &str, kind: CompileErrorKind, msg: &str, loc: (u32, u32, u32, u32)) {
    let e = compile_err(src);
    assert_eq!(
        (
            e.kind,
            e.message.as_str(),
            e.line,
            e.offset,
            e.end_line,
            e.end_offset
        ),
        (kind, msg, loc.0, loc.1, loc.2, loc.3),
        "source: {src:?}"
    );
}

#[test]
fn tokenizer_errors() {
    check("x = (1,", Syntax, "'(' was never closed", (1, 5, 1, 0));
    check("foo(\n", Syntax, "'(' was never closed", (1, 4, 1, 0));
    check("x = (\na b\n", Syntax, "'(' was never closed", (1, 5, 1, 0));
    check("x = [1,\n\n", Syntax, "'[' was never closed", (1, 5, 1, 0));
    check("x = )\n", Syntax, "unmatched ')'", (1, 5, 1, 5));
    check(
        "(]\n",
        Syntax,
        "closing parenthesis ']' does not match opening parenthesis '('",
        (1, 2, 1, 2),
    );
    check(
        "x = (1,\n]\n",
        Syntax,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
        (2, 1, 2, 1),
    );
    check(
        "x = 'abc\n",
        Syntax,
        "unterminated string literal (detected at line 1)",
        (1, 5, 1, 5),
    );
    check(
        "a b\nx = 'abc\n",
        Syntax,
        "unterminated string literal (detected at line 2)",
        (2, 5, 2, 5),
    );
    check(
        "x = '''abc\n\ny\n",
        Syntax,
        "unterminated triple-quoted string literal (detected at line 3)",
        (1, 5, 1, 5),
    );
    check(
        "£ = 1\n",
        Syntax,
        "invalid character '£' (U+00A3)",
        (1, 1, 1, 1),
    );
    let e = compile_err("x = 1\0");
    assert_eq!(e.message, "source code cannot contain null bytes");
    let e = compile_err("x = 'abc");
    assert_eq!(e.text.as_deref(), Some("x = 'abc"));
}

#[test]
fn indentation_errors() {
    check(" x = 1", Indent, "unexpected indent", (1, 1, 1, 0));
    check(
        "x = 1\n    y = 2\n",
        Indent,
        "unexpected indent",
        (2, 4, 2, 0),
    );
    check(
        "if x:\npass",
        Indent,
        "expected an indented block after 'if' statement on line 1",
        (2, 1, 2, 5),
    );
    check(
        "for x in y:\npass",
        Indent,
        "expected an indented block after 'for' statement on line 1",
        (2, 1, 2, 5),
    );
    check(
        "while x:\npass",
        Indent,
        "expected an indented block after 'while' statement on line 1",
        (2, 1, 2, 5),
    );
    check(
        "def f():\npass",
        Indent,
        "expected an indented block after function definition on line 1",
        (2, 1, 2, 5),
    );
    check(
        "class C:\npass",
        Indent,
        "expected an indented block after class definition on line 1",
        (2, 1, 2, 5),
    );
    check(
        "try:\npass",
        Indent,
        "expected an indented block after 'try' statement on line 1",
        (2, 1, 2, 5),
    );
    check(
        "with x:\npass",
        Indent,
        "expected an indented block after 'with' statement on line 1",
        (2, 1, 2, 5),
    );
    check(
        "if x:\n    pass\nelse:\npass",
        Indent,
        "expected an indented block after 'else' statement on line 3",
        (4, 1, 4, 5),
    );
    check(
        "if x:\n    pass\nelif y:\npass",
        Indent,
        "expected an indented block after 'elif' statement on line 3",
        (4, 1, 4, 5),
    );
    check(
        "class A:\n    def f(self):\n    pass\n",
        Indent,
        "expected an indented block after function definition on line 2",
        (3, 5, 3, 9),
    );
    check(
        "if x:\n        a = 1\n    b = 2",
        Indent,
        "unindent does not match any outer indentation level",
        (3, 10, 3, 0),
    );
}

#[test]
fn parser_errors() {
    check("if x\n    pass", Syntax, "expected ':'", (1, 5, 1, 5));
    check("for x in y\n  pass", Syntax, "expected ':'", (1, 11, 1, 11));
    check(
        "1 = x",
        Syntax,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        (1, 1, 1, 2),
    );
    check(
        "f() = 1",
        Syntax,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        (1, 1, 1, 4),
    );
    check(
        "x = 1 = 2\n",
        Syntax,
        "cannot assign to literal",
        (1, 5, 1, 6),
    );
    check(
        "f() = 1 = 2\n",
        Syntax,
        "cannot assign to function call",
        (1, 1, 1, 4),
    );
    check(
        "(1, 2) = 3\n",
        Syntax,
        "cannot assign to literal",
        (1, 2, 1, 3),
    );
    check("True = 1", Syntax, "cannot assign to True", (1, 1, 1, 5));
    check(
        "del f()\n",
        Syntax,
        "cannot delete function call",
        (1, 5, 1, 8),
    );
    check(
        "for f() in x: pass\n",
        Syntax,
        "cannot assign to function call",
        (1, 5, 1, 8),
    );
    check(
        "(a, b) += 1",
        Syntax,
        "'tuple' is an illegal expression for augmented assignment",
        (1, 1, 1, 7),
    );
    check(
        "x = yield = 1",
        Syntax,
        "assignment to yield expression not possible",
        (1, 5, 1, 10),
    );
    check("a b", Syntax, "invalid syntax", (1, 3, 1, 4));
    check("x = 1 +", Syntax, "invalid syntax", (1, 8, 1, 8));
    check(
        "x = (1 2)",
        Syntax,
        "invalid syntax. Perhaps you forgot a comma?",
        (1, 6, 1, 9),
    );
    check(
        "if x = 3:\n  pass\n",
        Syntax,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        (1, 4, 1, 9),
    );
    check(
        "print \"hello\"",
        Syntax,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        (1, 1, 1, 14),
    );
    check(
        "x = 1 if y",
        Syntax,
        "expected 'else' after 'if' expression",
        (1, 5, 1, 11),
    );
    check(
        "f(x for x in y, 1)",
        Syntax,
        "Generator expression must be parenthesized",
        (1, 3, 1, 15),
    );
    check(
        "def f(a=1, b): pass",
        Syntax,
        "non-default argument follows default argument",
        (1, 12, 1, 13),
    );
    check(
        "def f(*): pass",
        Syntax,
        "named arguments must follow bare *",
        (1, 7, 1, 8),
    );
}

#[test]
fn compiler_errors() {
    check("return", Syntax, "'return' outside function", (1, 1, 1, 7));
    check("break", Syntax, "'break' outside loop", (1, 1, 1, 6));
    check(
        "continue",
        Syntax,
        "'continue' not properly in loop",
        (1, 1, 1, 9),
    );
    check("yield x", Syntax, "'yield' outside function", (1, 1, 1, 8));
    check(
        "class A:\n    return 1",
        Syntax,
        "'return' outside function",
        (2, 5, 2, 13),
    );
    check(
        "while True:\n    def f():\n        break",
        Syntax,
        "'break' outside loop",
        (3, 9, 3, 14),
    );
    check(
        "nonlocal x",
        Syntax,
        "nonlocal declaration not allowed at module level",
        (1, 1, 1, 11),
    );
    check(
        "def f():\n    nonlocal x",
        Syntax,
        "no binding for nonlocal 'x' found",
        (2, 5, 2, 15),
    );
    check(
        "def f():\n    print(x)\n    global x",
        Syntax,
        "name 'x' is used prior to global declaration",
        (3, 5, 3, 13),
    );
    check(
        "def f():\n    x = 1\n    global x",
        Syntax,
        "name 'x' is assigned to before global declaration",
        (3, 5, 3, 13),
    );
    check(
        "def f(x, x): pass",
        Syntax,
        "duplicate argument 'x' in function definition",
        (1, 10, 1, 11),
    );
    check(
        "def f():\n    from m import *",
        Syntax,
        "import * only allowed at module level",
        (2, 19, 2, 20),
    );
    check(
        "f(a=1, a=2)",
        Syntax,
        "keyword argument repeated: a",
        (1, 8, 1, 11),
    );
    check(
        "__debug__ = 1",
        Syntax,
        "cannot assign to __debug__",
        (1, 1, 1, 10),
    );
    check(
        "[i := 0 for i in range(3)]",
        Syntax,
        "assignment expression cannot rebind comprehension iteration variable 'i'",
        (1, 2, 1, 3),
    );
    check(
        "class C:\n    [y := 1 for x in range(3)]",
        Syntax,
        "assignment expression within a comprehension cannot be used in a class body",
        (2, 6, 2, 7),
    );
    check(
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
        Syntax,
        "default 'except:' must be last",
        (3, 1, 4, 9),
    );
    check(
        "a, *b, *c = d",
        Syntax,
        "multiple starred expressions in assignment",
        (1, 1, 1, 10),
    );
    check(
        "*a = b",
        Syntax,
        "starred assignment target must be in a list or tuple",
        (1, 1, 1, 3),
    );
    check(
        "from __future__ import braces",
        Syntax,
        "not a chance",
        (1, 1, 1, 0),
    );
    check(
        "x = 1\nfrom __future__ import annotations",
        Syntax,
        "from __future__ imports must occur at the beginning of the file",
        (2, 1, 2, 35),
    );
    check(
        "lambda: (yield)\n[(yield) for x in y]",
        Syntax,
        "'yield' inside list comprehension",
        (2, 3, 2, 8),
    );
}

#[test]
fn unsupported_features() {
    for (src, word) in [
        ("async def f(): pass", "async"),
        ("match x:\n    case 1: pass", "match"),
        ("try:\n    pass\nexcept* E:\n    pass", "except*"),
        ("type X = int", "type"),
        ("def f[T](x: T): pass", "type parameters"),
        ("class C[T]: pass", "type parameters"),
    ] {
        let e = compile_err(src);
        assert_eq!(e.kind, CompileErrorKind::NotImplemented, "{src}");
        assert!(e.message.contains(word), "{src}: {}", e.message);
    }
    check("await x", Syntax, "'await' outside function", (1, 1, 1, 8));
    check(
        "def f():\n    await x",
        Syntax,
        "'await' outside async function",
        (2, 5, 2, 12),
    );
}

#[test]
fn error_text_is_the_source_line() {
    let e = compile_err("x = 1\nif x\n    pass\n");
    assert_eq!(e.text.as_deref(), Some("if x\n"));
    assert_eq!(e.filename, "<test>");
}

#[test]
fn never_closed_text_follows_cpython() {
    for (src, text) in [
        ("x = (1,", "x = (1,\n"),
        ("foo(\n", "foo(\n"),
        ("foo(\n\n", "foo("),
        ("foo(\n# c\n", "foo("),
        ("a\nfoo(", "foo(\n"),
    ] {
        let e = compile_err(src);
        assert_eq!(e.text.as_deref(), Some(text), "{src:?}");
    }
}
