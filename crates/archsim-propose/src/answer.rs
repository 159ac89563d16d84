//! A draft's answer: the draft applied to the model, then the same diff
//! as `archsim diff` (`archsim_core::diff`) between the model and the
//! edited one, in the words every other output uses (`archsim_view`).
//! Pure, so it is tested on the host.

use archsim_core::diff::{Before, changes, impact_from};
use archsim_core::draft::{Draft, DraftError};
use archsim_core::{Engine, Model};
use archsim_view::contract::Heading;
use archsim_view::present::diff::{ImpactParts, verdict};

/// What a draft does to the model, ready to show and export.
pub struct Answer {
    /// The engine of the edited model (its components and edges feed the
    /// forms).
    pub edited: Engine,
    /// The impact area: `archsim_view::html::impact_html`.
    pub html: String,
    /// The verdict line, announced to screen readers.
    pub verdict: String,
    /// The pull-request comment (`archsim_view::markdown::diff::comment`).
    pub markdown: String,
    /// The model snippet to commit (`Draft::to_toml`).
    pub toml: String,
}

/// The answer for `draft` over the model of `before` (which keeps the
/// model's side of every diff), its headings at level `heading`;
/// `Ok(None)` for a draft without edits; the error of the first edit
/// `apply` refuses.
///
/// Complexity: one apply, one engine build and one diff of the two models.
pub fn answer(
    before: &Before,
    draft: &Draft,
    heading: Heading,
) -> Result<Option<Answer>, DraftError> {
    if draft.edits.is_empty() {
        return Ok(None);
    }
    Ok(Some(applied(
        before,
        draft,
        draft.apply(before.engine().model())?,
        heading,
    )))
}

/// [`answer`] for a draft with edits, already applied (`edited`, what
/// `draft.apply` gave): a click applies a draft to check it before it
/// keeps it, and the answer need not apply it again.
pub fn applied(before: &Before, draft: &Draft, edited: Model, heading: Heading) -> Answer {
    let old = before.engine().model();
    let edited = Engine::new(edited, Vec::new());
    let changes = changes(old, edited.model());
    let impact = impact_from(before, &edited);
    let assumptions = before.assumptions(edited.model());
    let parts = ImpactParts {
        changes: &changes,
        impact: &impact,
        assumptions: &assumptions,
    };
    Answer {
        html: archsim_view::html::impact_html(parts, heading),
        verdict: verdict(parts),
        markdown: archsim_view::markdown::diff::comment(None, parts, &[]),
        toml: draft.to_toml(old),
        edited,
    }
}

/// The draft a link carries (`text`, its `d` value); an empty text is an
/// empty draft. A bad one is the empty draft and the notice that names
/// what is wrong with it.
pub fn from_link(text: &str) -> (Draft, Option<String>) {
    if text.is_empty() {
        return (Draft::default(), None);
    }
    match Draft::from_fragment(text) {
        Ok(draft) => (draft, None),
        Err(e) => (
            Draft::default(),
            Some(["Ignored the link's draft: ", &e.to_string()].concat()),
        ),
    }
}

/// The link form of `draft`: empty for a draft without edits, so the
/// link leaves the key out.
pub fn to_link(draft: &Draft) -> String {
    if draft.edits.is_empty() {
        String::new()
    } else {
        draft.to_fragment()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::EdgeKind;
    use archsim_core::draft::{Edit, NewEdge};

    fn connect(from: &str, to: &str, kind: EdgeKind) -> Draft {
        Draft {
            edits: vec![Edit::Connect(NewEdge {
                from: from.into(),
                to: to.into(),
                kind,
                note: String::new(),
            })],
        }
    }

    #[test]
    fn a_request_dependency_of_the_api_is_a_new_single_point_of_failure() {
        let engine = Engine::tomoda().unwrap();
        let before = Before::new(engine.clone());
        // "Let the API read the backup bucket" (one of the issue's
        // proposals), at request time.
        let draft = connect("tomoda-api-prod", "backup-bucket", EdgeKind::Request);
        let a = answer(&before, &draft, Heading::TOP)
            .unwrap()
            .expect("an answer");
        assert!(
            a.verdict.contains("1 new single point of failure"),
            "{}",
            a.verdict
        );
        assert!(a.html.contains("archsim-impact"), "{}", a.html);
        assert!(a.html.contains("backup-bucket"), "{}", a.html);
        assert!(a.markdown.contains(&a.verdict), "{}", a.markdown);
        assert_eq!(a.toml, draft.to_toml(engine.model()));
        assert!(a.edited.model().edges.len() > engine.model().edges.len());
    }

    #[test]
    fn no_edit_no_answer_and_a_refused_edit_names_itself() {
        let before = Before::new(Engine::tomoda().unwrap());
        assert!(
            answer(&before, &Draft::default(), Heading::TOP)
                .unwrap()
                .is_none()
        );
        let Err(e) = answer(
            &before,
            &connect("tomoda-api-prd", "redis", EdgeKind::Request),
            Heading::TOP,
        ) else {
            panic!("an unknown id is refused")
        };
        let words = e.to_string();
        assert!(
            words.contains("edit 1") && words.contains("tomoda-api-prod"),
            "{words}"
        );
    }

    #[test]
    fn links_carry_the_draft_and_a_bad_one_is_named_and_ignored() {
        let draft = connect("tomoda-api-prod", "redis", EdgeKind::Request);
        let text = to_link(&draft);
        assert_eq!(from_link(&text), (draft, None));
        assert_eq!(to_link(&Draft::default()), "");
        assert_eq!(from_link(""), (Draft::default(), None));
        for bad in ["9,x:redis", "1,q:redis", "1,n:api"] {
            let (draft, notice) = from_link(bad);
            assert_eq!(draft, Draft::default(), "{bad}");
            let notice = notice.unwrap_or_default();
            assert!(
                notice.starts_with("Ignored the link's draft: "),
                "{bad}: {notice}"
            );
            assert!(
                notice.len() > "Ignored the link's draft: ".len() + 5,
                "{notice}"
            );
        }
    }
}
