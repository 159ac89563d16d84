//! Everything the model says reaches the page as text: a component named
//! `<script>alert(1)</script>` never becomes markup, in any directive.

use archsim_core::{Engine, TOMODA_MODEL};
use mdbook_archsim::{PageOptions, process_page};

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(2)>";

/// The Tomoda model with hostile names in a component, a provider's job, a
/// scenario's lesson and a writer's instructions.
fn hostile_model() -> String {
    let replacements = [
        (
            "name = \"Tomoda API (prod)\"",
            format!("name = \"{SCRIPT}\""),
        ),
        (
            "job = \"Static assets and the CDN in front of them, nothing else\"",
            format!("job = \"{IMG}\""),
        ),
        (
            "teaches = \"Both distributions are down",
            format!("teaches = \"{IMG} Both distributions are down"),
        ),
        (
            "serves = \"Hosts served from the cluster\"",
            format!("serves = \"{SCRIPT}\""),
        ),
    ];
    let mut model = TOMODA_MODEL.to_owned();
    for (from, to) in replacements {
        assert!(model.contains(from), "the test model no longer has {from}");
        model = model.replacen(from, &to, 1);
    }
    model
}

const PAGE: &str = r#"
{{#archsim map}}

{{#archsim map focus="provider:gcp" highlight="api.tomoda.life"}}

{{#archsim route host="api.tomoda.life"}}

{{#archsim route host="api.tomoda.life" fail="redis"}}

{{#archsim fail scenario="cloudfront-outage" spof="true"}}

{{#archsim fail components="tomoda-api"}}

{{#archsim place answers="runs-workload"}}

{{#archsim place audit="true"}}

{{#archsim dns host="api.tomoda.life"}}

{{#archsim dns host="new.tomoda.life"}}

{{#archsim table providers}}

{{#archsim table components}}

{{#archsim table environments}}

{{#archsim table records}}

{{#archsim table flows}}

{{#archsim table scenarios}}

{{#archsim table rules}}

{{#archsim table spof}}

{{#archsim table audit}}

Claims {{#archsim claim component="tomoda-api-prod" kind="workload"}}
{{#archsim claim fail="tomoda-api" down="api.tomoda.life"}}

{{#archsim predict fail="tomoda-api-prod" flow="api.tomoda.life" answer="down"}}

{{#archsim predict fail="redis" reschedule="tomoda-api-prod" flow="api.tomoda.life" answer="down"}}
"#;

/// The page without the embedded model (which is script text, not markup).
fn without_model_script(page: &str) -> String {
    let start = page
        .find("<script type=\"application/x-archsim-model\"")
        .expect("a changed model is embedded in the page");
    let end = page[start..]
        .find("</script>")
        .expect("the script is closed")
        + start;
    format!("{}{}", &page[..start], &page[end + "</script>".len()..])
}

#[test]
fn hostile_names_render_as_text_everywhere() {
    let model = hostile_model();
    let engine = Engine::from_str("hostile.toml", &model).expect("the hostile model loads");
    let options = PageOptions::for_model(&model, engine.model());
    let page = process_page(&engine, &options, "hostile.md", PAGE).expect("the page expands");
    let markup = without_model_script(&page);
    for raw in [SCRIPT, IMG, "<script", "<img"] {
        assert!(!markup.contains(raw), "raw `{raw}` reached the page");
    }
    assert!(markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A self-check question names the component in its question and its
    // answer's cause, as text.
    let question = "<legend>With &lt;script&gt;alert(1)&lt;/script&gt; failing";
    assert!(markup.contains(question), "{question}");
    assert!(markup.contains("because of &lt;script&gt;alert(1)&lt;/script&gt;."));
    assert!(markup.contains("&lt;img src=x onerror=alert(2)&gt;"));
}

#[test]
fn the_embedded_model_cannot_close_its_script() {
    let model = hostile_model();
    let engine = Engine::from_str("hostile.toml", &model).unwrap();
    let options = PageOptions::for_model(&model, engine.model());
    let page = process_page(&engine, &options, "hostile.md", PAGE).unwrap();
    assert_eq!(
        page.matches("<script type=\"application/x-archsim-model\"")
            .count(),
        1
    );
    let start = page
        .find("<script type=\"application/x-archsim-model\"")
        .unwrap();
    let body_start = start + page[start..].find('>').unwrap() + 1;
    let body_end = body_start + page[body_start..].find("</script>").unwrap();
    let body = &page[body_start..body_end];
    assert!(
        !body.to_ascii_lowercase().contains("</"),
        "script text holds `</`"
    );
    assert!(!body.contains("<!--"));
    // Lossless: the script decodes to the very model the page was built from.
    assert_eq!(
        archsim_core::codec::decode_text(body).as_ref(),
        Ok(engine.model())
    );
    // Every widget points at it.
    let widgets = page.matches("<div class=\"archsim\" ").count();
    assert_eq!(
        widgets,
        page.matches("data-model=\"#archsim-model\"").count()
    );
    assert!(widgets >= 10);
}

#[test]
fn the_bundled_model_is_not_embedded() {
    let engine = Engine::tomoda().unwrap();
    let options = PageOptions::for_model(TOMODA_MODEL, engine.model());
    assert_eq!(options, PageOptions::default());
    let page = process_page(&engine, &options, "plain.md", "{{#archsim map}}").unwrap();
    assert!(!page.contains("application/x-archsim-model"));
    assert!(!page.contains("data-model"));
}
