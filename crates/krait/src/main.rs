//! The `krait` command-line program.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use krait_vm::{Config, Interpreter};

// mimalloc: the interpreter allocates and frees many small objects; glibc malloc showed up
// at 5-12% of the benchmark profiles (see ARCHITECTURE.md, "Dependencies").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stack size of the interpreter thread: deep enough for any recursion the VM allows
/// (Python-to-Python calls do not use the Rust stack; native re-entry is bounded).
const STACK_SIZE: usize = 512 * 1024 * 1024;

const USAGE: &str = "[option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option:
         -X nospecialize: disable adaptive specialization
-      : program read from stdin (default; interactive mode if a tty)
file   : program read from script file
arg ...: arguments passed to program in sys.argv[1:]
";

enum Program {
    Command(String),
    Module(String),
    File(String),
    Stdin,
    Repl,
}

struct Options {
    program: Program,
    args: Vec<String>,
    inspect: bool,
    quiet: bool,
    nospecialize: bool,
}

fn usage_error(prog: &str, msg: &str) -> ! {
    eprintln!("{msg}");
    eprintln!("usage: {prog} {USAGE}");
    eprintln!("Try `python -h' for more information.");
    std::process::exit(2);
}

fn parse_args(argv: &[String]) -> Options {
    let prog = argv.first().map(|s| s.as_str()).unwrap_or("krait");
    let mut opts = Options {
        program: Program::Repl,
        args: Vec::new(),
        inspect: false,
        quiet: false,
        nospecialize: false,
    };
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        if a == "-" {
            opts.program = Program::Stdin;
            opts.args = argv[i..].to_vec();
            return opts;
        }
        if a == "--help" {
            println!("usage: {prog} {USAGE}\n{HELP}");
            std::process::exit(0);
        }
        if a == "--version" {
            println!("Python {}", krait_vm::modules::sys::VERSION);
            std::process::exit(0);
        }
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            break;
        }
        if a.starts_with("--") {
            usage_error(prog, &format!("unknown option {a}"));
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let c = flags[j];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                usage_error(prog, &format!("Argument expected for the -{c} option"))
                            }
                        }
                    };
                    match c {
                        'c' => {
                            opts.program = Program::Command(value);
                            opts.args = std::iter::once("-c".to_string())
                                .chain(argv[i + 1..].iter().cloned())
                                .collect();
                            return opts;
                        }
                        'm' => {
                            opts.program = Program::Module(value);
                            opts.args = std::iter::once("-m".to_string())
                                .chain(argv[i + 1..].iter().cloned())
                                .collect();
                            return opts;
                        }
                        'X' if value == "nospecialize" => {
                            opts.nospecialize = true;
                        }
                        _ => {}
                    }
                    j = flags.len();
                    continue;
                }
                'h' | '?' => {
                    println!("usage: {prog} {USAGE}\n{HELP}");
                    std::process::exit(0);
                }
                'V' => {
                    println!("Python {}", krait_vm::modules::sys::VERSION);
                    std::process::exit(0);
                }
                'i' => opts.inspect = true,
                'q' => opts.quiet = true,
                'u' | 'B' | 'E' | 's' | 'S' | 'I' | 'O' | 'b' | 'd' | 'v' | 'R' | 'P' => {}
                _ => usage_error(prog, &format!("Unknown option: -{c}")),
            }
            j += 1;
        }
        i += 1;
    }
    if i < argv.len() {
        opts.program = Program::File(argv[i].clone());
        opts.args = argv[i..].to_vec();
    } else if !std::io::stdin().is_terminal() {
        opts.program = Program::Stdin;
        opts.args = vec![String::new()];
    } else {
        opts.args = vec![String::new()];
    }
    opts
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let opts = parse_args(&argv);
    krait_vm::signals::install();
    let child = std::thread::Builder::new()
        .name("krait-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(argv, opts));
    let status = match child {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(e) => {
            eprintln!("krait: cannot start the interpreter thread: {e}");
            70
        }
    };
    let _ = std::io::stdout().flush();
    std::process::exit(status);
}

