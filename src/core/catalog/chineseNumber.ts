const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 一 … 九十九 as used to number indicators; null for anything else. */
export function parseChineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return null;
  const [, tensDigit, ten, units] = match;
  if (!ten) return tensDigit && !units ? DIGITS[tensDigit] : null;
  return (tensDigit ? DIGITS[tensDigit] : 1) * 10 + (units ? DIGITS[units] : 0);
}
