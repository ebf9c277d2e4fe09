import { decodeEntities } from './decode-entities';

/**
 * A deliberately small XML reader for timedtext bodies (srv1/srv2/srv3). DOMParser does not exist in a
 * service worker or in Node, and caption XML needs only elements, attributes and text.
 *
 * Linear: every step advances with indexOf/charCode scans, no regex over the whole body. Structure errors
 * (unclosed or mismatched tags, text after the root, a truncated tag) throw XmlError with an offset, so a
 * truncated body is reported, never half-read. Comments, processing instructions, DOCTYPE and CDATA are
 * handled; entities in text and attribute values are decoded once.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = 'XmlError';
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const n = source.length;

  while (i < n) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) addText(source.slice(i, textEnd), i);
    if (lt === -1) break;
    i = lt;

    if (source.startsWith('<!--', i)) {
      i = skipPast(source, '-->', i + 4, 'comment');
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      if (end === -1) throw new XmlError(`unterminated CDATA section at offset ${i}`);
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlError(`CDATA outside the root element at offset ${i}`);
      parent.children.push(source.slice(i + 9, end));
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      i = skipPast(source, '?>', i + 2, 'processing instruction');
    } else if (source.startsWith('<!', i)) {
      i = skipPast(source, '>', i + 2, 'declaration');
    } else if (source.charCodeAt(i + 1) === 0x2f /* / */) {
      i = closeTag(i);
    } else {
      i = openTag(i);
    }
  }

  if (stack.length > 0) {
    throw new XmlError(`unexpected end of document: <${stack[stack.length - 1]!.name}> is not closed`);
  }
  if (!root) throw new XmlError('no root element');
  return root;

  function addText(raw: string, at: number): void {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (raw.trim() !== '') throw new XmlError(`text outside the root element at offset ${at}`);
      return;
    }
    parent.children.push(decodeEntities(raw));
  }

  function closeTag(at: number): number {
    const end = source.indexOf('>', at + 2);
    if (end === -1) throw new XmlError(`unexpected end of document inside a closing tag at offset ${at}`);
    const name = source.slice(at + 2, end).trim();
    const open = stack.pop();
    if (!open) throw new XmlError(`closing tag </${name}> without an open element at offset ${at}`);
    if (open.name !== name) throw new XmlError(`mismatched </${name}> for <${open.name}> at offset ${at}`);
    return end + 1;
  }

  function openTag(at: number): number {
    let j = at + 1;
    const nameStart = j;
    while (j < n && isNameChar(source.charCodeAt(j))) j++;
    if (j === nameStart) throw new XmlError(`invalid "<" at offset ${at}`);
    const element: XmlElement = { name: source.slice(nameStart, j), attrs: {}, children: [] };

    for (;;) {
      j = skipSpace(j);
      if (j >= n) throw new XmlError(`unexpected end of document inside <${element.name}> at offset ${at}`);
      const c = source.charCodeAt(j);
      if (c === 0x3e /* > */) {
        attach(element, at);
        stack.push(element);
        return j + 1;
      }
      if (c === 0x2f /* / */) {
        if (source.charCodeAt(j + 1) !== 0x3e) throw new XmlError(`malformed tag <${element.name}> at offset ${at}`);
        attach(element, at);
        return j + 2;
      }
      const attrStart = j;
      while (j < n && isNameChar(source.charCodeAt(j))) j++;
      if (j === attrStart) throw new XmlError(`malformed attribute in <${element.name}> at offset ${j}`);
      const attrName = source.slice(attrStart, j);
      j = skipSpace(j);
      if (source.charCodeAt(j) !== 0x3d /* = */) {
        throw new XmlError(`attribute ${attrName} of <${element.name}> has no value at offset ${j}`);
      }
      j = skipSpace(j + 1);
      const quote = source[j];
      if (quote !== '"' && quote !== "'") {
        throw new XmlError(`unquoted value for ${attrName} in <${element.name}> at offset ${j}`);
      }
      const close = source.indexOf(quote, j + 1);
      if (close === -1) throw new XmlError(`unexpected end of document inside <${element.name}> at offset ${at}`);
      element.attrs[attrName] = decodeEntities(source.slice(j + 1, close));
      j = close + 1;
    }
  }

  function attach(element: XmlElement, at: number): void {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new XmlError(`second root element <${element.name}> at offset ${at}`);
    else root = element;
  }

  function skipSpace(j: number): number {
    while (j < n) {
      const c = source.charCodeAt(j);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) j++;
      else break;
    }
    return j;
  }
}

function skipPast(source: string, terminator: string, from: number, what: string): number {
  const end = source.indexOf(terminator, from);
  if (end === -1) throw new XmlError(`unterminated ${what} at offset ${from}`);
  return end + terminator.length;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a || c > 0x7f
  );
}

/** All text below an element, in document order (for `<p>` with `<s>` word spans, `<br/>` as a space). */
export function textContent(element: XmlElement): string {
  const parts: string[] = [];
  collect(element, parts);
  return parts.length === 1 ? parts[0]! : parts.join('');
}

function collect(element: XmlElement, parts: string[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') parts.push(child);
    else if (child.name === 'br') parts.push(' ');
    else collect(child, parts);
  }
}
