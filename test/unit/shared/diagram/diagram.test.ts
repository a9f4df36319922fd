import { describe, expect, it } from 'vitest';
import {
  DIAGRAM_TEMPLATES,
  diagramTemplate,
  purdueReferenceTemplate,
  renderDiagramSvg,
  parallelOffset,
  parallelSlots,
  boxesOverlap,
} from '../../../../shared/diagram';
import {
  describeService,
  findKnownProtocol,
  KNOWN_PROTOCOLS,
  summarizeServices,
} from '../../../../shared/network';
import { formatLevels, formatSlt, sltVector } from '../../../../shared/model/slt';
import { conduitSchema, zoneSchema } from '../../../../shared/model';
import { runModelChecks } from '../../../../shared/findings';
import { formatVector, targetVector } from '../../../../shared/catalogue';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('SL-T vector', () => {
  it('fills FR1..FR7 from the base and applies overrides', () => {
    expect(formatSlt({ base: 2, overrides: { FR3: 3, FR4: 1 } })).toBe('SL-T {2,2,3,1,2,2,2}');
    expect(sltVector({ base: null, overrides: { FR2: 4 } })).toEqual([null, 4, null, null, null, null, null]);
    expect(formatSlt({ base: null, overrides: {} })).toBe('SL-T {–,–,–,–,–,–,–}');
  });

  it('is written one way everywhere: a level is its number, an FR without one a dash', () => {
    expect(formatSlt({ base: null, overrides: { FR5: 3 } })).toBe('SL-T {–,–,–,–,3,–,–}');
    expect(formatVector('SL-A', targetVector({ base: null, overrides: { FR5: 3 } }))).toBe(
      'SL-A {0,0,0,0,3,0,0}',
    );
    expect(formatLevels('Gap', [0, 1, null])).toBe('Gap {0,1,–}');
  });
});

