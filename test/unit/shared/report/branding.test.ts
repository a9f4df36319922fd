import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import {
  encodeBase64,
  LOGO_MAX_BYTES,
  parseAssessmentFile,
  serializeAssessmentFile,
} from '../../../../shared/model';
import {
  checkAccentColor,
  contrastWithWhite,
  DEFAULT_ACCENT,
  imageSize,
  readLogo,
  renderReportPdf,
  resolveBranding,
} from '../../../../shared/report';
import { RED_PIXEL_PNG, richAssessment } from '../../../fixtures/rich-assessment';
import { hasCommand } from '../../helpers/tools';

/** A real JPEG: the smallest baseline file a browser decodes (1×1 grey), with its SOF0 header. */
const JPEG_1X1 = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
);

const dir = mkdtempSync(join(tmpdir(), 'conduit-branding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the accent colour', () => {
  it('computes WCAG contrast against white', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });

  it('takes a dark hex colour, normalised, with or without #', () => {
    expect(checkAccentColor(' 7A1F5C ')).toEqual({ ok: true, value: '#7a1f5c' });
    expect(checkAccentColor(DEFAULT_ACCENT)).toEqual({ ok: true, value: DEFAULT_ACCENT });
  });

  it('refuses what is no hex colour, and a colour too light for white text, saying why', () => {
    const bad = checkAccentColor('teal');
    expect(bad).toEqual({ ok: false, error: '"teal" is not a hex colour such as #0a7a85' });
    const light = checkAccentColor('#ffee00');
    expect(light.ok).toBe(false);
    expect(!light.ok && light.error).toMatch(
      /^#ffee00 is too light against white \(contrast 1\.\d:1, at least 4\.5:1/,
    );
  });
});

describe('the logo', () => {
  it('reads the pixel size of a PNG and of a JPEG from their headers', () => {
    expect(imageSize(RED_PIXEL_PNG)).toEqual({ width: 1, height: 1, format: 'PNG' });
    expect(imageSize(JPEG_1X1)).toEqual({ width: 1, height: 1, format: 'JPEG' });
    const photo = readFileSync(join(process.cwd(), 'assets/demo/utilities-panel-u3.png'));
    const size = imageSize(new Uint8Array(photo))!;
    expect(size.format).toBe('PNG');
    expect(size.width).toBeGreaterThan(1);
  });

  it('is validated by content and size, with the file named in the message', () => {
    expect(readLogo('logo.png', new TextEncoder().encode('GIF89a...'))).toEqual({
      ok: false,
      error: 'logo.png is not a PNG or JPEG image',
    });
    expect(readLogo('empty.png', new Uint8Array())).toEqual({ ok: false, error: 'empty.png is empty' });
    const huge = new Uint8Array(LOGO_MAX_BYTES + 1);
    huge.set(RED_PIXEL_PNG);
    expect(readLogo('huge.png', huge)).toEqual({
      ok: false,
      error: `huge.png is ${Math.ceil((LOGO_MAX_BYTES + 1) / 1024)} KB; a logo may be at most 512 KB`,
    });
    const ok = readLogo('photo.jpg', JPEG_1X1);
    expect(ok).toEqual({
      ok: true,
      value: {
        mediaType: 'image/jpeg',
        base64: encodeBase64(JPEG_1X1),
        width: 1,
        height: 1,
        fileName: 'photo.jpg',
      },
    });
  });

  it('is left out of the outputs when a stored one is broken, and the accent falls back', () => {
    const resolved = resolveBranding({
      branding: {
        accentColor: '#7a1f5c',
        logo: {
          mediaType: 'image/png',
          base64: encodeBase64(new Uint8Array([1, 2, 3])),
          width: 1,
          height: 1,
          fileName: 'x.png',
        },
      },
    });
    expect(resolved.logo).toBeNull();
    expect(resolved.accentHex).toBe('#7a1f5c');
    expect(resolveBranding({}).accentHex).toBe(DEFAULT_ACCENT);
  });
});

describe('branding on the assessment', () => {
  it('round-trips through the assessment file, and files without it still read', async () => {
    const data = await richAssessment();
    const plain = await parseAssessmentFile(serializeAssessmentFile(data));
    expect(plain.assessment.branding).toBeUndefined();
    data.assessment.branding = {
      accentColor: '#7a1f5c',
      logo: {
        mediaType: 'image/png',
        base64: encodeBase64(RED_PIXEL_PNG),
        width: 1,
        height: 1,
        fileName: 'logo.png',
      },
    };
    const back = await parseAssessmentFile(serializeAssessmentFile(data));
    expect(back.assessment.branding).toEqual(data.assessment.branding);
  });

  it('refuses a file whose accent colour is not a hex colour, naming the field', async () => {
    const data = await richAssessment();
    const file = JSON.parse(serializeAssessmentFile(data));
    file.assessment.branding = { accentColor: 'red' };
    await expect(parseAssessmentFile(JSON.stringify(file))).rejects.toThrow(
      /accent colour must be a hex colour/,
    );
  });

  it.runIf(hasCommand('pdfimages') && hasCommand('pdftoppm'))(
    'puts the logo on the PDF cover and the accent under the section headings',
    async () => {
      const data = await richAssessment();
      const fonts = await loadReportFonts();
      const plain = renderReportPdf(data, { fonts, generatedAt: '2026-03-05T10:00:00.000Z' });
      data.assessment.branding = {
        accentColor: '#7a1f5c',
        logo: {
          mediaType: 'image/png',
          base64: encodeBase64(RED_PIXEL_PNG),
          width: 1,
          height: 1,
          fileName: 'logo.png',
        },
      };
      const branded = renderReportPdf(data, { fonts, generatedAt: '2026-03-05T10:00:00.000Z' });
      const images = (pdf: Uint8Array, name: string) => {
        const file = join(dir, name);
        writeFileSync(file, pdf);
        const listed = spawnSync('pdfimages', ['-f', '1', '-l', '1', '-list', file], { encoding: 'utf8' });
        expect(listed.status, listed.stderr).toBe(0);
        return listed.stdout.trim().split('\n').slice(2);
      };
      expect(images(branded, 'branded.pdf').length).toBe(images(plain, 'plain.pdf').length + 1);
      // The accent band across the cover (y 112 mm of 297): sampled from the rendered page.
      const file = join(dir, 'branded.pdf');
      const out = join(dir, 'cover');
      expect(spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '30', file, out]).status).toBe(0);
      const ppm = readFileSync(
        readdirSync(dir)
          .filter((f) => f.startsWith('cover'))
          .map((f) => join(dir, f))[0]!,
      );
      const header = ppm.toString('latin1', 0, 20).split(/\s+/);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const start = ppm.length - width * height * 3;
      const row = Math.round((113.2 / 297) * height);
      const at = start + (row * width + Math.round(width / 2)) * 3;
      const [r, g, b] = [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!];
      expect(Math.abs(r - 0x7a) + Math.abs(g - 0x1f) + Math.abs(b - 0x5c)).toBeLessThan(40);
    },
    60_000,
  );
});
