import { useState } from 'react';
import type { AssessmentData, Zone } from '../../../shared/model';
import { sltVector } from '../../../shared/model/slt';
import {
  consequenceLabel,
  IMPACT_CATEGORIES,
  IMPACT_CATEGORY_LABELS,
  riskMethodOf,
  type RiskResult,
  type ZoneRisk,
  type ZoneRiskResult,
  withConsequence,
} from '../../../shared/risk';
import { applySltToZone, saveZoneRisk } from '../../db/risk';
import { ConduitSltTable } from './ConduitSltTable';
import { ManualSltForm } from './ManualSltForm';
import { notify } from '../../ui/notices';
import { vector } from './labels';
import { LevelOptions } from './options';
import { SltActions } from './SltActions';
import { problemsOf } from './problems';

interface Props {
  assessmentId: string;
  data: AssessmentData;
  result: RiskResult;
}

function ZoneRow({
  assessmentId,
  data,
  zone,
  z,
}: {
  assessmentId: string;
  data: AssessmentData;
  zone: Zone;
  z: ZoneRiskResult;
}) {
  const method = riskMethodOf(data);
  const zoneRisk = data.zoneRisks.find((r) => r.zoneId === zone.id);
  const [editing, setEditing] = useState(false);
  const save = (patch: Partial<ZoneRisk>) =>
    saveZoneRisk(assessmentId, zone.id, zoneRisk, patch).then(
      () => setEditing(false),
      (error: unknown) => notify('error', `The risk of ${zone.name} was not saved`, problemsOf(error)),
    );
  return (
    <tr data-testid="risk-zone">
      <th scope="row">{zone.name}</th>
      {IMPACT_CATEGORIES.map((category) => (
        <td key={category}>
          <select
            className="select"
            aria-label={`${IMPACT_CATEGORY_LABELS[category]} consequence of ${zone.name}`}
            value={zoneRisk?.consequences[category] ?? ''}
            onChange={(e) => {
              const level = e.target.value === '' ? null : Number(e.target.value);
              void save({ consequences: withConsequence(zoneRisk?.consequences, category, level) });
            }}
          >
            <option value="">
              {z.consequence.defaulted.includes(category)
                ? `Default: ${consequenceLabel(method, z.consequence.byCategory[category]!)}`
                : 'Not rated'}
            </option>
            <LevelOptions levels={method.consequenceLevels} />
          </select>
        </td>
      ))}
      <td>{z.consequence.level === null ? 'not rated' : consequenceLabel(method, z.consequence.level)}</td>
      <td>
        <SltAndRationale z={z} />
      </td>
      <td>
        <ZoneSltActions
          zone={zone}
          zoneRisk={zoneRisk}
          z={z}
          onEdit={() => setEditing(!editing)}
          onSave={save}
        />
        {editing && (
          <ManualSltForm
            name={zone.name}
            start={zoneRisk?.manualSlt ?? sltVector(zone.slt).map((l, i) => l ?? z.derived.slt[i] ?? 0)}
            justification={zoneRisk?.justification ?? ''}
            onSave={save}
          />
        )}
      </td>
    </tr>
  );
}

/** The derived SL-T, the one in force and where it comes from, and why. */
function SltAndRationale({ z }: { z: ZoneRiskResult }) {
  return (
    <>
      <div data-testid="risk-derived-slt">Derived {vector(z.derived.slt)}</div>
      <div data-testid="risk-slt">
        In force {vector(z.slt)} ({z.sltSource === 'derived' ? 'derived' : 'set by hand'})
      </div>
      <p className="risk-rationale" data-testid="risk-rationale">
        {z.rationale}
      </p>
      {z.warnings.map((w) => (
        <p key={w} className="field-hint">
          {w}
        </p>
      ))}
    </>
  );
}

/** A zone's SL-T actions; applying writes the SL-T in force to the zone the checklist assesses. */
function ZoneSltActions({
  zone,
  zoneRisk,
  z,
  onEdit,
  onSave,
}: {
  zone: Zone;
  zoneRisk: ZoneRisk | undefined;
  z: ZoneRiskResult;
  onEdit: () => void;
  onSave: (patch: Partial<ZoneRisk>) => Promise<unknown>;
}) {
  return (
    <SltActions
      // Manual with no risk record: the SL-T typed in the diagram, never risk-assessed.
      backToDerived={
        z.sltSource !== 'manual'
          ? null
          : zoneRisk?.sltSource === 'manual'
            ? 'Use derived'
            : 'Derive from scenarios'
      }
      onDerive={() => void onSave({ sltSource: 'derived' })}
      onEdit={onEdit}
      stored={zone.slt}
      inForce={z.slt}
      apply={{
        label: 'Apply to checklist',
        title: (held) => `The checklist assesses against ${held}`,
        perform: () =>
          void applySltToZone(zone, z.slt).then(
            () => notify('success', `${zone.name}: the checklist now assesses against SL-T ${vector(z.slt)}`),
            (error: unknown) => notify('error', 'The SL-T was not applied', problemsOf(error)),
          ),
      }}
    />
  );
}

export function ZonesPanel({ assessmentId, data, result }: Props) {
  if (data.zones.length === 0)
    return <p className="field-hint">No zones yet: draw them in the Diagram workspace.</p>;
  return (
    <>
      <table className="risk-table">
        <thead>
          <tr>
            <th>Zone</th>
            {IMPACT_CATEGORIES.map((c) => (
              <th key={c}>{IMPACT_CATEGORY_LABELS[c]}</th>
            ))}
            <th>Consequence</th>
            <th>SL-T and rationale</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {result.zones.map((z) => {
            const zone = data.zones.find((x) => x.id === z.zoneId)!;
            return <ZoneRow key={z.zoneId} assessmentId={assessmentId} data={data} zone={zone} z={z} />;
          })}
        </tbody>
      </table>
      <ExcludedZones data={data} />
      <ConduitSltTable assessmentId={assessmentId} data={data} conduits={result.conduits} />
    </>
  );
}

/** The zones left out of the system under consideration: no consequence or SL-T is derived for them. */
function ExcludedZones({ data }: { data: AssessmentData }) {
  const excluded = (data.riskScopes[0]?.exclusions ?? []).filter((e) => e.kind === 'zone');
  if (excluded.length === 0) return null;
  const names = new Map(data.zones.map((z) => [z.id, z.name]));
  return (
    <p className="field-hint">
      Out of scope (no SL-T derived):{' '}
      {excluded.map((e, i) => (
        <span key={e.id} data-testid="risk-zone-excluded">
          {i > 0 ? '; ' : ''}
          {names.get(e.id) ?? 'deleted zone'} ({e.reason})
        </span>
      ))}
    </p>
  );
}
