//! Hostile models stay cheap: every cost the loader and the engine pay is
//! bounded by the size of the input, not by what the input multiplies.
//! No test here measures time; each uses an input on which the old code
//! ran for minutes (or aborted) and asserts the answer.

mod common;

use archsim_core::diag::MAX_DIAGNOSTICS;
use archsim_core::load::MAX_ID_CHARS;
use archsim_core::*;
use common::*;

/// `levels` scenarios, each naming the next `fan` times; the last fails `gke`.
fn fan_out(levels: usize, fan: usize) -> String {
    let mut text = String::from(TOMODA_MODEL);
    for level in 0..levels {
        let next = if level + 1 == levels {
            "\"gke\"".to_owned()
        } else {
            vec![format!("\"fan-{}\"", level + 1); fan].join(", ")
        };
        text.push_str(&format!(
            "\n[[scenario]]\nassumption = \"a test fixture\"\nid = \"fan-{level}\"\nname = \"Fan {level}\"\nfail = [{next}]\n"
        ));
    }
    text
}

#[test]
fn scenario_expansion_is_linear_in_the_scenario_graph() {
    // (levels, times each names the next): 100^7 expansions for the old
    // loader, which also took a chain of more than five scenarios for a
    // loop; a chain far longer than a thread's stack allows recursing into.
    for (levels, fan) in [(8, 100), (20_000, 1)] {
        let source = fan_out(levels, fan);
        let loaded = load_str("fan.toml", &source);
        let model = loaded
            .model
            .unwrap_or_else(|| panic!("{levels}×{fan}: {:#?}", loaded.diagnostics));
        let selection = select::select(&model, &["fan-0"], &[]).expect("selects");
        let gke = model.component_by_id("gke").expect("gke");
        assert_eq!(selection.failed.iter().copied().collect::<Vec<_>>(), [gke]);
        // Each scenario once, however often it is named.
        assert_eq!(selection.scenarios.len(), levels);
        let again =
            select::select(&model, &["fan-0", "scenario:fan-3"], &["fan-5"]).expect("selects");
        assert_eq!(again.scenarios.len(), levels);
        assert!(again.restarting.contains(&gke));
    }
}

#[test]
fn a_scenario_loop_behind_a_fan_out_is_one_cycle_diagnostic() {
    // The last scenario names the first: a loop, found once, at the selector
    // that closes it.
    let source = fan_out(8, 100).replace("fail = [\"gke\"]", "fail = [\"fan-0\"]");
    let loaded = load_str("fan.toml", &source);
    assert!(loaded.model.is_none());
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["cycle"], "{:#?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    let line = source.lines().nth(d.line - 1).unwrap_or_default();
    assert_eq!(line, "fail = [\"fan-0\"]", "{d}");
}

/// The shipped model with one more component, `id`, that runs in `runs_in`.
fn with_component(id: &str, runs_in: &str) -> String {
    format!(
        "{TOMODA_MODEL}\n[[component]]\nassumption = \"a test fixture\"\nid = \"{id}\"\nname = \"Extra {id}\"\nkind = \"service\"\n\
         provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nruns_in = \"{runs_in}\"\n"
    )
}

#[test]
fn long_ids_get_a_diagnostic_and_no_quadratic_suggestion() {
    // The old suggester compared the two 200,000-character words in a
    // 320 GB table and the process aborted.
    let long = "x".repeat(200_000);
    let unknown = "y".repeat(200_000);
    let just_over = "a".repeat(MAX_ID_CHARS + 1);
    // (what, source, codes, a part of every message's text)
    let cases = [
        (
            "long id, long unknown reference",
            with_component(&long, &unknown),
            vec!["id-too-long", "unknown-reference"],
        ),
        ("long id", with_component(&long, "gke"), vec!["id-too-long"]),
        (
            "one character over the cap",
            with_component(&just_over, "gke"),
            vec!["id-too-long"],
        ),
        (
            "at the cap",
            with_component(&"a".repeat(MAX_ID_CHARS), "gke"),
            vec![],
        ),
    ];
    for (what, source, codes) in cases {
        let loaded = load_str("long.toml", &source);
        let found: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(found, codes, "{what}");
        assert_eq!(loaded.model.is_some(), codes.is_empty(), "{what}");
        for d in &loaded.diagnostics {
            // A message quotes at most an excerpt of a long word.
            assert!(d.message.len() < 400, "{what}: {}", d.message.len());
            let line = source.lines().nth(d.line - 1).unwrap_or_default();
            assert!(
                line.starts_with("id = ") || line.starts_with("runs_in = "),
                "{what}: {d}"
            );
        }
    }
}

