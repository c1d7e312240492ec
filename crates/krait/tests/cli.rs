//! The `krait` command line: `-c`, `-` (program on stdin), script arguments, exit statuses,
//! `sys.exit` messages, uncaught exceptions and usage errors. Every case is also run against
//! CPython as `python3::<name>` to prove the expectation (ignored with `KRAIT_SKIP_ORACLE=1`).

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::ffi::OsString;
use std::path::Path;

/// What stderr must look like.
#[derive(Clone)]
enum Err {
    /// Exactly this text.
    Exact(&'static str),
    /// Contains each of these substrings.
    Contains(&'static [&'static str]),
    /// Starts with a traceback header and its last line is exactly this.
    Traceback(&'static str),
    /// Last non-empty line starts with this (e.g. `SyntaxError`).
    LastLineStarts(&'static str),
    /// Something (a usage message), anything.
    NonEmpty,
}

#[derive(Clone)]
struct Case {
    name: &'static str,
    /// Arguments; `{script}` is replaced by the path of a scratch file holding `script`.
    args: &'static [&'static str],
    script: Option<&'static str>,
    stdin: Option<&'static str>,
    status: i32,
    stdout: Option<&'static str>,
    stderr: Err,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "c_print",
            args: &["-c", "print(1)"],
            script: None,
            stdin: None,
            status: 0,
            stdout: Some("1\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "c_multiline_and_name",
            args: &["-c", "x = 6\nif x:\n    print(x * 7, __name__)\n"],
            script: None,
            stdin: None,
            status: 0,
            stdout: Some("42 __main__\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "c_sys_argv",
            args: &["-c", "import sys; print(sys.argv)", "a", "b c"],
            script: None,
            stdin: None,
            status: 0,
            stdout: Some("['-c', 'a', 'b c']\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "c_stdout_flushed_at_exit",
            args: &["-c", "import sys; sys.stdout.write('no newline')"],
            script: None,
            stdin: None,
            status: 0,
            stdout: Some("no newline"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "dash_reads_program_from_stdin",
            args: &["-", "x", "y"],
            script: None,
            stdin: Some("import sys\nprint(2)\nprint(sys.argv)\n"),
            status: 0,
            stdout: Some("2\n['-', 'x', 'y']\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "no_args_reads_program_from_piped_stdin",
            args: &[],
            script: None,
            stdin: Some("print(3)\nimport sys\nprint(sys.argv)"),
            status: 0,
            stdout: Some("3\n['']\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "script_argv",
            args: &["{script}", "arg1", "arg2"],
            script: Some("import sys\nprint(sys.argv[1:])\nprint(sys.argv[0].endswith('script.py'))\nprint(__name__)\n"),
            stdin: None,
            status: 0,
            stdout: Some("['arg1', 'arg2']\nTrue\n__main__\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "sys_exit_3",
            args: &["{script}"],
            script: Some("import sys\nprint('before')\nsys.exit(3)\nprint('after')\n"),
            stdin: None,
            status: 3,
            stdout: Some("before\n"),
            stderr: Err::Exact(""),
        },
        Case {
            name: "sys_exit_message",
            args: &["-c", "import sys; sys.exit('msg')"],
            script: None,
            stdin: None,
            status: 1,
            stdout: Some(""),
            stderr: Err::Exact("msg\n"),
        },
        Case {
            name: "sys_exit_none_is_success",
            args: &["-c", "import sys; sys.exit()"],
            script: None,
            stdin: None,
            status: 0,
            stdout: Some(""),
            stderr: Err::Exact(""),
        },
        Case {
            name: "raise_system_exit_code",
            args: &["-c", "raise SystemExit(7)"],
            script: None,
            stdin: None,
            status: 7,
            stdout: Some(""),
            stderr: Err::Exact(""),
        },
        Case {
            name: "uncaught_exception_status_1",
            args: &["{script}"],
            script: Some("def f(x):\n    return 1 / x\n\nprint('start')\nf(0)\n"),
            stdin: None,
            status: 1,
            stdout: Some("start\n"),
            stderr: Err::Traceback("ZeroDivisionError: division by zero"),
        },
        Case {
            name: "syntax_error_in_c",
            args: &["-c", "1 +"],
            script: None,
            stdin: None,
            status: 1,
            stdout: Some(""),
            stderr: Err::LastLineStarts("SyntaxError"),
        },
        Case {
            name: "unknown_option",
            args: &["-x-unknown-option"],
            script: None,
            stdin: None,
            status: 2,
            stdout: Some(""),
            stderr: Err::NonEmpty,
        },
        Case {
            name: "unknown_long_option",
            args: &["--no-such-option"],
            script: None,
            stdin: None,
            status: 2,
            stdout: Some(""),
            stderr: Err::NonEmpty,
        },
        Case {
            name: "nonexistent_script",
            args: &["nonexistent-krait-test-script.py"],
            script: None,
            stdin: None,
            status: 2,
            stdout: Some(""),
            stderr: Err::Contains(&[
                "can't open file",
                "nonexistent-krait-test-script.py",
                "[Errno 2] No such file or directory",
            ]),
        },
        Case {
            name: "c_without_argument",
            args: &["-c"],
            script: None,
            stdin: None,
            status: 2,
            stdout: Some(""),
            stderr: Err::NonEmpty,
        },
    ]
}

fn check(interp: &Path, who: &str, case: &Case) -> Result<(), Failed> {
    let dir = scratch_dir().join(format!("{who}-{}", case.name));
    std::fs::create_dir_all(&dir).map_err(|e| Failed::from(e.to_string()))?;
    let script_path = dir.join("script.py");
    if let Some(src) = case.script {
        std::fs::write(&script_path, src).map_err(|e| Failed::from(e.to_string()))?;
    }
    let args: Vec<OsString> = case
        .args
        .iter()
        .map(|a| {
            if *a == "{script}" {
                script_path.clone().into_os_string()
            } else {
                OsString::from(a)
            }
        })
        .collect();
    let mut run = Run::new(interp).cwd(&dir).timeout(default_timeout(60));
    for a in &args {
        run = run.arg(a.as_os_str());
    }
    if let Some(input) = case.stdin {
        run = run.stdin(input.as_bytes().to_vec());
    }
    let out = run.run().map_err(Failed::from)?;
    let _ = std::fs::remove_dir_all(&dir);

    let fail = |why: String| -> Result<(), Failed> {
        Err(format!(
            "{}: {why}\nargs: {:?}\n{}",
            case.name,
            case.args,
            out.report(who)
        )
        .into())
    };
    if out.timed_out {
        return fail("did not finish within the timeout".into());
    }
    if out.code != Some(case.status) {
        return fail(format!("expected exit status {}", case.status));
    }
    let stdout = out.stdout_str();
    let stderr = out.stderr_str();
    if stderr.contains("panicked") {
        return fail("stderr contains \"panicked\"".into());
    }
    if let Some(want) = case.stdout {
        if stdout != want {
            return fail(format!("stdout should be {want:?}"));
        }
    }
    match &case.stderr {
        Err::Exact(want) => {
            if stderr != *want {
                return fail(format!("stderr should be {want:?}"));
            }
        }
        Err::Contains(parts) => {
            for p in parts.iter() {
                if !stderr.contains(p) {
                    return fail(format!("stderr should contain {p:?}"));
                }
            }
        }
        Err::Traceback(last) => {
            if !stderr.starts_with("Traceback (most recent call last):\n") {
                return fail("stderr should start with a traceback header".into());
            }
            if last_line(&stderr) != *last {
                return fail(format!("last stderr line should be {last:?}"));
            }
        }
        Err::LastLineStarts(prefix) => {
            if !last_line(&stderr).starts_with(prefix) {
                return fail(format!("last stderr line should start with {prefix:?}"));
            }
        }
        Err::NonEmpty => {
            if stderr.trim().is_empty() {
                return fail("expected a usage message on stderr".into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let skip = skip_oracle();
    let mut trials = Vec::new();
    for case in cases() {
        trials.push(Trial::test(case.name, move || {
            check(&krait_bin(), "krait", &case)
        }));
    }
    for case in cases() {
        trials.push(
            Trial::test(format!("python3::{}", case.name), move || {
                let py = python3_or_fail()?;
                check(&py, "python3", &case)
            })
            .with_ignored_flag(skip),
        );
    }
    let conclusion = libtest_mimic::run(&args, trials);
    remove_scratch_dir();
    conclusion.exit();
}
