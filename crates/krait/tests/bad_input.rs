//! Hostile and extreme inputs, generated at test time. krait must finish each within the
//! timeout, never panic, never overflow the Rust stack, never die from a signal, and:
//!
//! - `Ok`: exit 0 (CPython succeeds), with the given stdout;
//! - `Error`: exit 1 with stderr ending in a Python exception line (`SyntaxError: ...`,
//!   `RecursionError: ...`), of the named class when one is given (CPython does the same);
//! - `Limit`: CPython 3.11 rejects the input only because of an implementation limit (200
//!   nested parentheses, 100 indentation levels, compiler recursion depth, the 4300-digit
//!   int limit). krait may either run it (exit 0, with the given stdout if any) or reject it
//!   the same way (exit 1 with an exception line). It must not crash.
//!
//! A second set of cases, `python3::<name>`, checks that CPython meets the same expectation
//! (ignored with `KRAIT_SKIP_ORACLE=1`).

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;

#[derive(Clone)]
enum Expect {
    Ok(&'static str),
    Error(Option<&'static str>),
    Limit(Option<&'static str>),
}

struct Case {
    name: &'static str,
    make: fn() -> Vec<u8>,
    expect: Expect,
}

fn nested_parens() -> Vec<u8> {
    let n = 200_000;
    let mut s = "(".repeat(n);
    s.push_str(&")".repeat(n));
    s.push('\n');
    s.into_bytes()
}

fn nested_lists() -> Vec<u8> {
    let n = 100_000;
    let mut s = String::from("x = ");
    s.push_str(&"[".repeat(n));
    s.push_str(&"]".repeat(n));
    s.push_str("\nprint(len(x))\n");
    s.into_bytes()
}

fn long_sum() -> Vec<u8> {
    let mut s = String::from("x = ");
    s.push_str(&vec!["1"; 100_000].join("+"));
    s.push_str("\nprint(x)\n");
    s.into_bytes()
}

fn many_minus() -> Vec<u8> {
    let mut s = String::from("x = ");
    s.push_str(&"-".repeat(100_000));
    s.push_str("1\nprint(x)\n");
    s.into_bytes()
}

fn nested_defs() -> Vec<u8> {
    let levels = 200;
    let mut s = String::new();
    for i in 0..levels {
        s.push_str(&" ".repeat(i));
        s.push_str(&format!("def f{i}():\n"));
    }
    s.push_str(&" ".repeat(levels));
    s.push_str("return 1\n");
    s.into_bytes()
}

fn million_digit_int() -> Vec<u8> {
    let mut s = String::from("x = ");
    s.push_str(&"7".repeat(1_000_000));
    s.push_str("\nprint(x % 10)\n");
    s.into_bytes()
}

fn ten_mb_string() -> Vec<u8> {
    let mut s = String::from("x = \"");
    s.push_str(&"ab".repeat(5_000_000));
    s.push_str("\"\nprint(len(x))\n");
    s.into_bytes()
}

fn invalid_utf8() -> Vec<u8> {
    b"x = \"\xff\xfe\xc3\x28\"\nprint(x)\n".to_vec()
}

fn nul_byte() -> Vec<u8> {
    b"x = 1\x00\nprint(x)\n".to_vec()
}

fn empty_file() -> Vec<u8> {
    Vec::new()
}

fn only_comments() -> Vec<u8> {
    b"# nothing but comments\n#\n    # indented comment\n\n# last line without newline".to_vec()
}

fn unbounded_recursion() -> Vec<u8> {
    b"def f():\n    f()\n\nf()\n".to_vec()
}

fn deep_repr() -> Vec<u8> {
    b"a = []\nfor i in range(100000):\n    a = [a]\nrepr(a)\n".to_vec()
}

fn deep_drop() -> Vec<u8> {
    b"a = []\nfor i in range(100000):\n    a = [a]\ndel a\n\
d = {}\nfor i in range(100000):\n    d = {'k': d}\nd = None\n\
t = ()\nfor i in range(100000):\n    t = (t,)\nt = 0\nprint('ok')\n"
        .to_vec()
}

fn deep_compare() -> Vec<u8> {
    b"a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\na == b\n".to_vec()
}

fn deep_str_dict() -> Vec<u8> {
    b"d = {}\nfor i in range(100000):\n    d = {1: d}\nstr(d)\n".to_vec()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "nested_parens_200000",
            make: nested_parens,
            expect: Expect::Limit(Some("")),
        },
        Case {
            name: "nested_lists_100000",
            make: nested_lists,
            expect: Expect::Limit(Some("1\n")),
        },
        Case {
            name: "long_sum_100000_terms",
            make: long_sum,
            expect: Expect::Limit(Some("100000\n")),
        },
        Case {
            name: "unary_minus_100000",
            make: many_minus,
            expect: Expect::Limit(Some("1\n")),
        },
        Case {
            name: "nested_defs_200_levels",
            make: nested_defs,
            expect: Expect::Limit(Some("")),
        },
        Case {
            name: "million_digit_int_literal",
            make: million_digit_int,
            expect: Expect::Limit(Some("7\n")),
        },
        Case {
            name: "ten_mb_string_literal",
            make: ten_mb_string,
            expect: Expect::Ok("10000000\n"),
        },
        Case {
            name: "invalid_utf8_source",
            make: invalid_utf8,
            expect: Expect::Error(Some("SyntaxError")),
        },
        Case {
            name: "nul_byte_in_source",
            make: nul_byte,
            expect: Expect::Error(Some("SyntaxError")),
        },
        Case {
            name: "empty_file",
            make: empty_file,
            expect: Expect::Ok(""),
        },
        Case {
            name: "only_comments",
            make: only_comments,
            expect: Expect::Ok(""),
        },
        Case {
            name: "unbounded_recursion",
            make: unbounded_recursion,
            expect: Expect::Error(Some("RecursionError")),
        },
        Case {
            name: "deep_list_repr",
            make: deep_repr,
            expect: Expect::Error(Some("RecursionError")),
        },
        Case {
            name: "deep_dict_str",
            make: deep_str_dict,
            expect: Expect::Error(Some("RecursionError")),
        },
        Case {
            name: "deep_list_compare",
            make: deep_compare,
            expect: Expect::Error(Some("RecursionError")),
        },
        Case {
            name: "deep_structures_dropped",
            make: deep_drop,
            expect: Expect::Ok("ok\n"),
        },
    ]
}

fn check(
    interp: &Path,
    who: &str,
    case_name: &str,
    src: &[u8],
    expect: &Expect,
) -> Result<(), Failed> {
    let dir = scratch_dir().join(format!("{who}-{case_name}"));
    std::fs::create_dir_all(&dir).map_err(|e| Failed::from(e.to_string()))?;
    let file = dir.join("input.py");
    std::fs::write(&file, src).map_err(|e| Failed::from(e.to_string()))?;
    let out = Run::new(interp)
        .arg("input.py")
        .cwd(&dir)
        .timeout(default_timeout(60))
        .run()
        .map_err(Failed::from)?;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = out.stderr_str();
    let stdout = out.stdout_str();
    let fail = |why: String| -> Result<(), Failed> {
        Err(format!("{case_name}: {why}\n{}", out.report(who)).into())
    };

    if out.timed_out {
        return fail("did not finish within the timeout".into());
    }
    if let Some(sig) = out.signal {
        return fail(format!("killed by signal {sig}"));
    }
    for bad in ["panicked", "stack overflow", "RUST_BACKTRACE"] {
        if stderr.contains(bad) {
            return fail(format!("stderr contains {bad:?}"));
        }
    }
    let last = last_line(&stderr);
    let error_ok = |want: Option<&str>| -> Result<(), String> {
        if !is_exception_line(last) {
            return Err(format!(
                "stderr does not end with a Python exception line (last line: {last:?})"
            ));
        }
        if let Some(name) = want {
            if !(last == name || last.starts_with(&format!("{name}:"))) {
                return Err(format!("expected a {name}, last stderr line is {last:?}"));
            }
        }
        Ok(())
    };
    match (expect, out.code) {
        (Expect::Ok(want), Some(0)) | (Expect::Limit(Some(want)), Some(0)) => {
            if stdout != *want {
                return fail(format!("stdout should be {want:?}"));
            }
            Ok(())
        }
        (Expect::Limit(None), Some(0)) => Ok(()),
        (Expect::Error(name), Some(1)) => match error_ok(*name) {
            Ok(()) => Ok(()),
            Err(e) => fail(e),
        },
        (Expect::Limit(_), Some(1)) => match error_ok(None) {
            Ok(()) => Ok(()),
            Err(e) => fail(e),
        },
        (Expect::Ok(_), _) => fail("expected exit status 0".into()),
        (Expect::Error(_), _) => fail("expected exit status 1".into()),
        (Expect::Limit(_), _) => fail("expected exit status 0 or 1".into()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let skip = skip_oracle();
    let mut trials = Vec::new();
    for case in cases() {
        let (name, make, expect) = (case.name, case.make, case.expect.clone());
        trials.push(Trial::test(name, move || {
            check(&krait_bin(), "krait", name, &make(), &expect)
        }));
    }
    for case in cases() {
        let (name, make, expect) = (case.name, case.make, case.expect.clone());
        trials.push(
            Trial::test(format!("python3::{name}"), move || {
                let py = python3_or_fail()?;
                check(&py, "python3", name, &make(), &expect)
            })
            .with_ignored_flag(skip),
        );
    }
    let conclusion = libtest_mimic::run(&args, trials);
    remove_scratch_dir();
    conclusion.exit();
}
