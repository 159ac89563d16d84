//! Diagnostics: each broken model gets the right code, at the right line,
//! with a message and a hint — and hostile input never panics.

mod common;

use archsim_core::*;
use common::*;

/// (name, broken model source, code, text on the reported line, message part, hint part)
fn cases() -> Vec<(
    &'static str,
    String,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    vec![
        (
            "syntax error",
            tomoda_with("name = \"Tomoda\"", "name = \"Tomoda"),
            "syntax",
            "name = \"Tomoda",
            "",
            "valid TOML",
        ),
        (
            "unknown key",
            tomoda_with("kind = \"cluster\"", "knd = \"cluster\""),
            "schema",
            "knd = \"cluster\"",
            "unknown field `knd`",
            "spelling",
        ),
        (
            "unknown reference with suggestion",
            tomoda_with(
                "runs_in = \"gke\"\nterraform = false\ntraits = [\"runs-workload\"]\nnotes = \"Routes",
                "runs_in = \"gek\"\nterraform = false\ntraits = [\"runs-workload\"]\nnotes = \"Routes",
            ),
            "unknown-reference",
            "runs_in = \"gek\"",
            "unknown component `gek`",
            "did you mean `gke`?",
        ),
        (
            "unknown provider",
            tomoda_with(
                "provider = \"aws\"\nregion = \"us-east-1\"",
                "provider = \"awz\"\nregion = \"us-east-1\"",
            ),
            "unknown-reference",
            "provider = \"awz\"",
            "unknown provider `awz`",
            "`aws`",
        ),
        (
            "duplicate id",
            tomoda_with(
                "id = \"redis\"\nname = \"Bitnami Redis\"",
                "id = \"cnpg\"\nname = \"Bitnami Redis\"",
            ),
            "duplicate-id",
            "id = \"cnpg\"",
            "component `cnpg` is defined twice",
            "first definition",
        ),
        (
            "dependency cycle",
            tomoda_with(
                "[[edge]]\nfrom = \"user\"",
                "[[edge]]\nfrom = \"gke-vpc\"\nto = \"tomoda-api-prod\"\nfacts = [\"F07\"]\n\n[[edge]]\nfrom = \"user\"",
            ),
            "cycle",
            "from = \"gke-vpc\"",
            "dependency cycle between",
            "remove one edge",
        ),
        (
            "proxied record (F21)",
            tomoda_with(
                "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = false",
                "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = true",
            ),
            "invariant",
            "proxied = true",
            "record `www.tomoda.life` is proxied",
            "proxied = false",
        ),
        (
            "record from the wrong writer (F22)",
            tomoda_with(
                "host = \"app.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"",
                "host = \"app.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"terraform\"",
            ),
            "invariant",
            "host = \"app.tomoda.life\"",
            "whose patterns do not cover it",
            "exactly one writer",
        ),
        (
            "host outside the zone",
            tomoda_with("host = \"api.tomoda.life\"", "host = \"api.example.com\""),
            "outside-zone",
            "host = \"api.example.com\"",
            "not in the zone `tomoda.life`",
            "end in `.tomoda.life`",
        ),
        (
            "unknown edge kind",
            tomoda_with(
                "kind = \"background\"\nwhy = \"Barman",
                "kind = \"backgroud\"\nwhy = \"Barman",
            ),
            "unknown-value",
            "kind = \"backgroud\"",
            "unknown edge kind `backgroud`",
            "`background`",
        ),
        (
            "misplaced component (placement audit)",
            tomoda_with(
                "provider = \"aws\"\nregion = \"ap-northeast-1\"\nenv = \"prod\"\nsource = \"infrastructure/aws/s3.tf\"\nterraform = true\ntraits = [\"holds-state\", \"public-cacheable-assets\"]\nplacement = ",
                "provider = \"aws\"\nregion = \"ap-northeast-1\"\nenv = \"prod\"\nsource = \"infrastructure/aws/s3.tf\"\nterraform = true\ntraits = [\"holds-state\"]\n# placement = ",
            ),
            "invariant",
            "id = \"s3-assets-prod\"",
            "is on aws but the rule puts it on gcp",
            "placement",
        ),
        (
            "scenario with an unknown selector",
            tomoda_with("fail = [\"cloudfront\"]", "fail = [\"cloudfrnt\"]"),
            "unknown-selector",
            "fail = [\"cloudfrnt\"]",
            "`cloudfrnt` selects nothing",
            "`cloudfront`",
        ),
        (
            "invariant with an unknown selector",
            tomoda_with(
                "from = \"product:cloudfront\"",
                "from = \"product:cloudfrnt\"",
            ),
            "unknown-selector",
            "from = \"product:cloudfrnt\"",
            "invariant `assets-buckets-private`",
            "`product:cloudfront`",
        ),
        (
            "scenario that includes itself",
            tomoda_with("fail = [\"cloudfront\"]", "fail = [\"cloudfront-outage\"]"),
            "cycle",
            "fail = [\"cloudfront-outage\"]",
            "includes itself",
            "not itself",
        ),
        (
            "a component that runs in itself",
            tomoda_with(
                "terraform = true\ntraits = [\"runs-workload\"]\nnotes = \"The GKE cluster",
                "runs_in = \"gke\"\nterraform = true\ntraits = [\"runs-workload\"]\nnotes = \"The GKE cluster",
            ),
            "self-edge",
            "runs_in = \"gke\"",
            "`gke` runs in itself",
            "the cluster it runs in",
        ),
        (
            "a record that points at the zone",
            tomoda_with(
                "target = \"cloudfront-prod\"",
                "target = \"cloudflare-zone\"",
            ),
            "self-edge",
            "target = \"cloudflare-zone\"",
            "points at the zone itself",
            "what serves the host",
        ),
        (
            "a hop for a host without a record",
            tomoda_with(
                "hosts = [\"argo-app.tomoda.life\"]",
                "hosts = [\"argo-ap.tomoda.life\"]",
            ),
            "unknown-reference",
            "hosts = [\"argo-ap.tomoda.life\"]",
            "hop host `argo-ap.tomoda.life` has no record",
            "did you mean `argo-app.tomoda.life`",
        ),
        (
            "a URL where a host belongs",
            tomoda_with(
                "host = \"assets-dev.tomoda.life\"",
                "host = \"https://assets-dev.tomoda.life/\"",
            ),
            "invalid-host",
            "host = \"https://assets-dev.tomoda.life/\"",
            "not a bare host name",
            "without scheme",
        ),
        (
            "a scenario with a component's id",
            tomoda_with("id = \"gcp-down\"", "id = \"gke\""),
            "ambiguous-name",
            "id = \"gke\"",
            "scenario `gke` has the id or name of component `gke`",
            "rename the scenario",
        ),
        (
            "two components with one name",
            tomoda_with(
                "id = \"redis\"\nname = \"Bitnami Redis\"",
                "id = \"redis\"\nname = \"GKE-Tomoda\"",
            ),
            "ambiguous-name",
            "id = \"redis\"",
            "are both named",
            "its own name",
        ),
        (
            "a component named like another's id",
            tomoda_with(
                "id = \"redis\"\nname = \"Bitnami Redis\"",
                "id = \"redis\"\nname = \"cnpg\"",
            ),
            "ambiguous-name",
            "id = \"redis\"",
            "is named `cnpg`, the id of component `cnpg`",
            "rename one of them",
        ),
        (
            "a scenario with a provider's id",
            tomoda_with("id = \"gcp-down\"", "id = \"gcp\""),
            "ambiguous-name",
            "id = \"gcp\"",
            "scenario `gcp` has the id of provider `gcp`",
            "rename the scenario",
        ),
        (
            "a CNAME beside another record",
            tomoda_with(
                "[[record]]\nhost = \"assets-dev.tomoda.life\"",
                "[[record]]\nhost = \"assets.tomoda.life\"",
            ),
            "cname-conflict",
            "host = \"assets.tomoda.life\"",
            "has a CNAME record and another record",
            "the only record",
        ),
        (
            "an unknown environment",
            tomoda_with(
                "env = \"dev\"\nproxied = false\nfacts = [\"F19\", \"F23\", \"F28\"]",
                "env = \"dve\"\nproxied = false\nfacts = [\"F19\", \"F23\", \"F28\"]",
            ),
            "unknown-value",
            "env = \"dve\"",
            "unknown environment `dve`",
            "did you mean `dev`?",
        ),
        (
            "a zone name that is no host",
            tomoda_with("name = \"tomoda.life\"", "name = \"tomoda..life\""),
            "invalid-host",
            "name = \"tomoda..life\"",
            "zone name is not a host name",
            "the zone's domain",
        ),
        (
            "a number where a path belongs",
            tomoda_with("source = \"infrastructure/gcp/gke.tf\"", "source = 5"),
            "schema",
            "source = 5",
            "expected a string or a list of strings",
            "value's type",
        ),
        (
            "an id longer than the limit",
            tomoda_with(
                "id = \"redis\"\nname = \"Bitnami Redis\"",
                "id = \"a-very-long-component-id-that-goes-on-and-on-past-the-limit-of-64\"\nname = \"Bitnami Redis\"",
            ),
            "id-too-long",
            "id = \"a-very-long-component-id-that-goes-on-and-on-past-the-limit-of-64\"",
            "is 65 characters long; the limit is 64",
            "shorten it",
        ),
        (
            "a writer pattern longer than a host name",
            tomoda_with(
                "\"_acm-validation.*.tomoda.life\"]",
                &format!(
                    "\"_acm-validation.*.tomoda.life\", \"{}.tomoda.life\"]",
                    "*a".repeat(130)
                ),
            ),
            "pattern-too-long",
            "owns = [\"assets.tomoda.life\", \"assets-dev.tomoda.life\", \"_acm-validation.*.tomoda.life\", \"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a.tomoda.life\"]",
            "is 272 characters long; the limit is 253",
            "a pattern is a host name",
        ),
        (
            "a date where the format number belongs",
            tomoda_with("format = 1", "format = 1979-05-27"),
            "schema",
            "format = 1979-05-27",
            "expected an integer",
            "value's type",
        ),
        (
            "an edge that names no fact and assumes nothing",
            tomoda_with(
                "[[edge]]\nfrom = \"user\"",
                "[[edge]]\nfrom = \"gke\"\nto = \"cnpg\"\n\n[[edge]]\nfrom = \"user\"",
            ),
            "unsourced",
            "from = \"gke\"",
            "edge `gke → cnpg` is unsourced",
            "assumption = ",
        ),
        (
            "an empty assumption sources nothing",
            tomoda_with(
                "[[edge]]\nfrom = \"user\"",
                "[[edge]]\nfrom = \"gke\"\nto = \"cnpg\"\nassumption = \" \"\n\n[[edge]]\nfrom = \"user\"",
            ),
            "unsourced",
            "from = \"gke\"",
            "no fact of the document",
            "facts = ",
        ),
        (
            "unsupported format",
            tomoda_with("format = 1", "format = 2"),
            "unsupported-format",
            "format = 2",
            "format 2",
            "format = 1",
        ),
    ]
}

