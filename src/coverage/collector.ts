/**
 * `coverage()`: a collector that templates compiled with `{ coverage: collector }` report into. It keeps
 * one set of counters per distinct template (the same text from the same place shares them, however
 * often it is compiled) and turns them into {@link CoverageData} on demand.
 */
import type { TemplateOrigin } from '../definitions/template-origin.js';
import type { Position } from '../vtl/ast.js';
import { emptyCoverage, mergeCoverage, type BranchCount, type CoverageData, type FileCoverage } from './data.js';
import { CoverageProbes } from './probes.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import { sourceHash } from './source-hash.js';

/** More distinct templates than this (a property test compiling generated ones) are not instrumented. */
export const MAX_COVERED_TEMPLATES = 10_000;
/** Nor more template text than this in all (the collector keeps each template's text for its report). */
export const MAX_COVERED_CHARACTERS = 32 * 1024 * 1024;

interface Entry {
  source: string;
  origin: TemplateOrigin | undefined;
  probes: CoverageProbes;
}

/** What compilation asks of a collector (kept minimal: a second copy of this library may be the one compiling). */
export interface CoverageSink {
  probesFor(source: string, origin: TemplateOrigin | undefined): CoverageProbes | undefined;
}

export interface CoverageCollectorOptions {
  /** How many distinct templates to count (default {@link MAX_COVERED_TEMPLATES}); later ones are left out. */
  maxTemplates?: number;
  /** How much template text to keep in all (default {@link MAX_COVERED_CHARACTERS}); later templates are left out. */
  maxCharacters?: number;
}

function limitOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(Number.isSafeInteger(value) || value === Infinity) || value < 0) throw new InvalidInputError(`coverage options: ${name} must be a whole number of 0 or more, got ${String(value)}`);
  return value;
}

export class CoverageCollector implements CoverageSink {
  private readonly entries = new Map<string, Entry>();
  private readonly maxTemplates: number;
  private readonly maxCharacters: number;
  private characters = 0;
  /** Templates left out because there were too many. */
  skipped = 0;

  constructor(options: CoverageCollectorOptions | null = {}) {
    this.maxTemplates = limitOption(options?.maxTemplates, 'maxTemplates', MAX_COVERED_TEMPLATES);
    this.maxCharacters = limitOption(options?.maxCharacters, 'maxCharacters', MAX_COVERED_CHARACTERS);
  }

  /** @internal The counters a template being compiled should bump (shared with earlier compiles of it). */
  probesFor(source: string, origin: TemplateOrigin | undefined): CoverageProbes | undefined {
    // Where line 1 lands tells two templates of the same text in one file apart.
    const start = origin?.at({ line: 1, column: 1 });
    const key = `${origin?.file ?? ''}\u0000${start ? `${start.line}:${start.column}` : ''}\u0000${sourceHash(source)}\u0000${source.length}`;
    const known = this.entries.get(key);
    if (known) return new CoverageProbes(known.probes.counts);
    if (this.entries.size >= this.maxTemplates || this.characters + source.length > this.maxCharacters) {
      this.skipped++;
      return undefined;
    }
    this.characters += source.length;
    const probes = new CoverageProbes();
    this.entries.set(key, { source, origin, probes });
    return probes;
  }

  /** How many distinct templates have been seen. */
  get size(): number {
    return this.entries.size;
  }

  /** The coverage so far, in file lines (templates inline in a definition at the definition's lines). */
  data(): CoverageData {
    return mergeCoverage(emptyCoverage(), { ...emptyCoverage(), files: [...this.entries.values()].map(fileCoverageOf) });
  }

  /** Forgets every count (templates compiled before stay instrumented and count again from zero). */
  reset(): void {
    for (const e of this.entries.values()) e.probes.counts.fill(0);
  }
}

/** Creates a coverage collector: pass it as `compileTemplate(source, { coverage })`. */
export function coverage(options?: CoverageCollectorOptions | null): CoverageCollector {
  return new CoverageCollector(options);
}

function fileCoverageOf(e: Entry): FileCoverage {
  const counts = e.probes.counts;
  const at = (p: Position): Position => (e.origin ? e.origin.at(p) : p);
  const lines = new Map<number, number>();
  for (const s of e.probes.statements) {
    for (const line of s.lines) {
      const fileLine = at({ line, column: 1 }).line;
      // Statements sharing a line: the line ran as often as the one that ran most.
      lines.set(fileLine, Math.max(lines.get(fileLine) ?? 0, counts[s.counter]!));
    }
  }
  const branches: BranchCount[] = e.probes.branches.map((b) => {
    const p = at(b.position);
    return { kind: b.kind, line: p.line, column: p.column, outcomes: b.outcomes.map((label, i) => ({ label, count: counts[b.counter + i]! })) };
  });
  const file: FileCoverage = {
    file: e.origin?.file ?? `<template ${sourceHash(e.source)}>`,
    lines: [...lines].map(([line, count]) => ({ line, count })).sort((a, b) => a.line - b.line),
    branches,
  };
  if (!e.origin) file.source = e.source;
  return file;
}