describe('services', () => {
  it('summarises services for the edge label', () => {
    expect(
      summarizeServices([
        { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
        { transport: 'tcp', ports: '4840', protocol: 'OPC UA' },
      ]),
    ).toBe('Modbus/TCP 502, OPC UA 4840');
    expect(summarizeServices([])).toBe('no services');
    // The same service twice (tcp and udp both named Modbus/TCP 502) is said once.
    expect(
      summarizeServices([
        { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
        { transport: 'udp', ports: '502', protocol: 'Modbus/TCP' },
        { transport: 'tcp', ports: '44818', protocol: 'EtherNet/IP' },
      ]),
    ).toBe('Modbus/TCP 502, EtherNet/IP 44818');
    expect(describeService({ transport: 'udp', ports: '161', protocol: '' })).toBe('UDP 161');
    expect(describeService({ transport: 'any', ports: '', protocol: 'any' })).toBe('any');
    const many = Array.from({ length: 5 }, (_, i) => ({
      transport: 'tcp' as const,
      ports: String(1000 + i),
      protocol: '',
    }));
    expect(summarizeServices(many)).toBe('TCP 1000, TCP 1001, TCP 1002 +2');
  });

  it('lists ICS and IT protocols with valid default ports and unique names', () => {
    expect(findKnownProtocol('modbus/tcp')).toMatchObject({ transport: 'tcp', ports: '502', family: 'ics' });
    expect(findKnownProtocol('OPC UA')?.ports).toBe('4840');
    expect(new Set(KNOWN_PROTOCOLS.map((p) => p.name)).size).toBe(KNOWN_PROTOCOLS.length);
    expect(KNOWN_PROTOCOLS.some((p) => p.family === 'it')).toBe(true);
    for (const p of KNOWN_PROTOCOLS) expect(Number(p.ports)).toBeLessThanOrEqual(65535);
  });
});

describe('templates', () => {
  it('gives an empty canvas and a valid reference Purdue layout', () => {
    expect(DIAGRAM_TEMPLATES).toEqual(['empty', 'purdue']);
    expect(diagramTemplate('empty', 'a1')).toEqual({ zones: [], conduits: [] });
    const { zones, conduits } = purdueReferenceTemplate('a1');
    for (const zone of zones) zoneSchema.parse(zone);
    for (const conduit of conduits) conduitSchema.parse(conduit);
    expect(zones.map((z) => z.kind).sort()).toEqual(
      ['cell', 'cell', 'dmz', 'enterprise', 'operations', 'remote-access', 'safety'].sort(),
    );
    expect(zones.every((z) => z.assessmentId === 'a1' && z.slt.base !== null)).toBe(true);
    const kindOf = new Map(zones.map((z) => [z.id, z.kind]));
    const links = conduits.map((c) => `${kindOf.get(c.fromZoneId)}>${kindOf.get(c.toZoneId)}`);
    expect(links).toEqual(
      expect.arrayContaining(['enterprise>dmz', 'dmz>operations', 'operations>cell', 'remote-access>dmz']),
    );
    expect(links.filter((l) => l === 'operations>cell')).toHaveLength(2);
    const remote = conduits.find((c) => kindOf.get(c.fromZoneId) === 'remote-access');
    expect(remote?.controls).toContain('jump-host');
    // Upper Purdue levels sit higher on the canvas.
    const y = (kind: string) => zones.find((z) => z.kind === kind)!.position.y;
    expect(y('enterprise')).toBeLessThan(y('dmz'));
    expect(y('dmz')).toBeLessThan(y('operations'));
    expect(y('operations')).toBeLessThan(y('cell'));
  });
});

describe('parallel conduits', () => {
  it('spreads conduits between the same pair symmetrically', () => {
    const slots = parallelSlots([
      { id: 'a', fromZoneId: 'x', toZoneId: 'y' },
      { id: 'b', fromZoneId: 'y', toZoneId: 'x' },
      { id: 'c', fromZoneId: 'x', toZoneId: 'z' },
    ]);
    expect(slots.get('a')).toEqual({ index: 0, count: 2 });
    expect(slots.get('b')).toEqual({ index: 1, count: 2 });
    expect(slots.get('c')).toEqual({ index: 0, count: 1 });
    expect(parallelOffset(0, 1)).toBe(0);
    expect([parallelOffset(0, 2), parallelOffset(1, 2)]).toEqual([-14, 14]);
  });
});

describe('renderDiagramSvg', () => {
  it('draws every zone and conduit with names, SL-T, counts and labels, escaping text', () => {
    const { zones, conduits } = purdueReferenceTemplate('a1');
    zones[0]!.name = 'R&D <lab>';
    const counts = new Map([[zones[0]!.id, 3]]);
    const svg = renderDiagramSvg({ title: 'Plant "North"', zones, conduits, assetCounts: counts });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="zone"/g)).toHaveLength(zones.length);
    expect(svg.match(/<line class="conduit"/g)).toHaveLength(conduits.length);
    expect(svg.match(/<g class="conduit-label"/g)).toHaveLength(conduits.length);
    expect(svg).toContain('R&amp;D &lt;lab&gt;');
    expect(svg).toContain('Plant &quot;North&quot;');
    expect(svg).toContain('3 assets');
    expect(svg).toContain('SL-T {3,3,3,3,3,3,3}');
    expect(svg).toContain('HTTPS 443, OSIsoft PI 5450');
    expect(svg).not.toContain('NaN');
    // Well-formed enough for an XML parser: balanced tags.
    const opened = (svg.match(/<g[\s>]/g) ?? []).length;
    expect((svg.match(/<\/g>/g) ?? []).length).toBe(opened);
  });

  it('places conduit labels clear of each other and of the zones, even for a fan of short conduits', () => {
    const zone = (id: string, x: number, y: number) => ({
      ...purdueReferenceTemplate('a1').zones[0]!,
      id,
      name: id,
      position: { x, y },
      size: { width: 280, height: 150 },
    });
    // The demo plant's control room: three conduits down to three cells, and one sideways across a short gap.
    const zones = [
      zone('ctl', 400, 0),
      zone('p', 0, 270),
      zone('f', 400, 270),
      zone('u', 800, 270),
      zone('s', 760, 0),
    ];
    const service = (protocol: string, ports: string) => ({ transport: 'tcp' as const, ports, protocol });
    const conduit = (id: string, to: string, services: ReturnType<typeof service>[]) => ({
      id,
      name: id,
      fromZoneId: 'ctl',
      toZoneId: to,
      direction: 'one-way' as const,
      services,
    });
    const conduits = [
      conduit('c1', 'p', [service('S7comm', '102'), service('OPC UA', '4840')]),
      conduit('c2', 'f', [service('EtherNet/IP', '44818'), service('CIP I/O', '2222')]),
      conduit('c3', 'u', [
        service('Modbus/TCP', '502'),
        service('Modbus/TCP', '502'),
        service('BACnet/IP', '47808'),
      ]),
      conduit('c4', 's', [service('Modbus/TCP', '502'), service('SILworX', '20000')]),
    ];
    const svg = renderDiagramSvg({ zones, conduits, assetCounts: new Map() });
    expect(svg).toContain('Modbus/TCP 502, BACnet/IP 47808');
    expect(svg).not.toContain('Modbus/TCP 502, Modbus/TCP 502');
    const labels = [
      ...svg.matchAll(
        /<g class="conduit-label"[^>]*>\n<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="(\d+)"/g,
      ),
    ].map((m) => ({ x: +m[1]!, y: +m[2]!, width: +m[3]!, height: +m[4]! }));
    expect(labels).toHaveLength(4);
    // The drawing is shifted by its margin; the zones' boxes are shifted the same way.
    const shift = /<g transform="translate\(([\d.-]+),([\d.-]+)\)">/.exec(svg)!;
    expect(shift).not.toBeNull();
    const boxes = zones.map((z) => ({ ...z.position, ...z.size }));
    for (const [i, label] of labels.entries()) {
      for (const other of labels.slice(i + 1)) expect(boxesOverlap(label, other), `labels ${i}`).toBe(false);
      for (const box of boxes) expect(boxesOverlap(label, box), `label ${i} on a zone`).toBe(false);
    }
  });

  it('renders an empty diagram', () => {
    const svg = renderDiagramSvg({ zones: [], conduits: [], assetCounts: new Map() });
    expect(svg).toContain('width="480"');
    expect(svg.endsWith('</svg>')).toBe(true);
  });
});

