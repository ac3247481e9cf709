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
