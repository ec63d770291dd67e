import { describe, expect, it } from 'vitest';
import { render, renderWithBody } from '../helpers.js';

describe('AWS printing rules', () => {
  it('a JSON object from $input.path prints as a Java map {k=v, k2=v2}', () => {
    expect(renderWithBody('$input.path("$.json")', { json: { bigger: 'dict', to: 'test', with: 'separators' } })).toBe(
      '{bigger=dict, to=test, with=separators}',
    );
  });

  it('a JSON array from $input.path prints as compact JSON', () => {
    expect(renderWithBody('$input.path("$.json")', { json: [{ foo: 'bar' }] })).toBe('[{"foo":"bar"}]');
    expect(renderWithBody('$input.path("$.json")', { json: { foo: [{ nested: 'bar' }] } })).toBe('{foo=[{"nested":"bar"}]}');
  });

  it('a list built in the template prints as [a, b]', () => {
    expect(render('#set($l = [1, "two", 3.0])$l')).toBe('[1, two, 3.0]');
  });

  it('doubles print like Java Double.toString', () => {
    expect(render('#set($a = 2.0)#set($b = 1e10)#set($c = 0.0001)#set($d = 100.0 / 50)$a $b $c $d')).toBe('2.0 1.0E10 1.0E-4 2.0');
    expect(renderWithBody('$input.path("$.p") $input.path("$.q") $input.json("$.r")', '{"p":10.00,"q":12345678.9,"r":1e3}')).toBe(
      '10.0 1.23456789E7 1000.0',
    );
  });

  it('integers beyond 2^53 keep every digit', () => {
    expect(renderWithBody('$input.path("$.n") $input.json("$.n")', '{"n":9007199254740993}')).toBe('9007199254740993 9007199254740993');
    expect(render('#set($x = 9007199254740993)#set($y = $x + 1)$x $y')).toBe('9007199254740993 9007199254740994');
  });

  it('$input.json writes compact JSON with / escaped, as json-smart does', () => {
    expect(renderWithBody("$input.json('$')", '{"a": 1, "b": ["x/y", null, true], "c": {"d": 2.50}}')).toBe(
      '{"a":1,"b":["x\\/y",null,true],"c":{"d":2.5}}',
    );
  });

  it('maps inside a string print the Java way (Step Functions recorded this)', () => {
    expect(render('"$input.params().querystring"', { query: { param1: 'Hello', param2: 'World' } })).toBe('"{param1=Hello, param2=World}"');
  });
});
