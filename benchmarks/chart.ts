/**
 * A small SVG line chart (log–log), written without a library: the scaling of render time with the
 * body size and the loop count, one line per competitor.
 */

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

export interface Panel {
  title: string;
  xLabel: string;
  series: Series[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
const W = 460;
const H = 320;
const M = { left: 64, right: 16, top: 36, bottom: 48 };

function ticks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

function label(v: number): string {
  if (v >= 1_000_000) return `${v / 1_000_000}M`;
  if (v >= 1000) return `${v / 1000}k`;
  return String(v);
}

function panel(p: Panel, offsetX: number): string {
  const xs = p.series.flatMap((s) => s.points.map((q) => q.x));
  const ys = p.series.flatMap((s) => s.points.map((q) => q.y));
  const xt = ticks(Math.min(...xs), Math.max(...xs));
  const yt = ticks(Math.min(...ys), Math.max(...ys));
  const [x0, x1] = [Math.log10(xt[0]!), Math.log10(xt[xt.length - 1]!)];
  const [y0, y1] = [Math.log10(yt[0]!), Math.log10(yt[yt.length - 1]!)];
  const px = (x: number) => offsetX + M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (y: number) => M.top + (1 - (Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const parts: string[] = [`<text x="${offsetX + W / 2}" y="20" text-anchor="middle" font-weight="bold">${p.title}</text>`];
  for (const t of yt) {
    parts.push(`<line x1="${offsetX + M.left}" x2="${offsetX + W - M.right}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`);
    parts.push(`<text x="${offsetX + M.left - 6}" y="${py(t) + 4}" text-anchor="end">${t >= 1000 ? `${t / 1000} ms` : `${t} µs`}</text>`);
  }
  for (const t of xt) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${px(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  parts.push(`<text x="${offsetX + (W + M.left) / 2}" y="${H - 8}" text-anchor="middle">${p.xLabel}</text>`);
  p.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${s.points.map((q) => `${px(q.x).toFixed(1)},${py(q.y).toFixed(1)}`).join(' ')}"/>`);
    for (const q of s.points) parts.push(`<circle cx="${px(q.x).toFixed(1)}" cy="${py(q.y).toFixed(1)}" r="3" fill="${colour}"/>`);
  });
  return parts.join('\n');
}

export function lineChart(panels: Panel[], caption: string): string {
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))];
  const width = W * panels.length;
  const legend = names
    .map((n, i) => `<rect x="${16 + i * 200}" y="${H + 8}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${34 + i * 200}" y="${H + 18}">${n}</text>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 56}" viewBox="0 0 ${width} ${H + 56}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${panels.map((p, i) => panel(p, i * W)).join('\n')}
${legend}
<text x="16" y="${H + 44}" fill="#555">${caption}</text>
</svg>
`;
}
