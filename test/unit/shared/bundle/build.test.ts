import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundle,
  BundleInputError,
  parseSha256Sums,
  readZipDirectory,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  verifyBundle,
  type BundleProgress,
  type BundleSigner,
} from '../../../../shared/bundle';
import { catalogueForVersion, itemsOfFr } from '../../../../shared/catalogue';
import { parseAssessmentFile, sha256Hex, type AssessmentData } from '../../../../shared/model';
import { renderFindingsXlsx } from '../../../../shared/report';
import { renderReportDocx } from '../../../../shared/report/docx';
import { generateAssessment } from '../../../fixtures/bundle/generated-assessment';
import { run, webCryptoSigner } from './helpers';

const decoder = new TextDecoder();
const SIGNED_AT = '2026-03-06T17:00:00.000Z';
const FOLDER = 'societe-generale-des-eaux-zurich-nord-東京-ot-assessment-2026-03-06';

describe('buildBundle', () => {
  let data: AssessmentData;
  let signer: BundleSigner;
  beforeAll(async () => {
    data = await generateAssessment();
    signer = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
  });

  it('lays the bundle out as DESIGN.md says, under one top folder', async () => {
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    expect(bundle.fileName).toBe(`${FOLDER}.zip`);
    const files = unzipSync(bundle.bytes);
    const paths = Object.keys(files);
    expect(paths.every((p) => p.startsWith(`${FOLDER}/`))).toBe(true);
    const relative = paths.map((p) => p.slice(FOLDER.length + 1)).sort();
    expect(relative).toEqual(
      [
        'README.txt',
        'SHA256SUMS',
        'SHA256SUMS.sig',
        'allowed_signers',
        'data/answers.csv',
        'data/assessment.json',
        'data/assets.csv',
        'data/attack-layer.json',
        'data/conduits.csv',
        'data/connections.csv',
        'data/crs.csv',
        'data/findings.csv',
        'data/risk.csv',
        'data/vulnerabilities.csv',
        'data/zones.csv',
        ...data.evidence.map((e) => `evidence/${e.id}-`),
        'manifest.json',
      ]
        .map((p) => (p.startsWith('evidence/') ? relative.find((r) => r.startsWith(p))! : p))
        .sort(),
    );
    expect(relative).toContain('evidence/00000005-0000-4000-8000-000000000000-Schaltschrank-Übersicht.jpg');
    expect(relative).toContain(
      'evidence/00000005-0000-4000-8000-000000000003-notes-de-l-audit-armoire-3-final.txt',
    );
    for (const evidence of data.evidence) {
      const path = paths.find((p) => p.includes(`/evidence/${evidence.id}-`))!;
      expect(files[path]).toEqual(evidence.bytes);
    }
  });

  it('includes the report and the diagram when given, and lists them in SHA256SUMS', async () => {
    const reportPdf = new TextEncoder().encode('%PDF-1.7\n% a report\n');
    const diagramPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const bundle = await buildBundle({
      data,
      signer,
      signedAt: SIGNED_AT,
      reportPdf,
      diagramSvg: '<svg xmlns="http://www.w3.org/2000/svg"><text>制御ゾーン</text></svg>',
      diagramPng,
    });
    const files = unzipSync(bundle.bytes);
    expect(files[`${FOLDER}/report/report.pdf`]).toEqual(reportPdf);
    expect(files[`${FOLDER}/diagram/zones.png`]).toEqual(diagramPng);
    expect(decoder.decode(files[`${FOLDER}/diagram/zones.svg`])).toContain('制御ゾーン');
    const sums = parseSha256Sums(decoder.decode(files[`${FOLDER}/SHA256SUMS`]));
    expect(sums.digests.get('report/report.pdf')).toBe(await sha256Hex(reportPdf));
    expect([...sums.digests.keys()]).toEqual(
      expect.arrayContaining(['diagram/zones.svg', 'diagram/zones.png']),
    );
    expect((await verifyBundle(bundle.bytes)).valid).toBe(true);
  });

  it('signs the DOCX report and the XLSX workbook like the rest, lists them in the README, and the verifiers accept them', async () => {
    const [reportDocx, findingsXlsx] = await Promise.all([
      renderReportDocx(data, { generatedAt: SIGNED_AT }),
      renderFindingsXlsx(data),
    ]);
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT, reportDocx, findingsXlsx });
    const files = unzipSync(bundle.bytes);
    expect(files[`${FOLDER}/report/report.docx`]).toEqual(reportDocx);
    expect(files[`${FOLDER}/data/findings.xlsx`]).toEqual(findingsXlsx);
    const sums = parseSha256Sums(decoder.decode(files[`${FOLDER}/SHA256SUMS`]));
    expect(sums.digests.get('report/report.docx')).toBe(await sha256Hex(reportDocx));
    expect(sums.digests.get('data/findings.xlsx')).toBe(await sha256Hex(findingsXlsx));
    const readme = decoder.decode(files[`${FOLDER}/README.txt`]);
    expect(readme).toContain('report/report.docx');
    expect(readme).toContain('data/findings.xlsx');
    const verified = await verifyBundle(bundle.bytes);
    expect(verified.problems).toEqual([]);
    expect(verified.valid).toBe(true);
    // Changing one byte of the workbook is caught.
    const tampered = { ...files, [`${FOLDER}/data/findings.xlsx`]: Uint8Array.from(findingsXlsx) };
    tampered[`${FOLDER}/data/findings.xlsx`]![100]! ^= 1;
    const bad = await verifyBundle(zipSync(tampered));
    expect(bad.valid).toBe(false);
    expect(bad.problems.join('\n')).toContain('data/findings.xlsx');
  });

  it('writes SHA256SUMS sorted with LF, covering every file but the signature files', async () => {
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    const files = unzipSync(bundle.bytes);
    const text = decoder.decode(files[`${FOLDER}/SHA256SUMS`]);
    expect(text).not.toContain('\r');
    const lines = text.trimEnd().split('\n');
    const paths = lines.map((l) => l.slice(66));
    expect(paths).toEqual([...paths].sort());
    const expected = Object.keys(files)
      .map((p) => p.slice(FOLDER.length + 1))
      .filter((p) => !['SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'].includes(p))
      .sort();
    expect(paths).toEqual(expected);
    for (const line of lines) {
      expect(line.slice(0, 64)).toBe(await sha256Hex(files[`${FOLDER}/${line.slice(66)}`]!));
    }
  });

  it('writes an in-toto Statement v1 manifest whose subjects are the files and whose predicate names the signer', async () => {
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    const files = unzipSync(bundle.bytes);
    const manifest = JSON.parse(decoder.decode(files[`${FOLDER}/manifest.json`]));
    expect(manifest._type).toBe(STATEMENT_TYPE);
    expect(manifest.predicateType).toBe(PREDICATE_TYPE);
    expect(manifest.subject).toHaveLength(Object.keys(files).length - 4);
    for (const subject of manifest.subject) {
      expect(subject.digest.sha256).toBe(await sha256Hex(files[`${FOLDER}/${subject.name}`]!));
    }
    expect(manifest.predicate).toMatchObject({
      assessmentId: data.assessment.id,
      client: 'Société Générale des Eaux',
      site: 'Zürich Nord – 東京',
      standard: 'IEC 62443-3-3',
      catalogueVersion: data.assessment.catalogueVersion,
      signedAt: SIGNED_AT,
      signer: {
        name: 'Zoë Müller',
        organization: 'Sécurité OT',
        email: 'zoe@example.com',
        fingerprint: bundle.fingerprint,
      },
      tool: { name: 'Conduit' },
    });
    expect(manifest.predicate.signer.publicKey).toMatch(/^ssh-ed25519 \S+ zoe@example\.com$/);
    expect(decoder.decode(files[`${FOLDER}/allowed_signers`])).toBe(
      `zoe@example.com namespaces="ot-assessment@conduit" ${manifest.predicate.signer.publicKey.replace(/ zoe@example\.com$/, '')}\n`,
    );
    const readme = decoder.decode(files[`${FOLDER}/README.txt`]);
    expect(readme).toContain(bundle.fingerprint);
    expect(readme).toContain(
      'ssh-keygen -Y verify -f allowed_signers -I zoe@example.com -n ot-assessment@conduit -s SHA256SUMS.sig < SHA256SUMS',
    );
    expect(readme).toContain('shasum -a 256 -c SHA256SUMS');
    expect(readme).toContain('Get-FileHash');
  });

  it('carries the assessment in the file format with evidence by hash, and CSVs with formulas neutralized', async () => {
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    const files = unzipSync(bundle.bytes);
    const json = decoder.decode(files[`${FOLDER}/data/assessment.json`]);
    const parsed = await parseAssessmentFile(json, { requireEvidenceBytes: false });
    expect(parsed.assets).toEqual(data.assets);
    expect(parsed.evidence.map((e) => [e.sha256, e.bytes])).toEqual(
      data.evidence.map((e) => [e.sha256, null]),
    );
    expect(JSON.parse(json).evidence[0].data).toBeUndefined();

    const csv = (name: string) =>
      Papa.parse<Record<string, string>>(
        decoder.decode(files[`${FOLDER}/data/${name}`]).replace(/^\uFEFF/, ''),
        {
          header: true,
          skipEmptyLines: true,
        },
      ).data;
    const zones = csv('zones.csv');
    expect(zones).toHaveLength(data.zones.length);
    expect(zones[0]!.description).toBe("'=cmd|/C calc!A0 (formula bait in a description)");
    expect(zones[0]!.slt_fr5).toBe('3');
    expect(zones[2]!.name).toBe('制御ゾーン');
    const assets = csv('assets.csv');
    expect(assets).toHaveLength(data.assets.length);
    expect(assets[3]!.notes).toBe("'@SUM(A1:A9) formula bait");
    expect(assets[0]!.name).toBe('Пульт оператора 0');
    expect(csv('conduits.csv')[0]!.notes).toBe("'+41 44 000 00 00 (hotline)");
    expect(csv('answers.csv')[1]!.notes).toBe('\'-1 shared accounts, "admin/admin" on the HMI');
    expect(csv('findings.csv').map((f) => f.title)).toContain('\'=HYPERLINK("http://x") piège');
    expect(csv('connections.csv')[0]).toMatchObject({
      from: 'Пульт оператора 0 (10.0.0.1)',
      to: 'Opérateur mobile (4G)',
      risk: '20',
    });
  });

  it("puts each zone's SL-T and SL-A vectors in zones.csv", async () => {
    const catalogue = catalogueForVersion(data.assessment.catalogueVersion)!;
    const zone = data.zones[1]!;
    // Meet every FR7 item up to level 2 in this zone: its SL-A for FR7 becomes 2.
    const extra = itemsOfFr(catalogue, 'FR7')
      .filter((item) => item.minLevel <= 2)
      .map((item, i) => ({
        ...data.answers[0]!,
        id: `fr7-${i}`,
        zoneId: zone.id,
        itemId: item.id,
        status: 'met' as const,
      }));
    const withFr7 = { ...data, answers: [...data.answers.filter((a) => a.zoneId !== zone.id), ...extra] };
    const bundle = await buildBundle({ data: withFr7, signer, signedAt: SIGNED_AT });
    const rows = Papa.parse<Record<string, string>>(
      decoder.decode(unzipSync(bundle.bytes)[`${FOLDER}/data/zones.csv`]).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows[1]).toMatchObject({
      name: 'Сеть управления',
      slt_fr1: '2',
      slt_fr7: '2',
      sla_fr7: '2',
      sla_fr1: '0',
    });
    expect(rows[0]).toMatchObject({ slt_fr1: '1', slt_fr5: '3', sla_fr7: '0' });
  });

  it('gives the same bytes for the same inputs', async () => {
    const first = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    const second = await buildBundle({ data: structuredClone(data), signer, signedAt: SIGNED_AT });
    expect(second.bytes).toEqual(first.bytes);
    const later = await buildBundle({ data, signer, signedAt: '2026-03-06T17:00:02.000Z' });
    expect(later.bytes).not.toEqual(first.bytes);
  });

  it('gives the same bytes whatever the time zone of the machine', () => {
    const digest = (tz: string) => {
      const result = run(
        join(process.cwd(), 'node_modules/.bin/tsx'),
        ['test/unit/shared/bundle/print-bundle-digest.ts'],
        {
          env: { ...process.env, TZ: tz },
        },
      );
      expect(result.status, result.stderr).toBe(0);
      return result.stdout.trim();
    };
    const utc = digest('UTC');
    expect(utc).toMatch(/^[0-9a-f]{64}$/);
    expect(digest('Pacific/Kiritimati')).toBe(utc);
  }, 30_000);

  it('writes sizes and CRCs in the local headers, with no data descriptors (which macOS Archive Utility mishandles)', async () => {
    const bundle = await buildBundle({ data, signer, signedAt: SIGNED_AT });
    const directory = readZipDirectory(bundle.bytes);
    expect(directory.problems).toEqual([]);
    const view = new DataView(bundle.bytes.buffer, bundle.bytes.byteOffset, bundle.bytes.byteLength);
    let at = 0;
    for (const entry of directory.entries) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      expect(view.getUint16(at + 6, true) & 0x08, entry.name).toBe(0);
      expect(view.getUint16(at + 6, true) & 0x800, entry.name).toBe(0x800);
      expect(view.getUint32(at + 14, true)).toBe(entry.crc);
      expect(view.getUint32(at + 18, true)).toBe(entry.compressedSize);
      expect(view.getUint32(at + 22, true)).toBe(entry.size);
      at = entry.dataEnd;
    }
    const jpeg = directory.entries.find((e) => e.name.endsWith('.jpg'))!;
    const json = directory.entries.find((e) => e.name.endsWith('assessment.json'))!;
    expect([jpeg.method, json.method]).toEqual([0, 8]);
  });

  it('reports progress from 0 to 1 through hashing, signing and zipping', async () => {
    const events: BundleProgress[] = [];
    await buildBundle({ data, signer, signedAt: SIGNED_AT, onProgress: (p) => events.push(p) });
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events[0]!.phase).toBe('hashing');
    expect(events.at(-1)).toEqual({ phase: 'done', fraction: 1 });
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(['hashing', 'signing', 'zipping', 'done']));
  });

  it('refuses evidence without bytes or whose bytes do not match their SHA-256, naming it', async () => {
    const noBytes = { ...data, evidence: data.evidence.map((e, i) => (i === 1 ? { ...e, bytes: null } : e)) };
    await expect(buildBundle({ data: noBytes, signer })).rejects.toThrow(
      /evidence "шкаф управления\.jpg" \(00000005-0000-4000-8000-000000000001\): its bytes are not available/,
    );
    const changed = data.evidence[0]!.bytes!.slice();
    changed[100] = changed[100]! ^ 0xff;
    const wrongBytes = {
      ...data,
      evidence: data.evidence.map((e, i) => (i === 0 ? { ...e, bytes: changed } : e)),
    };
    await expect(buildBundle({ data: wrongBytes, signer })).rejects.toThrow(BundleInputError);
    await expect(buildBundle({ data: wrongBytes, signer })).rejects.toThrow(/do not match the SHA-256/);
    await expect(buildBundle({ data, signer: { ...signer, email: 'not an email' } })).rejects.toThrow(
      /not a plain address/,
    );
  });
});
