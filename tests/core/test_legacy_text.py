"""Legacy Vietnamese pastes (TCVN3 / VNI mojibake) are recognised and converted exactly,
and nothing else is taken for one.

The encoders here are written independently of the module: TCVN3 from the byte values of
TCVN 5712:1993 VN3 (glibc's TCVN5712-1 charmap), VNI from the sequence list of the xvnkb
input method (vni.h), so a slip in the module's tables cannot cancel itself out.
"""

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.legacy_text import convert, detect_legacy, suggest
from tests.references import REFERENCES

# TCVN 5712:1993 VN3: byte → letter. No capitals with a tone mark exist in VN3.
TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
# VNI-Windows (xvnkb vni.h, in its order: plain, sắc, huyền, hỏi, ngã, nặng); capitals
# are the upper case of each sequence there too ("UÛ" = Ủ, "Î" = Ỵ).
VNI_GROUPS = [
    ("a aù aø aû aõ aï", "a á à ả ã ạ"),
    ("aâ aá aà aå aã aä", "â ấ ầ ẩ ẫ ậ"),
    ("aê aé aè aú aü aë", "ă ắ ằ ẳ ẵ ặ"),
    ("e eù eø eû eõ eï", "e é è ẻ ẽ ẹ"),
    ("eâ eá eà eå eã eä", "ê ế ề ể ễ ệ"),
    ("o où oø oû oõ oï", "o ó ò ỏ õ ọ"),
    ("oâ oá oà oå oã oä", "ô ố ồ ổ ỗ ộ"),
    ("ô ôù ôø ôû ôõ ôï", "ơ ớ ờ ở ỡ ợ"),
    ("u uù uø uû uõ uï", "u ú ù ủ ũ ụ"),
    ("ö öù öø öû öõ öï", "ư ứ ừ ử ữ ự"),
    ("i í ì æ ó ò", "i í ì ỉ ĩ ị"),
    ("y yù yø yû yõ î", "y ý ỳ ỷ ỹ ỵ"),
    ("ñ", "đ"),
]
VNI_OF = {}
for _seqs, _letters in VNI_GROUPS:
    for _seq, _letter in zip(_seqs.split(), _letters.split(), strict=True):
        VNI_OF[_letter] = _seq
        VNI_OF[_letter.upper()] = _seq.upper()
VIET_LETTERS = sorted(c for c in VNI_OF if not c.isascii())  # the 134 letters with marks
VIET_LOWER = [c for c in VIET_LETTERS if c.islower()]

TCVN3_OF = {letter: chr(byte) for byte, letter in TCVN3_BYTES.items()}
# Capitals VN3 cannot store: a .VnTimeH font draws the lower-case byte as a capital.
LOST_CASE = {c for c in VIET_LETTERS if c not in TCVN3_OF}
TCVN3_OF.update({c: TCVN3_OF[c.lower()] for c in LOST_CASE})


