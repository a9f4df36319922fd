/**
 * Writes the demo plant's source files to assets/demo/: the two sensor exports (a Nozomi Guardian
 * asset query and a Claroty CTD asset list) and the SPAN-port capture. They are committed; run this
 * again only to change the demo plant (`npx tsx scripts/build-demo-sources.ts`), then update the
 * expectations in test/unit/demo.
 *
 * The plant is fictional; the devices, firmware and protocols are what such a dairy plant runs. The
 * capture is written packet by packet (Ethernet, IPv4, TCP with handshakes and running sequence
 * numbers, UDP) so that it opens in Wireshark as well as in Conduit; the public sample captures in
 * /work/shared/traffic are not licensed for shipping.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const OUT = path.join(import.meta.dirname, '..', 'assets', 'demo');

type Sensor = 'nozomi' | 'claroty';

interface Device {
  name: string;
  ip: string;
  mac: string;
  vendor: string;
  model: string;
  firmware: string | null;
  os: string | null;
  serial: string | null;
  clarotyType: string;
  level: number;
  protocols: string[];
  criticality: 'low' | 'medium' | 'high' | 'critical' | null;
  endOfSupport?: string;
  seenBy: Sensor[];
  /** Claroty reports another firmware than Nozomi (a real-world disagreement the merge keeps). */
  clarotyFirmware?: string;
  /** Claroty saw the device without its MAC (routed), so the merge matches it by IP. */
  clarotyNoMac?: boolean;
}

const devices: Device[] = [];
let serialCounter = 0;
const serial = (prefix: string) => `${prefix}${String(41_000 + ++serialCounter * 37).padStart(7, '0')}`;

function mac(oui: string, n: number): string {
  const tail = (0x100000 + n * 0x1f3).toString(16).slice(-6);
  return `${oui}:${tail.slice(0, 2)}:${tail.slice(2, 4)}:${tail.slice(4, 6)}`;
}

function add(device: Omit<Device, 'serial'> & { serial?: string | null }) {
  devices.push({ serial: null, ...device });
}

// Enterprise network (10.10.0.0/16): seen by the Claroty sensor on the IT/OT boundary only.
const enterprise: [string, string, string, string, string][] = [
  ['corp-dc01', '10.10.1.10', 'Dell Inc.', 'PowerEdge R650', 'Windows Server 2022'],
  ['corp-dc02', '10.10.1.11', 'Dell Inc.', 'PowerEdge R650', 'Windows Server 2022'],
  ['corp-fs01', '10.10.1.20', 'Dell Inc.', 'PowerEdge R750', 'Windows Server 2019'],
  ['erp-app01', '10.10.2.15', 'HP', 'ProLiant DL380 Gen10', 'SUSE Linux Enterprise 15'],
  ['mes-web01', '10.10.2.30', 'HP', 'ProLiant DL360 Gen10', 'Windows Server 2019'],
  ['qa-lab-pc03', '10.10.3.43', 'HP', 'EliteDesk 800 G6', 'Windows 11 Enterprise'],
  ['maint-lt07', '10.10.4.21', 'Dell Inc.', 'Latitude 5440', 'Windows 11 Enterprise'],
  ['maint-lt09', '10.10.4.23', 'Dell Inc.', 'Latitude 5440', 'Windows 11 Enterprise'],
  ['prod-mgr-lt02', '10.10.4.30', 'Lenovo', 'ThinkPad T14', 'Windows 11 Enterprise'],
  ['corp-prn-2f', '10.10.5.12', 'Kyocera', 'TASKalfa 3253ci', 'HyPAS 2.1'],
  ['corp-wlc01', '10.10.0.5', 'Cisco Systems', 'Catalyst 9800-L', 'IOS XE 17.9.4'],
  ['corp-core-sw', '10.10.0.1', 'Cisco Systems', 'Catalyst 9300', 'IOS XE 17.6.5'],
];
enterprise.forEach(([name, ip, vendor, model, os], i) =>
  add({
    name,
    ip,
    mac: mac(vendor.startsWith('Cisco') ? '00:1e:bd' : vendor === 'HP' ? '3c:d9:2b' : '14:18:77', 10 + i),
    vendor,
    model,
    firmware: null,
    os,
    clarotyType: vendor.startsWith('Cisco') ? 'eNetworkDevice' : 'eEndpoint',
    level: 4,
    protocols: vendor.startsWith('Cisco') ? ['SNMP', 'SSH'] : ['SMB', 'RDP', 'HTTPS'],
    criticality: 'low',
    seenBy: ['claroty'],
  }),
);

// Industrial DMZ (10.20.0.0/24).
const dmz: [string, string, string, string, string, string[]][] = [
  [
    'dmz-hist-replica',
    '10.20.0.10',
    'Dell Inc.',
    'PowerEdge R450',
    'Windows Server 2019',
    ['PI-SDK', 'HTTPS'],
  ],
  ['dmz-wsus', '10.20.0.20', 'Dell Inc.', 'PowerEdge R450', 'Windows Server 2019', ['HTTPS', 'WSUS']],
  ['dmz-av-epo', '10.20.0.21', 'Dell Inc.', 'PowerEdge R450', 'Windows Server 2019', ['HTTPS']],
  ['dmz-rdgw', '10.20.0.30', 'Dell Inc.', 'PowerEdge R450', 'Windows Server 2022', ['RDP', 'HTTPS']],
  ['dmz-fw-in', '10.20.0.1', 'Fortinet', 'FortiGate 200F', 'FortiOS 7.2.8', ['HTTPS', 'SNMP']],
  ['dmz-ntp', '10.20.0.5', 'Meinberg', 'LANTIME M300', 'LTOS 7.08', ['NTP', 'SNMP']],
];
dmz.forEach(([name, ip, vendor, model, os, protocols], i) =>
  add({
    name,
    ip,
    mac: mac(vendor === 'Fortinet' ? '00:09:0f' : vendor === 'Meinberg' ? 'ec:46:70' : 'f8:bc:12', 40 + i),
    vendor,
    model,
    firmware: null,
    os,
    clarotyType: vendor === 'Fortinet' ? 'eNetworkDevice' : 'eServer',
    level: 3.5,
    protocols,
    criticality: 'high',
    seenBy: ['claroty'],
  }),
);

