//! The map's viewport arithmetic: zoom about a point, pan, pinch, screen to
//! drawing coordinates, keeping a node in sight, fitting what an answer
//! concerns, and moving between nodes with the arrow keys.
//!
//! Pure functions on numbers and layout boxes, tested natively; the map
//! component only feeds them pointer positions and element sizes.

use archsim_view::layout::NodeBox;

/// The map's pan and zoom, in the drawing's units: a point `p` of the
/// drawing shows at `p · zoom + (x, y)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Scale, 1 = the whole drawing fits.
    pub zoom: f64,
    /// Horizontal translation.
    pub x: f64,
    /// Vertical translation.
    pub y: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            zoom: 1.0,
            x: 0.0,
            y: 0.0,
        }
    }
}

/// The closest the map zooms out (the whole drawing at a quarter size).
pub const MIN_ZOOM: f64 = 0.25;
/// The closest the map zooms in, at least (a big drawing goes further:
/// [`max_zoom`]).
pub const MAX_ZOOM: f64 = 12.0;
/// One step of the zoom buttons and keys.
pub const ZOOM_STEP: f64 = 1.25;

/// The closest a drawing of `size` zooms in: [`MAX_ZOOM`], or as close as
/// makes its names twice their own size on a typical frame, whichever is
/// closer. A fitted 1,000-component map is 33 units per pixel, and zoom 12
/// would leave its names 4 pixels high.
pub fn max_zoom(size: (f64, f64)) -> f64 {
    MAX_ZOOM.max(2.0 * units_per_pixel(TYPICAL_FRAME, size))
}

/// Zoom by `factor` keeping the drawing point under `at` (viewport
/// coordinates, in drawing units) where it is. The zoom stays within
/// [`MIN_ZOOM`]..=`max`.
pub fn zoom_at(view: Viewport, factor: f64, at: (f64, f64), max: f64) -> Viewport {
    if !factor.is_finite() || factor <= 0.0 {
        return view;
    }
    // Not `clamp`: with a bound known only at run time, its check for
    // `min > max` would link float formatting (15 KB) for its message.
    let zoom = (view.zoom * factor).min(max).max(MIN_ZOOM);
    let f = zoom / view.zoom;
    Viewport {
        zoom,
        x: at.0 - (at.0 - view.x) * f,
        y: at.1 - (at.1 - view.y) * f,
    }
}

/// Move the drawing by `(dx, dy)` viewport units.
pub fn pan(view: Viewport, dx: f64, dy: f64) -> Viewport {
    Viewport {
        x: view.x + dx,
        y: view.y + dy,
        ..view
    }
}

/// The view two fingers make of `start`: they touched at `from` and are
/// now at `to` (viewport coordinates, in drawing units). The drawing
/// follows their midpoint and scales with their spread, so the points
/// under the fingers stay under them. Fingers that touched at one point
/// only move the drawing.
pub fn pinch(start: Viewport, from: [(f64, f64); 2], to: [(f64, f64); 2], max: f64) -> Viewport {
    let mid = |p: [(f64, f64); 2]| ((p[0].0 + p[1].0) / 2.0, (p[0].1 + p[1].1) / 2.0);
    let spread = |p: [(f64, f64); 2]| (p[0].0 - p[1].0).hypot(p[0].1 - p[1].1);
    let (a, b) = (mid(from), mid(to));
    let moved = pan(start, b.0 - a.0, b.1 - a.1);
    zoom_at(moved, spread(to) / spread(from), b, max)
}

/// A rectangle on screen: left, top, width, height (CSS pixels).
pub type Rect = (f64, f64, f64, f64);

/// Drawing units per CSS pixel for an SVG of viewBox `size` shown in
/// `rect` with `preserveAspectRatio="xMidYMid meet"`.
pub fn units_per_pixel(rect: Rect, size: (f64, f64)) -> f64 {
    let s = (rect.2 / size.0).min(rect.3 / size.1);
    if s.is_finite() && s > 0.0 {
        1.0 / s
    } else {
        1.0
    }
}

/// The largest the map is usually drawn, in CSS pixels: the book's text
/// column, and 75 % of a window's height (widgets.css).
pub const TYPICAL_FRAME: Rect = (0.0, 0.0, 800.0, 600.0);

