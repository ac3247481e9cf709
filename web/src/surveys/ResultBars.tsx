/**
 * A question's answers as bars: each bar's value is written beside it (a count hidden because it is
 * under 5 says so in words, and draws no bar), and the same figures follow as a table for anyone
 * who wants the numbers.
 */
import { useTranslation } from 'react-i18next';
import { FiguresTable } from '../ui/FiguresTable';
import './surveys.css';

export interface ResultBar {
  label: string;
  /** What the bar's length shows; null when the figure is hidden (no bar). */
  value: number | null;
  /** The figure as words: "4", "fewer than 5". */
  text: string;
}

export function ResultBars({ title, bars, max }: { title: string; bars: ResultBar[]; max: number }) {
  const { t } = useTranslation();
  return (
    <figure className="result-bars">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label} className="result-bar">
            <span className="result-bar-label">{b.label}</span>
            <span className="result-bar-track" aria-hidden>
              <span className="result-bar-fill" style={{ width: `${b.value !== null && max > 0 ? (100 * b.value) / max : 0}%` }} />
            </span>
            <span className="result-bar-value">{b.text}</span>
          </li>
        ))}
      </ul>
      <FiguresTable rows={bars} head={[t('survey.results.answer'), t('survey.results.count')]} caption={title} />
    </figure>
  );
}
