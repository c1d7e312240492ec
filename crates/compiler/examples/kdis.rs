//! Disassembles Python files with krait's compiler.
//!
//! `cargo run -p krait-compiler --example kdis -- file.py` prints the recursive
//! disassembly; `--validate-all DIR` compiles and validates every `.py` file under DIR and
//! prints a summary (files that use unsupported features are counted separately).

use std::path::{Path, PathBuf};

use krait_bytecode::dis::{disassemble, DisOptions};
use krait_compiler::{compile, CompileErrorKind, Mode};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(args))
        .expect("spawn")
        .join();
    std::process::exit(result.unwrap_or(2));
}

fn run(args: Vec<String>) -> i32 {
    match args.first().map(String::as_str) {
        Some("--validate-all") => {
            let Some(dir) = args.get(1) else {
                eprintln!("usage: kdis --validate-all DIR");
                return 2;
            };
            validate_all(Path::new(dir), args.iter().any(|a| a == "-v"))
        }
        Some(path) => {
            let mode = if args.iter().any(|a| a == "--eval") {
                Mode::Eval
            } else if args.iter().any(|a| a == "--single") {
                Mode::Single
            } else {
                Mode::Exec
            };
            let source = if path == "-c" {
                args.get(1).cloned().unwrap_or_default()
            } else {
                match std::fs::read_to_string(path) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        return 2;
                    }
                }
            };
            match compile(&source, path, mode) {
                Ok(code) => {
                    if args.iter().any(|a| a == "--positions") {
                        print_positions(&code);
                        return 0;
                    }
                    let opts = DisOptions {
                        recursive: true,
                        show_caches: false,
                    };
                    print!("{}", disassemble(&code, None, opts));
                    if let Err(e) = krait_bytecode::validate(&code) {
                        eprintln!("VALIDATION FAILED: {e}");
                        return 1;
                    }
                    0
                }
                Err(e) => {
                    eprintln!(
                        "{}: {} (line {}, offset {}, end {}:{})",
                        e.kind.name(),
                        e.message,
                        e.line,
                        e.offset,
                        e.end_line,
                        e.end_offset
                    );
                    if let Some(t) = &e.text {
                        eprint!("    {t}");
                    }
                    1
                }
            }
        }
        None => {
            eprintln!("usage: kdis FILE.py [--eval|--single|--positions] | kdis -c SOURCE | kdis --validate-all DIR [-v]");
            2
        }
    }
}

/// One line per instruction: code name, opcode, and position (line end_line col end_col).
fn print_positions(code: &krait_bytecode::CodeObject) {
    code.walk(&mut |c| {
        for ins in krait_bytecode::Instructions::new(&c.instructions) {
            let p = c.linetable.position(ins.index);
            let name = ins.opcode.map(|o| o.name()).unwrap_or("?");
            println!(
                "{} {} {} {} {} {}",
                c.qualname, name, p.line, p.end_line, p.col, p.end_col
            );
        }
    });
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn validate_all(dir: &Path, verbose: bool) -> i32 {
    let mut files = Vec::new();
    collect(dir, &mut files);
    let (mut ok, mut unsupported, mut syntax, mut failed, mut unreadable) = (0, 0, 0, 0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            unreadable += 1;
            continue;
        };
        let name = f.display().to_string();
        match compile(&src, &name, Mode::Exec) {
            Ok(code) => match krait_bytecode::validate(&code) {
                Ok(()) => ok += 1,
                Err(e) => {
                    failed += 1;
                    println!("INVALID {name}: {e}");
                }
            },
            Err(e) if e.kind == CompileErrorKind::NotImplemented => {
                unsupported += 1;
                if verbose {
                    println!("unsupported {name}: {}", e.message);
                }
            }
            Err(e) => {
                syntax += 1;
                println!("ERROR {name}:{}: {}: {}", e.line, e.kind.name(), e.message);
            }
        }
    }
    println!(
        "{} files: {ok} compiled and validated, {unsupported} use unsupported features, {syntax} compile errors, {failed} failed validation, {unreadable} unreadable",
        files.len()
    );
    if failed > 0 {
        1
    } else {
        0
    }
}
