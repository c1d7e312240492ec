//! Helpers shared by the compiler's integration tests.
#![allow(dead_code)]

use krait_bytecode::dis::{disassemble, DisOptions};
use krait_bytecode::CodeObject;
use krait_compiler::{compile, CompileError, Mode};

/// Compiles in a thread with a large stack (as the VM does).
pub fn compile_big_stack(src: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || compile(&src, "<test>", mode))
        .expect("spawn")
        .join()
        .expect("the compiler must not panic")
}

/// Compiles `src` (exec mode), validates the result and returns it.
pub fn compile_ok(src: &str) -> CodeObject {
    compile_mode_ok(src, Mode::Exec)
}

pub fn compile_mode_ok(src: &str, mode: Mode) -> CodeObject {
    let code = match compile(src, "<test>", mode) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e:?}\nsource:\n{src}"),
    };
    if let Err(e) = krait_bytecode::validate(&code) {
        panic!(
            "validation failed: {e}\nsource:\n{src}\n{}",
            disassemble(&code, None, opts())
        );
    }
    code
}

pub fn opts() -> DisOptions {
    DisOptions {
        recursive: true,
        show_caches: false,
    }
}

/// Recursive disassembly of a validated compile.
pub fn dis(src: &str) -> String {
    disassemble(&compile_ok(src), None, opts())
}

/// The opcode names of a code object's instructions, in order.
pub fn ops(code: &CodeObject) -> Vec<&'static str> {
    krait_bytecode::Instructions::new(&code.instructions)
        .filter_map(|i| i.opcode.map(|o| o.name()))
        .collect()
}

/// The first nested code object with this name (depth-first).
pub fn find_code<'a>(code: &'a CodeObject, name: &str) -> Option<&'a CodeObject> {
    if &*code.name == name {
        return Some(code);
    }
    for c in code.consts.iter() {
        if let krait_bytecode::Constant::Code(inner) = c {
            if let Some(found) = find_code(inner, name) {
                return Some(found);
            }
        }
    }
    None
}

pub fn compile_err(src: &str) -> CompileError {
    match compile(src, "<test>", Mode::Exec) {
        Ok(_) => panic!("expected an error for:\n{src}"),
        Err(e) => e,
    }
}

/// Asserts a contiguous run of opcode names appears in the code's instructions.
pub fn assert_ops_contain(code: &CodeObject, expected: &[&str]) {
    let names = ops(code);
    let found = names.windows(expected.len()).any(|w| w == expected);
    assert!(
        found,
        "expected {expected:?} in\n{}",
        disassemble(code, None, opts())
    );
}
