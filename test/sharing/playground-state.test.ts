import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePlaygroundState, encodePlaygroundState, MAX_PLAYGROUND_STATE_CHARACTERS, playgroundUrl, PlaygroundStateError } from '../../src/browser.js';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('playground share links', () => {
  it('are base64url without padding of the UTF-8 JSON {template, input}', () => {
    const state = { template: '{"name": "$input.path(\'$.name\')"} ✓', input: { body: '{"name":"Zoë"}', headers: { a: 'b' } } };
    const encoded = encodePlaygroundState(state);
    expect(encoded).toBe(base64url(JSON.stringify(state)));
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('read back a link made elsewhere, as a URL, a fragment, state=… or the text alone', () => {
    const state = { template: '$input.body', input: { body: { a: [1, 2] }, stageVariables: { s: 'v' } } };
    const encoded = base64url(JSON.stringify(state));
    for (const link of [`https://example.com/play/?x=1#state=${encoded}`, `#state=${encoded}`, `state=${encoded}`, encoded, `#theme=dark&state=${encoded}`]) {
      expect(decodePlaygroundState(link)).toEqual(state);
    }
  });

  it('playgroundUrl replaces the fragment of the page URL', () => {
    const url = playgroundUrl('http://127.0.0.1:4780/#old', { template: 'x', input: {} });
    expect(url).toBe(`http://127.0.0.1:4780/#state=${base64url('{"template":"x","input":{}}')}`);
  });

  it('a missing input reads as an empty request', () => {
    expect(decodePlaygroundState(base64url('{"template":"t"}'))).toEqual({ template: 't', input: {} });
  });

  it('round-trip any template and request', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.dictionary(fc.string(), fc.string()), fc.option(fc.string(), { nil: undefined }), (template, headers, body) => {
        const state = { template, input: body === undefined ? { headers } : { headers, body } };
        expect(decodePlaygroundState(playgroundUrl('http://h/', state))).toEqual(state);
      }),
    );
  });

  it.each([
    ['#nothing=1', /no state=/],
    ['#state=ab!c', /not base64url/],
    ['#state=abcde', /cut short/],
    [`#state=${Buffer.from([0xff, 0xfe]).toString('base64url')}`, /not UTF-8/],
    [`#state=${base64url('{"template":')}`, /not JSON/],
    [`#state=${base64url('[1]')}`, /JSON object/],
    [`#state=${base64url('{"template":3}')}`, /"template" must be a string/],
    [`#state=${base64url('{"template":"","input":{"headers":{"a":{}}}}')}`, /input is not a render input: input\.headers/],
    [`#state=${base64url('{"template":"","input":"x"}')}`, /input is not a render input/],
  ])('refuse %s with a PlaygroundStateError saying why', (link, message) => {
    expect(() => decodePlaygroundState(link)).toThrow(PlaygroundStateError);
    expect(() => decodePlaygroundState(link)).toThrow(message);
  });

  it('refuse state longer than the limit before decoding it', () => {
    expect(() => decodePlaygroundState(`#state=${'A'.repeat(MAX_PLAYGROUND_STATE_CHARACTERS + 1)}`)).toThrow(/at most/);
  });

  it('refuse input nested deeper than 100 levels, which would overflow the page filling its panes', () => {
    const deep = `{"template":"","input":{"context":{"identity":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}}`;
    expect(() => decodePlaygroundState(base64url(deep))).toThrow(/nests deeper than 100 levels/);
    let input: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) input = { a: input };
    expect(() => encodePlaygroundState({ template: '', input: { body: input } })).toThrow(PlaygroundStateError);
  });

  it('a __proto__ key stays data', () => {
    const state = decodePlaygroundState(base64url('{"template":"","input":{"headers":{"__proto__":"x"}}}'));
    expect(Object.getOwnPropertyDescriptor(state.input.headers, '__proto__')?.value).toBe('x');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