def to_tcvn3(text: str) -> str:
    return "".join(TCVN3_OF.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    return "".join(VNI_OF.get(c, c) for c in unicodedata.normalize("NFC", text))


def same_but_lost_case(result: str, original: str) -> bool:
    """Equal, except letters VN3 has no capital for may come back in lower case."""
    return len(result) == len(original) and all(
        r == o or (o in LOST_CASE and r == o.lower()) for r, o in zip(result, original, strict=True)
    )


def same_but_case_of_toned(result: str, original: str) -> bool:
    """Equal up to the case of the letters VN3 stores without case (the toned ones)."""
    return len(result) == len(original) and all(
        r == o or (o.upper() in LOST_CASE and r.lower() == o.lower())
        for r, o in zip(result, original, strict=True)
    )


# Paragraphs of the reference reports (kept here so the tests run without shared/).
PARAGRAPHS = [
    "Ủy ban nhân dân thị xã Ngã Năm báo cáo kết quả cải cách hành chính quý III năm 2022, "
    "cụ thể như sau:",
    "Tiếp tục triển khai Kế hoạch thực hiện công tác cải cách hành chính năm 2022. Ủy ban "
    "nhân dân thị xã chỉ đạo các cơ quan, đơn vị thường xuyên rà soát, kịp thời thực hiện "
    "các nhiệm vụ, phần việc đã đề ra trong kế hoạch của Ủy ban nhân dân thị xã bảo đạt tiến "
    "độ và hiệu quả. Đến nay, kết quả đã thực hiện hoàn thành 15/25 nhiệm vụ, đạt tỷ lệ 60%, "
    "còn lại 10 nhiệm vụ chưa đến thời gian thực hiện.",
    "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "Xã Phượng Kỳ nằm ở khu Hạ huyện Tứ Kỳ, cách trung tâm huyện khoảng 6 km về phía Tây "
    "Bắc, Phía bắc, đông bắc giáp xã Văn Tố; Phía đông giáp xã Cộng Lạc; Phía nam giáp xã Hà "
    "Kỳ; Phía tây giáp xã Minh Đức.",
    "+ Kế hoạch số 60/KH-UBND ngày 30/12/2022 về công tác cải cách hành chính Nhà nước xã "
    "Phượng Kỳ năm 2023, kèm theo khung thực hiện theo từng nhiệm vụ trong kế hoạch.",
    "TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CÔNG TÁC\nCẢI CÁCH HÀNH CHÍNH NĂM 2023",
]


def reference_lines(path: Path) -> list[str]:
    """The report's non-empty lines, less those with Latin-1 symbols (footnote marks ¹²³)
    that a legacy document could not have held and that would read as legacy letters."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return [
        line
        for line in text.splitlines()
        if line.strip() and not any("\x80" <= c <= "\xff" and c not in VNI_OF for c in line)
    ]


# --- the tables ----------------------------------------------------------------------


def test_the_fixtures_cover_all_134_letters():
    assert len(VIET_LETTERS) == 134 and len(VIET_LOWER) == 67
    assert {c.lower() for c in VIET_LETTERS} == {c for c in TCVN3_BYTES.values() if c.islower()}


@pytest.mark.parametrize(("byte", "letter"), sorted(TCVN3_BYTES.items()))
def test_every_tcvn3_byte_decodes_to_its_letter(byte, letter):
    # After a lower-case "x", so no capital is called for by context.
    assert convert("x" + chr(byte), "tcvn3") == "x" + letter


def test_tcvn3_table_agrees_with_glibc_iconv():
    iconv = shutil.which("iconv")
    if iconv is None:
        pytest.skip("no iconv")
    glibc = {}
    # Two runs: glibc joins 0xB0-0xB4 (combining marks, not in VN3) to the byte before.
    for first, last in ((0xA1, 0xAF), (0xB5, 0xFE)):
        done = subprocess.run(
            [iconv, "-f", "TCVN5712-1", "-t", "UTF-8"],
            input=bytes(range(first, last + 1)),
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip("iconv without TCVN5712-1")
        glibc.update(zip(range(first, last + 1), done.stdout.decode("utf-8"), strict=True))
    for byte, letter in TCVN3_BYTES.items():
        assert glibc[byte] == letter
        assert convert("x" + chr(byte), "tcvn3") == "x" + glibc[byte]


def test_bytes_outside_vn3_are_left_alone():
    # VN1's extra capitals (À=Ắ, º=Ẳ ...) and combining marks (°±²³´) are not VN3.
    others = "¯°±²³´º¿ÀÁÂÃÄÅÍÙÚÛàðÿ€–…"
    assert convert(others, "tcvn3") == others


@pytest.mark.parametrize("letter", VIET_LETTERS + list("aeiouyAEIOUY"))
def test_every_vni_sequence_decodes_to_its_letter(letter):
    assert convert(VNI_OF[letter], "vni") == letter


# --- known samples -------------------------------------------------------------------

TCVN3_SAMPLES = [
    ("C¸c c¬ quan", "Các cơ quan"),
    ("Th«ng b¸o", "Thông báo"),
    ("ñy ban nh©n d©n", "Ủy ban nhân dân"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Uû ban nh©n d©n x· Ph­îng Kú", "Uỷ ban nhân dân xã Phượng Kỳ"),
    ("B¸O C¸O", "BÁO CÁO"),
]
VNI_SAMPLES = [
    ("Caùc cô quan", "Các cơ quan"),
    ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñaø Naüng, thaùng 12 naêm 2023", "Đà Nẵng, tháng 12 năm 2023"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_tcvn3_samples(legacy, unicode):
    assert detect_legacy(legacy) == "tcvn3"
    assert convert(legacy, "tcvn3") == unicode
    assert suggest(legacy) == ("TCVN3 (ABC)", unicode)


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_vni_samples(legacy, unicode):
    assert detect_legacy(legacy) == "vni"
    assert convert(legacy, "vni") == unicode
    assert suggest(legacy) == ("VNI (VNI-Times)", unicode)


def test_typographic_punctuation_around_legacy_words_is_kept():
    pasted = "“C¸c c¬ quan” – b¸o c¸o… ⁴"
    assert suggest(pasted) == ("TCVN3 (ABC)", "“Các cơ quan” – báo cáo… ⁴")
    assert convert("“ñy ban” häp", "tcvn3") == "“Ủy ban” họp"


def test_a_word_that_reads_in_both_tables_is_not_guessed():
    # ö is ư in VNI and ử in TCVN3: "Lưu" and "Lửu" are both syllables.
    assert detect_legacy("Löu") is None


def test_output_is_nfc_and_decomposed_legacy_input_is_accepted():
    decomposed = unicodedata.normalize("NFD", "Caùc cô quan")  # ù pasted as u + U+0300
    assert convert(decomposed, "vni") == "Các cơ quan"
    assert unicodedata.is_normalized("NFC", convert("Th«ng b¸o", "tcvn3"))


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError, match="viscii"):
        convert("x", "viscii")  # type: ignore[arg-type]


# --- TCVN3 capitals from context -------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("ë x· nµo?", "Ở xã nào?"),  # first letter of the text
        ("Xong. ñy ban häp.", "Xong. Ủy ban họp."),  # after a full stop
        ("- ñy quyÒn cho x·", "- Ủy quyền cho xã"),  # a bullet line
        ("1. ñy ban\n2. ë x·", "1. Ủy ban\n2. Ở xã"),  # numbered lines
        ("Së Néi vô tØnh Sãc Tr¨ng", "Sở Nội vụ tỉnh Sóc Trăng"),  # title case stays
        ("Sè: 12/BC-UBND", "Số: 12/BC-UBND"),  # acronyms do not make a heading
        ("ñY BAN NH¢N D¢N", "ỦY BAN NHÂN DÂN"),  # a capital after the first letter
        ("Së NéI Vô", "SỞ NỘI VỤ"),  # the heading's other words decide for Së and Vô
        ("B¸O C¸O ë X·", "BÁO CÁO Ở XÃ"),
        ("c«ng v¨n cña ñy ban", "công văn của ủy ban"),  # mid-sentence: the capital is lost
    ],
)
def test_tcvn3_capitals_are_restored_from_context(legacy, unicode):
    assert convert(legacy, "tcvn3") == unicode


# --- round trips over real report text ------------------------------------------------


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_paragraphs_round_trip_through_vni(paragraph):
    legacy = to_vni(paragraph)
    assert detect_legacy(legacy) == "vni"
    assert convert(legacy, "vni") == paragraph


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_paragraphs_round_trip_through_tcvn3(paragraph):
    legacy = to_tcvn3(paragraph)
    assert detect_legacy(legacy) == "tcvn3"
    result = convert(legacy, "tcvn3")
    assert same_but_lost_case(result, paragraph)
    if "của Ủy" not in paragraph:  # the one capital no context can tell
        assert result == paragraph


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.name)
def test_reference_report_round_trips_line_by_line(path):
    lines = reference_lines(path)
    assert len(lines) > 50
    exact = 0
    for line in lines:
        assert convert(to_vni(line), "vni") == line
        result = convert(to_tcvn3(line), "tcvn3")
        assert same_but_lost_case(result, line), line
        exact += result == line
        if line.isupper():
            assert result == line  # headings come back in capitals
    # Only capitals inside a sentence ("của Ủy ban") are lost: 89-100 % of lines are exact.
    assert exact >= 0.85 * len(lines)
    whole = "\n".join(lines)
    assert detect_legacy(to_vni(whole)) == "vni"
    assert detect_legacy(to_tcvn3(whole)) == "tcvn3"


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.name)
def test_reference_lines_are_recognised_when_encoded(path):
    lines = [
        line
        for line in reference_lines(path)
        if sum(not word.isascii() for word in line.split()) >= 4  # short lines can tie
    ]
    for line in lines:
        assert detect_legacy(to_tcvn3(line)) == "tcvn3", line
        assert detect_legacy(to_vni(line)) == "vni", line


# --- nothing else is taken for legacy text ---------------------------------------------


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.name)
def test_unicode_reference_reports_are_not_legacy(path):
    text = path.read_text(encoding="utf-8")
    for form in ("NFC", "NFD"):
        assert detect_legacy(unicodedata.normalize(form, text)) is None
    assert suggest(text) is None


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_unicode_vietnamese_is_not_legacy(paragraph, form):
    assert detect_legacy(unicodedata.normalize(form, paragraph)) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "1.730 hồ sơ",
        "12345 67,5% 2023-12-31",
        "UBND xã, KH-UBND, TCVN ISO 9001:2015",
        "The commune submitted its administrative reform report on time.",
        "Nhiet do 25 °C, sai so ± 0,5",
        "«Báo cáo» năm 2023",
        "«Hello» and ±5 °C",
        "A café, a naïve résumé, déjà vu.",
        "© 2024 Acme®, 5 µm, § 3 ¶ 2, ½ cup, 3 × 4 ÷ 2",
        "Où est la gare ? Très bien, à bientôt, garçon.",
        "El niño comió años señor, ¿qué tal?",
        "Müller über größer Straße für",
        "Così più città perché",
        "Björk Guðmundsdóttir þú ertu",
        "inter\xadnational co\xadoperation",
    ],
)
def test_ordinary_text_is_not_legacy(text):
    assert detect_legacy(text) is None
    assert suggest(text) is None


# --- properties ----------------------------------------------------------------------

VIET_WORD = st.text(alphabet=VIET_LOWER + list("abcdeghiklmnopqrstuvxy"), min_size=1, max_size=7)
PUNCTUATION = list(" .,;:()-/\n0123456789")


@given(st.text(alphabet=VIET_LETTERS + list("abcdeghiklmnopqrstuvxyABCDGHKLMNQTV") + PUNCTUATION))
@settings(max_examples=300)
def test_any_vietnamese_text_round_trips_through_vni(text):
    assert convert(to_vni(text), "vni") == text


@given(st.text(alphabet=VIET_LETTERS + list("abcdeghiklmnopqrstuvxyABCDGHKLMNQTV") + PUNCTUATION))
@settings(max_examples=300)
def test_any_vietnamese_text_round_trips_through_tcvn3_up_to_the_case_of_toned_letters(text):
    assert same_but_case_of_toned(convert(to_tcvn3(text), "tcvn3"), text)


def _sentence(words: list[str]) -> str:
    return " ".join([words[0][0].upper() + words[0][1:], *words[1:]]) + "."


_PROSE_LINE = st.lists(st.lists(VIET_WORD, min_size=1, max_size=6).map(_sentence), min_size=1)
# A heading has at least one word whose capitals show: two capital letters and a toned one.
_MARKED_CAPS = st.builds(
    lambda caps, toned: caps + toned.upper(),
    st.text(alphabet="BCDGHKLMNT", min_size=2, max_size=3),
    st.sampled_from(VIET_LOWER),
)
_HEADING_LINE = st.builds(
    lambda words, marked, at: " ".join([*words[:at], marked, *words[at:]]),
    st.lists(VIET_WORD.map(str.upper), max_size=5),
    _MARKED_CAPS,
    st.integers(0, 5),
)


@given(st.lists(st.one_of(_PROSE_LINE.map(" ".join), _HEADING_LINE), min_size=1, max_size=4))
@settings(max_examples=300)
def test_written_vietnamese_round_trips_through_tcvn3_exactly(lines):
    """Sentences start with a capital, headings are in capitals: VN3 loses nothing."""
    text = "\n".join(lines)
    assert convert(to_tcvn3(text), "tcvn3") == text


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_ascii_is_never_legacy_and_never_changed(text):
    assert detect_legacy(text) is None
    assert convert(text, "vni") == text
    assert convert(text, "tcvn3") == text
