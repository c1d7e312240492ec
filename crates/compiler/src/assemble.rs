//! The assembler: from a flat instruction sequence with labels and pseudo-instructions to
//! the final code units, exception table, line table and stack size.
//!
//! Steps (CPython's `flowgraph.c` + `assemble.c`, reduced to what krait needs):
//! 1. split the sequence into basic blocks at labels and after jumps/terminators;
//! 2. walk the control flow from the entry, tracking the stack of active exception handlers
//!    pushed by `SETUP_*` and popped by `POP_BLOCK` (`label_exception_targets`): every real
//!    instruction learns its handler, and unreachable blocks are found;
//! 3. compute stack depths from the instruction table's stack effects (handlers start at the
//!    depth of their `SETUP_*` plus the values the unwinder pushes);
//! 4. in optimized code, turn `LOAD_FAST` of a local that may be unbound into
//!    `LOAD_FAST_CHECK` (a data-flow pass like CPython's);
//! 5. give artificial instructions the position of the instruction before them;
//! 6. drop pseudo-instructions, lower pseudo jumps to forward/backward jumps (a backward
//!    conditional jump becomes an inverted forward one over a `JUMP_BACKWARD`), and lay out
//!    the code, growing `EXTENDED_ARG` prefixes until jump offsets are stable;
//! 7. emit the exception table entries and the per-unit line table.

use krait_bytecode::opcode::flags;
use krait_bytecode::{emit, CodeUnit, ExceptionEntry, ExceptionTable, LineTable, Opcode, Position};

/// An instruction or pseudo-instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    Real(Opcode),
    /// Pushes an exception handler (the target); no `lasti` pushed on exception.
    SetupFinally,
    /// Pushes an exception handler that also receives `lasti`.
    SetupCleanup,
    /// `with`'s handler: like `SetupCleanup`, but the `__enter__` result on top of the stack
    /// is not part of the handler's stack.
    SetupWith,
    /// Pops the innermost exception handler.
    PopBlock,
    /// Unconditional jump (becomes `JUMP_FORWARD` or `JUMP_BACKWARD`).
    Jump,
    /// Unconditional jump without an eval-breaker check.
    JumpNoInterrupt,
}

impl Op {
    fn is_setup(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Whether the op transfers control to its target (pseudo setups excluded).
    fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.has_flag(flags::JUMP),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }

    fn falls_through(self) -> bool {
        match self {
            Op::Real(op) => !op.has_flag(flags::NO_FALLTHROUGH),
            Op::Jump | Op::JumpNoInterrupt => false,
            _ => true,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Label(pub u32);

/// How an instruction's local-slot argument is resolved at assembly time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LocalFix {
    None,
    /// The argument is an index into the cell variables.
    Cell,
    /// The argument is an index into the free variables.
    Free,
}

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<Label>,
    pub fix: LocalFix,
    pub pos: Position,
}

/// A flat instruction sequence with labels.
#[derive(Default)]
pub struct InstrSeq {
    pub instrs: Vec<Instr>,
    /// For each label, the index of the instruction it is bound before.
    pub label_pos: Vec<Option<u32>>,
    /// Position of the most recently bound label.
    last_bound: Option<u32>,
}

impl InstrSeq {
    pub fn new_label(&mut self) -> Label {
        self.label_pos.push(None);
        Label(self.label_pos.len() as u32 - 1)
    }

    pub fn bind(&mut self, label: Label) {
        let at = self.instrs.len() as u32;
        self.label_pos[label.0 as usize] = Some(at);
        self.last_bound = Some(at);
    }

