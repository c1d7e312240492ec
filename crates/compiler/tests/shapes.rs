//! The bytecode shapes the VM relies on.

mod common;

use common::{assert_ops_contain, compile_ok, dis, find_code, ops};
use krait_bytecode::{Constant, Instructions, Opcode};

#[test]
fn call_convention() {
    let code = compile_ok("f(x)\n");
    assert_ops_contain(
        &code,
        &["LOAD_NAME", "PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP"],
    );
    let code = compile_ok("def g():\n    return f(x)\n");
    let g = find_code(&code, "g").unwrap();
    assert_ops_contain(g, &["LOAD_GLOBAL", "LOAD_GLOBAL", "CALL", "RETURN_VALUE"]);
    let first = Instructions::new(&g.instructions)
        .find(|i| i.opcode == Some(Opcode::LOAD_GLOBAL))
        .unwrap();
    assert_eq!(first.arg & 1, 1, "LOAD_GLOBAL pushes NULL for a call");
    // Method calls.
    let code = compile_ok("o.m(1)\n");
    assert_ops_contain(&code, &["LOAD_NAME", "LOAD_ATTR", "LOAD_SMALL_INT", "CALL"]);
    let la = Instructions::new(&code.instructions)
        .find(|i| i.opcode == Some(Opcode::LOAD_ATTR))
        .unwrap();
    assert_eq!(la.arg & 1, 1);
    // Keywords.
    let code = compile_ok("f(1, b=2, c=3)\n");
    assert_ops_contain(&code, &["LOAD_CONST", "CALL_KW"]);
    assert!(code.consts.iter().any(|c| matches!(c, Constant::Tuple(t)
        if t.len() == 2 && matches!(&t[0], Constant::Str(s) if &**s == "b"))));
    let ck = Instructions::new(&code.instructions)
        .find(|i| i.opcode == Some(Opcode::CALL_KW))
        .unwrap();
    assert_eq!(ck.arg, 3);
}

#[test]
fn star_calls() {
    // A lone `*a` goes to CALL_FUNCTION_EX as is (it converts and names the callee in
    // its error); several positional pieces are collected into a tuple.
    let code = compile_ok("f(*a, **k)\n");
    assert_ops_contain(
        &code,
        &[
            "LOAD_NAME",
            "BUILD_MAP",
            "LOAD_NAME",
            "DICT_MERGE",
            "CALL_FUNCTION_EX",
        ],
    );
    let code = compile_ok("f(x, *a, **k)\n");
    assert_ops_contain(
        &code,
        &[
            "BUILD_LIST",
            "LOAD_NAME",
            "LIST_EXTEND",
            "CALL_INTRINSIC_1",
            "BUILD_MAP",
            "LOAD_NAME",
            "DICT_MERGE",
            "CALL_FUNCTION_EX",
        ],
    );
    let code = compile_ok("f(*a)\n");
    assert_ops_contain(&code, &["LOAD_NAME", "PUSH_NULL", "CALL_FUNCTION_EX"]);
    let code = compile_ok("f(a, **k)\n");
    assert_ops_contain(
        &code,
        &["BUILD_TUPLE", "BUILD_MAP", "LOAD_NAME", "DICT_MERGE"],
    );
}

#[test]
fn super_calls() {
    let code = compile_ok(
        "class C(B):\n    def f(self, x):\n        return super().f(x)\n    def g(self):\n        return super(C, self).g\n",
    );
    let f = find_code(&code, "f").unwrap();
    assert_ops_contain(
        f,
        &[
            "LOAD_GLOBAL",
            "LOAD_DEREF",
            "LOAD_FAST",
            "LOAD_SUPER_ATTR",
            "LOAD_FAST",
            "CALL",
        ],
    );
    let ls = Instructions::new(&f.instructions)
        .find(|i| i.opcode == Some(Opcode::LOAD_SUPER_ATTR))
        .unwrap();
    assert_eq!(ls.arg & 3, 1, "zero-arg method form");
    let g = find_code(&code, "g").unwrap();
    let ls = Instructions::new(&g.instructions)
        .find(|i| i.opcode == Some(Opcode::LOAD_SUPER_ATTR))
        .unwrap();
    assert_eq!(ls.arg & 3, 2, "two-arg attribute form");
    // The class body stores __classcell__ and returns the cell.
    let c = find_code(&code, "C").unwrap();
    assert_ops_contain(c, &["LOAD_FAST", "STORE_NAME", "LOAD_FAST", "RETURN_VALUE"]);
    assert!(c.names.iter().any(|n| &**n == "__classcell__"));
    assert_eq!(c.cellvars(), ["__class__"]);
    // Other uses of super are plain calls.
    let code = compile_ok("class C:\n    def f(self):\n        s = super()\n        return s\n");
    let f = find_code(&code, "f").unwrap();
    assert!(!ops(f).contains(&"LOAD_SUPER_ATTR"));
}