#[test]
fn suggestions_stay_bounded_for_long_and_many_candidates() {
    let long = "ab".repeat(100_000);
    let filler: Vec<String> = (0..suggest::MAX_CANDIDATES)
        .map(|i| format!("unrelated-word-{i}"))
        .collect();
    let with = |first: bool| {
        let mut list: Vec<&str> = filler.iter().map(String::as_str).collect();
        list.insert(if first { 0 } else { list.len() }, "gke-cluster");
        list
    };
    // (wanted, candidates, expected suggestions)
    let cases: Vec<(&str, Vec<&str>, Vec<&str>)> = vec![
        // Longer than any word compared, however alike.
        (&long, vec![&long[1..], &long[..199_999]], vec![]),
        (
            "gke",
            vec![&long, "gke-vpc", "gkee"],
            vec!["gkee", "gke-vpc"],
        ),
        // Only the first candidates are looked at.
        ("gke-clustr", with(true), vec!["gke-cluster"]),
        ("gke-clustr", with(false), vec![]),
    ];
    for (wanted, candidates, expected) in cases {
        let near = suggest::nearest(wanted, candidates, 2);
        assert_eq!(near, expected, "{}", &wanted[..wanted.len().min(20)]);
    }
}

#[test]
fn diagnostics_stop_at_the_cap_and_say_how_many_more() {
    // 10,000 components that each run in an unknown cluster: 10,000 errors.
    // (The unknown names are far in length from every id, so that the
    // near names of the kept ones are quick to rule out in a debug build.)
    let mut source = String::from(TOMODA_MODEL);
    for i in 0..10_000 {
        source.push_str(&format!(
            "\n[[component]]\nassumption = \"a test fixture\"\nid = \"extra-{i}\"\nname = \"Extra {i}\"\nkind = \"service\"\n\
             provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nruns_in = \"a-cluster-that-is-not-in-the-model-{i}\"\n"
        ));
    }
    let loaded = load_str("many.toml", &source);
    assert!(loaded.model.is_none());
    let d = &loaded.diagnostics;
    assert_eq!(d.len(), MAX_DIAGNOSTICS + 1);
    assert!(
        d[..MAX_DIAGNOSTICS]
            .iter()
            .all(|d| d.code == "unknown-reference")
    );
    // The kept ones are the first in the file, in order, each at its line.
    assert_eq!(
        source.lines().nth(d[0].line - 1),
        Some("runs_in = \"a-cluster-that-is-not-in-the-model-0\"")
    );
    assert_eq!(
        source.lines().nth(d[MAX_DIAGNOSTICS - 1].line - 1),
        Some("runs_in = \"a-cluster-that-is-not-in-the-model-99\"")
    );
    let last = &d[MAX_DIAGNOSTICS];
    assert_eq!(last.code, "too-many-diagnostics");
    assert!(last.is_error());
    assert!(last.message.contains("and 9900 more"), "{}", last.message);
}

#[test]
fn long_patterns_and_large_loops_get_short_diagnostics() {
    let pattern = format!("{}.tomoda.life", "*a".repeat(5_000));
    let mut looped = String::from(TOMODA_MODEL);
    for i in 0..5_000 {
        looped.push_str(&with_component(&format!("loop-{i}"), "gke")[TOMODA_MODEL.len()..]);
        looped.push_str(&format!(
            "\n[[edge]]\nassumption = \"a test fixture\"\nfrom = \"loop-{i}\"\nto = \"loop-{}\"\nkind = \"request\"\n",
            (i + 1) % 5_000
        ));
    }
    // (what, source, code, a part of the message)
    let cases = [
        (
            "a pattern longer than a host",
            tomoda_with(
                "owns = [\"assets.tomoda.life\"",
                &format!("owns = [\"{pattern}\", \"assets.tomoda.life\""),
            ),
            "pattern-too-long",
            "is 10012 characters long; the limit is 253",
        ),
        (
            "a loop through 5,000 components",
            looped,
            "cycle",
            "and 4990 more",
        ),
    ];
    for (what, source, code, part) in cases {
        let loaded = load_str("m.toml", &source);
        let d: Vec<&Diagnostic> = loaded.diagnostics.iter().collect();
        assert_eq!(d.len(), 1, "{what}: {d:#?}");
        assert_eq!(d[0].code, code, "{what}");
        assert!(d[0].message.contains(part), "{what}: {}", d[0].message);
        assert!(d[0].message.len() < 1_000, "{what}: {}", d[0].message.len());
    }
}