#[test]
fn broken_models_get_located_diagnostics_with_hints() {
    for (name, source, code, line_text, message, hint) in cases() {
        let loaded = load_str("tomoda.toml", &source);
        assert!(loaded.model.is_none(), "{name}: must not load");
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| {
                panic!(
                    "{name}: no `{code}` diagnostic in {:#?}",
                    loaded.diagnostics
                )
            });
        assert_eq!(d.file, "tomoda.toml");
        let line = source.lines().nth(d.line - 1).unwrap_or_default();
        assert_eq!(
            line.trim(),
            line_text,
            "{name}: reported at line {} col {}: {d}",
            d.line,
            d.column
        );
        assert!(
            d.message.contains(message),
            "{name}: message {:?}",
            d.message
        );
        assert!(
            d.hint.as_deref().unwrap_or("").contains(hint),
            "{name}: hint {:?}",
            d.hint
        );
        assert!(d.column >= 1);
    }
}

#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    let loaded = load_str("tomoda.toml", "\u{feff}nme = 1\n");
    let d = &loaded.diagnostics[0];
    assert_eq!((d.line, d.column), (1, 1), "{d}");
}

#[test]
fn a_bad_zone_is_one_error_not_one_per_host() {
    let source = tomoda_with("name = \"tomoda.life\"", "name = \"tomoda..life\"");
    let loaded = load_str("tomoda.toml", &source);
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
}

