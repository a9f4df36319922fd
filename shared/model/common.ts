import { z } from 'zod';

/** The seven foundational requirements of IEC 62443-3-3. */
export const FR_IDS = ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'] as const;
export type FrId = (typeof FR_IDS)[number];
export const frIdSchema = z.enum(FR_IDS);

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const uuid = z.string().min(1).max(100);

/** Fields every stored record carries (DESIGN.md, Data model). */
export const recordBase = {
  id: uuid,
  assessmentId: uuid,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

export const securityLevel = z.number().int().min(0).max(4);
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');

export function nowIso(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}
