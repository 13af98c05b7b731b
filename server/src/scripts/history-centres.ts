import type { LocalizedText } from "@dost/shared";

/**
 * The 28 centres beyond the demo's three, for a national-scale history: DOST centres or planned
 * ones across Azerbaijan. Names follow the demo's pattern in three languages.
 */
const PLACES: [code: string, az: string, ru: string, en: string][] = [
  ["GANJA", "Gəncə", "Гянджа", "Ganja"],
  ["MINGACHEVIR", "Mingəçevir", "Мингечевир", "Mingachevir"],
  ["SHIRVAN", "Şirvan", "Ширван", "Shirvan"],
  ["LANKARAN", "Lənkəran", "Ленкорань", "Lankaran"],
  ["SHEKI", "Şəki", "Шеки", "Sheki"],
  ["YEVLAKH", "Yevlax", "Евлах", "Yevlakh"],
  ["NAKHCHIVAN", "Naxçıvan", "Нахчыван", "Nakhchivan"],
  ["GUBA", "Quba", "Губа", "Guba"],
  ["SHAMAKHI", "Şamaxı", "Шемаха", "Shamakhi"],
  ["GABALA", "Qəbələ", "Габала", "Gabala"],
  ["ZAGATALA", "Zaqatala", "Закатала", "Zagatala"],
  ["BARDA", "Bərdə", "Барда", "Barda"],
  ["AGHDASH", "Ağdaş", "Агдаш", "Aghdash"],
  ["SALYAN", "Salyan", "Сальян", "Salyan"],
  ["SABIRABAD", "Sabirabad", "Сабирабад", "Sabirabad"],
  ["IMISHLI", "İmişli", "Имишли", "Imishli"],
  ["JALILABAD", "Cəlilabad", "Джалилабад", "Jalilabad"],
  ["MASALLI", "Masallı", "Масаллы", "Masalli"],
  ["ASTARA", "Astara", "Астара", "Astara"],
  ["KHACHMAZ", "Xaçmaz", "Хачмаз", "Khachmaz"],
  ["GOYCHAY", "Göyçay", "Гейчай", "Goychay"],
  ["AGHJABADI", "Ağcabədi", "Агджабеди", "Aghjabadi"],
  ["TOVUZ", "Tovuz", "Товуз", "Tovuz"],
  ["GAZAKH", "Qazax", "Газах", "Gazakh"],
  ["SHAMKIR", "Şəmkir", "Шамкир", "Shamkir"],
  ["GORANBOY", "Goranboy", "Геранбой", "Goranboy"],
  ["KURDAMIR", "Kürdəmir", "Кюрдамир", "Kurdamir"],
  ["SHUSHA", "Şuşa", "Шуша", "Shusha"],
];

export const HISTORY_CENTRES: { code: string; name: LocalizedText }[] = PLACES.map(([code, az, ru, en]) => ({
  code,
  name: { az: `${az} DOST mərkəzi`, ru: `Центр DOST ${ru}`, en: `DOST Centre ${en}` },
}));
