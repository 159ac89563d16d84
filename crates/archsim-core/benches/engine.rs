//! Criterion benchmarks of the core: the Tomoda model's every question, and
//! synthetic models of growing size.
//!
//! Run: `cargo bench -p archsim-core --bench engine` (or `cargo xtask bench`).
//! `ARCHSIM_BENCH_SIZES=1000,10000,100000` picks the synthetic sizes.

use std::hint::black_box;

use archsim_core::synth::{SynthOptions, change_services, generate};
use archsim_core::*;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn tomoda(c: &mut Criterion) {
    let engine = Engine::tomoda().expect("the shipped model loads");
    let model = engine.model();
    let cloudfront = select::select(model, &["cloudfront"], &[]).unwrap();
    let n = model.components.len();

    let mut group = c.benchmark_group("tomoda");
    group.bench_function("load (parse + validate + graph)", |b| {
        b.iter(|| Engine::from_str(TOMODA_MODEL_FILE, black_box(TOMODA_MODEL)).unwrap())
    });
    group.bench_function("route app.tomoda.life", |b| {
        b.iter(|| {
            engine
                .route(black_box("app.tomoda.life"), &Selection::default())
                .unwrap()
        })
    });
    group.bench_function("route assets under a CloudFront outage", |b| {
        b.iter(|| {
            engine
                .route(black_box("https://assets.tomoda.life/x.png"), &cloudfront)
                .unwrap()
        })
    });
    group.bench_function("fail cloudfront: every flow", |b| {
        b.iter(|| engine.simulate(black_box(&cloudfront)))
    });
    group.bench_function("spof: every flow", |b| b.iter(|| engine.spof()));
    let request_origin = TOMODA_MODEL.replacen(
        "to = \"s3-assets-prod\"\nkind = \"cached\"",
        "to = \"s3-assets-prod\"\nkind = \"request\"",
        1,
    );
    assert_ne!(
        request_origin, TOMODA_MODEL,
        "the bench edits CloudFront's origin edge"
    );
    group.bench_function("diff: origin edge cached → request (both loads)", |b| {
        b.iter(|| {
            let old = Engine::from_str("old.toml", black_box(TOMODA_MODEL)).unwrap();
            let new = Engine::from_str("new.toml", black_box(&request_origin)).unwrap();
            (
                diff::changes(old.model(), new.model()),
                diff::impact(&old, &new),
                diff::assumptions(old.model(), new.model()),
            )
        })
    });
    group.bench_function("place (conflict case)", |b| {
        b.iter(|| {
            place::place(
                model,
                black_box(&["public-cacheable-assets", "reached-from-cluster"]),
            )
            .unwrap()
        })
    });
    group.bench_function("sweep: every single and pair failure", |b| {
        b.iter(|| {
            let mut down = 0usize;
            for a in 0..n {
                for z in a..n {
                    let failed = [CompId::from_index(a), CompId::from_index(z)].into();
                    let outcome = engine.simulate(&Selection {
                        failed,
                        ..Default::default()
                    });
                    down += outcome
                        .flows
                        .iter()
                        .filter(|f| f.state == State::Down)
                        .count();
                }
            }
            down
        })
    });
    group.finish();
}

