/** A line diff (longest common subsequence) laid out side by side: unchanged lines face each other. */
export interface DiffRow {
  left?: { n: number; text: string; removed: boolean };
  right?: { n: number; text: string; added: boolean };
}

export function sideBySide(a: string[], b: string[]): DiffRow[] {
  const m = a.length;
  const n = b.length;
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let removed: DiffRow['left'][] = [];
  let added: DiffRow['right'][] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) rows.push({ left: removed[k], right: added[k] });
    removed = [];
    added = [];
  };
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) {
      flush();
      rows.push({ left: { n: i + 1, text: a[i], removed: false }, right: { n: j + 1, text: b[j], added: false } });
      i++;
      j++;
    } else if (j < n && (i === m || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ n: j + 1, text: b[j], added: true });
      j++;
    } else {
      removed.push({ n: i + 1, text: a[i], removed: true });
      i++;
    }
  }
  flush();
  return rows;
}
