/**
 * Device types as sensor exports spell them ("PLC", "PLCs", "Controller", "programmable logic
 * controller"), mapped to one name. Data: add a spelling when one turns up. Keys are compared after
 * `typeKey` (lower case, no accents or punctuation, a plural "s" dropped).
 */
export const TYPE_ALIASES: Record<string, readonly string[]> = {
  PLC: ['plc', 'controller', 'programmable logic controller', 'plc cpu', 'cpu module'],
  'Safety controller': ['safety plc', 'safety controller', 'sis controller', 'safety instrumented system'],
  HMI: ['hmi', 'operator panel', 'touch panel', 'operator interface', 'human machine interface', 'panel pc'],
  'Engineering workstation': ['ews', 'engineering workstation', 'engineering station', 'engineering pc'],
  'Operator workstation': ['operator workstation', 'operator station', 'ows'],
  Historian: ['historian', 'data historian', 'process historian'],
  'SCADA server': ['scada server', 'scada', 'scada master'],
  RTU: ['rtu', 'remote terminal unit'],
  IED: ['ied', 'intelligent electronic device', 'protection relay', 'relay'],
  'I/O module': ['io module', 'i o module', 'remote io', 'remote i o', 'io', 'i o'],
  Drive: ['drive', 'vfd', 'variable frequency drive', 'frequency converter', 'inverter'],
  Switch: ['switch', 'network switch', 'ethernet switch', 'managed switch', 'industrial switch', 'switches'],
  Router: ['router', 'cellular router', 'industrial router'],
  Firewall: ['firewall', 'industrial firewall', 'ngfw'],
  Gateway: ['gateway', 'protocol gateway', 'protocol converter'],
  Server: ['server'],
  Workstation: ['workstation', 'desktop', 'pc', 'computer'],
  Printer: ['printer'],
  Camera: ['camera', 'ip camera', 'cctv camera'],
  Sensor: ['sensor', 'transmitter', 'field device', 'instrument'],
};
