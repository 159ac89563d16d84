//! Single points of failure: the dominator-based answer must equal a
//! brute-force oracle (fail each component alone, see which flows go down),
//! on the Tomoda model and on synthetic models with redundant routes.

mod common;

use archsim_core::synth::{SynthOptions, generate};
use archsim_core::*;
use common::*;

/// For every flow, the components whose failure alone takes it down.
fn oracle(engine: &Engine) -> Vec<Vec<CompId>> {
    let mut out = vec![Vec::new(); engine.model().flows.len()];
    for i in 0..engine.model().components.len() {
        let c = CompId::from_index(i);
        let selection = Selection {
            failed: [c].into(),
            ..Default::default()
        };
        for flow in engine.simulate(&selection).flows {
            if flow.state == State::Down {
                out[flow.flow.index()].push(c);
            }
        }
    }
    out
}

fn assert_matches_oracle(engine: &Engine, label: &str) {
    let expected = oracle(engine);
    for spof in engine.spof() {
        assert_eq!(
            ids(engine, &spof.components),
            ids(engine, &expected[spof.flow.index()]),
            "{label}: flow {}",
            engine.model().flows[spof.flow.index()].id
        );
    }
}

#[test]
fn tomoda_spof_equals_brute_force() {
    assert_matches_oracle(&engine(), "tomoda");
}

#[test]
fn synthetic_spof_equals_brute_force() {
    for (components, seed) in [(40, 1), (120, 2), (300, 3), (300, 4)] {
        let source = generate(&SynthOptions { components, seed });
        let engine = Engine::from_str("synth.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
        assert_matches_oracle(&engine, &format!("synth {components}/{seed}"));
    }
}

#[test]
fn redundant_ingress_replicas_are_not_spofs_but_what_they_share_is() {
    let source = generate(&SynthOptions {
        components: 40,
        seed: 1,
    });
    let engine = Engine::from_str("synth.toml", &source).unwrap();
    let flow = engine.model().flow_by_id("h0.synth.test").unwrap();
    let spof = ids(&engine, &engine.spof_of(flow));
    assert!(!spof.iter().any(|c| c.starts_with("ingress-")), "{spof:?}");
    assert!(
        spof.contains(&"cluster-0".to_owned()),
        "both replicas run in the same cluster: {spof:?}"
    );
    assert!(spof.contains(&"lb-0".to_owned()));
}

#[test]
fn tomoda_spofs_read_like_the_document() {
    let e = engine();
    let spof = |flow: &str| ids(&e, &e.spof_of(e.model().flow_by_id(flow).unwrap()));
    assert_eq!(
        spof("assets.tomoda.life"),
        ["cloudflare-zone", "cloudfront-prod"],
        "S3 is behind a cache"
    );
    let api = spof("api.tomoda.life");
    for c in [
        "cloudflare-zone",
        "gke",
        "gke-vpc",
        "gcp-lb",
        "traefik",
        "tomoda-api-prod",
        "cnpg",
        "redis",
    ] {
        assert!(api.contains(&c.to_owned()), "{c} in {api:?}");
    }
    assert!(
        !api.contains(&"backup-bucket".to_owned()),
        "backups are a safety net, not a request dependency"
    );
    assert!(
        !api.contains(&"registry-prod".to_owned()),
        "images matter at start-up only"
    );
    assert!(
        !api.contains(&"tomoda-api-dev".to_owned()) && !api.contains(&"registry-dev".to_owned()),
        "the prod API does not lean on dev: {api:?}"
    );
}

/// Failing more never makes a flow better: checked over every pair.
#[test]
fn failing_more_never_helps() {
    let e = engine();
    let n = e.model().components.len();
    let singles: Vec<Outcome> = (0..n)
        .map(|i| {
            e.simulate(&Selection {
                failed: [CompId::from_index(i)].into(),
                ..Default::default()
            })
        })
        .collect();
    for a in 0..n {
        for b in a + 1..n {
            let both = e.simulate(&Selection {
                failed: [CompId::from_index(a), CompId::from_index(b)].into(),
                ..Default::default()
            });
            for (i, flow) in both.flows.iter().enumerate() {
                let worst_single = singles[a].flows[i].state.max(singles[b].flows[i].state);
                assert!(flow.state >= worst_single, "pair {a},{b} flow {i}");
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// The dominator answer equals the oracle on random generated models.
    #[test]
    fn random_model_spof_equals_brute_force(components in 40usize..=100, seed: u64) {
        let source = generate(&SynthOptions { components, seed });
        let engine = Engine::from_str("synth.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
        assert_matches_oracle(&engine, &format!("synth {components}/{seed}"));
    }
}
