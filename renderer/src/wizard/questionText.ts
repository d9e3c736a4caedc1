import type { TFunction } from 'i18next';
import type { AskedQuestion, GroupQuestion } from './pages';

/** "Người mẹ" for the only item of a group, "Người con 2" for the second of several. */
export function itemCaption(group: GroupQuestion, index: number, t: TFunction): string {
  return group.maxItems === 1 ? group.itemLabel : t('wizard.itemNumber', { item: group.itemLabel, number: index + 1 });
}

export function captionOf(asked: AskedQuestion, t: TFunction): string | undefined {
  return asked.group ? itemCaption(asked.group.question, asked.group.index, t) : undefined;
}

/** The question as one line: "Người mẹ — Họ, chữ đệm, tên". */
export function fullLabel(asked: AskedQuestion, t: TFunction): string {
  const caption = captionOf(asked, t);
  return caption ? `${caption} — ${asked.question.label}` : asked.question.label;
}
