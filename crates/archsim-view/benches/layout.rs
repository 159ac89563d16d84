//! Layout and rendering speed: the Tomoda model and generated models of
//! growing size. The budget is well under 100 ms at 1,000 components.

use archsim_core::Engine;
use archsim_core::synth::{SynthOptions, generate};
use archsim_view::layout::{LayoutOptions, layout};
use archsim_view::svg::{MapOptions, map_svg};
use criterion::{Criterion, criterion_group, criterion_main};

fn engines() -> Vec<(String, Engine)> {
    let mut out = vec![(
        "tomoda".to_owned(),
        Engine::tomoda().expect("the Tomoda model loads"),
    )];
    for components in [100, 1000] {
        let source = generate(&SynthOptions {
            components,
            seed: 1,
        });
        let engine = Engine::from_str("synthetic.toml", &source).expect("the model loads");
        out.push((format!("synthetic-{components}"), engine));
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = LayoutOptions::default();
    for (name, engine) in engines() {
        c.bench_function(&format!("layout/{name}"), |b| {
            b.iter(|| layout(engine.model(), &options))
        });
        let l = layout(engine.model(), &options);
        c.bench_function(&format!("map_svg/{name}"), |b| {
            b.iter(|| map_svg(&engine, &l, &MapOptions::default()))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
