import { describe, expect, it } from "vitest";
import { Glossary, bylineEn, defaultGlossary as g } from "./translate";
import { UNTRANSLATED_EN } from "./types";

/** Real positions, bodies and ranks from central, provincial and district levels, with the exact English. */
const positions: [string, string][] = [
  // Central: the Party
  ["Tổng Bí thư", "General Secretary of the Communist Party of Vietnam"],
  ["Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "General Secretary of the Communist Party of Vietnam"],
  ["Ủy viên Bộ Chính trị", "Politburo Member"],
  ["Uỷ viên Bộ Chính trị", "Politburo Member"],
  ["Thường trực Ban Bí thư", "Standing Member of the Secretariat"],
  ["Bí thư Trung ương Đảng", "Secretary of the Party Central Committee"],
  ["Ủy viên Trung ương Đảng", "Member of the Party Central Committee"],
  ["Ủy viên Ban Chấp hành Trung ương Đảng", "Member of the Party Central Committee"],
  ["Ủy viên BCH Trung ương Đảng", "Member of the Party Central Committee"],
  ["Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", "Alternate Member of the Party Central Committee"],
  ["Trưởng ban Tổ chức Trung ương", "Head of the Organisation Department of the Party Central Committee"],
  ["Trưởng Ban Tuyên giáo Trung ương", "Head of the Propaganda Department of the Party Central Committee"],
  ["Trưởng ban Tuyên giáo và Dân vận Trung ương", "Head of the Propaganda and Mass Mobilisation Department of the Party Central Committee"],
  ["Phó Trưởng ban Dân vận Trung ương", "Deputy Head of the Mass Mobilisation Department of the Party Central Committee"],
  ["Trưởng ban Nội chính Trung ương", "Head of the Internal Affairs Department of the Party Central Committee"],
  ["Trưởng ban Đối ngoại Trung ương", "Head of the External Relations Department of the Party Central Committee"],
  ["Chủ nhiệm Ủy ban Kiểm tra Trung ương", "Chairman of the Central Inspection Commission"],
  ["Chánh Văn phòng Trung ương Đảng", "Chief of the Office of the Party Central Committee"],
  ["Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh", "Director of the Ho Chi Minh National Academy of Politics"],
  ["Phó Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh", "Deputy Director of the Ho Chi Minh National Academy of Politics"],
  ["Giám đốc Học viện Chính trị khu vực III", "Director of the Academy of Politics Region III"],
  ["Phó Giám đốc Học viện Chính trị khu vực I", "Deputy Director of the Academy of Politics Region I"],
  // Central: the State
  ["Chủ tịch nước", "President of Vietnam"],
  ["Phó Chủ tịch nước", "Vice President of Vietnam"],
  ["Thủ tướng Chính phủ", "Prime Minister"],
  ["Phó Thủ tướng Chính phủ", "Deputy Prime Minister"],
  ["Phó Thủ tướng Thường trực Chính phủ", "Permanent Deputy Prime Minister"],
  ["Chủ tịch Quốc hội", "Chairman of the National Assembly"],
  ["Phó Chủ tịch Quốc hội", "Vice Chairman of the National Assembly"],
  ["Phó Chủ tịch Thường trực Quốc hội", "Standing Vice Chairman of the National Assembly"],
  ["Tổng Thư ký Quốc hội", "Secretary General of the National Assembly"],
  ["Chủ nhiệm Văn phòng Quốc hội", "Chairman of the Office of the National Assembly"],
  ["Chủ tịch Hội đồng Dân tộc", "Chairman of the Council for Ethnic Affairs"],
  ["Chủ nhiệm Ủy ban Quốc phòng và An ninh", "Chairman of the Committee for National Defence and Security"],
  ["Chủ nhiệm Ủy ban Đối ngoại của Quốc hội", "Chairman of the Committee for External Relations of the National Assembly"],
  ["Chủ nhiệm Ủy ban Pháp luật", "Chairman of the Law Committee"],
  ["Chủ nhiệm Ủy ban Tài chính, Ngân sách", "Chairman of the Finance and Budget Committee"],
  ["Đại biểu Quốc hội", "National Assembly Deputy"],
  ["Bộ trưởng Bộ Công an", "Minister of Public Security"],
  ["Bộ trưởng Bộ Quốc phòng", "Minister of National Defence"],
  ["Bộ trưởng Bộ Ngoại giao", "Minister of Foreign Affairs"],
  ["Bộ trưởng Bộ Nội vụ", "Minister of Home Affairs"],
  ["Bộ trưởng Bộ Tư pháp", "Minister of Justice"],
  ["Bộ trưởng Bộ Tài chính", "Minister of Finance"],
  ["Bộ trưởng Bộ Kế hoạch và Đầu tư", "Minister of Planning and Investment"],
  ["Bộ trưởng Bộ Công Thương", "Minister of Industry and Trade"],
  ["Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", "Minister of Agriculture and Rural Development"],
  ["Bộ trưởng Bộ Nông nghiệp và Môi trường", "Minister of Agriculture and Environment"],
  ["Bộ trưởng Bộ Giao thông vận tải", "Minister of Transport"],
  ["Bộ trưởng Bộ Xây dựng", "Minister of Construction"],
  ["Bộ trưởng Bộ Tài nguyên và Môi trường", "Minister of Natural Resources and Environment"],
  ["Bộ trưởng Bộ Thông tin và Truyền thông", "Minister of Information and Communications"],
  ["Bộ trưởng Bộ Lao động - Thương binh và Xã hội", "Minister of Labour, Invalids and Social Affairs"],
  ["Bộ trưởng Bộ Lao động – Thương binh và Xã hội", "Minister of Labour, Invalids and Social Affairs"],
  ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "Minister of Culture, Sports and Tourism"],
  ["Bộ trưởng Bộ VH,TT&DL", "Minister of Culture, Sports and Tourism"],
  ["Bộ trưởng Bộ Khoa học và Công nghệ", "Minister of Science and Technology"],
  ["Bộ trưởng Bộ Giáo dục và Đào tạo", "Minister of Education and Training"],
  ["Bộ trưởng Bộ GD&ĐT", "Minister of Education and Training"],
  ["Bộ trưởng Bộ Y tế", "Minister of Health"],
  ["Bộ trưởng Bộ Dân tộc và Tôn giáo", "Minister of Ethnic and Religious Affairs"],
  ["Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Minister, Chairman of the Government Office"],
  ["Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", "Minister, Chairman of the Committee for Ethnic Minority Affairs"],
  ["Thứ trưởng Bộ Công an", "Deputy Minister of Public Security"],
  ["Thứ trưởng Bộ Quốc phòng", "Deputy Minister of National Defence"],
  ["Thứ trưởng Thường trực Bộ Ngoại giao", "Permanent Deputy Minister of Foreign Affairs"],
  ["Thứ trưởng Bộ Y tế", "Deputy Minister of Health"],
  ["Thống đốc Ngân hàng Nhà nước Việt Nam", "Governor of the State Bank of Vietnam"],
  ["Phó Thống đốc Ngân hàng Nhà nước", "Deputy Governor of the State Bank of Vietnam"],
  ["Tổng Thanh tra Chính phủ", "Government Inspector General"],
  ["Tổng Kiểm toán Nhà nước", "State Auditor General"],
  ["Chánh án Tòa án nhân dân tối cao", "Chief Justice of the Supreme People's Court"],
  ["Viện trưởng Viện Kiểm sát nhân dân tối cao", "Prosecutor General of the Supreme People's Procuracy"],
  ["Tổng cục trưởng Tổng cục Chính trị", "Director General of the General Political Department"],
  ["Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam", "Director of the General Political Department of the Vietnam People's Army"],
  ["Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam", "Chief of the General Staff of the Vietnam People's Army"],
  ["Tư lệnh Quân khu 3", "Commander of Military Region 3"],
  ["Chính ủy Quân khu 4", "Political Commissar of Military Region 4"],
  ["Tư lệnh Bộ đội Biên phòng", "Commander of the Border Guard"],
  ["Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Chairman of the Central Committee of the Vietnam Fatherland Front"],
  ["Chủ tịch Tổng Liên đoàn Lao động Việt Nam", "Chairman of the Vietnam General Confederation of Labour"],
  ["Chủ tịch Hội Nông dân Việt Nam", "Chairman of the Vietnam Farmers' Union"],
  ["Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam", "Chairman of the Vietnam Women's Union"],
  ["Chủ tịch Hội Cựu chiến binh Việt Nam", "Chairman of the Vietnam Veterans' Association"],
  ["Bí thư thứ nhất Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "First Secretary of the Ho Chi Minh Communist Youth Union Central Committee"],
  ["Tổng Giám đốc Đài Truyền hình Việt Nam", "Director General of Vietnam Television"],
  ["Tổng Giám đốc Thông tấn xã Việt Nam", "Director General of the Vietnam News Agency"],
  ["Tổng Biên tập Báo Nhân Dân", "Editor-in-Chief of the Nhân Dân newspaper"],
  ["Vụ trưởng Vụ Hợp tác quốc tế", "Director of the Department of International Cooperation"],
  ["Vụ trưởng Vụ Pháp chế, Bộ Nội vụ", "Director of the Department of Legal Affairs of the Ministry of Home Affairs"],
  ["Cục trưởng Cục An ninh mạng", `Director of the Cục An ninh mạng ${UNTRANSLATED_EN}`],
  // Provincial: the Party
  ["Bí thư Tỉnh ủy", "Secretary of the Provincial Party Committee"],
  ["Bí thư Tỉnh ủy Thái Bình", "Secretary of the Thái Bình Provincial Party Committee"],
  ["Phó Bí thư Thường trực Tỉnh ủy", "Standing Deputy Secretary of the Provincial Party Committee"],
  ["Phó Bí thư Tỉnh ủy", "Deputy Secretary of the Provincial Party Committee"],
  ["Ủy viên Ban Thường vụ Tỉnh ủy", "Member of the Standing Committee of the Provincial Party Committee"],
  ["Ủy viên BTV Tỉnh ủy", "Member of the Standing Committee of the Provincial Party Committee"],
  ["Tỉnh ủy viên", "Member of the Provincial Party Committee"],
  ["Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Member of the Provincial Party Executive Committee"],
  ["Trưởng ban Tuyên giáo Tỉnh ủy", "Head of the Propaganda Department of the Provincial Party Committee"],
  ["Phó Trưởng ban Tuyên giáo Tỉnh ủy", "Deputy Head of the Propaganda Department of the Provincial Party Committee"],
  ["Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy", "Standing Deputy Head of the Propaganda Department of the Provincial Party Committee"],
  ["Trưởng ban Tổ chức Tỉnh ủy", "Head of the Organisation Department of the Provincial Party Committee"],
  ["Trưởng ban Dân vận Tỉnh ủy", "Head of the Mass Mobilisation Department of the Provincial Party Committee"],
  ["Trưởng ban Nội chính Tỉnh ủy", "Head of the Internal Affairs Department of the Provincial Party Committee"],
  ["Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Chairman of the Inspection Committee of the Provincial Party Committee"],
  ["Chánh Văn phòng Tỉnh ủy", "Chief of the Office of the Provincial Party Committee"],
  ["Bí thư Thành ủy Hà Nội", "Secretary of the Hanoi Municipal Party Committee"],
  ["Phó Bí thư Thành ủy Thành phố Hồ Chí Minh", "Deputy Secretary of the Ho Chi Minh City Municipal Party Committee"],
  // Provincial: the State
  ["Chủ tịch UBND tỉnh", "Chairman of the Provincial People's Committee"],
  ["Chủ tịch Ủy ban nhân dân tỉnh", "Chairman of the Provincial People's Committee"],
  ["Chủ tịch UBND tỉnh Thái Bình", "Chairman of the Thái Bình Provincial People's Committee"],
  ["Phó Chủ tịch UBND tỉnh", "Vice Chairman of the Provincial People's Committee"],
  ["Phó Chủ tịch UBND tỉnh Nam Định", "Vice Chairman of the Nam Định Provincial People's Committee"],
  ["Phó Chủ tịch Thường trực UBND tỉnh", "Standing Vice Chairman of the Provincial People's Committee"],
  ["Chủ tịch HĐND tỉnh", "Chairman of the Provincial People's Council"],
  ["Phó Chủ tịch Hội đồng nhân dân tỉnh", "Vice Chairman of the Provincial People's Council"],
  ["Chủ tịch UBND thành phố Hà Nội", "Chairman of the Hanoi Municipal People's Committee"],
  ["Chủ tịch UBND TP. Hồ Chí Minh", "Chairman of the Ho Chi Minh City Municipal People's Committee"],
  ["Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Chairman of the Provincial Vietnam Fatherland Front Committee"],
  ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Bình", "Chairman of the Thái Bình Provincial Vietnam Fatherland Front Committee"],
  ["Trưởng Đoàn đại biểu Quốc hội tỉnh", "Head of the Provincial National Assembly Delegation"],
  ["Phó Trưởng Đoàn ĐBQH tỉnh Thái Bình", "Deputy Head of the Thái Bình Provincial National Assembly Delegation"],
  ["Chánh Văn phòng UBND tỉnh", "Chief of the Office of the Provincial People's Committee"],
  ["Giám đốc Sở Giáo dục và Đào tạo", "Director of the Department of Education and Training"],
  ["Giám đốc Sở GD&ĐT", "Director of the Department of Education and Training"],
  ["Phó Giám đốc Sở Giáo dục và Đào tạo", "Deputy Director of the Department of Education and Training"],
  ["Giám đốc Sở Giáo dục và Đào tạo tỉnh Thái Bình", "Director of the Thái Bình Department of Education and Training"],
  ["Giám đốc Sở Y tế", "Director of the Department of Health"],
  ["Giám đốc Sở Nội vụ", "Director of the Department of Home Affairs"],
  ["Giám đốc Sở Tư pháp", "Director of the Department of Justice"],
  ["Giám đốc Sở Tài chính", "Director of the Department of Finance"],
  ["Giám đốc Sở Kế hoạch và Đầu tư", "Director of the Department of Planning and Investment"],
  ["Giám đốc Sở Công Thương", "Director of the Department of Industry and Trade"],
  ["Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Director of the Department of Agriculture and Rural Development"],
  ["Giám đốc Sở Xây dựng", "Director of the Department of Construction"],
  ["Giám đốc Sở Tài nguyên và Môi trường", "Director of the Department of Natural Resources and Environment"],
  ["Giám đốc Sở Thông tin và Truyền thông", "Director of the Department of Information and Communications"],
  ["Giám đốc Sở Lao động - Thương binh và Xã hội", "Director of the Department of Labour, Invalids and Social Affairs"],
  ["Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Director of the Department of Culture, Sports and Tourism"],
  ["Giám đốc Sở Khoa học và Công nghệ", "Director of the Department of Science and Technology"],
  ["Giám đốc Sở Ngoại vụ", "Director of the Department of External Relations"],
  ["Giám đốc Sở Giao thông vận tải tỉnh Nam Định", "Director of the Nam Định Department of Transport"],
  ["Giám đốc Công an tỉnh", "Director of the Provincial Police"],
  ["Giám đốc Công an tỉnh Thái Bình", "Director of the Thái Bình Provincial Police"],
  ["Phó Giám đốc Công an tỉnh", "Deputy Director of the Provincial Police"],
  ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Commander of the Provincial Military Command"],
  ["Chính ủy Bộ Chỉ huy Quân sự tỉnh", "Political Commissar of the Provincial Military Command"],
  ["Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Commander of the Provincial Border Guard Command"],
  ["Phó Chỉ huy trưởng Bộ CHQS tỉnh", `Deputy Commander of the Bộ CHQS tỉnh ${UNTRANSLATED_EN}`],
  ["Chánh án Tòa án nhân dân tỉnh", "Chief Judge of the Provincial People's Court"],
  ["Chánh án TAND tỉnh", "Chief Judge of the Provincial People's Court"],
  ["Viện trưởng Viện Kiểm sát nhân dân tỉnh", "Chief Prosecutor of the Provincial People's Procuracy"],
  ["Viện trưởng VKSND tỉnh", "Chief Prosecutor of the Provincial People's Procuracy"],
  ["Chánh Thanh tra tỉnh", "Chief of the Provincial Inspectorate"],
  ["Chủ tịch Liên đoàn Lao động tỉnh", "Chairman of the Provincial Labour Federation"],
  ["Chủ tịch Hội Nông dân tỉnh", "Chairman of the Provincial Farmers' Association"],
  ["Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "Chairman of the Provincial Women's Union"],
  ["Chủ tịch Hội Cựu chiến binh tỉnh", "Chairman of the Provincial Veterans' Association"],
  ["Bí thư Tỉnh Đoàn", "Secretary of the Provincial Youth Union"],
  ["Giám đốc Đài Phát thanh và Truyền hình tỉnh", "Director of the Provincial Radio and Television Station"],
  ["Tổng Biên tập Báo Thái Bình", "Editor-in-Chief of the Thái Bình Newspaper"],
  ["Hiệu trưởng Trường Chính trị tỉnh", "Principal of the Provincial School of Politics"],
  ["Cục trưởng Cục Thuế tỉnh", "Director of the Provincial Tax Department"],
  ["Giám đốc Kho bạc Nhà nước tỉnh", "Director of the Provincial State Treasury"],
  ["Giám đốc Bảo hiểm xã hội tỉnh", "Director of the Provincial Social Insurance"],
  // District and commune
  ["Bí thư Huyện ủy", "Secretary of the District Party Committee"],
  ["Bí thư Huyện ủy Vũ Thư", "Secretary of the Vũ Thư District Party Committee"],
  ["Phó Bí thư Thường trực Huyện ủy", "Standing Deputy Secretary of the District Party Committee"],
  ["Huyện ủy viên", "Member of the District Party Committee"],
  ["Ủy viên Ban Thường vụ Huyện ủy", "Member of the Standing Committee of the District Party Committee"],
  ["Chủ tịch UBND huyện", "Chairman of the District People's Committee"],
  ["Chủ tịch UBND huyện Kiến Xương", "Chairman of the Kiến Xương District People's Committee"],
  ["Phó Chủ tịch UBND huyện Vũ Thư", "Vice Chairman of the Vũ Thư District People's Committee"],
  ["Chủ tịch HĐND huyện", "Chairman of the District People's Council"],
  ["Chủ tịch UBND quận Ba Đình", "Chairman of the Ba Đình District People's Committee"],
  ["Chủ tịch UBND thị xã", "Chairman of the Town People's Committee"],
  ["Bí thư Thị ủy", "Secretary of the Town Party Committee"],
  ["Bí thư Quận ủy", "Secretary of the District Party Committee"],
  ["Trưởng Công an huyện", "Head of the District Police"],
  ["Trưởng Công an huyện Vũ Thư", "Head of the Vũ Thư District Police"],
  ["Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", "Commander of the District Military Command"],
  ["Trưởng phòng Giáo dục và Đào tạo huyện", "Head of the District Division of Education and Training"],
  ["Trưởng phòng Nội vụ", "Head of the Division of Home Affairs"],
  ["Chánh Văn phòng Huyện ủy", "Chief of the Office of the District Party Committee"],
  ["Bí thư Đảng ủy xã", "Secretary of the Commune Party Committee"],
  ["Bí thư Đảng ủy xã Tân Hòa", "Secretary of the Tân Hòa Commune Party Committee"],
  ["Chủ tịch UBND xã", "Chairman of the Commune People's Committee"],
  ["Chủ tịch UBND phường Trần Hưng Đạo", "Chairman of the Trần Hưng Đạo Ward People's Committee"],
  ["Chủ tịch UBND thị trấn", "Chairman of the Township People's Committee"],
  ["Bí thư chi bộ", "Party Cell Secretary"],
  ["Trưởng thôn", "Village Head"],
  // Others
  ["Bí thư Đảng ủy", "Secretary of the Party Committee"],
  ["Hiệu trưởng", "Principal"],
  ["Phó Hiệu trưởng", "Vice Principal"],
  ["Phóng viên Báo Thái Bình", "Reporter of the Thái Bình Newspaper"],
  ["Đại sứ", "Ambassador"],
  // Several positions in one line
  ["Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an", "Politburo Member, Minister of Public Security"],
  ["Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "Deputy Secretary of the Provincial Party Committee, Chairman of the Provincial People's Committee"],
  ["Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh", "Secretary of the Provincial Party Committee, Chairman of the Provincial People's Council"],
  ["Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh", "Member of the Party Central Committee, Secretary of the Provincial Party Committee, Head of the Provincial National Assembly Delegation"],
  // Ranks written as positions
  ["Đại tướng", "General"],
  ["Thượng tướng", "Colonel General"],
  ["Trung tướng", "Lieutenant General"],
  ["Thiếu tướng", "Major General"],
  ["Đại tá", "Colonel"],
  ["Thượng tá", "Senior Lieutenant Colonel"],
  ["Trung tá", "Lieutenant Colonel"],
  ["Thiếu tá", "Major"],
  ["Đại úy", "Captain"],
  ["Phó Đô đốc", "Vice Admiral"],
  // Nothing known: kept, marked
  ["Chức vụ lạ", `Chức vụ lạ ${UNTRANSLATED_EN}`],
];

const honorifics: [string, string][] = [
  ["đồng chí", ""],
  ["Đồng chí", ""],
  ["đ/c", ""],
  ["ông", "Mr."],
  ["Bà", "Ms."],
  ["ngài", "H.E."],
  ["GS,TS", "Prof. Dr."],
  ["GS.TS.", "Prof. Dr."],
  ["GS.TS", "Prof. Dr."],
  ["GS. TS.", "Prof. Dr."],
  ["GS.TSKH", "Prof. Dr."],
  ["PGS.TS", "Assoc. Prof. Dr."],
  ["PGS.TS.", "Assoc. Prof. Dr."],
  ["PGS, TS", "Assoc. Prof. Dr."],
  ["TS.", "Dr."],
  ["TS", "Dr."],
  ["ThS.", ""],
  ["Đại tướng", "General"],
  ["Đại tướng, GS,TS", "General Prof. Dr."],
  ["Thượng tướng, PGS.TS", "Colonel General Assoc. Prof. Dr."],
  ["Thiếu tướng", "Major General"],
  ["Đại tá, TS.", "Colonel Dr."],
  ["NGND, GS.TS", "People's Teacher Prof. Dr."],
  ["NSND", "People's Artist"],
  ["Hòa thượng", "Most Venerable"],
  ["đồng chí Thiếu tướng", "Major General"],
];

const places: [string, string][] = [
  ["Hà Nội", "Hanoi"],
  ["thành phố Hà Nội", "Hanoi"],
  ["TP. Hồ Chí Minh", "Ho Chi Minh City"],
  ["Thành phố Hồ Chí Minh", "Ho Chi Minh City"],
  ["tỉnh Thái Bình", "Thái Bình province"],
  ["Tỉnh Nam Định", "Nam Định province"],
  ["Thái Bình", "Thái Bình"],
  ["huyện Vũ Thư", "Vũ Thư district"],
  ["thành phố Thái Bình", "Thái Bình city"],
  ["xã Tân Hòa", "Tân Hòa commune"],
  ["Việt Nam", "Vietnam"],
];

describe("the glossary translates real positions exactly", () => {
  it("has a table of at least 150 positions, ranks and bodies", () => {
    expect(positions.length + honorifics.length + places.length).toBeGreaterThanOrEqual(150);
    expect(positions.length).toBeGreaterThanOrEqual(150);
  });
  it.each(positions)("%s", (vi, en) => {
    expect(g.positionEn(vi).en).toBe(en);
  });
  it.each(honorifics)("honorific %s", (vi, en) => {
    expect(g.honorificEn(vi).en).toBe(en);
  });
  it.each(places)("place %s", (vi, en) => {
    expect(g.placeEn(vi)).toBe(en);
    expect(g.inPlace(vi)).toBe(`in ${en}`);
  });
});

describe("bodies and organisations", () => {
  it.each([
    ["Bộ Công an", "Ministry of Public Security"],
    ["UBND tỉnh Nam Định", "Nam Định Provincial People's Committee"],
    ["Ban Tuyên giáo Tỉnh ủy Thái Bình", "Propaganda Department of the Thái Bình Provincial Party Committee"],
    ["Sở Giáo dục và Đào tạo tỉnh Thái Bình", "Thái Bình Department of Education and Training"],
    ["Tỉnh ủy Thái Bình", "Thái Bình Provincial Party Committee"],
    ["Công an tỉnh", "Provincial Police"],
    ["Học viện Chính trị quốc gia Hồ Chí Minh", "Ho Chi Minh National Academy of Politics"],
  ])("%s", (vi, en) => {
    expect(g.organizationEn(vi)).toEqual({ en, untranslated: [] });
  });
  it("gives short headline forms and the place", () => {
    expect(g.bodyEn("Ban Tuyên giáo Tỉnh ủy Thái Bình")).toEqual({ en: "Propaganda Department of the Thái Bình Provincial Party Committee", short: "propaganda department", place: "Thái Bình" });
    expect(g.bodyEn("Sở Giáo dục và Đào tạo tỉnh Thái Bình")?.short).toBe("education department");
  });
  it("marks what it cannot translate and lists it", () => {
    expect(g.organizationEn("Công ty TNHH Minh Phát")).toEqual({ en: `Công ty TNHH Minh Phát ${UNTRANSLATED_EN}`, untranslated: ["Công ty TNHH Minh Phát"] });
    expect(g.positionEn("Giám đốc Học viện Kỹ thuật Quân sự")).toEqual({
      en: `Director of the Học viện Kỹ thuật Quân sự ${UNTRANSLATED_EN}`,
      untranslated: ["Học viện Kỹ thuật Quân sự"],
    });
    expect(g.honorificEn("Cụ")).toEqual({ en: `Cụ ${UNTRANSLATED_EN}`, untranslated: ["Cụ"] });
  });
});

describe("addresses", () => {
  it("puts ranks and degrees before the name and writes no 'Comrade'", () => {
    expect(g.addressEn({ honorific: "Đại tướng, GS,TS", name: "Tô Lâm", positions: ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"] })).toEqual({
      en: "General Prof. Dr. Tô Lâm, Politburo Member, Minister of Public Security",
      untranslated: [],
    });
    expect(g.addressEn({ honorific: "đồng chí", name: "Nguyễn Hồng Chuyên", positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"] }).en).toBe(
      "Nguyễn Hồng Chuyên, Head of the Propaganda Department of the Provincial Party Committee",
    );
    expect(g.addressEn({ honorific: "TS.", name: "Hoàng Văn Giang", positions: [] }).en).toBe("Dr. Hoàng Văn Giang");
  });
});

describe("venues", () => {
  it("translates halls, offices, streets and places", () => {
    expect(g.venueEn("Hội trường Tỉnh ủy Thái Bình")).toEqual({ en: "Hall of the Thái Bình Provincial Party Committee", untranslated: [], isPlace: false });
    expect(g.venueEn("Hội trường A, Trụ sở Tỉnh ủy, 12 Lê Lợi, TP. Thái Bình").en).toBe(
      "Hall A, Headquarters of the Provincial Party Committee, 12 Lê Lợi Street, Thái Bình city",
    );
    expect(g.venueEn("Hà Nội")).toEqual({ en: "Hanoi", untranslated: [], isPlace: true });
    expect(g.venueEn("Nhà văn hóa thôn Đông").untranslated).toEqual(["Nhà văn hóa thôn Đông"]);
  });
});

describe("an instance's own entries", () => {
  it("add terms and override built-in ones", () => {
    const own = new Glossary([
      { kind: "body", vi: "Học viện Kỹ thuật Quân sự", en: "Military Technical Academy" },
      { kind: "position", vi: "Hiệu trưởng", en: "Rector" },
    ]);
    expect(own.positionEn("Giám đốc Học viện Kỹ thuật Quân sự")).toEqual({ en: "Director of the Military Technical Academy", untranslated: [] });
    expect(own.positionEn("Hiệu trưởng").en).toBe("Rector");
  });
});

describe("byline", () => {
  it.each([
    ["Phóng viên Nguyễn Văn A", "By Nguyễn Văn A"],
    ["PV Minh Anh", "By Minh Anh"],
    ["Bài và ảnh: Đặng Anh", "By Đặng Anh"],
    ["Thu Hà", "By Thu Hà"],
  ])("%s", (vi, en) => {
    expect(bylineEn(vi)).toBe(en);
  });
});