/// Drawing units per pixel above which a name ([`NAME_UNITS`]) is under 8
/// pixels: the map then writes ids in large type instead.
pub const MID_UNITS_PER_PIXEL: f64 = 1.5;

/// Drawing units per pixel above which the map counts as far out: a
/// 12-unit word or 10-unit dash is then under two pixels.
pub const FAR_UNITS_PER_PIXEL: f64 = 6.0;

/// How much of the map's text can be made out at a zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Names, kinds and edge labels, in their own size.
    Full,
    /// Each box shows its id in large type instead of its name and kind;
    /// edge labels are hidden (`.is-mid`). A Tomoda map fitted to the
    /// book's text column is here: its names would be 4 pixels high.
    Ids,
    /// No words on boxes or edges, and edges drawn plain (`.is-far`): at
    /// 1,000 components painting them made every frame take 100 to 300 ms.
    Shapes,
}

impl Detail {
    /// The map frame's class for this detail, if any (widgets.css).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Detail::Full => None,
            Detail::Ids => Some("is-mid"),
            Detail::Shapes => Some("is-far"),
        }
    }
}

/// How much of a drawing of `size`, at `zoom`, can be read in `frame`:
/// [`TYPICAL_FRAME`] in a page, or the window when the map fills it. Never
/// the map's measured size, so that a render never waits for the
/// browser's layout.
pub fn detail(size: (f64, f64), zoom: f64, frame: Rect) -> Detail {
    let units = units_per_pixel(frame, size) / zoom.max(MIN_ZOOM);
    if units > FAR_UNITS_PER_PIXEL {
        Detail::Shapes
    } else if units > MID_UNITS_PER_PIXEL {
        Detail::Ids
    } else {
        Detail::Full
    }
}

/// Where a client (CSS pixel) point falls in the viewport's drawing units.
pub fn client_to_viewport(rect: Rect, size: (f64, f64), client: (f64, f64)) -> (f64, f64) {
    let u = units_per_pixel(rect, size);
    let s = 1.0 / u;
    let left = rect.0 + (rect.2 - size.0 * s) / 2.0;
    let top = rect.1 + (rect.3 - size.1 * s) / 2.0;
    ((client.0 - left) * u, (client.1 - top) * u)
}

/// The view, moved as little as needed to show `node` whole (centred when
/// it was out of sight).
pub fn ensure_visible(view: Viewport, node: &NodeBox, size: (f64, f64)) -> Viewport {
    let (x0, y0) = (node.x * view.zoom + view.x, node.y * view.zoom + view.y);
    let (x1, y1) = (x0 + node.width * view.zoom, y0 + node.height * view.zoom);
    if x0 >= 0.0 && y0 >= 0.0 && x1 <= size.0 && y1 <= size.1 {
        return view;
    }
    Viewport {
        zoom: view.zoom,
        x: size.0 / 2.0 - (node.x + node.width / 2.0) * view.zoom,
        y: size.1 / 2.0 - (node.y + node.height / 2.0) * view.zoom,
    }
}

/// The size a component's name is drawn at, in drawing units: the one
/// number the map's arithmetic uses for it (`archsim.css` sets it on
/// `.archsim-node-name`; a test reads it there).
pub const NAME_UNITS: f64 = 12.0;

/// The smallest a name may show on screen, in CSS pixels, when the map is
/// fitted to what an answer concerns ([`fit_concern`]).
pub const READABLE_PX: f64 = 11.0;

/// Drawing units around a fitted set, so its outlines show whole.
const FIT_MARGIN: f64 = 24.0;

