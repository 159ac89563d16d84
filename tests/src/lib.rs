//! The static site server shared by `cargo xtask serve` and the end-to-end
//! tests, and the size budgets the build and the tests both hold: std only,
//! so the build tool stays light.

pub mod budget;
pub mod csp;
pub mod server;
pub mod site;
