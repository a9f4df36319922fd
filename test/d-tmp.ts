import { readFileSync } from 'node:fs';
import { decodeIndex, parseRange, parseVersion, rangeContains, tokenizeProduct, matchProduct, canonicalVendors } from '../shared/advisories';
const index = decodeIndex(new Uint8Array(readFileSync('/work/wt/match/assets/advisories/index.json.gz')));
const [id, vendor, model, fw] = process.argv.slice(2);
const a = index.advisories.find((x) => x.id === id)!;
console.log('asset vendors', canonicalVendors(vendor!), 'tokens', JSON.stringify(tokenizeProduct(model!)));
for (const p of a.products.slice(0, 12)) {
  const r = p.versions ? parseRange(p.versions) : null;
  console.log(`[${p.vendor}] ${canonicalVendors(p.vendor)} name="${p.name}" ver=${JSON.stringify(p.versions)} range=${JSON.stringify(r).slice(0, 150)} fw=${fw} -> ${r ? rangeContains(r, parseVersion(fw ?? '')) : '-'} A${p.affected} F${p.fixed} N${p.notAffected}`);
  console.log('   ptokens', JSON.stringify(tokenizeProduct(`${p.family} ${p.name}`, new Set(), p.modelNumbers)), matchProduct(tokenizeProduct(model!), tokenizeProduct(`${p.family} ${p.name}`, new Set(), p.modelNumbers)));
}
