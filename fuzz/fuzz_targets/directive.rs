#![no_main]
//! The `directive` target: see `archsim_fuzz::check_directive` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_directive(data));
