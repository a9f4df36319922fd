import { z } from 'zod';
import type {
  BackupSigningKeyRequest,
  RestoreKeyBackupRequest,
  CreateSigningKeyRequest,
  OpenFilesOptions,
  SaveFileOptions,
  SignRequest,
} from './bridge';

/** zod schemas for every DesktopApi payload: the Electron host validates each IPC call with them. */
const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*.-]{1,20}$/)).max(30),
});

export const openFilesOptionsSchema = z.object({
  title: z.string().max(200).optional(),
  multiple: z.boolean().optional(),
  filters: z.array(fileFilterSchema).max(20).optional(),
});

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

/** 16 MiB: the most bytes one updateSha256 call carries. */
export const MAX_HASH_CHUNK = 16 * 1024 * 1024;

export const sha256IdSchema = z.uuid();

export const sha256UpdateSchema = z.object({
  id: sha256IdSchema,
  chunk: z
    .instanceof(Uint8Array)
    .refine((c) => c.byteLength <= MAX_HASH_CHUNK, 'a hash chunk is at most 16 MiB'),
});

export const createSigningKeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  organization: z.string().trim().max(200),
  email: z.email('a valid email is required').max(320),
  /** Used to encrypt the key where the OS offers no keychain. */
  passphrase: z.string().min(8, 'a passphrase has at least 8 characters').max(1024).optional(),
});

export const signRequestSchema = z.object({
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength <= 16 * 1024 * 1024, 'only a SHA256SUMS file (at most 16 MiB) can be signed'),
  passphrase: z.string().max(1024).optional(),
});

/** The shortest passphrase a signing-key backup accepts. */
export const MIN_BACKUP_PASSPHRASE = 12;

export const backupSigningKeyRequestSchema = z.object({
  passphrase: z
    .string()
    .min(MIN_BACKUP_PASSPHRASE, `a backup passphrase has at least ${MIN_BACKUP_PASSPHRASE} characters`)
    .max(1024),
  keyPassphrase: z.string().max(1024).optional(),
});

export const restoreKeyBackupRequestSchema = z.object({
  file: z.object({
    name: z.string().min(1).max(255),
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= 64 * 1024, 'a key backup is at most 64 KiB'),
  }),
  passphrase: z.string().min(1, 'enter the passphrase of the backup').max(1024),
});

export const openExternalSchema = z.string().max(2048);

// Compile-time checks that what the schemas accept is what the bridge's payload types describe.
type Accepts<Schema extends z.ZodType, Payload> = z.infer<Schema> extends Payload ? true : false;
const _openFiles: Accepts<typeof openFilesOptionsSchema, OpenFilesOptions> = true;
const _saveFile: Accepts<typeof saveFileOptionsSchema, SaveFileOptions> = true;
const _createKey: Accepts<typeof createSigningKeyRequestSchema, CreateSigningKeyRequest> = true;
const _sign: Accepts<typeof signRequestSchema, SignRequest> = true;
const _backup: Accepts<typeof backupSigningKeyRequestSchema, BackupSigningKeyRequest> = true;
const _restore: Accepts<typeof restoreKeyBackupRequestSchema, RestoreKeyBackupRequest> = true;
void [_openFiles, _saveFile, _createKey, _sign, _backup, _restore];
