//! krait-compiler
