//! Frames and the per-thread data stack.
//!
//! A frame is a fixed-size header ([`Frame`]) immediately followed by its fast locals
//! (`nlocalsplus` values) and its value stack (`stacksize` values), all in one contiguous
//! region. Regions for ordinary calls are carved from the thread's [`DataStack`] (chunks that
//! never move), so a Python-to-Python call allocates nothing on the heap. A generator owns a
//! heap region with the same layout and its frame is pushed onto the thread's frame list
//! while it runs.

// Frames are reached through raw pointers whose validity the frame stack guarantees;
// references made from them are intentional.
#![allow(dangerous_implicit_autorefs)]

use std::alloc::{alloc, dealloc, Layout as AllocLayout};
use std::mem::size_of;
use std::ptr;

use crate::object::Obj;
use crate::types::code::CodeData;
use crate::types::dict::DictData;
use crate::value::Value;

/// Frame flags.
pub mod fflags {
    /// Returning from this frame returns from the Rust call that started running it.
    pub const ENTRY: u8 = 1 << 0;
    /// The frame's region belongs to a generator object, not the data stack.
    pub const GENERATOR: u8 = 1 << 1;
}

/// The header of a frame region.
#[repr(C)]
pub struct Frame {
    /// The function being run (EMPTY for module code run by `exec`). It keeps the code,
    /// globals and builtins alive, so the frame borrows those without counting.
    pub func: Value,
    code: *const Obj<CodeData>,
    globals: *const Obj<DictData>,
    builtins: *const Obj<DictData>,
    /// For frames without a function: a tuple owning code, globals and builtins.
    keepalive: Value,
    /// The locals mapping of module and class bodies (EMPTY for optimized frames).
    pub locals: Value,
    /// The data-stack top to restore when this frame is popped (thread frames only).
    pub(crate) prev_top: *mut Value,
    /// Number of live values on the value stack.
    pub stack_depth: u32,
    /// Next instruction to execute (code unit index).
    pub ip: u32,
    /// The instruction being executed (for tracebacks and line numbers).
    pub lasti: u32,
    pub flags: u8,
    /// For generator frames: the generator object (borrowed; the generator owns the frame).
    pub(crate) generator: *const Obj<crate::types::generator::GeneratorData>,
}

/// Size of the frame header in `Value` slots.
pub const FRAME_SLOTS: usize = size_of::<Frame>().div_ceil(size_of::<Value>());

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &Obj<CodeData> {
        unsafe { &*self.code }
    }

    #[inline(always)]
    pub fn globals(&self) -> &Obj<DictData> {
        unsafe { &*self.globals }
    }

    #[inline(always)]
    pub fn builtins(&self) -> &Obj<DictData> {
        unsafe { &*self.builtins }
    }

    /// The first fast-local slot.
    #[inline(always)]
    pub fn localsplus(&self) -> *mut Value {
        unsafe { (self as *const Frame as *mut Value).add(FRAME_SLOTS) }
    }

    /// The bottom of the value stack.
    #[inline(always)]
    pub fn stack_base(&self) -> *mut Value {
        unsafe { self.localsplus().add(self.code().data.nlocalsplus as usize) }
    }

    /// The fast locals as a slice.
    pub fn locals_slice(&self) -> &[Value] {
        unsafe {
            std::slice::from_raw_parts(self.localsplus(), self.code().data.nlocalsplus as usize)
        }
    }

    /// The live part of the value stack.
    pub fn stack_slice(&self) -> &[Value] {
        unsafe { std::slice::from_raw_parts(self.stack_base(), self.stack_depth as usize) }
    }

    /// The current line (of `lasti`).
    pub fn line(&self) -> Option<u32> {
        self.code().data.line_of(self.lasti)
    }

    pub fn is_entry(&self) -> bool {
        self.flags & fflags::ENTRY != 0
    }

    /// Total region size in slots for a frame running `code`.
    #[inline(always)]
    pub fn region_slots(code: &CodeData) -> usize {
        FRAME_SLOTS + code.nlocalsplus as usize + code.stacksize as usize
    }

    /// Initializes a frame header and its locals (all EMPTY) in a region of
    /// `region_slots(code)` slots. `func` (a function owning `code`, `globals` and
    /// `builtins`) is moved in; without one, the frame keeps its own references.
    ///
    /// # Safety
    /// `region` must be writable for that many slots and hold no live values; `code`,
    /// `globals` and `builtins` must be owned by `func` when it is not EMPTY.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn init(
        region: *mut Value,
        func: Value,
        code: &Obj<CodeData>,
        globals: &Obj<DictData>,
        builtins: &Obj<DictData>,
        locals: Value,
        prev_top: *mut Value,
        flags: u8,
    ) -> *mut Frame {
        let nlocals = code.data.nlocalsplus as usize;
        let keepalive = if func.is_empty() {
            crate::types::tuple::new_tuple(vec![
                code.to_value(),
                globals.to_value(),
                builtins.to_value(),
            ])
        } else {
            Value::EMPTY
        };
        let f = region as *mut Frame;
        ptr::write(
            f,
            Frame {
                code,
                func,
                globals,
                builtins,
                keepalive,
                locals,
                prev_top,
                stack_depth: 0,
                ip: 0,
                lasti: 0,
                flags,
                generator: ptr::null(),
            },
        );
        let lp = region.add(FRAME_SLOTS);
        for i in 0..nlocals {
            ptr::write(lp.add(i), Value::EMPTY);
        }
        f
    }

    /// Drops every live value in the frame (locals, stack) and the header's references.
    ///
    /// # Safety
    /// `f` must be a live, initialized frame that is no longer executing.
    pub unsafe fn clear(f: *mut Frame) {
        let nlocals = (*f).code().data.nlocalsplus as usize;
        let lp = (*f).localsplus();
        let depth = (*f).stack_depth as usize;
        let sb = lp.add(nlocals);
        for i in 0..depth {
            ptr::drop_in_place(sb.add(i));
        }
        (*f).stack_depth = 0;
        for i in 0..nlocals {
            ptr::drop_in_place(lp.add(i));
        }
        ptr::drop_in_place(f);
    }
}

