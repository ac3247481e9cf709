import { describeSendError } from './mail-transport.js';

describe('what of a sending error is kept', () => {
  it('keeps the code and the server reply, with every address taken out', () => {
    const e = Object.assign(new Error("Can't send mail"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <anna.andersson@example.org>: Recipient address rejected; also bcc=b.berg@example.se',
    });
    const kept = describeSendError(e);
    expect(kept).toBe('EENVELOPE 550 550 5.1.1 <address>: Recipient address rejected; also <address>');
    expect(kept).not.toMatch(/@/);
  });

  it('says something for an error without any detail, and never more than 500 characters', () => {
    expect(describeSendError({})).toBe('unknown error');
    expect(describeSendError(new Error('x'.repeat(2000))).length).toBe(500);
  });
});