    /// Whether a label is bound at the current end of the sequence.
    pub fn label_at_end(&self) -> bool {
        self.last_bound == Some(self.instrs.len() as u32)
    }
}

/// What the assembler needs to know about the code object's locals.
pub struct AsmInfo {
    /// Slot of each cell variable.
    pub cell_slots: Vec<u32>,
    /// Slot of each free variable.
    pub free_slots: Vec<u32>,
    /// Number of plain local slots (`varnames`), arguments first.
    pub nlocals: u32,
    /// Number of argument slots (bound on entry).
    pub nargs: u32,
    /// Whether locals are fast locals whose loads need the unbound check analysis.
    pub optimized: bool,
}

pub struct Assembled {
    pub units: Vec<CodeUnit>,
    pub linetable: LineTable,
    pub exceptiontable: ExceptionTable,
    pub stacksize: u32,
}

const NONE: usize = usize::MAX;

/// Whether to fuse `LOAD_FAST`/`STORE_FAST` pairs into `LOAD_FAST_LOAD_FAST`,
/// `STORE_FAST_LOAD_FAST` and `STORE_FAST_STORE_FAST` (as CPython 3.13).
pub const SUPERINSTRUCTIONS: bool = true;

#[derive(Clone, Copy)]
struct BInstr {
    i: Instr,
    target: usize,
    except: usize,
}

struct Block {
    instrs: Vec<BInstr>,
    reachable: bool,
    /// Stack depth on entry.
    depth: Option<u32>,
    /// Handler blocks: whether `lasti` is pushed.
    lasti: bool,
}

impl Block {
    fn falls_through(&self) -> bool {
        self.instrs.last().is_none_or(|b| b.i.op.falls_through())
    }
}

pub fn assemble(seq: InstrSeq, info: &AsmInfo) -> Result<Assembled, String> {
    let mut blocks = build_blocks(seq)?;
    label_exception_targets(&mut blocks)?;
    for b in blocks.iter_mut() {
        if !b.reachable {
            b.instrs.clear();
        }
    }
    resolve_local_fixes(&mut blocks, info)?;
    let stacksize = stack_depths(&mut blocks)?;
    if info.optimized {
        check_unbound_loads(&mut blocks, info);
    }
    propagate_positions(&mut blocks);
    for b in blocks.iter_mut() {
        b.instrs
            .retain(|bi| !bi.i.op.is_setup() && bi.i.op != Op::PopBlock);
    }
    if SUPERINSTRUCTIONS {
        insert_superinstructions(&mut blocks);
    }
    layout(&blocks, stacksize)
}

fn build_blocks(seq: InstrSeq) -> Result<Vec<Block>, String> {
    let n = seq.instrs.len();
    // Labels bound at each position.
    let mut labels_at: Vec<(u32, u32)> = seq
        .label_pos
        .iter()
        .enumerate()
        .filter_map(|(l, p)| p.map(|p| (p, l as u32)))
        .collect();
    labels_at.sort_unstable();
    let mut label_block = vec![NONE; seq.label_pos.len()];
    let mut blocks: Vec<Block> = vec![new_block()];
    let mut li = 0;
    let mut need_new = false;
    for idx in 0..=n {
        while li < labels_at.len() && labels_at[li].0 as usize == idx {
            if !blocks.last().expect("non-empty").instrs.is_empty() {
                blocks.push(new_block());
            }
            need_new = false;
            label_block[labels_at[li].1 as usize] = blocks.len() - 1;
            li += 1;
        }
        if idx == n {
            break;
        }
        if need_new && !blocks.last().expect("non-empty").instrs.is_empty() {
            blocks.push(new_block());
        }
        need_new = false;
        let instr = seq.instrs[idx];
        blocks.last_mut().expect("non-empty").instrs.push(BInstr {
            i: instr,
            target: NONE,
            except: NONE,
        });
        if instr.op.is_jump() || !instr.op.falls_through() {
            need_new = true;
        }
    }
    for b in blocks.iter_mut() {
        for bi in b.instrs.iter_mut() {
            if let Some(l) = bi.i.target {
                let t = label_block.get(l.0 as usize).copied().unwrap_or(NONE);
                if t == NONE {
                    return Err(format!("jump to unbound label {}", l.0));
                }
                bi.target = t;
            } else if bi.i.op.is_jump() || bi.i.op.is_setup() {
                return Err("jump without a target".into());
            }
        }
    }
    Ok(blocks)
}

fn new_block() -> Block {
    Block {
        instrs: Vec::new(),
        reachable: false,
        depth: None,
        lasti: false,
    }
}

fn label_exception_targets(blocks: &mut [Block]) -> Result<(), String> {
    let mut stacks: Vec<Option<Vec<usize>>> = vec![None; blocks.len()];
    stacks[0] = Some(Vec::new());
    let mut todo = vec![0usize];
    while let Some(b) = todo.pop() {
        blocks[b].reachable = true;
        let mut stack = stacks[b].clone().unwrap_or_default();
        let ninstr = blocks[b].instrs.len();
        for k in 0..ninstr {
            let bi = blocks[b].instrs[k];
            match bi.i.op {
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    let t = bi.target;
                    blocks[t].lasti = bi.i.op != Op::SetupFinally;
                    if stacks[t].is_none() {
                        stacks[t] = Some(stack.clone());
                        todo.push(t);
                    }
                    stack.push(t);
                }
                Op::PopBlock => {
                    if stack.pop().is_none() {
                        return Err("POP_BLOCK with no handler".into());
                    }
                }
                _ => {
                    blocks[b].instrs[k].except = stack.last().copied().unwrap_or(NONE);
                    if bi.i.op.is_jump() && stacks[bi.target].is_none() {
                        stacks[bi.target] = Some(stack.clone());
                        todo.push(bi.target);
                    }
                }
            }
        }
        if blocks[b].falls_through() {
            let next = b + 1;
            if next >= blocks.len() {
                return Err("execution falls off the end of the code".into());
            }
            if stacks[next].is_none() {
                stacks[next] = Some(stack);
                todo.push(next);
            }
        }
    }
    Ok(())
}

