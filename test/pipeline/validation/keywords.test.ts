import { describe, expect, it } from 'vitest';
import { errors, outcome } from './schema-helpers.js';

describe('fge messages, keyword by keyword', () => {
  it('type: the allowed list prints in NodeType order, number implying integer', () => {
    expect(errors({ type: 'integer' }, '"x"')).toEqual(['instance type (string) does not match any allowed primitive type (allowed: ["integer"])']);
    expect(errors({ type: ['string', 'null', 'number'] }, 'true')).toEqual(['instance type (boolean) does not match any allowed primitive type (allowed: ["integer","null","number","string"])']);
    expect(errors({ type: 'number' }, '3')).toEqual([]);
  });

  it('type integer: 1.0 and 1e2 are numbers, as Jackson parses them; big integers stay integers', () => {
    expect(errors({ type: 'integer' }, '1.0')).toEqual(['instance type (number) does not match any allowed primitive type (allowed: ["integer"])']);
    expect(errors({ type: 'integer' }, '1e2')).toHaveLength(1);
    expect(errors({ type: 'integer' }, '123456789012345678901234567890')).toEqual([]);
  });

  it('enum: values print as compact JSON, numbers compare by value', () => {
    expect(errors({ enum: [1, 'a', null, { b: [true] }] }, '{"b":[false]}')).toEqual(['instance value ({"b":[false]}) not found in enum (possible values: [1,"a",null,{"b":[true]}])']);
    expect(errors({ enum: [1] }, '1.00')).toEqual([]);
    expect(errors({ enum: [{ a: 1, b: 2 }] }, '{"b":2,"a":1}')).toEqual([]);
    expect(errors({ enum: ['x'] }, '"a\\"b\\n\\u0001"')).toEqual(['instance value ("a\\"b\\n\\u0001") not found in enum (possible values: ["x"])']);
  });

  it('minimum / maximum, with boolean exclusive flags', () => {
    expect(errors({ minimum: 10 }, '9')).toEqual(['numeric instance is lower than the required minimum (minimum: 10, found: 9)']);
    expect(errors({ minimum: 10, exclusiveMinimum: true }, '10')).toEqual(['numeric instance is not strictly greater than the required minimum 10']);
    expect(errors({ maximum: 2.5 }, '2.50')).toEqual([]);
    expect(errors({ maximum: 2.5, exclusiveMaximum: true }, '2.5')).toEqual(['numeric instance is not strictly lower than the required maximum 2.5']);
    expect(errors({ maximum: 2.5 }, '2.51')).toEqual(['numeric instance is greater than the required maximum (maximum: 2.5, found: 2.51)']);
    expect(errors({ maximum: 5.0 }, '6.10')).toEqual(['numeric instance is greater than the required maximum (maximum: 5, found: 6.1)']);
    expect(errors({ maximum: 100 }, '1e999999999')).toHaveLength(1);
    expect(errors({ minimum: 0 }, '-1e-999999999')).toHaveLength(1);
  });

  it('maximum keeps big integers exact (no double rounding)', () => {
    expect(errors({ maximum: 9007199254740992 }, '9007199254740993')).toEqual(['numeric instance is greater than the required maximum (maximum: 9007199254740992, found: 9007199254740993)']);
    expect(errors({ maximum: 9007199254740992 }, '9007199254740992')).toEqual([]);
  });

  it('multipleOf, exactly, even with hostile exponents', () => {
    expect(errors({ multipleOf: 0.1 }, '0.3')).toEqual([]);
    expect(errors({ multipleOf: 3 }, '10')).toEqual(['remainder of division is not zero (10 / 3)']);
    expect(errors({ multipleOf: 0.01 }, '1.005')).toEqual(['remainder of division is not zero (1.005 / 0.01)']);
    expect(errors({ multipleOf: 7 }, '7e999999999')).toEqual([]);
    expect(errors({ multipleOf: 7 }, '1e-999999999')).toHaveLength(1);
  });

  it('strings: lengths count code points, as String.codePointCount', () => {
    expect(errors({ minLength: 3 }, '"ab"')).toEqual(['string "ab" is too short (length: 2, required minimum: 3)']);
    expect(errors({ maxLength: 1 }, '"😀"')).toEqual([]);
    expect(errors({ maxLength: 1 }, '"ab"')).toEqual(['string "ab" is too long (length: 2, maximum allowed: 1)']);
  });

  it('pattern: an unanchored ECMA 262 search', () => {
    expect(errors({ pattern: 'b+' }, '"abba"')).toEqual([]);
    expect(errors({ pattern: '^[a-z]+$' }, '"abc1"')).toEqual(['ECMA 262 regex "^[a-z]+$" does not match input string "abc1"']);
    // `$` is the very end in ECMA (Java would also match before a final newline).
    expect(errors({ pattern: '^a$' }, '"a\\n"')).toHaveLength(1);
  });

  it('arrays: minItems, maxItems, uniqueItems, additionalItems', () => {
    expect(errors({ minItems: 2 }, '[1]')).toEqual(['array is too short: must have at least 2 elements but instance has 1 elements']);
    expect(errors({ maxItems: 1 }, '[1,2]')).toEqual(['array is too long: must have at most 1 elements but instance has 2 elements']);
    expect(errors({ uniqueItems: true }, '[1, {"a":1}, 1.0]')).toEqual(['array must not contain duplicate elements']);
    expect(errors({ uniqueItems: true }, '[{"a":1,"b":2},{"b":2,"a":1}]')).toEqual(['array must not contain duplicate elements']);
    expect(errors({ uniqueItems: true }, '[1, "1", [1], {"1":1}]')).toEqual([]);
    expect(errors({ items: [{}, {}], additionalItems: false }, '[1,2,3]')).toEqual(['schema only allows 2 elements in array but instance has 3 elements']);
    expect(errors({ items: [{ type: 'string' }], additionalItems: { type: 'integer' } }, '["a", 1, "x"]')).toEqual(['instance type (string) does not match any allowed primitive type (allowed: ["integer"])']);
    expect(errors({ items: { type: 'integer' } }, '[1, "a", 2.5]')).toEqual([
      'instance type (string) does not match any allowed primitive type (allowed: ["integer"])',
      'instance type (number) does not match any allowed primitive type (allowed: ["integer"])',
    ]);
  });

  it('objects: required, min/maxProperties, additionalProperties, patternProperties, dependencies', () => {
    expect(errors({ minProperties: 2 }, '{"a":1}')).toEqual(['object has too few properties (found 1 but schema requires at least 2)']);
    expect(errors({ maxProperties: 0 }, '{"a":1}')).toEqual(['object has too many properties (found 1 but schema requires at most 0)']);
    expect(errors({ properties: { a: {} }, patternProperties: { '^x-': {} }, additionalProperties: false }, '{"z":1,"a":1,"x-y":1,"b":2}')).toEqual([
      'object instance has properties which are not allowed by the schema: ["b","z"]',
    ]);
    expect(errors({ patternProperties: { '^n': { type: 'number' }, 'm$': { type: 'integer' } } }, '{"num": 1.5}')).toEqual([
      'instance type (number) does not match any allowed primitive type (allowed: ["integer"])',
    ]);
    expect(errors({ additionalProperties: { type: 'string' }, properties: { a: {} } }, '{"a":1,"b":2}')).toEqual(['instance type (integer) does not match any allowed primitive type (allowed: ["string"])']);
    expect(errors({ dependencies: { card: ['zip', 'billing'] } }, '{"card":1,"billing":2}')).toEqual([
      'property "card" of object has missing property dependencies (schema requires ["billing","zip"]; missing: ["zip"])',
    ]);
    expect(errors({ dependencies: { card: { required: ['zip'] } } }, '{"card":1}')).toEqual(['object has missing required properties (["zip"])']);
    expect(errors({ dependencies: { card: { required: ['zip'] } } }, '{"other":1}')).toEqual([]);
  });

  it('allOf, anyOf, oneOf, not report one message each, not their sub-schemas’ messages', () => {
    expect(errors({ allOf: [{ type: 'string' }, { minLength: 5 }] }, '"abc"')).toEqual(['instance failed to match all required schemas (matched only 1 out of 2)']);
    expect(errors({ anyOf: [{ type: 'string' }, { type: 'null' }] }, '1')).toEqual(['instance failed to match at least one required schema among 2']);
    expect(errors({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, '1')).toEqual(['instance failed to match exactly one schema (matched 2 out of 2)']);
    expect(errors({ not: { type: 'string' } }, '"a"')).toEqual(['instance matched a schema which it should not have']);
  });

  it('keywords run in name order; children only while no error has been reported', () => {
    expect(errors({ type: 'object', required: ['x'], maxProperties: 0, properties: { a: { type: 'string' } } }, '{"a":1}')).toEqual([
      'object has too many properties (found 1 but schema requires at most 0)',
      'object has missing required properties (["x"])',
    ]);
    // After the first member's error, the second member's own keywords run but its children do not.
    const schema = { properties: { a: { type: 'string' }, b: { type: 'object', required: ['y'], properties: { c: { type: 'string' } } } } };
    expect(errors(schema, '{"b":{"c":1},"a":1}')).toEqual([
      'instance type (integer) does not match any allowed primitive type (allowed: ["string"])',
      'object has missing required properties (["y"])',
    ]);
  });

  it('format: the checked formats report fge messages, unknown ones only warn', () => {
    expect(errors({ format: 'date-time' }, '"2024-02-30T10:00:00Z"')).toEqual([
      `string "2024-02-30T10:00:00Z" is invalid against requested date format(s) [yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]`,
    ]);
    expect(errors({ format: 'date-time' }, '"2024-02-29T10:00:00.123+01:00"')).toEqual([]);
    expect(errors({ format: 'email' }, '"not-an-email"')).toEqual(['string "not-an-email" is not a valid email address']);
    expect(errors({ format: 'email' }, '"a.b@example.com"')).toEqual([]);
    expect(errors({ format: 'ipv4' }, '"1.2.3.04"')).toEqual(['string "1.2.3.04" is not a valid IPv4 address']);
    expect(errors({ format: 'ipv4' }, '"::ffff:1.2.3.4"')).toEqual([]);
    expect(errors({ format: 'ipv6' }, '"::ffff:1.2.3.4"')).toEqual(['string "::ffff:1.2.3.4" is not a valid IPv6 address']);
    expect(errors({ format: 'ipv6' }, '"2001:db8::1"')).toEqual([]);
    expect(errors({ format: 'hostname' }, '"-bad.example"')).toEqual(['string "-bad.example" is not a valid hostname']);
    expect(errors({ format: 'hostname' }, '"my_host.example.com"')).toEqual([]);
    expect(errors({ format: 'uri' }, '"http://a b"')).toEqual(['string "http://a b" is not a valid URI']);
    expect(errors({ format: 'uri' }, '"urn:isbn:0451450523"')).toEqual([]);
    expect(errors({ format: 'regex' }, '"("')).toEqual(['string "(" is not a valid ECMA 262 regular expression']);
    expect(errors({ format: 'uuid' }, '"123e4567-e89b-12d3-a456-426614174000"')).toEqual([]);
    expect(errors({ format: 'uuid' }, '"nope"')).toEqual(['input string "nope" is not a valid UUID']);
    expect(errors({ format: 'md5' }, '"abc"')).toEqual(['input string has incorrect length (3, expected 32)']);
    expect(errors({ format: 'sha1' }, `"${'g'.repeat(40)}"`)).toEqual(['illegal character "g" in input at index 0']);
    expect(errors({ format: 'base64' }, '"abc"')).toEqual(['input has illegal length (must be a multiple of 4, found 3)']);
    expect(errors({ format: 'base64' }, '"ab!="')).toEqual(['illegal character "!" at index 2 (not in Base64 alphabet)']);
    expect(errors({ format: 'mac' }, '"00:11:22:33:44"')).toEqual(['input string "00:11:22:33:44" is not a valid MAC address']);
    expect(errors({ format: 'json-pointer' }, '"/a~2"')).toEqual(['input string "/a~2" is not a valid JSON Pointer']);
    expect(errors({ format: 'date-time' }, '12')).toEqual([]);
    const unknown = outcome({ format: 'phone' }, '"x"');
    expect(unknown.errors).toEqual([]);
    expect(unknown.warnings).toEqual(['format attribute "phone" not supported']);
  });

  it('a number prints as Jackson prints it: integers whole, decimals normalised', () => {
    expect(errors({ enum: [0] }, '[-0, 1.50, 100.0, 1e-7, 12345678901234567890]')).toEqual([
      'instance value ([0,1.5,1E+2,1E-7,12345678901234567890]) not found in enum (possible values: [0])',
    ]);
  });

  it('keyword values of the wrong shape are ignored at validation (check.ts reports them)', () => {
    expect(errors({ type: 'strange', required: 'a', maxLength: -1, minimum: 'x', pattern: '(', items: 3 }, '[1]')).toEqual([]);
  });
});
