//! Every supported construct compiles to bytecode that passes `krait_bytecode::validate`.

mod common;

use common::{compile_mode_ok, compile_ok};
use krait_compiler::Mode;

const SNIPPETS: &[&str] = &[
    // literals and constants
    "x = 1; y = -2; z = 3.5; w = 2j; b = b'ab\\x00'; s = 'a' 'b'; e = ...; n = None; t = True",
    "big = 123456789012345678901234567890; neg = -123456789012345678901234567890",
    "h = 0xFFFF_FFFF_FFFF_FFFF_FFFF; o = 0o777; bi = 0b1010; u = 18446744073709551615",
    "t = (1, 2, 'a', (3, 4.0), None); e = ()",
    "x = [1, 2, 3]; s = {1, 2, 3}; d = {'a': 1, **m, 'b': 2}; l2 = [*a, 1, *b]; s2 = {*a}",
    "x = 2 ** 10 + 3 * 4 - 1 << 2; y = 'ab' * 3; z = -(1 + 2)",
    // names and scopes
    "global g\ng = 1\ndel g",
    "def f():\n    global g\n    g = 1\n    return g",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner",
    "def f(a):\n    def g():\n        return a\n    return g",
    "def f():\n    x = 1\n    del x\n    return x",
    "x = __debug__",
    // operators
    "x = a + b - c * d / e // f % g ** h @ i",
    "x = a & b | c ^ d << e >> f; y = ~a; z = +a; w = not a",
    "x = a < b <= c == d != e > f >= g; y = a is b; z = a is not b; u = a in b; v = a not in b",
    "x = a and b or c and not d",
    "x = a if b else c",
    "if a < b < c: pass",
    "while not (a and b or c): break",
    "x = a[1]; y = a[1:2]; z = a[::2]; w = a[1:2, 3]; a[1] = 2; a[1:2] = b; del a[1], a[2:3]",
    "x = a.b.c; a.b = 1; del a.b",
    // assignment forms
    "a = b = c = 1",
    "a, b = b, a; [c, d] = e; (f, (g, h)) = i",
    "a, *b, c = d; *e, = f; [g, *h] = i",
    "x += 1; a.b -= 2; c[d] *= 3; e[1:2] |= f; g **= 2; h @= i",
    "x: int = 1\ny: str\nz.a: int = 2\nw[0]: int\n(q): int = 3",
    "class C:\n    x: int = 1\n    y: 'str'",
    "def f():\n    x: int = 1\n    y: int\n    return x",
    "if (n := 10) > 5: print(n)",
    // calls
    "f(); f(1, 2); f(a, b=2); f(*a); f(**k); f(*a, **k); f(1, *a, 2, *b, k=1, **m, z=2)",
    "o.m(); o.m(1, x=2); o.m(*a); o.m(**k)",
    "f(a)(b)(c)",
    "print(*[1, 2], sep='')",
    // functions
    "def f(a, b=1, *args, c, d=2, **kw): return a",
    "def f(a, /, b, *, c): pass",
    "def f(a: int, *b: str, c: float = 1.0, **d: bytes) -> None: pass",
    "def f():\n    '''doc'''\n    return 1",
    "@dec\n@dec2(1)\ndef f(): pass",
    "f = lambda: 1; g = lambda x, y=2, *a, z, **k: x + y",
    "f = lambda: (yield)",
    "def f(x):\n    return lambda: x",
    // classes
    "class C: pass",
    "class C(B, metaclass=M, **kw):\n    '''doc'''\n    x = 1\n    def m(self): return self.x",
    "class C(*bases): pass",
    "@dec\nclass C:\n    def f(self):\n        return super().f()\n    def g(self):\n        return super(C, self).g\n    def h(self):\n        return __class__",
    "class C:\n    def f(self):\n        super().x = 1\n        return super().y",
    "class A:\n    __private = 1\n    def __m(self): return self.__private\n    def n(self): return A.__m",
    "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C",
    "def f():\n    class C:\n        x = 1\n        def m(self):\n            return x\n    return C",
    "class Outer:\n    class Inner:\n        def m(self): return 1",
    // control flow
    "if a: pass\nelif b: pass\nelif c: pass\nelse: pass",
    "for i in range(10):\n    if i: continue\n    if i > 5: break\nelse:\n    x = 1",
    "while x:\n    x -= 1\n    if x == 3: continue\n    if x == 1: break\nelse:\n    y = 2",
    "while True:\n    pass",
    "for x in [1, 2, 3]: pass\nfor y in {1, 2}: pass\nfor a, b in c: pass",
    "for i in x:\n    for j in y:\n        if j: break\n    else:\n        continue",
    // exceptions
    "try:\n    f()\nexcept ValueError:\n    pass",
    "try:\n    f()\nexcept (ValueError, TypeError) as e:\n    print(e)\nexcept Exception:\n    raise\nelse:\n    g()\nfinally:\n    h()",
    "try:\n    f()\nfinally:\n    g()",
    "try:\n    f()\nexcept:\n    pass",
    "raise\n",
    "raise ValueError\n",
    "raise ValueError('x') from None",
    "def f():\n    try:\n        return 1\n    finally:\n        print(2)",
    "def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e\n    finally:\n        return 3",
    "def f():\n    while True:\n        try:\n            try:\n                return 1\n            finally:\n                x()\n        except E:\n            break\n        finally:\n            y()",
    "assert x\nassert x, 'message'\nassert (a, b)",
    // with
    "with a: pass",
    "with a as b, c as (d, e): pass",
    "def f():\n    with a as b:\n        return b\n",
    "def f():\n    for x in y:\n        with a:\n            break\n        with b:\n            continue",
    "with a:\n    with b:\n        try:\n            pass\n        finally:\n            pass",
    // generators and comprehensions
    "def g():\n    yield 1\n    x = yield\n    yield from h()\n    return 5",
    "def g():\n    try:\n        yield 1\n    finally:\n        yield 2",
    "def g():\n    with a:\n        yield 1",
    "x = [i for i in range(3)]; y = {i for i in a if i}; z = {k: v for k, v in d.items()}; w = (j for j in b)",
    "x = [(i, j) for i in a if i for j in b if j if i != j]",
    "x = [[j for j in range(i)] for i in range(3)]",
    "def f(a):\n    return [a + i for i in range(3)]",
    "def f():\n    return [y := i for i in range(3)], y",
    "x = [y := i for i in range(3)]",
    "class C:\n    xs = [i for i in range(3)]",
    "def f():\n    return (yield)",
    "def f():\n    return sum(x for x in range(10))",
    // f-strings
    "x = f'{a}'; y = f'{a!r} {b!s:>10} {c!a}'; z = f'{a:{width}.{prec}}'; w = f'{a=}'; v = f'{a = !s}'",
    "x = f'abc' 'def' f'{1}'; y = f''; z = f'{{literal}}'",
    "x = f'{f\"{a}\"}'",
    // imports
    "import os\nimport os.path\nimport os.path as p\nfrom os import path, sep as s\nfrom . import x\nfrom ..a.b import c\nfrom m import *",
    "from __future__ import annotations\ndef f(a: int) -> List[int]: pass\nx: Dict[str, int] = {}",
    // misc
    "del a, b.c, d[0], (e, f), [g]",
    "pass",
    "",
    "# just a comment\n",
    "'''module docstring'''\nx = 1",
    "x = 1;",
    "if x:\n    pass\n# trailing comment",
];

