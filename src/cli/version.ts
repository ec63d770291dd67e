/** The version of this package, for `--version` and the reports that name their tool. */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  // dist/cli/version.js → package.json, two folders up (the CommonJS build has no CLI).
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
