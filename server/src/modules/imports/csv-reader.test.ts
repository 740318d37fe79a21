import { describe, expect, it } from 'vitest';
import {
  countLineFeeds,
  csvField,
  csvRecords,
  CsvFormatError,
  decodeText,
  MAX_FIELD_CHARS,
} from './csv-reader';

async function* chunks<T>(...parts: T[]): AsyncGenerator<T> {
  for (const p of parts) {
    yield await Promise.resolve(p);
  }
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
  }
  return out;
}

const parse = (...parts: string[]) => all(csvRecords(chunks(...parts)));

describe(csvRecords.name, () => {
  it('splits fields and records, LF and CRLF alike', async () => {
    expect(await parse('a,b,c\r\n1,2,3\n4,,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
  });

  it('handles quotes: commas, doubled quotes and line breaks inside', async () => {
    expect(await parse('"x, y","say ""hi""","line1\nline2"\r\nz,"",w\n')).toEqual([
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['z', '', 'w'],
    ]);
  });

  it('does not care where the chunks split', async () => {
    const text = '工单编号,诉求内容\r\n"GD-1","门口""垃圾"",\n两天"\r\nGD-2,井盖\r\n';
    const whole = await parse(text);
    for (let i = 1; i < text.length; i++) {
      expect(await parse(text.slice(0, i), text.slice(i)), `split at ${i}`).toEqual(whole);
    }
    expect(whole).toEqual([
      ['工单编号', '诉求内容'],
      ['GD-1', '门口"垃圾",\n两天'],
      ['GD-2', '井盖'],
    ]);
  });

  it('yields a blank line as one empty field and no record for the final newline', async () => {
    expect(await parse('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(await parse('')).toEqual([]);
  });

  it('stops at a runaway quoted field', async () => {
    await expect(parse('a,"never closed' + 'x'.repeat(MAX_FIELD_CHARS + 1))).rejects.toBeInstanceOf(
      CsvFormatError,
    );
  });
});

describe(decodeText.name, () => {
  const decode = async (...bufs: Buffer[]) => (await all(decodeText(chunks(...bufs)))).join('');

  it('reads UTF-8, drops its BOM, and survives a character cut between chunks', async () => {
    const b = Buffer.from('\uFEFF工单,内容', 'utf8');
    expect(await decode(b.subarray(0, 5), b.subarray(5))).toBe('工单,内容');
  });

  it('falls back to GB18030 for text that is not UTF-8 (Excel CSV on Chinese Windows)', async () => {
    // 中文 in GBK.
    expect(await decode(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x61]))).toBe('中文,a');
  });
});

describe(csvField.name, () => {
  it('quotes when needed and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });
});

describe(countLineFeeds.name, () => {
  it('counts line feeds across chunks', async () => {
    expect(await countLineFeeds(chunks(Buffer.from('a\nb'), Buffer.from('\nc\n')))).toEqual({
      lineFeeds: 3,
      endsWithLineFeed: true,
    });
  });
});
