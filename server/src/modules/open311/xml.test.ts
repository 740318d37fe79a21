import { describe, expect, it } from 'vitest';
import { escapeXml, renderXml } from './xml';

describe(renderXml.name, () => {
  it('writes the declaration, objects as children, lists with their item name', () => {
    const xml = renderXml(
      'services',
      [{ service_code: '06010', metadata: false, keywords: ['a', 'b'] }],
      { services: 'service', keywords: 'keyword' },
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<services><service><service_code>06010</service_code><metadata>false</metadata>' +
        '<keywords><keyword>a</keyword><keyword>b</keyword></keywords></service></services>\n',
    );
  });

  it('writes null as an empty element, leaves undefined out, and an empty list empty', () => {
    expect(renderXml('r', { a: null, b: undefined, c: [], d: 0 })).toContain(
      '<r><a/><c/><d>0</d></r>',
    );
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td\ne\uD800f😀')).toBe('abc\td\nef😀');
    expect(renderXml('d', '暴露垃圾 & 渣土')).toContain('<d>暴露垃圾 &amp; 渣土</d>');
  });

  it('refuses an invalid element name (a programming error)', () => {
    expect(() => renderXml('r', { 'bad name': 1 })).toThrow(/invalid XML element name/);
    expect(() => renderXml('1r', 1)).toThrow();
  });
});
