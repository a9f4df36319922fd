import { armisSource } from './sources/armis';
import { clarotyCtdSource } from './sources/claroty-ctd';
import { clarotyXdomeSource } from './sources/claroty-xdome';
import { defenderIotSource } from './sources/defender-iot';
import { dragosSource } from './sources/dragos';
import { forescoutSource } from './sources/forescout';
import { csvSource, jsonSource } from './sources/generic';
import { grassmarlinSource } from './sources/grassmarlin';
import { malcolmSource } from './sources/malcolm';
import { nozomiSource } from './sources/nozomi';
import { tenableOtSource } from './sources/tenable-ot';
import type { SensorSource } from './source';

/** Every sensor source, in the order the import dialog offers them. A new source is one entry here. */
export const SENSOR_SOURCES = [
  nozomiSource,
  clarotyCtdSource,
  clarotyXdomeSource,
  armisSource,
  defenderIotSource,
  tenableOtSource,
  forescoutSource,
  dragosSource,
  malcolmSource,
  grassmarlinSource,
  csvSource,
  jsonSource,
] as const;

export type InventoryFormat = (typeof SENSOR_SOURCES)[number]['format'];

export const INVENTORY_FORMATS: readonly InventoryFormat[] = SENSOR_SOURCES.map((source) => source.format);

export function isInventoryFormat(value: string): value is InventoryFormat {
  return (INVENTORY_FORMATS as readonly string[]).includes(value);
}

const BY_FORMAT = new Map<string, SensorSource<InventoryFormat>>(SENSOR_SOURCES.map((s) => [s.format, s]));

export function sensorSource(format: InventoryFormat): SensorSource<InventoryFormat> {
  return BY_FORMAT.get(format)!;
}

/** What the dialog and the report call the format: "Nozomi Networks". */
export function formatLabel(format: InventoryFormat): string {
  return sensorSource(format).label;
}

/** The source a plain JSON or CSV file is read as when no source claims it. */
export function fallbackSource(container: 'json' | 'csv'): SensorSource<InventoryFormat> {
  const found = SENSOR_SOURCES.find(
    (s) => 'fallbackFor' in s.detection && s.detection.fallbackFor === container,
  );
  if (!found) throw new Error(`no sensor source reads plain ${container}`);
  return found;
}
