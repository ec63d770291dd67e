import { describe, expect, it } from 'vitest';
import { templateReads, type BodyShape } from '../../src/testing/index.js';

function plain(shape: BodyShape | undefined): unknown {
  if (!shape) return undefined;
  if (shape.kind === 'any') return 'any';
  if (shape.kind === 'array') return [plain(shape.item)];
  return Object.fromEntries([...shape.fields].map(([k, v]) => [k, plain(v)]));
}

describe('what a template reads', () => {
  it('follows $input.path/json, variables bound to them, #foreach items and get()', () => {
    const reads = templateReads(`#set($root = $input.path('$'))
{"name": "$root.customer.name", "first": $input.json('$.lines[0].sku'),
 "lines": [#foreach($line in $root.lines){"q": $line.qty, "p": $line.get("price"), "n": $line.notes.size()}#if($foreach.hasNext),#end#end],
 "id": "$input.params('id')", "h": "$input.params('X-Trace')", "raw": "$input.body"}`);
    expect(plain(reads.body)).toEqual({ customer: { name: 'any' }, lines: [{ sku: 'any', qty: 'any', price: 'any', notes: 'any' }] });
    expect([...reads.params]).toEqual(['id', 'X-Trace']);
    expect(reads.rawBody).toBe(true);
  });

  it('has no body shape when the template does not read the body as JSON', () => {
    expect(templateReads('Action=SendMessage&MessageBody=$util.urlEncode($input.body)').body).toBeUndefined();
  });
});
