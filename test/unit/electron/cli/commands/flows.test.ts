import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { analyzeCapture } from '../../../../../shared/traffic/analyzer';
import { blobChunks } from '../../../../../shared/traffic/blob-chunks';
import { FIXTURES } from '../../../shared/traffic/read-file';

const workDir = mkdtempSync(join(tmpdir(), 'conduit-cli-flows-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('cli flows', () => {
  it('prints one JSON object with packets, flows, assets and layer-2 frames', async () => {
    const { code, stdout, stderr } = await cli('flows', join(FIXTURES, 'dnp3_test_data_part1.pcap'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['packets', 'warnings', 'flows', 'assets', 'l2']);
    expect(out.warnings).toEqual([]);
    expect(out.packets).toBe(181);
    expect(out.flows).toContainEqual({
      a: '10.0.0.8',
      aPort: 2789,
      b: '10.0.0.3',
      bPort: 20000,
      transport: 'tcp',
      server: 'b',
      protocol: 'DNP3',
      recognizedBy: 'payload',
      packets: 13,
      bytes: 863,
      firstSeen: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      lastSeen: expect.any(String),
    });
    expect(out.assets).toContainEqual({
      ip: '10.0.0.3',
      mac: '00:02:b3:ce:70:51',
      vendor: 'Intel Corporation',
      protocols: ['DNP3'],
      role: 'server',
    });
    expect(out.l2).toEqual([]);
  });

  it('reads a capture handed over as a Blob, as a Worker would', async () => {
    const bytes = readFileSync(join(FIXTURES, 'iec61850_mms_goose.pcap'));
    const progress: number[] = [];
    const fromBlob = await analyzeCapture(blobChunks(new Blob([bytes])), {
      onProgress: (consumed) => progress.push(consumed),
    });
    const fromFile = await analyzeCapture([bytes]);
    expect(fromBlob).toEqual(fromFile);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = readFileSync(join(FIXTURES, 'dnp3_test_data_part1.pcap'));
    await expect(analyzeCapture([bytes], { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('reads a gzipped capture the same as the plain one', async () => {
    const gz = join(workDir, 'goose.pcap.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, 'iec61850_mms_goose.pcap'))));
    const plain = await cli('flows', join(FIXTURES, 'iec61850_mms_goose.pcap'));
    const zipped = await cli('flows', gz);
    expect(zipped.code).toBe(0);
    expect(zipped.stdout).toBe(plain.stdout);
  });

  it('exits 2 with a one-line reason for an unreadable capture', async () => {
    const garbage = join(workDir, 'inventory.pcap');
    writeFileSync(garbage, 'ip,name\n10.0.0.1,plc\n');
    const truncated = join(workDir, 'cut.pcap');
    writeFileSync(truncated, readFileSync(join(FIXTURES, 'dnp3_test_data_part1.pcap')).subarray(0, 10));
    const cases: [string, RegExp][] = [
      [join(workDir, 'missing.pcap'), /missing\.pcap: no such file$/],
      [workDir, /is a directory|not a regular file/],
      [garbage, /inventory\.pcap: not a capture file: unknown magic number 69 70 2c 6e/],
      [
        truncated,
        /cut\.pcap: truncated file: the pcap file header needs a 24-byte header but only 10 remain/,
      ],
    ];
    for (const [file, reason] of cases) {
      const { code, stdout, stderr } = await cli('flows', file);
      expect(code, file).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n'), file).toHaveLength(1);
      expect(stderr.trimEnd()).toMatch(reason);
    }
  });

  it('reads a capture cut short mid-record up to the cut, like tshark: exit 0, a warning on stderr and in the JSON', async () => {
    // `head -c 5000` of a real capture: the cut falls inside a packet record.
    const cut = join(workDir, 'head-5000.pcap');
    execFileSync('sh', ['-c', `head -c 5000 "$0" > "$1"`, join(FIXTURES, 'dnp3_test_data_part1.pcap'), cut]);
    const { code, stdout, stderr } = await cli('flows', cut);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { packets: number; warnings: string[] };
    const tshark = spawnSync('tshark', ['-n', '-r', cut, '-T', 'fields', '-e', 'frame.number'], {
      encoding: 'utf8',
    });
    // tshark reads the packets before the cut and says it was cut short in the middle of a packet.
    expect(tshark.stderr).toMatch(/cut short in the middle of a packet/);
    const tsharkPackets = tshark.stdout.split('\n').filter((line) => line.trim() !== '').length;
    expect(tsharkPackets).toBeGreaterThan(0);
    expect(out.packets).toBe(tsharkPackets);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(
      new RegExp(
        `^the capture is cut short at byte \\d+: pcap record ${tsharkPackets + 1} at byte \\d+ needs \\d+ bytes but only \\d+ remain; the ${tsharkPackets} packets before the cut were read$`,
      ),
    );
    expect(stderr).toBe(`${cut}: warning: ${out.warnings[0]}\n`);
  });

  it('works as `npm run -s cli -- flows`, with stdout holding only the JSON', () => {
    const file = join(FIXTURES, 'profinet_dcp_ChangeIPUsingDCP.pcap');
    const stdout = execFileSync('npm', ['run', '-s', 'cli', '--', 'flows', file], { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toMatchObject({
      packets: 6,
      flows: [],
      l2: [{ protocol: 'PROFINET DCP' }, { protocol: 'PROFINET DCP' }],
    });
    const failed = spawnSync('npm', ['run', '-s', 'cli', '--', 'flows', join(workDir, 'nothing.pcap')], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(2);
    expect(failed.stderr.trim()).toMatch(/nothing\.pcap: no such file/);
  });
});
