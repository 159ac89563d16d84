//! End-to-end tests of the `archsim` binary: every command and error path
//! run as a user would run them.
//!
//! - `basis`: every answer says what it rests on (checked or assumed, facts,
//!   assumptions with where to settle them);
//! - `cases`: a table of arguments, exit codes and expected JSON values or text;
//! - `snapshots`: the human output of the main commands, compared with
//!   `tests/snapshots/*.txt` (regenerate with `UPDATE_SNAPSHOTS=1`);
//! - `hostile`: broken model files written at test time;
//! - `exports`: the diagrams and the JSON export;
//! - `docs`: the examples in `JSON.md` against the real output;
//! - `tasks`: the snippets and outputs of the book's "Common tasks" page;
//! - `schema`: `archsim schema` against the committed schema, the shipped
//!   model and the loader;
//! - `terminal`: terminal escapes in a model or an argument are shown, never obeyed.

mod basis;
mod cases;
mod common;
mod diff;
mod docs;
mod exports;
mod hostile;
mod schema;
mod snapshots;
mod tasks;
mod terminal;
