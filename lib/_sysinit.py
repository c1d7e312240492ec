# Pieces of the sys module that are simplest to express in Python. Run once at startup
# with the sys module's namespace as globals; the names it defines become sys attributes.

class version_info(tuple):
    "sys.version_info\n\nVersion information as a named tuple."
    __slots__ = ()
    n_fields = 5
    n_sequence_fields = 5
    n_unnamed_fields = 0

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        return (f"sys.version_info(major={self[0]!r}, minor={self[1]!r}, micro={self[2]!r}, "
                f"releaselevel={self[3]!r}, serial={self[4]!r})")


version_info.__module__ = "sys"
version_info = version_info((3, 12, 0, "final", 0))


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
)
flags = _namespace(
    "sys.flags",
    debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=1,
    no_user_site=1, no_site=1, ignore_environment=0, verbose=0, bytes_warning=0,
    quiet=0, hash_randomization=1, isolated=0, dev_mode=False, utf8_mode=1,
    warn_default_encoding=0, safe_path=False, int_max_str_digits=4300,
)
float_info = _namespace(
    "sys.float_info",
    max=1.7976931348623157e308, max_exp=1024, max_10_exp=308,
    min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307,
    dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1,
)
int_info = _namespace(
    "sys.int_info",
    bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, str_digits_check_threshold=640,
)
hash_info = _namespace(
    "sys.hash_info",
    width=64, modulus=2305843009213693951, inf=314159, nan=0, imag=1000003,
    algorithm="siphash13", hash_bits=64, seed_bits=128, cutoff=0,
)
del _namespace
