#![no_main]
//! The `codec_decode` target: see `archsim_fuzz::check_codec_decode` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| archsim_fuzz::check_codec_decode(data));
