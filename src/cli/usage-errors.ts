/**
 * Command-line mistakes told to people: one line saying what is wrong (and, for a mistyped option, the
 * option meant), then the command's one usage line — not its whole help — and where the help is.
 */

/** The parse errors of `node:util`'s parseArgs, in words, with the nearest known option suggested. */
export function describeArgsError(error: Error & { code?: string }, usage: string): string {
  const message = error.message;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = /'([^']+)'/.exec(message)?.[1] ?? '';
      const nearest = nearestOption(option, optionsIn(usage));
      return `unknown option ${option}${nearest ? ` (did you mean ${nearest}?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(-[^' ]+)/.exec(message)?.[1];
      if (option && /argument missing/.test(message)) return `option ${option} needs a value`;
      if (option && /does not take an argument/.test(message)) return `option ${option} takes no value`;
      return message;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(message)?.[1];
      return argument === undefined ? message : `unexpected argument '${argument}'`;
    }
  }
  return message;
}

/** The options a command's usage text lists (`--sizes`, `-o`, …). */
export function optionsIn(usage: string): string[] {
  return [...new Set(usage.match(/(?<![\w-])--?[a-zA-Z][\w-]*/g) ?? [])];
}

/** A known option within two edits of `option` (a typo), or undefined. */
export function nearestOption(option: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(option, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The first line of a usage text and where the rest is: what follows an error message. */
export function usageHint(usage: string, command: string | undefined): string {
  const first = usage.split('\n', 1)[0]!;
  return `${first}\nRun 'apigw-vtl ${command ? `${command} ` : ''}--help' for ${command ? 'its options' : 'the commands'}.`;
}

/**
 * What is wrong with a JSON text, in words and at a line and column: "unterminated string", "unexpected
 * end of input (an object is not closed)", "unexpected character 'x'", "text after the JSON value".
 * Undefined when the text is valid JSON.
 */
export function jsonProblem(text: string): string | undefined {
  const at = (i: number) => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return `line ${line}, column ${i - before.lastIndexOf('\n')}`;
  };
  const open: string[] = [];
  let i = 0;
  let valueDone = false;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (valueDone && open.length === 0) return `text after the JSON value at ${at(i)}`;
    if (c === '"') {
      const start = i;
      i++;
      for (;;) {
        if (i >= n || text[i] === '\n') return `unterminated string starting at ${at(start)}`;
        if (text[i] === '\\') i += 2;
        else if (text[i] === '"') break;
        else if (text.charCodeAt(i) < 0x20) return `control character in a string at ${at(i)} (write it as an escape, e.g. \\t)`;
        else i++;
      }
      i++;
      valueDone = true;
      continue;
    }
    if (c === '{' || c === '[') {
      open.push(c === '{' ? '}' : ']');
      valueDone = false;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      if (open.pop() !== c) return `unexpected '${c}' at ${at(i)}`;
      valueDone = true;
      i++;
      continue;
    }
    if (c === ',' || c === ':') {
      valueDone = false;
      i++;
      continue;
    }
    const word = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))?.[0];
    if (!word) return `unexpected character '${c}' at ${at(i)}${c === "'" ? ' (JSON strings take double quotes)' : ''}`;
    i += word.length;
    valueDone = true;
  }
  if (open.length === 1) return `unexpected end of input: ${open[0] === '}' ? 'an object' : 'an array'} is not closed`;
  if (open.length > 1) return `unexpected end of input: ${open.length} objects or arrays are not closed`;
  if (!valueDone) return 'no JSON value (the text is empty)';
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    // The structure is sound; what is left (a missing comma, a comma before `}`) the engine names.
    return (e as Error).message;
  }
}
