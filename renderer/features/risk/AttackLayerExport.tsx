import { useState } from 'react';
import type { Answer, Assessment, Zone } from '../../../shared/model';
import { notify } from '../../ui/notices';
import { exportAttackLayer } from './export-attack-layer';
import { plural } from '../../ui/format';

/** Picks the site or one zone and saves its ATT&CK Navigator layer. */
export function AttackLayerExport({
  assessment,
  zones,
  answers,
}: {
  assessment: Assessment;
  zones: readonly Zone[];
  answers: readonly Answer[];
}) {
  const [zoneId, setZoneId] = useState('');
  const [busy, setBusy] = useState(false);
  const zone = zones.find((z) => z.id === zoneId);
  return (
    <span className="toolbar">
      <select
        className="select"
        aria-label="ATT&CK layer of"
        value={zone ? zoneId : ''}
        onChange={(e) => setZoneId(e.target.value)}
      >
        <option value="">Whole site</option>
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={busy || zones.length === 0 || undefined}
        title={zones.length === 0 ? 'Draw zones first: the layer scores techniques per zone' : undefined}
        onClick={() => {
          setBusy(true);
          exportAttackLayer(assessment, zones, answers, zone)
            .then(
              ({ saved, techniques }) =>
                saved &&
                notify(
                  'success',
                  `ATT&CK Navigator layer saved: ${plural(techniques, 'technique')} left open (${zone ? zone.name : 'whole site'})`,
                ),
              (error: Error) => notify('error', 'The ATT&CK layer could not be exported', [error.message]),
            )
            .finally(() => setBusy(false));
        }}
      >
        Export ATT&amp;CK layer…
      </button>
    </span>
  );
}
