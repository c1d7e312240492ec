//! krait-vm
