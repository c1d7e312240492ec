//! Pathological inputs: deep nesting, huge literals, many names, long jumps. The compiler
//! must return Ok or an error, never panic or overflow the stack.

mod common;

use common::compile_big_stack;
use krait_compiler::{CompileErrorKind, Mode};

fn expect_recursion_error(src: String) {
    match compile_big_stack(&src, Mode::Exec) {
        Err(e) => assert_eq!(e.kind, CompileErrorKind::RecursionError, "{}", e.message),
        Ok(_) => panic!("expected RecursionError"),
    }
}

fn validate(src: &str) {
    let code = compile_big_stack(src, Mode::Exec).expect("compiles");
    krait_bytecode::validate(&code).expect("validates");
}

#[test]
fn deep_expressions_give_recursion_error() {
    expect_recursion_error(format!("x = {}1", "-".repeat(100_000)));
    expect_recursion_error(format!("x = {}", vec!["1"; 100_000].join(" + ")));
    expect_recursion_error(format!("x = a{}", ".b".repeat(50_000)));
    expect_recursion_error(format!("x = {}1", "not ".repeat(20_000)));
    expect_recursion_error(format!("x = {}1", "lambda: ".repeat(5_000)));
    expect_recursion_error(format!("x = {}", vec!["a"; 5000].join(" if b else ")));
    expect_recursion_error(format!("x = f{}", "(1)".repeat(20_000)));
}

#[test]
fn deep_statements_give_recursion_error() {
    // Nested blocks on one logical line each.
    let mut src = String::new();
    for i in 0..1200 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(1200));
    src.push_str("pass\n");
    match compile_big_stack(&src, Mode::Exec) {
        Err(e) => assert!(
            matches!(
                e.kind,
                CompileErrorKind::RecursionError
                    | CompileErrorKind::SyntaxError
                    | CompileErrorKind::IndentationError
            ),
            "{e:?}"
        ),
        Ok(_) => panic!("expected an error"),
    }
}

#[test]
fn nested_parentheses_follow_cpython() {
    // CPython's tokenizer stops at 200 nested brackets.
    let e = compile_big_stack(
        &format!("x = {}1{}", "(".repeat(200_000), ")".repeat(200_000)),
        Mode::Exec,
    )
    .unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::SyntaxError);
    assert_eq!(e.message, "too many nested parentheses");
    validate(&format!("x = {}1{}", "(".repeat(150), ")".repeat(150)));
    validate(&format!("x = {}1{}", "[".repeat(150), "]".repeat(150)));
}

#[test]
fn moderately_deep_input_compiles() {
    validate(&format!("x = {}", vec!["1"; 500].join(" + ")));
    validate(&format!("x = {}y", "-".repeat(500)));
    validate(&format!("x = a{}", ".b".repeat(500)));
    let mut src = String::from("def f():\n");
    for i in 1..80 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(80));
    src.push_str("return 1\n");
    validate(&src);
}

#[test]
fn huge_literals() {
    validate(&format!("x = {}", "9".repeat(5000)));
    validate(&format!("x = -0x{}", "f".repeat(2000)));
    validate(&format!("x = '{}'", "a".repeat(100_000)));
    validate(&format!("x = [{}]", vec!["1"; 20_000].join(", ")));
    validate(&format!("x = ({},)", vec!["'s'"; 20_000].join(", ")));
    validate(&format!(
        "x = {{{}}}",
        (0..5000)
            .map(|i| format!("{i}: {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    validate(&format!(
        "x = [{}]",
        (0..5000)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    validate("x = 1e400\ny = 1e-400\nz = 123456789012345678901234567890j");
}

#[test]
fn many_arguments_and_locals_use_extended_arg() {
    let params: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
    let mut src = format!("def f({}):\n", params.join(", "));
    for i in 0..1000 {
        src.push_str(&format!("    v{i} = p{i} + {i}\n"));
    }
    src.push_str(&format!(
        "    return [{}]\n",
        (0..1000)
            .map(|i| format!("v{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    src.push_str(&format!(
        "f({})\n",
        (0..1000)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    src.push_str(&format!(
        "f(*a, {})\n",
        (0..300)
            .map(|i| format!("k{i}={i}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    validate(&src);
    let code = compile_big_stack(&src, Mode::Exec).unwrap();
    let f = common::find_code(&code, "f").unwrap();
    assert_eq!(f.argcount, 1000);
    assert!(f
        .instructions
        .iter()
        .any(|u| u.opcode() == Some(krait_bytecode::Opcode::EXTENDED_ARG)));
}

#[test]
fn long_jumps() {
    let mut src = String::from("def f(x):\n    while x:\n        if x:\n");
    for i in 0..3000 {
        src.push_str(&format!("            x = x + {i}\n"));
    }
    src.push_str("        else:\n            break\n    for i in x:\n        try:\n");
    for i in 0..2000 {
        src.push_str(&format!("            y = i * {i}\n"));
    }
    src.push_str("        except E:\n            continue\n    return x\n");
    validate(&src);
}

#[test]
fn many_statically_nested_blocks() {
    let mut src = String::from("def f():\n");
    for i in 1..=25 {
        src.push_str(&" ".repeat(i * 4));
        src.push_str("for x in y:\n");
    }
    src.push_str(&" ".repeat(26 * 4));
    src.push_str("pass\n");
    let e = compile_big_stack(&src, Mode::Exec).unwrap_err();
    assert_eq!(e.message, "too many statically nested blocks");
}

#[test]
fn arbitrary_garbage_never_panics() {
    let samples = [
        "",
        "\n",
        "\\",
        "(",
        ")",
        "[{(",
        "'''",
        "f'{",
        "f'{x!",
        "lambda",
        "def",
        "class",
        "@",
        "if",
        "x = = 1",
        "for in",
        "with as",
        "try:\nexcept",
        "\t\tx",
        "\u{feff}x = 1",
        "x = 1\r\ny = 2\r\n",
        "x\x0c= 1",
        "async",
        "await",
        "yield",
        "global",
        "nonlocal",
        "import",
        "from",
        "from . import (a, b,)",
        "a[::]",
        "a[1:2, ::3]",
        "*a, b = c",
        "print(f'{1:{2:{3}}}')",
        "x = '\\N{LATIN SMALL LETTER A}'",
        "b'\\xff'",
        "'\\ud800'",
        "0_0",
        "1_000.000_1e1_0j",
        "...",
        "....",
        "a.b.c.d.e.f(g)(h)[i]",
    ];
    for s in samples {
        let _ = compile_big_stack(s, Mode::Exec);
        let _ = compile_big_stack(s, Mode::Eval);
        let _ = compile_big_stack(s, Mode::Single);
        if let Ok(code) = compile_big_stack(s, Mode::Exec) {
            krait_bytecode::validate(&code).unwrap();
        }
    }
}