// Vendor remote access (10.20.5.0/24).
add({
  name: 'ra-gw-siemens',
  ip: '10.20.5.10',
  mac: mac('00:0e:8c', 60),
  vendor: 'Siemens',
  model: 'SINEMA RC Server',
  firmware: 'V3.1',
  os: null,
  serial: serial('VPB'),
  clarotyType: 'eNetworkDevice',
  level: 3.5,
  protocols: ['OpenVPN', 'HTTPS'],
  criticality: 'high',
  seenBy: ['claroty'],
});
add({
  name: 'ra-ewon-cosy-fill',
  ip: '10.20.5.20',
  mac: mac('00:03:27', 61),
  vendor: 'HMS Networks',
  model: 'Ewon Cosy+ EC61330',
  firmware: '15.0s2',
  os: null,
  serial: serial('2201-'),
  clarotyType: 'eNetworkDevice',
  level: 3.5,
  protocols: ['OpenVPN', 'HTTPS'],
  criticality: 'high',
  seenBy: ['claroty'],
});
add({
  name: 'ra-jump01',
  ip: '10.20.5.30',
  mac: mac('f8:bc:12', 62),
  vendor: 'Dell Inc.',
  model: 'OptiPlex 7090',
  firmware: null,
  os: 'Windows 10 Enterprise LTSC 2019',
  clarotyType: 'eEngineeringStation',
  level: 3,
  protocols: ['RDP'],
  criticality: 'high',
  seenBy: ['claroty'],
});

// Site operations / control room (10.30.0.0/24): seen by both sensors.
const ops: [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string[],
  Device['criticality'],
][] = [
  [
    'scada-srv-a',
    '10.30.0.11',
    'Siemens',
    'WinCC OA Server (Dell R650)',
    null,
    'Windows Server 2019',
    'computer',
    'eServer',
    ['OPC UA', 'S7comm', 'Modbus/TCP'],
    'critical',
  ],
  [
    'scada-srv-b',
    '10.30.0.12',
    'Siemens',
    'WinCC OA Server (Dell R650)',
    null,
    'Windows Server 2019',
    'computer',
    'eServer',
    ['OPC UA', 'S7comm', 'Modbus/TCP'],
    'critical',
  ],
  [
    'historian01',
    '10.30.0.15',
    'AVEVA',
    'PI Server 2018 SP3',
    null,
    'Windows Server 2016',
    'historian',
    'eServer',
    ['PI-SDK', 'OPC UA'],
    'high',
  ],
  [
    'opc-gw01',
    '10.30.0.16',
    'Kepware',
    'KEPServerEX 6.12',
    null,
    'Windows Server 2016',
    'computer',
    'eServer',
    ['OPC UA', 'EtherNet/IP', 'Modbus/TCP'],
    'high',
  ],
  [
    'ews-siemens01',
    '10.30.0.21',
    'Siemens',
    'SIMATIC Field PG M6',
    null,
    'Windows 10 Enterprise LTSC 2019',
    'engineering_workstation',
    'eEngineeringStation',
    ['S7comm', 'S7comm-plus', 'PROFINET'],
    'critical',
  ],
  [
    'ews-rockwell01',
    '10.30.0.22',
    'Dell Inc.',
    'Precision 3660',
    null,
    'Windows 10 Enterprise LTSC 2019',
    'engineering_workstation',
    'eEngineeringStation',
    ['EtherNet/IP', 'CIP'],
    'critical',
  ],
  [
    'ews-safety01',
    '10.30.0.23',
    'HIMA',
    'SILworX engineering PC (Dell)',
    null,
    'Windows 10 Enterprise 21H2',
    'engineering_workstation',
    'eEngineeringStation',
    ['SafeEthernet'],
    'critical',
  ],
  [
    'hmi-cr-01',
    '10.30.0.31',
    'Siemens',
    'SIMATIC IPC547G',
    null,
    'Windows 7 Professional SP1',
    'HMI',
    'eHMI',
    ['OPC UA', 'S7comm'],
    'high',
  ],
  [
    'hmi-cr-02',
    '10.30.0.32',
    'Siemens',
    'SIMATIC IPC547G',
    null,
    'Windows 7 Professional SP1',
    'HMI',
    'eHMI',
    ['OPC UA', 'S7comm'],
    'high',
  ],
  [
    'hmi-cr-03',
    '10.30.0.33',
    'Siemens',
    'SIMATIC IPC547J',
    null,
    'Windows 10 Enterprise LTSC 2019',
    'HMI',
    'eHMI',
    ['OPC UA', 'S7comm'],
    'high',
  ],
  [
    'hmi-cr-04',
    '10.30.0.34',
    'Siemens',
    'SIMATIC IPC547J',
    null,
    'Windows 10 Enterprise LTSC 2019',
    'HMI',
    'eHMI',
    ['OPC UA'],
    'high',
  ],
  [
    'ot-dc01',
    '10.30.0.40',
    'Dell Inc.',
    'PowerEdge R350',
    null,
    'Windows Server 2016',
    'computer',
    'eServer',
    ['LDAP', 'Kerberos', 'DNS'],
    'high',
  ],
  [
    'ot-backup01',
    '10.30.0.41',
    'Dell Inc.',
    'PowerEdge R350',
    null,
    'Windows Server 2016',
    'computer',
    'eServer',
    ['SMB'],
    'medium',
  ],
  [
    'ot-av01',
    '10.30.0.42',
    'Dell Inc.',
    'PowerEdge R350',
    null,
    'Windows Server 2016',
    'computer',
    'eServer',
    ['HTTPS'],
    'medium',
  ],
  [
    'ot-core-sw01',
    '10.30.0.2',
    'Siemens',
    'SCALANCE XR528-6M',
    'V6.5.1',
    null,
    'switch',
    'eNetworkDevice',
    ['SNMP', 'PROFINET', 'LLDP'],
    'high',
  ],
  [
    'ot-core-sw02',
    '10.30.0.3',
    'Siemens',
    'SCALANCE XR528-6M',
    'V6.5.1',
    null,
    'switch',
    'eNetworkDevice',
    ['SNMP', 'PROFINET', 'LLDP'],
    'high',
  ],
  [
    'ot-fw-ops',
    '10.30.0.1',
    'Fortinet',
    'FortiGate 100F',
    null,
    'FortiOS 7.0.12',
    'router',
    'eNetworkDevice',
    ['HTTPS', 'SNMP'],
    'critical',
  ],
  [
    'cr-printer',
    '10.30.0.60',
    'HP',
    'LaserJet M507',
    '2409081_000562',
    null,
    'printer',
    'eEndpoint',
    ['HTTP', 'SNMP'],
    'low',
  ],
];
ops.forEach(([name, ip, vendor, model, firmware, os, nType, cType, protocols, criticality], i) =>
  add({
    name,
    ip,
    mac: mac(
      vendor === 'Siemens'
        ? '00:1b:1b'
        : vendor === 'Fortinet'
          ? '00:09:0f'
          : vendor === 'HP'
            ? '3c:d9:2b'
            : 'f8:bc:12',
      80 + i,
    ),
    vendor,
    model,
    firmware,
    os,
    clarotyType: cType,
    level: nType === 'switch' || nType === 'router' ? 3 : nType === 'HMI' ? 2 : 3,
    protocols,
    criticality,
    ...(os?.startsWith('Windows 7') ? { endOfSupport: '2020-01-14T00:00:00Z' } : {}),
    ...(os === 'Windows Server 2016' ? { endOfSupport: '2027-01-12T00:00:00Z' } : {}),
    seenBy: ['nozomi', 'claroty'],
    ...(name === 'ot-core-sw02' ? { clarotyFirmware: 'V6.4' } : {}),
    ...(name === 'historian01' ? { clarotyNoMac: true } : {}),
  }),
);

