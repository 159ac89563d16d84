// The contrast of text against what is painted behind it, by
// WCAG 2.1's formula: what falls short of AA (4.5:1, or 3:1 for large
// text: 24 px, or 18.66 px bold).
//
// arguments[0]: a CSS selector for the roots to look in (each root and
// every element in it that holds text of its own).
//
// Not looked at, as WCAG exempts them: disabled controls, and what the map
// fades on purpose (`.is-faded`, the rest of the map while a node is
// hovered or a search is typed). Colours are read as the browser computed
// them; layers with transparency are composited, as the browser paints
// them, down to the page's background.
//
// Returns { checked, failures: [{ what, text, fg, bg, ratio, needed }] }.
const rgba = (s) => {
  const m = s && s.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
const channel = (v) => {
  v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
};
const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const ratio = (a, b) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

// The colour behind an HTML element: the backgrounds of it and its
// ancestors, composited up to the first opaque one (or the white canvas).
const htmlBehind = (e) => {
  const layers = [];
  for (let n = e; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c && c[3] > 0) {
      layers.push(c);
      if (c[3] >= 1) break;
    }
  }
  let bg = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
};

// The opacity an element is drawn with: its own and its ancestors'.
const opacity = (e) => {
  let o = 1;
  for (let n = e; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
  return o;
};

// The colour behind a text of the map: the page under the drawing, the
// provider and region boxes around the text's middle, then its own box.
const svgBehind = (text) => {
  const svg = text.ownerSVGElement;
  let bg = htmlBehind(svg);
  const r = text.getBoundingClientRect();
  const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
  const boxes = Array.from(svg.querySelectorAll('g.archsim-group > rect')).filter((b) => {
    const br = b.getBoundingClientRect();
    return x >= br.left && x <= br.right && y >= br.top && y <= br.bottom;
  });
  const own = text.parentElement.querySelector(':scope > rect');
  if (own) boxes.push(own);
  for (const b of boxes) {
    const s = getComputedStyle(b);
    const c = rgba(s.fill);
    if (c) bg = over([c[0], c[1], c[2], c[3] * Number(s.fillOpacity) * opacity(b)], bg);
  }
  return bg;
};

// A field's text is its value, or what a reader will type (in the
// field's colour) while it is empty.
const ownText = (e) =>
  e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement
    ? e.value || 'typed text'
    : Array.from(e.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent)
    .join('')
    .trim();

const shown = (e) => {
  if (e.getClientRects().length === 0) return false;
  const s = getComputedStyle(e);
  return s.visibility === 'visible' && s.display !== 'none';
};

// Visually hidden on purpose (a 1 px clipped box, e.g. a table's header
// row on a phone): not read by the eye.
const clipped = (e) => {
  for (let n = e; n; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.clipPath === 'inset(50%)' || (s.position === 'absolute' && s.overflow === 'hidden' && n.getBoundingClientRect().width <= 1)) return true;
  }
  return false;
};

const failures = [];
let checked = 0;
const seen = new Set();
for (const root of document.querySelectorAll(arguments[0])) {
  for (const e of [root, ...root.querySelectorAll('*')]) {
    if (seen.has(e)) continue;
    seen.add(e);
    const text = ownText(e);
    if (!text || !shown(e) || clipped(e)) continue;
    if (e.closest('.is-faded, :disabled, option')) continue;
    const s = getComputedStyle(e);
    const inSvg = e instanceof SVGElement;
    const colour = rgba(inSvg ? s.fill : s.color);
    if (!colour) continue;
    const bg = inSvg ? svgBehind(e) : htmlBehind(e);
    const alpha = colour[3] * opacity(e) * (inSvg ? Number(s.fillOpacity) : 1);
    const fg = over([colour[0], colour[1], colour[2], alpha], bg);
    // The map's text is sized in drawing units: what counts is its size on screen.
    const size = parseFloat(s.fontSize) * (inSvg ? Math.abs(e.getScreenCTM().a) : 1);
    const bold = Number(s.fontWeight) >= 700;
    const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const r = ratio(fg, bg);
    checked++;
    if (r < needed) {
      failures.push({
        what: e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : ''),
        text: text.slice(0, 40),
        fg: hex(fg),
        bg: hex(bg),
        ratio: Math.round(r * 100) / 100,
        needed,
      });
    }
  }
}
return { checked, failures };
