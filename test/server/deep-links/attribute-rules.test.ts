import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attributeProblems,
  attributesSizeProblem,
  attributeText,
  normalizeAttributes,
  splitCollection,
} from '../../../server/deep-links/attribute-rules';
import { fillWelcome } from '../../../server/deep-links/welcome-placeholders';
import { jsonPointer } from '../../../server/requests/deep-link-request';

describe('attribute rules', () => {
  it('accept scalars and arrays of scalars as they are', () => {
    expect(attributeProblems({ name: 'John', age: 42, ratio: 0.5, vip: false, interests: ['shoes', 1, true], empty: [] })).toEqual([]);
  });

  it('refuse nested objects, arrays of objects, nested arrays, null and bad keys', () => {
    expect(
      attributeProblems({ address: { city: 'Paris' }, orders: ['ok', { id: 1 }], grid: [[1]], gone: null, list: [null], '1st': 1, 'a b': 2, ['k'.repeat(65)]: 3 }),
    ).toEqual([
      { key: 'address', code: 'nested_object' },
      { key: 'orders', item: 1, code: 'array_of_objects' },
      { key: 'grid', item: 0, code: 'nested_array' },
      { key: 'gone', code: 'null_value' },
      { key: 'list', item: 0, code: 'null_value' },
      { key: '1st', code: 'invalid_key' },
      { key: 'a b', code: 'invalid_key' },
      { key: 'k'.repeat(65), code: 'invalid_key' },
    ]);
  });

  it('bound values, items, key count and total size', () => {
    expect(attributeProblems({ note: 'x'.repeat(1000), emoji: '😀'.repeat(1000) })).toEqual([]);
    expect(attributeProblems({ note: 'x'.repeat(1001) })).toEqual([{ key: 'note', code: 'value_too_long' }]);
    expect(attributeProblems({ tags: Array.from({ length: 101 }, () => 'a') })).toEqual([{ key: 'tags', code: 'too_many_items' }]);
    expect(attributeProblems({ tags: ['ok', 'y'.repeat(1001)] })).toEqual([{ key: 'tags', item: 1, code: 'value_too_long' }]);
    expect(attributesSizeProblem(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])))).toBeUndefined();
    expect(attributesSizeProblem(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))).toBe('too_many_attributes');
    expect(attributesSizeProblem({ a: 'x'.repeat(8200) })).toBe('attributes_too_large');
  });

  it('split a comma-separated string only for a declared collection', () => {
    const collections = new Set(['interests']);
    expect(normalizeAttributes({ interests: 'shoes, bags,, hats ', city: 'Paris, FR', n: 3, list: ['a', 'b'] }, collections)).toEqual({
      interests: ['shoes', 'bags', 'hats'],
      city: 'Paris, FR',
      n: 3,
      list: ['a', 'b'],
    });
    expect(splitCollection(' , ')).toEqual([]);
  });

  it('strip control and bidi-override characters from stored strings', () => {
    expect(normalizeAttributes({ name: 'Eve\u202Egnp.exe\u0007', tags: ['a\u0000b'] }, new Set())).toEqual({ name: 'Evegnp.exe', tags: ['ab'] });
  });

  it('any JSON scalar or array of scalars passes, anything holding an object does not (property)', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    fc.assert(fc.property(fc.oneof(scalar, fc.array(scalar, { maxLength: 20 })), (value) => attributeProblems({ key: value }).length === 0));
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => attributeProblems({ key: object })[0]?.code === 'nested_object'));
  });

  it('write collections as text for people', () => {
    expect(attributeText(['shoes', 'bags'])).toBe('shoes, bags');
    expect(attributeText(7)).toBe('7');
  });
});

describe('welcome placeholders', () => {
  it('fill from the attributes', () => {
    expect(fillWelcome('Hi {{name}}! Your {{ account_type }} plan: {{interests}}.', { name: 'John', account_type: 'premium', interests: ['a', 'b'] })).toBe(
      'Hi John! Your premium plan: a, b.',
    );
  });

  it('leave out what is missing without dangling spaces or commas', () => {
    expect(fillWelcome('Hi {{name}}, welcome back!')).toBe('Hi, welcome back!');
    expect(fillWelcome('{{name}}, welcome back!')).toBe('welcome back!');
    expect(fillWelcome('Hello {{name}} !', {})).toBe('Hello!');
    expect(fillWelcome('Plain welcome.', { name: 'x' })).toBe('Plain welcome.');
  });

  it('treat an attribute as text: no placeholder inside a value is filled again', () => {
    expect(fillWelcome('Hi {{name}}', { name: '{{secret}}', secret: 'no' })).toBe('Hi {{secret}}');
    expect(fillWelcome('Hi {{__proto__}}', {})).toBe('Hi');
  });
});

describe('JSON pointers', () => {
  it('escape ~ and / in keys (RFC 6901)', () => {
    expect(jsonPointer([{ key: 'dataset' }, { key: 3 }, { key: 'attributes' }, { key: 'a/b~c' }])).toBe('/dataset/3/attributes/a~1b~0c');
    expect(jsonPointer(undefined)).toBe('');
  });
});
