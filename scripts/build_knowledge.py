#!/usr/bin/env python3
"""Build rolegraph's knowledge files from the gazetteer source tables.

Usage (from the repository root):

    python3 scripts/build_knowledge.py ../shared/data/gazetteer-sources

Writes, under Sources/RoleGraphKnowledge/Resources/knowledge/:
    organizations.tsv  central_organisations.tsv + curated list below
    locations.tsv      provinces_34.tsv / provinces_63_to_34.tsv (MIT) + curated countries
    surnames.tsv       surnames_freq.tsv (MIT, counts only) + curated surnames
    persons.tsv        politician_office_terms.tsv (CC BY-SA 4.0, Vietnamese Wikipedia)

Every file: UTF-8 NFC, new-style tone marks, LF, `#` header comments, then
`id<TAB>type<TAB>name<TAB>variants<TAB>attributes`, rows sorted by id.
The output is deterministic; the script validates what it wrote and exits
non-zero on any problem.  Only the Python standard library is used.
"""

import csv
import os
import re
import sys
import unicodedata
from collections import OrderedDict, defaultdict

HEADER = "id\ttype\tname\tvariants\tattributes"
OUT_DIR = os.path.join("Sources", "RoleGraphKnowledge", "Resources", "knowledge")
ATTR_ORDER = ["kind", "canonical", "match", "terms", "local", "from", "to", "successor", "count", "wiki", "source"]

# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # huyền sắc hỏi ngã nặng
# old-style placement: tone on the second vowel of an open `oa`, `oe`, `uy` syllable
# (hoà → hòa, khoẻ → khỏe, uỷ → ủy, Thuỵ → Thụy); `qu` + y keeps the tone on y (quý).
_TONED = "".join(unicodedata.normalize("NFC", b + t) for b in "aeyAEY" for t in sorted(_TONES))
_OLD_TONE_RE = re.compile(r"(?<![qQ])([oOuU])([" + _TONED + r"])(?!\w)")


def _move_tone(m):
    first, second = m.group(1), m.group(2)
    if first in "uU" and unicodedata.normalize("NFD", second)[0] not in "yY":
        return m.group(0)  # ua/ue are not old-style pairs
    if first in "oO" and unicodedata.normalize("NFD", second)[0] not in "aAeE":
        return m.group(0)
    base, tone = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    return unicodedata.normalize("NFC", first + tone) + base


