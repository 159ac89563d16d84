//! Terminal output: colour, tables, wrapped text and rustc-style diagnostics.
//! Nothing here knows what a route or a flow is; the commands do.

pub mod diagnostic;
pub mod shown;
pub mod style;
pub mod table;
pub mod text;

pub use shown::shown;
pub use style::{ColorChoice, Style};
pub use table::Table;
pub use text::{list, wrap};
