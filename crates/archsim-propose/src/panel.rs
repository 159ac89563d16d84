//! The propose widget's panel: the drafting area ([`crate::drafting`]):
//! the map of the draft (`archsim_view::svg::draft`), the forms, the edits, the
//! impact of the draft (or, with no draft, the words of the fallback,
//! `archsim_view::html::propose_empty`) and its export.

use std::rc::Rc;

use archsim_core::CompId;
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
    // The map is the drafting area's: the static drawing of the draft
    // (`archsim_view::svg::draft`), not the widgets' interactive map. The geometry
    // is the layout of the mount point's focus: its components are the
    // ones to draw.
    let focus: Option<Rc<[CompId]>> = geometry
        .filter(|g| g.boxes.len() < ctx.shared.model().components.len())
        .map(|g| g.boxes.iter().map(|b| b.component).collect());
    html! {
        <Drafting ctx={ctx.clone()} draft={AttrValue::from(state.draft.clone())} {focus} />
    }
}
