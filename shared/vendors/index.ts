export { VENDOR_ALIASES, canonicalVendor, canonicalVendors, vendorInText, vendorKey } from './vendor-aliases';
export { TYPE_ALIASES } from './type-aliases';
export { Normaliser, normaliseNames, typeKey, type AliasEdit, type AliasKind } from './normalise';
export { aliasId, foldAliasKeys, type AliasRecord } from './alias-records';
