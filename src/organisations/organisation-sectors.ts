/**
 * The sectors an organisation in the register belongs to: public (state, region, municipality and
 * their agencies), private (companies), non_profit (associations, foundations, churches, trade
 * unions) and academic (universities, colleges, research institutes). Published for other modules'
 * tallies and the console.
 */
export const ORGANISATION_SECTORS = ['public', 'private', 'non_profit', 'academic'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

/** How a revision changed the organisation. */
export const ORGANISATION_CHANGES = ['created', 'revised', 'deactivated', 'reactivated'] as const;
export type OrganisationChange = (typeof ORGANISATION_CHANGES)[number];

/** What a revision of an organisation says of it. */
export interface OrganisationContent {
  name: string;
  sector: OrganisationSector;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string | null;
  active: boolean;
}

export const ORGANISATION_FIELDS = ['name', 'sector', 'contactName', 'contactEmail', 'contactPhone', 'notes', 'active'] as const;

/** The form a name is compared in: trimmed, inner spaces collapsed, lower case. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What kind of revision the change from `before` to `after` is; null when nothing changes. */
export function classifyOrganisationChange(before: OrganisationContent, after: OrganisationContent): OrganisationChange | null {
  const changed = ORGANISATION_FIELDS.filter((f) => before[f] !== after[f]);
  if (changed.length === 0) return null;
  if (before.active && !after.active) return 'deactivated';
  if (!before.active && after.active) return 'reactivated';
  return 'revised';
}