#[test]
fn route_and_spof_stop_at_the_same_hop_depth() {
    use archsim_core::engine::MAX_HOP_DEPTH;
    // A host routed through a chain of hops far deeper than the cap.
    let deep = MAX_HOP_DEPTH + 50;
    let mut source = tomoda_with(
        "\"argo-app.tomoda.life\"]",
        "\"argo-app.tomoda.life\", \"deep.tomoda.life\"]",
    );
    for i in 0..deep {
        source.push_str(&format!(
            "\n[[component]]\nassumption = \"a test fixture\"\nid = \"hop-{i}\"\nname = \"Hop {i}\"\nkind = \"service\"\n\
             provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nplacement = \"a test chain\"\n"
        ));
        if i + 1 < deep {
            source.push_str(&format!(
                "\n[[edge]]\nassumption = \"a test fixture\"\nfrom = \"hop-{i}\"\nto = \"hop-{}\"\nkind = \"request\"\nhop = true\n",
                i + 1
            ));
        }
    }
    source.push_str(
        "\n[[record]]\nassumption = \"a test fixture\"\nhost = \"deep.tomoda.life\"\ntype = \"A\"\ntarget = \"hop-0\"\n\
         writer = \"external-dns\"\nenv = \"prod\"\n",
    );
    let e = Engine::from_str("deep.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
    let flow = e
        .model()
        .flow_by_id("deep.tomoda.life")
        .expect("the host's flow");
    let spof = e.flow_spof(flow).components;
    // The zone hops to hop-0, so hop-i is i + 1 hops deep: the last one
    // reached is hop-(cap - 1), where the route ends.
    let last = MAX_HOP_DEPTH - 1;
    for i in [0, 100, last - 1, last, last + 1, deep - 1] {
        let c = comp(&e, &format!("hop-{i}"));
        let failed = select::select(e.model(), &[&format!("hop-{i}")], &[]).expect("selects");
        let verdict = e
            .route("deep.tomoda.life", &failed)
            .expect("routes")
            .verdict;
        let reached = i <= last;
        let expected = if reached {
            RouteVerdict::Resolves(State::Down)
        } else {
            RouteVerdict::Resolves(State::Ok)
        };
        assert_eq!(verdict, expected, "route with hop-{i} failed");
        assert_eq!(
            spof.contains(&c),
            reached,
            "hop-{i} as a single point of failure"
        );
    }
}

#[test]
fn restarting_a_cluster_reaches_a_deep_nesting_in_one_walk() {
    // Each component runs in the next, the last in gke, written in the
    // order the old fixed-point loop liked least: one more per pass over
    // every component.
    let n = 20_000;
    let mut source = String::from(TOMODA_MODEL);
    for i in 0..n {
        let runs_in = if i + 1 == n {
            "gke".to_owned()
        } else {
            format!("nest-{}", i + 1)
        };
        source.push_str(&with_component(&format!("nest-{i}"), &runs_in)[TOMODA_MODEL.len()..]);
    }
    let e = Engine::from_str("nest.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
    let selection = select::select(e.model(), &[], &["gke"]).expect("selects");
    for i in [0, n / 2, n - 1] {
        assert!(
            selection
                .restarting
                .contains(&comp(&e, &format!("nest-{i}"))),
            "nest-{i}"
        );
    }
    let outside = e
        .model()
        .components
        .iter()
        .filter(|c| c.runs_in.is_none())
        .count();
    assert!(
        selection.restarting.len() > n,
        "{}",
        selection.restarting.len()
    );
    assert!(selection.restarting.len() <= e.model().components.len() - outside + 1);
}

#[test]
fn a_host_with_a_wide_fan_of_hops_is_routed_without_scanning_every_hop() {
    // One host through a hub to 20,000 alternative backends: each hop of
    // the host was found by scanning all of them, for every component.
    let n = 20_000;
    let mut source = tomoda_with(
        "\"argo-app.tomoda.life\"]",
        "\"argo-app.tomoda.life\", \"wide.tomoda.life\"]",
    );
    let component = |id: &str| {
        format!(
            "\n[[component]]\nassumption = \"a test fixture\"\nid = \"{id}\"\nname = \"{id}\"\nkind = \"service\"\n\
             provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nplacement = \"a test fan\"\n"
        )
    };
    source.push_str(&component("hub"));
    for i in 0..n {
        source.push_str(&component(&format!("leaf-{i}")));
        source.push_str(&format!(
            "\n[[edge]]\nassumption = \"a test fixture\"\nfrom = \"hub\"\nto = \"leaf-{i}\"\nkind = \"request\"\nhop = true\n\
             hosts = [\"wide.tomoda.life\"]\n"
        ));
    }
    source.push_str(
        "\n[[record]]\nassumption = \"a test fixture\"\nhost = \"wide.tomoda.life\"\ntype = \"A\"\ntarget = \"hub\"\n\
         writer = \"external-dns\"\nenv = \"prod\"\n",
    );
    let e = Engine::from_str("wide.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
    // (failed, verdict): a backend is one of many; the hub is the only way.
    let cases = [
        ("leaf-0", State::Ok),
        ("leaf-19999", State::Ok),
        ("hub", State::Down),
    ];
    for (failed, state) in cases {
        let selection = select::select(e.model(), &[failed], &[]).expect("selects");
        let route = e.route("wide.tomoda.life", &selection).expect("routes");
        assert_eq!(route.verdict, RouteVerdict::Resolves(state), "{failed}");
    }
    let flow = e
        .model()
        .flow_by_id("wide.tomoda.life")
        .expect("the host's flow");
    let spof = ids(&e, &e.flow_spof(flow).components);
    assert!(spof.contains(&"hub".to_owned()), "{spof:?}");
    assert!(!spof.iter().any(|c| c.starts_with("leaf-")), "{spof:?}");
}

/// The shipped model with `writers` more writers, each owning `per` patterns
/// with a `*`, none of which overlap.
fn with_wild_writers(writers: usize, per: usize) -> String {
    let mut source = String::from(TOMODA_MODEL);
    for w in 0..writers {
        let owns: Vec<String> = (0..per)
            .map(|k| format!("\"*.w{w}-{k}.tomoda.life\""))
            .collect();
        source.push_str(&format!(
            "\n[[writer]]\nassumption = \"a test fixture\"\nid = \"wild-{w}\"\nname = \"Wild {w}\"\nsource = \"dns/{w}.tf\"\n\
             owns = [{}]\nadds = \"a test writer\"\nserves = \"test hosts\"\n",
            owns.join(", ")
        ));
    }
    source
}

#[test]
fn many_wildcard_patterns_are_refused_not_compared_pairwise() {
    use archsim_core::load::MAX_WILD_PATTERNS;
    // 5,000 writers with 10,000 `*` patterns: the old check compared every
    // pair, 50 million matches. The shipped model has one `*` pattern.
    let over = with_wild_writers(5_000, 2);
    let loaded = load_str("wild.toml", &over);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["too-many-patterns"], "{:#?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert!(
        d.message
            .contains(&format!("the limit is {MAX_WILD_PATTERNS}")),
        "{d}"
    );
    // At the first pattern past the limit (the shipped one counts).
    let first_over = MAX_WILD_PATTERNS - 1;
    let line = over.lines().nth(d.line - 1).unwrap_or_default();
    let expected = format!("\"*.w{}-{}.tomoda.life\"", first_over / 2, first_over % 2);
    assert!(line.contains(&expected), "{d}\n{line}");
    // At the limit, the model loads and overlaps are still found.
    let at = with_wild_writers(MAX_WILD_PATTERNS - 1, 1);
    assert!(load_str("wild.toml", &at).model.is_some());
    let overlapping = at.replace("\"*.w0-0.tomoda.life\"", "\"*.w1-0.tomoda.life\"");
    let loaded = load_str("wild.toml", &overlapping);
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "writers `wild-0` and `wild-1` both claim `*.w1-0.tomoda.life`: breaks invariant \
          `writers-disjoint` (F22): The zone's two writers never touch the same host."
        ],
    );
}

