import type { Answers, ProcedureDefinition } from '../procedure';
import { isShown, ownValue } from './conditions';

type Fee = ProcedureDefinition['fees'][number];
type PerUnit = NonNullable<Fee['perUnit']>;

export interface FeeLine {
  label: string;
  amountVnd: number;
  /** Not 'fixed': `amountVnd` is a placeholder (set by the province's HĐND, or not verified). */
  amountSource: 'fixed' | 'provincial_council' | 'unverified';
  note?: string | undefined;
}

export interface FeeQuote {
  /** Sum of the known amounts. */
  totalVnd: number;
  lines: FeeLine[];
  /** Some fee that applies has no known amount here (set by the province, or unverified): say so. */
  hasUnknownAmounts: boolean;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Cost of `units` units under the tiers (each unit priced by the last tier that starts at or before it). */
export function tieredCost(units: number, tiers: PerUnit['tiers']): number {
  const sorted = [...tiers].sort((a, b) => a.fromUnit - b.fromUnit);
  let total = 0;
  sorted.forEach((tier, i) => {
    const last = i + 1 < sorted.length ? sorted[i + 1]!.fromUnit - 1 : units;
    const n = Math.max(0, Math.min(units, last) - tier.fromUnit + 1);
    total += n * tier.amountVndPerUnit;
  });
  return total;
}

function perUnitAmount(rule: PerUnit, answers: Answers): number {
  const one = (scope: unknown): number => {
    const perTime = tieredCost(count(ownValue(scope, rule.unitsQuestion)), rule.tiers);
    const capped = rule.maxVndPerTime === undefined ? perTime : Math.min(perTime, rule.maxVndPerTime);
    const times = rule.timesQuestion === undefined ? 1 : count(ownValue(scope, rule.timesQuestion));
    return capped * times;
  };
  if (rule.group === undefined) return one(answers);
  const items = ownValue(answers, rule.group);
  return Array.isArray(items) ? items.reduce<number>((sum, item) => sum + one(item), 0) : 0;
}

/**
 * The fees for a dossier filed through `channel`: every fee of the channel whose `appliesIf` holds,
 * fixed amounts plus per-unit parts (chứng thực bản sao: per page, capped per copy, times copies).
 */
export function computeFees(definition: ProcedureDefinition, answers: Answers, channel: 'in_person' | 'online', today?: string): FeeQuote {
  const lines: FeeLine[] = definition.fees
    .filter((fee) => fee.channel === 'any' || fee.channel === channel)
    .filter((fee) => isShown(fee.appliesIf, answers, today))
    .map((fee) => ({
      label: fee.label,
      amountVnd: fee.amountVnd + (fee.perUnit ? perUnitAmount(fee.perUnit, answers) : 0),
      amountSource: fee.amountSource ?? 'fixed',
      note: fee.note,
    }));
  return {
    totalVnd: lines.reduce((sum, line) => sum + line.amountVnd, 0),
    lines,
    hasUnknownAmounts: lines.some((line) => line.amountSource !== 'fixed'),
  };
}