fn resolve_local_fixes(blocks: &mut [Block], info: &AsmInfo) -> Result<(), String> {
    for b in blocks.iter_mut() {
        for bi in b.instrs.iter_mut() {
            match bi.i.fix {
                LocalFix::None => {}
                LocalFix::Cell => {
                    bi.i.arg = *info
                        .cell_slots
                        .get(bi.i.arg as usize)
                        .ok_or("bad cell index")?;
                }
                LocalFix::Free => {
                    bi.i.arg = *info
                        .free_slots
                        .get(bi.i.arg as usize)
                        .ok_or("bad free variable index")?;
                }
            }
        }
    }
    Ok(())
}

fn stack_depths(blocks: &mut [Block]) -> Result<u32, String> {
    let mut max = 0u32;
    let mut todo = vec![0usize];
    blocks[0].depth = Some(0);
    fn set(
        blocks: &mut [Block],
        todo: &mut Vec<usize>,
        t: usize,
        d: u32,
        max: &mut u32,
    ) -> Result<(), String> {
        *max = (*max).max(d);
        match blocks[t].depth {
            None => {
                blocks[t].depth = Some(d);
                todo.push(t);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(format!(
                "inconsistent stack depth at block {t}: {old} and {d}"
            )),
        }
    }
    while let Some(b) = todo.pop() {
        let mut d = blocks[b].depth.expect("set before push");
        let n = blocks[b].instrs.len();
        for k in 0..n {
            let bi = blocks[b].instrs[k];
            match bi.i.op {
                Op::SetupFinally => set(blocks, &mut todo, bi.target, d + 1, &mut max)?,
                Op::SetupCleanup => set(blocks, &mut todo, bi.target, d + 2, &mut max)?,
                Op::SetupWith => {
                    if d == 0 {
                        return Err("SETUP_WITH on an empty stack".into());
                    }
                    set(blocks, &mut todo, bi.target, d + 1, &mut max)?
                }
                Op::PopBlock => {}
                Op::Jump | Op::JumpNoInterrupt => {
                    set(blocks, &mut todo, bi.target, d, &mut max)?;
                }
                Op::Real(op) => {
                    if op.has_flag(flags::JUMP) {
                        let (pop, push) = op.stack_effect(bi.i.arg, true);
                        if pop > d {
                            return Err(format!("{} underflows the stack", op.name()));
                        }
                        set(blocks, &mut todo, bi.target, d - pop + push, &mut max)?;
                    }
                    let (pop, push) = op.stack_effect(bi.i.arg, false);
                    if pop > d {
                        return Err(format!("{} underflows the stack (depth {d})", op.name()));
                    }
                    d = d - pop + push;
                    max = max.max(d);
                }
            }
        }
        if blocks[b].falls_through() {
            set(blocks, &mut todo, b + 1, d, &mut max)?;
        }
    }
    Ok(max)
}

/// Bit sets of "may be unbound" locals.
#[derive(Clone, PartialEq)]
struct Bits(Vec<u64>);

impl Bits {
    fn get(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn set(&mut self, i: u32, v: bool) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            if v {
                *w |= 1 << (i % 64);
            } else {
                *w &= !(1 << (i % 64));
            }
        }
    }
    /// `self |= other`; returns whether anything changed.
    fn union(&mut self, other: &Bits) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            let n = *a | *b;
            changed |= n != *a;
            *a = n;
        }
        changed
    }
}

