import { checkFile, contentDisposition, detectMediaType, sanitiseFilename } from './document-files.js';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....notes.txt')]);

describe('file types judged from content', () => {
  it('recognises PDF, PNG, JPEG and DOCX by their magic bytes, and nothing else', () => {
    expect(detectMediaType(PDF)).toBe('application/pdf');
    expect(detectMediaType(PNG)).toBe('image/png');
    expect(detectMediaType(JPEG)).toBe('image/jpeg');
    expect(detectMediaType(DOCX)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectMediaType(ZIP)).toBeNull();
    expect(detectMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectMediaType(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a claim the content contradicts, and names the file', () => {
    expect(checkFile('policy.pdf', 'application/pdf', PDF)).toEqual({ ok: true, mediaType: 'application/pdf', filename: 'policy.pdf' });
    expect(checkFile('policy', 'application/octet-stream', PDF)).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      filename: 'policy.pdf',
    });
    expect(checkFile('map.png', 'image/jpeg', PNG)).toEqual({
      ok: false,
      reason: 'map.png is sent as image/jpeg but its content is image/png',
    });
    expect(checkFile('map.jpg', undefined, PNG)).toEqual({ ok: false, reason: 'map.jpg is named .jpg but its content is image/png' });
    expect(checkFile('page.html', 'text/html', Buffer.from('<html>'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('page.html is not'),
    });
    expect(checkFile('empty.pdf', 'application/pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty.pdf is empty' });
  });
});

describe('file names', () => {
  it('keeps the last segment, drops control and special characters and leading dots, and limits the length', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('C:\\Users\\q\\Kvalitetspolicy 2026.pdf')).toBe('Kvalitetspolicy 2026.pdf');
    expect(sanitiseFilename('a\u0000b\r\n"c"<d>.pdf')).toBe('abcd.pdf');
    expect(sanitiseFilename('...hidden.pdf')).toBe('hidden.pdf');
    expect(sanitiseFilename('evil\u202egpj.pdf')).toBe('evilgpj.pdf');
    expect(sanitiseFilename('   ')).toBe('file');
    const long = sanitiseFilename(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('sends names in Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Kvalitetspolicy å.pdf')).toBe(
      `attachment; filename="Kvalitetspolicy a_.pdf"; filename*=UTF-8''Kvalitetspolicy%20%C3%A5.pdf`,
    );
  });
});
