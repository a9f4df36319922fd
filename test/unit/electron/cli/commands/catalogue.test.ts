import { describe, expect, it } from 'vitest';
import { attackForItem, IEC62443_3_3 } from '../../../../../shared/catalogue';
import { DEFAULT_CATALOGUE_VERSION } from '../../../../../shared/model/version';
import { runCli } from '../../../../../electron/cli/run';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface CatalogueJson {
  version: string;
  attack: string;
  frs: { id: string; short: string; name: string }[];
  items: Record<string, unknown>[];
}

describe('conduit catalogue', () => {
  it('prints the catalogue as JSON: version, 7 FRs and 100 items with exactly their fields', async () => {
    const { code, stdout, stderr } = await run(['catalogue']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as CatalogueJson;
    expect(Object.keys(json)).toEqual(['version', 'attack', 'frs', 'items']);
    expect(json.attack).toMatch(/^MITRE ATT&CK® for ICS v18\.1\. © The MITRE Corporation\./);
    expect(json.version).toBe(DEFAULT_CATALOGUE_VERSION);
    expect(json.frs.map((fr) => fr.short)).toEqual(['IAC', 'UC', 'SI', 'DC', 'RDF', 'TRE', 'RA']);
    expect(json.frs[4]).toEqual({ id: 'FR5', short: 'RDF', name: 'Restricted data flow' });
    expect(json.items).toHaveLength(100);
    for (const item of json.items)
      expect(Object.keys(item)).toEqual(['id', 'fr', 'sr', 're', 'title', 'minLevel', 'attack']);
    expect(json.items[0]).toEqual({
      id: 'SR 1.1',
      fr: 'FR1',
      sr: 'SR 1.1',
      re: null,
      title: 'Human user identification and authentication',
      minLevel: 1,
      attack: { mitigations: ['M0804'], techniques: attackForItem({ sr: 'SR 1.1' }).techniques },
    });
    expect((json.items[0]!.attack as { techniques: string[] }).techniques).toContain('T0886');
    expect(json.items.find((i) => i.id === 'SR 6.1')!.attack).toEqual({ mitigations: [], techniques: [] });
    expect(json.items.find((i) => i.id === 'SR 1.1 RE 3')).toMatchObject({ re: 'RE 3', minLevel: 4 });
    expect(json.items.map((i) => i.id)).toEqual(IEC62443_3_3.items.map((i) => i.id));
    expect([1, 2, 3, 4].map((sl) => json.items.filter((i) => (i.minLevel as number) <= sl).length)).toEqual([
      37, 60, 90, 100,
    ]);
  });

  it('adds guidance to every item with --with-guidance', async () => {
    const { code, stdout } = await run(['catalogue', '--with-guidance']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as CatalogueJson;
    for (const item of json.items) {
      expect(Object.keys(item)).toEqual(['id', 'fr', 'sr', 're', 'title', 'minLevel', 'attack', 'guidance']);
      expect(item.guidance).toMatchObject({ about: expect.any(String), evidence: expect.any(Array) });
    }
  });

  it('rejects unknown options and arguments with a usage message', async () => {
    for (const argv of [
      ['catalogue', '--format=csv'],
      ['catalogue', 'FR1'],
    ]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(64);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: conduit catalogue [--with-guidance]');
    }
  });

  it('is listed in the help', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(/^ {2}catalogue +print the IEC 62443-3-3 catalogue/m);
  });
});