fn run(argv: Vec<String>, opts: Options) -> i32 {
    let prog = argv.first().cloned().unwrap_or_else(|| "krait".into());
    let script_dir = match &opts.program {
        Program::File(f) => {
            let p = Path::new(f);
            let dir = p
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            let abs = std::fs::canonicalize(if dir.is_empty() {
                Path::new(".")
            } else {
                Path::new(&dir)
            })
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or(dir);
            abs
        }
        Program::Module(_) => std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let config = Config {
        argv: opts.args.clone(),
        path: vec![script_dir],
        nospecialize: opts.nospecialize,
        stack_size: Some(STACK_SIZE),
        interactive: matches!(opts.program, Program::Repl),
    };
    let mut interp = match Interpreter::new(config) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("krait: failed to initialize: {e:?}");
            return 1;
        }
    };
    let result = match &opts.program {
        Program::Command(cmd) => interp.run_source(cmd, "<string>"),
        Program::File(f) => match std::fs::read(f) {
            // Like CPython 3.9+, the main script's code (and __file__) get an absolute path.
            Ok(bytes) => {
                let abs = std::path::absolute(f)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| f.clone());
                interp.run_file_bytes(&bytes, &abs)
            }
            Err(e) => {
                let abs = std::path::absolute(f)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| f.clone());
                let errno = e.raw_os_error().unwrap_or(0);
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text).to_string();
                eprintln!("{prog}: can't open file '{abs}': [Errno {errno}] {text}");
                return 2;
            }
        },
        Program::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("{prog}: can't read stdin: {e}");
                return 2;
            }
            interp.run_file_bytes(&bytes, "<stdin>")
        }
        Program::Module(m) => run_module(&mut interp, m, &prog),
        Program::Repl => {
            return repl(&mut interp, opts.quiet);
        }
    };
    let status = interp.finish(result);
    if opts.inspect && status == 0 {
        return repl(&mut interp, true);
    }
    status
}

/// `-m module`: runs a module found on sys.path as `__main__`.
fn run_module(interp: &mut Interpreter, name: &str, prog: &str) -> krait_vm::PyResult<()> {
    let dirs: Vec<String> = std::env::current_dir()
        .map(|p| vec![p.to_string_lossy().into_owned()])
        .unwrap_or_default();
    let rel = name.replace('.', "/");
    for d in &dirs {
        for candidate in [format!("{d}/{rel}.py"), format!("{d}/{rel}/__main__.py")] {
            if let Ok(bytes) = std::fs::read(&candidate) {
                return interp.run_file_bytes(&bytes, &candidate);
            }
        }
    }
    eprintln!("{prog}: No module named {name}");
    std::process::exit(1);
}

/// A minimal interactive loop: `>>> ` / `... ` prompts, blocks end with an empty line.
fn repl(interp: &mut Interpreter, quiet: bool) -> i32 {
    if !quiet {
        eprintln!("Python {} on linux", krait_vm::modules::sys::VERSION);
    }
    let stdin = std::io::stdin();
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        match stdin.read_line(&mut line) {
            Ok(0) => {
                eprintln!();
                return 0;
            }
            Ok(_) => {}
            Err(_) => return 1,
        }
        let continuing = !buffer.is_empty();
        buffer.push_str(&line);
        let trimmed = line.trim_end();
        let opens_block = trimmed.ends_with(':') || trimmed.ends_with('\\');
        if (continuing && !trimmed.is_empty()) || (!continuing && opens_block) {
            continue;
        }
        let src = std::mem::take(&mut buffer);
        if src.trim().is_empty() {
            continue;
        }
        if let Err(e) = interp.run_interactive(&src) {
            let exc = e.into_value();
            let is_exit = krait_vm::types::type_of(&exc)
                .is_subtype(&krait_vm::types::types().exc.system_exit);
            if is_exit {
                return interp.handle_uncaught(krait_vm::PyErr::from_exception(exc));
            }
            interp.print_exception(&exc);
        }
        interp.flush_stdout();
    }
}
