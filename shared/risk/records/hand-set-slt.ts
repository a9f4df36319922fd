import { z } from 'zod';
import { FR_IDS, securityLevel } from '../../model/common';

export const SLT_SOURCES = ['derived', 'manual'] as const;
export type SltSource = (typeof SLT_SOURCES)[number];

/**
 * Where a zone's or a conduit's SL-T comes from. A hand-set SL-T keeps the derived one beside it
 * (so going back to derived loses nothing) and is only valid with a level for every FR and a
 * justification: the same rule for both records.
 */
export const handSetSltFields = {
  sltSource: z.enum(SLT_SOURCES).default('derived'),
  /** FR1..FR7 as set by hand; kept when the source goes back to derived. */
  manualSlt: z.array(securityLevel).length(FR_IDS.length).nullable().default(null),
  justification: z.string().max(20_000).default(''),
};

interface HandSetSlt {
  sltSource: SltSource;
  manualSlt: number[] | null;
  justification: string;
}

export function withHandSetSltRules<S extends z.ZodType<HandSetSlt>>(schema: S): S {
  return schema
    .refine((r) => r.sltSource !== 'manual' || r.manualSlt !== null, {
      message: 'a hand-set SL-T needs a level for every FR',
      path: ['manualSlt'],
    })
    .refine((r) => r.sltSource !== 'manual' || r.justification.trim().length > 0, {
      message: 'a hand-set SL-T needs a justification',
      path: ['justification'],
    });
}
