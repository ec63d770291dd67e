/**
 * Checked templates as JUnit XML, the format CI systems (GitLab, Jenkins, Azure Pipelines, the test
 * reporters of GitHub Actions) show as a test list. Counterexamples carry quotes, control characters and
 * lone surrogates on purpose, so every piece of text is escaped, and what XML 1.0 cannot hold at all is
 * written as a visible `\uXXXX` instead.
 */
import type { ReportedCase } from './finding.js';

/** Characters XML 1.0 forbids anywhere (even as character references), and lone surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text content: markup characters escaped; `\r` kept as a reference, since parsers turn a raw one into `\n`. */
export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value (double-quoted): also quotes, and tabs and line breaks, which attribute normalisation would turn into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/**
 * A JUnit XML document: one `<testsuite>` named `suite`, one `<testcase>` per checked template (its
 * label as the name, its file as the class name), a `<failure>` with the one-line message as its
 * `message` attribute and the whole report as its text.
 */
export function toJunit(suite: string, cases: readonly ReportedCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const time = seconds(cases.reduce((sum, c) => sum + c.durationMs, 0));
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xmlAttribute(suite)}" ${counts}>`, `  <testsuite name="${xmlAttribute(suite)}" ${counts}>`];
  for (const c of cases) {
    const head = `    <testcase name="${xmlAttribute(c.name)}" classname="${xmlAttribute(c.file)}" time="${seconds(c.durationMs)}"`;
    if (!c.failure) {
      lines.push(`${head}/>`);
      continue;
    }
    lines.push(`${head}>`);
    lines.push(`      <failure message="${xmlAttribute(c.failure.message)}" type="${xmlAttribute(c.failure.rule)}">${xmlText(c.failure.details)}</failure>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