#[test]
fn the_shipped_model_is_clean() {
    let loaded = load_str(TOMODA_MODEL_FILE, TOMODA_MODEL);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
}

#[test]
fn hostile_input_gets_a_diagnostic_never_a_panic() {
    let mut noise = Vec::with_capacity(64 * 1024);
    let mut x: u32 = 0x1234_5678;
    for _ in 0..64 * 1024 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push(x as u8);
    }
    let deep_arrays = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_tables = format!("a = {}{}", "{ b = ".repeat(50_000), "}".repeat(50_000));
    let dotted = format!("[{}]\n", vec!["a"; 20_000].join("."));
    let huge = vec![b'#'; 50 * 1024 * 1024];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "schema"),
        (
            "garbage",
            b"}}}{{{ ==== [[[ \"\"\" nonsense".to_vec(),
            "syntax",
        ),
        ("binary noise", noise, "not-utf8"),
        ("NUL bytes", b"[model]\x00\x00".to_vec(), "binary"),
        ("deep arrays", deep_arrays.into_bytes(), "too-deep"),
        ("deep inline tables", deep_tables.into_bytes(), "too-deep"),
        ("deep dotted table header", dotted.into_bytes(), "too-deep"),
        ("50 MB", huge, "too-large"),
        (
            "wrong types",
            b"[model]\nname = 3\nformat = \"one\"\n".to_vec(),
            "schema",
        ),
    ];
    for (name, bytes, code) in cases {
        let loaded = std::panic::catch_unwind(|| load_bytes("hostile.toml", &bytes))
            .unwrap_or_else(|_| panic!("{name}: the loader panicked"));
        assert!(loaded.model.is_none(), "{name}");
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [code], "{name}: {:?}", loaded.diagnostics);
        assert!(loaded.diagnostics[0].hint.is_some(), "{name}: a hint");
    }
}

