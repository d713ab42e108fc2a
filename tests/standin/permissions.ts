// Permission arithmetic as Discord does it: base role permissions, Administrator, then channel
// overwrites in the order @everyone → roles → member.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { PermissionsInput } from './types';

export const Flags = PermissionFlagsBits;
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

export function toBits(input: PermissionsInput | undefined, fallback = 0n): bigint {
  if (input === undefined) return fallback;
  if (typeof input === 'bigint') return input;
  if (typeof input === 'string') return /^\d+$/.test(input) ? BigInt(input) : flag(input);
  return input.reduce((acc, name) => acc | flag(name), 0n);
}

function flag(name: string): bigint {
  const bit = (PermissionFlagsBits as Record<string, bigint>)[name];
  if (bit === undefined) throw new Error(`Unknown permission flag "${name}"`);
  return bit;
}

export interface Overwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

export function computeChannelPermissions(opts: {
  guildId: string;
  ownerId: string;
  userId: string;
  memberRoleIds: string[];
  rolePermissions: Map<string, bigint>;
  overwrites: Overwrite[];
}): bigint {
  if (opts.userId === opts.ownerId) return ALL_PERMISSIONS;
  let base = opts.rolePermissions.get(opts.guildId) ?? 0n;
  for (const r of opts.memberRoleIds) base |= opts.rolePermissions.get(r) ?? 0n;
  if (base & Flags.Administrator) return ALL_PERMISSIONS;

  const find = (id: string) => opts.overwrites.find((o) => o.id === id);
  const apply = (o: Overwrite | undefined) => {
    if (o) base = (base & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(find(opts.guildId));
  let allow = 0n;
  let deny = 0n;
  for (const r of opts.memberRoleIds) {
    const o = opts.overwrites.find((x) => x.id === r && x.type === 0);
    if (o) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  base = (base & ~deny) | allow;
  apply(opts.overwrites.find((o) => o.id === opts.userId && o.type === 1));
  // Without View Channel nothing else in the channel applies.
  if (!(base & Flags.ViewChannel)) return 0n;
  return base;
}
