import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { attackLayerJson, riskCsvFiles } from '../../../../shared/bundle/risk-files';
import { defaultRiskMethodFields } from '../../../../shared/risk';
import { richAssessment } from '../../../fixtures/rich-assessment';

const rows = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data;

describe('bundle risk files', () => {
  it('writes data/risk.csv: every active scenario, inherent and residual against the tolerable line', async () => {
    const data = await richAssessment();
    const [row, ...more] = rows(riskCsvFiles(data)['risk.csv']!);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      'target kind': 'zone',
      target: 'Ligne d’embouteillage — Zelle 3',
      'threat source': 'Criminal',
      'entry vector': 'Undocumented connection',
      'ATT&CK techniques': 'T0883; T0822',
      'inherent risk': 'High',
      'residual likelihood': '2',
      'residual risk': 'Medium',
      tolerable: 'yes',
      countermeasures: 'Remove the 4G router; vendor access through the DMZ jump host',
    });
  });

  it('names the levels with the method’s own scale labels', async () => {
    const data = await richAssessment();
    const method = data.riskMethods[0] ?? { ...defaultRiskMethodFields() };
    const renamed = {
      ...data,
      riskMethods: [
        {
          ...(method as (typeof data.riskMethods)[number]),
          likelihoodLevels: method.likelihoodLevels.map((l, i) => ({
            ...l,
            label: `L${i + 1} (site scale)`,
          })),
          consequenceLevels: method.consequenceLevels.map((c, i) => ({
            ...c,
            label: `C${i + 1} (site scale)`,
          })),
        },
      ],
    };
    const [row] = rows(riskCsvFiles(renamed)['risk.csv']!);
    expect(row!['likelihood label']).toBe(`L${row!.likelihood} (site scale)`);
    expect(row!['consequence label']).toBe(`C${row!.consequence} (site scale)`);
    expect(row!['residual likelihood label']).toBe('L2 (site scale)');
  });

  it('writes data/crs.csv: per zone and conduit the SL-T, where it comes from, the requirements and the countermeasures', async () => {
    const data = await richAssessment();
    const crs = rows(riskCsvFiles(data)['crs.csv']!);
    const cell = crs.find((r) => r.name === 'Ligne d’embouteillage — Zelle 3')!;
    expect(cell).toMatchObject({
      kind: 'zone',
      'SL-T (FR1..FR7)': '{2,2,2,2,3,2,2}',
      'SL-T source': 'manual',
    });
    expect(cell.rationale).toMatch(/^Set by hand: Agreed with the asset owner/);
    const requirements = cell.requirements!.split('; ');
    expect(requirements).toContain('SR 1.1');
    expect(requirements).toContain('SR 5.1 RE 2'); // minimum level 3: FR5 is at 3
    expect(requirements).not.toContain('SR 1.1 RE 2'); // minimum level 3: FR1 is at 2
    expect(cell.countermeasures).toBe(
      'Remove the 4G router; vendor access through the DMZ jump host (recommended, in-progress)',
    );
    const conduit = crs.find((r) => r.kind === 'conduit')!;
    expect(conduit.requirements).toMatch(/SR 5\.1/);
    expect(conduit.requirements).not.toMatch(/SR 1\.1(;|$)/);
    expect(conduit.countermeasures).toContain('Remove the 4G router');
    // Its SL-T was set by hand: the level in force, the source and the justification.
    expect(conduit).toMatchObject({
      name: 'IT ↔ DMZ',
      'SL-T (FR1..FR7)': '{3,3,3,2,3,2,2}',
      'SL-T source': 'manual',
    });
    expect(conduit.rationale).toMatch(/^Set by hand: Vendor remote access crosses this conduit/);
    expect(conduit.requirements!.split('; ')).toContain('SR 1.13');
    // The other conduit, never set by hand in the Risk workspace and without scenarios, keeps the
    // SL-T typed in the diagram.
    const other = crs.find((r) => r.kind === 'conduit' && r.name !== 'IT ↔ DMZ')!;
    expect(other.rationale).toBe('The SL-T typed in the diagram (no scenarios on this conduit).');
    // Enterprise IT is out of the system under consideration: it has no CRS row.
    expect(crs.filter((r) => r.kind === 'zone').map((r) => r.name)).toEqual(
      data.zones.filter((z) => z.name !== 'Enterprise IT').map((z) => z.name),
    );
  });

  it('writes data/attack-layer.json for the whole site', async () => {
    const data = await richAssessment();
    const layer = JSON.parse(attackLayerJson(data)) as {
      domain: string;
      metadata: { name: string; value: string }[];
    };
    expect(layer.domain).toBe('ics-attack');
    expect(layer.metadata).toContainEqual({ name: 'scope', value: `${data.zones.length} zones` });
  });
});