/// Slots per data-stack chunk (frames larger than this get a chunk of their own).
const CHUNK_SLOTS: usize = 64 * 1024;

struct Chunk {
    base: *mut Value,
    slots: usize,
}

/// A thread's stack of frame regions: a list of chunks that never move.
pub struct DataStack {
    chunks: Vec<Chunk>,
    /// Index of the chunk holding `top`.
    current: usize,
    top: *mut Value,
    limit: *mut Value,
}

impl DataStack {
    pub fn new() -> DataStack {
        let mut ds = DataStack {
            chunks: Vec::new(),
            current: 0,
            top: ptr::null_mut(),
            limit: ptr::null_mut(),
        };
        ds.push_chunk(CHUNK_SLOTS);
        ds
    }

    fn push_chunk(&mut self, min_slots: usize) {
        let slots = min_slots.max(CHUNK_SLOTS);
        let layout = AllocLayout::array::<Value>(slots).expect("chunk size");
        let base = unsafe { alloc(layout) as *mut Value };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        self.chunks.push(Chunk { base, slots });
        self.current = self.chunks.len() - 1;
        self.top = base;
        self.limit = unsafe { base.add(slots) };
    }

    /// Reserves `slots` contiguous slots. Returns the region and the top to restore later.
    #[inline(always)]
    pub fn alloc(&mut self, slots: usize) -> (*mut Value, *mut Value) {
        let prev = self.top;
        if (self.limit as usize - self.top as usize) / size_of::<Value>() >= slots {
            self.top = unsafe { self.top.add(slots) };
            return (prev, prev);
        }
        self.alloc_slow(slots, prev)
    }

    #[cold]
    fn alloc_slow(&mut self, slots: usize, prev: *mut Value) -> (*mut Value, *mut Value) {
        // Reuse the next chunk if it exists and is big enough; otherwise make a new one.
        let next = self.current + 1;
        if next < self.chunks.len() && self.chunks[next].slots >= slots {
            self.current = next;
            let c = &self.chunks[next];
            self.top = unsafe { c.base.add(slots) };
            self.limit = unsafe { c.base.add(c.slots) };
            return (c.base, prev);
        }
        // Drop chunks beyond the current one (too small) and add a fitting one.
        while self.chunks.len() > next {
            let c = self.chunks.pop().expect("non-empty");
            unsafe {
                dealloc(
                    c.base as *mut u8,
                    AllocLayout::array::<Value>(c.slots).expect("chunk size"),
                )
            };
        }
        self.push_chunk(slots);
        let base = self.top;
        self.top = unsafe { base.add(slots) };
        (base, prev)
    }

    /// Releases everything above `prev_top` (the value returned by `alloc`).
    #[inline(always)]
    pub fn release(&mut self, prev_top: *mut Value) {
        let c = &self.chunks[self.current];
        let in_current =
            prev_top as usize >= c.base as usize && prev_top as usize <= self.limit as usize;
        if in_current {
            self.top = prev_top;
        } else {
            self.release_slow(prev_top);
        }
    }

    #[cold]
    fn release_slow(&mut self, prev_top: *mut Value) {
        for (i, c) in self.chunks.iter().enumerate() {
            let end = unsafe { c.base.add(c.slots) };
            if prev_top as usize >= c.base as usize && prev_top as usize <= end as usize {
                self.current = i;
                self.top = prev_top;
                self.limit = end;
                return;
            }
        }
    }
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}

impl Drop for DataStack {
    fn drop(&mut self) {
        for c in self.chunks.drain(..) {
            unsafe {
                dealloc(
                    c.base as *mut u8,
                    AllocLayout::array::<Value>(c.slots).expect("chunk size"),
                )
            };
        }
    }
}

/// A heap region with frame layout, owned by a generator.
pub struct FrameBox {
    base: *mut Value,
    slots: usize,
    /// Whether the frame header in the region is initialized and live.
    pub live: bool,
}

unsafe impl Send for FrameBox {}
unsafe impl Sync for FrameBox {}

impl FrameBox {
    pub fn new(slots: usize) -> FrameBox {
        let layout = AllocLayout::array::<Value>(slots.max(1)).expect("frame size");
        let base = unsafe { alloc(layout) as *mut Value };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        FrameBox {
            base,
            slots: slots.max(1),
            live: false,
        }
    }

    pub fn frame(&self) -> *mut Frame {
        self.base as *mut Frame
    }

    pub fn base(&self) -> *mut Value {
        self.base
    }

    pub fn slots(&self) -> usize {
        self.slots
    }
}

impl Drop for FrameBox {
    fn drop(&mut self) {
        if self.live {
            unsafe { Frame::clear(self.frame()) };
        }
        unsafe {
            dealloc(
                self.base as *mut u8,
                AllocLayout::array::<Value>(self.slots).expect("frame size"),
            )
        };
    }
}
