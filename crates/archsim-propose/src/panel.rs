//! The propose widget's panel: the map of the model and the impact area.
//!
//! A skeleton for now: the map is the model's (`archsim_web::map`, with
//! the mount point's focus), and the impact area says that no change is
//! drafted, in the words of the fallback (`archsim_view::html::propose_empty`).
//! Drafting, the link form of a draft and the impact come next.

use std::rc::Rc;

use archsim_view::contract::Kind;
use archsim_web::components::Ctx;
use archsim_web::map::geometry::Geometry;
use archsim_web::markup::{Markup, WidgetMarkup};
use archsim_web::state::WidgetState;
use yew::{Html, html};

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
    let mut impact = Markup::new();
    archsim_view::html::propose_empty(&mut impact);
    html! {
        <>
            { map }
            { impact.into_html() }
        </>
    }
}
