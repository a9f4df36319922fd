import {
  CRITICALITIES,
  FR_IDS,
  ZONE_KIND_LABELS,
  ZONE_KINDS,
  type Criticality,
  type SecurityLevelTarget,
  type Zone,
  type ZoneKind,
} from '../../../shared/model';
import { parseRanges } from '../../../shared/network';
import { formatSlt } from '../../../shared/model/slt';
import { splitLines, updateZoneChange, zoneKindPatch } from '../../../shared/diagram';
import { Field } from '../../ui/Field';
import { SavingText } from './fields';
import type { DiagramStore } from '../../../shared/diagram';

const PURDUE_LEVELS = [0, 1, 2, 3, 3.5, 4, 5];

export function SltEditor({
  slt,
  onChange,
  label,
}: {
  slt: SecurityLevelTarget;
  onChange: (next: SecurityLevelTarget) => void;
  label: string;
}) {
  return (
    <fieldset className="slt-editor">
      <legend>
        {label} <span className="slt-vector">{formatSlt(slt).replace(/^SL-T /, '')}</span>
      </legend>
      <label className="field">
        <span>Level for all FRs</span>
        <select
          className="select"
          aria-label={`${label} level`}
          value={slt.base ?? ''}
          onChange={(e) => onChange({ ...slt, base: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">Not set</option>
          {[1, 2, 3, 4].map((level) => (
            <option key={level} value={level}>
              SL {level}
            </option>
          ))}
        </select>
      </label>
      <div className="slt-overrides">
        {FR_IDS.map((fr) => (
          <label key={fr} className="field">
            <span>{fr}</span>
            <select
              className="select"
              aria-label={`${label} ${fr} override`}
              value={slt.overrides[fr] ?? ''}
              onChange={(e) => {
                const overrides = { ...slt.overrides };
                if (e.target.value === '') delete overrides[fr];
                else overrides[fr] = Number(e.target.value);
                onChange({ ...slt, overrides });
              }}
            >
              <option value="">=</option>
              {[0, 1, 2, 3, 4].map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Saves a field of the zone as one undo step, merged with the field's earlier edits. */
function zoneSaver(zone: Zone, store: DiagramStore) {
  return (patch: Partial<Zone>, key: string, label = 'Edit zone') => {
    const current = store.zone(zone.id);
    if (current) store.commit(updateZoneChange(current, patch, label), `zone:${zone.id}:${key}`);
  };
}

type ZoneSave = ReturnType<typeof zoneSaver>;

/** The zone's kind and Purdue level, side by side. */
function ZoneKindAndLevel({ zone, save }: { zone: Zone; save: ZoneSave }) {
  return (
    <div className="form-row">
      <Field label="Kind">
        <select
          className="select"
          aria-label="Zone kind"
          value={zone.kind}
          onChange={(e) => save(zoneKindPatch(zone, e.target.value as ZoneKind), 'kind')}
        >
          {ZONE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ZONE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Purdue level">
        <select
          className="select"
          aria-label="Purdue level"
          value={zone.purdueLevel ?? ''}
          onChange={(e) =>
            save({ purdueLevel: e.target.value === '' ? null : Number(e.target.value) }, 'level')
          }
        >
          <option value="">—</option>
          {PURDUE_LEVELS.map((level) => (
            <option key={level} value={level}>
              Level {level}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** The zone's subnets and ranges, one a line, saved only once every line parses. */
function ZoneRanges({ zone, save }: { zone: Zone; save: ZoneSave }) {
  return (
    <Field label="Subnets and ranges" hint="One per line: 10.1.0.0/24, fd00::/64 or 10.1.0.10-10.1.0.50">
      <SavingText
        multiline
        ariaLabel="Zone ranges"
        value={zone.ranges.join('\n')}
        validate={(text) => {
          const parsed = parseRanges(splitLines(text));
          return parsed.ok ? null : `Not saved: ${parsed.message.replace(/^range/, 'line')}`;
        }}
        onSave={(text) => save({ ranges: splitLines(text) }, 'ranges', 'Edit ranges')}
      />
    </Field>
  );
}

export function ZoneProperties({ zone, store }: { zone: Zone; store: DiagramStore }) {
  const save = zoneSaver(zone, store);
  return (
    <section className="properties" aria-label="Zone properties" key={zone.id}>
      <h2>Zone</h2>
      <Field label="Name">
        <SavingText
          ariaLabel="Zone name"
          value={zone.name}
          validate={(text) => (text.trim() ? null : 'A zone needs a name.')}
          onSave={(name) => save({ name: name.trim() }, 'name', 'Rename zone')}
        />
      </Field>
      <ZoneKindAndLevel zone={zone} save={save} />
      <Field label="Criticality">
        <select
          className="select"
          aria-label="Criticality"
          value={zone.criticality}
          onChange={(e) => save({ criticality: e.target.value as Criticality }, 'criticality')}
        >
          {CRITICALITIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <SltEditor label="SL-T" slt={zone.slt} onChange={(slt) => save({ slt }, 'slt', 'Set SL-T')} />
      <ZoneRanges zone={zone} save={save} />
      <Field label="Description">
        <SavingText
          multiline
          ariaLabel="Zone description"
          value={zone.description}
          onSave={(description) => save({ description }, 'description')}
        />
      </Field>
    </section>
  );
}
