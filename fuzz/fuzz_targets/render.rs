#![no_main]
//! The `render` target: see `archsim_fuzz::check_render` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_render(data));
