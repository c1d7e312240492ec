//! Conformance scripts: every `tests/python/*.py` (except `_*.py` support modules) is run
//! under krait and must exit with status 0. A second set of cases, `python3::<script>`, runs
//! each script under CPython (`python3`) to prove the script itself is right.
//!
//! `KRAIT_SKIP_ORACLE=1` ignores the `python3::` cases.

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn run_script(interp: &Path, script: &Path, who: &str) -> Result<(), Failed> {
    let rel = rel_to_root(script);
    let out = Run::new(interp)
        .arg(rel.as_str())
        .timeout(default_timeout(120))
        .run()
        .map_err(Failed::from)?;
    if out.code == Some(0) && !out.timed_out {
        Ok(())
    } else {
        Err(format!("{rel} failed under {who}\n{}", out.report(who)).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = repo_root().join("tests").join("python");
    let scripts: Vec<PathBuf> = list_scripts(&dir);
    let mut trials = Vec::new();

    for script in &scripts {
        let name = stem(script);
        let s = script.clone();
        trials.push(Trial::test(name, move || {
            run_script(&krait_bin(), &s, "krait")
        }));
    }
    let skip = skip_oracle();
    for script in &scripts {
        let name = format!("python3::{}", stem(script));
        let s = script.clone();
        trials.push(
            Trial::test(name, move || {
                let py = python3_or_fail()?;
                run_script(&py, &s, "python3")
            })
            .with_ignored_flag(skip),
        );
    }
    if scripts.is_empty() {
        trials.push(Trial::test("no_scripts_found", move || {
            Err(format!("no conformance scripts in {}", dir.display()).into())
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