// Pasteurisation cell (10.40.1.0/24): Siemens, seen by Nozomi only.
for (let line = 1; line <= 3; line++) {
  const base = line * 20;
  add({
    name: `past${line}-plc`,
    ip: `10.40.1.${base}`,
    mac: mac('28:63:36', 100 + base),
    vendor: 'Siemens',
    model: 'SIMATIC S7-1516-3 PN/DP (6ES7516-3AN02-0AB0)',
    firmware: line === 3 ? 'V2.8.3' : 'V2.9.4',
    os: null,
    serial: serial('S C-H'),
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['S7comm-plus', 'PROFINET', 'OPC UA'],
    criticality: 'critical',
    seenBy: ['nozomi'],
  });
  add({
    name: `past${line}-hmi`,
    ip: `10.40.1.${base + 1}`,
    mac: mac('28:63:36', 101 + base),
    vendor: 'Siemens',
    model: 'SIMATIC HMI TP1500 Comfort',
    firmware: 'V17.0.0.0',
    os: null,
    serial: serial('S V-'),
    clarotyType: 'eHMI',
    level: 2,
    protocols: ['S7comm-plus'],
    criticality: 'high',
    seenBy: ['nozomi'],
  });
  for (let io = 1; io <= 5; io++) {
    add({
      name: `past${line}-et200sp-${io}`,
      ip: `10.40.1.${base + 1 + io}`,
      mac: mac('28:63:36', 101 + base + io),
      vendor: 'Siemens',
      model: 'SIMATIC ET 200SP IM 155-6 PN HF',
      firmware: 'V4.2.1',
      os: null,
      serial: serial('S C-'),
      clarotyType: 'eIOModule',
      level: 1,
      protocols: ['PROFINET'],
      criticality: 'high',
      seenBy: ['nozomi'],
    });
  }
  for (let drive = 1; drive <= 2; drive++) {
    add({
      name: `past${line}-g120-${drive}`,
      ip: `10.40.1.${base + 10 + drive}`,
      mac: mac('00:1b:1b', 120 + base + drive),
      vendor: 'Siemens',
      model: 'SINAMICS G120 CU240E-2 PN',
      firmware: 'V4.7 SP13',
      os: null,
      serial: serial('XAT'),
      clarotyType: 'eDrive',
      level: 0,
      protocols: ['PROFINET'],
      criticality: 'medium',
      seenBy: ['nozomi'],
    });
  }
}
add({
  name: 'past-cell-sw01',
  ip: '10.40.1.2',
  mac: mac('00:1b:1b', 170),
  vendor: 'Siemens',
  model: 'SCALANCE XC208',
  firmware: 'V4.4',
  os: null,
  serial: serial('VPL'),
  clarotyType: 'eNetworkDevice',
  level: 2,
  protocols: ['PROFINET', 'LLDP', 'SNMP'],
  criticality: 'high',
  seenBy: ['nozomi'],
});
add({
  name: 'past-flowmeter-01',
  ip: '10.40.1.90',
  mac: mac('00:07:05', 171),
  vendor: 'Endress+Hauser',
  model: 'Promag H 300',
  firmware: '01.05.00',
  os: null,
  serial: serial('N'),
  clarotyType: 'eOther',
  level: 0,
  protocols: ['PROFINET'],
  criticality: 'medium',
  seenBy: ['nozomi'],
});