describe('on the rich assessment fixture', () => {
  it('runs the model checks and exports the SVG with non-Latin names intact', async () => {
    const data = await richAssessment();
    const assetCounts = new Map<string, number>();
    for (const asset of data.assets) {
      if (asset.zoneId) assetCounts.set(asset.zoneId, (assetCounts.get(asset.zoneId) ?? 0) + 1);
    }
    const entries = runModelChecks({ zones: data.zones, conduits: data.conduits, assetCounts });
    // Only the cell zone holds assets; every conduit has a control and specific services; the DMZ-cell
    // conduit's FR5 target (2) is below the cell's (3).
    const nameOf = (id: string) =>
      data.zones.find((z) => z.id === id)?.name ?? data.conduits.find((c) => c.id === id)?.name;
    expect(entries.map((e) => `${e.checkId}:${nameOf(e.target.id)}`).sort()).toEqual([
      `conduit-slt-below-zone:${data.conduits[1]!.name}`,
      'zone-no-assets:Enterprise IT',
      'zone-no-assets:Industrial DMZ',
      'zone-no-assets:安全計装システム (SIS)',
    ]);
    const svg = renderDiagramSvg({
      title: data.assessment.title,
      zones: data.zones,
      conduits: data.conduits,
      assetCounts,
    });
    expect(svg).toContain('安全計装システム (SIS)');
    expect(svg).toContain('Ligne d’embouteillage — Zelle 3');
    expect(svg).toContain('SL-T {2,2,2,2,3,2,2}');
    expect(svg).toContain('Modbus/TCP 502, OPC UA 4840');
    expect(svg).toContain('1 asset<');
    expect(svg.match(/>0 assets</g)).toHaveLength(3);
  });
});