/// Every code the loader can report is in the model-file reference's table,
/// and the table lists no code the loader lacks.
#[test]
fn every_diagnostic_code_is_documented() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("../../book/src/reference/model-file.md"))
        .expect("the model-file reference exists");
    let section = &reference[reference
        .find("## Diagnostics")
        .expect("a Diagnostics section")..];
    let documented: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |").map(|(code, _)| code))
        .collect();
    let kebab = |s: &&str| {
        s.len() > 2
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    // A code is the first kebab-case literal after a call that reports one
    // (on the call's line or the next few), a literal alone on its line
    // (in a function that picks the code), or a string constant that names
    // one for the shells (`diag::TOO_MANY_DIAGNOSTICS`).
    let calls = ["ctx.error(", ".report(", "Diagnostic::at(", "whole_file("];
    let mut sources = vec![std::fs::read_to_string(root.join("src/diag.rs")).expect("diag.rs")];
    let mut folders = vec![root.join("src/load")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a loader folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                sources.push(std::fs::read_to_string(path).expect("source"));
            }
        }
    }
    assert!(
        sources.len() >= 8,
        "the loader's sources: {}",
        sources.len()
    );
    let mut used = Vec::new();
    for text in &sources {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim();
            let alone = trimmed.len() > 2 && trimmed.starts_with('"') && trimmed.ends_with('"');
            let call = calls.iter().any(|c| line.contains(c)) && !line.contains("fn ")
                || trimmed.starts_with("pub const") && trimmed.contains(": &str = \"");
            if trimmed.starts_with("//") || !(alone || call) {
                continue;
            }
            let window = &lines[i..lines.len().min(i + if alone { 1 } else { 6 })];
            let code = window
                .iter()
                .find_map(|l| l.split('"').skip(1).step_by(2).find(kebab));
            used.extend(code.map(str::to_owned));
        }
    }
    used.sort();
    used.dedup();
    assert!(used.len() >= 20, "found only {used:?}");
    let undocumented: Vec<&String> = used
        .iter()
        .filter(|c| !documented.contains(&c.as_str()))
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in the reference's table: {undocumented:?}"
    );
    let unused: Vec<&&str> = documented
        .iter()
        .filter(|c| !used.iter().any(|u| u == *c))
        .collect();
    assert!(
        unused.is_empty(),
        "documented but never reported: {unused:?}"
    );
}

