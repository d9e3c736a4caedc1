/** Five drawn faces (no emoji font needed): the mouth bends from sad (1) to happy (5). */
export function Face({ score }: { score: number }) {
  const curve = (score - 3) * 6;
  return (
    <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="3" fill="currentColor" />
      <circle cx="31" cy="19" r="3" fill="currentColor" />
      <path d={`M14 ${32 - curve / 2} Q24 ${32 + curve} 34 ${32 - curve / 2}`} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
