/**
 * Coverage as an lcov tracefile (`lcov.info`), which Codecov, Coveralls, genhtml and IDE gutters read:
 * `DA` per executable line, `BRDA` per branch outcome (`-` for a branch point never reached).
 */
import { checkedCoverage, type CoverageData } from './data.js';

/** lcov is a line format without escapes: a line break in a name would start a record of its own. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, '_');
}

/** @throws InvalidInputError when `data` is not coverage data */
export function lcovReport(data: CoverageData, testName = ''): string {
  checkedCoverage(data, 'lcovReport');
  const out: string[] = [];
  for (const f of data.files) {
    out.push(`TN:${oneLine(String(testName))}`, `SF:${oneLine(f.file)}`);
    let found = 0;
    let hit = 0;
    f.branches.forEach((b, block) => {
      const reached = b.outcomes.some((o) => o.count > 0);
      b.outcomes.forEach((o, branch) => {
        out.push(`BRDA:${b.line},${block},${branch},${reached ? o.count : '-'}`);
        found++;
        if (o.count > 0) hit++;
      });
    });
    out.push(`BRF:${found}`, `BRH:${hit}`);
    for (const l of f.lines) out.push(`DA:${l.line},${l.count}`);
    out.push(`LF:${f.lines.length}`, `LH:${f.lines.filter((l) => l.count > 0).length}`, 'end_of_record');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