fn check_unbound_loads(blocks: &mut [Block], info: &AsmInfo) {
    let words = (info.nlocals as usize).div_ceil(64);
    let mut entry: Vec<Option<Bits>> = vec![None; blocks.len()];
    let mut start = Bits(vec![0; words]);
    for i in info.nargs..info.nlocals {
        start.set(i, true);
    }
    entry[0] = Some(start);
    let mut todo = vec![0usize];
    let mut queued = vec![false; blocks.len()];
    queued[0] = true;
    fn merge(
        entry: &mut [Option<Bits>],
        todo: &mut Vec<usize>,
        queued: &mut [bool],
        t: usize,
        s: &Bits,
    ) {
        let changed = match &mut entry[t] {
            None => {
                entry[t] = Some(s.clone());
                true
            }
            Some(old) => old.union(s),
        };
        if changed && !queued[t] {
            queued[t] = true;
            todo.push(t);
        }
    }
    while let Some(b) = todo.pop() {
        queued[b] = false;
        let mut s = entry[b].clone().expect("queued blocks have a state");
        let n = blocks[b].instrs.len();
        for k in 0..n {
            let bi = blocks[b].instrs[k];
            if bi.except != NONE {
                merge(&mut entry, &mut todo, &mut queued, bi.except, &s);
            }
            if bi.i.fix == LocalFix::None {
                match bi.i.op {
                    Op::Real(Opcode::LOAD_FAST) => {
                        if s.get(bi.i.arg) {
                            blocks[b].instrs[k].i.op = Op::Real(Opcode::LOAD_FAST_CHECK);
                        }
                        s.set(bi.i.arg, false);
                    }
                    Op::Real(Opcode::LOAD_FAST_CHECK) | Op::Real(Opcode::STORE_FAST) => {
                        s.set(bi.i.arg, false)
                    }
                    Op::Real(Opcode::DELETE_FAST) => s.set(bi.i.arg, true),
                    _ => {}
                }
            }
            if bi.i.op.is_jump() || bi.i.op.is_setup() {
                merge(&mut entry, &mut todo, &mut queued, bi.target, &s);
            }
        }
        if blocks[b].falls_through() && b + 1 < blocks.len() {
            merge(&mut entry, &mut todo, &mut queued, b + 1, &s);
        }
    }
}

fn propagate_positions(blocks: &mut [Block]) {
    let mut preds = vec![0u32; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if !b.reachable {
            continue;
        }
        for bi in &b.instrs {
            if bi.i.op.is_jump() || bi.i.op.is_setup() {
                preds[bi.target] += 1;
            }
        }
        if b.falls_through() && i + 1 < blocks.len() {
            preds[i + 1] += 1;
        }
    }
    for i in 0..blocks.len() {
        let mut prev = Position::default();
        for bi in blocks[i].instrs.iter_mut() {
            if bi.i.pos.line == 0 {
                bi.i.pos = prev;
            } else {
                prev = bi.i.pos;
            }
        }
        if prev.line == 0 {
            continue;
        }
        let falls = blocks[i].falls_through();
        if falls && i + 1 < blocks.len() && preds[i + 1] == 1 {
            if let Some(first) = blocks[i + 1].instrs.first_mut() {
                if first.i.pos.line == 0 {
                    first.i.pos = prev;
                }
            }
        }
        if let Some(last) = blocks[i].instrs.last().copied() {
            if last.i.op.is_jump() && preds[last.target] == 1 && last.target > i {
                if let Some(first) = blocks[last.target].instrs.first_mut() {
                    if first.i.pos.line == 0 {
                        first.i.pos = prev;
                    }
                }
            }
        }
    }
}

