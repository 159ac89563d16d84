#![no_main]
//! The `host` target: see `archsim_fuzz::check_host` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_host(data));
