/**
 * Deterministic request bodies of a given size: ASCII text with quotes and tabs but without `/` or
 * apostrophes, numbers as JavaScript prints them — so every engine in the comparison can produce the
 * same bytes (json-smart escapes `/`; commons-lang escapes `'` as `\'`, which peers do not reproduce).
 * Outputs are compared byte for byte before anything is timed.
 */

/** A small deterministic pseudo-random generator (mulberry32), so every run sees the same bodies. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];

export interface Item {
  id: number;
  sku: string;
  name: string;
  quantity: number;
  price: number;
  tags: string[];
  description?: string;
}

function item(next: () => number, i: number, descriptionWords: number): Item {
  const word = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const it: Item = {
    id: i + 1,
    sku: `SKU-${String(100000 + i)}`,
    name: `${word()} ${word()} "${word()}"`,
    quantity: 1 + Math.floor(next() * 9),
    price: Math.floor(next() * 100000) / 100,
    tags: [word(), word()],
  };
  if (descriptionWords > 0) it.description = Array.from({ length: descriptionWords }, word).join(' ');
  return it;
}

export type Order = { orderId: string; customer: { name: string; email: string; tier: string }; note: string; items: Item[] };

export function order(itemCount: number, descriptionWords = 0, seed = 1): Order {
  const next = random(seed);
  return {
    orderId: 'ord-12345',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com', tier: 'gold' },
    note: 'Leave at the door\tplease "ring twice"',
    items: Array.from({ length: itemCount }, (_, i) => item(next, i, descriptionWords)),
  };
}

/** API Gateway stops a #foreach after 1000 iterations: big bodies grow by longer items, not more of them. */
const MAX_ITEMS = 800;

/** An order body of about `bytes` bytes (JSON text, with the spacing of a typical client). */
export function orderBody(bytes: number): string {
  const text = (count: number, words: number) => JSON.stringify(order(count, words), null, 1);
  const perItem = text(2, 0).length - text(1, 0).length;
  const count = Math.max(1, Math.min(MAX_ITEMS, Math.round(bytes / perItem)));
  let words = 0;
  if (count === MAX_ITEMS) words = Math.max(0, Math.round((bytes - text(count, 0).length) / count / 6.5));
  return text(count, words);
}

export function orderWithItems(count: number): string {
  return JSON.stringify(order(count), null, 1);
}

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
