import { z } from 'zod';

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
  /** Opens an http(s) link in the system browser, after validating it. */
  openExternal(url: string): Promise<boolean>;
}

export const DESKTOP_API_METHODS = [
  'openFiles',
  'saveFile',
  'getSigningIdentity',
  'createSigningKey',
  'sign',
  'deleteSigningKey',
  'openExternal',
] as const satisfies readonly (keyof DesktopApi)[];
export type DesktopApiMethod = (typeof DESKTOP_API_METHODS)[number];

/** IPC channel of each method. */
export const ipcChannel = (method: DesktopApiMethod): string => `conduit:${method}`;

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
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

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*.-]{1,20}$/)).max(30),
});

export const openFilesOptionsSchema = z.object({
  title: z.string().max(200).optional(),
  multiple: z.boolean().optional(),
  filters: z.array(fileFilterSchema).max(20).optional(),
});
export type OpenFilesOptions = z.infer<typeof openFilesOptionsSchema>;

/** 2 GiB: the largest file a save may carry over IPC. */
export const MAX_SAVE_BYTES = 2 ** 31;

export const saveFileOptionsSchema = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
  filters: z.array(fileFilterSchema).max(20).optional(),
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength <= MAX_SAVE_BYTES, 'the file is too large to save'),
});
export type SaveFileOptions = z.infer<typeof saveFileOptionsSchema>;

export interface SaveResult {
  saved: boolean;
  /** Where it was saved, when the host knows (Electron). */
  path?: string;
}

export const createSigningKeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  organization: z.string().trim().max(200),
  email: z.email('a valid email is required').max(320),
  /** Used to encrypt the key where the OS offers no keychain. */
  passphrase: z.string().min(8, 'a passphrase has at least 8 characters').max(1024).optional(),
});
export type CreateSigningKeyRequest = z.infer<typeof createSigningKeyRequestSchema>;

export const signRequestSchema = z.object({
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength <= 64 * 1024 * 1024, 'at most 64 MiB can be signed'),
  passphrase: z.string().max(1024).optional(),
});
export type SignRequest = z.infer<typeof signRequestSchema>;

export const openExternalSchema = z.string().max(2048);

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