// Filling and packaging cell (10.40.2.0/24): Rockwell; Claroty sees it all, Nozomi the first twelve.
const filling: Omit<Device, 'seenBy' | 'mac' | 'serial'>[] = [];
for (let line = 1; line <= 4; line++) {
  const base = line * 20;
  filling.push(
    {
      name: `fill${line}-clx`,
      ip: `10.40.2.${base}`,
      vendor: 'Rockwell Automation',
      model: '1756-L83E ControlLogix 5580',
      firmware: line === 4 ? '32.011' : '33.011',
      os: null,
      clarotyType: 'ePLC',
      level: 1,
      protocols: ['EtherNet/IP', 'CIP'],
      criticality: 'critical',
    },
    {
      name: `fill${line}-pv`,
      ip: `10.40.2.${base + 1}`,
      vendor: 'Rockwell Automation',
      model: '2711P-T12W21D8S PanelView Plus 7',
      firmware: '12.00',
      os: null,
      clarotyType: 'eHMI',
      level: 2,
      protocols: ['EtherNet/IP', 'CIP'],
      criticality: 'high',
    },
    {
      name: `fill${line}-stratix`,
      ip: `10.40.2.${base + 2}`,
      vendor: 'Rockwell Automation',
      model: '1783-BMS10CGL Stratix 5700',
      firmware: '15.2(7)E6',
      os: null,
      clarotyType: 'eNetworkDevice',
      level: 2,
      protocols: ['EtherNet/IP', 'SNMP', 'LLDP'],
      criticality: 'high',
    },
  );
  for (let drive = 1; drive <= 3; drive++) {
    filling.push({
      name: `fill${line}-pf525-${drive}`,
      ip: `10.40.2.${base + 2 + drive}`,
      vendor: 'Rockwell Automation',
      model: '25B-D010N114 PowerFlex 525',
      firmware: '7.001',
      os: null,
      clarotyType: 'eDrive',
      level: 0,
      protocols: ['EtherNet/IP', 'CIP'],
      criticality: 'medium',
    });
  }
  filling.push({
    name: `fill${line}-point-io`,
    ip: `10.40.2.${base + 6}`,
    vendor: 'Rockwell Automation',
    model: '1734-AENTR POINT I/O',
    firmware: '7.002',
    os: null,
    clarotyType: 'eIOModule',
    level: 1,
    protocols: ['EtherNet/IP', 'CIP'],
    criticality: 'high',
  });
}
filling.push(
  {
    name: 'fill-vision-01',
    ip: '10.40.2.101',
    vendor: 'Cognex',
    model: 'In-Sight 7802',
    firmware: '6.3.1',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['EtherNet/IP'],
    criticality: 'medium',
  },
  {
    name: 'fill-vision-02',
    ip: '10.40.2.102',
    vendor: 'Cognex',
    model: 'In-Sight 7802',
    firmware: '6.3.1',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['EtherNet/IP'],
    criticality: 'medium',
  },
  {
    name: 'fill-labeler-01',
    ip: '10.40.2.110',
    vendor: 'Videojet',
    model: '1860 CIJ printer',
    firmware: null,
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['TCP/3100'],
    criticality: 'low',
  },
  {
    name: 'fill-checkweigher',
    ip: '10.40.2.111',
    vendor: 'Mettler-Toledo',
    model: 'C35 AdvancedLine',
    firmware: '2.1.0',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['EtherNet/IP'],
    criticality: 'medium',
  },
  {
    name: 'fill-palletiser-plc',
    ip: '10.40.2.120',
    vendor: 'Rockwell Automation',
    model: '5069-L320ER CompactLogix 5380',
    firmware: '33.011',
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['EtherNet/IP', 'CIP'],
    criticality: 'high',
  },
  {
    name: 'fill-palletiser-hmi',
    ip: '10.40.2.121',
    vendor: 'Rockwell Automation',
    model: '2711R-T10T PanelView 800',
    firmware: '5.011',
    os: null,
    clarotyType: 'eHMI',
    level: 2,
    protocols: ['EtherNet/IP'],
    criticality: 'medium',
  },
);
filling.forEach((device, i) =>
  add({
    ...device,
    mac: mac(
      device.vendor === 'Cognex'
        ? '00:d0:24'
        : device.vendor.startsWith('Rockwell')
          ? 'e4:90:69'
          : '00:15:7e',
      200 + i,
    ),
    serial: device.vendor.startsWith('Rockwell') ? serial('D0') : null,
    seenBy: i < 12 ? ['nozomi', 'claroty'] : ['claroty'],
    ...(device.name === 'fill2-clx' ? { clarotyFirmware: '33.014' } : {}),
    ...(device.name === 'fill3-pv' ? { clarotyNoMac: true } : {}),
  }),
);