#[test]
fn class_body_prologue() {
    let code = compile_ok("class C:\n    'doc'\n    x = 1\n");
    let c = find_code(&code, "C").unwrap();
    let names: Vec<&str> = ops(c);
    assert_eq!(
        &names[..7],
        &[
            "RESUME",
            "LOAD_NAME",
            "STORE_NAME",
            "LOAD_CONST",
            "STORE_NAME",
            "LOAD_CONST",
            "STORE_NAME"
        ]
    );
    assert_eq!(&*c.qualname, "C");
    assert_ops_contain(
        &code,
        &[
            "LOAD_BUILD_CLASS",
            "PUSH_NULL",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_CONST",
            "CALL",
        ],
    );
    assert!(ops(c).ends_with(&["LOAD_CONST", "RETURN_VALUE"]));
}

#[test]
fn comprehensions_are_nested_code() {
    let code = compile_ok("x = [i * 2 for i in y if i]\n");
    assert_ops_contain(
        &code,
        &[
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "PUSH_NULL",
            "LOAD_NAME",
            "GET_ITER",
            "CALL",
        ],
    );
    let lc = find_code(&code, "<listcomp>").unwrap();
    assert_eq!(lc.argcount, 1);
    assert_eq!(&*lc.localsplusnames[0], ".0");
    assert_ops_contain(lc, &["BUILD_LIST", "LOAD_FAST", "FOR_ITER"]);
    assert!(ops(lc).contains(&"LIST_APPEND"));
    for (src, name) in [
        ("{i for i in y}", "<setcomp>"),
        ("{i: i for i in y}", "<dictcomp>"),
        ("(i for i in y)", "<genexpr>"),
    ] {
        let code = compile_ok(src);
        assert!(find_code(&code, name).is_some(), "{name}");
    }
    let code = compile_ok("def f():\n    return [x for x in y]\n");
    assert_eq!(
        &*find_code(&code, "<listcomp>").unwrap().qualname,
        "f.<locals>.<listcomp>"
    );
}

#[test]
fn for_loop_shape() {
    let code = compile_ok("for x in y:\n    z()\n");
    let insns: Vec<_> = Instructions::new(&code.instructions).collect();
    let fi = insns
        .iter()
        .find(|i| i.opcode == Some(Opcode::FOR_ITER))
        .unwrap();
    let target = fi.jump_target().unwrap();
    let at = insns.iter().find(|i| i.start == target).unwrap();
    assert_eq!(
        at.opcode,
        Some(Opcode::POP_ITER),
        "FOR_ITER jumps to POP_ITER"
    );
    assert!(ops(&code).contains(&"JUMP_BACKWARD"));
}

#[test]
fn conditions_use_to_bool() {
    let code = compile_ok("if x:\n    y()\n");
    assert_ops_contain(&code, &["LOAD_NAME", "TO_BOOL", "POP_JUMP_IF_FALSE"]);
    let code = compile_ok("if x < y:\n    z()\n");
    assert_ops_contain(&code, &["COMPARE_OP", "POP_JUMP_IF_FALSE"]);
    let cmp = Instructions::new(&code.instructions)
        .find(|i| i.opcode == Some(Opcode::COMPARE_OP))
        .unwrap();
    assert_eq!(cmp.arg & 16, 16, "coerce-to-bool bit");
    let code = compile_ok("if x is None:\n    z()\nif a in b:\n    z()\n");
    assert!(!ops(&code).contains(&"TO_BOOL"));
    let code = compile_ok("x = not y\n");
    assert_ops_contain(&code, &["TO_BOOL", "UNARY_NOT"]);
}

