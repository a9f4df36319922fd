import { newId, nowIso } from '../model/common';
import type { Conduit, ConduitControl, ConduitService } from '../model/conduit';
import type { Criticality, Zone, ZoneKind } from '../model/zone';
import { DEFAULT_PURDUE_LEVEL } from './zone-style';

export const DIAGRAM_TEMPLATES = ['empty', 'purdue'] as const;
export type DiagramTemplateId = (typeof DIAGRAM_TEMPLATES)[number];
export const DIAGRAM_TEMPLATE_LABELS: Record<DiagramTemplateId, string> = {
  empty: 'Empty canvas',
  purdue: 'Reference Purdue layout',
};

export const DEFAULT_ZONE_SIZE = { width: 280, height: 150 };

export interface DiagramModel {
  zones: Zone[];
  conduits: Conduit[];
}

export interface NewZoneInput {
  name: string;
  kind: ZoneKind;
  position: { x: number; y: number };
  slt?: number | null;
  criticality?: Criticality;
  ranges?: string[];
  size?: { width: number; height: number };
  description?: string;
}

export function makeZone(assessmentId: string, input: NewZoneInput, now = nowIso(), makeId = newId): Zone {
  return {
    id: makeId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    name: input.name,
    kind: input.kind,
    purdueLevel: DEFAULT_PURDUE_LEVEL[input.kind],
    criticality: input.criticality ?? 'medium',
    slt: { base: input.slt ?? null, overrides: {} },
    ranges: input.ranges ?? [],
    description: input.description ?? '',
    position: input.position,
    size: input.size ?? DEFAULT_ZONE_SIZE,
  };
}

export interface NewConduitInput {
  fromZoneId: string;
  toZoneId: string;
  name?: string;
  direction?: Conduit['direction'];
  services?: ConduitService[];
  controls?: ConduitControl[];
  slt?: number | null;
  notes?: string;
}

export function makeConduit(
  assessmentId: string,
  input: NewConduitInput,
  now = nowIso(),
  makeId = newId,
): Conduit {
  if (input.fromZoneId === input.toZoneId) throw new Error('A conduit joins two different zones.');
  return {
    id: makeId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    fromZoneId: input.fromZoneId,
    toZoneId: input.toZoneId,
    name: input.name ?? '',
    direction: input.direction ?? 'both',
    services: input.services ?? [],
    controls: input.controls ?? [],
    slt: { base: input.slt ?? null, overrides: {} },
    notes: input.notes ?? '',
    sourceHandle: null,
    targetHandle: null,
  };
}

const COLUMN = 340;
const ROW = 220;

/**
 * The reference Purdue layout: enterprise and remote access on top, the industrial DMZ, site
 * operations, two cells and a safety system below, joined by the usual conduits. The SL-Ts are
 * starting points for the assessor to adjust.
 */
export function purdueReferenceTemplate(assessmentId: string, now = nowIso(), makeId = newId): DiagramModel {
  const zone = (
    name: string,
    kind: ZoneKind,
    column: number,
    row: number,
    slt: number,
    criticality: Criticality,
  ) =>
    makeZone(
      assessmentId,
      { name, kind, slt, criticality, position: { x: column * COLUMN, y: row * ROW } },
      now,
      makeId,
    );
  const enterprise = zone('Enterprise network', 'enterprise', 1, 0, 1, 'medium');
  const remote = zone('Remote access', 'remote-access', 2.5, 0, 2, 'high');
  const dmz = zone('Industrial DMZ', 'dmz', 1.5, 1, 3, 'high');
  const operations = zone('Site operations', 'operations', 1.5, 2, 2, 'high');
  const cellA = zone('Cell/area A', 'cell', 0.5, 3, 2, 'high');
  const cellB = zone('Cell/area B', 'cell', 1.5, 3, 2, 'high');
  const safety = zone('Safety system', 'safety', 2.5, 3, 3, 'critical');

  const conduit = (from: Zone, to: Zone, input: Omit<NewConduitInput, 'fromZoneId' | 'toZoneId'>) =>
    makeConduit(assessmentId, { fromZoneId: from.id, toZoneId: to.id, ...input }, now, makeId);
  const conduits = [
    conduit(enterprise, dmz, {
      name: 'Enterprise to DMZ',
      controls: ['firewall'],
      services: [
        { transport: 'tcp', ports: '443', protocol: 'HTTPS' },
        { transport: 'tcp', ports: '5450', protocol: 'OSIsoft PI' },
      ],
      // A conduit meets the higher SL-T of its two zones (here the DMZ's).
      slt: 3,
    }),
    conduit(dmz, operations, {
      name: 'DMZ to operations',
      controls: ['firewall'],
      services: [
        { transport: 'tcp', ports: '4840', protocol: 'OPC UA' },
        { transport: 'tcp', ports: '3389', protocol: 'RDP' },
      ],
      slt: 3,
    }),
    conduit(operations, cellA, {
      name: 'Operations to cell A',
      controls: ['firewall'],
      services: [{ transport: 'tcp', ports: '44818', protocol: 'EtherNet/IP' }],
      slt: 2,
    }),
    conduit(operations, cellB, {
      name: 'Operations to cell B',
      controls: ['firewall'],
      services: [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
      slt: 2,
    }),
    conduit(safety, operations, {
      name: 'Safety status to operations',
      direction: 'one-way',
      controls: ['data-diode'],
      services: [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
      slt: 3,
    }),
    conduit(remote, dmz, {
      name: 'Remote access via DMZ jump host',
      direction: 'one-way',
      controls: ['vpn', 'jump-host'],
      services: [{ transport: 'tcp', ports: '443', protocol: 'HTTPS' }],
      slt: 3,
    }),
  ];
  return { zones: [enterprise, remote, dmz, operations, cellA, cellB, safety], conduits };
}

export function diagramTemplate(id: DiagramTemplateId, assessmentId: string): DiagramModel {
  return id === 'purdue' ? purdueReferenceTemplate(assessmentId) : { zones: [], conduits: [] };
}
