//! The instruction table: the one place where every instruction is declared.
//!
//! Everything about an instruction — its number, the meaning of its argument, its stack effect,
//! the size of its inline cache, the family it belongs to and its flags — is written once, in
//! the `instructions!` invocation below. The opcode enum, the name table, cache sizes,
//! `deoptimize()`, stack effects and bytecode validation are all generated from it, so no other
//! code may repeat that knowledge in a hand-written `match`.
//!
//! Semantics follow CPython 3.14 unless the doc comment of an instruction says otherwise.
//! Stack pictures list the stack bottom-to-top, e.g. `(a, b -- c)` pops `b` (the top) and `a`
//! and pushes `c`. `NULL` is the VM's "empty" marker value.

/// What the 8-bit (or `EXTENDED_ARG`-widened) argument of an instruction means.
/// Used by the disassembler and the validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// The argument is ignored (and must be 0).
    None,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// `co_names` index shifted left once; bit 0 is a flag (push `NULL`/self too).
    NameShift1,
    /// `co_names` index shifted left twice; bits 0 and 1 are flags (LOAD_SUPER_ATTR).
    NameShift2,
    /// Index into the fast locals (`co_localsplusnames`).
    Local,
    /// Two local indices packed as `(first << 4) | second`.
    LocalPair,
    /// Forward jump: target = next instruction (after caches) + arg.
    JumpForward,
    /// Backward jump: target = next instruction (after caches) - arg.
    JumpBackward,
    /// A plain count or small number.
    Count,
    /// `COMPARE_OP`: `(op << 5) | (16 if the result is coerced to bool) | mask`.
    Compare,
    /// `BINARY_OP`: one of the `NB_*` operators (see [`BinaryOperator`]).
    BinaryOp,
    /// `CALL_INTRINSIC_1` function number (see [`Intrinsic1`]).
    Intrinsic1,
    /// `CALL_INTRINSIC_2` function number (see [`Intrinsic2`]).
    Intrinsic2,
    /// `LOAD_COMMON_CONSTANT` index (see [`CommonConstant`]).
    CommonConstant,
    /// `LOAD_SPECIAL` index (see [`SpecialMethod`]).
    Special,
    /// Instruction-specific small integer (flags, conversion kinds, ...).
    Raw,
}

/// Instruction flags.
pub mod flags {
    /// The argument is a jump target (see [`super::ArgKind::JumpForward`]/`JumpBackward`).
    pub const JUMP: u16 = 1 << 0;
    /// Execution never falls through to the next instruction.
    pub const NO_FALLTHROUGH: u16 = 1 << 1;
    /// The instruction checks the eval breaker (signals, stop-the-world requests).
    pub const EVAL_BREAK: u16 = 1 << 2;
    /// The instruction may run arbitrary Python code or raise.
    pub const ESCAPES: u16 = 1 << 3;
    /// A jump whose branch is conditional (both the target and the next instruction run).
    pub const CONDITIONAL: u16 = 1 << 4;
}

/// A function `oparg -> (pops, pushes)`.
pub type StackEffectFn = fn(u32) -> (u32, u32);

