/**
 * A synthetic Nozomi-style asset CSV (the `assets` table exported with its field names as columns),
 * deterministic for a given count and seed. Pure TypeScript, so the Chromium benchmark can import it.
 * About 310 bytes a row: 100,000 assets is about 30 MB.
 */
export const NOZOMI_CSV_HEADER = [
  'id',
  'name',
  'ip',
  'mac_address',
  'mac_vendor',
  'vendor',
  'product_name',
  'firmware_version',
  'os',
  'serial_number',
  'type',
  'level',
  'protocols',
  'zones',
  'roles',
  'first_activity_time',
  'last_activity_time',
  'end_of_support_date',
  'capture_device',
  'appliance_hosts',
  'os_or_firmware',
  'technology_category',
  'site:name',
  'network_domain:name',
];

const VENDORS = [
  ['Siemens', 'SIMATIC S7-1500 CPU 1516-3 PN/DP', 'controller', 'V2.9.4', 's7comm, s7plus'],
  ['Schneider Electric', 'BMXP342020 Modicon M340 Processor Module', 'controller', 'v2.9', 'modbus'],
  [
    'Rockwell Automation',
    '1756-L83E ControlLogix 5580 Controller',
    'controller',
    '33.011',
    'ethernetip, cip',
  ],
  ['Dell Inc.', 'OptiPlex 7070', 'computer', '', 'rdp, smb, http'],
  ['Moxa', 'NPort 5150', 'OT_device', '3.9', 'http, telnet'],
  ['Phoenix Contact', 'AXC F 2152', 'controller', '2022.0.4', 'profinet, http'],
] as const;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of the CSV (header first); `duplicateEvery` repeats an earlier asset's MAC every n rows (0: never). */
export function* nozomiCsvRows(count: number, seed = 1, duplicateEvery = 0): Generator<string> {
  const random = prng(seed);
  yield NOZOMI_CSV_HEADER.join(',');
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < count; i++) {
    const [vendor, product, type, firmware, protocols] = VENDORS[i % VENDORS.length]!;
    const macIndex = duplicateEvery > 0 && i > 0 && i % duplicateEvery === 0 ? i - 1 : i;
    const mac = `00:1b:${hex((macIndex >> 24) & 255, 2)}:${hex((macIndex >> 16) & 255, 2)}:${hex((macIndex >> 8) & 255, 2)}:${hex(macIndex & 255, 2)}`;
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const ips = i % 10 === 0 ? `${ip}\n172.16.${(i >> 8) & 255}.${i & 255}` : ip;
    const first = start + Math.floor(random() * 3e10);
    const row = [
      `${hex(i, 8)}-${hex(seed & 0xffff, 4)}-4${hex(i % 4096, 3)}-8000-${hex(Math.floor(random() * 2 ** 48), 12)}`,
      type === 'computer' ? `ws-${i}.plant.example` : `${type}-${i}`,
      ips,
      mac,
      vendor,
      vendor,
      product,
      firmware,
      type === 'computer' ? 'Windows 10 Enterprise LTSC' : '',
      type === 'controller'
        ? `SN${hex(i * 2654435761, 8)
            .slice(-8)
            .toUpperCase()}`
        : '',
      type,
      String(type === 'computer' ? 2 : 1),
      protocols,
      `Line-${i % 40}`,
      type === 'computer' ? 'client' : 'producer',
      String(first),
      String(first + Math.floor(random() * 1e9)),
      i % 50 === 0 ? String(Date.UTC(2027, 0, 1)) : '0',
      'em1',
      'guardian-01',
      firmware ? `Firmware: ${firmware}` : '',
      type === 'computer' ? 'IT' : 'OT',
      'Plant North - Building 4',
      'production.plant-north.example',
    ];
    yield row.map(quote).join(',');
  }
}

/** The whole CSV as one string, CRLF rows as Excel and the Nozomi UI write them. */
export function generateNozomiCsv(count: number, seed = 1, duplicateEvery = 0): string {
  return [...nozomiCsvRows(count, seed, duplicateEvery)].join('\r\n') + '\r\n';
}
