#![no_main]
//! The `select` target: see `archsim_fuzz::check_select` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_select(data));
