import { PassThrough } from 'node:stream';
import { readPassword } from './password-prompt.js';

describe('readPassword', () => {
  it('reads the first line of a pipe, printing nothing', async () => {
    const input = new PassThrough();
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => written.push(chunk) > 0;
    try {
      input.end('correct horse battery\nsecond line\n');
      await expect(readPassword('Password: ', input as unknown as NodeJS.ReadStream)).resolves.toBe('correct horse battery');
    } finally {
      process.stderr.write = write;
    }
    expect(written.filter((w) => w.includes('Password') || w.includes('horse'))).toEqual([]);
  });

  it('reads a password piped without a line end', async () => {
    const input = new PassThrough();
    input.end('s3cret');
    await expect(readPassword('Password: ', input as unknown as NodeJS.ReadStream)).resolves.toBe('s3cret');
  });
});

describe('readPassword from a terminal', () => {
  it('turns echo off while typing, honours backspace, and never prints what was typed', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] });
    const tty = Object.assign(input, {
      setRawMode(on: boolean) {
        input.modes.push(on);
        return tty;
      },
    });
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => written.push(chunk) > 0;
    try {
      const read = readPassword('Password: ', tty as unknown as NodeJS.ReadStream);
      tty.write('secrex\u007ft\r');
      await expect(read).resolves.toBe('secret');
    } finally {
      process.stderr.write = write;
    }
    expect(input.modes).toEqual([true, false]);
    expect(written.filter((w) => w.includes('secre'))).toEqual([]);
    expect(written).toContain('Password: ');
  });
});
