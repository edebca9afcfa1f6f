// Phrase matcher over token keys: a trie whose edges are normalized words, so lookup cost
// depends on the phrase length, not on the lexicon size. A word of a phrase that ends in
// `*` matches any word starting with it (اجتماع* → اجتماعه، اجتماعات).
import { nameKey, normalizeArabic, type Token } from './normalize.ts';

interface Node<T> {
  exact: Map<string, Node<T>>;
  prefixes: Array<[string, Node<T>]>;
  values: T[];
  /** the phrases ending here as listed, normalized but not folded (for `spelled` tries) */
  forms: string[];
  /** some phrase ending here is written with a hamza (هنأ) */
  hamza: boolean;
}

const HAMZA = /[أإآؤئء]/;
const newNode = <T>(): Node<T> => ({ exact: new Map(), prefixes: [], values: [], forms: [], hamza: false });

export interface TrieOptions {
  /** Arabic words rather than foreign names: the g/q/j folding that lets سيرغي meet سيرجي must
   *  not let إلغاء (cancelling) meet لقاء (meeting), so a match must also be spelled as listed. */
  spelled?: boolean;
  /** Normalized words that, written without the listed hamza, are these words and no match:
   *  هنا (here) is not هنأ (congratulated). */
  blocked?: Set<string>;
}

export interface TrieMatch<T> {
  /** token index of the first and one-past-last word */
  from: number;
  to: number;
  values: T[];
  /** the clitic-free form of the first word that matched */
  head: string;
}

export class PhraseTrie<T> {
  private root: Node<T> = newNode<T>();
  size = 0;

  constructor(private readonly options: TrieOptions = {}) {}

  add(phrase: string, value: T): void {
    const words = phrase.split(/\s+/).filter(Boolean).map((w) => (w.endsWith('*') ? nameKey(w.slice(0, -1)) + '*' : nameKey(w)));
    if (!words.length) return;
    let node = this.root;
    for (const w of words) {
      if (w.endsWith('*')) {
        const p = w.slice(0, -1);
        let next = node.prefixes.find(([q]) => q === p)?.[1];
        if (!next) { next = newNode<T>(); node.prefixes.push([p, next]); }
        node = next;
      } else {
        let next = node.exact.get(w);
        if (!next) { next = newNode<T>(); node.exact.set(w, next); }
        node = next;
      }
    }
    if (!node.values.includes(value)) node.values.push(value);
    const form = normalizeArabic(phrase.replace(/\*/g, ''));
    if (!node.forms.includes(form)) node.forms.push(form);
    if (HAMZA.test(phrase)) node.hamza = true;
    this.size++;
  }

  private spelledAsListed(n: Node<T>, tokens: Token[], i: number, j: number): boolean {
    if (!this.options.spelled) return true;
    let surface = normalizeArabic(tokens[i].text);
    for (let k = i + 1; k < j; k++) surface += ' ' + normalizeArabic(tokens[k].text);
    if (j - i === 1 && n.hamza && this.options.blocked?.has(surface) && !HAMZA.test(tokens[i].text)) return false;
    return n.forms.some((f) => surface.includes(f) || surface.includes(f.replace(/^ال/, 'ل')));
  }

  private hasRootPrefix(form: string): boolean {
    const prefixes = this.root.prefixes;
    for (let k = 0; k < prefixes.length; k++) if (form.startsWith(prefixes[k][0])) return true;
    return false;
  }

  private children(node: Node<T>, key: string): Node<T>[] {
    const out: Node<T>[] = [];
    const e = node.exact.get(key);
    if (e) out.push(e);
    for (const [p, n] of node.prefixes) if (key.startsWith(p)) out.push(n);
    return out;
  }

  /** The longest phrase starting at token `i` (its first word may carry clitics), or null. */
  matchAt(tokens: Token[], i: number, stripFirst = true): TrieMatch<T> | null {
    if (i < 0 || i >= tokens.length || tokens[i].lexical === false) return null;
    let best: TrieMatch<T> | null = null;
    const forms = stripFirst ? tokens[i].forms : [tokens[i].key];
    for (const form of forms) {
      if (!this.root.exact.has(form) && !this.hasRootPrefix(form)) continue;
      let frontier = this.children(this.root, form);
      let j = i + 1;
      while (frontier.length) {
        for (const n of frontier) {
          if (n.values.length && (!best || j > best.to) && this.spelledAsListed(n, tokens, i, j)) best = { from: i, to: j, values: n.values, head: form };
        }
        if (j >= tokens.length || !joined(tokens[j])) break;
        const key = tokens[j].key;
        frontier = frontier.flatMap((n) => this.children(n, key));
        j++;
      }
    }
    return best;
  }

  /** The words phrases start with, and the beginnings of words (for `*` entries) they may start with. */
  firstWords(): { words: string[]; prefixes: string[] } {
    return { words: [...this.root.exact.keys()], prefixes: this.root.prefixes.map(([p]) => p) };
  }

  /** Does some phrase start with one of these word forms? */
  startsWith(forms: string[]): boolean {
    return forms.some((f) => this.root.exact.has(f) || this.hasRootPrefix(f));
  }

  /** All non-overlapping longest matches, left to right. */
  scan(tokens: Token[], from = 0, to = tokens.length): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(tokens, i);
      if (m && m.to <= to) { out.push(m); i = m.to; } else i++;
    }
    return out;
  }
}

/** Words of one phrase are separated by spaces, a hyphen, or a hashtag's # and _, never
 *  by a line break or other punctuation. */
export function joined(next: Token): boolean {
  return /^[ \t\u00A0_\-–#]{1,3}$/.test(next.gap);
}