#[test]
fn every_snippet_compiles_and_validates() {
    for src in SNIPPETS {
        compile_ok(src);
    }
}

#[test]
fn eval_and_single_modes() {
    compile_mode_ok("1 + 2", Mode::Eval);
    compile_mode_ok("[x for x in range(3)]", Mode::Eval);
    compile_mode_ok("lambda x: x", Mode::Eval);
    compile_mode_ok("x = 1", Mode::Single);
    compile_mode_ok("x + 1", Mode::Single);
    compile_mode_ok("for i in range(3):\n    i\n", Mode::Single);
    compile_mode_ok("def f():\n    return 1\n", Mode::Single);
}

#[test]
fn code_flags_and_arg_counts() {
    use krait_bytecode::code_flags as f;
    let code = compile_ok("def g(a, b, /, c, *args, d, e=1, **kw):\n    yield a\n");
    let g = common::find_code(&code, "g").unwrap();
    assert_eq!(g.argcount, 3);
    assert_eq!(g.posonlyargcount, 2);
    assert_eq!(g.kwonlyargcount, 2);
    assert_eq!(
        g.flags,
        f::OPTIMIZED | f::NEWLOCALS | f::VARARGS | f::VARKEYWORDS | f::GENERATOR
    );
    assert_eq!(
        g.localsplusnames.iter().map(|s| &**s).collect::<Vec<_>>(),
        ["a", "b", "c", "d", "e", "args", "kw"]
    );
    assert_eq!(code.flags, 0);

    let code = compile_ok("def f():\n    def g():\n        pass\n");
    let g = common::find_code(&code, "g").unwrap();
    assert_eq!(g.flags & f::NESTED, f::NESTED);
    assert_eq!(&*g.qualname, "f.<locals>.g");
    let fcode = common::find_code(&code, "f").unwrap();
    assert_eq!(fcode.flags & f::NESTED, 0);
}

#[test]
fn locals_plus_layout() {
    use krait_bytecode::local_kind as k;
    let code = compile_ok(
        "def f(a, b):\n    c = 1\n    d = 2\n    def g():\n        return a + d\n    return g\n",
    );
    let f = common::find_code(&code, "f").unwrap();
    let names: Vec<&str> = f.localsplusnames.iter().map(|s| &**s).collect();
    assert_eq!(names, ["a", "b", "c", "g", "d"]);
    assert_eq!(
        &*f.localspluskinds,
        &[k::LOCAL | k::CELL, k::LOCAL, k::LOCAL, k::LOCAL, k::CELL]
    );
    let g = common::find_code(&code, "g").unwrap();
    assert_eq!(g.freevars(), ["a", "d"]);
    assert_eq!(&*g.localspluskinds, &[k::FREE, k::FREE]);
}

