//! What the browser test files and the browser benchmark share: the site
//! folder and its server, chromedriver and browser sessions, the harness
//! on libtest-mimic, gzip sizes, and the engine's expected answers.
//!
//! Each test file uses part of it, hence `dead_code` is allowed here.
#![allow(dead_code)]

pub mod browser;
pub mod expect;
pub mod fit;
pub mod gzip;
pub mod keys;
pub mod questions;
pub mod runner;
pub mod site;
pub mod theme;
pub mod widget;
