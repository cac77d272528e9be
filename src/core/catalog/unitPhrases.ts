const OPENING = '（(';
const CLOSING = '）)';
const SEPARATORS = '，,、；;';

/** Drops closing brackets that close nothing and opening ones never closed (item 26 ends in a stray `）`). */
function balanceBrackets(phrase: string): string {
  let depth = 0;
  let kept = '';
  for (const char of phrase) {
    if (OPENING.includes(char)) depth += 1;
    if (CLOSING.includes(char)) {
      if (depth === 0) continue;
      depth -= 1;
    }
    kept += char;
  }
  while (depth > 0) {
    const lastOpen = Math.max(kept.lastIndexOf('（'), kept.lastIndexOf('('));
    kept = kept.slice(0, lastOpen) + kept.slice(lastOpen + 1);
    depth -= 1;
  }
  return kept;
}

/**
 * Splits a unit column (`区委编办、区政府各行政执法部门，各乡（镇）街道`) into unit phrases, as
 * written. Separators (、，,；; and line breaks between paragraphs of a cell) inside brackets do
 * not split.
 */
export function splitUnitPhrases(column: string): string[] {
  const phrases: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of column.replace(/[\s\u3000]*\n[\s\u3000]*/g, '、').replace(/[\s\u3000]+/g, '')) {
    if (OPENING.includes(char)) depth += 1;
    if (CLOSING.includes(char) && depth > 0) depth -= 1;
    if (depth === 0 && SEPARATORS.includes(char)) {
      phrases.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  phrases.push(current);
  return phrases.map(balanceBrackets).filter((phrase) => phrase !== '');
}