#[test]
fn generator_prologue_and_handler() {
    let code = compile_ok("def g():\n    yield 1\n");
    let g = find_code(&code, "g").unwrap();
    assert_eq!(&ops(g)[..3], &["RETURN_GENERATOR", "POP_TOP", "RESUME"]);
    assert_ops_contain(g, &["YIELD_VALUE", "RESUME", "POP_TOP"]);
    assert!(ops(g).ends_with(&["CALL_INTRINSIC_1", "RERAISE"]));
    let e = g.exceptiontable.entries[0];
    assert!(e.lasti);
    assert_eq!(e.depth, 0);
    // yield from
    let code = compile_ok("def g():\n    yield from h()\n");
    let g = find_code(&code, "g").unwrap();
    assert_ops_contain(
        g,
        &[
            "GET_YIELD_FROM_ITER",
            "LOAD_CONST",
            "SEND",
            "YIELD_VALUE",
            "RESUME",
            "JUMP_BACKWARD_NO_INTERRUPT",
            "CLEANUP_THROW",
            "END_SEND",
        ],
    );
}

#[test]
fn closure_prologue() {
    let code = compile_ok("def f(a):\n    def g():\n        return a\n    return g\n");
    let f = find_code(&code, "f").unwrap();
    assert_eq!(&ops(f)[..2], &["MAKE_CELL", "RESUME"]);
    assert_ops_contain(
        f,
        &[
            "LOAD_FAST",
            "BUILD_TUPLE",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "SET_FUNCTION_ATTRIBUTE",
        ],
    );
    let g = find_code(&code, "g").unwrap();
    assert_eq!(&ops(g)[..3], &["COPY_FREE_VARS", "RESUME", "LOAD_DEREF"]);
}

#[test]
fn function_attributes_order() {
    let code = compile_ok("def f(a: int = 1, *, b=2) -> str:\n    return a\n");
    let names = ops(&code);
    let mf = names.iter().position(|n| *n == "MAKE_FUNCTION").unwrap();
    assert_eq!(
        &names[mf..mf + 4],
        &[
            "MAKE_FUNCTION",
            "SET_FUNCTION_ATTRIBUTE",
            "SET_FUNCTION_ATTRIBUTE",
            "SET_FUNCTION_ATTRIBUTE"
        ]
    );
    let args: Vec<u32> = Instructions::new(&code.instructions)
        .filter(|i| i.opcode == Some(Opcode::SET_FUNCTION_ATTRIBUTE))
        .map(|i| i.arg)
        .collect();
    assert_eq!(args, [4, 2, 1]);
    // The annotations are a dict built with BUILD_MAP.
    assert!(names.contains(&"BUILD_MAP"));
}

#[test]
fn try_except_shape_and_table() {
    let code = compile_ok("try:\n    f()\nexcept E as e:\n    g(e)\n");
    assert_ops_contain(
        &code,
        &[
            "PUSH_EXC_INFO",
            "LOAD_NAME",
            "CHECK_EXC_MATCH",
            "POP_JUMP_IF_FALSE",
            "STORE_NAME",
        ],
    );
    assert_ops_contain(&code, &["COPY", "POP_EXCEPT", "RERAISE"]);
    assert!(ops(&code).contains(&"DELETE_NAME"));
    let t = &code.exceptiontable.entries;
    assert!(t.len() >= 3, "{t:?}");
    assert!(!t[0].lasti && t[0].depth == 0);
    assert!(t.iter().any(|e| e.lasti && e.depth == 1));
}

#[test]
fn with_shape() {
    let code = compile_ok("with a as b:\n    c()\n");
    assert_ops_contain(
        &code,
        &[
            "LOAD_NAME",
            "COPY",
            "LOAD_SPECIAL",
            "SWAP",
            "SWAP",
            "LOAD_SPECIAL",
            "CALL",
            "STORE_NAME",
        ],
    );
    assert_ops_contain(
        &code,
        &["LOAD_CONST", "LOAD_CONST", "LOAD_CONST", "CALL", "POP_TOP"],
    );
    assert_ops_contain(
        &code,
        &[
            "PUSH_EXC_INFO",
            "WITH_EXCEPT_START",
            "TO_BOOL",
            "POP_JUMP_IF_TRUE",
            "RERAISE",
        ],
    );
    let t = &code.exceptiontable.entries;
    assert!(t.iter().any(|e| e.lasti && e.depth == 2), "{t:?}");
}

#[test]
fn assert_shape() {
    let code = compile_ok("assert x, 'm'\n");
    assert_ops_contain(
        &code,
        &[
            "LOAD_COMMON_CONSTANT",
            "LOAD_CONST",
            "CALL",
            "RAISE_VARARGS",
        ],
    );
}

