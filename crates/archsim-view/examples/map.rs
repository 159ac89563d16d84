//! Print the Tomoda map as a standalone HTML page (stylesheet included), to
//! look at the layout in a browser:
//!
//! `cargo run -p archsim-view --example map -- [HOST | synth:N] > map.html`
//!
//! With a host, the route to it is highlighted; `synth:N` draws a generated
//! model of N components instead.

use archsim_core::{Engine, Selection};
use archsim_view::layout::{LayoutOptions, layout};
use archsim_view::present::route_states;
use archsim_view::svg::{MapOptions, map_svg};

fn main() {
    let arg = std::env::args().nth(1);
    let synth = arg
        .as_deref()
        .and_then(|a| a.strip_prefix("synth:"))
        .and_then(|n| n.parse().ok());
    let loaded = match synth {
        Some(components) => Engine::from_str(
            "synthetic.toml",
            &archsim_core::synth::generate(&archsim_core::synth::SynthOptions {
                components,
                seed: 1,
            }),
        ),
        None => Engine::tomoda(),
    };
    let engine = match loaded {
        Ok(engine) => engine,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    };
    let mut options = MapOptions::default();
    if let Some(host) = arg.filter(|_| synth.is_none()) {
        match engine.route(&host, &Selection::default()) {
            Ok(route) => {
                options.highlight = route.hops.iter().map(|h| h.component).collect();
                options.states = route_states(&route);
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let layout = layout(engine.model(), &LayoutOptions::default());
    println!(
        "<!doctype html><meta charset=utf-8><style>{}</style><body style=\"margin:0\">{}</body>",
        archsim_view::STYLE_CSS,
        map_svg(&engine, &layout, &options)
    );
}
