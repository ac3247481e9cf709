/**
 * The embedded typeface. DejaVu Sans covers å ä ö æ ø and the Sámi letters (ŋ, ŧ, đ, š, ž, á)
 * that the built-in Helvetica garbles. Fonts are given to pdfkit by file path: a font registered
 * by name is re-parsed far more often in some pdfkit code paths.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Face = 'regular' | 'bold';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES: Readonly<Record<Face, string>> = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
};
