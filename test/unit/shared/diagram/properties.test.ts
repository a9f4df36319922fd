import { describe, expect, it } from 'vitest';
import {
  replaceService,
  reversedPatch,
  splitLines,
  withControl,
  zoneKindPatch,
} from '../../../../shared/diagram';
import type { ConduitService } from '../../../../shared/model';

describe('the properties panel’s edits', () => {
  it('a new kind brings its usual Purdue level, unless the assessor had chosen another', () => {
    // A cell/area zone sits at level 2 by default, a DMZ at 3.5.
    expect(zoneKindPatch({ kind: 'cell', purdueLevel: 2 }, 'dmz')).toEqual({ kind: 'dmz', purdueLevel: 3.5 });
    expect(zoneKindPatch({ kind: 'cell', purdueLevel: 1 }, 'dmz')).toEqual({ kind: 'dmz', purdueLevel: 1 });
  });

  it('controls turn on in the catalogue’s order and off without disturbing the rest', () => {
    expect(withControl(['vpn'], 'firewall', true)).toEqual(['firewall', 'vpn']);
    expect(withControl(['firewall', 'jump-host', 'vpn'], 'jump-host', false)).toEqual(['firewall', 'vpn']);
    expect(withControl(['firewall'], 'firewall', true)).toEqual(['firewall']);
  });

  it('reverses a conduit’s ends', () => {
    expect(reversedPatch({ fromZoneId: 'a', toZoneId: 'b' })).toEqual({ fromZoneId: 'b', toZoneId: 'a' });
  });

  it('replaces or removes one service of the list', () => {
    const list: ConduitService[] = [
      { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
      { transport: 'udp', ports: '123', protocol: 'NTP' },
    ];
    const https = { transport: 'tcp', ports: '443', protocol: 'HTTPS' } as const;
    expect(replaceService(list, 1, https)).toEqual([list[0], https]);
    expect(replaceService(list, 0, null)).toEqual([list[1]]);
    expect(list).toHaveLength(2);
  });

  it('reads ranges one a line, or separated by commas or semicolons', () => {
    expect(splitLines(' 10.1.0.0/24\n\nfd00::/64 ; 10.2.0.1-10.2.0.9,')).toEqual([
      '10.1.0.0/24',
      'fd00::/64',
      '10.2.0.1-10.2.0.9',
    ]);
  });
});