def norm(s):
    """NFC, new-style tone marks, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00d0", "\u0110")  # Ð (Icelandic eth) → Đ
    s = _OLD_TONE_RE.sub(_move_tone, s)
    s = re.sub(r"\s+", " ", s).strip()
    return unicodedata.normalize("NFC", s)


def slug(s):
    s = unicodedata.normalize("NFD", norm(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in body]


def split_list(s, sep="; "):
    return [x.strip() for x in s.split(sep) if x.strip()] if s else []


# --------------------------------------------------------------------------------------------
# Entries
# --------------------------------------------------------------------------------------------

class Entry:
    def __init__(self, type_, name, variants=(), **attrs):
        self.type = type_
        self.name = norm(name)
        self.variants = []
        self.add_variants(variants)
        self.attrs = {k: v for k, v in attrs.items() if v not in (None, "")}
        self.id = None

    def add_variants(self, variants):
        seen = {self.name} | set(self.variants)
        for v in variants:
            v = norm(v)
            if v and v not in seen:
                self.variants.append(v)
                seen.add(v)

    def remove_variant(self, v):
        v = norm(v)
        self.variants = [x for x in self.variants if x != v]

    def line(self):
        attrs = "; ".join(f"{k}={self.attrs[k]}" for k in ATTR_ORDER if k in self.attrs)
        return "\t".join([self.id, self.type, self.name, " | ".join(self.variants), attrs])


PREFIX = {"organization": "org", "location": "loc", "surname": "surname", "person": "person", "name-word": "word"}


def assign_ids(entries, tiebreak=lambda e: e.name):
    """Ids from slugs; clashes get -2, -3 … in a deterministic order."""
    groups = defaultdict(list)
    for e in entries:
        groups[f"{PREFIX[e.type]}:{slug(e.name)}"].append(e)
    taken = set(groups)
    for base in sorted(groups):
        for i, e in enumerate(sorted(groups[base], key=tiebreak)):
            if i == 0:
                e.id = base
                continue
            n = i + 1
            while f"{base}-{n}" in taken:
                n += 1
            e.id = f"{base}-{n}"
            taken.add(e.id)


def write_file(path, comments, entries):
    entries = sorted(entries, key=lambda e: e.id)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(("# " + c).rstrip() + "\n")
        f.write(HEADER + "\n")
        for e in entries:
            f.write(e.line() + "\n")


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------

CSV_KIND = {
    "party_leading_body": "party",
    "party_central_organ": "party",
    "party_central_unit": "party",
    "party_committee_directly_under_CC": "party",
    "party_committee": "party",
    "state_body": "state",
    "state_office": "state",
    "front": "front",
    "ministry": "ministry",
    "ministry_level_agency": "ministry",
}
# rows of central_organisations.tsv whose kind is more specific than their type
CSV_KIND_OVERRIDE = {
    "Báo Nhân Dân": "media",
    "Tạp chí Cộng sản": "media",
    "Tòa án nhân dân tối cao": "court",
}
# aliases of a source row that name a different organisation; they go to that one instead
CSV_ALIAS_MOVE = {
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam"): "Mặt trận Tổ quốc Việt Nam",
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam"): "Mặt trận Tổ quốc Việt Nam",
}

# extra surface forms for source rows (common abbreviations and spellings)
CSV_EXTRA_VARIANTS = {
    "Ban Chấp hành Trung ương Đảng": ["BCH Trung ương Đảng"],
    "Văn phòng Trung ương Đảng": ["Văn phòng Trung ương"],
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": [
        "Ủy ban Trung ương MTTQ Việt Nam", "UBTƯ MTTQ", "UBTW MTTQ Việt Nam", "Ủy ban TƯ MTTQ Việt Nam",
        "UB Trung ương MTTQ Việt Nam", "Ủy ban MTTQ Việt Nam"],
    "Ủy ban Thường vụ Quốc hội": ["UBTV Quốc hội", "Ủy ban Thường vụ QH"],
    "Tòa án nhân dân tối cao": ["TANDTC", "Tòa án tối cao"],
    "Viện kiểm sát nhân dân tối cao": ["VKSNDTC", "Viện Kiểm sát nhân dân tối cao"],
    "Kiểm toán Nhà nước": ["KTNN"],
    "Thanh tra Chính phủ": ["TTCP"],
    "Học viện Chính trị quốc gia Hồ Chí Minh": ["Học viện CTQG Hồ Chí Minh"],
    "Báo Nhân Dân": ["Nhân Dân điện tử", "Nhandan.vn"],
    "Tạp chí Cộng sản": ["Tapchicongsan.org.vn"],
    "Bộ Giáo dục và Đào tạo": ["Bộ Giáo dục - Đào tạo"],
    "Bộ Nông nghiệp và Phát triển nông thôn": ["Bộ NN và PTNT"],
}
# successors of source rows that ended (public facts of the 2025 reorganisation)
CSV_SUCCESSOR = {
    "Ban Kinh tế Trung ương": "Ban Chính sách, chiến lược Trung ương",
    "Ban Tuyên giáo Trung ương": "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Dân vận Trung ương": "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban cán sự đảng Chính phủ": "Đảng ủy Chính phủ",
    "Đảng đoàn Quốc hội": "Đảng ủy Quốc hội",
    "Đảng đoàn Mặt trận Tổ quốc Việt Nam": "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
    "Bộ Kế hoạch và Đầu tư": "Bộ Tài chính",
    "Bộ Nông nghiệp và Phát triển nông thôn": "Bộ Nông nghiệp và Môi trường",
    "Bộ Tài nguyên và Môi trường": "Bộ Nông nghiệp và Môi trường",
    "Bộ Giao thông vận tải": "Bộ Xây dựng",
    "Bộ Thông tin và Truyền thông": "Bộ Khoa học và Công nghệ",
    "Bộ Lao động - Thương binh và Xã hội": "Bộ Nội vụ",
    "Ủy ban Dân tộc": "Bộ Dân tộc và Tôn giáo",
}

QH = " của Quốc hội"


def qh(base, *extra, **attrs):
    """A National Assembly body: canonical `X của Quốc hội`, variants `X`, `X Quốc hội`."""
    return (base + QH, [base, base + " Quốc hội", *extra], dict(kind="state", **attrs))


# Curated organisations: (name, variants, attributes). General knowledge; no text copied.
CURATED_ORGS = [
    # Party
    ("Đảng Cộng sản Việt Nam", ["Đảng CSVN", "Đảng CS Việt Nam", "ĐCSVN"], dict(kind="party")),
    ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
     ["Ban Chỉ đạo Trung ương về phòng chống tham nhũng"],
     dict(kind="party", **{"from": "2013-02", "to": "2022-05"},
          successor="Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực")),
    ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
     ["Ban Chỉ đạo Trung ương về phòng chống tham nhũng, tiêu cực"],
     dict(kind="party", **{"from": "2022-05"})),
    ("Ban Bảo vệ, chăm sóc sức khỏe cán bộ Trung ương",
     ["Ban Bảo vệ chăm sóc sức khỏe cán bộ Trung ương"], dict(kind="party")),
    # Front and mass organisations
    ("Mặt trận Tổ quốc Việt Nam", ["MTTQ Việt Nam", "MTTQ VN", "MTTQVN"], dict(kind="front")),
    ("Tổng Liên đoàn Lao động Việt Nam", ["Tổng LĐLĐ Việt Nam", "Tổng LĐLĐVN", "Tổng Liên đoàn Lao động"],
     dict(kind="mass")),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", ["Đoàn TNCS Hồ Chí Minh", "Đoàn TNCS HCM"], dict(kind="mass")),
    ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
     ["Trung ương Đoàn", "Trung ương Đoàn TNCS Hồ Chí Minh",
      "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "BCH Trung ương Đoàn"],
     dict(kind="mass")),
    ("Hội Liên hiệp Phụ nữ Việt Nam", ["Hội LHPN Việt Nam", "Hội LHPNVN", "Hội Liên hiệp Phụ nữ"],
     dict(kind="mass")),
    ("Hội Nông dân Việt Nam", ["Hội ND Việt Nam", "Hội NDVN"], dict(kind="mass")),
    ("Hội Cựu chiến binh Việt Nam", ["Hội CCB Việt Nam", "Hội CCBVN"], dict(kind="mass")),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", ["Liên hiệp các Hội KH&KT Việt Nam", "VUSTA"],
     dict(kind="mass")),
    ("Phòng Thương mại và Công nghiệp Việt Nam", ["VCCI"], dict(kind="mass")),
    ("Hội Nhà báo Việt Nam", [], dict(kind="mass")),
    ("Hội Luật gia Việt Nam", [], dict(kind="mass")),
    ("Hội Chữ thập đỏ Việt Nam", [], dict(kind="mass")),
    ("Liên minh Hợp tác xã Việt Nam", [], dict(kind="mass")),
    ("Liên hiệp các tổ chức hữu nghị Việt Nam", ["VUFO"], dict(kind="mass")),
    # National Assembly: bodies of the 2016–2021 term, their renamings of 2021 and mergers of 2025
    ("Văn phòng Quốc hội", ["VPQH"], dict(kind="state")),
    qh("Hội đồng Dân tộc"),
    qh("Ủy ban Pháp luật", to="2025-02", successor="Ủy ban Pháp luật và Tư pháp" + QH),
    qh("Ủy ban Tư pháp", to="2025-02", successor="Ủy ban Pháp luật và Tư pháp" + QH),
    qh("Ủy ban Kinh tế", to="2025-02", successor="Ủy ban Kinh tế và Tài chính" + QH),
    qh("Ủy ban Tài chính - Ngân sách", "Ủy ban Tài chính, Ngân sách", "Ủy ban Tài chính-Ngân sách",
       to="2025-02", successor="Ủy ban Kinh tế và Tài chính" + QH),
    qh("Ủy ban Quốc phòng và An ninh", to="2025-02",
       successor="Ủy ban Quốc phòng, An ninh và Đối ngoại" + QH),
    qh("Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng", to="2021-07",
       successor="Ủy ban Văn hóa, Giáo dục" + QH),
    qh("Ủy ban Văn hóa, Giáo dục", **{"from": "2021-07"}, to="2025-02",
       successor="Ủy ban Văn hóa và Xã hội" + QH),
    qh("Ủy ban Về các vấn đề xã hội", "Ủy ban Các vấn đề xã hội", to="2021-07",
       successor="Ủy ban Xã hội" + QH),
    qh("Ủy ban Xã hội", **{"from": "2021-07"}, to="2025-02", successor="Ủy ban Văn hóa và Xã hội" + QH),
    qh("Ủy ban Khoa học, Công nghệ và Môi trường"),
    qh("Ủy ban Đối ngoại", to="2025-02", successor="Ủy ban Quốc phòng, An ninh và Đối ngoại" + QH),
    qh("Ủy ban Pháp luật và Tư pháp", **{"from": "2025-02"}),
    qh("Ủy ban Kinh tế và Tài chính", **{"from": "2025-02"}),
    qh("Ủy ban Văn hóa và Xã hội", **{"from": "2025-02"}),
    qh("Ủy ban Quốc phòng, An ninh và Đối ngoại", **{"from": "2025-02"}),
    qh("Ủy ban Công tác đại biểu", **{"from": "2025-02"}),
    ("Ban Công tác đại biểu", ["Ban Công tác đại biểu Quốc hội",
                               "Ban Công tác đại biểu thuộc Ủy ban Thường vụ Quốc hội"],
     dict(kind="state", to="2025-02", successor="Ủy ban Công tác đại biểu" + QH)),
    ("Ban Dân nguyện", ["Ban Dân nguyện Quốc hội", "Ban Dân nguyện thuộc Ủy ban Thường vụ Quốc hội"],
     dict(kind="state", to="2025-02", successor="Ban Dân nguyện và Giám sát")),
    ("Ban Dân nguyện và Giám sát", [], dict(kind="state", **{"from": "2025-02"})),
    ("Viện Nghiên cứu lập pháp", ["Viện NCLP"], dict(kind="state")),
    ("Hội đồng Bầu cử quốc gia", [], dict(kind="state")),
    # Other State bodies
    ("Nhà nước", ["Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam"], dict(kind="state")),
    ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", [],
     dict(kind="state", **{"from": "2018"}, to="2025-02", successor="Bộ Tài chính")),
    ("Ủy ban Chứng khoán Nhà nước", ["UBCKNN"], dict(kind="state")),
    ("Ủy ban Nhà nước về người Việt Nam ở nước ngoài", [], dict(kind="state")),
    ("Bảo hiểm xã hội Việt Nam", ["BHXH Việt Nam"], dict(kind="state")),
    ("Viện Hàn lâm Khoa học xã hội Việt Nam", [], dict(kind="state")),
    ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", [], dict(kind="state")),
    ("Đại học Quốc gia Hà Nội", ["ĐHQG Hà Nội", "ĐHQGHN"], dict(kind="education")),
    ("Đại học Quốc gia Thành phố Hồ Chí Minh", ["ĐHQG TP HCM", "ĐHQG-HCM", "Đại học Quốc gia TP HCM"],
     dict(kind="education")),
    # Ministries that ended in 2007 (Resolution 01/2007/QH12 on the Government's structure)
    ("Bộ Công nghiệp", [], dict(kind="ministry", to="2007-07", successor="Bộ Công Thương")),
    ("Bộ Thương mại", [], dict(kind="ministry", to="2007-07", successor="Bộ Công Thương")),
    ("Bộ Thủy sản", [], dict(kind="ministry", to="2007-07",
                            successor="Bộ Nông nghiệp và Phát triển nông thôn")),
    ("Bộ Bưu chính, Viễn thông", ["Bộ Bưu chính Viễn thông"],
     dict(kind="ministry", to="2007-07", successor="Bộ Thông tin và Truyền thông")),
    # Army and police
    ("Quân đội nhân dân Việt Nam", ["QĐND Việt Nam"], dict(kind="military")),
    ("Tổng cục Chính trị Quân đội nhân dân Việt Nam", ["Tổng cục Chính trị QĐND Việt Nam", "Tổng cục Chính trị"],
     dict(kind="military")),
    ("Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam", ["Bộ Tổng Tham mưu QĐND Việt Nam", "Bộ Tổng Tham mưu"],
     dict(kind="military")),
    ("Công an nhân dân Việt Nam", ["CAND Việt Nam", "Công an nhân dân"], dict(kind="police")),
    # State groups, banks and other companies
    ("Tập đoàn Dầu khí Quốc gia Việt Nam", ["Tập đoàn Dầu khí Việt Nam", "PVN", "PetroVietnam", "Tập đoàn PVN"],
     dict(kind="company")),
    ("Tập đoàn Điện lực Việt Nam", ["EVN", "Tập đoàn EVN"], dict(kind="company")),
    ("Tập đoàn Công nghiệp - Viễn thông Quân đội",
     ["Viettel", "Tập đoàn Viettel", "Tập đoàn Công nghiệp – Viễn thông Quân đội",
      "Tập đoàn Công nghiệp Viễn thông Quân đội", "Tập đoàn Viễn thông Quân đội"],
     dict(kind="company")),
    ("Tập đoàn Bưu chính Viễn thông Việt Nam", ["VNPT", "Tập đoàn VNPT"], dict(kind="company")),
    ("Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam",
     ["Vinacomin", "TKV", "Tập đoàn TKV", "Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam"],
     dict(kind="company")),
    ("Tập đoàn Xăng dầu Việt Nam", ["Petrolimex"], dict(kind="company")),
    ("Tập đoàn Hóa chất Việt Nam", ["Vinachem"], dict(kind="company")),
    ("Tập đoàn Công nghiệp Cao su Việt Nam", ["Tập đoàn Cao su Việt Nam", "VRG"], dict(kind="company")),
    ("Tập đoàn Dệt May Việt Nam", ["Vinatex"], dict(kind="company")),
    ("Tổng công ty Hàng không Việt Nam", ["Vietnam Airlines"], dict(kind="company")),
    ("Tổng công ty Đường sắt Việt Nam", [], dict(kind="company")),
    ("Tổng công ty Viễn thông MobiFone", ["MobiFone"], dict(kind="company")),
    ("Tổng công ty Bưu điện Việt Nam", ["Vietnam Post", "VNPost"], dict(kind="company")),
    ("Tổng công ty Sông Đà", [], dict(kind="company")),
    ("Tổng công ty Đầu tư và Kinh doanh vốn nhà nước", ["SCIC"], dict(kind="company")),
    ("Ngân hàng Thương mại cổ phần Ngoại thương Việt Nam",
     ["Ngân hàng TMCP Ngoại thương Việt Nam", "Vietcombank", "VCB"], dict(kind="company")),
    ("Ngân hàng Thương mại cổ phần Công Thương Việt Nam",
     ["Ngân hàng TMCP Công Thương Việt Nam", "VietinBank"], dict(kind="company")),
    ("Ngân hàng Thương mại cổ phần Đầu tư và Phát triển Việt Nam",
     ["Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "BIDV"], dict(kind="company")),
    ("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", ["Agribank"], dict(kind="company")),
    ("Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh", ["Sở Giao dịch Chứng khoán TP HCM", "HOSE", "HSX"],
     dict(kind="company")),
    ("Sở Giao dịch Chứng khoán Hà Nội", ["HNX"], dict(kind="company")),
    ("Tập đoàn Vingroup", ["Vingroup"], dict(kind="company")),
    # News organisations
    ("Thông tấn xã Việt Nam", ["TTXVN", "VNA"], dict(kind="media")),
    ("Đài Tiếng nói Việt Nam", ["VOV"], dict(kind="media")),
    ("Báo điện tử VOV", ["VOV.VN"], dict(kind="media")),
    ("Đài Truyền hình Việt Nam", ["VTV"], dict(kind="media")),
    ("Tổng công ty Truyền thông đa phương tiện VTC", ["VTC"], dict(kind="media")),
    ("Báo Quân đội nhân dân", ["Báo QĐND", "Qdnd.vn"], dict(kind="media")),
    ("Báo Công an nhân dân", ["Báo CAND", "Cand.com.vn"], dict(kind="media")),
    ("Báo Tuổi Trẻ", ["Tuổi Trẻ", "Tuổi Trẻ Online", "Tuoitre.vn"], dict(kind="media")),
    ("Báo Thanh Niên", ["Thanh Niên", "Thanhnien.vn"], dict(kind="media")),
    ("VnExpress", ["Báo VnExpress", "Báo điện tử VnExpress", "VnExpress.net"], dict(kind="media")),
    ("Báo Dân trí", ["Dân trí", "Báo điện tử Dân trí", "Dantri.com.vn"], dict(kind="media")),
    ("Báo VietNamNet", ["VietNamNet", "Báo điện tử VietNamNet", "Vietnamnet.vn"], dict(kind="media")),
    ("Báo Lao Động", ["Laodong.vn"], dict(kind="media")),
    ("Báo Người Lao Động", ["Người Lao Động", "Nld.com.vn"], dict(kind="media")),
    ("Báo Tiền Phong", ["Tiền Phong", "Tienphong.vn"], dict(kind="media")),
    ("Báo Pháp luật Thành phố Hồ Chí Minh", ["Báo Pháp luật TP HCM", "Pháp luật TP HCM", "PLO"],
     dict(kind="media")),
    ("Zing News", ["Zing", "Zing.vn", "Znews", "Znews.vn", "Tri thức trực tuyến"], dict(kind="media")),
    ("Cổng Thông tin điện tử Chính phủ",
     ["Báo điện tử Chính phủ", "Cổng TTĐT Chính phủ", "VGP", "VGP News", "Chinhphu.vn"], dict(kind="media")),
    ("Báo điện tử Đảng Cộng sản Việt Nam", ["Dangcongsan.vn"], dict(kind="media")),
    ("Báo Nghệ An", [], dict(kind="media")),
    ("Baonghean.vn", [], dict(kind="media")),
    ("Báo Đại biểu Nhân dân", ["Daibieunhandan.vn"], dict(kind="media")),
    ("Báo Xây dựng", ["Baoxaydung.com.vn"], dict(kind="media")),
    ("VietnamPlus", ["Vietnam+", "Báo điện tử VietnamPlus", "Vietnamplus.vn"], dict(kind="media")),
    ("Báo Sài Gòn Giải Phóng", ["Sài Gòn Giải Phóng", "SGGP"], dict(kind="media")),
    ("Báo Hà Nội Mới", ["Hà Nội Mới"], dict(kind="media")),
    ("Báo Đại Đoàn Kết", ["Đại Đoàn Kết"], dict(kind="media")),
    ("Báo Tin tức", ["Tin Tức"], dict(kind="media")),
    ("Báo Dân Việt", ["Dân Việt"], dict(kind="media")),
    ("Báo Giáo dục và Thời đại", [], dict(kind="media")),
    ("Báo Nông nghiệp Việt Nam", [], dict(kind="media")),
    ("Báo Bưu điện Việt Nam", [], dict(kind="media")),
    # Foreign and international
    ("Đảng Cộng sản Trung Quốc", ["Đảng CS Trung Quốc", "ĐCS Trung Quốc"], dict(kind="foreign")),
    ("Bộ Chính trị Đảng Cộng sản Trung Quốc", [], dict(kind="foreign")),
    ("Quân ủy Trung ương Trung Quốc", [], dict(kind="foreign")),
    ("Đảng Nhân dân Cách mạng Lào", ["Đảng NDCM Lào"], dict(kind="foreign")),
    ("Quốc hội Lào", ["Quốc hội nước Cộng hòa Dân chủ Nhân dân Lào", "Quốc hội CHDCND Lào"],
     dict(kind="foreign")),
    ("Đảng Nhân dân Campuchia", ["CPP"], dict(kind="foreign")),
    ("Đảng Cộng sản Cuba", [], dict(kind="foreign")),
    ("Quốc hội Hoa Kỳ", ["Quốc hội Mỹ"], dict(kind="foreign")),
    ("Liên hợp quốc", ["LHQ"], dict(kind="international")),
    ("Hiệp hội các quốc gia Đông Nam Á", ["ASEAN"], dict(kind="international")),
    ("Liên minh châu Âu", ["EU"], dict(kind="international")),
]


# Bodies with a counterpart in every province: a place right after a form without `Trung ương` names the
# local body (`Ủy ban MTTQ Việt Nam tỉnh Quảng Trị` is the province's committee, not the central one).
LOCAL_BRANCHES = ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Hội Nông dân Việt Nam",
                  "Hội Liên hiệp Phụ nữ Việt Nam", "Hội Cựu chiến binh Việt Nam", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"]

FIXED_CANONICAL = ["Ban Chấp hành Trung ương Đảng", "Ban Bí thư", "Bộ Chính trị", "Chính phủ", "Nhà nước", "Quốc hội"]


def build_organizations(src):
    rows = read_tsv(os.path.join(src, "central_organisations.tsv"))
    by_name = OrderedDict()
    moved = defaultdict(list)  # target name → aliases moved from source rows
    for r in rows:
        name = norm(r["name"])
        kind = CSV_KIND_OVERRIDE.get(name, CSV_KIND[r["type"]])
        attrs = {"kind": kind, "from": r["valid_from"], "to": r["valid_to"],
                 "successor": CSV_SUCCESSOR.get(name, ""), "source": "central-organisations"}
        aliases = split_list(r["aliases"])
        keep, dangbo = [], []
        for a in aliases:
            a_n = norm(a)
            target = CSV_ALIAS_MOVE.get((name, a_n))
            if target:
                moved[norm(target)].append(a_n)
            elif name.startswith("Đảng ủy ") and a_n.startswith("Đảng bộ "):
                dangbo.append(a_n)  # the Party organisation, not its committee: a separate entry
            else:
                keep.append(a_n)
        e = Entry("organization", name, keep + CSV_EXTRA_VARIANTS.get(name, []), **attrs)
        assert name not in by_name, name
        by_name[name] = e
        if dangbo:
            d = Entry("organization", dangbo[0], dangbo[1:],
                      **{"kind": kind, "from": r["valid_from"], "to": r["valid_to"],
                         "source": "central-organisations"})
            assert d.name not in by_name, d.name
            by_name[d.name] = d
    # names are compared case-insensitively, like the annotation guide does
    lower = {n.lower(): n for n in by_name}
    for name, variants, attrs in CURATED_ORGS:
        name = norm(name)
        if name.lower() in lower:
            raise SystemExit(f"curated organisation duplicates a source row: {name}")
        attrs = dict(attrs)
        attrs.setdefault("source", "curated")
        by_name[name] = Entry("organization", name, variants, **attrs)
        lower[name.lower()] = name
    for target, aliases in moved.items():
        by_name[target].add_variants(aliases)
    # The annotation guide's implied organisations keep their name even where a fuller form occurs
    # (`Bộ Chính trị Ban Chấp hành Trung ương Đảng` is a variant of `Bộ Chính trị`).
    for name in FIXED_CANONICAL:
        by_name[name].attrs["canonical"] = "fixed"
    # `Nhà nước` is an organisation only as the implied one of `Chủ tịch nước`; in text it is a common noun.
    by_name["Nhà nước"].attrs["match"] = "implied-only"
    # Whose terms (`khóa XIV`) a membership of this body counts: the National Assembly's legislatures.
    by_name["Quốc hội"].attrs["terms"] = "assembly"
    for name in LOCAL_BRANCHES:
        by_name[name].attrs["local"] = "yes"
    entries = list(by_name.values())
    assign_ids(entries)
    ids = {e.name: e.id for e in entries}
    for e in entries:
        if "successor" in e.attrs:
            succ = norm(e.attrs["successor"])
            if succ not in ids:
                raise SystemExit(f"unknown successor {succ!r} of {e.name}")
            e.attrs["successor"] = ids[succ]
    return entries


# --------------------------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------------------------

# genuinely different spellings of a short name (not `Tỉnh X` / `Thành phố X`)
PROVINCE_VARIANTS = {
    "Hồ Chí Minh": ["HCM"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "Bà Rịa – Vũng Tàu", "BR-VT"],
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế"],
    "Đắk Lắk": ["Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Daklak"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
    "Kon Tum": ["Kontum"],
    "Bắc Kạn": ["Bắc Cạn"],
}
THUA_THIEN_HUE_TO = "2024-12-31"  # Thừa Thiên Huế became Thành phố Huế (centrally run) on 2025-01-01

COUNTRIES = [  # (name, variants, extra attributes)
    ("Việt Nam", ["Cộng hòa xã hội chủ nghĩa Việt Nam", "CHXHCN Việt Nam"], {}),
    ("Trung Quốc", ["Cộng hòa Nhân dân Trung Hoa", "CHND Trung Hoa"], {}),
    ("Lào", ["Cộng hòa Dân chủ Nhân dân Lào", "CHDCND Lào"], {}),
    ("Campuchia", ["Cam-pu-chia", "Vương quốc Campuchia"], {}),
    ("Thái Lan", ["Vương quốc Thái Lan"], {}),
    ("Myanmar", ["Mi-an-ma"], {}),
    ("Malaysia", ["Ma-lai-xi-a"], {}),
    ("Singapore", ["Xin-ga-po", "Cộng hòa Singapore"], {}),
    ("Indonesia", ["In-đô-nê-xi-a", "Cộng hòa Indonesia"], {}),
    ("Philippines", ["Phi-líp-pin", "Philippin"], {}),
    ("Brunei", ["Bru-nây"], {}),
    ("Timor-Leste", ["Đông Timor", "Ti-mo Lét-xtê"], {}),
    ("Hoa Kỳ", ["Mỹ", "Hợp chúng quốc Hoa Kỳ"], {}),
    ("Nga", ["Liên bang Nga"], {}),
    ("Nhật Bản", ["Nhật"], {}),
    ("Hàn Quốc", ["Đại Hàn Dân Quốc"], {}),
    ("Triều Tiên", ["Cộng hòa Dân chủ Nhân dân Triều Tiên", "CHDCND Triều Tiên"], {}),
    ("Mông Cổ", [], {}),
    ("Ấn Độ", ["Cộng hòa Ấn Độ"], {}),
    ("Pháp", ["Cộng hòa Pháp"], {}),
    ("Đức", ["Cộng hòa Liên bang Đức", "CHLB Đức"], {}),
    ("Anh", ["Vương quốc Anh", "Vương quốc Liên hiệp Anh và Bắc Ireland"], {}),
    ("Italy", ["Italia", "Ý", "I-ta-li-a"], {}),
    ("Tây Ban Nha", [], {}),
    ("Hà Lan", [], {}),
    ("Bỉ", [], {}),
    ("Thụy Điển", [], {}),
    ("Thụy Sĩ", [], {}),
    ("Áo", [], {}),
    ("Ba Lan", [], {}),
    ("Séc", ["Cộng hòa Séc"], {}),
    ("Hungary", ["Hung-ga-ri"], {}),
    ("Ukraine", ["U-crai-na"], {}),
    ("Belarus", ["Bê-la-rút"], {}),
    ("Kazakhstan", ["Ca-dắc-xtan"], {}),
    ("Australia", ["Úc", "Ô-xtrây-li-a"], {}),
    ("New Zealand", ["Niu Di-lân"], {}),
    ("Canada", ["Ca-na-đa"], {}),
    ("Cuba", ["Cu-ba", "Cộng hòa Cuba"], {}),
    ("Venezuela", ["Vê-nê-xu-ê-la"], {}),
    ("Brazil", ["Bra-xin"], {}),
    ("Argentina", ["Ác-hen-ti-na"], {}),
    ("Mexico", ["Mê-hi-cô"], {}),
    ("Chile", ["Chi-lê"], {}),
    ("Israel", ["I-xra-en"], {}),
    ("Iran", ["I-ran"], {}),
    ("Ai Cập", [], {}),
    ("Nam Phi", [], {}),
    ("Mozambique", ["Mô-dăm-bích"], {}),
    ("Liên Xô", ["Liên bang Xô viết", "Liên bang Cộng hòa xã hội chủ nghĩa Xô viết"], {"to": "1991-12-26"}),
    ("Cộng hòa Dân chủ Đức", ["CHDC Đức", "Đông Đức"], {"to": "1990-10-03"}),
    ("Đài Loan", [], {"kind": "region"}),
    ("Hồng Kông", ["Hong Kong"], {"kind": "region"}),
]


def build_locations(src):
    p34 = read_tsv(os.path.join(src, "provinces_34.tsv"))
    p63 = read_tsv(os.path.join(src, "provinces_63_to_34.tsv"))
    if len(p34) != 34 or len(p63) != 63:
        raise SystemExit("unexpected province table sizes")
    kind_of = {"Thành phố Trung ương": "city", "Tỉnh": "province"}
    new = OrderedDict((norm(r["short_name"]), kind_of[r["type"]]) for r in p34)
    old = OrderedDict()
    for r in p63:
        short = norm(r["old_short_name"])
        old[short] = (("city" if r["old_full_name"].startswith("Thành phố ") else "province"),
                      norm(r["new_short_name"]))
    # Huế: listed as a city in the 63 table (from 2025-01-01); before that the province of Thừa Thiên Huế
    entries = {}
    for short, (kind, new_short) in old.items():
        if short == "Huế":
            continue
        if short in new:
            entries[short] = dict(kind=new[short])
        else:
            entries[short] = dict(kind=kind, to="2025-06-30", successor=new_short)
    for short, kind in new.items():
        if short not in entries and short != "Huế":
            entries[short] = dict(kind=kind, **{"from": "2025-07-01"})
    entries["Thừa Thiên Huế"] = dict(kind="province", to=THUA_THIEN_HUE_TO, successor="Huế")
    entries["Huế"] = dict(kind="city", **{"from": "2025-01-01"})
    out = []
    for short, attrs in entries.items():
        attrs = dict(attrs, source="dvhcvn-20250701")
        out.append(Entry("location", short, PROVINCE_VARIANTS.get(short, []), **attrs))
    for name, variants, extra in COUNTRIES:
        attrs = {"kind": "country", **extra, "source": "curated"}
        out.append(Entry("location", name, variants, **attrs))
    names = [e.name for e in out]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate location names")
    assign_ids(out)
    ids = {e.name: e.id for e in out}
    for e in out:
        if "successor" in e.attrs:
            e.attrs["successor"] = ids[norm(e.attrs["successor"])]
    return out


# --------------------------------------------------------------------------------------------
# Surnames
# --------------------------------------------------------------------------------------------

# Family names used in political news and missing from the frequency list (each checked below).
CURATED_SURNAMES = [
    "Hầu", "Giàng", "Sùng", "Thào", "Tòng", "Vừ", "Mùa", "Lầu", "Cầm", "Chẩu", "Bế", "Đèo", "Quàng",
    "Khuất", "Chử", "Bàn", "Lù", "Ksor", "Niê",
]


def build_surnames(src):
    rows = read_tsv(os.path.join(src, "surnames_freq.tsv"))
    counts = defaultdict(int)
    for r in rows:
        s = norm(r["surname_clean"])
        if s:
            counts[s] += int(r["count"])
    out = [Entry("surname", s, count=str(n), source="vietnamese-namedb") for s, n in counts.items()]
    for s in CURATED_SURNAMES:
        s = norm(s)
        if s in counts:
            raise SystemExit(f"curated surname already in the frequency list: {s}")
        out.append(Entry("surname", s, count="0", source="curated"))
    assign_ids(out)
    return out, len(counts)


# --------------------------------------------------------------------------------------------
# Persons
# --------------------------------------------------------------------------------------------

def build_persons(src):
    rows = read_tsv(os.path.join(src, "politician_office_terms.tsv"))
    pages = {}
    for r in rows:
        pid = r["wiki_page_id"].strip()
        if not pid.isdigit():
            raise SystemExit(f"bad wiki_page_id {pid!r}")
        name = norm(r["person"])
        if pages.setdefault(pid, name) != name:
            raise SystemExit(f"page {pid} has two names")
    out = [Entry("person", name, wiki=pid, source="vi-wikipedia") for pid, name in pages.items()]
    # Leaders that news names by a short or honorific form, missing from the infobox table.
    known = set(pages.values())
    for name, variants in CURATED_PERSONS:
        if name in known:
            raise SystemExit(f"curated person already in the Wikipedia table: {name}")
        out.append(Entry("person", name, variants, source="curated"))
    assign_ids(out, tiebreak=lambda e: (int(e.attrs.get("wiki", 0)), e.name))
    return out


def build_name_words(src):
    """Every lower-case word of the office strings, once (function words are stopped by lexicon.tsv)."""
    words = set()
    for r in read_tsv(os.path.join(src, "politician_office_terms.tsv")):
        for w in re.findall(r"[^\W\d_]+", norm(r["office"])):
            if w == w.lower():
                words.add(w)
    out = [Entry("name-word", w, source="vi-wikipedia-offices") for w in sorted(words)]
    assign_ids(out)
    return out


CURATED_PERSONS = [
    ("Hồ Chí Minh", ["Bác Hồ", "Hồ Chủ tịch"]),
]


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

ATTR_KEYS = set(ATTR_ORDER)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def validate(paths):
    problems, all_ids, counts = [], {}, {}
    for path in paths:
        raw = open(path, "rb").read()
        if b"\r" in raw:
            problems.append(f"{path}: CR in file")
        text = raw.decode("utf-8")
        lines = text.split("\n")
        if lines[-1] != "":
            problems.append(f"{path}: no final LF")
        lines = lines[:-1]
        body = [l for l in lines if not l.startswith("#")]
        if not lines[0].startswith("#"):
            problems.append(f"{path}: no header comment")
        if body[0] != HEADER:
            problems.append(f"{path}: bad column header")
        ids_here, surfaces = [], defaultdict(set)
        for n, l in enumerate(body[1:], 2):
            cols = l.split("\t")
            if len(cols) != 5:
                problems.append(f"{path}:{n}: {len(cols)} columns")
                continue
            id_, type_, name, variants, attrs = cols
            if not re.fullmatch(r"[a-z]+:[a-z0-9]+(-[a-z0-9]+)*", id_):
                problems.append(f"{path}: bad id {id_}")
            if id_ in all_ids:
                problems.append(f"{path}: duplicate id {id_} (also in {all_ids[id_]})")
            all_ids[id_] = path
            ids_here.append(id_)
            if PREFIX.get(type_) != id_.split(":")[0]:
                problems.append(f"{path}: type/prefix mismatch {id_} {type_}")
            forms = [name] + (variants.split(" | ") if variants else [])
            for f in forms:
                if not f or f != f.strip() or "  " in f or "|" in f:
                    problems.append(f"{path}: bad form {f!r} in {id_}")
                if f != norm(f) or not unicodedata.is_normalized("NFC", f):
                    problems.append(f"{path}: not NFC/new-style: {f!r} in {id_}")
            keys = [norm(f) for f in forms]
            if len(set(keys)) != len(keys):
                problems.append(f"{path}: repeated form in {id_}")
            if type_ in ("organization", "location"):
                for f in forms:
                    surfaces[f.lower()].add(id_)
            if attrs:
                for kv in attrs.split("; "):
                    k, _, v = kv.partition("=")
                    if k not in ATTR_KEYS or not v:
                        problems.append(f"{path}: bad attribute {kv!r} in {id_}")
                    if k in ("from", "to") and not DATE_RE.match(v):
                        problems.append(f"{path}: bad date {kv!r} in {id_}")
        if ids_here != sorted(ids_here):
            problems.append(f"{path}: rows not sorted by id")
        for s, owners in surfaces.items():
            if len(owners) > 1:
                problems.append(f"{path}: surface form {s!r} names {sorted(owners)}")
        counts[os.path.basename(path)] = len(body) - 1
    # successors must point at existing ids
    for path in paths:
        for l in open(path, encoding="utf-8"):
            m = re.search(r"successor=([^;\t\n]+)", l)
            if m and m.group(1) not in all_ids:
                problems.append(f"{path}: dangling successor {m.group(1)}")
    return problems, counts


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    src = argv[1]
    os.makedirs(OUT_DIR, exist_ok=True)

    orgs = build_organizations(src)
    n_csv = len(read_tsv(os.path.join(src, "central_organisations.tsv")))
    write_file(os.path.join(OUT_DIR, "organizations.tsv"), [
        "Organisations: central Party, State, front and mass bodies, state groups, news organisations and a few",
        f"foreign counterparts. Sources: shared/data/gazetteer-sources/central_organisations.tsv ({n_csv} rows, the",
        "project's own compilation of public facts) and a curated list in scripts/build_knowledge.py (general",
        "knowledge, no text copied). Compiled by the rolegraph project. Generated file: edit the script, not this.",
        "Names follow shared/docs/annotation-guide.md (fullest form, abbreviations expanded). See README.md.",
    ], orgs)

    locs = build_locations(src)
    write_file(os.path.join(OUT_DIR, "locations.tsv"), [
        "Locations: Vietnam's provinces before and after 1 July 2025, and countries and regions named in news.",
        "Provinces derived from dvhcvn/20250701 (github.com/dvhcvn/20250701, provinces_34.tsv and",
        "provinces_63_to_34.tsv): MIT License, Copyright (c) 2025 dvhcvn; see LICENSES/MIT-dvhcvn-20250701.txt.",
        "Changed: short names only, new-style tone marks (Hoà Bình → Hòa Bình), validity dates and successors",
        "added, spelling variants added. Countries: curated by the rolegraph project. Generated file; see README.md.",
    ], locs)

    surnames, n_freq = build_surnames(src)
    write_file(os.path.join(OUT_DIR, "surnames.tsv"), [
        "Vietnamese family names. count= number of bearers among 8,753 full names from duyet/vietnamese-namedb",
        "(github.com/duyet/vietnamese-namedb, uit_member.json, forum.uit.edu.vn, Dec 2016), summed by cleaned",
        "surname; only aggregate counts are kept. MIT License, Copyright (c) 2016 Van-Duyet Le; see",
        "LICENSES/MIT-vietnamese-namedb.txt. count=0; source=curated rows were added by the rolegraph project.",
        "The long tail (count <= 3) holds some given or middle names (Văn, Quang, Hữu): use a threshold.",
    ], surnames)

    words = build_name_words(src)
    write_file(os.path.join(OUT_DIR, "name-words.tsv"), [
        "Lower-case syllables that occur inside names of offices and organisations (`Vụ Quan hệ quốc tế`), so that",
        "an organisation name built by shape may go on through them. Derived from the office strings of",
        "shared/data/gazetteer-sources/politician_office_terms.tsv (Vietnamese Wikipedia contributors, via",
        "political-net): CC BY-SA 4.0, see LICENSES/CC-BY-SA-4.0.txt. Only single common words are kept, no text.",
    ], words)

    persons = build_persons(src)
    write_file(os.path.join(OUT_DIR, "persons.tsv"), [
        "Vietnamese politicians, one row per Vietnamese Wikipedia article. LICENCE: CC BY-SA 4.0",
        "(https://creativecommons.org/licenses/by-sa/4.0/), NOT the licence of the rest of rolegraph; see",
        "LICENSES/CC-BY-SA-4.0.txt. Source: Vietnamese Wikipedia contributors, article infoboxes (snapshot of",
        "autumn 2025); each row's article is https://vi.wikipedia.org/?curid=<wiki>. Extracted with political-net",
        "(github.com/datmieu204/political-net, by datmieu204, HungIsWorking and chocoyeni; MIT per its README).",
        "Modified by the rolegraph project: reduced to names and page ids, disambiguators removed from titles,",
        "tone marks normalised to new style. This file is released under CC BY-SA 4.0.",
    ], persons)

    paths = [os.path.join(OUT_DIR, f) for f in
             ("organizations.tsv", "locations.tsv", "surnames.tsv", "persons.tsv")]
    problems, counts = validate(paths)
    for name, n in counts.items():
        print(f"{name}\t{n}")
    print(f"surnames from the frequency list\t{n_freq}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
