/**
 * Path arithmetic for `file()` and `templatefile()` without `node:path`, so the parser bundles for
 * browsers. Forward slashes throughout; Windows separators are normalised on the way in.
 */

export function dirname(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : p.slice(0, i);
}

export function isAbsolute(path: string): boolean {
  return /^([A-Za-z]:)?[\\/]/.test(path);
}

/** `base` joined with a relative `path`, `.` and `..` folded; an absolute `path` is kept as it is. */
export function joinPath(base: string, path: string): string {
  const p = path.replace(/\\/g, '/');
  if (isAbsolute(p)) return normalise(p);
  return normalise(base === '.' || base === '' ? p : `${base.replace(/\\/g, '/')}/${p}`);
}

export function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const drive = /^[A-Za-z]:/.exec(path)?.[0] ?? '';
  const out: string[] = [];
  for (const part of path.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  const joined = out.join('/');
  return `${drive}${absolute ? '/' : ''}${joined}` || '.';
}
