import type { ConduitService } from '../model/conduit';

export interface KnownProtocol {
  name: string;
  transport: 'tcp' | 'udp';
  /** Default port or range, as a conduit service stores it. */
  ports: string;
  family: 'ics' | 'it';
}

/** ICS and IT protocols for the conduit service picker, with their usual transport and port. */
export const KNOWN_PROTOCOLS: readonly KnownProtocol[] = [
  { name: 'Modbus/TCP', transport: 'tcp', ports: '502', family: 'ics' },
  { name: 'EtherNet/IP', transport: 'tcp', ports: '44818', family: 'ics' },
  { name: 'EtherNet/IP (I/O)', transport: 'udp', ports: '2222', family: 'ics' },
  { name: 'OPC UA', transport: 'tcp', ports: '4840', family: 'ics' },
  { name: 'OPC DA (DCOM)', transport: 'tcp', ports: '135', family: 'ics' },
  { name: 'S7comm', transport: 'tcp', ports: '102', family: 'ics' },
  { name: 'PROFINET (RPC)', transport: 'udp', ports: '34964', family: 'ics' },
  { name: 'DNP3', transport: 'tcp', ports: '20000', family: 'ics' },
  { name: 'IEC 60870-5-104', transport: 'tcp', ports: '2404', family: 'ics' },
  { name: 'IEC 61850 MMS', transport: 'tcp', ports: '102', family: 'ics' },
  { name: 'BACnet/IP', transport: 'udp', ports: '47808', family: 'ics' },
  { name: 'FINS', transport: 'udp', ports: '9600', family: 'ics' },
  { name: 'MELSEC (SLMP)', transport: 'tcp', ports: '5007', family: 'ics' },
  { name: 'CC-Link IE Field Basic', transport: 'udp', ports: '61450', family: 'ics' },
  { name: 'HART-IP', transport: 'udp', ports: '5094', family: 'ics' },
  { name: 'MQTT', transport: 'tcp', ports: '1883', family: 'ics' },
  { name: 'MQTT over TLS', transport: 'tcp', ports: '8883', family: 'ics' },
  { name: 'OSIsoft PI', transport: 'tcp', ports: '5450', family: 'ics' },
  { name: 'HTTP', transport: 'tcp', ports: '80', family: 'it' },
  { name: 'HTTPS', transport: 'tcp', ports: '443', family: 'it' },
  { name: 'SSH', transport: 'tcp', ports: '22', family: 'it' },
  { name: 'RDP', transport: 'tcp', ports: '3389', family: 'it' },
  { name: 'VNC', transport: 'tcp', ports: '5900', family: 'it' },
  { name: 'SMB', transport: 'tcp', ports: '445', family: 'it' },
  { name: 'DNS', transport: 'udp', ports: '53', family: 'it' },
  { name: 'NTP', transport: 'udp', ports: '123', family: 'it' },
  { name: 'SNMP', transport: 'udp', ports: '161', family: 'it' },
  { name: 'Syslog', transport: 'udp', ports: '514', family: 'it' },
  { name: 'LDAP', transport: 'tcp', ports: '389', family: 'it' },
  { name: 'Kerberos', transport: 'tcp', ports: '88', family: 'it' },
  { name: 'Microsoft SQL Server', transport: 'tcp', ports: '1433', family: 'it' },
  { name: 'FTP', transport: 'tcp', ports: '21', family: 'it' },
  { name: 'Telnet', transport: 'tcp', ports: '23', family: 'it' },
  { name: 'IPsec (IKE)', transport: 'udp', ports: '500', family: 'it' },
];

export function findKnownProtocol(name: string): KnownProtocol | undefined {
  const wanted = name.trim().toLowerCase();
  return KNOWN_PROTOCOLS.find((p) => p.name.toLowerCase() === wanted);
}

/** True when the service allows everything: any transport, any port, or a protocol named "any". */
export function isAnyService(service: ConduitService): boolean {
  const protocol = service.protocol.trim().toLowerCase();
  return service.transport === 'any' || service.ports.trim() === '' || protocol === 'any' || protocol === '*';
}

/** One service, briefly: "Modbus/TCP 502", "udp 161", "any". */
export function describeService(service: ConduitService): string {
  const protocol = service.protocol.trim();
  const ports = service.ports.trim();
  if (protocol.toLowerCase() === 'any') return 'any';
  const parts = [protocol || (service.transport === 'any' ? 'any' : service.transport.toUpperCase())];
  parts.push(ports || 'any port');
  return parts.join(' ');
}

/** The edge label: "Modbus/TCP 502, OPC UA 4840", shortened to `max` services with "+N". */
export function summarizeServices(services: readonly ConduitService[], max = 3): string {
  if (services.length === 0) return 'no services';
  // Two services that read the same (tcp and udp 502 both named "Modbus/TCP") are said once.
  const distinct = [...new Set(services.map(describeService))];
  const shown = distinct.slice(0, max);
  const more = distinct.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more}` : shown.join(', ');
}
