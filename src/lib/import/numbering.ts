/**
 * Word's automatic numbering, computed the way Word shows it: the number of "Điều 5." or "b)"
 * is not in the text of a .docx but in `numbering.xml` (level text, format, start, restarts,
 * overrides), so an importer that skips this loses the labels the parser needs.
 */

/** One list level: `lvlText` such as `Điều %1.`, a number format, where it starts and restarts. */
export interface Level {
  start: number;
  format: string;
  text: string;
  /** `lvlRestart`: restart after a use of this 1-based level or a higher one; 0 = never; null = default. */
  restart: number | null;
  /** `isLgl`: every number in the label is shown in decimal. */
  legal: boolean;
  /** What follows the label: a tab, a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** The style that carries this level (`w:pStyle` inside the level). */
  style: string | null;
  /** The label's font, for bullets drawn from Symbol or Wingdings. */
  font: string | null;
}

/** A list definition (`w:abstractNum`) by level. */
export type AbstractList = Map<number, Level>;

/** A list instance (`w:num`): its definition and per-level overrides. */
export interface ListInstance {
  abstractId: string;
  /** `startOverride` by level. */
  starts: Map<number, number>;
  /** Whole levels redefined by `lvlOverride/lvl`. */
  levels: Map<number, Level>;
}

/** Roman numerals for numbers 1–3999, upper case. */
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]; // prettier-ignore
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, aaa…: the letter repeated, not a base-26 count. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Bullet characters of the Symbol and Wingdings fonts, as the Unicode characters they draw. */
const SYMBOL_BULLETS: Record<number, string> = {
  0xf0b7: '•',
  0xf0a7: '▪',
  0xf0a8: '◆',
  0xf0d8: '➢',
  0xf0fc: '✓',
  0xf076: '❖',
  0xf0e0: '➔',
  0xf02d: '-',
  0xf0be: '—',
};

/** A bullet's text as Unicode: private-use symbol codes become the characters they show. */
export function bulletText(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 0xf000 && code <= 0xf0ff) return SYMBOL_BULLETS[code] ?? '•';
      return ch;
    })
    .join('');
}

/** One number in a level's format (`decimal`, `lowerLetter`, `upperRoman`…). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'none':
      return '';
    default:
      // Formats Word draws with other scripts or words fall back to digits, which keep the count.
      return String(n);
  }
}

/** A level's label with every `%k` replaced by the current number of level k. */
export function renderLabel(
  level: Level,
  counters: Map<number, number>,
  levelOf: (i: number) => Level,
): string {
  if (level.format === 'bullet') return bulletText(level.text);
  return level.text.replace(/%([1-9])/g, (_m, k: string) => {
    const i = Number(k) - 1;
    const at = levelOf(i);
    const value = counters.get(i) ?? at.start;
    return formatNumber(value, level.legal && at.format !== 'none' ? 'decimal' : at.format);
  });
}

/** The default level when a list names a level it does not define. */
const PLAIN_LEVEL: Level = {
  start: 1,
  format: 'decimal',
  text: '',
  restart: null,
  legal: false,
  suffix: 'tab',
  style: null,
  font: null,
};

/**
 * The running counters of every list in a document. Lists that share a definition continue one
 * another, as in Word, unless an instance overrides a start: then it counts on its own.
 */
export class ListCounters {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly started = new Set<string>();

  constructor(
    private readonly lists: Map<string, AbstractList>,
    private readonly instances: Map<string, ListInstance>,
  ) {}

  /** The level definition in force for an instance. */
  level(numId: string, ilvl: number): Level {
    const instance = this.instances.get(numId);
    const own = instance?.levels.get(ilvl);
    if (own) return own;
    const base = instance ? this.lists.get(instance.abstractId)?.get(ilvl) : undefined;
    return base ?? PLAIN_LEVEL;
  }

  /** Whether a list instance exists (numId 0 and unknown ids mean "no numbering"). */
  has(numId: string): boolean {
    return this.instances.has(numId);
  }

  /** Advances the list at a level and returns the label Word shows there, or null for none. */
  next(numId: string, ilvl: number): string | null {
    const instance = this.instances.get(numId);
    if (!instance) return null;
    const key = instance.starts.size > 0 ? `num:${numId}` : `abs:${instance.abstractId}`;
    let counters = this.counts.get(key);
    if (!counters) {
      counters = new Map();
      this.counts.set(key, counters);
    }
    if (!this.started.has(numId)) {
      // An override restarts its level where the instance is first used.
      this.started.add(numId);
      for (const [i, start] of instance.starts) counters.set(i, start - 1);
    }
    const level = this.level(numId, ilvl);
    const current = counters.get(ilvl);
    counters.set(ilvl, current === undefined ? level.start : current + 1);
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(numId, deeper).restart;
      // Default: a deeper level restarts after any higher level; lvlRestart names the highest one.
      if (restart === null || (restart > 0 && ilvl <= restart - 1)) counters.delete(deeper);
    }
    const label = renderLabel(level, counters, (i) => this.level(numId, i));
    return label === '' ? null : label;
  }
}
