import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../../../src/api/sse-parser';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe('createSseParser: fields', () => {
  it('dispatches a data line at the blank line, as a "message" event', () => {
    expect(parse('data: hello\n\n')).toEqual([{ event: 'message', data: 'hello' }]);
  });

  it('joins several data lines with a line feed', () => {
    expect(parse('data: first\ndata: second\ndata:\n\n')).toEqual([{ event: 'message', data: 'first\nsecond\n' }]);
  });

  it('names the event, and carries the id', () => {
    expect(parse('id: 7\nevent: message\ndata: {"seq":7}\n\n')).toEqual([{ event: 'message', data: '{"seq":7}', id: '7' }]);
    expect(parse('event: typing\ndata: {}\n\n')).toEqual([{ event: 'typing', data: '{}' }]);
  });

  it('leaves the id out when the event has none, and ignores an id containing NUL', () => {
    const [plain] = parse('data: x\n\n');
    expect('id' in plain).toBe(false);
    const [withNul] = parse('id: 1\u00002\ndata: x\n\n');
    expect(withNul.id).toBeUndefined();
  });

  it('removes exactly one space after the colon, and keeps later colons', () => {
    expect(parse('data:x\n\ndata:  two spaces\n\ndata: a:b: c\n\n').map((event) => event.data)).toEqual([
      'x',
      ' two spaces',
      'a:b: c',
    ]);
  });

  it('reads a field without a colon as that field with an empty value', () => {
    expect(parse('data\n\n')).toEqual([{ event: 'message', data: '' }]);
    expect(parse('event\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('skips comments, including heartbeats between the fields of one event', () => {
    expect(parse(': heartbeat\n\n:\ndata: a\n: still here\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('ignores unknown fields and retry', () => {
    expect(parse('retry: 1000\nfoo: bar\nDATA: shout\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('dispatches nothing for an event without data, and its name does not leak into the next one', () => {
    expect(parse('event: typing\nid: 3\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('does not dispatch data that has no blank line after it yet', () => {
    expect(parse('data: x\n')).toEqual([]);
    expect(parse('data: x')).toEqual([]);
    expect(parse('data: x\n', '\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('dispatches once for several blank lines, and several events from one chunk', () => {
    expect(parse('data: a\n\n\n\ndata: b\n\nevent: session\ndata: c\n\n').map((event) => [event.event, event.data])).toEqual([
      ['message', 'a'],
      ['message', 'b'],
      ['session', 'c'],
    ]);
  });

  it('keeps Unicode data as it is', () => {
    expect(parse('data: {"text":"你好 👋 مرحبا"}\n\n')[0].data).toBe('{"text":"你好 👋 مرحبا"}');
  });
});

describe('createSseParser: line endings and chunks', () => {
  const expected = [
    { event: 'message', data: 'a\nb', id: '1' },
    { event: 'typing', data: 'c' },
  ];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line endings', (_, eol) => {
    const stream = ['id: 1', 'data: a', 'data: b', '', 'event: typing', 'data: c', '', ''].join(eol);
    expect(parse(stream)).toEqual(expected);
  });

  it('reads mixed line endings', () => {
    expect(parse('id: 1\r\ndata: a\rdata: b\n\revent: typing\ndata: c\r\n\r\n')).toEqual(expected);
  });

  it('reads a CRLF split between two chunks as one line ending', () => {
    expect(parse('data: a\r', '\ndata: b\r', '\n\r', '\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('reads a CR at the end of a chunk followed by a CR as two line endings', () => {
    expect(parse('data: a\r', '\rdata: b\r', '\r')).toEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('is not confused by an empty chunk between the CR and the LF of a CRLF', () => {
    expect(parse('data: a\r', '', '\ndata: b\r\n\r\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('gives the same events for every split of a stream into two or three chunks', () => {
    const stream = 'id: 12\r\nevent: message\r\ndata: {"a":1}\r\n: hb\r\n\r\nevent: typing\rdata: x\r\rdata: y\n\n';
    const whole = parse(stream);
    expect(whole).toHaveLength(3);
    for (let i = 0; i <= stream.length; i++) {
      expect(parse(stream.slice(0, i), stream.slice(i))).toEqual(whole);
      for (let j = i + 1; j <= stream.length; j += 3) {
        expect(parse(stream.slice(0, i), stream.slice(i, j), stream.slice(j))).toEqual(whole);
      }
    }
    expect(parse(...stream)).toEqual(whole);
  });
});

describe('createSseParser: any valid stream, any split (property)', () => {
  const fieldText = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !/[\r\n]/.test(text));
  const event = fc.record({
    name: fc.oneof(fc.constantFrom('', 'message', 'typing', 'session', 'ready'), fieldText),
    lines: fc.array(fieldText, { minLength: 1, maxLength: 4 }),
    id: fc.option(fieldText.filter((text) => !text.includes('\0')), { nil: undefined }),
    comment: fc.boolean(),
  });
  const eol = fc.constantFrom('\n', '\r\n', '\r');

  /** The stream for these events, each line ended by its own line ending, a CR never directly before a blank LF line. */
  function serialize(events: { name: string; lines: string[]; id?: string; comment: boolean }[], endings: string[]): string {
    const lines: string[] = [];
    for (const { name, lines: data, id, comment } of events) {
      if (comment) lines.push(': keep-alive');
      if (name) lines.push(`event: ${name}`);
      if (id !== undefined) lines.push(`id: ${id}`);
      for (const line of data) lines.push(`data: ${line}`);
      lines.push('');
    }
    let stream = '';
    let previous = '';
    lines.forEach((line, i) => {
      let ending = endings[i % endings.length];
      if (previous === '\r' && line === '' && ending === '\n') ending = '\r\n';
      stream += line + ending;
      previous = ending;
    });
    return stream;
  }

  it('parses every event exactly once, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 5 }),
        fc.array(eol, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (events, endings, cuts) => {
          const stream = serialize(events, endings);
          const positions = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...positions].map((start, i) => stream.slice(start, positions[i] ?? stream.length)).filter(Boolean);
          expect(parse(...chunks)).toEqual(
            events.map(({ name, lines, id }) => ({ event: name || 'message', data: lines.join('\n'), ...(id !== undefined ? { id } : {}) })),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
