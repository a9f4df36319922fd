import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../../shared/traffic/analyzer';
import { analyzeFile, FIXTURES, SAMPLES } from './read-file';
import { conversationKey, tsharkAvailable, tsharkFrameCount, tsharkProtocolsByConversation } from './tshark';

const hasTshark = tsharkAvailable();
const summaries = new Map<string, CaptureSummary>();

beforeAll(async () => {
  for (const file of SAMPLES) summaries.set(file, await analyzeFile(join(FIXTURES, file)));
});

function flowsNamed(file: string, protocol: string) {
  return summaries.get(file)!.flows.filter((f) => f.protocol === protocol);
}

describe('protocols named on the real captures', () => {
  it('the plant mix: Modbus/TCP, S7comm, EtherNet/IP by payload; PROFINET DCP and LLDP at layer 2', () => {
    const file = 'mixed_modbus_s7_enip_mb2.pcap';
    const byPayload = (protocol: string) =>
      flowsNamed(file, protocol).filter((f) => f.recognizedBy === 'payload');
    expect(byPayload('Modbus/TCP')).toHaveLength(14);
    expect(byPayload('S7comm')).toHaveLength(14);
    expect(byPayload('EtherNet/IP')).toHaveLength(4);
    const summary = summaries.get(file)!;
    expect(summary.l2.filter((l) => l.protocol === 'PROFINET DCP' && l.ethertype === 0x8892)).toHaveLength(4);
    expect(summary.l2.find((l) => l.protocol === 'LLDP')).toMatchObject({ ethertype: 0x88cc, frames: 5 });
    // A Siemens PLC serving S7comm, a Rockwell adapter serving EtherNet/IP, a Schneider PLC serving Modbus.
    const asset = (ip: string) => summary.assets.find((a) => a.ip === ip);
    expect(asset('141.81.0.14')).toMatchObject({
      vendor: 'Siemens AG',
      protocols: ['S7comm'],
      role: 'server',
    });
    expect(asset('141.81.0.23')).toMatchObject({
      vendor: 'Rockwell Automation',
      protocols: ['EtherNet/IP'],
      role: 'server',
    });
    expect(asset('141.81.0.26')).toMatchObject({
      vendor: 'Schneider Electric',
      protocols: ['Modbus/TCP'],
      role: 'server',
    });
    expect(asset('141.81.0.10')).toMatchObject({ role: 'both' });
    // MS SQL's TDS on 1433 must not pass for EtherNet/IP.
    expect(
      summary.flows.filter((f) => f.bPort === 1433 || f.aPort === 1433).every((f) => f.protocol === 'MS SQL'),
    ).toBe(true);
  });

  it('S7comm-plus on the S7-1200 pcapng', () => {
    const flows = summaries.get('s7commplus_V13_1200_TP1200sim_Timer_sync.pcapng')!.flows;
    expect(flows).toHaveLength(2);
    for (const flow of flows) {
      expect(flow).toMatchObject({
        b: '192.168.1.191',
        bPort: 102,
        server: 'b',
        protocol: 'S7comm-plus',
        recognizedBy: 'payload',
      });
    }
  });

  it('EtherNet/IP', () => {
    expect(summaries.get('enip_EIP-ChangeDateAttempt.pcap')!.flows).toEqual([
      expect.objectContaining({
        bPort: 44818,
        server: 'b',
        protocol: 'EtherNet/IP',
        recognizedBy: 'payload',
        packets: 351,
      }),
    ]);
  });

  it('DNP3, with the outstation on 20000 as the server', () => {
    const flows = summaries.get('dnp3_test_data_part1.pcap')!.flows;
    expect(flows).toHaveLength(8);
    for (const flow of flows) {
      expect(flow).toMatchObject({
        b: '10.0.0.3',
        bPort: 20000,
        server: 'b',
        protocol: 'DNP3',
        recognizedBy: 'payload',
      });
    }
  });

  it('IEC 61850: MMS by payload, GOOSE at layer 2 from the ABB IED', () => {
    const summary = summaries.get('iec61850_mms_goose.pcap')!;
    expect(
      flowsNamed('iec61850_mms_goose.pcap', 'MMS').filter((f) => f.recognizedBy === 'payload'),
    ).toHaveLength(5);
    expect(summary.l2.find((l) => l.src === '00:00:23:06:30:fe')).toMatchObject({
      protocol: 'GOOSE',
      ethertype: 0x88b8,
      frames: 32,
    });
    expect(summary.assets.find((a) => a.mac === '00:00:23:06:30:fe')).toMatchObject({
      ip: '172.16.201.2',
      protocols: ['MMS', 'NTP'],
    });
    for (const protocol of ['SMB', 'NTP', 'SNMP'])
      expect(flowsNamed('iec61850_mms_goose.pcap', protocol).length).toBeGreaterThan(0);
  });

  it('MMS straight on COTP, with no session or presentation layer', () => {
    expect(summaries.get('mms_on_cotp_readRequest.pcap')!.flows).toEqual([
      expect.objectContaining({ bPort: 102, server: 'b', protocol: 'MMS', recognizedBy: 'payload' }),
    ]);
  });

  it('MMS whose TPKT headers come in their own 4-byte TCP segments', () => {
    expect(summaries.get('mms_tpkt_split_segments.pcap')!.flows).toEqual([
      expect.objectContaining({
        a: '10.101.1.2',
        aPort: 1089,
        bPort: 102,
        protocol: 'MMS',
        recognizedBy: 'payload',
      }),
    ]);
  });

  it('HART-IP: the session opened on UDP 5094 and answered from 5095 is followed', () => {
    const hart = flowsNamed('hart_ip.pcap', 'HART-IP');
    const ports = hart.map((f) => [f.aPort, f.bPort].sort((x, y) => x - y).join('/')).sort();
    expect(ports).toContain('5094/49559');
    expect(ports).toContain('5095/49905');
    const answered = hart.find((f) => f.aPort === 5095 || f.bPort === 5095)!;
    expect(answered).toMatchObject({ recognizedBy: 'payload', packets: 23 });
  });

  it('PROFINET DCP only, no IP flows', () => {
    const summary = summaries.get('profinet_dcp_ChangeIPUsingDCP.pcap')!;
    expect(summary.flows).toEqual([]);
    expect(summary.l2).toEqual([
      {
        src: '00:0c:29:ba:09:ea',
        dst: '08:00:06:93:cf:32',
        ethertype: 0x8892,
        protocol: 'PROFINET DCP',
        frames: 2,
      },
      {
        src: '08:00:06:93:cf:32',
        dst: '00:0c:29:ba:09:ea',
        ethertype: 0x8892,
        protocol: 'PROFINET DCP',
        frames: 2,
      },
    ]);
    // The DCP Set moved the Siemens station from .6 to .10; its ARP announced both, from one MAC.
    expect(summary.assets).toEqual([
      { ip: '192.168.0.6', mac: '08:00:06:93:cf:32', vendor: 'SIEMENS AG', protocols: [], role: null },
      { ip: '192.168.0.10', mac: '08:00:06:93:cf:32', vendor: 'SIEMENS AG', protocols: [], role: null },
    ]);
  });
});