#[test]
fn docstrings() {
    use krait_bytecode::{code_flags, Constant};
    let code = compile_ok("def f():\n    'doc'\n    return 2\ndef g():\n    return 'x'\n");
    let f = common::find_code(&code, "f").unwrap();
    assert!(matches!(&f.consts[0], Constant::Str(s) if &**s == "doc"));
    assert_ne!(f.flags & code_flags::HAS_DOCSTRING, 0);
    let g = common::find_code(&code, "g").unwrap();
    assert_eq!(g.flags & code_flags::HAS_DOCSTRING, 0);
}

#[test]
fn constants_are_deduplicated_but_distinct_by_type() {
    use krait_bytecode::Constant;
    let code = compile_ok("a = (0, 0.0, -0.0, False, 1, True, 1.0, 0, 1.0)\nb = 300\nc = 300\n");
    let tuple = code
        .consts
        .iter()
        .find_map(|c| match c {
            Constant::Tuple(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(tuple.len(), 9);
    let ints = code
        .consts
        .iter()
        .filter(|c| matches!(c, Constant::Int(300)))
        .count();
    assert_eq!(ints, 1);
    // Distinct constants in one code object stay distinct.
    let code = compile_ok("a = 0.0\nb = -0.0\nc = False\nd = 1.0\ne = True\nf = 1000\ng = 1000.0");
    assert_eq!(code.consts.len(), 8, "{:?}", code.consts);
}

#[test]
fn names_are_deduplicated() {
    let code = compile_ok("x = 1\nx = x + x\nprint(x)\n");
    let xs = code.names.iter().filter(|n| &***n == "x").count();
    assert_eq!(xs, 1);
}

#[test]
fn firstlineno_is_first_decorator() {
    let code = compile_ok("\n\n@a\n@b\ndef f():\n    pass\n@c\nclass C:\n    pass\n");
    assert_eq!(common::find_code(&code, "f").unwrap().firstlineno, 3);
    assert_eq!(common::find_code(&code, "C").unwrap().firstlineno, 7);
}

#[test]
fn big_int_literals_have_the_right_value() {
    use krait_bytecode::Constant;
    use num_bigint::BigInt;
    let code = compile_ok("a = 0xFFFF_FFFF_FFFF_FFFF_FFFF\nb = 0o7777777777777777777777777\nc = 0b1_0000000000000000000000000000000000000000000000000000000000000000\nd = 9_223_372_036_854_775_808\n");
    let bigs: Vec<String> = code
        .consts
        .iter()
        .filter_map(|c| match c {
            Constant::BigInt(b) => Some(b.to_string()),
            _ => None,
        })
        .collect();
    let expect = |s: &str, radix: u32| {
        BigInt::parse_bytes(s.as_bytes(), radix)
            .unwrap()
            .to_string()
    };
    assert!(
        bigs.contains(&expect("FFFFFFFFFFFFFFFFFFFF", 16)),
        "{bigs:?}"
    );
    assert!(
        bigs.contains(&expect("7777777777777777777777777", 8)),
        "{bigs:?}"
    );
    assert!(bigs.contains(&expect(
        "10000000000000000000000000000000000000000000000000000000000000000",
        2
    )));
    assert!(bigs.contains(&"9223372036854775808".to_string()));
}

#[test]
fn is_none_conditions_use_none_jumps() {
    let code = compile_ok("if x is None:\n    a()\nif y is not None:\n    b()\n");
    let names = common::ops(&code);
    assert!(names.contains(&"POP_JUMP_IF_NOT_NONE"));
    assert!(names.contains(&"POP_JUMP_IF_NONE"));
    assert!(!names.contains(&"IS_OP"));
}

/// Every file of the system's CPython standard library that uses only supported features
/// compiles and validates (skipped when the library is not installed).
#[test]
fn stdlib_compiles_and_validates() {
    use krait_compiler::{compile, CompileErrorKind};
    let Some(root) = [
        "/usr/lib/python3.11",
        "/usr/lib/python3.12",
        "/usr/lib/python3.13",
    ]
    .iter()
    .map(std::path::Path::new)
    .find(|p| p.is_dir()) else {
        return;
    };
    let mut stack = vec![root.to_path_buf()];
    let mut compiled = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("site-packages") && !path.ends_with("dist-packages") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let name = path.display().to_string();
                match compile(&src, &name, Mode::Exec) {
                    Ok(code) => {
                        if let Err(e) = krait_bytecode::validate(&code) {
                            panic!("{name}: {e}");
                        }
                        compiled += 1;
                    }
                    Err(e) if e.kind == CompileErrorKind::NotImplemented => {}
                    Err(e) => panic!("{name}: {e:?}"),
                }
            }
        }
    }
    assert!(compiled > 100, "only {compiled} files compiled");
}
