/**
 * A standfirst often lacks its full stop. Shown on its own that is fine, but run into the next summary
 * sentence it reads as one; renderers pass summary sentences through this before joining them.
 */
export function asSentence(text: string): string {
  const t = text.trimEnd();
  return t === '' || /[.!?…:;"'”’)\]]$/.test(t) ? t : `${t}.`;
}