#[test]
fn many_prefixed_selectors_are_looked_up_not_scanned() {
    // 20,000 components, each its own product; one scenario names every
    // product, and as many invariants as a model may have each name two.
    // The old loader scanned every component for each selector: 400
    // million looks for the scenario alone.
    let n = 20_000;
    let invariants = archsim_core::load::MAX_INVARIANTS - 4;
    let mut source = String::from(TOMODA_MODEL);
    for i in 0..n {
        source.push_str(&format!(
            "\n[[component]]\nassumption = \"a test fixture\"\nid = \"many-{i}\"\nname = \"Many {i}\"\nkind = \"kind-{}\"\n\
             product = \"p-{i}\"\nprovider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\n\
             runs_in = \"gke\"\n",
            i % 7
        ));
    }
    let every: Vec<String> = (0..n).map(|i| format!("\"product:p-{i}\"")).collect();
    source.push_str(&format!(
        "\n[[scenario]]\nassumption = \"a test fixture\"\nid = \"every-product\"\nname = \"Every product\"\nfail = [{}]\n\
         reschedule = [\"kind:kind-3\", \"region:asia-east1\", \"provider:gcp\", \"env:prod\"]\n",
        every.join(", ")
    ));
    for i in 0..invariants {
        source.push_str(&format!(
            "\n[[invariant]]\nassumption = \"a test fixture\"\nid = \"only-{i}\"\ncheck = \"only-reached-from\"\n\
             target = \"product:p-{i}\"\nfrom = \"kind:kind-{}\"\nsays = \"A test.\"\nhint = \"A test.\"\n",
            i % 7
        ));
    }
    let e = Engine::from_str("many.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
    let selection = select::select(e.model(), &["every-product"], &[]).expect("selects");
    assert_eq!(selection.failed.len(), n);
    assert!(selection.failed.contains(&comp(&e, "many-19999")));
    let kind = select::components(e.model(), "kind:kind-3").expect("selects");
    assert_eq!(kind.len(), n / 7 + usize::from(n % 7 > 3));
    // One selector in the middle that picks nothing is found, at its place.
    let broken = source.replace("\"product:p-777\", ", "\"product:p-none\", ");
    let loaded = load_str("many.toml", &broken);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["unknown-selector"], "{:#?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    let span = d.span.expect("located");
    assert_eq!(&broken[span.start..span.end], "\"product:p-none\"", "{d}");
}

/// A host through a hub to `k` alternative backends, each needing on every
/// request the first of a chain of `m` components.
fn fan_over_chain(k: usize, m: usize) -> String {
    let mut source = tomoda_with(
        "\"argo-app.tomoda.life\"]",
        "\"argo-app.tomoda.life\", \"chain.tomoda.life\"]",
    );
    let component = |id: &str| {
        format!(
            "\n[[component]]\nassumption = \"a test fixture\"\nid = \"{id}\"\nname = \"{id}\"\nkind = \"service\"\n\
             provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"prod\"\nplacement = \"a test\"\n"
        )
    };
    let edge = |from: &str, to: &str, hop: bool| {
        let hop = if hop {
            "hop = true\nhosts = [\"chain.tomoda.life\"]\n"
        } else {
            ""
        };
        format!(
            "\n[[edge]]\nassumption = \"a test fixture\"\nfrom = \"{from}\"\nto = \"{to}\"\nkind = \"request\"\n{hop}"
        )
    };
    source.push_str(&component("hub"));
    for i in 0..k {
        source.push_str(&component(&format!("leaf-{i}")));
        source.push_str(&edge("hub", &format!("leaf-{i}"), true));
        source.push_str(&edge(&format!("leaf-{i}"), "chain-0", false));
    }
    for j in 0..m {
        source.push_str(&component(&format!("chain-{j}")));
        if j + 1 < m {
            source.push_str(&edge(
                &format!("chain-{j}"),
                &format!("chain-{}", j + 1),
                false,
            ));
        }
    }
    source.push_str(
        "\n[[record]]\nassumption = \"a test fixture\"\nhost = \"chain.tomoda.life\"\ntype = \"A\"\ntarget = \"hub\"\n\
         writer = \"external-dns\"\nenv = \"prod\"\n",
    );
    source
}

#[test]
fn single_points_of_failure_stop_at_a_stated_number_of_steps() {
    use archsim_core::engine::MAX_SPOF_STEPS;
    // (backends, chain): every backend needs the whole chain, so each
    // chain component is a single point of failure. The old search
    // gathered the chain once per backend and walked the route once per
    // chain component: 18 million steps at 3,000 by 3,000.
    assert!(
        engine().spof().iter().all(|s| !s.cut_short),
        "shipped model"
    );
    for (k, m) in [(3, 40), (3_000, 3_000)] {
        let e = Engine::from_str("chain.toml", &fan_over_chain(k, m))
            .unwrap_or_else(|d| panic!("{d:#?}"));
        let flow = e.model().flow_by_id("chain.tomoda.life").expect("flow");
        let answer = e.flow_spof(flow);
        let spof = ids(&e, &answer.components);
        let small = k * m < MAX_SPOF_STEPS / 10;
        assert_eq!(answer.cut_short, !small, "{k}×{m}");
        // The hub is on every way: found before the steps run out.
        assert!(spof.contains(&"hub".to_owned()), "{k}×{m}");
        assert!(!spof.iter().any(|c| c.starts_with("leaf-")), "{k}×{m}");
        // What the chain is found only by a search that ran to the end;
        // a search cut short lists nothing it has not shown.
        let chain = spof.iter().filter(|c| c.starts_with("chain-")).count();
        assert_eq!(chain, if small { m } else { 0 }, "{k}×{m}");
        assert_eq!(e.spof_of(flow), answer.components, "{k}×{m}");
    }
}

#[test]
fn the_codec_refuses_what_the_loader_refuses_on_size() {
    use archsim_core::limits::*;
    // A page's model is decoded in the browser from what the page's author
    // wrote: it must not carry what no model file could.
    let shipped = engine().model().clone();
    type Change = Box<dyn Fn(&mut Model)>;
    // (what, change to the shipped model, refused)
    let cases: Vec<(&str, Change, bool)> = vec![
        ("the shipped model", Box::new(|_| {}), false),
        (
            "a component id at the limit",
            Box::new(|m| m.components[0].id = "a".repeat(MAX_ID_CHARS)),
            false,
        ),
        (
            "a component id of 200,000 characters",
            Box::new(|m| m.components[0].id = "a".repeat(200_000)),
            true,
        ),
        (
            "a scenario id one character too long",
            Box::new(|m| m.scenarios[0].id = "é".repeat(MAX_ID_CHARS + 1)),
            true,
        ),
        (
            "an id of multi-byte characters within the limit",
            Box::new(|m| m.invariants[0].id = "é".repeat(MAX_ID_CHARS)),
            false,
        ),
        (
            "a record host longer than a host name",
            Box::new(|m| m.records[0].host = format!("{}.tomoda.life", "a".repeat(300))),
            true,
        ),
        (
            "a pattern longer than a host name",
            Box::new(|m| m.writers[0].owns.push("*a".repeat(200))),
            true,
        ),
        (
            "patterns with a `*` at the limit",
            Box::new(|m| {
                let wild = (1..MAX_WILD_PATTERNS).map(|i| format!("*.w{i}.tomoda.life"));
                m.writers[0].owns.extend(wild);
            }),
            false,
        ),
        (
            "one pattern with a `*` past the limit",
            Box::new(|m| {
                let wild = (0..MAX_WILD_PATTERNS).map(|i| format!("*.w{i}.tomoda.life"));
                m.writers[0].owns.extend(wild);
            }),
            true,
        ),
    ];
    for (what, change, refused) in cases {
        let mut model = shipped.clone();
        change(&mut model);
        let decoded = codec::decode_text(&codec::encode_text(&model));
        match decoded {
            Ok(decoded) => {
                assert!(!refused, "{what}: decoded");
                assert_eq!(decoded, model, "{what}");
            }
            Err(error) => {
                assert!(refused, "{what}: {error}");
                assert!(error.message.contains("longer") || error.message.contains("more"));
            }
        }
    }
    // Bytes past the file-size limit are not read at all.
    let mut huge = codec::encode(&shipped);
    huge.resize(MAX_MODEL_BYTES + 1, 0);
    let error = codec::decode(&huge).expect_err("refused");
    assert_eq!(
        (error.offset, error.message.as_str()),
        (0, "larger than the largest model file")
    );
}

#[test]
fn a_selector_written_many_times_in_scenarios_is_picked_once() {
    // 5,000 components in one region; a scenario names the region 20,000
    // times, as failures and as restarts: each was picked again, 200
    // million insertions.
    let (n, times) = (5_000, 20_000);
    let mut source = String::from(TOMODA_MODEL);
    for i in 0..n {
        source.push_str(&with_component(&format!("same-{i}"), "gke")[TOMODA_MODEL.len()..]);
    }
    let region = vec!["\"region:asia-east1\""; times].join(", ");
    source.push_str(&format!(
        "\n[[scenario]]\nassumption = \"a test fixture\"\nid = \"same-region\"\nname = \"Same region\"\nfail = [{region}]\n\
         reschedule = [{region}]\n"
    ));
    let e = Engine::from_str("same.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
    let region = select::components(e.model(), "region:asia-east1").expect("selects");
    assert!(region.len() > n, "{}", region.len());
    for (fail, reschedule) in [(vec!["same-region"], vec![]), (vec![], vec!["same-region"])] {
        let selection = select::select(e.model(), &fail, &reschedule).expect("selects");
        assert_eq!(
            selection.failed,
            if fail.is_empty() {
                Default::default()
            } else {
                region.clone()
            }
        );
        assert!(region.iter().all(|c| selection.restarting.contains(c)));
    }
}

#[test]
fn many_invariants_are_refused_past_the_limit() {
    use archsim_core::load::MAX_INVARIANTS;
    // A chain of 20,000 scenarios, and an invariant per scenario naming it:
    // each distinct selector expands its part of the chain, a square of
    // the chain's length (some 2·10^8 steps) for the old loader. Past the
    // limit, one diagnostic, and nothing after it is checked.
    let chain = 20_000;
    let with_invariants = |n: usize| {
        let mut text = fan_out(chain, 1);
        for i in 0..n {
            text.push_str(&format!(
                "\n[[invariant]]\nassumption = \"a test fixture\"\nid = \"guard-{i}\"\ncheck = \"only-reached-from\"\n\
                 target = \"fan-{}\"\nfrom = \"product:cloudfront\"\nsays = \"s\"\nhint = \"h\"\n",
                i % chain
            ));
        }
        text
    };
    let shipped = load_str("shipped.toml", TOMODA_MODEL);
    let shipped_count = shipped.model.expect("shipped").invariants.len();
    let at = MAX_INVARIANTS - shipped_count;
    // At the limit: checked (gke is reached from more than CloudFront).
    let loaded = load_str("at.toml", &with_invariants(at));
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&"too-many-invariants"),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(codes.contains(&"invariant"), "{:#?}", loaded.diagnostics);
    // Far past it: one diagnostic at the first past the limit.
    let source = with_invariants(chain);
    let loaded = load_str("many.toml", &source);
    let over: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == "too-many-invariants")
        .collect();
    assert_eq!(over.len(), 1, "{:#?}", loaded.diagnostics);
    let line = source.lines().nth(over[0].line - 1).unwrap_or_default();
    assert_eq!(line, "check = \"only-reached-from\"");
    let before = source
        .lines()
        .take(over[0].line)
        .filter(|l| l.starts_with("id = \"guard-"))
        .last();
    assert_eq!(before, Some(format!("id = \"guard-{at}\"").as_str()));
    assert!(
        over[0].message.contains(&format!("{}", chain - at - 1)),
        "{}",
        over[0]
    );
}
