export { CaptureError } from './errors';
export type { RawPacket, PacketSink } from './packet';
export { CaptureReader, type CaptureFormat } from './reader';
export { blobChunks } from './blob-chunks';
export {
  DecodedPacket,
  decodePacket,
  formatIpv4,
  formatIpv6,
  formatMac,
  LINKTYPE,
  ETHERTYPE,
} from './decode';
export { classifyPayload, protocolForPort, PROTOCOLS, type Transport, type ProtocolSpec } from './protocols';
export { FlowState, type Recognition } from './flows';
export { l2Protocol } from './l2';
export { OuiTable, buildCompactOuiText } from './oui';
export {
  CaptureAnalyzer,
  analyzeCapture,
  type CaptureSummary,
  type CaptureFlow,
  type CaptureAsset,
  type CaptureL2,
  type AnalyzerOptions,
} from './analyzer';
