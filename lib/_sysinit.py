# Pieces of the sys module that are simplest to express in Python. Run once at startup
# with the sys module's namespace as globals; the names it defines become sys attributes.


def _structseq(typename, fields, doc=None):
    """A struct-sequence type like CPython's (`sys.float_info`, ...): a tuple whose items
    are also attributes; instances cannot be created from Python."""
    module, _, name = typename.rpartition(".")

    class seq(tuple):
        __slots__ = ()
        n_fields = len(fields)
        n_sequence_fields = len(fields)
        n_unnamed_fields = 0
        __match_args__ = fields

        def __new__(cls, *args, **kwargs):
            raise TypeError(f"cannot create '{typename}' instances")

        def __repr__(self):
            items = ", ".join(f"{k}={v!r}" for k, v in zip(fields, tuple.__iter__(self)))
            return f"{typename}({items})"

        def __reduce__(self):
            return (type(self), (tuple(self), {}))

    for index, field in enumerate(fields):
        setattr(seq, field, property(lambda self, _i=index: tuple.__getitem__(self, _i)))
    seq.__name__ = seq.__qualname__ = name
    seq.__module__ = module or "builtins"
    seq.__doc__ = doc
    return seq


def _make(cls, values):
    return tuple.__new__(cls, values)


version_info = _make(
    _structseq("sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"),
               "sys.version_info\n\nVersion information as a named tuple."),
    (3, 12, 0, "final", 0),
)


class _namespace:
    "A simple attribute bag (like types.SimpleNamespace)."

    def __init__(self, type_name, **kwargs):
        object.__setattr__(self, "_type_name", type_name)
        for k, v in kwargs.items():
            object.__setattr__(self, k, v)

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if k != "_type_name")
        return f"{self._type_name}({items})"


implementation = _namespace(
    "namespace",
    name="krait",
    cache_tag=None,
    version=version_info,
    hexversion=0x030C00F0,
    _multiarch="x86_64-linux-gnu",
)
del _namespace

flags = _make(
    _structseq("sys.flags", (
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
        "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits"),
        "sys.flags\n\nFlags provided through command line arguments or environment vars."),
    (0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, False, 1, 0, False, -1),
)
float_info = _make(
    _structseq("sys.float_info", (
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
        "mant_dig", "epsilon", "radix", "rounds"),
        "sys.float_info\n\nA named tuple holding information about the float type. It contains "
        "low level\ninformation about the precision and internal representation. Please "
        "study\nyour system's :file:`float.h` for more information."),
    (1.7976931348623157e308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1),
)
int_info = _make(
    _structseq("sys.int_info", (
        "bits_per_digit", "sizeof_digit", "default_max_str_digits",
        "str_digits_check_threshold"),
        "sys.int_info\n\nA named tuple that holds information about Python's\ninternal "
        "representation of integers.  The attributes are read only."),
    (30, 4, 4300, 640),
)
hash_info = _make(
    _structseq("sys.hash_info", (
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits",
        "cutoff"),
        "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The "
        "attributes are read only."),
    (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0),
)
thread_info = _make(
    _structseq("sys.thread_info", ("name", "lock", "version"),
               "sys.thread_info\n\nA named tuple holding information about the thread "
               "implementation."),
    ("pthread", "mutex+cond", None),
)


_UnraisableHookArgs = _structseq(
    "UnraisableHookArgs", ("exc_type", "exc_value", "exc_traceback", "err_msg", "object"),
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.")


def _unraisable_args(exc_type, exc_value, exc_traceback, err_msg, obj,
                     _make=_make, _cls=_UnraisableHookArgs):
    # Built by the interpreter when it reports an exception it cannot raise.
    return _make(_cls, (exc_type, exc_value, exc_traceback, err_msg, obj))


def _asyncgen_hooks():
    hooks_type = _structseq("asyncgen_hooks", ("firstiter", "finalizer"))
    state = [None, None]
    missing = object()

    def get_asyncgen_hooks():
        "Return the installed asynchronous generators hooks."
        return tuple.__new__(hooks_type, state)

    def set_asyncgen_hooks(firstiter=missing, finalizer=missing):
        "Set new asynchronous generator hooks; None removes a hook."
        for name, hook in (("finalizer", finalizer), ("firstiter", firstiter)):
            if hook is not missing and hook is not None and not callable(hook):
                raise TypeError(
                    f"callable {name} expected, got {type(hook).__name__}")
        if firstiter is not missing:
            state[0] = firstiter
        if finalizer is not missing:
            state[1] = finalizer

    return get_asyncgen_hooks, set_asyncgen_hooks


get_asyncgen_hooks, set_asyncgen_hooks = _asyncgen_hooks()
get_asyncgen_hooks.__module__ = set_asyncgen_hooks.__module__ = "sys"
del _asyncgen_hooks


def _audit_hooks():
    hooks = []

    def audit(*args):
        "Pass the event and its arguments to every installed audit hook."
        if not args:
            raise TypeError("audit() missing 1 required positional argument: 'event'")
        if not hooks:
            return None
        event = args[0]
        if not isinstance(event, str):
            raise TypeError(
                f"expected str for argument 'event', not {type(event).__name__}")
        for hook in list(hooks):
            hook(event, args[1:])

    def addaudithook(hook):
        "Add a new audit hook callback."
        try:
            audit("sys.addaudithook")
        except Exception:
            # A hook that rejects the new one (with an Exception) silently prevents it.
            return None
        hooks.append(hook)

    return audit, addaudithook


audit, addaudithook = _audit_hooks()
audit.__module__ = addaudithook.__module__ = "sys"
del _audit_hooks, _structseq, _make

# The names of the standard library's modules (CPython 3.11's list; not all exist in krait).
stdlib_module_names = frozenset("""
    __future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2
    _codecs _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw
    _collections _collections_abc _compat_pickle _compression _contextvars _crypt _csv
    _ctypes _curses _curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib
    _frozen_importlib_external _functools _gdbm _hashlib _heapq _imp _io _json _locale
    _lsprof _lzma _markupbase _md5 _msi _multibytecodec _multiprocessing _opcode
    _operator _osx_support _overlapped _pickle _posixshmem _posixsubprocess _py_abc
    _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 _signal
    _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct
    _symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid
    _warnings _weakref _weakrefset _winapi _zoneinfo abc aifc antigravity argparse array
    ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2
    cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys
    compileall concurrent configparser contextlib contextvars copy copyreg crypt csv
    ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email
    encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch
    fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp
    gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io
    ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox
    mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc
    nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev
    pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix
    posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat
    queue quopri random re readline reprlib resource rlcompleter runpy sched secrets
    select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket
    socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics
    string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny
    tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token
    tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing
    unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg
    winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo
""".split())
