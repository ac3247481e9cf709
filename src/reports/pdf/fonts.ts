/**
 * The embedded typefaces. DejaVu Sans is the report's face: it covers å ä ö æ ø, the Sámi letters
 * (ŋ, ŧ, đ, š, ž, á) that the built-in Helvetica garbles, Greek, Cyrillic, Hebrew and Arabic with
 * the Persian letters. Names of participants also come in scripts it lacks: Ethiopic (Tigrinya,
 * Amharic) and Chinese characters are set in Noto Sans Ethiopic and Noto Sans SC, loaded only by
 * a document that needs them (`scripts.ts` chooses the face per character). Fonts are given to
 * pdfkit by file path: a font registered by name is re-parsed far more often in some pdfkit code
 * paths.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Face = 'regular' | 'bold';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const dejaVu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
const ethiopic = packageDir('@expo-google-fonts/noto-sans-ethiopic');
const han = packageDir('@expo-google-fonts/noto-sans-sc');

export const FONT_FILES: Readonly<Record<Face, string>> = {
  regular: join(dejaVu, 'DejaVuSans.ttf'),
  bold: join(dejaVu, 'DejaVuSans-Bold.ttf'),
};

/** Faces for characters the report's face lacks, tried in this order. */
export const FALLBACK_FONT_FILES: readonly Readonly<Record<Face, string>>[] = [
  {
    regular: join(ethiopic, '400Regular', 'NotoSansEthiopic_400Regular.ttf'),
    bold: join(ethiopic, '700Bold', 'NotoSansEthiopic_700Bold.ttf'),
  },
  {
    regular: join(han, '400Regular', 'NotoSansSC_400Regular.ttf'),
    bold: join(han, '700Bold', 'NotoSansSC_700Bold.ttf'),
  },
];
