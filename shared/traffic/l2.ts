/** Layer-2 industrial and discovery protocols, by ethertype. */
const L2_PROTOCOLS = new Map<number, string>([
  [0x8892, 'PROFINET'],
  [0x88b8, 'GOOSE'],
  [0x88b9, 'GSE management'],
  [0x88ba, 'Sampled Values'],
  [0x88cc, 'LLDP'],
  [0x88a4, 'EtherCAT'],
  [0x88ab, 'POWERLINK'],
  [0x88e3, 'MRP'],
  [0x88f7, 'PTP'],
  [0x892f, 'HSR'],
  [0x88fb, 'PRP'],
  [0x8204, 'Sercos III'],
]);

/** The protocol an ethertype carries at layer 2, or null when it is not one kept as a layer-2 frame. */
export function l2Protocol(
  ethertype: number,
  data: Uint8Array,
  payloadOffset: number,
  end: number,
): string | null {
  const name = L2_PROTOCOLS.get(ethertype);
  if (name !== 'PROFINET') return name ?? null;
  if (end - payloadOffset < 2) return 'PROFINET';
  const frameId = (data[payloadOffset]! << 8) | data[payloadOffset + 1]!;
  if (frameId >= 0xfefc && frameId <= 0xfeff) return 'PROFINET DCP';
  if (frameId >= 0x0100 && frameId <= 0xbfff) return 'PROFINET RT';
  if (frameId >= 0xc000 && frameId <= 0xfbff) return 'PROFINET RT';
  if (frameId === 0xfc01 || frameId === 0xfe01) return 'PROFINET alarm';
  if (frameId >= 0xff00 && frameId <= 0xff43) return 'PROFINET PTCP';
  return 'PROFINET';
}