/// The view of a drawing of `size`, shown in `frame`, that shows the
/// boxes `set` of `boxes` whole, and no closer than makes names half as
/// big again as [`READABLE_PX`] (a route of three boxes need not fill the
/// frame). A set that cannot fit with names at [`READABLE_PX`] is fitted
/// whole, its names smaller. Never further out than the whole drawing,
/// nor closer than `max`; the drawing's edges stay at or beyond the
/// frame's when the set allows.
///
/// Returns: the view and whether its names are readable; `None` for an
/// empty set.
/// Complexity: O(|set|).
pub fn fit(
    boxes: &[NodeBox],
    set: &[usize],
    size: (f64, f64),
    frame: Rect,
    max: f64,
) -> Option<(Viewport, bool)> {
    let (x0, y0, x1, y1) = archsim_view::layout::extent(set.iter().filter_map(|&i| boxes.get(i)))?;
    let (w, h) = (x1 - x0 + 2.0 * FIT_MARGIN, y1 - y0 + 2.0 * FIT_MARGIN);
    let whole = (size.0 / w).min(size.1 / h);
    let readable = READABLE_PX * units_per_pixel(frame, size) / NAME_UNITS;
    let zoom = whole.min(1.5 * readable).min(max).max(1.0);
    let at = |centre: f64, side: f64| {
        (side / 2.0 - centre * zoom)
            .min(0.0)
            .max(side * (1.0 - zoom))
    };
    let view = Viewport {
        zoom,
        x: at((x0 + x1) / 2.0, size.0),
        y: at((y0 + y1) / 2.0, size.1),
    };
    Some((view, zoom >= readable))
}

/// The view [`fit`] gives what an answer concerns (`concern`: node
/// indices) with their neighbours; when those cannot show readable names,
/// the concern alone. What a map's answer concerns is what it marks: the
/// route's hops, the failed components and those the engine gives as the
/// cause of a flow that is not ok (a draft's changes, when drafts are
/// drawn). The place and DNS widgets draw no map.
///
/// Returns: `None` for an empty concern (the caller shows the whole map).
/// Complexity: O(concern and their neighbours).
pub fn fit_concern(
    boxes: &[NodeBox],
    neighbours: &[Vec<usize>],
    concern: &[usize],
    size: (f64, f64),
    frame: Rect,
    max: f64,
) -> Option<Viewport> {
    let mut near = concern.to_vec();
    for &i in concern {
        if let Some(n) = neighbours.get(i) {
            near.extend_from_slice(n);
        }
    }
    match fit(boxes, &near, size, frame, max)? {
        (view, true) => Some(view),
        _ => fit(boxes, concern, size, frame, max).map(|f| f.0),
    }
}

