/**
 * The words the analysis reads figures and links by, kept as data (`lexicon.json`) so that a
 * reader of another province's resolution can add the words that text uses without touching
 * code; `docs/open-data.md` ("The lexicon") says what each list does. The file is validated
 * when the build reads it: a bad entry stops the build with one line naming the file and the
 * entry.
 */
import { z } from 'zod';
import { COMPARATORS } from '../document/schema.ts';
import { escapeRegExp } from '../text/pattern.ts';
import data from './lexicon.json';

/** Where the lexicon lives, for error messages. */
export const LEXICON_FILE = 'src/lib/analysis/lexicon.json';

/** A word or phrase as written in running text: lower case, single spaces, no edge spaces. */
const Phrase = z
  .string()
  .min(1)
  .refine((word) => word === word.toLowerCase(), 'must be lower case')
  .refine((word) => word === word.trim().replace(/\s+/g, ' '), 'must have single inner spaces');

/** A list of phrases, each once. */
const Phrases = z
  .array(Phrase)
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'lists a word twice');

export const LexiconSchema = z
  .object({
    /** Words before a number that make it a label, a date part or an ordinal ("Điều 3"). */
    labelWords: Phrases,
    /** Scale words that belong to the unit ("tỷ đồng", "triệu lượt khách"). */
    scaleWords: Phrases,
    /** Currencies, which end a unit ("74.000 tỷ đồng, trong đó" stops after "đồng"). */
    currencies: Phrases,
    /** Linking words that end a unit or a following phrase. */
    unitStops: Phrases,
    /** Comparator words before a figure and what they mean ("trên" → gt). */
    comparators: z.record(Phrase, z.enum(COMPARATORS)),
    /** Counted nouns that make a figure outside a target a commitment, grouped for readers. */
    countedUnits: z.record(z.string(), Phrases),
    /** Periods after a slash that make a rate ("lần/năm"). */
    periods: Phrases,
    /** Populations a figure may be given per ("/1 vạn dân", "trên 10.000 dân"). */
    populations: Phrases,
    /** Words that put a population under a figure ("trên", "mỗi", "/"). */
    perWords: Phrases,
    /** Verbs that join a population base to the figure after it ("… trên 10.000 dân đạt 13"). */
    linkingVerbs: Phrases,
    rank: z
      .object({
        /** Words before a number that make it a group of leaders on their own ("top 10"). */
        group: Phrases,
        /** Words that do so only with a leader word after the number ("nhóm 5 … đứng đầu"). */
        groupWithLeader: Phrases,
        /** The leader words ("đứng đầu", "dẫn đầu"). */
        leaders: Phrases,
        /** Words before a number that make it a position ("đứng thứ 3", "xếp hạng thứ 10"). */
        ordinal: Phrases,
        /** Where the leaders are, kept in the rank's words ("đứng đầu cả nước"). */
        scopes: Phrases,
      })
      .strict(),
    /** Words that lead into a subject without being part of it ("trong đó", "phấn đấu"). */
    subjectLead: Phrases,
    /** Words that end a subject without being part of it ("đạt", "ở mức"). */
    subjectTail: Phrases,
    /** How a percentage's subject begins tells its scale: a change, or a share of a whole. */
    percentKinds: z.object({ change: Phrases, share: Phrases }).strict(),
    links: z
      .object({
        /** Words that carry no topic, dropped before comparing a target with a task. */
        stopWords: Phrases,
        /** Word pairs of plan vocabulary that say nothing about a topic ("tỷ lệ"). */
        planPairs: Phrases,
        /** Words that turn a shared phrase into its opposite ("thu" vs "chi ngân sách"). */
        opposites: z.array(z.tuple([Phrase, Phrase])),
      })
      .strict(),
  })
  .strict();

export type Lexicon = z.infer<typeof LexiconSchema>;

/** Validates lexicon data, or throws one line naming the file and the first bad entry. */
export function parseLexicon(input: unknown, file: string = LEXICON_FILE): Lexicon {
  const result = LexiconSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new Error(`${file}: ${where}: ${issue?.message ?? 'invalid lexicon'}`);
}

/** The project's lexicon, validated once when first read. */
export const LEXICON: Lexicon = parseLexicon(data);

/** An alternation of phrases, longest first so that "không quá" wins over "quá"; spaces flexible. */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/ /g, '\\s+'))
    .join('|');
}
