/** Plain-text tables (also valid Markdown) and number formatting for the benchmark report. */

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

export function rate(perSecond: number): string {
  if (perSecond >= 100_000) return `${Math.round(perSecond / 1000)}k`;
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(1)}k`;
  if (perSecond >= 100) return String(Math.round(perSecond));
  return perSecond.toFixed(1);
}

export function micros(us: number): string {
  if (us >= 10_000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 1000) return `${(us / 1000).toFixed(2)} ms`;
  if (us >= 100) return `${Math.round(us)} µs`;
  return `${us.toFixed(1)} µs`;
}

/** How the competitor compares with apigw-vtl: `4.2× slower` / `1.3× faster`. */
export function versus(ours: number, theirs: number): string {
  if (theirs >= ours) return `${(theirs / ours).toFixed(1)}× faster`;
  return `${(ours / theirs).toFixed(1)}× slower`;
}
