//! Write the seed corpus of every fuzz target into `fuzz/corpus/`:
//! `cargo run -p archsim-fuzz --example seed`. The fuzzer grows it from
//! here; `cargo fuzz cmin` keeps it small.

use std::path::Path;

use archsim_core::codec::encode;
use archsim_core::synth::{SynthOptions, generate};
use archsim_core::{Engine, load_str};

fn main() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let put = |target: &str, name: &str, data: &[u8]| {
        let dir = fuzz.join(target);
        std::fs::create_dir_all(&dir).expect("a writable corpus folder");
        std::fs::write(dir.join(name), data).expect("a writable corpus file");
    };
    let tomoda = Engine::tomoda().expect("the shipped model loads");
    put("codec_decode", "tomoda", &encode(tomoda.model()));
    put(
        "load_toml",
        "tomoda.toml",
        archsim_core::TOMODA_MODEL.as_bytes(),
    );
    for seed in [1, 2] {
        let source = generate(&SynthOptions {
            components: 40,
            seed,
        });
        let model = load_str("synth.toml", &source)
            .model
            .expect("a generated model loads");
        put("codec_decode", &format!("synth-40-{seed}"), &encode(&model));
        put(
            "load_toml",
            &format!("synth-40-{seed}.toml"),
            source.as_bytes(),
        );
    }
    let texts: &[(&str, &[&str])] = &[
        (
            "fragment",
            &[
                "#v1;w=2;tab=fail;host=app.tomoda.life;fail=cloudfront-prod,redis;sc=cloudfront-outage;sel=gke;z=1.5,10,20",
                "#v1;step=3;spof=1;ans=holds-state,public-cacheable-assets;audit=1;dns=api.tomoda.life;q=redis",
                "#v2;w=1",
                "#routing",
                "#v1;x;y=%41%zz;fail=%2C,,a",
            ],
        ),
        (
            "directive",
            &[
                "# Page\n\n{{#archsim map}}\n\ntext {{#archsim route host=\"app.tomoda.life\" fail=\"redis\"}} more\n",
                "\\{{#archsim map}} {{#archsim table providers}} {{#archsimfoo}} {{#include x}}\n",
                "{{#archsim claim route host=\"a\\\"b\" says=\"x\"\n\n}}",
                "{{#archsim",
            ],
        ),
        (
            "host",
            &[
                "HTTPS://App.Tomoda.Life.:443/path?q#f",
                "user@api.tomoda.life:8080",
                "//assets.tomoda.life",
                "[::1]:80",
                "a..b",
                "xn--bcher-kva.example",
            ],
        ),
        (
            "select",
            &[
                "cloudfront-prod",
                "provider:aws",
                "region:asia-east1",
                "kind:bucket",
                "env:dev",
                "terraform:infrastructure/gcp/",
                "scenario:cloudfront-outage",
                "cloudfrnt",
                "redis\ngke\nprovider:gcp",
                "nope:thing",
            ],
        ),
        (
            "render",
            &[
                "<script>alert(1)</script>\0a\"b'c&d\n\n</p>\0",
                "\0 \0-",
                "long name with many words that wrap across lines - and-hyphens",
            ],
        ),
    ];
    for (target, inputs) in texts {
        for (i, input) in inputs.iter().enumerate() {
            put(target, &format!("seed-{i}"), input.as_bytes());
        }
    }
}