// Utilities (10.40.3.0/24): boilers, ammonia refrigeration, CIP, power metering; Schneider and BACnet.
const utilities: Omit<Device, 'seenBy' | 'mac' | 'serial'>[] = [
  {
    name: 'util-m580-boiler',
    ip: '10.40.3.10',
    vendor: 'Schneider Electric',
    model: 'Modicon M580 BMEP582040',
    firmware: 'SV3.20',
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['Modbus/TCP', 'EtherNet/IP'],
    criticality: 'critical',
  },
  {
    name: 'util-m340-cip',
    ip: '10.40.3.11',
    vendor: 'Schneider Electric',
    model: 'Modicon M340 BMXP342020',
    firmware: 'SV2.70',
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'high',
  },
  {
    name: 'util-m340-water',
    ip: '10.40.3.12',
    vendor: 'Schneider Electric',
    model: 'Modicon M340 BMXP342020',
    firmware: 'SV3.10',
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'high',
  },
  {
    name: 'util-nh3-frick',
    ip: '10.40.3.20',
    vendor: 'Johnson Controls',
    model: 'Frick Quantum HD',
    firmware: '10.24',
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'critical',
  },
  {
    name: 'util-chiller-01',
    ip: '10.40.3.25',
    vendor: 'Carrier',
    model: '30XA chiller (Pro-Dialog+)',
    firmware: null,
    os: null,
    clarotyType: 'ePLC',
    level: 1,
    protocols: ['BACnet/IP', 'Modbus/TCP'],
    criticality: 'high',
  },
  {
    name: 'util-hmi-boiler',
    ip: '10.40.3.30',
    vendor: 'Schneider Electric',
    model: 'Harmony GTU HMIG5U',
    firmware: 'V3.3',
    os: null,
    clarotyType: 'eHMI',
    level: 2,
    protocols: ['Modbus/TCP'],
    criticality: 'high',
  },
  {
    name: 'util-hmi-cip',
    ip: '10.40.3.31',
    vendor: 'Schneider Electric',
    model: 'Magelis HMIGTO5310',
    firmware: 'V2.2',
    os: null,
    clarotyType: 'eHMI',
    level: 2,
    protocols: ['Modbus/TCP'],
    criticality: 'medium',
  },
  {
    name: 'util-sw01',
    ip: '10.40.3.2',
    vendor: 'Moxa',
    model: 'EDS-510E',
    firmware: 'V5.2',
    os: null,
    clarotyType: 'eNetworkDevice',
    level: 2,
    protocols: ['SNMP', 'LLDP'],
    criticality: 'high',
  },
];
for (let meter = 1; meter <= 8; meter++) {
  utilities.push({
    name: `util-pm5560-${meter}`,
    ip: `10.40.3.${100 + meter}`,
    vendor: 'Schneider Electric',
    model: 'PowerLogic PM5560',
    firmware: meter <= 5 ? '2.7.4' : '2.3.0',
    os: null,
    clarotyType: 'eOther',
    level: 0,
    protocols: ['Modbus/TCP'],
    criticality: 'low',
  });
}
for (let hvac = 1; hvac <= 6; hvac++) {
  utilities.push({
    name: `util-bacnet-ahu${hvac}`,
    ip: `10.40.3.${150 + hvac}`,
    vendor: 'Siemens',
    model: 'Desigo PXC4.E16',
    firmware: '6.00.120',
    os: null,
    clarotyType: 'eBMS',
    level: 1,
    protocols: ['BACnet/IP'],
    criticality: 'medium',
  });
}
utilities.push(
  {
    name: 'util-air-comp-01',
    ip: '10.40.3.40',
    vendor: 'Atlas Copco',
    model: 'Elektronikon Mk5 Touch',
    firmware: null,
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'medium',
  },
  {
    name: 'util-air-comp-02',
    ip: '10.40.3.41',
    vendor: 'Atlas Copco',
    model: 'Elektronikon Mk5 Touch',
    firmware: null,
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'medium',
  },
  {
    name: 'util-ups-01',
    ip: '10.40.3.60',
    vendor: 'Schneider Electric',
    model: 'Galaxy VS NMC3',
    firmware: '2.5.0.8',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['SNMP', 'HTTPS'],
    criticality: 'high',
  },
);
utilities.forEach((device, i) =>
  add({
    ...device,
    mac: mac(
      device.vendor === 'Schneider Electric'
        ? '00:80:f4'
        : device.vendor === 'Moxa'
          ? '00:90:e8'
          : device.vendor === 'Siemens'
            ? '00:1b:1b'
            : '00:0d:ad',
      300 + i,
    ),
    serial: device.vendor === 'Schneider Electric' ? serial('20') : null,
    seenBy: i < 8 ? ['nozomi', 'claroty'] : ['nozomi'],
    ...(device.name === 'util-m340-cip' ? { clarotyFirmware: 'SV2.80' } : {}),
  }),
);

// Safety instrumented system (10.50.0.0/24): HIMA, seen by Nozomi on a mirror port only.
const sis: Omit<Device, 'seenBy' | 'mac' | 'serial'>[] = [
  {
    name: 'sis-himax-boiler',
    ip: '10.50.0.10',
    vendor: 'HIMA',
    model: 'HIMax X-CPU 01',
    firmware: 'V12.4',
    os: null,
    clarotyType: 'eSIS',
    level: 1,
    protocols: ['SafeEthernet', 'Modbus/TCP'],
    criticality: 'critical',
  },
  {
    name: 'sis-himax-nh3',
    ip: '10.50.0.11',
    vendor: 'HIMA',
    model: 'HIMax X-CPU 01',
    firmware: 'V12.4',
    os: null,
    clarotyType: 'eSIS',
    level: 1,
    protocols: ['SafeEthernet', 'Modbus/TCP'],
    criticality: 'critical',
  },
  {
    name: 'sis-himatrix-past1',
    ip: '10.50.0.20',
    vendor: 'HIMA',
    model: 'HIMatrix F35 03',
    firmware: 'V10.2',
    os: null,
    clarotyType: 'eSIS',
    level: 1,
    protocols: ['SafeEthernet'],
    criticality: 'critical',
  },
  {
    name: 'sis-himatrix-past2',
    ip: '10.50.0.21',
    vendor: 'HIMA',
    model: 'HIMatrix F35 03',
    firmware: 'V10.2',
    os: null,
    clarotyType: 'eSIS',
    level: 1,
    protocols: ['SafeEthernet'],
    criticality: 'critical',
  },
  {
    name: 'sis-gas-det-01',
    ip: '10.50.0.30',
    vendor: 'Dräger',
    model: 'REGARD 7000',
    firmware: '3.0.4',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'critical',
  },
  {
    name: 'sis-gas-det-02',
    ip: '10.50.0.31',
    vendor: 'Dräger',
    model: 'REGARD 7000',
    firmware: '3.0.4',
    os: null,
    clarotyType: 'eOther',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'critical',
  },
  {
    name: 'sis-sw01',
    ip: '10.50.0.2',
    vendor: 'Hirschmann',
    model: 'RSP35',
    firmware: 'HiOS 08.7.02',
    os: null,
    clarotyType: 'eNetworkDevice',
    level: 1,
    protocols: ['SNMP', 'LLDP'],
    criticality: 'high',
  },
  {
    name: 'sis-modbus-gw',
    ip: '10.50.0.5',
    vendor: 'HIMA',
    model: 'HIMax X-COM 01',
    firmware: 'V12.4',
    os: null,
    clarotyType: 'eSIS',
    level: 1,
    protocols: ['Modbus/TCP'],
    criticality: 'critical',
  },
];
sis.forEach((device, i) =>
  add({
    ...device,
    mac: mac(
      device.vendor === 'Hirschmann' ? '00:80:63' : device.vendor === 'Dräger' ? '00:12:b3' : '00:e0:4b',
      400 + i,
    ),
    serial: device.vendor === 'HIMA' ? serial('HX') : null,
    seenBy: ['nozomi'],
  }),
);

