/**
 * A body of a given size shaped like the one given: its largest array repeated (cycling its elements),
 * or, with no array, its longest string padded. What a template does with a 1 MB body of the same shape
 * as the sample is what a user benchmarking a transform wants to know.
 */
import { utf8Length } from '../platform/utf8-length.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Site {
  /** The array or the string's parent, and where in it. */
  holder: Json[] | { [key: string]: Json };
  key: number | string;
  weight: number;
}

/** The largest array (by text length), else the longest string, in the document. */
function growthSite(box: Json[]): Site | undefined {
  let best: Site | undefined;
  let bestString: Site | undefined;
  const visit = (value: Json, holder: Site['holder'] | undefined, key: number | string, depth: number) => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      const weight = JSON.stringify(value).length;
      if (holder && value.length > 0 && (!best || weight > best.weight)) best = { holder, key, weight };
      value.forEach((v, i) => visit(v, value, i, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, value, k, depth + 1);
    } else if (typeof value === 'string' && holder && (!bestString || value.length > bestString.weight)) {
      bestString = { holder, key, weight: value.length };
    }
  };
  visit(box[0]!, box, 0, 0);
  return best ?? bestString;
}

/**
 * JSON text of about `bytes` UTF-8 bytes (never less than the sample), shaped like `sample`.
 * @throws TypeError when the sample is not JSON
 */
export function scaledBody(sample: string, bytes: number): string {
  const doc = JSON.parse(sample === '' ? '{}' : sample) as Json;
  // The root itself may be what grows: held in a box, it has a parent like any other value.
  const box: Json[] = [doc];
  const site = growthSite(box);
  const current = utf8Length(sample === '' ? '{}' : JSON.stringify(doc));
  if (!site || current >= bytes) return JSON.stringify(doc);
  const holder = site.holder as Record<string | number, Json>;
  const target = holder[site.key]!;
  // Estimate, build, measure again: elements and padding may hold multi-byte text.
  for (let round = 0, size = current; size < bytes && round < 8; round++) {
    if (Array.isArray(target)) {
      const seed = target.slice(0, Math.min(target.length, 1000));
      // Each element costs its text and a comma.
      const each = Math.max(1, (utf8Length(JSON.stringify(seed)) - 1) / seed.length);
      const wanted = Math.ceil((bytes - size) / each);
      for (let i = 0; i < wanted; i++) target.push(seed[i % seed.length]!);
    } else if (typeof holder[site.key] === 'string') {
      const text = holder[site.key] as string;
      const pad = text === '' ? 'x' : text;
      holder[site.key] = text + pad.repeat(Math.ceil((bytes - size) / Math.max(1, utf8Length(JSON.stringify(pad)) - 2)));
    }
    size = utf8Length(JSON.stringify(box[0]));
  }
  return JSON.stringify(box[0]);
}

/** `1kb`, `100KB`, `1mb`, `2.5MB`, `512` → bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1));
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