macro_rules! instructions {
    (
        base {
            $(
                $(#[doc = $doc:literal])*
                $name:ident = $num:literal {
                    arg: $arg:ident,
                    stack: |$o:ident| ($pop:expr, $push:expr)
                    $(, jump: ($jpop:expr, $jpush:expr))?,
                    cache: $cache:literal,
                    flags: [$($flag:ident)|*] $(,)?
                }
            )*
        }
        specialized {
            $( $(#[doc = $sdoc:literal])* $sname:ident = $snum:literal => $family:ident, )*
        }
    ) => {
        /// Every instruction krait knows, base and specialized.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
            $( $(#[doc = $sdoc])* $sname = $snum, )*
        }

        /// Static facts about one instruction.
        #[derive(Clone, Copy, Debug)]
        pub struct OpInfo {
            pub opcode: Opcode,
            pub name: &'static str,
            pub arg: ArgKind,
            pub cache: u8,
            /// The base instruction (itself for a base instruction).
            pub family: Opcode,
            pub flags: u16,
            pub stack: StackEffectFn,
            /// Stack effect when the jump is taken, for instructions whose two exits differ.
            pub jump_stack: Option<StackEffectFn>,
        }

        const fn base_info(opcode: Opcode) -> OpInfo {
            match opcode {
                $(
                    Opcode::$name => OpInfo {
                        opcode: Opcode::$name,
                        name: stringify!($name),
                        arg: ArgKind::$arg,
                        cache: $cache,
                        family: Opcode::$name,
                        flags: 0 $(| flags::$flag)*,
                        stack: {
                            #[allow(unused_variables, clippy::identity_op)]
                            fn effect($o: u32) -> (u32, u32) { ($pop, $push) }
                            effect
                        },
                        jump_stack: instructions!(@jump $o $(($jpop, $jpush))?),
                    },
                )*
                $( Opcode::$sname => {
                    let base = base_info(Opcode::$family);
                    OpInfo { opcode: Opcode::$sname, name: stringify!($sname), ..base }
                } )*
            }
        }

        /// Every opcode, base instructions first, in declaration order.
        pub const ALL_OPCODES: &[Opcode] = &[ $(Opcode::$name,)* $(Opcode::$sname,)* ];

        /// The specialized instructions, in declaration order.
        pub const SPECIALIZED_OPCODES: &[Opcode] = &[ $(Opcode::$sname,)* ];
    };
    (@jump $o:ident ($jpop:expr, $jpush:expr)) => {{
        #[allow(unused_variables, clippy::identity_op)]
        fn jump_effect($o: u32) -> (u32, u32) { ($jpop, $jpush) }
        Some(jump_effect as StackEffectFn)
    }};
    (@jump $o:ident) => { None };
}

instructions! {
    base {
        /// Inline cache entry; never executed.
        CACHE = 0 { arg: None, stack: |o| (0, 0), cache: 0, flags: [] }
        /// Does nothing.
        NOP = 1 { arg: None, stack: |o| (0, 0), cache: 0, flags: [] }
        /// `(v --)`
        POP_TOP = 2 { arg: None, stack: |o| (1, 0), cache: 0, flags: [] }
        /// `(-- NULL)`
        PUSH_NULL = 3 { arg: None, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(bottom, unused[n-1] -- bottom, unused[n-1], bottom)`: push a copy of the n-th item.
        COPY = 4 { arg: Count, stack: |o| (o, o + 1), cache: 0, flags: [] }
        /// `(bottom, unused[n-2], top -- top, unused[n-2], bottom)`: swap TOS with the n-th item.
        SWAP = 5 { arg: Count, stack: |o| (o, o), cache: 0, flags: [] }
        /// Widens the argument of the next instruction by 8 bits.
        EXTENDED_ARG = 6 { arg: Raw, stack: |o| (0, 0), cache: 0, flags: [] }
        /// Start of a function body (arg 0), or resumption after `yield` (1), `yield from` (2)
        /// or `await` (3). Checks the eval breaker.
        RESUME = 7 { arg: Raw, stack: |o| (0, 0), cache: 0, flags: [EVAL_BREAK] }
        /// `(-- co_consts[i])`
        LOAD_CONST = 8 { arg: Const, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(-- int(i))` for `0 <= i < 256`.
        LOAD_SMALL_INT = 9 { arg: Count, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(-- local)`: the compiler has proven the local bound.
        LOAD_FAST = 10 { arg: Local, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(-- local)`: raises `UnboundLocalError` when unbound.
        LOAD_FAST_CHECK = 11 { arg: Local, stack: |o| (0, 1), cache: 0, flags: [ESCAPES] }
        /// `(-- local_or_NULL)` and unbinds the local (inlined comprehensions).
        LOAD_FAST_AND_CLEAR = 12 { arg: Local, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(-- locals[arg >> 4], locals[arg & 15])`
        LOAD_FAST_LOAD_FAST = 13 { arg: LocalPair, stack: |o| (0, 2), cache: 0, flags: [] }
        /// `(v --)`: `local = v`.
        STORE_FAST = 14 { arg: Local, stack: |o| (1, 0), cache: 0, flags: [] }
        /// `(v -- locals[arg & 15])` after storing `v` into `locals[arg >> 4]`.
        STORE_FAST_LOAD_FAST = 15 { arg: LocalPair, stack: |o| (1, 1), cache: 0, flags: [] }
        /// `(a, b --)`: `locals[arg >> 4] = b; locals[arg & 15] = a`.
        STORE_FAST_STORE_FAST = 16 { arg: LocalPair, stack: |o| (2, 0), cache: 0, flags: [] }
        /// Unbinds a local; raises `UnboundLocalError` when it is already unbound.
        DELETE_FAST = 17 { arg: Local, stack: |o| (0, 0), cache: 0, flags: [ESCAPES] }
        /// `(-- cell_contents)`: raises `NameError` (free) / `UnboundLocalError` (cell) if empty.
        LOAD_DEREF = 18 { arg: Local, stack: |o| (0, 1), cache: 0, flags: [ESCAPES] }
        /// `(v --)`: stores into the cell held in the local slot.
        STORE_DEREF = 19 { arg: Local, stack: |o| (1, 0), cache: 0, flags: [] }
        /// Empties the cell held in the local slot.
        DELETE_DEREF = 20 { arg: Local, stack: |o| (0, 0), cache: 0, flags: [ESCAPES] }
        /// Replaces the local slot's value (possibly NULL) by a new cell holding it.
        MAKE_CELL = 21 { arg: Local, stack: |o| (0, 0), cache: 0, flags: [] }
        /// Copies the function's `n` closure cells into the last `n` local slots.
        COPY_FREE_VARS = 22 { arg: Count, stack: |o| (0, 0), cache: 0, flags: [] }
        /// `(mapping -- v)`: looks the free variable's name up in `mapping`, else its cell
        /// (class bodies that read a free variable).
        LOAD_FROM_DICT_OR_DEREF = 23 { arg: Local, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(mapping -- v)`: `mapping[name]`, else globals, else builtins.
        LOAD_FROM_DICT_OR_GLOBALS = 24 { arg: Name, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(-- v)`: locals mapping, then globals, then builtins.
        LOAD_NAME = 25 { arg: Name, stack: |o| (0, 1), cache: 0, flags: [ESCAPES] }
        /// `(v --)`: `locals[name] = v`.
        STORE_NAME = 26 { arg: Name, stack: |o| (1, 0), cache: 0, flags: [ESCAPES] }
        /// `del locals[name]`.
        DELETE_NAME = 27 { arg: Name, stack: |o| (0, 0), cache: 0, flags: [ESCAPES] }
        /// `(-- v)` or `(-- v, NULL)` when bit 0 of the argument is set.
        LOAD_GLOBAL = 28 { arg: NameShift1, stack: |o| (0, 1 + (o & 1)), cache: 4, flags: [ESCAPES] }
        /// `(v --)`
        STORE_GLOBAL = 29 { arg: Name, stack: |o| (1, 0), cache: 0, flags: [ESCAPES] }
        /// `del globals[name]`
        DELETE_GLOBAL = 30 { arg: Name, stack: |o| (0, 0), cache: 0, flags: [ESCAPES] }
        /// `(-- locals)`: the frame's locals mapping.
        LOAD_LOCALS = 31 { arg: None, stack: |o| (0, 1), cache: 0, flags: [ESCAPES] }
        /// `(-- builtins.__build_class__)`
        LOAD_BUILD_CLASS = 32 { arg: None, stack: |o| (0, 1), cache: 0, flags: [ESCAPES] }
        /// `(owner -- attr)`; with bit 0 set, `(owner -- meth, self)` when the attribute is a
        /// method found on the type, else `(owner -- attr, NULL)`.
        LOAD_ATTR = 33 { arg: NameShift1, stack: |o| (1, 1 + (o & 1)), cache: 9, flags: [ESCAPES] }
        /// `(v, owner --)`: `owner.name = v`.
        STORE_ATTR = 34 { arg: Name, stack: |o| (2, 0), cache: 4, flags: [ESCAPES] }
        /// `(owner --)`: `del owner.name`.
        DELETE_ATTR = 35 { arg: Name, stack: |o| (1, 0), cache: 0, flags: [ESCAPES] }
        /// `(global_super, class, self -- attr)` or `(... -- attr, self_or_NULL)` with bit 0.
        /// Bit 1 set means `super(class, self)` was written with two arguments.
        LOAD_SUPER_ATTR = 36 { arg: NameShift2, stack: |o| (3, 1 + (o & 1)), cache: 1, flags: [ESCAPES] }
        /// `(owner -- meth, self_or_NULL)`: looks up a special method on the type
        /// (0 `__enter__`, 1 `__exit__`, 2 `__aenter__`, 3 `__aexit__`).
        LOAD_SPECIAL = 37 { arg: Special, stack: |o| (1, 2), cache: 0, flags: [ESCAPES] }
        /// `(-- constant)` (see [`CommonConstant`]).
        LOAD_COMMON_CONSTANT = 38 { arg: CommonConstant, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(lhs, rhs -- res)`; the argument is a [`BinaryOperator`] (subscript included).
        BINARY_OP = 39 { arg: BinaryOp, stack: |o| (2, 1), cache: 5, flags: [ESCAPES] }
        /// `(container, start, stop -- container[start:stop])`
        BINARY_SLICE = 40 { arg: None, stack: |o| (3, 1), cache: 0, flags: [ESCAPES] }
        /// `(v, container, start, stop --)`: `container[start:stop] = v`.
        STORE_SLICE = 41 { arg: None, stack: |o| (4, 0), cache: 0, flags: [ESCAPES] }
        /// `(v, container, sub --)`: `container[sub] = v`.
        STORE_SUBSCR = 42 { arg: None, stack: |o| (3, 0), cache: 1, flags: [ESCAPES] }
        /// `(container, sub --)`: `del container[sub]`.
        DELETE_SUBSCR = 43 { arg: None, stack: |o| (2, 0), cache: 0, flags: [ESCAPES] }
        /// `(v -- -v)`
        UNARY_NEGATIVE = 44 { arg: None, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(b -- not b)`: `b` must be a bool (the compiler emits `TO_BOOL` first).
        UNARY_NOT = 45 { arg: None, stack: |o| (1, 1), cache: 0, flags: [] }
        /// `(v -- ~v)`
        UNARY_INVERT = 46 { arg: None, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(v -- bool(v))`
        TO_BOOL = 47 { arg: None, stack: |o| (1, 1), cache: 3, flags: [ESCAPES] }
        /// `(v -- f(v))` for the [`Intrinsic1`] numbered by the argument.
        CALL_INTRINSIC_1 = 48 { arg: Intrinsic1, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(v1, v2 -- f(v1, v2))` for the [`Intrinsic2`] numbered by the argument.
        CALL_INTRINSIC_2 = 49 { arg: Intrinsic2, stack: |o| (2, 1), cache: 0, flags: [ESCAPES] }
        /// `(lhs, rhs -- res)`; see [`ArgKind::Compare`].
        COMPARE_OP = 50 { arg: Compare, stack: |o| (2, 1), cache: 1, flags: [ESCAPES] }
        /// `(lhs, rhs -- bool)`: `lhs is rhs`, or `is not` when the argument is 1.
        IS_OP = 51 { arg: Count, stack: |o| (2, 1), cache: 0, flags: [] }
        /// `(lhs, rhs -- bool)`: `lhs in rhs`, or `not in` when the argument is 1.
        CONTAINS_OP = 52 { arg: Count, stack: |o| (2, 1), cache: 1, flags: [ESCAPES] }
        /// `(items[n] -- tuple)`
        BUILD_TUPLE = 53 { arg: Count, stack: |o| (o, 1), cache: 0, flags: [] }
        /// `(items[n] -- list)`
        BUILD_LIST = 54 { arg: Count, stack: |o| (o, 1), cache: 0, flags: [] }
        /// `(items[n] -- set)`
        BUILD_SET = 55 { arg: Count, stack: |o| (o, 1), cache: 0, flags: [ESCAPES] }
        /// `(k1, v1, ..., kn, vn -- dict)`
        BUILD_MAP = 56 { arg: Count, stack: |o| (2 * o, 1), cache: 0, flags: [ESCAPES] }
        /// `(pieces[n] -- str)`: concatenates `n` strings.
        BUILD_STRING = 57 { arg: Count, stack: |o| (o, 1), cache: 0, flags: [] }
        /// `(start, stop -- slice)` or `(start, stop, step -- slice)`.
        BUILD_SLICE = 58 { arg: Count, stack: |o| (o, 1), cache: 0, flags: [] }
        /// `(list, unused[n-1], v -- list, unused[n-1])`: `list.append(v)`.
        LIST_APPEND = 59 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [] }
        /// `(set, unused[n-1], v -- set, unused[n-1])`: `set.add(v)`.
        SET_ADD = 60 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [ESCAPES] }
        /// `(dict, unused[n-1], key, value -- dict, unused[n-1])`: `dict[key] = value`.
        MAP_ADD = 61 { arg: Count, stack: |o| (o + 2, o), cache: 0, flags: [ESCAPES] }
        /// `(list, unused[n-1], iterable -- list, unused[n-1])`: `list.extend(iterable)`.
        LIST_EXTEND = 62 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [ESCAPES] }
        /// `(set, unused[n-1], iterable -- set, unused[n-1])`: `set.update(iterable)`.
        SET_UPDATE = 63 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [ESCAPES] }
        /// `(dict, unused[n-1], mapping -- dict, unused[n-1])`: `dict.update(mapping)`.
        DICT_UPDATE = 64 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [ESCAPES] }
        /// Like `DICT_UPDATE` but raises `TypeError` on a duplicate key (`f(**a, **b)`). The
        /// callable is at `stack[-(n + 4)]`, for the error message.
        DICT_MERGE = 65 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [ESCAPES] }
        /// `(seq -- items[n])` with `items[0]` on top.
        UNPACK_SEQUENCE = 66 { arg: Count, stack: |o| (1, o), cache: 1, flags: [ESCAPES] }
        /// `(seq -- after[hi], list, before[lo])` with the argument `(hi << 8) | lo`.
        UNPACK_EX = 67 { arg: Raw, stack: |o| (1, (o & 0xFF) + (o >> 8) + 1), cache: 0, flags: [ESCAPES] }
        /// `(v -- format(v, ''))`
        FORMAT_SIMPLE = 68 { arg: None, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(v, spec -- format(v, spec))`
        FORMAT_WITH_SPEC = 69 { arg: None, stack: |o| (2, 1), cache: 0, flags: [ESCAPES] }
        /// `(v -- conv(v))`: 1 `str`, 2 `repr`, 3 `ascii`.
        CONVERT_VALUE = 70 { arg: Raw, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// Unconditional forward jump.
        JUMP_FORWARD = 71 { arg: JumpForward, stack: |o| (0, 0), cache: 0, flags: [JUMP | NO_FALLTHROUGH] }
        /// Unconditional backward jump; checks the eval breaker.
        JUMP_BACKWARD = 72 { arg: JumpBackward, stack: |o| (0, 0), cache: 0, flags: [JUMP | NO_FALLTHROUGH | EVAL_BREAK] }
        /// Backward jump without an eval-breaker check (inside `yield from`).
        JUMP_BACKWARD_NO_INTERRUPT = 73 { arg: JumpBackward, stack: |o| (0, 0), cache: 0, flags: [JUMP | NO_FALLTHROUGH] }
        /// `(b --)`: jumps if `b` (a bool) is false.
        POP_JUMP_IF_FALSE = 74 { arg: JumpForward, stack: |o| (1, 0), cache: 0, flags: [JUMP | CONDITIONAL] }
        /// `(b --)`: jumps if `b` (a bool) is true.
        POP_JUMP_IF_TRUE = 75 { arg: JumpForward, stack: |o| (1, 0), cache: 0, flags: [JUMP | CONDITIONAL] }
        /// `(v --)`: jumps if `v is None`.
        POP_JUMP_IF_NONE = 76 { arg: JumpForward, stack: |o| (1, 0), cache: 0, flags: [JUMP | CONDITIONAL] }
        /// `(v --)`: jumps if `v is not None`.
        POP_JUMP_IF_NOT_NONE = 77 { arg: JumpForward, stack: |o| (1, 0), cache: 0, flags: [JUMP | CONDITIONAL] }
        /// `(iterable -- iter(iterable))`
        GET_ITER = 78 { arg: None, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(iter -- iter, next)`; when exhausted, `(iter -- iter)` and jumps to the loop's
        /// `POP_ITER`. (CPython 3.14 jumps over an `END_FOR`; krait has no `END_FOR`.)
        FOR_ITER = 79 { arg: JumpForward, stack: |o| (1, 2), jump: (1, 1), cache: 1, flags: [JUMP | CONDITIONAL | ESCAPES] }
        /// `(iter --)`: ends a `for` loop.
        POP_ITER = 80 { arg: None, stack: |o| (1, 0), cache: 0, flags: [] }
        /// `(iterable -- iter)` for `yield from` (generators pass through unchanged).
        GET_YIELD_FROM_ITER = 81 { arg: None, stack: |o| (1, 1), cache: 0, flags: [ESCAPES] }
        /// `(receiver, v -- receiver, yielded)`: sends `v` into `receiver`; when the receiver
        /// returns, `(receiver, v -- receiver, retval)` and jumps.
        SEND = 82 { arg: JumpForward, stack: |o| (2, 2), jump: (2, 2), cache: 1, flags: [JUMP | CONDITIONAL | ESCAPES] }
        /// `(receiver, v -- v)`
        END_SEND = 83 { arg: None, stack: |o| (2, 1), cache: 0, flags: [] }
        /// `(v -- sent)`: suspends the generator, yielding `v`. The argument is 1 inside
        /// `yield from`/`await` (the receiver is then just below `v`), else 0.
        YIELD_VALUE = 84 { arg: Raw, stack: |o| (1, 1), cache: 0, flags: [] }
        /// Creates the generator object for this frame and returns it to the caller; the
        /// frame continues (with `None` pushed) when the generator is first resumed.
        RETURN_GENERATOR = 85 { arg: None, stack: |o| (0, 1), cache: 0, flags: [] }
        /// `(sub_iter, last_sent, exc -- NULL, value)`: in a `yield from` handler; if `exc` is
        /// a `StopIteration`, its value becomes the result, else `exc` is re-raised.
        CLEANUP_THROW = 86 { arg: None, stack: |o| (3, 2), cache: 0, flags: [ESCAPES] }
        /// `(callable, self_or_NULL, args[n] -- result)`
        CALL = 87 { arg: Count, stack: |o| (o + 2, 1), cache: 3, flags: [ESCAPES | EVAL_BREAK] }
        /// `(callable, self_or_NULL, args[n], kwnames -- result)`: the last `len(kwnames)`
        /// arguments are keyword arguments.
        CALL_KW = 88 { arg: Count, stack: |o| (o + 3, 1), cache: 3, flags: [ESCAPES | EVAL_BREAK] }
        /// `(callable, self_or_NULL, args_tuple, kwargs_or_NULL -- result)`
        CALL_FUNCTION_EX = 89 { arg: None, stack: |o| (4, 1), cache: 0, flags: [ESCAPES | EVAL_BREAK] }
        /// `(code -- function)`
        MAKE_FUNCTION = 90 { arg: None, stack: |o| (1, 1), cache: 0, flags: [] }
        /// `(attr, func -- func)`: sets one of `func`'s attributes: 1 defaults (tuple),
        /// 2 keyword defaults (dict), 4 annotations (dict), 8 closure (tuple of cells).
        SET_FUNCTION_ATTRIBUTE = 91 { arg: Raw, stack: |o| (2, 1), cache: 0, flags: [] }
        /// `(v --)`: returns `v` to the caller.
        RETURN_VALUE = 92 { arg: None, stack: |o| (1, 0), cache: 0, flags: [NO_FALLTHROUGH] }
        /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
        RAISE_VARARGS = 93 { arg: Count, stack: |o| (o, 0), cache: 0, flags: [NO_FALLTHROUGH | ESCAPES] }
        /// `(values[n], exc -- values[n])`: re-raises `exc` without adding a traceback entry.
        /// With a non-zero argument, `values[0]` is the saved `lasti`.
        RERAISE = 94 { arg: Count, stack: |o| (o + 1, o), cache: 0, flags: [NO_FALLTHROUGH | ESCAPES] }
        /// `(exc -- prev_exc, exc)`: makes `exc` the handled exception, saving the previous one.
        PUSH_EXC_INFO = 95 { arg: None, stack: |o| (1, 2), cache: 0, flags: [] }
        /// `(prev_exc --)`: restores the previously handled exception.
        POP_EXCEPT = 96 { arg: None, stack: |o| (1, 0), cache: 0, flags: [] }
        /// `(exc, type -- exc, bool)`: `isinstance(exc, type)` for an `except` clause.
        CHECK_EXC_MATCH = 97 { arg: None, stack: |o| (2, 2), cache: 0, flags: [ESCAPES] }
        /// `(exit_func, exit_self, lasti, prev_exc, exc -- exit_func, exit_self, lasti,
        /// prev_exc, exc, res)`: `res = exit_func(exit_self, type(exc), exc, exc.__traceback__)`
        /// (`exit_self` omitted when NULL).
        WITH_EXCEPT_START = 98 { arg: None, stack: |o| (5, 6), cache: 0, flags: [ESCAPES] }
        /// `(level, fromlist -- module)`: `__import__(name, globals, None, fromlist, level)`.
        IMPORT_NAME = 99 { arg: Name, stack: |o| (2, 1), cache: 0, flags: [ESCAPES] }
        /// `(module -- module, attr)`: `from module import name`.
        IMPORT_FROM = 100 { arg: Name, stack: |o| (1, 2), cache: 0, flags: [ESCAPES] }
        /// Creates `__annotations__` in the locals mapping if it is missing.
        SETUP_ANNOTATIONS = 101 { arg: None, stack: |o| (0, 0), cache: 0, flags: [ESCAPES] }
    }
    specialized {
        /// `RESUME` with nothing to check but the eval breaker.
        RESUME_CHECK = 128 => RESUME,
        TO_BOOL_ALWAYS_TRUE = 129 => TO_BOOL,
        TO_BOOL_BOOL = 130 => TO_BOOL,
        TO_BOOL_INT = 131 => TO_BOOL,
        TO_BOOL_LIST = 132 => TO_BOOL,
        TO_BOOL_NONE = 133 => TO_BOOL,
        TO_BOOL_STR = 134 => TO_BOOL,
        BINARY_OP_ADD_FLOAT = 135 => BINARY_OP,
        BINARY_OP_ADD_INT = 136 => BINARY_OP,
        BINARY_OP_ADD_UNICODE = 137 => BINARY_OP,
        BINARY_OP_INPLACE_ADD_UNICODE = 138 => BINARY_OP,
        BINARY_OP_MULTIPLY_FLOAT = 139 => BINARY_OP,
        BINARY_OP_MULTIPLY_INT = 140 => BINARY_OP,
        BINARY_OP_SUBTRACT_FLOAT = 141 => BINARY_OP,
        BINARY_OP_SUBTRACT_INT = 142 => BINARY_OP,
        BINARY_OP_SUBSCR_DICT = 143 => BINARY_OP,
        BINARY_OP_SUBSCR_GETITEM = 144 => BINARY_OP,
        BINARY_OP_SUBSCR_LIST_INT = 145 => BINARY_OP,
        BINARY_OP_SUBSCR_LIST_SLICE = 146 => BINARY_OP,
        BINARY_OP_SUBSCR_STR_INT = 147 => BINARY_OP,
        BINARY_OP_SUBSCR_TUPLE_INT = 148 => BINARY_OP,
        BINARY_OP_EXTEND = 149 => BINARY_OP,
        COMPARE_OP_FLOAT = 150 => COMPARE_OP,
        COMPARE_OP_INT = 151 => COMPARE_OP,
        COMPARE_OP_STR = 152 => COMPARE_OP,
        CONTAINS_OP_DICT = 153 => CONTAINS_OP,
        CONTAINS_OP_SET = 154 => CONTAINS_OP,
        FOR_ITER_GEN = 155 => FOR_ITER,
        FOR_ITER_LIST = 156 => FOR_ITER,
        FOR_ITER_RANGE = 157 => FOR_ITER,
        FOR_ITER_TUPLE = 158 => FOR_ITER,
        LOAD_ATTR_CLASS = 159 => LOAD_ATTR,
        LOAD_ATTR_CLASS_WITH_METACLASS_CHECK = 160 => LOAD_ATTR,
        LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN = 161 => LOAD_ATTR,
        LOAD_ATTR_INSTANCE_VALUE = 162 => LOAD_ATTR,
        LOAD_ATTR_METHOD_LAZY_DICT = 163 => LOAD_ATTR,
        LOAD_ATTR_METHOD_NO_DICT = 164 => LOAD_ATTR,
        LOAD_ATTR_METHOD_WITH_VALUES = 165 => LOAD_ATTR,
        LOAD_ATTR_MODULE = 166 => LOAD_ATTR,
        LOAD_ATTR_NONDESCRIPTOR_NO_DICT = 167 => LOAD_ATTR,
        LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES = 168 => LOAD_ATTR,
        LOAD_ATTR_PROPERTY = 169 => LOAD_ATTR,
        LOAD_ATTR_SLOT = 170 => LOAD_ATTR,
        LOAD_ATTR_WITH_HINT = 171 => LOAD_ATTR,
        LOAD_GLOBAL_BUILTIN = 172 => LOAD_GLOBAL,
        LOAD_GLOBAL_MODULE = 173 => LOAD_GLOBAL,
        LOAD_SUPER_ATTR_ATTR = 174 => LOAD_SUPER_ATTR,
        LOAD_SUPER_ATTR_METHOD = 175 => LOAD_SUPER_ATTR,
        SEND_GEN = 176 => SEND,
        STORE_ATTR_INSTANCE_VALUE = 177 => STORE_ATTR,
        STORE_ATTR_SLOT = 178 => STORE_ATTR,
        STORE_ATTR_WITH_HINT = 179 => STORE_ATTR,
        STORE_SUBSCR_DICT = 180 => STORE_SUBSCR,
        STORE_SUBSCR_LIST_INT = 181 => STORE_SUBSCR,
        UNPACK_SEQUENCE_LIST = 182 => UNPACK_SEQUENCE,
        UNPACK_SEQUENCE_TUPLE = 183 => UNPACK_SEQUENCE,
        UNPACK_SEQUENCE_TWO_TUPLE = 184 => UNPACK_SEQUENCE,
        CALL_ALLOC_AND_ENTER_INIT = 185 => CALL,
        CALL_BOUND_METHOD_EXACT_ARGS = 186 => CALL,
        CALL_BOUND_METHOD_GENERAL = 187 => CALL,
        CALL_BUILTIN_CLASS = 188 => CALL,
        CALL_BUILTIN_FAST = 189 => CALL,
        CALL_BUILTIN_FAST_WITH_KEYWORDS = 190 => CALL,
        CALL_BUILTIN_O = 191 => CALL,
        CALL_ISINSTANCE = 192 => CALL,
        CALL_LEN = 193 => CALL,
        CALL_LIST_APPEND = 194 => CALL,
        CALL_METHOD_DESCRIPTOR_FAST = 195 => CALL,
        CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 196 => CALL,
        CALL_METHOD_DESCRIPTOR_NOARGS = 197 => CALL,
        CALL_METHOD_DESCRIPTOR_O = 198 => CALL,
        CALL_NON_PY_GENERAL = 199 => CALL,
        CALL_PY_EXACT_ARGS = 200 => CALL,
        CALL_PY_GENERAL = 201 => CALL,
        CALL_STR_1 = 202 => CALL,
        CALL_TUPLE_1 = 203 => CALL,
        CALL_TYPE_1 = 204 => CALL,
        CALL_KW_BOUND_METHOD = 205 => CALL_KW,
        CALL_KW_NON_PY = 206 => CALL_KW,
        CALL_KW_PY = 207 => CALL_KW,
    }
}

/// `OpInfo` for every byte value; `None` for numbers that are not instructions.
static INFO_BY_BYTE: [Option<OpInfo>; 256] = {
    let mut table: [Option<OpInfo>; 256] = [None; 256];
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let op = ALL_OPCODES[i];
        table[op as usize] = Some(base_info(op));
        i += 1;
    }
    table
};

/// The opcode for every byte value (1 byte each: a compact table for the dispatch loop).
static OPCODE_BY_BYTE: [Option<Opcode>; 256] = {
    let mut table: [Option<Opcode>; 256] = [None; 256];
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let op = ALL_OPCODES[i];
        table[op as usize] = Some(op);
        i += 1;
    }
    table
};

/// The base opcode for every byte value (`None` for non-instructions).
static BASE_BY_BYTE: [Option<Opcode>; 256] = {
    let mut table: [Option<Opcode>; 256] = [None; 256];
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let op = ALL_OPCODES[i];
        table[op as usize] = Some(base_info(op).family);
        i += 1;
    }
    table
};

/// Base opcode byte for every byte value (identity for non-instructions), for hot-path deopt.
static DEOPT_BY_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let op = ALL_OPCODES[i];
        table[op as usize] = base_info(op).family as u8;
        i += 1;
    }
    table
};

/// Inline cache size (in code units) for every byte value (0 for non-instructions).
static CACHE_BY_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let op = ALL_OPCODES[i];
        table[op as usize] = base_info(op).cache;
        i += 1;
    }
    table
};

impl Opcode {
    /// The opcode with this number, if there is one.
    #[inline]
    pub fn from_u8(byte: u8) -> Option<Opcode> {
        OPCODE_BY_BYTE[byte as usize]
    }

    /// The base (family) opcode of an opcode byte, if the byte is an instruction: the
    /// dispatch loop's single lookup (a specialized byte runs its family's implementation).
    #[inline(always)]
    pub fn base_of_byte(byte: u8) -> Option<Opcode> {
        BASE_BY_BYTE[byte as usize]
    }

    /// All static facts about this instruction.
    #[inline]
    pub fn info(self) -> &'static OpInfo {
        match &INFO_BY_BYTE[self as usize] {
            Some(info) => info,
            None => unreachable!("every Opcode has a table entry"),
        }
    }

    #[inline]
    pub fn name(self) -> &'static str {
        self.info().name
    }

    #[inline]
    pub fn arg_kind(self) -> ArgKind {
        self.info().arg
    }

    /// Number of inline cache units that follow the instruction (usable in constants).
    pub const fn cache_units(self) -> usize {
        base_info(self).cache as usize
    }

    /// Number of inline cache units that follow the instruction.
    #[inline]
    pub fn cache_size(self) -> usize {
        CACHE_BY_BYTE[self as usize] as usize
    }

    /// The base instruction of this instruction's family (itself when not specialized).
    #[inline]
    pub fn deoptimize(self) -> Opcode {
        self.info().family
    }

    #[inline]
    pub fn is_specialized(self) -> bool {
        self.info().family != self
    }

    /// Whether this instruction is the base of a family with at least one specialization.
    pub fn is_specializable(self) -> bool {
        SPECIALIZED_OPCODES.iter().any(|s| s.deoptimize() == self)
    }

    #[inline]
    pub fn flags(self) -> u16 {
        self.info().flags
    }

    #[inline]
    pub fn has_flag(self, flag: u16) -> bool {
        self.flags() & flag != 0
    }

    /// `(pops, pushes)` for this instruction with argument `oparg`; `jump` selects the effect
    /// on the taken branch of instructions whose two exits differ.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> (u32, u32) {
        let info = self.info();
        match (jump, info.jump_stack) {
            (true, Some(f)) => f(oparg),
            _ => (info.stack)(oparg),
        }
    }

    /// Net stack effect (pushes - pops).
    pub fn stack_delta(self, oparg: u32, jump: bool) -> i32 {
        let (pop, push) = self.stack_effect(oparg, jump);
        push as i32 - pop as i32
    }

    /// Looks an instruction up by name (for tests and tools).
    pub fn from_name(name: &str) -> Option<Opcode> {
        ALL_OPCODES.iter().copied().find(|op| op.name() == name)
    }
}

/// Base opcode byte of any opcode byte (identity for bytes that are not specialized). Table
/// driven: the hot-path form of [`Opcode::deoptimize`].
#[inline]
pub fn deopt_byte(byte: u8) -> u8 {
    DEOPT_BY_BYTE[byte as usize]
}

/// Inline cache size of any opcode byte.
#[inline]
pub fn cache_size_of_byte(byte: u8) -> usize {
    CACHE_BY_BYTE[byte as usize] as usize
}

macro_rules! arg_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($variant:ident = $num:literal => $text:literal),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $name { $($variant = $num),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn from_arg(arg: u32) -> Option<$name> {
                match arg { $($num => Some($name::$variant),)* _ => None }
            }

            /// The text shown by the disassembler (and, for operators, in messages).
            pub fn text(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
        }
    };
}

arg_enum! {
    /// `BINARY_OP` operators (CPython's `NB_*` numbering, subscript included as in 3.14).
    BinaryOperator {
        Add = 0 => "+", And = 1 => "&", FloorDivide = 2 => "//", Lshift = 3 => "<<",
        MatrixMultiply = 4 => "@", Multiply = 5 => "*", Remainder = 6 => "%", Or = 7 => "|",
        Power = 8 => "**", Rshift = 9 => ">>", Subtract = 10 => "-", TrueDivide = 11 => "/",
        Xor = 12 => "^",
        InplaceAdd = 13 => "+=", InplaceAnd = 14 => "&=", InplaceFloorDivide = 15 => "//=",
        InplaceLshift = 16 => "<<=", InplaceMatrixMultiply = 17 => "@=",
        InplaceMultiply = 18 => "*=", InplaceRemainder = 19 => "%=", InplaceOr = 20 => "|=",
        InplacePower = 21 => "**=", InplaceRshift = 22 => ">>=", InplaceSubtract = 23 => "-=",
        InplaceTrueDivide = 24 => "/=", InplaceXor = 25 => "^=",
        Subscr = 26 => "[]",
    }
}

impl BinaryOperator {
    /// Whether this is an augmented-assignment operator.
    pub fn is_inplace(self) -> bool {
        (13..=25).contains(&(self as u8))
    }

    /// The plain operator behind an augmented one (itself otherwise).
    pub fn non_inplace(self) -> BinaryOperator {
        if self.is_inplace() {
            BinaryOperator::from_arg(self as u32 - 13).expect("in range")
        } else {
            self
        }
    }

    /// The augmented form of a plain operator.
    pub fn inplace(self) -> BinaryOperator {
        if (self as u8) <= 12 {
            BinaryOperator::from_arg(self as u32 + 13).expect("in range")
        } else {
            self
        }
    }
}

arg_enum! {
    /// `COMPARE_OP` comparisons (`oparg >> 5`).
    ComparisonOperator {
        Less = 0 => "<", LessEqual = 1 => "<=", Equal = 2 => "==", NotEqual = 3 => "!=",
        Greater = 4 => ">", GreaterEqual = 5 => ">=",
    }
}

impl ComparisonOperator {
    /// The low-4-bit mask CPython stores with the operator: which of
    /// (unordered 1, less 2, greater 4, equal 8) make the comparison true.
    pub fn mask(self) -> u32 {
        match self {
            ComparisonOperator::Less => 2,
            ComparisonOperator::LessEqual => 2 | 8,
            ComparisonOperator::Equal => 8,
            ComparisonOperator::NotEqual => 1 | 2 | 4,
            ComparisonOperator::Greater => 4,
            ComparisonOperator::GreaterEqual => 4 | 8,
        }
    }

    /// The full `COMPARE_OP` argument for this operator.
    pub fn to_arg(self, coerce_to_bool: bool) -> u32 {
        ((self as u32) << 5) | if coerce_to_bool { 16 } else { 0 } | self.mask()
    }

    /// Decodes a `COMPARE_OP` argument.
    pub fn from_compare_arg(arg: u32) -> Option<ComparisonOperator> {
        ComparisonOperator::from_arg(arg >> 5)
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> ComparisonOperator {
        match self {
            ComparisonOperator::Less => ComparisonOperator::Greater,
            ComparisonOperator::LessEqual => ComparisonOperator::GreaterEqual,
            ComparisonOperator::Equal => ComparisonOperator::Equal,
            ComparisonOperator::NotEqual => ComparisonOperator::NotEqual,
            ComparisonOperator::Greater => ComparisonOperator::Less,
            ComparisonOperator::GreaterEqual => ComparisonOperator::LessEqual,
        }
    }

    /// The dunder method name implementing this comparison.
    pub fn dunder(self) -> &'static str {
        match self {
            ComparisonOperator::Less => "__lt__",
            ComparisonOperator::LessEqual => "__le__",
            ComparisonOperator::Equal => "__eq__",
            ComparisonOperator::NotEqual => "__ne__",
            ComparisonOperator::Greater => "__gt__",
            ComparisonOperator::GreaterEqual => "__ge__",
        }
    }
}

arg_enum! {
    /// `CALL_INTRINSIC_1` functions.
    Intrinsic1 {
        Invalid = 0 => "INTRINSIC_1_INVALID",
        Print = 1 => "INTRINSIC_PRINT",
        ImportStar = 2 => "INTRINSIC_IMPORT_STAR",
        StopIterationError = 3 => "INTRINSIC_STOPITERATION_ERROR",
        AsyncGenWrap = 4 => "INTRINSIC_ASYNC_GEN_WRAP",
        UnaryPositive = 5 => "INTRINSIC_UNARY_POSITIVE",
        ListToTuple = 6 => "INTRINSIC_LIST_TO_TUPLE",
    }
}

arg_enum! {
    /// `CALL_INTRINSIC_2` functions.
    Intrinsic2 {
        Invalid = 0 => "INTRINSIC_2_INVALID",
        PrepReraiseStar = 1 => "INTRINSIC_PREP_RERAISE_STAR",
    }
}

arg_enum! {
    /// `LOAD_COMMON_CONSTANT` values.
    CommonConstant {
        AssertionError = 0 => "AssertionError",
        NotImplementedError = 1 => "NotImplementedError",
        BuiltinTuple = 2 => "tuple",
        BuiltinAll = 3 => "all",
        BuiltinAny = 4 => "any",
    }
}

arg_enum! {
    /// `LOAD_SPECIAL` methods.
    SpecialMethod {
        Enter = 0 => "__enter__", Exit = 1 => "__exit__",
        AEnter = 2 => "__aenter__", AExit = 3 => "__aexit__",
    }
}

/// `RESUME` arguments.
pub mod resume {
    pub const AT_FUNC_START: u32 = 0;
    pub const AFTER_YIELD: u32 = 1;
    pub const AFTER_YIELD_FROM: u32 = 2;
    pub const AFTER_AWAIT: u32 = 3;
}

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// `CONVERT_VALUE` arguments.
pub mod conversion {
    pub const STR: u32 = 1;
    pub const REPR: u32 = 2;
    pub const ASCII: u32 = 3;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn numbers_and_names_are_unique_and_round_trip() {
        let mut numbers = HashSet::new();
        let mut names = HashSet::new();
        for &op in ALL_OPCODES {
            assert!(numbers.insert(op as u8), "duplicate number {}", op as u8);
            assert!(names.insert(op.name()), "duplicate name {}", op.name());
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
            assert_eq!(format!("{op:?}"), op.name());
        }
        let mut undefined = 0;
        for byte in 0..=255u8 {
            if Opcode::from_u8(byte).is_none() {
                undefined += 1;
                assert_eq!(deopt_byte(byte), byte);
                assert_eq!(cache_size_of_byte(byte), 0);
            }
        }
        assert_eq!(undefined + ALL_OPCODES.len(), 256);
    }

    #[test]
    fn deoptimize_is_total_and_idempotent() {
        for &op in ALL_OPCODES {
            let base = op.deoptimize();
            assert!(
                !base.is_specialized(),
                "{} deopts to specialized {}",
                op.name(),
                base.name()
            );
            assert_eq!(base.deoptimize(), base);
            assert_eq!(deopt_byte(op as u8), base as u8);
            assert_eq!(Opcode::base_of_byte(op as u8), Some(base));
            assert_eq!(op.is_specialized(), base != op);
        }
        for byte in 0..=255u8 {
            if Opcode::from_u8(byte).is_none() {
                assert_eq!(Opcode::base_of_byte(byte), None);
            }
        }
    }

    #[test]
    fn specialized_instructions_match_their_family() {
        for &op in SPECIALIZED_OPCODES {
            let base = op.deoptimize();
            assert_ne!(base, op);
            assert!(base.is_specializable());
            assert_eq!(op.cache_size(), base.cache_size(), "{}", op.name());
            // RESUME is quickened on first execution without a counter; every other family
            // keeps its adaptive counter in the first cache unit.
            if base != Opcode::RESUME {
                assert!(
                    base.cache_size() >= 1,
                    "{} family has no counter",
                    base.name()
                );
            }
            assert_eq!(op.arg_kind(), base.arg_kind());
            for oparg in 0..512 {
                assert_eq!(
                    op.stack_effect(oparg, false),
                    base.stack_effect(oparg, false)
                );
                assert_eq!(op.stack_effect(oparg, true), base.stack_effect(oparg, true));
            }
        }
        // Specialized numbers sit above every base number, so `op >= 128` tells them apart.
        for &op in ALL_OPCODES {
            assert_eq!(op.is_specialized(), (op as u8) >= 128, "{}", op.name());
        }
    }

    #[test]
    fn jump_flags_match_argument_kinds() {
        for &op in ALL_OPCODES {
            let is_jump_arg = matches!(op.arg_kind(), ArgKind::JumpForward | ArgKind::JumpBackward);
            assert_eq!(op.has_flag(flags::JUMP), is_jump_arg, "{}", op.name());
            if op.has_flag(flags::CONDITIONAL) {
                assert!(op.has_flag(flags::JUMP) && !op.has_flag(flags::NO_FALLTHROUGH));
            }
            if op.info().jump_stack.is_some() {
                assert!(op.has_flag(flags::JUMP), "{}", op.name());
            }
        }
    }

    #[test]
    fn stack_effects_are_known() {
        use Opcode::*;
        assert_eq!(CALL.stack_effect(3, false), (5, 1));
        assert_eq!(LOAD_ATTR.stack_effect(7, false), (1, 2));
        assert_eq!(LOAD_ATTR.stack_effect(6, false), (1, 1));
        assert_eq!(FOR_ITER.stack_effect(0, false), (1, 2));
        assert_eq!(FOR_ITER.stack_effect(0, true), (1, 1));
        assert_eq!(BUILD_MAP.stack_delta(3, false), -5);
        assert_eq!(UNPACK_EX.stack_effect(0x0201, false), (1, 4));
    }

    #[test]
    fn operator_tables_round_trip() {
        for &op in BinaryOperator::ALL {
            assert_eq!(BinaryOperator::from_arg(op as u32), Some(op));
            if op != BinaryOperator::Subscr {
                assert_eq!(op.non_inplace().inplace(), op.inplace());
            }
        }
        for &op in ComparisonOperator::ALL {
            let arg = op.to_arg(true);
            assert_eq!(ComparisonOperator::from_compare_arg(arg), Some(op));
            assert_eq!(op.swapped().swapped(), op);
        }
    }
}