/// CPython 3.13's `insert_superinstructions`: adjacent fast-local loads/stores on the same
/// line, with slot numbers below 16 and the same exception handler, become one instruction.
fn insert_superinstructions(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let mut out: Vec<BInstr> = Vec::with_capacity(b.instrs.len());
        let mut k = 0;
        while k < b.instrs.len() {
            let first = b.instrs[k];
            if let Some(second) = b.instrs.get(k + 1).copied() {
                let fused = match (first.i.op, second.i.op) {
                    (Op::Real(Opcode::LOAD_FAST), Op::Real(Opcode::LOAD_FAST)) => {
                        Some(Opcode::LOAD_FAST_LOAD_FAST)
                    }
                    (Op::Real(Opcode::STORE_FAST), Op::Real(Opcode::LOAD_FAST)) => {
                        Some(Opcode::STORE_FAST_LOAD_FAST)
                    }
                    (Op::Real(Opcode::STORE_FAST), Op::Real(Opcode::STORE_FAST)) => {
                        Some(Opcode::STORE_FAST_STORE_FAST)
                    }
                    _ => None,
                };
                if let Some(op) = fused {
                    if first.i.arg < 16
                        && second.i.arg < 16
                        && first.i.pos.line == second.i.pos.line
                        && first.except == second.except
                    {
                        let mut f = first;
                        f.i.op = Op::Real(op);
                        f.i.arg = (first.i.arg << 4) | second.i.arg;
                        out.push(f);
                        k += 2;
                        continue;
                    }
                }
            }
            out.push(first);
            k += 1;
        }
        b.instrs = out;
    }
}

/// One instruction of the final layout.
struct Final {
    op: Opcode,
    arg: u32,
    /// Jump target block (or `NONE`).
    target: usize,
    pos: Position,
    except: usize,
}

fn inverse(op: Opcode) -> Option<Opcode> {
    Some(match op {
        Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
        Opcode::POP_JUMP_IF_TRUE => Opcode::POP_JUMP_IF_FALSE,
        Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
        Opcode::POP_JUMP_IF_NOT_NONE => Opcode::POP_JUMP_IF_NONE,
        _ => return None,
    })
}

fn ext_len(arg: u32) -> u32 {
    krait_bytecode::instr::extended_arg_count(arg) as u32
}

