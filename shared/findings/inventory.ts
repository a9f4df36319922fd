import type { Asset } from '../model/inventory';
import type { Zone } from '../model/zone';
import { emptyRefs, listSome, MAX_REF_ASSETS, plural, type GeneratedFinding } from './types';

const NAMES_SHOWN = 20;
const UNKNOWN_VALUES = new Set([
  '',
  'unknown',
  'n/a',
  'na',
  'none',
  '-',
  '?',
  'not available',
  'unavailable',
]);

/** Whether an inventory field says nothing: empty, or a sensor's "unknown" placeholder. */
export function isUnknownValue(value: string | null | undefined): boolean {
  return value == null || UNKNOWN_VALUES.has(value.trim().toLowerCase());
}

function assetLabel(asset: Asset): string {
  const name = asset.name.trim() || asset.hostnames[0] || asset.ips[0] || asset.macs[0] || asset.id;
  const ip = asset.ips[0];
  return ip && ip !== name ? `${name} (${ip})` : name;
}

function important(asset: Asset): boolean {
  return asset.criticality === 'critical' || asset.criticality === 'high';
}

function refsFor(assets: readonly Asset[]) {
  return { ...emptyRefs(), assetIds: assets.slice(0, MAX_REF_ASSETS).map((a) => a.id) };
}

/**
 * Critical and high-criticality assets first, each group in inventory order, so the names listed
 * matter most. A partition rather than a sort: this runs over up to 100k assets.
 */
function importantFirst(assets: Asset[]): Asset[] {
  const first: Asset[] = [];
  const rest: Asset[] = [];
  for (const asset of assets) (important(asset) ? first : rest).push(asset);
  return first.concat(rest);
}

export function unzonedAssetFindings(assets: readonly Asset[]): GeneratedFinding[] {
  const unzoned = importantFirst(assets.filter((a) => a.zoneId === null));
  if (unzoned.length === 0) return [];
  const critical = unzoned.filter(important).length;
  return [
    {
      autoKey: 'unzoned-assets',
      title: `${plural(unzoned.length, 'asset is', 'assets are')} not placed in any zone`,
      description: [
        `${plural(unzoned.length, 'asset')} from the inventory ${unzoned.length === 1 ? 'belongs' : 'belong'} to no zone, so no target level, requirement or conduit covers them${critical > 0 ? ` (${critical} of high or critical importance)` : ''}:`,
        listSome(unzoned.slice(0, NAMES_SHOWN + 1).map(assetLabel), NAMES_SHOWN, unzoned.length),
      ].join('\n'),
      severity: critical > 0 ? 'medium' : 'low',
      phase: 1,
      recommendation:
        'Place each asset in its zone, by subnet where the zone ranges are known and by hand for the rest. Assets that no zone explains often reveal an undocumented network segment or a device nobody owns; find its owner and purpose before deciding where it belongs.',
      refs: refsFor(unzoned),
    },
  ];
}

export function firmwareFindings(
  assets: readonly Asset[],
  zones: readonly Zone[],
  now: Date,
): GeneratedFinding[] {
  const findings: GeneratedFinding[] = [];
  // Devices with an operating system are versioned by it; firmware matters for the rest.
  const unknown = importantFirst(assets.filter((a) => isUnknownValue(a.firmware) && isUnknownValue(a.os)));
  if (unknown.length > 0) {
    const critical = unknown.filter(important).length;
    findings.push({
      autoKey: 'firmware-unknown',
      title: `Firmware version unknown for ${plural(unknown.length, 'asset')}`,
      description: [
        `The inventory gives no firmware or software version for ${plural(unknown.length, 'device')}${critical > 0 ? ` (${critical} of high or critical importance)` : ''}, so their vulnerabilities cannot be assessed:`,
        listSome(unknown.slice(0, NAMES_SHOWN + 1).map(assetLabel), NAMES_SHOWN, unknown.length),
      ].join('\n'),
      severity: critical > 0 ? 'medium' : 'low',
      phase: 1,
      recommendation:
        'Complete the versions from the engineering software, the device web pages or the vendor’s maintenance records; avoid active scanning of fragile controllers. Configure the passive sensors to decode the protocols that report firmware, so the inventory stays current.',
      refs: refsFor(unknown),
    });
  }
  const safetyZones = new Set(zones.filter((z) => z.kind === 'safety').map((z) => z.id));
  const today = now.getTime();
  const expired = importantFirst(
    assets.filter((a) => a.endOfSupport !== null && Date.parse(a.endOfSupport) < today),
  );
  if (expired.length > 0) {
    const models = new Map<string, { count: number; until: string }>();
    for (const asset of expired) {
      const key =
        [asset.vendor, asset.model].filter((v) => !isUnknownValue(v)).join(' ') ||
        asset.type ||
        'Unidentified device';
      const firmware = isUnknownValue(asset.firmware) ? '' : ` firmware ${asset.firmware}`;
      const label = `${key}${firmware}`;
      const entry = models.get(label) ?? { count: 0, until: asset.endOfSupport! };
      entry.count += 1;
      if (asset.endOfSupport! < entry.until) entry.until = asset.endOfSupport!;
      models.set(label, entry);
    }
    const lines = [...models]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(
        ([label, { count, until }]) =>
          `- ${label}: ${plural(count, 'asset')}, support ended ${until.slice(0, 10)}`,
      );
    const weighty = expired.some((a) => important(a) || (a.zoneId !== null && safetyZones.has(a.zoneId)));
    findings.push({
      autoKey: 'end-of-support',
      title: `${plural(expired.length, 'asset')} past the vendor’s end of support`,
      description: [
        `${plural(expired.length, 'asset')} run hardware or firmware the vendor no longer supports, so new vulnerabilities in them will not be fixed:`,
        ...lines,
        `Assets: ${listSome(expired.slice(0, NAMES_SHOWN + 1).map(assetLabel), NAMES_SHOWN, expired.length)}`,
      ].join('\n'),
      severity: weighty ? 'high' : 'medium',
      phase: 5,
      recommendation:
        'Plan the replacement of unsupported devices into the capital budget and upcoming shutdowns, most critical first. Until they are replaced, shield them: tight conduit rules to only the hosts that need them, no remote access, passive monitoring of their traffic, and spare parts and tested backups on hand.',
      refs: refsFor(expired),
    });
  }
  return findings;
}
