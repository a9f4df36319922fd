import { useEffect, useId, useState } from 'react';
import {
  CONDUIT_CONTROL_LABELS,
  CONDUIT_CONTROLS,
  CRITICALITIES,
  FR_IDS,
  TRANSPORTS,
  ZONE_KIND_LABELS,
  ZONE_KINDS,
  conduitServiceSchema,
  type Conduit,
  type ConduitService,
  type Criticality,
  type SecurityLevelTarget,
  type Zone,
  type ZoneKind,
} from '../../../shared/model';
import { parseRanges, findKnownProtocol, KNOWN_PROTOCOLS } from '../../../shared/network';
import { formatSlt } from '../../../shared/model/slt';
import { DEFAULT_PURDUE_LEVEL, updateConduitChange, updateZoneChange } from '../../../shared/diagram';
import { Field } from '../../ui/Field';
import { SavingText } from './fields';
import type { DiagramStore } from '../../../shared/diagram';

const PURDUE_LEVELS = [0, 1, 2, 3, 3.5, 4, 5];

function splitLines(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function SltEditor({
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

export function ZoneProperties({ zone, store }: { zone: Zone; store: DiagramStore }) {
  const save = (patch: Partial<Zone>, key: string, label = 'Edit zone') => {
    const current = store.zone(zone.id);
    if (current) store.commit(updateZoneChange(current, patch, label), `zone:${zone.id}:${key}`);
  };
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
      <div className="form-row">
        <Field label="Kind">
          <select
            className="select"
            aria-label="Zone kind"
            value={zone.kind}
            onChange={(e) => {
              const kind = e.target.value as ZoneKind;
              // Follow the new kind's usual Purdue level unless the assessor chose another.
              const keepLevel = zone.purdueLevel !== DEFAULT_PURDUE_LEVEL[zone.kind];
              save({ kind, purdueLevel: keepLevel ? zone.purdueLevel : DEFAULT_PURDUE_LEVEL[kind] }, 'kind');
            }}
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

function ServiceRow({
  service,
  onChange,
  onRemove,
  index,
}: {
  service: ConduitService;
  onChange: (next: ConduitService) => void;
  onRemove: () => void;
  index: number;
}) {
  const portsOk = conduitServiceSchema.shape.ports.safeParse(service.ports).success;
  return (
    <div className="service-row" data-testid="service-row">
      <input
        className="input"
        list="known-protocols"
        aria-label={`Service ${index + 1} protocol`}
        placeholder="Protocol"
        value={service.protocol}
        onChange={(e) => {
          const known = findKnownProtocol(e.target.value);
          onChange(
            known && service.ports === ''
              ? { protocol: known.name, transport: known.transport, ports: known.ports }
              : { ...service, protocol: e.target.value },
          );
        }}
      />
      <select
        className="select"
        aria-label={`Service ${index + 1} transport`}
        value={service.transport}
        onChange={(e) => onChange({ ...service, transport: e.target.value as ConduitService['transport'] })}
      >
        {TRANSPORTS.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <input
        className="input"
        aria-label={`Service ${index + 1} port`}
        aria-invalid={portsOk ? undefined : true}
        placeholder="any port"
        value={service.ports}
        onChange={(e) => onChange({ ...service, ports: e.target.value })}
      />
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={`Remove service ${index + 1}`}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}

export function ConduitProperties({
  conduit,
  zones,
  store,
}: {
  conduit: Conduit;
  zones: readonly Zone[];
  store: DiagramStore;
}) {
  const listId = useId();
  const save = (patch: Partial<Conduit>, key: string | null, label = 'Edit conduit') => {
    const current = store.conduit(conduit.id);
    if (current)
      store.commit(updateConduitChange(current, patch, label), key ? `conduit:${conduit.id}:${key}` : null);
  };
  const name = (id: string) => zones.find((z) => z.id === id)?.name ?? '?';
  // A local draft, so a port still being typed ("50-") shows in the field but stays out of the model.
  const [services, setServices] = useState(conduit.services);
  useEffect(() => setServices(conduit.services), [conduit.services]);
  const saveServices = (next: ConduitService[], key: string | null) => {
    setServices(next);
    if (next.every((s) => conduitServiceSchema.safeParse(s).success))
      save({ services: next }, key, 'Edit services');
  };
  return (
    <section className="properties" aria-label="Conduit properties" key={conduit.id}>
      <h2>Conduit</h2>
      <p className="conduit-ends">
        {name(conduit.fromZoneId)} {conduit.direction === 'both' ? '↔' : '→'} {name(conduit.toZoneId)}
      </p>
      <Field label="Name">
        <SavingText
          ariaLabel="Conduit name"
          value={conduit.name}
          onSave={(text) => save({ name: text }, 'name')}
        />
      </Field>
      <div className="form-row">
        <Field label="Direction">
          <select
            className="select"
            aria-label="Direction"
            value={conduit.direction}
            onChange={(e) => save({ direction: e.target.value as Conduit['direction'] }, null)}
          >
            <option value="both">Both ways</option>
            <option value="one-way">One-way</option>
          </select>
        </Field>
        <div className="field">
          <span>&nbsp;</span>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              save({ fromZoneId: conduit.toZoneId, toZoneId: conduit.fromZoneId }, null, 'Reverse conduit')
            }
          >
            Reverse
          </button>
        </div>
      </div>
      <fieldset className="services">
        <legend>Allowed services</legend>
        <datalist id="known-protocols">
          {KNOWN_PROTOCOLS.map((p) => (
            <option key={p.name} value={p.name}>
              {`${p.transport.toUpperCase()} ${p.ports} · ${p.family === 'ics' ? 'ICS' : 'IT'}`}
            </option>
          ))}
        </datalist>
        {services.map((service, index) => (
          <ServiceRow
            key={index}
            index={index}
            service={service}
            onChange={(next) =>
              saveServices(
                services.map((s, i) => (i === index ? next : s)),
                `service-${index}`,
              )
            }
            onRemove={() =>
              saveServices(
                services.filter((_, i) => i !== index),
                null,
              )
            }
          />
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => saveServices([...services, { transport: 'tcp', ports: '', protocol: '' }], null)}
        >
          Add service
        </button>
      </fieldset>
      <fieldset className="controls" aria-describedby={listId}>
        <legend>Controls</legend>
        {CONDUIT_CONTROLS.map((control) => (
          <label key={control} className="checkbox">
            <input
              type="checkbox"
              checked={conduit.controls.includes(control)}
              onChange={(e) =>
                save(
                  {
                    controls: e.target.checked
                      ? CONDUIT_CONTROLS.filter((c) => c === control || conduit.controls.includes(c))
                      : conduit.controls.filter((c) => c !== control),
                  },
                  null,
                  'Edit controls',
                )
              }
            />
            {CONDUIT_CONTROL_LABELS[control]}
          </label>
        ))}
        <span id={listId} className="field-hint">
          {conduit.controls.length === 0 ? 'None: this conduit has no control.' : ''}
        </span>
      </fieldset>
      <SltEditor
        label="Conduit SL-T"
        slt={conduit.slt}
        onChange={(slt) => save({ slt }, 'slt', 'Set SL-T')}
      />
      <Field label="Notes">
        <SavingText
          multiline
          ariaLabel="Conduit notes"
          value={conduit.notes}
          onSave={(notes) => save({ notes }, 'notes')}
        />
      </Field>
    </section>
  );
}