fn sizes() -> Vec<usize> {
    std::env::var("ARCHSIM_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

fn synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for size in sizes() {
        let source = generate(&SynthOptions {
            components: size,
            seed: 1,
        });
        let engine = Engine::from_str("synth.toml", &source).expect("generated models load");
        let host = engine.model().records[engine.model().records.len() / 2]
            .host
            .clone();
        let region = select::select(engine.model(), &["home-0-down"], &[]).unwrap();
        group.bench_with_input(
            BenchmarkId::new("load (parse + validate + graph)", size),
            &source,
            |b, s| b.iter(|| Engine::from_str("synth.toml", black_box(s)).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("spof: every flow", size),
            &engine,
            |b, e| b.iter(|| e.spof()),
        );
        group.bench_with_input(BenchmarkId::new("route", size), &engine, |b, e| {
            b.iter(|| e.route(black_box(&host), &Selection::default()).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("fail a region: every flow", size),
            &engine,
            |b, e| b.iter(|| e.simulate(black_box(&region))),
        );
        // A proposed change of 1 % of the components: size / 100
        // services, spread evenly, each with its first dependency's kind
        // changed (request to cached, or back). As `archsim diff` runs it:
        // both loads, the changes, the impact, the assumptions.
        let changed = change_services(&source, size / 100, 0);
        assert_ne!(changed, source, "the bench changes the model");
        group.bench_with_input(
            BenchmarkId::new("diff: 1 % of the components changed (both loads)", size),
            &(&source, &changed),
            |b, (old, new)| {
                b.iter(|| {
                    let old = Engine::from_str("old.toml", black_box(old)).unwrap();
                    let new = Engine::from_str("new.toml", black_box(new)).unwrap();
                    (
                        diff::changes(old.model(), new.model()),
                        diff::impact(&old, &new),
                        diff::assumptions(old.model(), new.model()),
                    )
                })
            },
        );
    }
    group.finish();
}

/// Hostile models of the kinds issue 16 found: each must load in about the
/// time of its size, not of what it multiplies.
fn hostile(c: &mut Criterion) {
    // Six scenarios, each naming the next 50 times (22 s before).
    let mut fan = String::from(TOMODA_MODEL);
    for level in 0..6 {
        let next = if level == 5 {
            "\"gke\"".to_owned()
        } else {
            vec![format!("\"fan-{}\"", level + 1); 50].join(", ")
        };
        fan.push_str(&format!(
            "\n[[scenario]]\nid = \"fan-{level}\"\nname = \"Fan {level}\"\nfail = [{next}]\n"
        ));
    }
    // A 200,000-character id and unknown reference (an abort before).
    let long = format!(
        "{TOMODA_MODEL}\n[[component]]\nid = \"{}\"\nname = \"Long\"\nkind = \"service\"\n\
         provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nruns_in = \"{}\"\n",
        "x".repeat(200_000),
        "y".repeat(200_000)
    );
    // 10,000 unknown references: 100 diagnostics and a count.
    let mut many = String::from(TOMODA_MODEL);
    for i in 0..10_000 {
        many.push_str(&format!(
            "\n[[component]]\nid = \"extra-{i}\"\nname = \"Extra {i}\"\nkind = \"service\"\n\
             provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nruns_in = \"nowhere-{i}\"\n"
        ));
    }
    // 64 writers, each with one `*` pattern, the most a model may have.
    let mut wild = String::from(TOMODA_MODEL);
    for w in 1..archsim_core::limits::MAX_WILD_PATTERNS {
        wild.push_str(&format!(
            "\n[[writer]]\nid = \"wild-{w}\"\nname = \"Wild {w}\"\nsource = \"dns/{w}.tf\"\n\
             owns = [\"*.w{w}.tomoda.life\"]\nadds = \"a test writer\"\nserves = \"test hosts\"\n"
        ));
    }
    // One scenario naming 5,000 products (selectors scanned every
    // component before).
    let mut products = String::from(TOMODA_MODEL);
    let mut named = Vec::new();
    for i in 0..5_000 {
        products.push_str(&format!(
            "\n[[component]]\nid = \"p-{i}\"\nname = \"P {i}\"\nkind = \"service\"\n\
             product = \"p-{i}\"\nprovider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nruns_in = \"gke\"\n"
        ));
        named.push(format!("\"product:p-{i}\""));
    }
    products.push_str(&format!(
        "\n[[scenario]]\nid = \"every\"\nname = \"Every\"\nfail = [{}]\n",
        named.join(", ")
    ));
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, source) in [
        ("scenario fan-out 50^5", &fan),
        ("200,000-character ids", &long),
        ("10,000 errors", &many),
        ("64 writer patterns with a *", &wild),
        ("a scenario of 5,000 product selectors", &products),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| load_str("hostile.toml", black_box(source)))
        });
    }
    group.finish();
}

criterion_group!(benches, tomoda, synthetic, hostile);
criterion_main!(benches);
