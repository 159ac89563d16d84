#![no_main]
//! The `load_toml` target: see `archsim_fuzz::check_load_toml` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_load_toml(data));
