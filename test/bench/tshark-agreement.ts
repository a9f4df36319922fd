/**
 * Agreement with tshark on a folder of real captures (the ITI/ICS-Security-Tools `pcaps/` set):
 * - counts: the capture's packet count and every TCP/UDP conversation's packet count equal tshark's;
 * - naming: for each conversation on which tshark ran an industrial dissector, the protocol we name.
 * Run: `npm run bench -- tshark-agreement` with CONDUIT_CAPTURES=<folder> (default /tmp/iti/pcaps).
 * Prints the figures and every disagreement, so a regression names its capture.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CaptureSummary } from '../../shared/traffic/analyzer';
import { analyzeFile } from '../unit/shared/traffic/read-file';
import {
  conversationKey,
  mergeByPair,
  runTshark,
  tsharkAvailable,
  tsharkProtocolsByConversation,
} from '../unit/shared/traffic/tshark';

/** tshark dissector (from frame.protocols) → the name we give; the most specific dissector first. */
const ICS_DISSECTORS: readonly (readonly [string, string])[] = [
  ['mbtcp', 'Modbus/TCP'],
  ['s7comm-plus', 'S7comm-plus'],
  ['s7comm', 'S7comm'],
  ['mms', 'MMS'],
  // ISO presentation on port 102 is MMS's carrier; tshark decodes it without MMS when it missed the start.
  ['pres', 'MMS'],
  ['cipio', 'CIP I/O'],
  ['enip', 'EtherNet/IP'],
  ['dnp3', 'DNP3'],
  ['bvlc', 'BACnet/IP'],
  ['opcua', 'OPC UA'],
  ['104apci', 'IEC 60870-5-104'],
  ['pn_io', 'PROFINET CM'],
  ['mqtt', 'MQTT'],
  ['omron', 'Omron FINS'],
  ['hart_ip', 'HART-IP'],
  ['synphasor', 'IEEE C37.118'],
  ['ams', 'Beckhoff ADS'],
  ['knxip', 'KNXnet/IP'],
  ['egd', 'GE EGD'],
  ['cotp', 'COTP'],
];

function captures(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...captures(path));
    else if (/\.(pcap|pcapng|cap)$/i.test(name)) found.push(path);
  }
  return found.sort();
}

function countsExact(summary: CaptureSummary, path: string): string | null {
  const tshark = runTshark(path);
  if (summary.packets !== tshark.packets) return `packets: tshark ${tshark.packets}, ours ${summary.packets}`;
  const theirs = mergeByPair(tshark.conversations);
  const ours = new Map(
    summary.flows.map((f) => [conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort), f]),
  );
  if (ours.size !== theirs.size) return `conversations: tshark ${theirs.size}, ours ${ours.size}`;
  for (const [key, row] of theirs) {
    const flow = ours.get(key);
    if (!flow || flow.packets !== row.packets)
      return `${key}: tshark ${row.packets}, ours ${flow?.packets ?? 'none'}`;
  }
  return null;
}

interface Naming {
  ics: number;
  agree: number;
  /** tshark stops at COTP (4.0 has no S7comm-plus dissector, and needs the session's start for MMS) where we name the payload. */
  deeper: number;
}

function naming(summary: CaptureSummary, path: string, misses: string[]): Naming {
  const ours = new Map(
    summary.flows.map((f) => [conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort), f]),
  );
  let ics = 0;
  let agree = 0;
  let deeper = 0;
  for (const [key, dissectors] of tsharkProtocolsByConversation(path)) {
    const want = ICS_DISSECTORS.find(([dissector]) => dissectors.has(dissector))?.[1];
    if (!want) continue;
    ics++;
    const got = ours.get(key)?.protocol ?? null;
    // tshark's COTP alone (a connection that never carried data) is what we call ISO-TSAP or COTP.
    if (got === want || (want === 'COTP' && got === 'ISO-TSAP')) agree++;
    else if (want === 'COTP' && (got === 'S7comm-plus' || got === 'MMS')) deeper++;
    else misses.push(`${key}: tshark ${want}, ours ${got ?? 'none'}`);
  }
  return { ics, agree, deeper };
}

async function main(): Promise<void> {
  if (!tsharkAvailable()) throw new Error('tshark is not installed');
  const folder = process.env.CONDUIT_CAPTURES ?? '/tmp/iti/pcaps';
  const files = captures(folder);
  let exact = 0;
  let ics = 0;
  let agree = 0;
  let deeper = 0;
  let warned = 0;
  for (const path of files) {
    const name = relative(folder, path);
    let summary: CaptureSummary;
    try {
      summary = await analyzeFile(path);
    } catch (error) {
      console.log(`  ${name}: not read: ${(error as Error).message}`);
      continue;
    }
    for (const warning of summary.warnings) console.log(`  ${name}: warning: ${warning}`);
    if (summary.warnings.length > 0) warned++;
    const countProblem = countsExact(summary, path);
    if (countProblem === null) exact++;
    else console.log(`  ${name}: counts differ: ${countProblem}`);
    const misses: string[] = [];
    const named = naming(summary, path, misses);
    ics += named.ics;
    agree += named.agree;
    deeper += named.deeper;
    for (const miss of misses) console.log(`  ${name}: naming: ${miss}`);
  }
  console.log(`captures: ${files.length} in ${folder}`);
  console.log(`counts exact: ${exact}/${files.length}`);
  console.log(`read with a warning (cut short): ${warned}`);
  console.log(`naming agrees: ${agree}/${ics} conversations tshark dissects as industrial`);
  console.log(`  of the others, ${deeper} are tshark stopping at COTP where we name S7comm-plus or MMS`);
}

await main();
