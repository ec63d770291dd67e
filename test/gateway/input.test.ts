import { describe, expect, it } from 'vitest';
import { renderTemplate, VtlBodyError } from '../../src/index.js';
import { render, renderError, renderWithBody } from '../helpers.js';

describe('$input.body', () => {
  it('is the raw text, byte for byte', () => {
    expect(render('$input.body', { body: '{"some": "value"}' })).toBe('{"some": "value"}');
    expect(render('$input.body', { body: 'some raw data' })).toBe('some raw data');
  });

  it('reads {} when the payload is empty (recorded on AWS)', () => {
    expect(render('$input.body')).toBe('{}');
    expect(render('Action=SendMessage&MessageBody=$input.body', { body: '' })).toBe('Action=SendMessage&MessageBody={}');
  });

  it('has no properties of its own: $input.body.x renders empty', () => {
    expect(render('[$input.body.testAccess]', { body: '{"testAccess": 1}' })).toBe('[]');
  });

  it('serialises an object body as JSON', () => {
    expect(render('$input.body', { body: { a: [1, 'x'] } })).toBe('{"a":[1,"x"]}');
  });
});

describe('$input.path and $input.json', () => {
  const body = { name: 'Ada', n: 10.5, arr: [1, 'a/b', null, true, { k: 'v' }], obj: { x: { y: [{ z: 1 }, { z: 2 }] } } };

  it('returns values usable natively, and JSON text', () => {
    expect(renderWithBody("$input.path('$.name') $input.json('$.name') $input.path('$.arr').size() $input.path('$.arr')[4].k", body)).toBe(
      'Ada "Ada" 5 v',
    );
    expect(renderWithBody("$input.json('$.obj')", body)).toBe('{"x":{"y":[{"z":1},{"z":2}]}}');
  });

  it('returns "" from $input.json for a missing path or JSON null, and nothing from $input.path', () => {
    expect(renderWithBody("$input.json('$.missing') [$input.path('$.missing')] $input.json('$.arr[2]') [$input.path('$.arr[9]')]", body)).toBe(
      '"" [] "" []',
    );
  });

  it('gives a list for indefinite paths (wildcards, deep scan, filters, slices)', () => {
    expect(renderWithBody("$input.json('$.obj.x.y[*].z') $input.json('$..z') $input.json('$.obj.x.y[?(@.z > 1)]') $input.path('$.obj.x.y[0:1]')", body)).toBe(
      '[1,2] [1,2] [{"z":2}] [{"z":1}]',
    );
  });

  it('gives a map for several quoted names in one bracket', () => {
    expect(renderWithBody(`$input.path("$['name','n']")`, body)).toBe('{name=Ada, n=10.5}');
  });

  it('accepts a path without the leading $', () => {
    expect(renderWithBody("$input.path('name') $input.json('obj.x.y[0]')", body)).toBe('Ada {"z":1}');
  });

  it('reads a body that is not JSON as a string', () => {
    expect(render("$input.json('$') [$input.path('$.x')]", { body: 'a=b' })).toBe('"a=b" []');
    expect(render("$input.json('$')", { body: '<t>x</t>' })).toBe('"<t>x<\\/t>"');
  });

  it('fails with a VtlBodyError (AWS: 400) when the body starts like JSON but breaks off', () => {
    const e = renderError("$input.path('$')", { body: '{a' });
    expect(e).toBeInstanceOf(VtlBodyError);
    expect((e as VtlBodyError).statusCode).toBe(400);
    expect((e as VtlBodyError).awsMessage).toBe(
      '{"message": "Could not process payloadnet.minidev.json.parser.ParseException: Unexpected End Of File position 1: null"}',
    );
  });

  it('does not parse the body when the template never reads it as JSON', () => {
    expect(render('$input.body', { body: '{a' })).toBe('{a');
  });

  it('sees changes made to the parsed body later in the same render', () => {
    expect(renderWithBody("#set($r = $input.path('$'))#set($d = $r.put('added', 1))$input.json('$')", { a: 0 })).toBe('{"a":0,"added":1}');
  });

  it('evaluates filters safely: no function call can run', () => {
    const e = renderError("$input.path('$.arr[?(@.constructor.constructor(\"return process\")())]')", { body: JSON.stringify(body) });
    expect(e.name).toBe('VtlRuntimeError');
  });

  it('rejects an invalid path as a runtime error', () => {
    expect(renderError("$input.path('$.a b')", { body: '{}' }).message).toMatch(/InvalidPathException/);
  });
});

describe('$input.params', () => {
  const input = {
    path: { id: '42' },
    query: { q: ['1', '2', '3'], shared: 'query' },
    headers: { 'X-H': 'hv', 'Content-Length': '10', shared: 'header' },
  };

  it('searches path, then query string, then headers (case-insensitively); missing is ""', () => {
    expect(render("$input.params('id') $input.params('q') $input.params('x-h') $input.params('shared') [$input.params('missing')]", input)).toBe(
      '42 3 hv query []',
    );
  });

  it('exposes the three maps, one value per name (the last), in HashMap order', () => {
    expect(render('$input.params()', { query: { foo: 'true', bar: 'false', baz: 'nottrue' } })).toBe(
      '{path={}, querystring={bar=false, foo=true, baz=nottrue}, header={}}',
    );
    expect(render('#foreach($k in $input.params().keySet())$k #end')).toBe('path querystring header ');
  });

  it('hides the headers API Gateway never shows a template', () => {
    expect(render("[$input.params('Content-Length')] $input.params().header", input)).toBe('[] {shared=header, X-H=hv}');
  });

  it('is the method request in response templates too', () => {
    const r = renderTemplate('{"statusCode": 200, "id": $input.params().path.id}', { path: { id: '42' } });
    expect(r.json()).toEqual({ statusCode: 200, id: 42 });
  });
});

describe('$input on bodies that are not objects', () => {
  it('finds nothing by property and an empty list by wildcard or deep scan in a string body', () => {
    expect(render("$input.json('$..a') $input.json('$[*]') $input.json('$.x[*]') [$input.path('$.items[*].id')]", { body: 'abc' })).toBe('[] [] "" []');
  });

  it('rejects a body that starts with a closing bracket or a colon, but reads a comma as text', () => {
    for (const body of ['}', ']', ':']) expect(renderError("$input.path('$')", { body }).name).toBe('VtlBodyError');
    expect(render("$input.json('$')", { body: ', x' })).toBe('", x"');
  });
});