// Devices outside every documented range (found by the sensors; they become findings).
add({
  name: 'Teltonika RUT240',
  ip: '192.168.1.1',
  mac: mac('00:1e:42', 500),
  vendor: 'Teltonika',
  model: 'RUT240 LTE router',
  firmware: 'RUT2_R_00.07.02.7',
  os: null,
  clarotyType: 'eNetworkDevice',
  level: 2,
  protocols: ['HTTP', 'DHCP'],
  criticality: 'high',
  seenBy: ['nozomi'],
});
add({
  name: '',
  ip: '169.254.12.7',
  mac: mac('00:1b:1b', 501),
  vendor: 'Siemens',
  model: 'SIMATIC ET 200SP',
  firmware: null,
  os: null,
  clarotyType: 'eIOModule',
  level: 1,
  protocols: ['PROFINET'],
  criticality: 'medium',
  seenBy: ['nozomi'],
});
add({
  name: 'contractor-laptop',
  ip: '172.16.8.44',
  mac: mac('a4:bb:6d', 502),
  vendor: 'Dell Inc.',
  model: 'Latitude 7420',
  firmware: null,
  os: 'Windows 10 Pro',
  clarotyType: 'eEndpoint',
  level: 2,
  protocols: ['EtherNet/IP', 'HTTPS'],
  criticality: null,
  seenBy: ['claroty'],
});

// ——— Nozomi Guardian: N2QL "assets" query result ———
const T_FIRST = Date.UTC(2026, 1, 2, 6, 0, 0);
const T_LAST = Date.UTC(2026, 2, 6, 17, 45, 0);
const nozomi = devices
  .filter((d) => d.seenBy.includes('nozomi'))
  .map((d, i) => ({
    id: `b3f1c2d4-6a7e-4c1b-9d2e-${String(100000000000 + i * 7919).slice(-12)}`,
    name: d.name || d.ip,
    ip: [d.ip],
    mac_address: [d.mac],
    mac_address_level: 'confirmed',
    vendor: d.vendor,
    product_name: d.model,
    firmware_version: d.firmware ?? '',
    os: d.os ?? '',
    serial_number: d.serial ?? '',
    // One taxonomy for both sensors, so the merge shows the real disagreements (firmware, vendor).
    type: d.clarotyType.replace(/^e/, ''),
    level: String(d.level),
    protocols: d.protocols,
    zones: [],
    first_activity_time: T_FIRST + i * 61_000,
    last_activity_time: T_LAST - i * 53_000,
    end_of_support_date: d.endOfSupport ? Date.parse(d.endOfSupport) : null,
    appliance_hosts: ['guardian-ot-01'],
  }));

// ——— Claroty CTD: /ranger/assets "objects" ———
const CRITICALITY = { low: 'eLow', medium: 'eMedium', high: 'eHigh', critical: 'eCritical' } as const;
const claroty = devices
  .filter((d) => d.seenBy.includes('claroty'))
  .map((d, i) => ({
    id: 500 + i,
    resource_id: `${500 + i}-1`,
    name: d.name || d.ip,
    ipv4: [d.ip],
    mac: d.clarotyNoMac ? [] : [d.mac.toUpperCase()],
    vendor: d.vendor,
    model: d.model,
    firmware: d.clarotyFirmware ?? d.firmware,
    os: d.os,
    serial_number: d.serial,
    asset_type__: d.clarotyType,
    purdue_level: d.level,
    protocol: d.protocols,
    criticality__: d.criticality ? CRITICALITY[d.criticality] : null,
    first_seen: new Date(T_FIRST + 3_600_000 + i * 47_000).toISOString().replace('.000Z', '+00:00'),
    last_seen: new Date(T_LAST - i * 31_000).toISOString().replace('.000Z', '+00:00'),
    site_name: 'Hillcrest',
    special_hint__: 'eUnicast',
    children: [],
  }));

writeFileSync(
  path.join(OUT, 'nozomi-guardian-assets.json'),
  JSON.stringify({ result: nozomi, total: nozomi.length }, null, 1) + '\n',
);
writeFileSync(
  path.join(OUT, 'claroty-ctd-assets.json'),
  JSON.stringify({ objects: claroty, count_filtered: claroty.length, count_total: claroty.length }, null, 1) +
    '\n',
);

// ——— The SPAN capture on the control-room core switch ———
const byIp = new Map(devices.map((d) => [d.ip, d]));
const macOf = (ip: string) => byIp.get(ip)?.mac ?? '00:09:0f:aa:00:01'; // routed: the firewall's MAC

class Writer {
  private readonly parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number) {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  bytes(v: ArrayLike<number>) {
    for (let i = 0; i < v.length; i++) this.parts.push(v[i]! & 0xff);
    return this;
  }
  build() {
    return Uint8Array.from(this.parts);
  }
}

const hex = (text: string) =>
  Uint8Array.from(
    text
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((b) => parseInt(b, 16)),
  );
const ipBytes = (ip: string) => ip.split('.').map(Number);
const macBytes = (m: string) => m.split(':').map((b) => parseInt(b, 16));

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

let ipId = 0x1200;
function ipv4(src: string, dst: string, protocol: number, payload: Uint8Array): Uint8Array {
  const header = new Writer()
    .u8(0x45)
    .u8(0)
    .u16(20 + payload.length)
    .u16(ipId++)
    .u16(0x4000)
    .u8(64)
    .u8(protocol)
    .u16(0)
    .bytes(ipBytes(src))
    .bytes(ipBytes(dst))
    .build();
  const sum = checksum(header);
  header[10] = sum >>> 8;
  header[11] = sum & 0xff;
  return new Writer().bytes(header).bytes(payload).build();
}

function transportChecksum(src: string, dst: string, protocol: number, segment: Uint8Array, offset: number) {
  const pseudo = new Writer()
    .bytes(ipBytes(src))
    .bytes(ipBytes(dst))
    .u8(0)
    .u8(protocol)
    .u16(segment.length)
    .bytes(segment)
    .build();
  const sum = checksum(pseudo);
  segment[offset] = sum >>> 8;
  segment[offset + 1] = sum & 0xff;
}

function ethernet(dstMac: string, srcMac: string, ethertype: number, payload: Uint8Array): Uint8Array {
  const frame = new Writer().bytes(macBytes(dstMac)).bytes(macBytes(srcMac)).u16(ethertype).bytes(payload);
  const out = frame.build();
  return out.length >= 60 ? out : Uint8Array.from([...out, ...new Uint8Array(60 - out.length)]);
}

