/**
 * Look-alike glyphs in PDF text. PDF fonts (Chromium's and many typesetters') often give a CJK
 * glyph the code point of a radical or a compatibility ideograph that looks the same: `⽉`
 * (U+2F49 KANGXI RADICAL MOON) for `月`, `⺠` (U+2EA0 CJK RADICAL CIVILIAN) for `民`, `︰` is not
 * touched. This maps those characters back, one character at a time.
 *
 * NFKC is never applied to the whole text: it would also turn full-width punctuation (`，：（）`)
 * and full-width digits into ASCII, which a Chinese page prints on purpose.
 */

/** Kangxi Radicals: every one of the 214 has a compatibility decomposition to its ideograph. */
const KANGXI_FIRST = 0x2f00;
const KANGXI_LAST = 0x2fd5;
/** CJK Compatibility Ideographs (BMP) and their Supplement: each has a canonical singleton. */
const COMPAT_FIRST = 0xf900;
const COMPAT_LAST = 0xfaff;
const COMPAT_SUPPLEMENT_FIRST = 0x2f800;
const COMPAT_SUPPLEMENT_LAST = 0x2fa1f;
/** CJK Radicals Supplement: only two have a decomposition, so they come from a table. */
const RADICALS_SUPPLEMENT_FIRST = 0x2e80;
const RADICALS_SUPPLEMENT_LAST = 0x2ef3;

/**
 * CJK Radicals Supplement → equivalent unified ideograph, from the Unicode Character Database's
 * `EquivalentUnifiedIdeograph.txt` (Unicode 14.0, © Unicode, Inc., Unicode terms of use):
 * `LOW:UNIFIED` pairs, where LOW is the last two hex digits after U+2E. U+2E80 and U+2E9A have
 * no equivalent and stay as they are.
 */
const RADICALS_SUPPLEMENT_TABLE =
  "81:5382 82:4E5B 83:4E5A 84:4E59 85:4EBB 86:5182 87:20628 88:5200 89:5202 8A:535C " +
  "8B:353E 8C:5C0F 8D:5C0F 8E:5140 8F:5C23 90:5C22 91:21BC2 92:5DF3 93:5E7A 94:5F51 " +
  "95:5F50 96:5FC4 97:5FC3 98:624C 99:6535 9B:65E1 9C:65E5 9D:6708 9E:6B7A 9F:6BCD " +
  "A0:6C11 A1:6C35 A2:6C3A A3:706C A4:722B A5:722B A6:4E2C A7:725B A8:72AD A9:738B " +
  "AA:24D14 AB:76EE AC:793A AD:793B AE:25AD7 AF:7CF9 B0:7E9F B1:7F53 B2:7F52 B3:34C1 " +
  "B4:5197 B5:2626B B6:7F8A B7:2634C B8:2634B B9:8002 BA:8080 BB:807F BC:8089 BD:26951 " +
  "BE:8279 BF:8279 C0:8279 C1:864E C2:8864 C3:8980 C4:897F C5:89C1 C6:89D2 C7:278B2 " +
  "C8:8BA0 C9:8D1D CA:27FB7 CB:8F66 CC:8FB6 CD:8FB6 CE:8FB6 CF:9091 D0:9485 D1:9577 " +
  "D2:9578 D3:957F D4:95E8 D5:28E0F D6:961D D7:96E8 D8:9752 D9:97E6 DA:9875 DB:98CE " +
  "DC:98DE DD:98DF DE:2967F DF:98E0 E0:9963 E1:29810 E2:9A6C E3:9AA8 E4:9B3C E5:9C7C " +
  "E6:9E1F E7:5364 E8:9EA6 E9:9EC4 EA:9EFE EB:6589 EC:9F50 ED:6B6F EE:9F7F EF:7ADC " +
  "F0:9F99 F1:9F9C F2:4E80 F3:9F9F";

/**
 * Radicals whose glyph in a simplified-Chinese font is a character other than their NFKC form:
 * `⼾` (U+2F3E KANGXI RADICAL DOOR) is drawn, and used by Chromium's fonts, as `户` (U+6237), not
 * `戶` (U+6236); `⾭` (U+2FAD KANGXI RADICAL BLUE) as `青` (U+9752), not `靑` (U+9751). dubao reads
 * mainland newspapers, so these two take the simplified form (pdftotext does the same).
 */
