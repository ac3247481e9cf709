import { useState } from 'react';
import { InternshipHistoryDialog } from './InternshipHistoryDialog';
import { ReviseInternshipDialog } from './ReviseInternshipDialog';
import type { Internship } from './queries';

/** A placement's history, and from there its correction for whoever may record in its programme. */
export function InternshipDetail({ internship, onClose }: { internship: Internship; onClose(): void }) {
  const [correcting, setCorrecting] = useState(false);
  return correcting ? (
    <ReviseInternshipDialog internship={internship} onClose={onClose} />
  ) : (
    <InternshipHistoryDialog
      internship={internship}
      onClose={onClose}
      onCorrect={internship.mayRecord ? () => setCorrecting(true) : undefined}
    />
  );
}
