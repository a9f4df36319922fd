export * from './build';
export * from './verify';
export * from './sshsig';
export * from './ssh-key';
export * from './manifest';
export * from './names';
export { formatAllowedSigners, parseAllowedSigners } from './allowed-signers';
export { formatSha256Sums, parseSha256Sums } from './sha256sums';
export { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipLimits } from './zip-read';
