/** A bench report drawn: bars for the terminal, a log-log line chart as SVG. */
import type { BenchReport } from './bench-template.js';

function ms(v: number): string {
  return v >= 100 ? `${v.toFixed(0)} ms` : v >= 1 ? `${v.toFixed(2)} ms` : `${(v * 1000).toFixed(1)} µs`;
}

/** One bar per case (and per compared case), scaled to the slowest. */
export function textChart(report: BenchReport, width = 40): string {
  const rows: [string, number][] = [];
  report.cases.forEach((c, i) => {
    rows.push([`A ${c.label}`, c.medianMs]);
    const other = report.comparison?.[i]?.other;
    if (other) rows.push([`B ${other.label}`, other.medianMs]);
  });
  const max = Math.max(...rows.map(([, v]) => v), Number.MIN_VALUE);
  const labelWidth = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([label, v]) => `${label.padEnd(labelWidth)} ${'█'.repeat(Math.max(1, Math.round((v / max) * width)))} ${ms(v)}`).join('\n');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Median render time against body size, both on log scales; A solid, B dashed. */
export function svgChart(report: BenchReport, title = 'render time by body size'): string {
  const W = 640;
  const H = 360;
  const pad = { left: 70, right: 20, top: 40, bottom: 50 };
  const series = [report.cases.map((c) => ({ x: c.bodyBytes, y: c.medianMs }))];
  if (report.comparison) series.push(report.comparison.map((c) => ({ x: c.other.bodyBytes, y: c.other.medianMs })));
  const points = series.flat().filter((p) => p.x > 0 && p.y > 0);
  const lx = points.map((p) => Math.log10(p.x));
  const ly = points.map((p) => Math.log10(p.y));
  const [x0, x1] = [Math.min(...lx), Math.max(...lx) || 1];
  const [y0, y1] = [Math.min(...ly), Math.max(...ly)];
  const sx = (x: number) => pad.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - pad.left - pad.right);
  const sy = (y: number) => H - pad.bottom - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - pad.top - pad.bottom);
  const lines = series.map((s, i) => {
    const d = s.filter((p) => p.x > 0 && p.y > 0).map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    const dots = s.map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3"/>`).join('');
    return `<g fill="${i ? '#c0392b' : '#2c3e50'}" stroke="${i ? '#c0392b' : '#2c3e50'}"><path d="${d}" fill="none" stroke-width="2"${i ? ' stroke-dasharray="6 4"' : ''}/>${dots}</g>`;
  });
  const labels = report.cases
    .map((c) => `<text x="${sx(c.bodyBytes).toFixed(1)}" y="${H - pad.bottom + 18}" text-anchor="middle">${escapeXml(c.label.replace(/ body$/, ''))}</text>`)
    .join('');
  const yTicks = [...new Set(points.map((p) => p.y))]
    .map((y) => `<text x="${pad.left - 8}" y="${sy(y).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${escapeXml(ms(y))}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${pad.left}" y1="${H - pad.bottom}" x2="${W - pad.right}" y2="${H - pad.bottom}" stroke="#999"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${H - pad.bottom}" stroke="#999"/>`,
    ...lines,
    labels,
    yTicks,
    report.comparison ? `<text x="${W - pad.right}" y="${pad.top}" text-anchor="end">A solid, B dashed</text>` : '',
    '</svg>',
  ].join('\n');
}
