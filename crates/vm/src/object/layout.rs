//! The layout table: one line per Rust payload struct.
//!
//! `layouts!` generates the `Layout` tag enum, the `Payload` impls that tie each struct to its
//! tag, the deallocation dispatch and the offset of instance attributes for each layout.
//! Adding a payload type means adding one line here.

use super::{free_object, Header, Obj, WithAttrs};

/// A Rust payload struct that can live in a heap object.
///
/// # Safety
/// `LAYOUT` must be unique to the implementing type (guaranteed by `layouts!`).
pub unsafe trait Payload: Send + Sync + Sized + 'static {
    const LAYOUT: Layout;
}

macro_rules! layouts {
    ($($name:ident => $ty:ty,)*) => {
        /// Which Rust payload struct follows a heap object's header.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Layout {
            $($name,)*
        }

        $(unsafe impl Payload for $ty {
            const LAYOUT: Layout = Layout::$name;
        })*

        /// Frees a dead object of any layout.
        ///
        /// # Safety
        /// `ptr` must be a dead object allocated by `object::alloc*`.
        pub(super) unsafe fn free(ptr: *mut Header) {
            match (*ptr).layout() {
                $(Layout::$name => free_object::<$ty>(ptr),)*
            }
        }

        /// Byte offset of `InstanceAttrs` in an object of this layout that has them.
        pub(super) fn attrs_offset(layout: Layout) -> usize {
            match layout {
                $(Layout::$name => std::mem::offset_of!(Obj<WithAttrs<$ty>>, data.attrs),)*
            }
        }
    };
}

use crate::types::*;

layouts! {
    Object => object::ObjectData,
    Type => typeobj::TypeData,
    Int => int::IntData,
    Float => float::FloatData,
    Complex => complex::ComplexData,
    Str => str::StrData,
    Bytes => bytes::BytesData,
    ByteArray => bytes::ByteArrayData,
    Tuple => tuple::TupleData,
    List => list::ListData,
    Dict => dict::DictData,
    Set => set::SetData,
    Range => range::RangeData,
    Slice => slice::SliceData,
    Function => function::FunctionData,
    BuiltinFunction => builtin_func::BuiltinFunctionData,
    BoundMethod => method::BoundMethodData,
    Code => code::CodeData,
    Cell => cell::CellData,
    Module => module::ModuleData,
    Generator => generator::GeneratorData,
    BaseException => exception::ExceptionData,
    Traceback => traceback::TracebackData,
    Frame => traceback::FrameData,
    Property => descriptors::PropertyData,
    ClassMethod => descriptors::ClassMethodData,
    StaticMethod => descriptors::StaticMethodData,
    GetSetDescr => descriptors::GetSetData,
    MemberDescr => descriptors::MemberData,
    Super => super_::SuperData,
    MappingProxy => dict::MappingProxyData,
    DictView => dict::DictViewData,
    DictIter => dict::DictIterData,
    SetIter => set::SetIterData,
    SeqIter => iter::SeqIterData,
    RangeIter => range::RangeIterData,
    StrIter => str::StrIterData,
    CallIter => iter::CallIterData,
    Enumerate => functional::EnumerateData,
    Zip => functional::ZipData,
    Map => functional::MapData,
    Filter => functional::FilterData,
    Reversed => iter::ReversedData,
    TextFile => file::TextFileData,
}
