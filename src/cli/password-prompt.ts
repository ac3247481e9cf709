/**
 * Reads a password for a signature on the command line without showing it: from a terminal,
 * with echo off (nothing is printed for the characters typed); from a pipe (`... < file` or
 * `printf %s "$PW" |`), the first line. Never from an argument, which other users of the machine
 * can read in the process list, and never written anywhere.
 */
export function readPassword(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  return input.isTTY ? fromTerminal(prompt, input) : fromPipe(input);
}

function fromTerminal(prompt: string, input: NodeJS.ReadStream): Promise<string> {
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('Cancelled: nothing was signed'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

async function fromPipe(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
  return text.split(/\r?\n/)[0];
}
