import type { Service } from "@dost/shared";

/**
 * Folds case and the letters a tablet keyboard may lack: "emek" finds "əmək", "issiz" finds
 * "İşsiz", "елка" finds "ёлка".
 */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase("az")
    .replace(/ə/g, "e")
    .replace(/ı/g, "i")
    .replace(/ё/g, "е")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

const wordsOf = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The services a volunteer's words describe, in any of the three languages at once (a visitor may
 * say "pension" to an Azerbaijani volunteer): every word typed must begin a word of the service's
 * name in some language, or be its code or ticket prefix. Catalogue order is kept; no words, all.
 */
export function findServices(services: readonly Service[], query: string): Service[] {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [...services];
  return services.filter((service) => {
    const words = [
      ...wordsOf(service.name.az),
      ...wordsOf(service.name.ru),
      ...wordsOf(service.name.en),
      ...wordsOf(service.code),
    ];
    const prefix = service.prefix.toLowerCase();
    return wanted.every((w) => w === prefix || words.some((word) => word.startsWith(w)));
  });
}
