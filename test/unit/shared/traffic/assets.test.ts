import { describe, expect, it } from 'vitest';
import { analyzeBytes } from './read-file';
import {
  arpFrame,
  ethernetFrame,
  ipv4Packet,
  pcapFile,
  TCP,
  tcpSegment,
  type SyntheticPacket,
} from './synthetic';

const PLC = '000e8c112233'; // Siemens
const HMI = '001b21445566'; // Intel
const ROUTER = '00000c123456'; // Cisco
const REMOTE_PC = '0050568899aa'; // VMware: never seen directly, only behind the router

function tcp(
  src: string,
  dst: string,
  srcMac: string,
  dstMac: string,
  sp: number,
  dp: number,
  flags: number,
  ttl: number,
) {
  return ethernetFrame(dstMac, srcMac, 0x0800, ipv4Packet(src, dst, 6, tcpSegment(sp, dp, flags), ttl));
}

describe('assets from traffic', () => {
  it('binds MACs from ARP and same-subnet traffic, never a gateway MAC to the IPs behind it', async () => {
    const packets: SyntheticPacket[] = [];
    let time = 1_700_000_000;
    const add = (data: Uint8Array) => packets.push({ time: time++, data });
    // HMI polls the PLC on one /24: both MACs are their own.
    add(tcp('10.0.0.5', '10.0.0.20', HMI, PLC, 50000, 502, TCP.syn, 128));
    add(tcp('10.0.0.20', '10.0.0.5', PLC, HMI, 502, 50000, TCP.syn | TCP.ack, 30));
    // Four engineering hosts in another subnet reach the PLC through the router (TTL already decremented),
    // and one whose TTL happens to look unrouted: its frames still carry the router's MAC.
    for (const [i, ttl] of [127, 63, 127, 63, 64].entries()) {
      add(tcp(`192.168.7.${i + 1}`, '10.0.0.20', ROUTER, PLC, 40000 + i, 102, TCP.syn, ttl));
    }
    // The router announces its own address by ARP: that binding holds even though it fronts many IPs.
    add(arpFrame(ROUTER, '10.0.0.1', '10.0.0.20', 2));
    // A host seen only by ARP.
    add(arpFrame(REMOTE_PC.replace('005056', '001b1b'), '10.0.0.30', '10.0.0.1', 1));
    const summary = await analyzeBytes(pcapFile(packets));
    const byIp = Object.fromEntries(summary.assets.map((a) => [a.ip, a]));
    expect(Object.keys(byIp)).toEqual([
      '10.0.0.1',
      '10.0.0.5',
      '10.0.0.20',
      '10.0.0.30',
      '192.168.7.1',
      '192.168.7.2',
      '192.168.7.3',
      '192.168.7.4',
      '192.168.7.5',
    ]);
    expect(byIp['10.0.0.1']).toMatchObject({
      mac: '00:00:0c:12:34:56',
      vendor: 'Cisco Systems, Inc',
      role: null,
    });
    expect(byIp['10.0.0.5']).toMatchObject({
      mac: '00:1b:21:44:55:66',
      vendor: 'Intel Corporate',
      role: 'client',
    });
    expect(byIp['10.0.0.20']).toMatchObject({
      mac: '00:0e:8c:11:22:33',
      vendor: 'Siemens AG',
      protocols: ['ISO-TSAP', 'Modbus/TCP'],
      role: 'server',
    });
    expect(byIp['10.0.0.30']).toMatchObject({ mac: '00:1b:1b:88:99:aa', vendor: 'Siemens AG', role: null });
    for (let i = 1; i <= 5; i++) {
      expect(byIp[`192.168.7.${i}`]).toMatchObject({
        mac: null,
        vendor: null,
        protocols: ['ISO-TSAP'],
        role: 'client',
      });
    }
  });

  it('does not trust proxy ARP: one MAC answering for many addresses', async () => {
    const packets = [1, 2, 3, 4].map((i) => ({
      time: i,
      data: arpFrame(ROUTER, `10.0.5.${i}`, '10.0.0.20', 2),
    }));
    const summary = await analyzeBytes(pcapFile(packets));
    expect(summary.assets.map((a) => [a.ip, a.mac])).toEqual([
      ['10.0.5.1', null],
      ['10.0.5.2', null],
      ['10.0.5.3', null],
      ['10.0.5.4', null],
    ]);
  });
});
