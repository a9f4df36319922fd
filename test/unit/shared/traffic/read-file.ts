import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeCapture, type CaptureSummary } from '../../../../shared/traffic/analyzer';
import { OuiTable } from '../../../../shared/traffic/oui';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/traffic/', import.meta.url));
export const OUI_TABLE = fileURLToPath(new URL('../../../../assets/oui/oui.txt.gz', import.meta.url));

export const SAMPLES = [
  'mixed_modbus_s7_enip_mb2.pcap',
  's7commplus_V13_1200_TP1200sim_Timer_sync.pcapng',
  'enip_EIP-ChangeDateAttempt.pcap',
  'dnp3_test_data_part1.pcap',
  'iec61850_mms_goose.pcap',
  'profinet_dcp_ChangeIPUsingDCP.pcap',
  // From ITI/ICS-Security-Tools pcaps/ (CC BY 4.0 via ITI): IEC61850/MMS - Specific Commands/mms-readRequest.pcap,
  // IEC61850/8d7c7db0-9804-012b-b2a6-0016cb8cea27.pcap and hart/hart_ip.pcap.
  'mms_on_cotp_readRequest.pcap',
  'mms_tpkt_split_segments.pcap',
  'hart_ip.pcap',
] as const;

let oui: OuiTable | null = null;
export function ouiTable(): OuiTable {
  oui ??= OuiTable.fromGzip(readFileSync(OUI_TABLE));
  return oui;
}

/** Streams a file from disk through the analyzer in chunks of the given size. */
export function analyzeFile(path: string, chunkSize = 64 * 1024): Promise<CaptureSummary> {
  return analyzeCapture(createReadStream(path, { highWaterMark: chunkSize }), { oui: ouiTable() });
}

/** Analyzes bytes held in memory, cut into chunks of the given size. */
export function analyzeBytes(bytes: Uint8Array, chunkSize = bytes.length || 1): Promise<CaptureSummary> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return analyzeCapture(chunks, { oui: ouiTable() });
}
