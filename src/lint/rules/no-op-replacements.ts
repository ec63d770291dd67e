/**
 * A replacement that replaces text with itself. The classic: `.replaceAll("\'", "'")` meant to undo
 * escapeJavaScript's `\'`. Velocity keeps backslashes in string literals, so the regex is `\'`, which
 * matches a plain `'` — every apostrophe is replaced by itself and the `\'` stays. The same happens the
 * other way round: the replacement `"\'"` inserts `'`, not `\'`, because `\` escapes in replacements.
 */
import { walkNodes } from '../../testing/analysis/walk.js';
import { literalString } from '../analysis/value-kind.js';
import { regexLiteralText, replacementText } from '../analysis/java-regex-literal.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

function show(s: string): string {
  return JSON.stringify(s);
}

export function noOpReplacements(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  walkNodes(t.nodes, {
    reference(r) {
      for (const step of r.steps) {
        if (step.kind !== 'method' || step.args.length !== 2) continue;
        const from = literalString(step.args[0]);
        const to = literalString(step.args[1]);
        if (from === undefined || to === undefined) continue;
        if (step.name === 'replace' && from === to && from !== '') {
          findings.push(t.finding('no-op-replacement', `.replace(${show(from)}, ${show(to)}) replaces the text with itself: it changes nothing`, r.position));
        } else if (step.name === 'replaceAll' || step.name === 'replaceFirst') {
          const matched = regexLiteralText(from);
          const inserted = replacementText(to);
          if (matched === undefined || inserted === undefined || matched === '' || matched !== inserted) continue;
          const why =
            from !== matched || to !== inserted
              ? ` (in a Velocity string a backslash stays; the regex ${show(from)} matches ${show(matched)} and the replacement ${show(to)} inserts ${show(inserted)})`
              : '';
          const hint = matched === "'" ? `; to turn \\' back into ', write .${step.name}("\\\\'", "'")` : '';
          findings.push(t.finding('no-op-replacement', `.${step.name}(${show(from)}, ${show(to)}) replaces ${show(matched)} with itself: it changes nothing${why}${hint}`, r.position));
        }
      }
    },
  });
  return findings;
}
