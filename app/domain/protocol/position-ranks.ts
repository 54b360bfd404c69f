/**
 * The default table of position ranks for Vietnamese state protocol. Lower rank = higher precedence.
 * Central offices come before provincial ones, provincial before district; within a level the usual order
 * of the Party, the State and the Fatherland Front. It is a proposal: each event can reorder by hand, and
 * the table itself is data (an instance can supply its own). English renderings live in the glossary
 * (app/domain/glossary).
 *
 * `match` is tested against the position folded for search (no diacritics, lower case, single spaces).
 */
export interface PositionRank {
  match: RegExp;
  rank: number;
  level: "central" | "provincial" | "district" | "other";
}

export const defaultPositionRanks: PositionRank[] = [
  // Central
  { match: /^tong bi thu\b/, rank: 1, level: "central" },
  { match: /^chu tich nuoc\b/, rank: 2, level: "central" },
  { match: /^thu tuong chinh phu\b/, rank: 3, level: "central" },
  { match: /^chu tich quoc hoi\b/, rank: 4, level: "central" },
  { match: /^pho chu tich nuoc\b/, rank: 8, level: "central" },
  { match: /^uy vien bo chinh tri\b/, rank: 10, level: "central" },
  { match: /^chu tich (uy ban trung uong )?mat tran to quoc viet nam\b(?!.*tinh)/, rank: 11, level: "central" },
  { match: /^bi thu trung uong dang\b/, rank: 12, level: "central" },
  { match: /^pho thu tuong\b/, rank: 14, level: "central" },
  { match: /^pho chu tich quoc hoi\b/, rank: 14, level: "central" },
  { match: /^uy vien (ban chap hanh )?trung uong dang\b/, rank: 16, level: "central" },
  { match: /^truong ban .* trung uong\b/, rank: 18, level: "central" },
  { match: /^bo truong\b/, rank: 20, level: "central" },
  { match: /^pho truong ban .* trung uong\b/, rank: 28, level: "central" },
  { match: /^thu truong\b/, rank: 30, level: "central" },
  { match: /^tong cuc truong\b/, rank: 35, level: "central" },
  { match: /^(vu truong|cuc truong)\b/, rank: 40, level: "central" },
  { match: /^(pho vu truong|pho cuc truong|pho tong cuc truong)\b/, rank: 45, level: "central" },
  // Provincial
  { match: /^bi thu tinh uy\b/, rank: 100, level: "provincial" },
  { match: /^pho bi thu thuong truc tinh uy\b/, rank: 104, level: "provincial" },
  { match: /^pho bi thu tinh uy\b/, rank: 106, level: "provincial" },
  { match: /^chu tich (hoi dong nhan dan|hdnd) tinh\b/, rank: 108, level: "provincial" },
  { match: /^chu tich (uy ban nhan dan|ubnd) tinh\b/, rank: 109, level: "provincial" },
  { match: /^chu tich (uy ban )?mat tran to quoc viet nam tinh\b/, rank: 112, level: "provincial" },
  { match: /^pho chu tich (hoi dong nhan dan|hdnd) tinh\b/, rank: 119, level: "provincial" },
  { match: /^pho chu tich (uy ban nhan dan|ubnd) tinh\b/, rank: 120, level: "provincial" },
  { match: /^pho chu tich .*tinh\b/, rank: 121, level: "provincial" },
  { match: /^uy vien ban thuong vu tinh uy\b/, rank: 130, level: "provincial" },
  { match: /^giam doc cong an tinh\b/, rank: 135, level: "provincial" },
  { match: /^chi huy truong bo chi huy quan su tinh\b/, rank: 135, level: "provincial" },
  { match: /^truong ban (.*) tinh uy\b/, rank: 140, level: "provincial" },
  { match: /^chi huy truong bo chi huy bo doi bien phong tinh\b/, rank: 145, level: "provincial" },
  { match: /^(tinh uy vien|uy vien ban chap hanh dang bo tinh)\b/, rank: 150, level: "provincial" },
  { match: /^(chanh van phong tinh uy|chanh van phong (uy ban nhan dan|ubnd) tinh)\b/, rank: 158, level: "provincial" },
  { match: /^giam doc so\b/, rank: 160, level: "provincial" },
  { match: /^pho giam doc cong an tinh\b/, rank: 165, level: "provincial" },
  { match: /^pho chi huy truong bo chi huy (quan su|bo doi bien phong) tinh\b/, rank: 165, level: "provincial" },
  { match: /^chinh uy bo chi huy (quan su|bo doi bien phong) tinh\b/, rank: 136, level: "provincial" },
  { match: /^pho truong ban (.*) tinh uy\b/, rank: 170, level: "provincial" },
  { match: /^pho giam doc so\b/, rank: 175, level: "provincial" },
  // District
  { match: /^bi thu (huyen|thanh pho|thi xa|quan) uy\b/, rank: 300, level: "district" },
  { match: /^pho bi thu (thuong truc )?(huyen|thanh pho|thi xa|quan) uy\b/, rank: 305, level: "district" },
  { match: /^chu tich (hoi dong nhan dan|hdnd) (huyen|thanh pho|thi xa|quan)\b/, rank: 308, level: "district" },
  { match: /^chu tich (uy ban nhan dan|ubnd) (huyen|thanh pho|thi xa|quan)\b/, rank: 310, level: "district" },
  { match: /^pho chu tich (uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) (huyen|thanh pho|thi xa|quan)\b/, rank: 320, level: "district" },
  { match: /^(truong phong|chanh van phong)\b/, rank: 350, level: "district" },
  // Military and police ranks (cấp bậc hàm), when they are all that is known of a person: they stand before the
  // name (as honorific) or among the positions. A general officer ranks with central department heads; a colonel
  // with a provincial department deputy. A position, when known, usually ranks better and wins.
  { match: /^dai tuong\b/, rank: 21, level: "central" },
  { match: /^thuong tuong\b/, rank: 31, level: "central" },
  { match: /^trung tuong\b/, rank: 38, level: "central" },
  { match: /^thieu tuong\b/, rank: 42, level: "central" },
  { match: /^dai ta\b/, rank: 176, level: "provincial" },
  { match: /^thuong ta\b/, rank: 185, level: "provincial" },
  { match: /^trung ta\b/, rank: 330, level: "district" },
  { match: /^thieu ta\b/, rank: 340, level: "district" },
  // Other common ones
  { match: /^hieu truong\b/, rank: 400, level: "other" },
  { match: /^pho hieu truong\b/, rank: 410, level: "other" },
];