/// The model-file reference states each limit as the constant in force
/// says it, in the Limits table and in the diagnostics it names.
#[test]
fn the_reference_states_the_limits_in_force() {
    use archsim_core::{diag::MAX_DIAGNOSTICS, engine::MAX_HOP_DEPTH, load, suggest};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("../../book/src/reference/model-file.md"))
        .expect("the model-file reference exists");
    let start = reference.find("## Limits").expect("a Limits section");
    let end = reference
        .find("## Diagnostics")
        .expect("a Diagnostics section");
    let limits = &reference[start..end];
    let rows: Vec<(&str, &str)> = limits
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split_once(" | `"))
        .filter_map(|(name, rest)| rest.split_once('`').map(|(value, _)| (name, value)))
        .collect();
    // (limit, value in force, a diagnostic's row that repeats it)
    let cases = [
        (
            "file size",
            format!("{} MiB", load::MAX_MODEL_BYTES >> 20),
            Some("| `too-large` |"),
        ),
        (
            "id length",
            load::MAX_ID_CHARS.to_string(),
            Some("| `id-too-long` |"),
        ),
        (
            "writer pattern length",
            load::MAX_PATTERN_CHARS.to_string(),
            Some("| `pattern-too-long` |"),
        ),
        (
            "writer patterns with a `*`",
            load::MAX_WILD_PATTERNS.to_string(),
            Some("| `too-many-patterns` |"),
        ),
        (
            "invariants",
            load::MAX_INVARIANTS.to_string(),
            Some("| `too-many-invariants` |"),
        ),
        (
            "diagnostics shown",
            MAX_DIAGNOSTICS.to_string(),
            Some("| `too-many-diagnostics` |"),
        ),
        (
            "steps searched for one flow's single points of failure",
            archsim_core::engine::MAX_SPOF_STEPS.to_string(),
            None,
        ),
        (
            "hops followed from the zone",
            MAX_HOP_DEPTH.to_string(),
            None,
        ),
        (
            "words compared for near names",
            suggest::MAX_COMPARED_CHARS.to_string(),
            None,
        ),
        (
            "candidates looked at for near names",
            suggest::MAX_CANDIDATES.to_string(),
            None,
        ),
    ];
    assert_eq!(rows.len(), cases.len(), "every limit is checked: {rows:?}");
    for (limit, value, diagnostic) in cases {
        let stated = rows.iter().find(|(name, _)| *name == limit);
        assert_eq!(stated.map(|(_, v)| *v), Some(value.as_str()), "{limit}");
        if let Some(row) = diagnostic {
            let line = reference[end..]
                .lines()
                .find(|l| l.starts_with(row))
                .unwrap_or_else(|| panic!("no row {row}"));
            assert!(line.contains(&value), "{row} should say {value}: {line}");
        }
    }
}