fn layout(blocks: &[Block], stacksize: u32) -> Result<Assembled, String> {
    // Layout order: reachable, non-empty blocks in index order. Each block maps to the
    // position of the first laid-out block at or after it.
    let order: Vec<usize> = (0..blocks.len())
        .filter(|&b| blocks[b].reachable && !blocks[b].instrs.is_empty())
        .collect();
    let mut rank = vec![NONE; blocks.len() + 1];
    {
        let mut next_rank = order.len();
        for b in (0..blocks.len()).rev() {
            if blocks[b].reachable && !blocks[b].instrs.is_empty() {
                next_rank -= 1;
            }
            rank[b] = next_rank;
        }
        rank[blocks.len()] = order.len();
    }
    // `first_final[r]` = index into `fin` of the first instruction of the block of rank r.
    let mut fin: Vec<Final> = Vec::new();
    let mut block_start: Vec<usize> = Vec::with_capacity(order.len() + 1);
    for (r, &b) in order.iter().enumerate() {
        block_start.push(fin.len());
        let n = blocks[b].instrs.len();
        for (k, bi) in blocks[b].instrs.iter().enumerate() {
            let is_last = k + 1 == n;
            let target_rank = if bi.target == NONE {
                NONE
            } else {
                rank[bi.target]
            };
            match bi.i.op {
                Op::Jump | Op::JumpNoInterrupt => {
                    if target_rank == r + 1 && is_last {
                        continue;
                    }
                    let op = if target_rank > r {
                        Opcode::JUMP_FORWARD
                    } else if bi.i.op == Op::Jump {
                        Opcode::JUMP_BACKWARD
                    } else {
                        Opcode::JUMP_BACKWARD_NO_INTERRUPT
                    };
                    fin.push(Final {
                        op,
                        arg: 0,
                        target: target_rank,
                        pos: bi.i.pos,
                        except: bi.except,
                    });
                }
                Op::Real(op) if op.has_flag(flags::JUMP) => {
                    if target_rank > r {
                        fin.push(Final {
                            op,
                            arg: 0,
                            target: target_rank,
                            pos: bi.i.pos,
                            except: bi.except,
                        });
                    } else if let Some(inv) = inverse(op) {
                        // Backward conditional jump: invert it over a JUMP_BACKWARD.
                        fin.push(Final {
                            op: inv,
                            arg: 0,
                            target: NONE - 1, // patched below: the instruction after next
                            pos: bi.i.pos,
                            except: bi.except,
                        });
                        fin.push(Final {
                            op: Opcode::JUMP_BACKWARD,
                            arg: 0,
                            target: target_rank,
                            pos: bi.i.pos,
                            except: bi.except,
                        });
                    } else {
                        return Err(format!("backward {}", op.name()));
                    }
                }
                Op::Real(op) => fin.push(Final {
                    op,
                    arg: bi.i.arg,
                    target: NONE,
                    pos: bi.i.pos,
                    except: bi.except,
                }),
                _ => return Err("pseudo-instruction left in the code".into()),
            }
        }
    }
    block_start.push(fin.len());
    if fin.is_empty() {
        return Err("empty code".into());
    }
    // Instruction-index targets.
    let mut target_instr: Vec<usize> = vec![NONE; fin.len()];
    for (i, f) in fin.iter().enumerate() {
        if f.target == NONE - 1 {
            target_instr[i] = i + 2;
        } else if f.target != NONE {
            target_instr[i] = *block_start
                .get(f.target)
                .ok_or("jump target out of range")?;
        }
    }
    if target_instr.iter().any(|&t| t != NONE && t >= fin.len()) {
        return Err("jump past the end of the code".into());
    }
    // Iterate offsets until the EXTENDED_ARG sizes are stable.
    let mut ext: Vec<u32> = fin.iter().map(|f| ext_len(f.arg)).collect();
    let mut start: Vec<u32> = vec![0; fin.len() + 1];
    loop {
        let mut off = 0u32;
        for (i, f) in fin.iter().enumerate() {
            start[i] = off;
            off += ext[i] + 1 + f.op.cache_size() as u32;
        }
        start[fin.len()] = off;
        let mut changed = false;
        for i in 0..fin.len() {
            let t = target_instr[i];
            if t == NONE {
                continue;
            }
            let next = start[i + 1];
            let arg = if t > i {
                start[t] - next
            } else {
                next - start[t]
            };
            fin[i].arg = arg;
            let e = ext_len(arg);
            if e != ext[i] {
                ext[i] = e;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Emit.
    let total = start[fin.len()] as usize;
    let mut units: Vec<CodeUnit> = Vec::with_capacity(total);
    let mut positions: Vec<Position> = Vec::with_capacity(total);
    for f in &fin {
        emit(&mut units, f.op, f.arg);
        positions.resize(units.len(), f.pos);
    }
    if units.len() != total {
        return Err("layout size mismatch".into());
    }
    // Exception table.
    let mut entries: Vec<ExceptionEntry> = Vec::new();
    let mut i = 0;
    while i < fin.len() {
        let h = fin[i].except;
        if h == NONE {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < fin.len() && fin[j + 1].except == h {
            j += 1;
        }
        let hb = &blocks[h];
        let hrank = rank[h];
        let target = start[*block_start.get(hrank).ok_or("handler out of range")?];
        let depth = hb.depth.ok_or("handler without a depth")?;
        let sub = 1 + hb.lasti as u32;
        if depth < sub {
            return Err("handler depth too small".into());
        }
        entries.push(ExceptionEntry {
            start: start[i],
            end: start[j + 1],
            target,
            depth: depth - sub,
            lasti: hb.lasti,
        });
        i = j + 1;
    }
    Ok(Assembled {
        units,
        linetable: LineTable::from_unit_positions(&positions),
        exceptiontable: ExceptionTable { entries },
        stacksize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use krait_bytecode::Instructions;

    fn instr(op: Op, arg: u32, target: Option<Label>) -> Instr {
        Instr {
            op,
            arg,
            target,
            fix: LocalFix::None,
            pos: Position {
                line: 1,
                end_line: 1,
                col: 0,
                end_col: 1,
            },
        }
    }

    fn info() -> AsmInfo {
        AsmInfo {
            cell_slots: vec![],
            free_slots: vec![],
            nlocals: 1,
            nargs: 0,
            optimized: true,
        }
    }

    #[test]
    fn backward_conditional_jump_is_inverted() {
        let mut seq = InstrSeq::default();
        let top = seq.new_label();
        seq.bind(top);
        seq.instrs.push(instr(Op::Real(Opcode::NOP), 0, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 1, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::POP_JUMP_IF_TRUE), 0, Some(top)));
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 0, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::RETURN_VALUE), 0, None));
        let asm = assemble(seq, &info()).unwrap();
        let ops: Vec<Opcode> = Instructions::new(&asm.units)
            .filter_map(|i| i.opcode)
            .collect();
        assert_eq!(
            ops,
            [
                Opcode::NOP,
                Opcode::LOAD_SMALL_INT,
                Opcode::POP_JUMP_IF_FALSE,
                Opcode::JUMP_BACKWARD,
                Opcode::LOAD_SMALL_INT,
                Opcode::RETURN_VALUE
            ]
        );
        let ins: Vec<_> = Instructions::new(&asm.units).collect();
        assert_eq!(ins[2].jump_target(), Some(ins[4].start));
        assert_eq!(ins[3].jump_target(), Some(0));
        assert_eq!(asm.stacksize, 1);
    }

    #[test]
    fn long_jumps_get_extended_args_and_unbound_loads_are_checked() {
        let mut seq = InstrSeq::default();
        let end = seq.new_label();
        seq.instrs.push(instr(Op::Real(Opcode::LOAD_FAST), 0, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::POP_JUMP_IF_FALSE), 0, Some(end)));
        for _ in 0..300 {
            seq.instrs.push(instr(Op::Real(Opcode::NOP), 0, None));
        }
        seq.bind(end);
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 0, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::RETURN_VALUE), 0, None));
        let asm = assemble(seq, &info()).unwrap();
        let ins: Vec<_> = Instructions::new(&asm.units).collect();
        assert_eq!(ins[0].opcode, Some(Opcode::LOAD_FAST_CHECK));
        assert_eq!(ins[1].opcode, Some(Opcode::POP_JUMP_IF_FALSE));
        assert_eq!(ins[1].index, ins[1].start + 1, "one EXTENDED_ARG prefix");
        let target = ins[1].jump_target().unwrap();
        assert_eq!(
            ins.iter().find(|i| i.start == target).unwrap().opcode,
            Some(Opcode::LOAD_SMALL_INT)
        );
    }

    #[test]
    fn handlers_become_exception_table_entries() {
        let mut seq = InstrSeq::default();
        let handler = seq.new_label();
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 7, None));
        seq.instrs.push(instr(Op::SetupCleanup, 0, Some(handler)));
        seq.instrs.push(instr(Op::Real(Opcode::NOP), 0, None));
        seq.instrs.push(instr(Op::PopBlock, 0, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::RETURN_VALUE), 0, None));
        seq.bind(handler);
        seq.instrs.push(instr(Op::Real(Opcode::RERAISE), 1, None));
        let asm = assemble(seq, &info()).unwrap();
        assert_eq!(asm.exceptiontable.entries.len(), 1);
        let e = asm.exceptiontable.entries[0];
        assert_eq!(
            (e.start, e.end, e.target, e.depth, e.lasti),
            (1, 2, 3, 1, true)
        );
        assert_eq!(asm.stacksize, 3);
    }

    #[test]
    fn inconsistent_depths_are_reported() {
        let mut seq = InstrSeq::default();
        let join = seq.new_label();
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 1, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::POP_JUMP_IF_TRUE), 0, Some(join)));
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 1, None));
        seq.bind(join);
        seq.instrs
            .push(instr(Op::Real(Opcode::LOAD_SMALL_INT), 1, None));
        seq.instrs
            .push(instr(Op::Real(Opcode::RETURN_VALUE), 0, None));
        assert!(assemble(seq, &info()).is_err());
    }
}