interface Frame {
  time: number;
  data: Uint8Array;
}
const frames: Frame[] = [];
let clock = Date.UTC(2026, 2, 4, 9, 12, 3) / 1000;
const tick = (seconds: number) => (clock += seconds);

const FLAGS = { fin: 0x01, syn: 0x02, psh: 0x08, ack: 0x10 };
function tcpFrame(
  src: string,
  dst: string,
  sport: number,
  dport: number,
  seq: number,
  ack: number,
  flags: number,
  payload: Uint8Array,
) {
  const segment = new Writer()
    .u16(sport)
    .u16(dport)
    .u32(seq)
    .u32(ack)
    .u8(0x50)
    .u8(flags)
    .u16(64240)
    .u16(0)
    .u16(0)
    .bytes(payload)
    .build();
  transportChecksum(src, dst, 6, segment, 16);
  return ethernet(macOf(dst), macOf(src), 0x0800, ipv4(src, dst, 6, segment));
}

/** A TCP conversation: handshake, request/response exchanges, then a FIN close. */
function tcpConversation(
  client: string,
  server: string,
  clientPort: number,
  serverPort: number,
  exchanges: [Uint8Array, Uint8Array][],
  gap = 0.25,
) {
  let cseq = 0x1000_0000 + clientPort * 977;
  let sseq = 0x4000_0000 + serverPort * 131 + clientPort;
  const push = (fromClient: boolean, flags: number, payload: Uint8Array, delay: number) => {
    tick(delay);
    const data = fromClient
      ? tcpFrame(client, server, clientPort, serverPort, cseq, flags & FLAGS.ack ? sseq : 0, flags, payload)
      : tcpFrame(server, client, serverPort, clientPort, sseq, cseq, flags, payload);
    frames.push({ time: clock, data });
    const advance = payload.length + (flags & (FLAGS.syn | FLAGS.fin) ? 1 : 0);
    if (fromClient) cseq = (cseq + advance) >>> 0;
    else sseq = (sseq + advance) >>> 0;
  };
  push(true, FLAGS.syn, new Uint8Array(0), 0.01);
  push(false, FLAGS.syn | FLAGS.ack, new Uint8Array(0), 0.0004);
  push(true, FLAGS.ack, new Uint8Array(0), 0.0002);
  for (const [request, response] of exchanges) {
    push(true, FLAGS.psh | FLAGS.ack, request, gap);
    push(false, FLAGS.psh | FLAGS.ack, response, 0.003);
  }
  push(true, FLAGS.fin | FLAGS.ack, new Uint8Array(0), 0.05);
  push(false, FLAGS.fin | FLAGS.ack, new Uint8Array(0), 0.0005);
  push(true, FLAGS.ack, new Uint8Array(0), 0.0002);
}

function udpFrame(
  src: string,
  dst: string,
  sport: number,
  dport: number,
  payload: Uint8Array,
  dstMac?: string,
) {
  const segment = new Writer()
    .u16(sport)
    .u16(dport)
    .u16(8 + payload.length)
    .u16(0)
    .bytes(payload)
    .build();
  transportChecksum(src, dst, 17, segment, 6);
  tick(0.2);
  frames.push({
    time: clock,
    data: ethernet(dstMac ?? macOf(dst), macOf(src), 0x0800, ipv4(src, dst, 17, segment)),
  });
}

const modbusRead = (tid: number, unit: number, address: number, count: number) =>
  new Writer().u16(tid).u16(0).u16(6).u8(unit).u8(3).u16(address).u16(count).build();
const modbusReply = (tid: number, unit: number, count: number) =>
  new Writer()
    .u16(tid)
    .u16(0)
    .u16(3 + count * 2)
    .u8(unit)
    .u8(3)
    .u8(count * 2)
    .bytes(new Uint8Array(count * 2).map((_, i) => (i * 37 + tid) & 0xff))
    .build();
const modbusExchanges = (unit: number, n: number): [Uint8Array, Uint8Array][] =>
  Array.from({ length: n }, (_, i) => [
    modbusRead(i + 1, unit, 100 + i * 10, 10),
    modbusReply(i + 1, unit, 10),
  ]);

// S7comm over TPKT/COTP: connect request/confirm, setup communication, then variable reads.
const cotpCr = hex('0300 0016 11e0 0000 0001 00c1 0201 00c2 0201 02c0 010a');
const cotpCc = hex('0300 0016 11d0 0001 0001 00c1 0201 00c2 0201 02c0 010a');
const s7Setup = hex('0300 0019 02f080 32 01 0000 0000 0008 0000 f000 0001 0001 01e0');
const s7SetupAck = hex('0300 001b 02f080 32 03 0000 0000 0008 0000 0000 f000 0001 0001 00f0');
const s7Read = hex('0300 001f 02f080 32 01 0000 0100 000e 0000 04 01 12 0a 10 02 0004 0001 84 000000');
const s7ReadAck = hex('0300 001d 02f080 32 03 0000 0100 0002 0008 0000 04 01 ff 04 0020 0000 04d2');

// EtherNet/IP: RegisterSession, then SendRRData (unconnected CIP read).
const enipRegister = hex('6500 0400 00000000 00000000 0000000000000000 00000000 0100 0000');
const enipRegistered = hex('6500 0400 2a00b01f 00000000 0000000000000000 00000000 0100 0000');
const enipRead = hex(
  '6f00 1a00 2a00b01f 00000000 0000000000000000 00000000 00000000 0a00 0200 0000 0000 b200 0a00 4c03 9100 0454 616e 6b31 0100',
);
const enipReadReply = hex(
  '6f00 1800 2a00b01f 00000000 0000000000000000 00000000 00000000 0a00 0200 0000 0000 b200 0800 cc00 0000 c400 4c04 0000',
);

const opcHello = new Writer()
  .bytes([0x48, 0x45, 0x4c, 0x46])
  .bytes([0x38, 0, 0, 0])
  .bytes(new Uint8Array(48))
  .build();
const opcAck = new Writer()
  .bytes([0x41, 0x43, 0x4b, 0x46])
  .bytes([0x1c, 0, 0, 0])
  .bytes(new Uint8Array(20))
  .build();

