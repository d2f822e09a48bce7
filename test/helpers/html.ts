// A small, strict HTML parser for the pages this project writes (job summaries): it tokenizes as
// the HTML standard does for what they contain (start and end tags, quoted or bare attributes,
// character references, void elements, raw-text <style>/<script>, comments, a doctype) and builds
// the element tree. Markup that does not balance is an error, so a title that smuggles in a tag
// fails a test instead of being silently repaired. No HTML parser is among the dependencies; this
// stands in for one (parse5 would be a drop-in replacement for `parseHtml`).

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | { text: string };

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr'
]);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0'
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X'))
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref.toLowerCase()] ?? match;
  });
}

const ATTRIBUTE = /^\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/;

export function parseHtml(html: string): Element {
  const root: Element = { tag: '#document', attrs: {}, children: [], parent: null };
  let current = root;
  let i = 0;
  const text = (value: string): void => {
    if (value !== '') current.children.push({ text: decodeEntities(value) });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) throw new Error(`unterminated comment at ${lt}`);
      i = end + 3;
      continue;
    }
    if (/^<!doctype/i.test(html.slice(lt, lt + 9))) {
      i = html.indexOf('>', lt) + 1;
      continue;
    }
    const end = /^<\/([a-z][a-z0-9-]*)\s*>/i.exec(html.slice(lt));
    if (end) {
      const tag = (end[1] ?? '').toLowerCase();
      if (current.tag !== tag) {
        throw new Error(`</${tag}> at ${lt} closes <${current.tag}>: the markup does not balance`);
      }
      current = current.parent ?? root;
      i = lt + end[0].length;
      continue;
    }
    const start = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(lt));
    if (!start) {
      // A "<" that starts no tag is text, as in HTML.
      text('<');
      i = lt + 1;
      continue;
    }
    const element: Element = {
      tag: (start[1] ?? '').toLowerCase(),
      attrs: {},
      children: [],
      parent: current
    };
    let j = lt + start[0].length;
    for (let m = ATTRIBUTE.exec(html.slice(j)); m; m = ATTRIBUTE.exec(html.slice(j))) {
      element.attrs[(m[1] ?? '').toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      j += m[0].length;
    }
    const close = /^\s*(\/?)>/.exec(html.slice(j));
    if (!close) throw new Error(`malformed <${element.tag}> tag at ${lt}`);
    i = j + close[0].length;
    current.children.push(element);
    if (VOID.has(element.tag) || close[1] === '/') continue;
    if (RAW_TEXT.has(element.tag)) {
      const endTag = html.toLowerCase().indexOf(`</${element.tag}`, i);
      if (endTag < 0) throw new Error(`unterminated <${element.tag}>`);
      const body = html.slice(i, endTag);
      if (body !== '')
        element.children.push({ text: element.tag === 'title' ? decodeEntities(body) : body });
      i = html.indexOf('>', endTag) + 1;
      continue;
    }
    current = element;
  }
  if (current !== root) throw new Error(`<${current.tag}> is never closed`);
  return root;
}

export function isElement(node: Node): node is Element {
  return 'tag' in node;
}

/** Descendant elements with this tag name, in document order. */
export function findAll(node: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tag === tag) found.push(child);
    found.push(...findAll(child, tag));
  }
  return found;
}

/** Every element under `node`. */
export function elements(node: Element): Element[] {
  return node.children.filter(isElement).flatMap(child => [child, ...elements(child)]);
}

export function textContent(node: Node): string {
  return isElement(node) ? node.children.map(textContent).join('') : node.text;
}

/** The element children of `node` with this tag (no deeper). */
export function childElements(node: Element, tag?: string): Element[] {
  return node.children.filter(isElement).filter(c => tag === undefined || c.tag === tag);
}
