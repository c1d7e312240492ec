//! Shared helpers for krait's integration-test harnesses (conformance, differential,
//! bad_input, cli). Each harness is a `harness = false` test using `libtest-mimic`, so every
//! script or input is its own named test case.
//!
//! Environment variables understood by the harnesses:
//! - `KRAIT_SKIP_ORACLE=1`: skip (ignore) every case that needs CPython (`python3`).
//! - `KRAIT_PYTHON=/path/to/python3`: use this interpreter as the oracle instead of the
//!   `python3` found on `PATH`.
//! - `KRAIT_TEST_TIMEOUT=SECONDS`: per-process timeout (default 60 s, or what a harness says).

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The message shown by oracle cases when CPython cannot be found.
pub const NO_PYTHON: &str = "python3 not found on PATH: cannot check conformance scripts \
against CPython (set KRAIT_SKIP_ORACLE=1 to skip)";

/// The repository root (the workspace directory holding `tests/` and `crates/`).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .expect("crates/krait has a grandparent directory")
        .to_path_buf()
}

/// Path of the krait binary built by cargo for these tests.
pub fn krait_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_krait"))
}

/// True when the user asked to skip every CPython-oracle case.
pub fn skip_oracle() -> bool {
    matches!(
        std::env::var("KRAIT_SKIP_ORACLE").as_deref(),
        Ok(v) if !v.is_empty() && v != "0"
    )
}

/// Locate the CPython oracle: `$KRAIT_PYTHON`, else `python3` on `PATH`.
pub fn find_python3() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KRAIT_PYTHON") {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Some(p);
        }
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let candidate = dir.join("python3");
        if is_executable(&candidate) {
            return Some(candidate);
        }
    }
    None
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// The python3 oracle or the standard failure message.
pub fn python3_or_fail() -> Result<PathBuf, libtest_mimic::Failed> {
    find_python3().ok_or_else(|| NO_PYTHON.into())
}

