//! Differential tests: programs whose output must equal CPython's byte for byte.
//!
//! - `tests/differential/stdout/NAME.py`: stdout and exit status must match `python3`'s. If
//!   `NAME.stdin` exists beside it, it is fed to both interpreters as standard input
//!   (otherwise standard input is empty/closed).
//! - `tests/differential/stderr/NAME.py`: stderr and exit status must match (tracebacks,
//!   syntax errors, `sys.exit` messages).
//!
//! Both interpreters are run from the repository root with the same relative script path, so
//! file names in tracebacks agree. `KRAIT_SKIP_ORACLE=1` ignores every case (all need python3).

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq)]
enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

fn run_one(interp: &Path, script: &Path, stdin: &Option<Vec<u8>>) -> Result<RunOutput, Failed> {
    let rel = rel_to_root(script);
    let mut run = Run::new(interp)
        .arg(rel.as_str())
        .timeout(default_timeout(120));
    if let Some(data) = stdin {
        run = run.stdin(data.clone());
    }
    run.run().map_err(Failed::from)
}

fn check(script: &Path, stream: Stream) -> Result<(), Failed> {
    let py = python3_or_fail()?;
    let stdin_path = script.with_extension("stdin");
    let stdin = if stdin_path.is_file() {
        Some(std::fs::read(&stdin_path).map_err(|e| Failed::from(e.to_string()))?)
    } else {
        None
    };
    let expected = run_one(&py, script, &stdin)?;
    if expected.timed_out || expected.code.is_none() {
        return Err(format!(
            "python3 did not finish normally\n{}",
            expected.report("python3")
        )
        .into());
    }
    let actual = run_one(&krait_bin(), script, &stdin)?;

    let (exp_text, act_text) = match stream {
        Stream::Stdout => (expected.stdout_str(), actual.stdout_str()),
        Stream::Stderr => (expected.stderr_str(), actual.stderr_str()),
    };
    let (exp_bytes, act_bytes) = match stream {
        Stream::Stdout => (&expected.stdout, &actual.stdout),
        Stream::Stderr => (&expected.stderr, &actual.stderr),
    };
    let status_ok = !actual.timed_out && actual.code == expected.code;
    let text_ok = exp_bytes == act_bytes;
    if status_ok && text_ok {
        return Ok(());
    }
    let mut msg = format!("{} differs from python3\n", rel_to_root(script));
    if !status_ok {
        msg.push_str(&format!(
            "status: python3 {}, krait {}\n",
            expected.status_desc(),
            actual.status_desc()
        ));
    }
    if !text_ok {
        msg.push_str(&format!("{} diff (- python3, + krait):\n", stream.name()));
        msg.push_str(&unified_diff(
            &exp_text,
            &act_text,
            &format!("python3 {}", stream.name()),
            &format!("krait {}", stream.name()),
            3,
        ));
    }
    // The other stream helps explain a failure (e.g. a krait panic message on stderr).
    let other = match stream {
        Stream::Stdout => actual.stderr_str(),
        Stream::Stderr => actual.stdout_str(),
    };
    if !other.is_empty() {
        let other_name = match stream {
            Stream::Stdout => "stderr",
            Stream::Stderr => "stdout",
        };
        msg.push_str(&format!(
            "--- krait {other_name} ---\n{}\n",
            truncate_for_display(&other, 4000)
        ));
    }
    Err(msg.into())
}

/// Checks the harness's own diff output, so a broken diff cannot hide real mismatches.
fn diff_self_check() -> Result<(), Failed> {
    let expected = "a\nb\nc\nd\ne\nf\ng\nh\n";
    let actual = "a\nb\nC\nd\ne\nf\ng\nh\ni\n";
    let d = unified_diff(expected, actual, "exp", "act", 1);
    let want = "--- exp\n+++ act\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n@@ -8,1 +8,2 @@\n h\n+i\n";
    if d != want {
        return Err(format!("unexpected diff:\n{d}\nwanted:\n{want}").into());
    }
    let d = unified_diff("x", "x\n", "exp", "act", 3);
    if !d.contains("\\ No newline at end of output") {
        return Err(format!("missing no-newline marker:\n{d}").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let base = repo_root().join("tests").join("differential");
    let skip = skip_oracle();
    let mut trials = vec![Trial::test("harness::diff_self_check", diff_self_check)];
    for stream in [Stream::Stdout, Stream::Stderr] {
        let scripts: Vec<PathBuf> = list_scripts(&base.join(stream.name()));
        for script in scripts {
            let name = format!("{}::{}", stream.name(), stem(&script));
            trials.push(Trial::test(name, move || check(&script, stream)).with_ignored_flag(skip));
        }
    }
    if trials.len() == 1 {
        trials.push(Trial::test("no_programs_found", move || {
            Err(format!("no differential programs under {}", base.display()).into())
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
