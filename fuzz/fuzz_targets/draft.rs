#![no_main]
//! The `draft` target: see `archsim_fuzz::check_draft` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_draft(data));
