//! Numbers as the maps write them: coordinates with at most one decimal,
//! and path data.

use std::fmt::Write;

/// A coordinate as the maps write it: at most one decimal, no trailing
/// `.0`.
pub fn coord(v: f64) -> String {
    num(v).to_string()
}

/// SVG path data for a start point and cubic segments (the widgets draw
/// the same paths).
pub fn path_data(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", num(first.0), num(first.1));
    for seg in points[1..].chunks(3) {
        if let [a, b, c] = seg {
            let _ = write!(
                d,
                "C{},{} {},{} {},{}",
                num(a.0),
                num(a.1),
                num(b.0),
                num(b.1),
                num(c.0),
                num(c.1)
            );
        } else {
            for pt in seg {
                let _ = write!(d, "L{},{}", num(pt.0), num(pt.1));
            }
        }
    }
    d
}

/// A coordinate with at most one decimal, without a trailing `.0`, so the
/// output is short and stable across platforms. Written straight into the
/// output (no allocation per number: a map has tens of thousands).
pub(super) fn num(v: f64) -> Num {
    Num(v)
}

/// See [`num`].
pub(super) struct Num(f64);

impl std::fmt::Display for Num {
    /// Integer arithmetic only: printing an `f64` links core's float
    /// formatting, some 20 KB of the browser bundle.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() {
            // What `{:.1}` writes; no layout produces these.
            let text = match tenths {
                t if t.is_nan() => "NaN",
                t if t > 0.0 => "inf",
                _ => "-inf",
            };
            return f.write_str(text);
        }
        // The digits `{:.1}` wrote for every value below 2^53 tenths
        // (about 9 · 10^14), far beyond any drawing.
        let tenths = tenths as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_have_at_most_one_decimal() {
        let cases: [(f64, &str); 18] = [
            (0.0, "0"),
            (-0.0, "0"),
            (0.04, "0"),
            (-0.04, "0"),
            (0.05, "0.1"),
            (-0.05, "-0.1"),
            (12.5, "12.5"),
            (12.34, "12.3"),
            (12.96, "13"),
            (-3.0, "-3"),
            (-12.25, "-12.3"),
            (188.0, "188"),
            (1234567.89, "1234567.9"),
            (-0.96, "-1"),
            (7.2 * 3.0, "21.6"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (v, expected) in cases {
            assert_eq!(num(v).to_string(), expected, "{v}");
        }
    }

    /// The former float formatting, on a sweep of values.
    #[test]
    fn numbers_match_float_formatting() {
        let former = |v: f64| {
            let tenths = (v * 10.0).round();
            if tenths % 10.0 == 0.0 {
                format!("{}", (tenths / 10.0) as i64)
            } else {
                format!("{:.1}", tenths / 10.0)
            }
        };
        for i in -20_000..20_000 {
            for v in [i as f64 * 0.37, i as f64 * 25.1 + 0.05, i as f64 / 7.0] {
                assert_eq!(num(v).to_string(), former(v), "{v}");
            }
        }
    }
}
