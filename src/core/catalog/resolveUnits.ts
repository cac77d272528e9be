import { expandPhrase, UnknownUnitPhraseError, type Directory } from '../units';

/** Unit ids an admin chose for a phrase the directory does not know (`各乡镇` → every township). */
export type PhraseMap = Record<string, string[]>;

export type PhraseResolution =
  | { kind: 'mapped'; unitIds: string[]; unknownIds: string[] }
  | { kind: 'directory'; unitIds: string[] }
  /** Found under another spelling: `税务局` is the directory's `区税务局`. */
  | { kind: 'respelled'; unitIds: string[]; spelling: string }
  | { kind: 'unknown' };

function tryExpand(phrase: string, directory: Directory): string[] | null {
  try {
    return expandPhrase(phrase, directory).map((unit) => unit.id);
  } catch (error) {
    if (error instanceof UnknownUnitPhraseError) return null;
    throw error;
  }
}

const ASCII_BRACKETS: Record<string, string> = { '(': '（', ')': '）' };

/**
 * Other spellings of a phrase, most faithful first: full-width brackets; without the district's
 * name (昌江区司法局, 景德镇市昌江区司法局 → 区司法局); with the district prefix it left out
 * (税务局 → 区税务局); without a bracket that ends it (区市场监管局（区知识产权局）→ 区市场监管局).
 */
function respellings(phrase: string, directory: Directory): string[] {
  const spellings: string[] = [];
  const add = (candidate: string) => {
    if (candidate && candidate !== phrase && !spellings.includes(candidate)) spellings.push(candidate);
  };
  const variants = (base: string) => {
    add(base);
    const { name, fullName } = directory.district;
    for (const prefix of [fullName, name]) {
      if (prefix && base.startsWith(prefix) && prefix.endsWith('区')) add(`区${base.slice(prefix.length)}`);
      else if (prefix && base.startsWith(prefix)) add(base.slice(prefix.length));
    }
    if (!base.startsWith('区') && !base.startsWith('各')) add(`区${base}`);
  };
  const fullWidth = phrase.replace(/[()]/g, (char) => ASCII_BRACKETS[char]);
  variants(fullWidth);
  const withoutBracket = fullWidth.replace(/（[^（）]*）$/, '');
  if (withoutBracket !== fullWidth && withoutBracket) variants(withoutBracket);
  return spellings;
}

/** How a unit phrase of the list maps to the directory: the admin's choice first, then the directory. */
export function resolvePhrase(phrase: string, directory: Directory, phraseMap: PhraseMap = {}): PhraseResolution {
  const chosen = Object.prototype.hasOwnProperty.call(phraseMap, phrase) ? phraseMap[phrase] : undefined;
  if (chosen) {
    const known = new Set(directory.units.map((unit) => unit.id));
    return {
      kind: 'mapped',
      unitIds: chosen.filter((id) => known.has(id)),
      unknownIds: chosen.filter((id) => !known.has(id)),
    };
  }
  const direct = tryExpand(phrase, directory);
  if (direct) return { kind: 'directory', unitIds: direct };
  for (const spelling of respellings(phrase, directory)) {
    const found = tryExpand(spelling, directory);
    if (found) return { kind: 'respelled', unitIds: found, spelling };
  }
  return { kind: 'unknown' };
}
