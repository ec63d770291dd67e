/**
 * Lint settings from the project: `.apigw-vtl.json` (`{"lint": {"rules": {"unused-variable": "off"}}}`)
 * or the `"apigw-vtl"` key of `package.json`, the nearest one found from the linted file's folder up;
 * or the file named by `--config`. A bad setting is a usage error naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isRuleId, RULE_IDS, type RuleId } from '../lint/catalog.js';
import type { Severity } from '../lint/finding.js';
import { UsageError } from './io.js';

export type RuleSeverities = Partial<Record<RuleId, Severity | 'off'>>;

export interface LintConfig {
  rules: RuleSeverities;
  /** Where the settings came from, for messages; undefined when there were none. */
  file?: string;
}

const SEVERITIES = ['error', 'warning', 'note', 'off'];

function rulesOf(settings: unknown, file: string): RuleSeverities {
  if (settings === undefined) return {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new UsageError(`${file}: the apigw-vtl settings must be an object`);
  const lint = (settings as Record<string, unknown>)['lint'];
  if (lint === undefined) return {};
  const rules = typeof lint === 'object' && lint !== null ? (lint as Record<string, unknown>)['rules'] : undefined;
  if (typeof lint !== 'object' || lint === null || Array.isArray(lint) || (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules)))) {
    throw new UsageError(`${file}: "lint" must be an object like {"rules": {"unused-variable": "off"}}`);
  }
  const out: RuleSeverities = {};
  for (const [rule, severity] of Object.entries((rules ?? {}) as Record<string, unknown>)) {
    if (!isRuleId(rule)) throw new UsageError(`${file}: there is no lint rule '${rule}' (rules: ${RULE_IDS.join(', ')})`);
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) throw new UsageError(`${file}: the severity of ${rule} must be error, warning, note or off`);
    out[rule] = severity as Severity | 'off';
  }
  return out;
}

function readSettings(file: string): unknown {
  try {
    // npm accepts a byte-order mark at the start of package.json; so does this.
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${file}: cannot read the settings (${(e as Error).message})`);
  }
}

/** The settings for a file: from `explicit`, else the nearest `.apigw-vtl.json` or package.json key. */
export function lintConfigFor(target: string, explicit?: string): LintConfig {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new UsageError(`--config: no such file: ${explicit}`);
    const settings = readSettings(explicit);
    const own = /package\.json$/.test(explicit) ? (settings as Record<string, unknown> | null)?.['apigw-vtl'] : settings;
    return { rules: rulesOf(own, explicit), file: explicit };
  }
  let dir = resolve(target === '-' ? '.' : dirname(target));
  for (let depth = 0; depth < 64; depth++) {
    const own = join(dir, '.apigw-vtl.json');
    if (existsSync(own)) return { rules: rulesOf(readSettings(own), own), file: own };
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const settings = (readSettings(pkg) as Record<string, unknown> | null)?.['apigw-vtl'];
      if (settings !== undefined) return { rules: rulesOf(settings, pkg), file: pkg };
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { rules: {} };
}
