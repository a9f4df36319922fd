export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {
  override name = 'XmlError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * A small XML reader for GRASSMARLIN's session files. Hand-written because Web Workers have no
 * DOMParser, and kept deliberately narrow to be safe: no DTD (a DOCTYPE is refused, so no entity
 * expansion), only the five predefined entities and character references, bounded depth.
 */
export function parseXml(text: string, maxDepth = 64): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  const length = text.length;
  while (i < length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decodeEntities(text.slice(i));
      break;
    }
    if (lt > i) top.text += decodeEntities(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError(`unterminated comment at offset ${lt}`);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError(`unterminated CDATA at offset ${lt}`);
      top.text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError(`unterminated processing instruction at offset ${lt}`);
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      throw new XmlError('a DOCTYPE or DTD is not accepted');
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlError(`unterminated closing tag at offset ${lt}`);
      const name = text.slice(lt + 2, end).trim();
      if (stack.length < 2 || top.name !== name) {
        throw new XmlError(`closing tag </${name}> at offset ${lt} does not match <${top.name}>`);
      }
      stack.pop();
      i = end + 1;
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(lt, lt + 200));
      if (!tag) throw new XmlError(`malformed tag at offset ${lt}`);
      const element: XmlElement = { name: tag[1]!, attributes: {}, children: [], text: '' };
      let j = lt + tag[0].length;
      const attribute = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      let closed: string | null = null;
      while (closed === null) {
        attribute.lastIndex = j;
        const m = attribute.exec(text);
        if (!m) throw new XmlError(`malformed attributes in <${element.name}> at offset ${lt}`);
        j = attribute.lastIndex;
        if (m[5]) closed = m[5];
        else element.attributes[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
      }
      top.children.push(element);
      if (closed === '>') {
        if (stack.length > maxDepth) throw new XmlError(`elements nested deeper than ${maxDepth}`);
        stack.push(element);
      }
      i = j;
    }
  }
  if (stack.length > 1) throw new XmlError(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
