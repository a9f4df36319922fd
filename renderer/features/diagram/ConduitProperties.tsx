import { useEffect, useId, useState } from 'react';
import {
  CONDUIT_CONTROL_LABELS,
  CONDUIT_CONTROLS,
  TRANSPORTS,
  conduitServiceSchema,
  type Conduit,
  type ConduitService,
  type Zone,
} from '../../../shared/model';
import { findKnownProtocol, KNOWN_PROTOCOLS } from '../../../shared/network';
import {
  replaceService,
  reversedPatch,
  updateConduitChange,
  withControl,
  type DiagramStore,
} from '../../../shared/diagram';
import { Field } from '../../ui/Field';
import { SavingText } from './fields';
import { SltEditor } from './PropertiesPanel';

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

/** Saves a field of the conduit as one undo step; with a key, merged with that field's earlier edits. */
function conduitSaver(conduit: Conduit, store: DiagramStore) {
  return (patch: Partial<Conduit>, key: string | null, label = 'Edit conduit') => {
    const current = store.conduit(conduit.id);
    if (current)
      store.commit(updateConduitChange(current, patch, label), key ? `conduit:${conduit.id}:${key}` : null);
  };
}

type ConduitSave = ReturnType<typeof conduitSaver>;

/** Which way traffic may flow, and a button that swaps the conduit's ends. */
function ConduitDirection({ conduit, save }: { conduit: Conduit; save: ConduitSave }) {
  return (
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
          onClick={() => save(reversedPatch(conduit), null, 'Reverse conduit')}
        >
          Reverse
        </button>
      </div>
    </div>
  );
}

/**
 * The allowed services, one row each. A local draft, so a port still being typed ("50-") shows in
 * the field but stays out of the model until every row is valid.
 */
function ConduitServices({ conduit, save }: { conduit: Conduit; save: ConduitSave }) {
  const [services, setServices] = useState(conduit.services);
  useEffect(() => setServices(conduit.services), [conduit.services]);
  const saveServices = (next: ConduitService[], key: string | null) => {
    setServices(next);
    if (next.every((s) => conduitServiceSchema.safeParse(s).success))
      save({ services: next }, key, 'Edit services');
  };
  return (
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
          onChange={(next) => saveServices(replaceService(services, index, next), `service-${index}`)}
          onRemove={() => saveServices(replaceService(services, index, null), null)}
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
  );
}

/** The controls on the conduit (firewall, data diode…), and a word when it has none. */
function ConduitControls({ conduit, save }: { conduit: Conduit; save: ConduitSave }) {
  const hintId = useId();
  return (
    <fieldset className="controls" aria-describedby={hintId}>
      <legend>Controls</legend>
      {CONDUIT_CONTROLS.map((control) => (
        <label key={control} className="checkbox">
          <input
            type="checkbox"
            checked={conduit.controls.includes(control)}
            onChange={(e) =>
              save(
                { controls: withControl(conduit.controls, control, e.target.checked) },
                null,
                'Edit controls',
              )
            }
          />
          {CONDUIT_CONTROL_LABELS[control]}
        </label>
      ))}
      <span id={hintId} className="field-hint">
        {conduit.controls.length === 0 ? 'None: this conduit has no control.' : ''}
      </span>
    </fieldset>
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
  const save = conduitSaver(conduit, store);
  const name = (id: string) => zones.find((z) => z.id === id)?.name ?? '?';
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
      <ConduitDirection conduit={conduit} save={save} />
      <ConduitServices conduit={conduit} save={save} />
      <ConduitControls conduit={conduit} save={save} />
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
