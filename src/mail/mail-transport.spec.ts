import { describeSendError, mayHaveBeenDelivered } from './mail-transport.js';

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

  it('takes out quoted local parts with spaces and mailbox names in angle brackets', () => {
    const kept = describeSendError({
      responseCode: 550,
      response: '550 <"john doe"@example.org> and "anna b"@example.se: no such user <anna.b>',
    });
    expect(kept).toBe('550 550 <address> and <address>: no such user <address>');
    expect(kept).not.toMatch(/john|anna|@/);
  });

  it('says something for an error without any detail, and never more than 500 characters', () => {
    expect(describeSendError({})).toBe('unknown error');
    expect(describeSendError(new Error('x'.repeat(2000))).length).toBe(500);
  });
});

describe('whether a sending error may have delivered the mail', () => {
  const err = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);
  it('no: the server answered with a refusal, or no connection was made', () => {
    expect(mayHaveBeenDelivered(err({ code: 'EMESSAGE', responseCode: 451, command: 'DATA' }))).toBe(false);
    expect(mayHaveBeenDelivered(err({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }))).toBe(false);
    expect(mayHaveBeenDelivered(err({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', syscall: 'connect', command: 'CONN' }))).toBe(false);
    expect(mayHaveBeenDelivered(err({ code: 'ETIMEDOUT', timeoutType: 'CONNECTION_TIMEOUT', command: 'CONN' }))).toBe(false);
    expect(mayHaveBeenDelivered(err({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' }))).toBe(false);
    expect(mayHaveBeenDelivered(err({ code: 'EAUTH', command: 'AUTH PLAIN' }))).toBe(false);
    expect(mayHaveBeenDelivered(new Error('the recipient account is deactivated'))).toBe(false);
  });
  it('yes: the connection broke or fell silent in the session, or DATA failed without a reply', () => {
    expect(mayHaveBeenDelivered(err({ code: 'ECONNECTION', command: 'CONN' }))).toBe(true);
    expect(mayHaveBeenDelivered(err({ code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }))).toBe(true);
    expect(mayHaveBeenDelivered(err({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' }))).toBe(true);
    expect(mayHaveBeenDelivered(err({ code: 'ESTREAM', command: 'DATA' }))).toBe(true);
  });
});
