/**
 * The one interface between the UI and its host. Electron's preload exposes exactly these
 * methods as `window.desktop`; the browser build implements the same interface itself.
 * Everything crossing it is structured-clone friendly.
 */
export interface DesktopApi {
  /** Lets the user pick files; resolves to [] when cancelled. */
  openFiles(options: OpenFilesOptions): Promise<PickedFile[]>;
  /** Lets the user choose where to save; resolves to false when cancelled. */
  saveFile(options: SaveFileOptions): Promise<SaveResult>;
  /** The stored signing identity, or null when none has been created. */
  getSigningIdentity(): Promise<SigningIdentity | null>;
  /** Creates (replacing any other) the Ed25519 signing key and returns its public identity. */
  createSigningKey(request: CreateSigningKeyRequest): Promise<SigningIdentity>;
  /** Signs bytes with the stored private key (raw Ed25519, 64 bytes). The key never leaves the host. */
  sign(request: SignRequest): Promise<Uint8Array>;
  /** Forgets the stored signing key. */
  deleteSigningKey(): Promise<void>;
  /**
   * Writes the signing key, encrypted under a passphrase, to a file the user picks. The host
   * encrypts it; the plain key never reaches the page. The browser host cannot (its key is
   * non-extractable) and rejects.
   */
  backupSigningKey(request: BackupSigningKeyRequest): Promise<SaveResult>;
  /** Decrypts a backup to show what it holds, without storing anything. */
  inspectKeyBackup(request: RestoreKeyBackupRequest): Promise<KeyBackupPreview>;
  /** Replaces the stored signing key with the one in a backup. */
  restoreSigningKey(request: RestoreKeyBackupRequest): Promise<SigningIdentity>;
  /** Opens an http(s) link in the system browser, after validating it. */
  openExternal(url: string): Promise<boolean>;
  /**
   * Opens a SHA-256 stream in the host's native hash and returns its id; null when the host has
   * none (the browser, where a worker hashes with WebAssembly instead).
   */
  openSha256(): Promise<string | null>;
  /** Adds bytes (at most MAX_HASH_CHUNK a call) to an open stream. */
  updateSha256(request: Sha256Update): Promise<void>;
  /** Ends a stream: its digest, as lowercase hex. */
  digestSha256(id: string): Promise<string>;
}

export const DESKTOP_API_METHODS = [
  'openFiles',
  'saveFile',
  'getSigningIdentity',
  'createSigningKey',
  'sign',
  'deleteSigningKey',
  'backupSigningKey',
  'inspectKeyBackup',
  'restoreSigningKey',
  'openExternal',
  'openSha256',
  'updateSha256',
  'digestSha256',
] as const satisfies readonly (keyof DesktopApi)[];
export type DesktopApiMethod = (typeof DESKTOP_API_METHODS)[number];

/** IPC channel of each method. */
export const ipcChannel = (method: DesktopApiMethod): string => `conduit:${method}`;

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface OpenFilesOptions {
  title?: string;
  multiple?: boolean;
  filters?: FileFilter[];
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileOptions {
  title?: string;
  suggestedName: string;
  filters?: FileFilter[];
  data: Uint8Array;
}

export interface SaveResult {
  saved: boolean;
  /** Where it was saved, when the host knows (Electron). */
  path?: string;
}

export interface Sha256Update {
  id: string;
  chunk: Uint8Array;
}

export interface CreateSigningKeyRequest {
  name: string;
  organization: string;
  email: string;
  /** Used to encrypt the key where the OS offers no keychain. */
  passphrase?: string;
}

export interface SignRequest {
  data: Uint8Array;
  /** Needed when the key is protected by a passphrase. */
  passphrase?: string;
}

export interface BackupSigningKeyRequest {
  /** Encrypts the backup file. */
  passphrase: string;
  /** Unlocks the stored key when it is protected by a passphrase rather than the keychain. */
  keyPassphrase?: string;
}

export interface RestoreKeyBackupRequest {
  /** The backup file as picked (it holds only encrypted key material). */
  file: PickedFile;
  passphrase: string;
}

export interface KeyBackupPreview {
  identity: Omit<SigningIdentity, 'protection'>;
  /** The fingerprint of the key a restore would replace, or null when there is none. */
  replaces: string | null;
}

export interface SigningIdentity {
  name: string;
  organization: string;
  email: string;
  /** OpenSSH public key line: "ssh-ed25519 AAAA... email". */
  publicKey: string;
  /** "SHA256:..." as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  createdAt: string;
  /** How the private key is protected on this host. */
  protection: 'os-keychain' | 'passphrase' | 'webcrypto-non-extractable';
}

/** An http(s) URL with a host and no credentials: the only kind handed to the system browser. */
export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname.length > 0 &&
    url.username === '' &&
    url.password === ''
  );
}