const SIMPLIFIED_FORMS: ReadonlyMap<number, string> = new Map([
  [0x2f3e, "\u6237"],
  [0x2fad, "\u9752"],
]);

/**
 * Punctuation a CJK font draws with one glyph under two code points: `―` (U+2015 HORIZONTAL BAR)
 * is the Chinese dash `—` (U+2014 EM DASH) that GB 18030 maps 0xA1AA to, and what pdftotext and
 * the page dumps print.
 */
const PUNCTUATION_FORMS: ReadonlyMap<number, string> = new Map([[0x2015, "\u2014"]]);

let radicalsSupplement: Map<number, string> | null = null;

function radicalsSupplementMap(): Map<number, string> {
  if (radicalsSupplement === null) {
    radicalsSupplement = new Map();
    for (const pair of RADICALS_SUPPLEMENT_TABLE.split(" ")) {
      const [low, unified] = pair.split(":") as [string, string];
      radicalsSupplement.set(0x2e00 + parseInt(low, 16), String.fromCodePoint(parseInt(unified, 16)));
    }
  }
  return radicalsSupplement;
}

/**
 * The character a look-alike stands for (a unified ideograph, or `—` for `―`), or `null` when
 * `codePoint` is no look-alike (or has no unified equivalent).
 */
export function unifiedIdeographOf(codePoint: number): string | null {
  const fixed = SIMPLIFIED_FORMS.get(codePoint) ?? PUNCTUATION_FORMS.get(codePoint);
  if (fixed !== undefined) return fixed;
  if (codePoint >= KANGXI_FIRST && codePoint <= KANGXI_LAST) {
    return String.fromCodePoint(codePoint).normalize("NFKC");
  }
  if (codePoint >= RADICALS_SUPPLEMENT_FIRST && codePoint <= RADICALS_SUPPLEMENT_LAST) {
    return radicalsSupplementMap().get(codePoint) ?? null;
  }
  if ((codePoint >= COMPAT_FIRST && codePoint <= COMPAT_LAST) || (codePoint >= COMPAT_SUPPLEMENT_FIRST && codePoint <= COMPAT_SUPPLEMENT_LAST)) {
    const ch = String.fromCodePoint(codePoint);
    const nfc = ch.normalize("NFC");
    // twelve code points of the block (U+FA0E, U+FA0F…) are unified ideographs themselves
    return nfc === ch ? null : nfc;
  }
  return null;
}

/** Whether `text` has any character {@link mapLookalikes} would change (a cheap pre-check). */
const MAY_HOLD_LOOKALIKE = /[\u2015\u2e80-\u2fdf\uf900-\ufaff\ud87e]/;

/**
 * Replaces radicals and compatibility ideographs with the unified ideographs they look like,
 * character by character; everything else (full-width punctuation included) is kept as is.
 * @param text text extracted from a PDF
 * @returns the same text with look-alikes mapped back (same length in code points)
 * @example mapLookalikes("2022年6⽉1⽇，⺠⽣") === "2022年6月1日，民生"
 */
export function mapLookalikes(text: string): string {
  if (!MAY_HOLD_LOOKALIKE.test(text)) return text;
  let out = "";
  for (const ch of text) {
    out += unifiedIdeographOf(ch.codePointAt(0)!) ?? ch;
  }
  return out;
}

/** Whether `text` may hold a radical or `―` (a cheap pre-check for {@link mapRadicals}). */
const MAY_HOLD_RADICAL = /[\u2015\u2e80-\u2fdf]/;

/**
 * {@link mapLookalikes} for a text dump another extractor made from a PDF (pdf.js prints `2022年6⽉1⽇`
 * where pdftotext prints `2022年6月1日`): radicals and `―` only, each where its ideograph is as long
 * in UTF-16 (so offsets into the dump stay right). Compatibility ideographs are letters of the dump
 * and are kept as printed; radicals and dashes are symbols, so no letter of the dump is lost.
 * @param text a page dump
 * @returns the dump with radicals mapped back, the same length
 * @example mapRadicals("2022年6⽉1⽇，⺠⽣") === "2022年6月1日，民生"
 */
export function mapRadicals(text: string): string {
  if (!MAY_HOLD_RADICAL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mapped = c === 0x2015 || (c >= RADICALS_SUPPLEMENT_FIRST && c <= KANGXI_LAST) ? unifiedIdeographOf(c) : null;
    out += mapped !== null && mapped.length === 1 ? mapped : text[i];
  }
  return out;
}
