import { describe, expect, it } from 'vitest';
import { AdvisoryMatcher, matchAssets } from '../../../../shared/advisories';
import type { AliasEdit } from '../../../../shared/vendors';
import { shippedIndex } from './helpers';

const ewonCosy = { id: 'a1', vendor: 'HMS Ind. Netw.', model: 'eWON Cosy 131', firmware: '13.2' };
const ids = (matches: { advisoryId: string }[] | undefined) => (matches ?? []).map((m) => m.advisoryId);

describe('the assessor’s vendor aliases in advisory matching', () => {
  it('match an asset whose vendor only the assessor’s alias names', () => {
    const builtIn = new AdvisoryMatcher(shippedIndex().advisories);
    expect(ids(builtIn.match(ewonCosy))).not.toContain('ICSA-20-098-03');
    const aliases: AliasEdit[] = [{ kind: 'vendor', spelling: 'HMS Ind. Netw.', canonical: 'HMS Networks' }];
    const edited = new AdvisoryMatcher(shippedIndex().advisories, new Set(), aliases);
    expect(ids(edited.match(ewonCosy))).toEqual(['ICSA-20-098-03']);
  });

  it('apply to the advisories’ vendor names too, and through a matching run', () => {
    const asset = { ...ewonCosy, vendor: 'HMS Industrial Networks' };
    const aliases: AliasEdit[] = [
      { kind: 'vendor', spelling: 'HMS Networks', canonical: 'HMS Industrial Networks' },
      { kind: 'type', spelling: 'HMS Networks', canonical: 'Gateway' },
    ];
    expect(ids(matchAssets(shippedIndex(), new Set(), [asset])!.get('a1'))).not.toContain('ICSA-20-098-03');
    const run = matchAssets(shippedIndex(), new Set(), [asset], { vendorAliases: aliases })!;
    expect(ids(run.get('a1'))).toContain('ICSA-20-098-03');
  });
});
