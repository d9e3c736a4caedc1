import type { LeafQuestion } from '../../../../electron/contract/procedure';

export interface QuestionFieldProps<Q extends LeafQuestion = LeafQuestion> {
  /** The answer's path; its DOM id is `pathDomId(path)`. */
  path: string;
  question: Q;
  /** Which item of a group the question is about ("Người mẹ"), shown before the question. */
  caption?: string | undefined;
  /** Marked "(không bắt buộc)". */
  optional: boolean;
  value: unknown;
  onChange(value: unknown): void;
  error?: string | undefined;
  /** Kiosk: the question is the page's `<h1>`. */
  asPageHeading: boolean;
}