/// Default per-process timeout.
pub fn default_timeout(fallback_secs: u64) -> Duration {
    let secs = std::env::var("KRAIT_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(fallback_secs);
    Duration::from_secs(secs)
}

/// The result of running one process.
#[derive(Debug, Clone)]
pub struct RunOutput {
    /// Exit code, if the process exited normally.
    pub code: Option<i32>,
    /// Signal number, if the process was killed by a signal (unix only).
    pub signal: Option<i32>,
    /// True if we killed it because it ran past the timeout.
    pub timed_out: bool,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

impl RunOutput {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// A one-line description of how the process ended.
    pub fn status_desc(&self) -> String {
        if self.timed_out {
            format!("timed out after {:.1?} (killed)", self.elapsed)
        } else if let Some(c) = self.code {
            format!("exit status {c}")
        } else if let Some(s) = self.signal {
            format!("killed by signal {s}")
        } else {
            "unknown termination".to_string()
        }
    }

    /// A multi-line report with the status, stdout and stderr (truncated if huge).
    pub fn report(&self, who: &str) -> String {
        format!(
            "{who}: {}\n--- {who} stdout ---\n{}\n--- {who} stderr ---\n{}",
            self.status_desc(),
            truncate_for_display(&self.stdout_str(), 8000),
            truncate_for_display(&self.stderr_str(), 8000),
        )
    }
}

/// Keep the start and the end of a long text.
pub fn truncate_for_display(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let half = max / 2;
    let mut start = half;
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = s.len() - half;
    while !s.is_char_boundary(end) {
        end += 1;
    }
    format!(
        "{}\n[... {} bytes omitted ...]\n{}",
        &s[..start],
        end - start,
        &s[end..]
    )
}

/// How to run a process.
pub struct Run<'a> {
    pub program: &'a Path,
    pub args: Vec<&'a OsStr>,
    pub stdin: Option<Vec<u8>>,
    pub cwd: PathBuf,
    pub timeout: Duration,
    pub env: Vec<(&'a str, &'a str)>,
}

impl<'a> Run<'a> {
    pub fn new(program: &'a Path) -> Self {
        Run {
            program,
            args: Vec::new(),
            stdin: None,
            cwd: repo_root(),
            timeout: default_timeout(60),
            env: Vec::new(),
        }
    }

    pub fn arg<S: AsRef<OsStr> + ?Sized>(mut self, a: &'a S) -> Self {
        self.args.push(a.as_ref());
        self
    }

    pub fn stdin(mut self, data: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(data.into());
        self
    }

    pub fn cwd(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cwd = dir.into();
        self
    }

    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = t;
        self
    }

    pub fn env(mut self, k: &'a str, v: &'a str) -> Self {
        self.env.push((k, v));
        self
    }

    /// Run to completion (or until the timeout, when the process is killed).
    pub fn run(self) -> Result<RunOutput, String> {
        let mut cmd = Command::new(self.program);
        cmd.args(&self.args)
            .current_dir(&self.cwd)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Keep runs reproducible and the source tree clean.
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONIOENCODING", "utf-8")
            .env("PYTHONUTF8", "1")
            .env_remove("PYTHONSTARTUP")
            .env_remove("PYTHONPATH")
            .env_remove("PYTHONHOME")
            .env_remove("PYTHONINSPECT")
            .env_remove("PYTHONWARNINGS")
            .env_remove("KRAITPATH");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let start = Instant::now();
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.program.display()))?;

        let stdin_thread = match (child.stdin.take(), self.stdin) {
            (Some(mut pipe), Some(data)) => Some(thread::spawn(move || {
                // A program that does not read all of its input closes the pipe: ignore EPIPE.
                let _ = pipe.write_all(&data);
            })),
            _ => None,
        };
        let mut out_pipe = child.stdout.take().expect("stdout piped");
        let mut err_pipe = child.stderr.take().expect("stderr piped");
        let out_thread = thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = out_pipe.read_to_end(&mut buf);
            buf
        });
        let err_thread = thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = err_pipe.read_to_end(&mut buf);
            buf
        });

        let mut timed_out = false;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => {
                    if start.elapsed() > self.timeout {
                        timed_out = true;
                        let _ = child.kill();
                        break child.wait().map_err(|e| format!("wait failed: {e}"))?;
                    }
                    thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(format!("wait failed: {e}")),
            }
        };
        let elapsed = start.elapsed();
        if let Some(t) = stdin_thread {
            let _ = t.join();
        }
        let stdout = out_thread.join().unwrap_or_default();
        let stderr = err_thread.join().unwrap_or_default();
        Ok(RunOutput {
            code: status.code(),
            signal: exit_signal(&status),
            timed_out,
            stdout,
            stderr,
            elapsed,
        })
    }
}