#[test]
fn constant_folding() {
    let code = compile_ok("x = (1, 2, 'a')\ny = -5\nz = x in [1, 2]\n");
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, Constant::Tuple(t) if t.len() == 3)));
    assert!(code.consts.iter().any(|c| matches!(c, Constant::Int(-5))));
    assert!(!ops(&code).contains(&"UNARY_NEGATIVE"));
    assert!(!ops(&code).contains(&"BUILD_LIST"));
    let code = compile_ok("x = 1j\ny = 10**30\n");
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, Constant::Complex { real, imag } if *real == 0.0 && *imag == 1.0)));
    assert!(code.consts.iter().any(|c| matches!(c, Constant::BigInt(_))));
    let code = compile_ok("x = 7\n");
    assert_ops_contain(&code, &["LOAD_SMALL_INT", "STORE_NAME"]);
}

#[test]
fn modes() {
    use krait_compiler::Mode;
    let code = common::compile_mode_ok("1 + x", Mode::Eval);
    assert!(ops(&code).ends_with(&["BINARY_OP", "RETURN_VALUE"]));
    let code = common::compile_mode_ok("x", Mode::Single);
    assert_ops_contain(&code, &["LOAD_NAME", "CALL_INTRINSIC_1", "POP_TOP"]);
    let code = compile_ok("x\n");
    assert!(!ops(&code).contains(&"CALL_INTRINSIC_1"));
}

#[test]
fn positions() {
    let code = compile_ok("x = 1\ny = foo(x) + bar.baz\n");
    let insns: Vec<_> = Instructions::new(&code.instructions).collect();
    let call = insns
        .iter()
        .find(|i| i.opcode == Some(Opcode::CALL))
        .unwrap();
    let p = code.linetable.position(call.index);
    assert_eq!((p.line, p.col, p.end_line, p.end_col), (2, 4, 2, 10));
    let attr = insns
        .iter()
        .find(|i| i.opcode == Some(Opcode::LOAD_ATTR))
        .unwrap();
    let p = code.linetable.position(attr.index);
    assert_eq!((p.col, p.end_col), (13, 20));
    let binop = insns
        .iter()
        .find(|i| i.opcode == Some(Opcode::BINARY_OP))
        .unwrap();
    let p = code.linetable.position(binop.index);
    assert_eq!((p.col, p.end_col), (4, 20));
    // Columns are UTF-8 byte offsets.
    let code = compile_ok("s = 'é'; t = f(s)\n");
    let call = Instructions::new(&code.instructions)
        .find(|i| i.opcode == Some(Opcode::CALL))
        .unwrap();
    let p = code.linetable.position(call.index);
    assert_eq!((p.col, p.end_col), (14, 18));
}

#[test]
fn disassembly_is_printable() {
    let text = dis("def f(x):\n    return [y for y in x]\n");
    assert!(text.contains("Disassembly of <code object f>"));
    assert!(text.contains("Disassembly of <code object <listcomp>>"));
}

#[test]
fn cpython_positions_for_decorated_defs_and_bare_genexpr_arguments() {
    let code = compile_ok("@dec\nclass C:\n    pass\nx = sum(i for i in y)\n");
    let insns: Vec<_> = Instructions::new(&code.instructions).collect();
    let build = insns
        .iter()
        .find(|i| i.opcode == Some(Opcode::LOAD_BUILD_CLASS))
        .unwrap();
    let p = code.linetable.position(build.index);
    assert_eq!((p.line, p.col, p.end_line, p.end_col), (2, 0, 3, 8));
    // The generator expression's call covers the call's parentheses, as in CPython.
    let calls: Vec<_> = insns
        .iter()
        .filter(|i| i.opcode == Some(Opcode::CALL))
        .map(|i| code.linetable.position(i.index))
        .collect();
    assert!(
        calls
            .iter()
            .any(|p| (p.line, p.col, p.end_col) == (4, 7, 21)),
        "{calls:?}"
    );
    let ge = find_code(&code, "<genexpr>").unwrap();
    assert_eq!(ge.firstlineno, 4);
}

#[test]
fn superinstructions() {
    let code = compile_ok("def f(a, b):\n    a, b = b, a\n    c = a + b; return c\n");
    let f = find_code(&code, "f").unwrap();
    assert_ops_contain(
        f,
        &[
            "LOAD_FAST_LOAD_FAST",
            "BUILD_TUPLE",
            "UNPACK_SEQUENCE",
            "STORE_FAST_STORE_FAST",
        ],
    );
    let ssf = Instructions::new(&f.instructions)
        .find(|i| i.opcode == Some(Opcode::STORE_FAST_STORE_FAST))
        .unwrap();
    assert_eq!(ssf.arg, 0x01, "stores a (from the top) then b");
    assert!(ops(f).contains(&"STORE_FAST_LOAD_FAST"));
}
