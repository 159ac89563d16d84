//! The propose widget's panel: the map of the model and the impact area.
//!
//! The map is the model's (`archsim_web::map`, with the mount point's
//! focus); beside it the drafting area ([`crate::drafting`]): the forms,
//! the edits, the impact of the draft (or, with no draft, the words of the
//! fallback, `archsim_view::html::propose_empty`) and its export.

use std::rc::Rc;

use archsim_view::contract::Kind;
use archsim_web::components::Ctx;
use archsim_web::map::geometry::Geometry;
use archsim_web::state::WidgetState;
use yew::{AttrValue, Html, html};

use crate::drafting::Drafting;

/// The panel of a propose widget (the bundle's `PanelFn`). The bundle
/// mounts no other kind, so any other shows nothing.
pub fn panel(
    kind: Kind,
    ctx: &Ctx,
    state: &Rc<WidgetState>,
    geometry: Option<&Rc<Geometry>>,
) -> Html {
    if kind != Kind::Propose {
        return Html::default();
    }
    let map = match geometry {
        Some(g) => archsim_web::map::map_panel(ctx, state, g),
        None => Html::default(),
    };
    html! {
        <>
            { map }
            <Drafting ctx={ctx.clone()} draft={AttrValue::from(state.draft.clone())} />
        </>
    }
}
