import { z } from 'zod';
import { recordBase, uuid } from './common';
import { securityLevelTargetSchema } from './zone';

export const CONDUIT_CONTROLS = ['firewall', 'data-diode', 'jump-host', 'vpn'] as const;
export type ConduitControl = (typeof CONDUIT_CONTROLS)[number];
export const CONDUIT_CONTROL_LABELS: Record<ConduitControl, string> = {
  firewall: 'Firewall',
  'data-diode': 'Data diode',
  'jump-host': 'Jump host / remote-access gateway',
  vpn: 'VPN',
};

export const TRANSPORTS = ['tcp', 'udp', 'any'] as const;

/** One allowed service; ports are "502", "1000-2000" or "" (any port); protocol is free text or a known name. */
export const conduitServiceSchema = z.object({
  transport: z.enum(TRANSPORTS),
  ports: z
    .string()
    .trim()
    .regex(/^(\d{1,5}(-\d{1,5})?)?$/, 'a port is a number or a range like 1000-2000'),
  protocol: z.string().trim().max(100),
});
export type ConduitService = z.infer<typeof conduitServiceSchema>;

export const conduitSchema = z
  .object({
    ...recordBase,
    fromZoneId: uuid,
    toZoneId: uuid,
    name: z.string().max(200).default(''),
    direction: z.enum(['one-way', 'both']),
    services: z.array(conduitServiceSchema).max(500),
    /** Empty means "none". */
    controls: z.array(z.enum(CONDUIT_CONTROLS)).max(CONDUIT_CONTROLS.length),
    slt: securityLevelTargetSchema,
    notes: z.string().max(20_000),
    sourceHandle: z.string().max(50).nullable().default(null),
    targetHandle: z.string().max(50).nullable().default(null),
  })
  .refine((c) => c.fromZoneId !== c.toZoneId, {
    message: 'a conduit joins two different zones',
    path: ['toZoneId'],
  });
export type Conduit = z.infer<typeof conduitSchema>;
