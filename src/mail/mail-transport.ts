import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config.js';
import type { RenderedMail } from './mail-renderer.js';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** The outbox row's id: the Message-ID is derived from it, so a receiving server can spot a duplicate. */
  outboxId: string;
}

/**
 * Hands a rendered mail to SMTP (`SMTP_URL`), or, with no server configured, writes it as an
 * `.eml` file in `MAIL_DIR` (the embedded default: open it with any mail program).
 */
export class MailTransport {
  private readonly smtp: Transporter | null;
  private readonly files: Transporter;

  constructor(private readonly config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'mailDir' | 'publicUrl'>) {
    // Short timeouts: a hung server fails the attempt (retried later) instead of holding the lease.
    this.smtp = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as never)
      : null;
    this.files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Where mails go, for the log at start (no credentials). */
  describe(): string {
    return this.smtp ? `SMTP ${new URL(this.config.smtpUrl!).host}` : `.eml files in ${this.config.mailDir}`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    const message = {
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.outboxId}@${host}>`,
    };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const info = (await this.files.sendMail(message)) as { message: Buffer };
    // The files stand in for a mail server and hold live survey links and addresses: readable by the service's account only.
    await mkdir(this.config.mailDir, { recursive: true, mode: 0o700 });
    const file = join(this.config.mailDir, `${mail.outboxId}.eml`);
    await writeFile(file, info.message, { mode: 0o600 });
    await chmod(file, 0o600);
  }

  close(): void {
    this.smtp?.close();
  }
}

/**
 * What of a sending error is kept: its code and the server's reply, with anything shaped like an
 * address taken out (a server often repeats the recipient), so the outbox holds no personal data.
 */
export function describeSendError(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const parts = [err.code, err.responseCode, err.response ?? err.message].filter((x) => x !== undefined && x !== '');
  return (
    parts
      .join(' ')
      // A quoted local part may hold spaces ("john doe"@x), and whatever a server puts in angle brackets is an address or a mailbox name.
      .replace(/<[^<>]*>/g, '<address>')
      .replace(/"[^"]*"@[\w.[\]-]+/g, '<address>')
      .replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>')
      .replace(/\s+/g, ' ')
      .slice(0, 500) || 'unknown error'
  );
}

/** The network errors that mean no connection was made: the server cannot have taken the mail. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/**
 * Whether a sending error leaves it open that the server took the mail. A reply from the server
 * (a response code) is a clear refusal, and a connection never made or refused before the greeting
 * took nothing: those are retried. A connection that broke or fell silent in the session (while or
 * after the server read the message, nodemailer cannot tell which), or a failed DATA without a
 * reply, may have delivered it: uncertain, never sent again by itself (at most once).
 */
export function mayHaveBeenDelivered(e: unknown): boolean {
  const err = (e ?? {}) as {
    code?: string;
    originalCode?: string;
    responseCode?: number;
    command?: string;
    timeoutType?: string;
    syscall?: string;
  };
  if (typeof err.responseCode === 'number') return false;
  if (err.command === 'DATA') return true;
  if (err.code === 'ETIMEDOUT') return err.timeoutType === 'SOCKET_TIMEOUT' || err.timeoutType === undefined;
  if (err.code === 'ECONNECTION' || err.code === 'ESOCKET') {
    if (err.syscall === 'connect' || err.syscall === 'getaddrinfo') return false;
    if (err.originalCode && NOT_CONNECTED.has(err.originalCode)) return false;
    return err.command === 'CONN' || err.command === undefined;
  }
  return false;
}
