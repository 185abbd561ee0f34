/**
 * Provinces for synthetic variants: the same plan issued by another People's Council is how
 * real resolutions repeat (every province passes a "Kế hoạch phát triển kinh tế - xã hội" each
 * year), so a variant takes another province's name and keeps every other word.
 */

/** Province names, written as resolutions write them. */
export const PROVINCES: readonly string[] = [
  'Hà Giang',
  'Bắc Kạn',
  'Lào Cai',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Yên Bái',
  'Hòa Bình',
  'Thái Nguyên',
  'Bắc Giang',
  'Phú Thọ',
  'Vĩnh Phúc',
  'Bắc Ninh',
  'Hải Dương',
  'Hưng Yên',
  'Thái Bình',
  'Hà Nam',
  'Nam Định',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Quảng Nam',
  'Quảng Ngãi',
  'Bình Định',
  'Khánh Hòa',
  'Ninh Thuận',
  'Bình Thuận',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Đắk Nông',
  'Lâm Đồng',
  'Bình Phước',
  'Tây Ninh',
  'Bình Dương',
  'Đồng Nai',
  'Long An',
  'Tiền Giang',
  'Bến Tre',
  'Trà Vinh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Kiên Giang',
  'Hậu Giang',
  'Sóc Trăng',
  'Bạc Liêu',
  'Cà Mau',
];

/** Escapes a literal for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name as a whole phrase, in one letter case: not inside a longer word. */
function phrase(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(name)}(?![\\p{L}\\p{M}])`, 'gu');
}

/** The text with a place name replaced, as written and in capitals (`QUẢNG NINH`). */
export function replacePlace(text: string, from: string, to: string): string {
  return text.replace(phrase(from), to).replace(phrase(from.toUpperCase()), to.toUpperCase());
}
