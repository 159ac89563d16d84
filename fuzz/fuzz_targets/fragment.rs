#![no_main]
//! The `fragment` target: see `archsim_fuzz::check_fragment` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_fragment(data));
