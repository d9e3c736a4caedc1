/** Dates on screen are dd/mm/yyyy (DESIGN.md §5), whatever the language. */
export function formatDate(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getFullYear()}`;
}

/** HH:mm:ss, 24-hour, for "Đã lưu lúc …". */
export function formatTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** 8000 → "8.000" (Vietnamese thousands separator in both languages: the amounts are in đồng). */
export function formatVnd(amount: number): string {
  return new Intl.NumberFormat('vi-VN').format(amount);
}

/** `2026-03-05` → 05/03/2026. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}