/**
 * Our protocol name -> the tshark dissectors (any of them) that must appear in the same conversation.
 * MMS: tshark decodes ISO presentation without MMS when it missed the association's start.
 */
const TSHARK_DISSECTOR: Record<string, string> = {
  'Modbus/TCP': 'mbtcp',
  S7comm: 's7comm',
  'EtherNet/IP': 'enip',
  DNP3: 'dnp3',
  MMS: 'mms|pres',
  'HART-IP': 'hart_ip',
  SMB: 'smb',
  NTP: 'ntp',
  SNMP: 'snmp',
};

describe.runIf(hasTshark)('protocols agree with tshark, conversation by conversation', () => {
  for (const file of SAMPLES) {
    it(file, () => {
      const theirs = tsharkProtocolsByConversation(join(FIXTURES, file));
      for (const [protocol, dissector] of Object.entries(TSHARK_DISSECTOR)) {
        const ours = summaries
          .get(file)!
          .flows.filter((f) => f.protocol === protocol && f.recognizedBy !== 'port')
          .map((f) => conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort))
          .sort();
        const tshark = [...theirs]
          .filter(([, set]) => dissector.split('|').some((name) => set.has(name)))
          .map(([key]) => key)
          .sort();
        expect(ours, `${protocol} (${dissector})`).toEqual(tshark);
      }
      const l2 = summaries.get(file)!.l2;
      const frames = (protocol: string) =>
        l2.filter((l) => l.protocol === protocol).reduce((n, l) => n + l.frames, 0);
      expect(frames('GOOSE')).toBe(tsharkFrameCount(join(FIXTURES, file), 'goose'));
      expect(frames('PROFINET DCP')).toBe(tsharkFrameCount(join(FIXTURES, file), 'pn_dcp'));
      expect(frames('LLDP')).toBe(tsharkFrameCount(join(FIXTURES, file), 'lldp'));
    });
  }
});
