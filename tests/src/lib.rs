//! The static site server shared by `cargo xtask serve` and the end-to-end
//! tests: std only, so the build tool stays light.

pub mod csp;
pub mod server;