/** A TLS 1.2 application-data record of n encrypted-looking bytes. */
const tlsPayload = (n: number) =>
  new Writer()
    .u8(0x17)
    .u16(0x0303)
    .u16(n)
    .bytes(new Uint8Array(n).map((_, i) => (i * 11 + n) & 0xff))
    .build();
const ntpPacket = (mode: number) =>
  new Writer()
    .u8(0x20 | mode)
    .u8(mode === 4 ? 2 : 0)
    .u8(6)
    .u8(0xe8)
    .bytes(new Uint8Array(44))
    .build();

// Documented traffic: the control room polls and programs the cells through their conduits.
tcpConversation('10.30.0.11', '10.40.1.20', 50112, 102, [
  [cotpCr, cotpCc],
  [s7Setup, s7SetupAck],
  [s7Read, s7ReadAck],
  [s7Read, s7ReadAck],
  [s7Read, s7ReadAck],
]);
tcpConversation('10.30.0.11', '10.40.1.40', 50113, 102, [
  [cotpCr, cotpCc],
  [s7Setup, s7SetupAck],
  [s7Read, s7ReadAck],
  [s7Read, s7ReadAck],
]);
tcpConversation('10.30.0.21', '10.40.1.60', 50420, 102, [
  [cotpCr, cotpCc],
  [s7Setup, s7SetupAck],
  [s7Read, s7ReadAck],
]);
tcpConversation('10.30.0.16', '10.40.2.20', 51001, 44818, [
  [enipRegister, enipRegistered],
  [enipRead, enipReadReply],
  [enipRead, enipReadReply],
  [enipRead, enipReadReply],
]);
tcpConversation('10.30.0.16', '10.40.2.40', 51002, 44818, [
  [enipRegister, enipRegistered],
  [enipRead, enipReadReply],
  [enipRead, enipReadReply],
]);
tcpConversation('10.30.0.22', '10.40.2.60', 51140, 44818, [
  [enipRegister, enipRegistered],
  [enipRead, enipReadReply],
]);
tcpConversation('10.30.0.11', '10.40.3.10', 50200, 502, modbusExchanges(1, 6));
tcpConversation('10.30.0.11', '10.40.3.20', 50201, 502, modbusExchanges(1, 4));
tcpConversation('10.30.0.12', '10.40.3.101', 50202, 502, modbusExchanges(1, 3));
tcpConversation('10.30.0.31', '10.30.0.16', 52001, 4840, [[opcHello, opcAck]]);
tcpConversation('10.20.0.10', '10.30.0.15', 53001, 5450, [
  [tlsPayload(120), tlsPayload(480)],
  [tlsPayload(64), tlsPayload(900)],
]);
tcpConversation('10.10.2.30', '10.20.0.10', 53100, 443, [[tlsPayload(200), tlsPayload(1200)]]);
tcpConversation('10.20.5.30', '10.30.0.21', 53300, 3389, [
  [tlsPayload(300), tlsPayload(700)],
  [tlsPayload(90), tlsPayload(1400)],
]);
udpFrame('10.30.0.40', '10.20.0.5', 123, 123, ntpPacket(3));
udpFrame('10.20.0.5', '10.30.0.40', 123, 123, ntpPacket(4));
// The SIS Modbus gateway answers reads from the SCADA server (one way, through the diode's read port).
tcpConversation('10.30.0.11', '10.50.0.5', 50300, 502, modbusExchanges(2, 3));

// Undocumented: a maintenance laptop on the enterprise network talks EtherNet/IP straight to a filling PLC.
tcpConversation('10.10.4.21', '10.40.2.40', 61020, 44818, [
  [enipRegister, enipRegistered],
  [enipRead, enipReadReply],
  [enipRead, enipReadReply],
]);
// Undocumented: the fill-line remote-access box reaches the ammonia plant controller directly.
tcpConversation('10.20.5.20', '10.40.3.20', 49877, 502, modbusExchanges(1, 2));
// The chiller reports to its vendor's cloud over HTTPS (a public address, through the utilities firewall).
tcpConversation('10.40.3.25', '52.58.47.12', 40112, 443, [[tlsPayload(180), tlsPayload(1100)]]);
// A contractor laptop with an address from no plant range, in the filling cell.
tcpConversation('172.16.8.44', '10.40.2.20', 58010, 44818, [
  [enipRegister, enipRegistered],
  [enipRead, enipReadReply],
]);
// BACnet Who-Is broadcast from an air-handling controller.
udpFrame(
  '10.40.3.151',
  '10.40.3.255',
  47808,
  47808,
  hex('810b 000c 0120 ffff 00ff 1008'),
  'ff:ff:ff:ff:ff:ff',
);
// PROFINET DCP Identify (layer 2) in the pasteurisation cell.
tick(0.1);
frames.push({
  time: clock,
  data: ethernet(
    '01:0e:cf:00:00:00',
    macOf('10.30.0.21'),
    0x8892,
    hex('fefe 05 00 01000012 0080 0004 ffff 0000'),
  ),
});
frames.push({
  time: tick(0.002),
  data: ethernet(
    macOf('10.30.0.21'),
    macOf('10.40.1.20'),
    0x8892,
    hex('feff 05 01 01000012 0000 0010 0202 000a 0000 7061 7374 312d 706c 63'),
  ),
});

const header = new Writer();
// Classic pcap, written big-endian (magic a1b2c3d4): microsecond timestamps, Ethernet.
header.u32(0xa1b2c3d4).u16(2).u16(4).u32(0).u32(0).u32(65535).u32(1);
const out = new Writer().bytes(header.build());
for (const frame of frames) {
  const seconds = Math.floor(frame.time);
  const micros = Math.round((frame.time - seconds) * 1e6);
  out.u32(seconds).u32(micros).u32(frame.data.length).u32(frame.data.length).bytes(frame.data);
}
writeFileSync(path.join(OUT, 'control-room-span.pcap'), out.build());

console.log(
  `demo sources: ${nozomi.length} Nozomi assets, ${claroty.length} Claroty assets, ${devices.length} devices, ${frames.length} packets`,
);
