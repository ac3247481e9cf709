import { VERSION_STATUSES, allowedActions, allowedActionsFor } from './document-control.js';

describe('what a caller may do with a procedure version', () => {
  const author = { id: 'author', roles: ['quality_manager'] };
  const other = { id: 'other', roles: ['quality_manager'] };

  it('never approval for someone who wrote the version; approval and submission only while someone is named', () => {
    expect(allowedActionsFor('draft', author, ['author'])).toEqual(['submit']);
    expect(allowedActionsFor('in_review', author, ['author'])).toEqual(['reject']);
    expect(allowedActionsFor('in_review', other, ['author'])).toEqual(['approve', 'reject']);
    expect(allowedActionsFor('in_review', other, ['author', 'other'])).toEqual(['reject']);
    expect(allowedActionsFor('draft', other, [])).toEqual([]);
    expect(allowedActionsFor('in_review', other, [])).toEqual(['reject']);
    expect(allowedActionsFor('effective', author, ['author'])).toEqual(['retire']);
  });

  it('nothing for anyone but quality managers, and never more than the status allows', () => {
    for (const status of VERSION_STATUSES) {
      for (const roles of [['programme_leader'], ['auditor'], ['board_member'], ['admin']])
        expect(allowedActionsFor(status, { id: 'x', roles }, ['author'])).toEqual([]);
      expect(allowedActionsFor(status, other, ['author']).every((a) => allowedActions(status).includes(a))).toBe(true);
    }
  });
});
