/**
 * A small XML serializer for the Open311 answers: JSON-shaped values → UTF-8 XML with the
 * declaration. Objects become child elements, arrays repeat a named item element, null is an
 * empty element, undefined is left out. Text is escaped (& < > " ') and characters XML 1.0
 * cannot carry (control characters, lone surrogates) are dropped. Pure.
 */

export type XmlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly XmlValue[]
  | { readonly [key: string]: XmlValue };

/** The element name of a list's items, keyed by the list element's name. */
export type XmlItemNames = Readonly<Record<string, string>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the u flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content or an attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function element(name: string, value: XmlValue, items: XmlItemNames, out: string[]): void {
  if (value === undefined) {
    return;
  }
  if (!NAME.test(name)) {
    throw new Error(`invalid XML element name: ${name}`);
  }
  if (value === null) {
    out.push(`<${name}/>`);
    return;
  }
  if (Array.isArray(value)) {
    const list = value as readonly XmlValue[];
    if (list.length === 0) {
      out.push(`<${name}/>`);
      return;
    }
    const item = items[name] ?? 'item';
    out.push(`<${name}>`);
    for (const v of list) {
      element(item, v, items, out);
    }
    out.push(`</${name}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value as Record<string, XmlValue>)) {
      element(k, v, items, out);
    }
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
}

/** A whole document: the XML declaration (UTF-8) and the root element. */
export function renderXml(root: string, value: XmlValue, items: XmlItemNames = {}): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  element(root, value, items, out);
  out.push('\n');
  return out.join('');
}