#[cfg(unix)]
fn exit_signal(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn exit_signal(_status: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// Path of `p` relative to the repository root, with `/` separators (what both interpreters
/// get as their script argument, so tracebacks name the same file).
pub fn rel_to_root(p: &Path) -> String {
    let root = repo_root();
    let rel = p.strip_prefix(&root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Sorted list of `*.py` files directly inside `dir`, skipping support modules (`_*.py`).
pub fn list_scripts(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()) == Some("py")
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .map(|n| !n.starts_with('_'))
                        .unwrap_or(false)
                    && p.is_file()
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// File stem as a test name.
pub fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A line-based diff of `expected` vs `actual` in unified style (`-` = expected, `+` = actual)
/// with up to `context` unchanged lines around each change. Uses an LCS table; inputs
/// larger than a few thousand lines fall back to a first-difference report.
pub fn unified_diff(
    expected: &str,
    actual: &str,
    expected_name: &str,
    actual_name: &str,
    context: usize,
) -> String {
    let a: Vec<&str> = split_lines_keep(expected);
    let b: Vec<&str> = split_lines_keep(actual);
    let mut out = format!("--- {expected_name}\n+++ {actual_name}\n");

    if a.len().saturating_mul(b.len()) > 25_000_000 {
        let first = a.iter().zip(b.iter()).position(|(x, y)| x != y);
        let i = first.unwrap_or(a.len().min(b.len()));
        out.push_str(&format!(
            "(outputs too large for a full diff: {} vs {} lines; first difference at line {})\n",
            a.len(),
            b.len(),
            i + 1
        ));
        if let Some(l) = a.get(i) {
            out.push_str(&format!("-{}", show_line(l)));
        }
        if let Some(l) = b.get(i) {
            out.push_str(&format!("+{}", show_line(l)));
        }
        return out;
    }

    // LCS lengths from the end: lcs[i][j] = LCS of a[i..], b[j..].
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let idx = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[idx(i, j)] = if a[i] == b[j] {
                lcs[idx(i + 1, j + 1)] + 1
            } else {
                lcs[idx(i + 1, j)].max(lcs[idx(i, j + 1)])
            };
        }
    }
    // Edit script.
    #[derive(Clone, Copy, PartialEq)]
    enum Op {
        Eq,
        Del,
        Ins,
    }
    let mut ops: Vec<(Op, usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((Op::Eq, i, j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[idx(i + 1, j)] >= lcs[idx(i, j + 1)]) {
            // Deletions first, so a changed line shows as `-old` then `+new`.
            ops.push((Op::Del, i, j));
            i += 1;
        } else {
            ops.push((Op::Ins, i, j));
            j += 1;
        }
    }
    // Group into hunks.
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != Op::Eq)
        .map(|(k, _)| k)
        .collect();
    if changed.is_empty() {
        out.push_str("(no line differences)\n");
        return out;
    }
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(context);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * context + 1 {
            end = changed[k];
            k += 1;
        }
        let end = (end + context + 1).min(ops.len());
        let (ai, bj) = (ops[start].1, ops[start].2);
        let a_len = ops[start..end].iter().filter(|o| o.0 != Op::Ins).count();
        let b_len = ops[start..end].iter().filter(|o| o.0 != Op::Del).count();
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            ai + 1,
            a_len,
            bj + 1,
            b_len
        ));
        for &(op, i, j) in &ops[start..end] {
            match op {
                Op::Eq => out.push_str(&format!(" {}", show_line(a[i]))),
                Op::Del => out.push_str(&format!("-{}", show_line(a[i]))),
                Op::Ins => out.push_str(&format!("+{}", show_line(b[j]))),
            }
        }
    }
    out
}

fn split_lines_keep(s: &str) -> Vec<&str> {
    s.split_inclusive('\n').collect()
}

fn show_line(l: &str) -> String {
    if let Some(body) = l.strip_suffix('\n') {
        format!("{body}\n")
    } else {
        format!("{l}\n\\ No newline at end of output\n")
    }
}

/// The last non-empty line of `s`.
pub fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// True if `line` looks like the final line of a Python traceback: an exception class name
/// (optionally dotted, e.g. `module.MyError`) followed by `:` or the end of the line.
pub fn is_exception_line(line: &str) -> bool {
    let name_end = line.find(':').unwrap_or(line.len());
    let name = &line[..name_end];
    if name.is_empty() || name.contains(' ') {
        return false;
    }
    let last = name.rsplit('.').next().unwrap_or(name);
    let first_ok = last
        .chars()
        .next()
        .map(|c| c.is_ascii_uppercase())
        .unwrap_or(false);
    first_ok
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && [
            "Error",
            "Exception",
            "Exit",
            "Interrupt",
            "Warning",
            "Iteration",
        ]
        .iter()
        .any(|suffix| last.ends_with(suffix))
}

/// Write `data` to a fresh file in a per-process scratch directory and return its path.
pub fn scratch_file(name: &str, data: &[u8]) -> PathBuf {
    let dir = scratch_dir();
    let path = dir.join(name);
    std::fs::write(&path, data).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// A scratch directory unique to this test process.
pub fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "krait-tests-{}-{}",
        std::process::id(),
        env!("CARGO_CRATE_NAME")
    ));
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Remove the scratch directory (best effort).
pub fn remove_scratch_dir() {
    let _ = std::fs::remove_dir_all(scratch_dir());
}