/// An arrow key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key`, if it is an arrow.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The node an arrow key moves to from `nodes[from]`: the nearest one whose
/// centre lies that way, distance across the arrow counting double, so
/// Right follows a row and Down a column.
///
/// Returns: its index; `None` at the drawing's edge.
/// Complexity: O(n).
pub fn neighbour(nodes: &[NodeBox], from: usize, direction: Direction) -> Option<usize> {
    let centre = |n: &NodeBox| (n.x + n.width / 2.0, n.y + n.height / 2.0);
    let (fx, fy) = centre(nodes.get(from)?);
    nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != from)
        .filter_map(|(i, n)| {
            let (x, y) = centre(n);
            let (along, across) = match direction {
                Direction::Right => (x - fx, y - fy),
                Direction::Left => (fx - x, y - fy),
                Direction::Down => (y - fy, x - fx),
                Direction::Up => (fy - y, x - fx),
            };
            (along > 0.5).then_some((i, along + 2.0 * across.abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::CompId;

    #[test]
    fn detail_follows_the_size_of_a_word_on_screen() {
        use Detail::{Full, Ids, Shapes};
        // (drawing size, zoom, detail): the Tomoda map (2.8 units per
        // pixel when fitted), and the 1,000- and 300-component synthetic
        // ones (archsim_view's layout).
        let cases = [
            ((2256.0, 1432.0), 1.0, Ids),
            ((2256.0, 1432.0), 1.25 * 1.25, Ids),
            ((2256.0, 1432.0), 1.25 * 1.25 * 1.25, Full),
            ((2256.0, 1432.0), 0.5, Ids),
            ((2256.0, 1432.0), MIN_ZOOM, Shapes),
            ((2256.0, 19932.0), 1.0, Shapes),
            ((2256.0, 19932.0), 5.0, Shapes),
            ((2256.0, 19932.0), 6.0, Ids),
            ((2256.0, 19932.0), 30.0, Full),
            ((2256.0, 7028.0), 1.0, Shapes),
            ((2256.0, 7028.0), 2.0, Ids),
            // A small drawing fits in full.
            ((900.0, 500.0), 1.0, Full),
        ];
        for (size, zoom, detail_at) in cases {
            assert_eq!(
                detail(size, zoom, TYPICAL_FRAME),
                detail_at,
                "{size:?} at zoom {zoom}"
            );
        }
        // The Tomoda map filling a 1920 × 1080 window (less its controls)
        // shows its names; a 1280 × 720 one, its ids.
        assert_eq!(
            detail((2256.0, 1432.0), 1.0, (0.0, 0.0, 1900.0, 980.0)),
            Full
        );
        assert_eq!(
            detail((2256.0, 1432.0), 1.0, (0.0, 0.0, 1260.0, 620.0)),
            Ids
        );
        // The closest zoom: 12 for the Tomoda map; for the 1,000-component
        // one, as close as shows names at 24 px on a typical frame (there
        // detail is full).
        assert_eq!(max_zoom((2256.0, 1432.0)), MAX_ZOOM);
        let big = (2256.0, 19932.0);
        assert!((max_zoom(big) - 66.44).abs() < 0.01, "{}", max_zoom(big));
        assert_eq!(detail(big, max_zoom(big), TYPICAL_FRAME), Full);
        assert_eq!(Full.class(), None);
        assert_eq!(Ids.class(), Some("is-mid"));
        assert_eq!(Shapes.class(), Some("is-far"));
    }

    fn node(i: usize, x: f64, y: f64) -> NodeBox {
        NodeBox {
            component: CompId::from_index(i),
            x,
            y,
            width: 100.0,
            height: 40.0,
            layer: 0,
            group: 0,
        }
    }

    #[test]
    fn zooms_about_the_pointer() {
        let v = Viewport::default();
        let cases = [
            // (factor, at, expected zoom, the drawing point that must stay put)
            (2.0, (0.0, 0.0), 2.0),
            (2.0, (100.0, 50.0), 2.0),
            (0.5, (300.0, 10.0), 0.5),
            (1000.0, (10.0, 10.0), MAX_ZOOM),
            (0.0001, (10.0, 10.0), MIN_ZOOM),
        ];
        for (factor, at, zoom) in cases {
            let z = zoom_at(v, factor, at, MAX_ZOOM);
            assert!((z.zoom - zoom).abs() < 1e-9, "{factor}: {z:?}");
            // The drawing point under `at` before is under `at` after.
            let before = ((at.0 - v.x) / v.zoom, (at.1 - v.y) / v.zoom);
            let after = ((at.0 - z.x) / z.zoom, (at.1 - z.y) / z.zoom);
            assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        }
        assert_eq!(zoom_at(v, f64::NAN, (1.0, 1.0), MAX_ZOOM), v);
        assert_eq!(zoom_at(v, -1.0, (1.0, 1.0), MAX_ZOOM), v);
        assert_eq!(
            pan(v, 5.0, -3.0),
            Viewport {
                zoom: 1.0,
                x: 5.0,
                y: -3.0
            }
        );
    }

    #[test]
    fn the_points_under_two_fingers_stay_under_them() {
        let start = Viewport {
            zoom: 2.0,
            x: -40.0,
            y: 10.0,
        };
        // (from, to, expected zoom, whether the fingers turned): spread
        // apart, pinched together, moved together, turned, spread past
        // the limit. The drawing does not turn: then only the point under
        // their midpoint stays under it.
        let cases = [
            (
                [(100.0, 100.0), (200.0, 100.0)],
                [(50.0, 100.0), (250.0, 100.0)],
                4.0,
                false,
            ),
            (
                [(100.0, 100.0), (300.0, 300.0)],
                [(150.0, 150.0), (250.0, 250.0)],
                1.0,
                false,
            ),
            (
                [(100.0, 100.0), (200.0, 100.0)],
                [(130.0, 60.0), (230.0, 60.0)],
                2.0,
                false,
            ),
            (
                [(100.0, 100.0), (200.0, 100.0)],
                [(150.0, 50.0), (150.0, 150.0)],
                2.0,
                true,
            ),
            (
                [(100.0, 100.0), (101.0, 100.0)],
                [(0.0, 100.0), (900.0, 100.0)],
                MAX_ZOOM,
                true,
            ),
        ];
        let drawing = |v: Viewport, p: (f64, f64)| ((p.0 - v.x) / v.zoom, (p.1 - v.y) / v.zoom);
        let mid = |p: [(f64, f64); 2]| ((p[0].0 + p[1].0) / 2.0, (p[0].1 + p[1].1) / 2.0);
        let same =
            |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9;
        for (from, to, zoom, turned) in cases {
            let v = pinch(start, from, to, MAX_ZOOM);
            assert!((v.zoom - zoom).abs() < 1e-9, "{from:?} → {to:?}: {v:?}");
            assert!(
                same(drawing(start, mid(from)), drawing(v, mid(to))),
                "{from:?} → {to:?}"
            );
            if !turned {
                for i in 0..2 {
                    assert!(
                        same(drawing(start, from[i]), drawing(v, to[i])),
                        "{from:?} → {to:?}: {i}"
                    );
                }
            }
        }
        // Both fingers on one point: the drawing only moves with them.
        let one = [(100.0, 100.0), (100.0, 100.0)];
        let moved = pinch(start, one, [(110.0, 90.0), (110.0, 90.0)], MAX_ZOOM);
        assert_eq!(moved, pan(start, 10.0, -10.0));
    }

    #[test]
    fn maps_screen_points_into_the_drawing() {
        // A 1000×500 drawing in a 500×500 box: scale 0.5, letterboxed vertically.
        let rect = (10.0, 20.0, 500.0, 500.0);
        let size = (1000.0, 500.0);
        assert_eq!(units_per_pixel(rect, size), 2.0);
        let cases = [
            ((10.0, 145.0), (0.0, 0.0)),
            ((510.0, 395.0), (1000.0, 500.0)),
            ((260.0, 270.0), (500.0, 250.0)),
        ];
        for (client, expected) in cases {
            assert_eq!(
                client_to_viewport(rect, size, client),
                expected,
                "{client:?}"
            );
        }
        assert_eq!(units_per_pixel((0.0, 0.0, 0.0, 0.0), size), 1.0);
    }

    #[test]
    fn keeps_a_node_in_sight() {
        let size = (800.0, 400.0);
        let n = node(0, 750.0, 100.0);
        let v = Viewport::default();
        let moved = ensure_visible(v, &n, size);
        assert_eq!(
            moved,
            Viewport {
                zoom: 1.0,
                x: 400.0 - 800.0,
                y: 200.0 - 120.0
            }
        );
        let inside = node(0, 10.0, 10.0);
        assert_eq!(ensure_visible(v, &inside, size), v);
    }

    /// Whether `n` shows whole in the view box of a drawing of `size`.
    fn shown(v: Viewport, n: &NodeBox, size: (f64, f64)) -> bool {
        let (x0, y0) = (n.x * v.zoom + v.x, n.y * v.zoom + v.y);
        let (x1, y1) = (x0 + n.width * v.zoom, y0 + n.height * v.zoom);
        x0 >= 0.0 && y0 >= 0.0 && x1 <= size.0 && y1 <= size.1
    }

    #[test]
    fn fits_a_set_with_names_readable_where_it_can() {
        // A 2000 × 1000 drawing in a 700 × 350 frame: 2.86 units a pixel,
        // names readable from zoom 2.62 (a 763 × 382 window on it).
        let size = (2000.0, 1000.0);
        let frame = (0.0, 0.0, 700.0, 350.0);
        let boxes = [
            node(0, 900.0, 400.0),
            node(1, 1100.0, 400.0),
            node(2, 50.0, 950.0),
            node(3, 1890.0, 10.0),
            node(4, 1300.0, 480.0),
        ];
        let readable = READABLE_PX * units_per_pixel(frame, size) / NAME_UNITS;
        // (set, whether its names are readable, expected zoom)
        let cases: [(&[usize], bool, f64); 6] = [
            // Two boxes side by side: no closer than names at 16.5 px.
            (&[0, 1], true, 1.5 * readable),
            (&[0], true, 1.5 * readable),
            // Three boxes: as close as the set allows, names readable.
            (&[0, 1, 4], true, 2000.0 / (500.0 + 48.0)),
            // Taller than readable names allow: the whole set, smaller.
            (&[0, 2], false, 1000.0 / (590.0 + 48.0)),
            // Corner to corner: the whole drawing, no further out.
            (&[2, 3], false, 1.0),
            // Out-of-range indices are ignored.
            (&[1, 99], true, 1.5 * readable),
        ];
        for (set, readable_names, zoom) in cases {
            let (v, ok) = fit(&boxes, set, size, frame, MAX_ZOOM).unwrap();
            assert_eq!(ok, readable_names, "{set:?}: {v:?}");
            assert!((v.zoom - zoom).abs() < 1e-9, "{set:?}: {v:?}");
            assert_eq!(ok, v.zoom >= readable, "{set:?}");
            for &i in set.iter().filter(|&&i| i < boxes.len()) {
                assert!(shown(v, &boxes[i], size), "{set:?}: {i} in {v:?}");
            }
            // The drawing covers the frame: no empty band beside it.
            assert!(v.x <= 0.0 && v.y <= 0.0, "{set:?}: {v:?}");
            assert!(v.x + size.0 * v.zoom >= size.0 - 1e-9, "{set:?}: {v:?}");
            assert!(v.y + size.1 * v.zoom >= size.1 - 1e-9, "{set:?}: {v:?}");
        }
        assert_eq!(fit(&boxes, &[], size, frame, MAX_ZOOM), None);
        assert_eq!(fit(&boxes, &[7], size, frame, MAX_ZOOM), None);
        // A bound closer than readable names: the bound.
        assert_eq!(fit(&boxes, &[0], size, frame, 2.0).unwrap().0.zoom, 2.0);
    }

    #[test]
    fn fits_the_concern_with_its_neighbours_or_else_alone() {
        let size = (2000.0, 1000.0);
        let frame = (0.0, 0.0, 700.0, 350.0);
        let boxes = [
            node(0, 900.0, 400.0),
            node(1, 1100.0, 400.0),
            node(2, 50.0, 900.0),
        ];
        // 0's neighbours: 1 close by, 2 far away.
        let near = vec![vec![1], vec![0], vec![]];
        let v = fit_concern(&boxes, &near, &[0], size, frame, MAX_ZOOM).unwrap();
        assert!(shown(v, &boxes[1], size), "{v:?}");
        let far = vec![vec![1, 2], vec![0], vec![0]];
        let v = fit_concern(&boxes, &far, &[0], size, frame, MAX_ZOOM).unwrap();
        assert!(
            shown(v, &boxes[0], size) && !shown(v, &boxes[2], size),
            "{v:?}"
        );
        assert_eq!(fit_concern(&boxes, &far, &[], size, frame, MAX_ZOOM), None);
    }

    #[test]
    fn names_are_drawn_at_name_units() {
        let css = include_str!("../../../archsim-view/assets/archsim.css");
        #[allow(clippy::disallowed_macros)]
        let rule = format!(".archsim-node-name {{ font-size: {NAME_UNITS}px;");
        assert!(css.contains(&rule), "archsim.css: {rule}");
    }

    #[test]
    fn arrows_move_to_the_nearest_node_that_way() {
        //  0 (0,0)     1 (200,0)
        //  2 (0,100)   3 (200,120)   4 (400,300)
        let nodes = [
            node(0, 0.0, 0.0),
            node(1, 200.0, 0.0),
            node(2, 0.0, 100.0),
            node(3, 200.0, 120.0),
            node(4, 400.0, 300.0),
        ];
        use Direction::*;
        let cases = [
            (0, Right, Some(1)),
            (0, Down, Some(2)),
            (0, Left, None),
            (0, Up, None),
            (1, Left, Some(0)),
            (1, Down, Some(3)),
            (2, Right, Some(3)),
            (3, Right, Some(4)),
            (4, Left, Some(3)),
            (4, Right, None),
            (9, Right, None),
        ];
        for (from, direction, expected) in cases {
            assert_eq!(
                neighbour(&nodes, from, direction),
                expected,
                "{from} {direction:?}"
            );
        }
        assert_eq!(Direction::from_key("ArrowUp"), Some(Up));
        assert_eq!(Direction::from_key("a"), None);
    }
}
