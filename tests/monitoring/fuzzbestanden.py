"""
Hypothesis strategies for hostile import files: a valid file of either layout (lang, breed) in either format
(.csv, .xlsx) as the data team would send it, then mutated the way real files go wrong.

- cells: NUL and control characters, year 0000, negative or huge years, absurd periods, huge/NaN/inf numbers,
  percent cells (0.473 with format 0.0%) and absurd number formats, dates out of range, booleans, error cells;
- the table: duplicate headers, missing and extra columns, no rows, no header, rows far down the sheet;
- .csv bytes: BOMs, UTF-16 and mixed encodings, separators, broken quotes, inserted/flipped bytes, truncation;
- .xlsx bytes: truncated, flipped bytes, unsupported zip version or compression method, the encrypted flag,
  wrong member names, a sheet that is no XML or declares entities, no sheet at all.

The .xlsx is assembled by hand (a zip of a few XML parts) rather than with openpyxl: that is fast enough for
thousands of examples and lets a cell hold exactly the raw value a hostile file holds (`<v>NaN</v>`, `t="d"`
with year 0000), which openpyxl would refuse to write.
"""

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from hypothesis import strategies as st


@dataclass(frozen=True)
class Getypt:
    """A typed .xlsx cell as stored: the raw `<v>` text, its number format and cell type (n, b, e, str, d)."""

    v: str
    formaat: str = "General"
    t: str = "n"

    def __str__(self):  # in a .csv the raw stored value becomes the text
        return self.v


# Demo data (tests/conftest.py `programma`): 6.1.1.1 is a percentage, 6.2.2.2 and 6.2.1.1 are counts.
PROCENT_INDICATOR, AANTAL_INDICATOREN = "6.1.1.1", ("6.2.2.2", "6.2.1.1")
PLAATSEN = ("", "Hengelo", "GM0164", "Twente", "Nederland")
SOORTEN = ("realisatie", "peil", "streef", "prognose", "Realisatie ")
PERIODEN = ("2021", "2022", "2023", "2024-Q2", "2024-05", "2023q4")
BRONNEN = ("Kennispunt Twente", "CBS", "", "Monitor Sociaal Domein")

HOSTIELE_TEKST = (
    "\x00",
    "KT\x00",
    "a\x00b",
    "\x01\x02\x1f",
    "\x7f",
    "\x0b\x0c",
    "0000",
    "0000-Q1",
    "0000-01",
    "-2023",
    "-1",
    "99999",
    "2023-Q0",
    "2023-Q5",
    "2023-13",
    "2023-00",
    "1899",
    "2100",
    "2023.5",
    "2023.0",
    "2,023",
    "10000000000000",
    "999999999999,99999",
    "1e400",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "1.605.605.605.605.605.605,5",
    "9" * 60,
    "47,3% (0000)",
    "1 (0000) 2 (9999)",
    "43,2% (2019) 45,5% (2019)",
    "5 (2023) 1e9 (2024)",
    "=1+1",
    "'=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "€ -5",
    "-0",
    "0,00000001",
    "1,",
    ",5",
    "1..2",
    "%",
    "miljoen",
    "€ 99.999.999 miljoen",
    "\ufeffindicator",
    "\u202e2023",
    "\u00a047,3\u00a0%",
    "x" * 300,
    "n.v.t.",
    "",
    " ",
    "\t",
    "\r\n",
    '"',
    '""',
    "a;b",
    "a,b",
    "<script>alert(1)</script>",
    "&amp;",
    "]]>",
    "_x0000_",
    "WK016401",
    "Twente",
    "status",
    "waarde",
    "definitief",
    "voorlopig",
    "onbekend",
)
HOSTIEL_GETYPT = (
    Getypt("NaN"),
    Getypt("INF"),
    Getypt("-INF"),
    Getypt("1e400"),
    Getypt("1e308"),
    Getypt("-1e308"),
    Getypt("1E-400"),
    Getypt("1e11"),
    Getypt("-0"),
    Getypt("0.473", "0.0%"),
    Getypt("0.473", "0." + "0" * 40 + "%"),
    Getypt("1e20", "#,##0." + "0" * 30),
    Getypt("47.25", "0.0000000000"),
    Getypt("1605", "#,##0"),
    Getypt("1506", "€ #,##0"),
    Getypt("45", '0" procent"'),
    Getypt("1e10", "dd-mm-yyyy"),
    Getypt("-1", "yyyy"),
    Getypt("0", "dd-mm-yyyy"),
    Getypt("60", "dd-mm-yyyy"),
    Getypt("2958466", "yyyy"),
    Getypt("45292", "mmm yyyy"),
    Getypt("45292", "yyyy"),
    Getypt("45306", "dd-mm-yyyy"),
    Getypt("2023", "[h]:mm"),
    Getypt("0.5", "hh:mm"),
    Getypt("abc", "0.0"),
    Getypt("", "0"),
    Getypt("2023", "0"),
    Getypt("0"),
    Getypt("2024"),
    Getypt("1", t="b"),
    Getypt("#DIV/0!", t="e"),
    Getypt("2023", t="str"),
    Getypt("0000-01-01", "yyyy", t="d"),
    Getypt("2023-13-45", "yyyy", t="d"),
    Getypt("2024-01-01T00:00:00", "mmm yyyy", t="d"),
    Getypt("9999-12-31", "yyyy", t="d"),
)

_vrije_tekst = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
hostiele_cel = st.one_of(
    st.sampled_from(HOSTIELE_TEKST),
    st.sampled_from(HOSTIEL_GETYPT),
    _vrije_tekst,
    st.integers(-(10**20), 10**20).map(str),
    st.none(),
)


def _procent(draw):
    return draw(
        st.sampled_from(
            ("47,3%", "45,5", "48%", "0,5%", "n.v.t.", Getypt("0.473", "0.0%"), Getypt("45.5", "0.0"), "100%")
        )
    )


def _aantal(draw):
    return draw(st.sampled_from(("1.605", "1605", "12", "-", Getypt("1605", "#,##0"), Getypt("17"))))


def _waarde(draw, indicator):
    return _procent(draw) if indicator == PROCENT_INDICATOR else _aantal(draw)


def _periode(draw):
    return draw(st.sampled_from((*PERIODEN, Getypt("2023", "0"), Getypt("45292", "mmm yyyy"))))


@st.composite
def geldige_tabel(draw, indeling: str) -> list[list]:
    """A valid file of the layout: a header row and a few data rows."""
    aantal = draw(st.integers(1, 6))
    if indeling == "lang":
        rijen = [["indicator", "periode", "wijk", "soort", "waarde", "bron", "status"]]
        for _ in range(aantal):
            indicator = draw(st.sampled_from((PROCENT_INDICATOR, *AANTAL_INDICATOREN)))
            rijen.append(
                [
                    indicator,
                    _periode(draw),
                    draw(st.sampled_from(PLAATSEN)),
                    draw(st.sampled_from(SOORTEN)),
                    _waarde(draw, indicator),
                    draw(st.sampled_from(BRONNEN)),
                    draw(st.sampled_from(("", "definitief", "voorlopig"))),
                ]
            )
        return rijen
    jaren = draw(st.lists(st.sampled_from(PERIODEN), min_size=1, max_size=4, unique=True))
    kop_jaren = [Getypt(j) if j.isdigit() and draw(st.booleans()) else j for j in jaren]
    rijen = [["Indicator", " Soort ", "Wijk", "bron", *kop_jaren]]
    for _ in range(aantal):
        indicator = draw(st.sampled_from((PROCENT_INDICATOR, *AANTAL_INDICATOREN)))
        rijen.append(
            [
                indicator,
                draw(st.sampled_from(SOORTEN)),
                draw(st.sampled_from(PLAATSEN)),
                draw(st.sampled_from(BRONNEN)),
                *[_waarde(draw, indicator) for _ in jaren],
            ]
        )
    return rijen


@st.composite
def gemuteerde_tabel(draw, indeling: str) -> list[list]:
    """A valid table with 0–4 mutations: hostile cells, duplicate/missing/extra columns, rows removed."""
    rijen = [list(rij) for rij in draw(geldige_tabel(indeling))]
    for _ in range(draw(st.integers(0, 4))):
        soort = draw(
            st.sampled_from(
                ("cel", "cel", "cel", "kop", "dubbele_kop", "kolom_weg", "kolom_erbij", "rij_weg", "leeg")
            )
        )
        breedte = max(len(rij) for rij in rijen) if rijen else 0
        if soort == "leeg":
            rijen = draw(st.sampled_from(([], [[]], rijen[:1], [[None, ""]])))
        elif not rijen or not breedte:
            continue
        elif soort == "cel":
            rij = draw(st.integers(0, len(rijen) - 1))
            kolom = draw(st.integers(0, breedte))
            rijen[rij] += [None] * (kolom + 1 - len(rijen[rij]))
            rijen[rij][kolom] = draw(hostiele_cel)
        elif soort == "kop":
            kolom = draw(st.integers(0, len(rijen[0])))
            rijen[0] += [None] * (kolom + 1 - len(rijen[0]))
            rijen[0][kolom] = draw(st.one_of(hostiele_cel, st.sampled_from(("waarde", "periode", "jaar"))))
        elif soort == "dubbele_kop":
            kolom = draw(st.integers(0, len(rijen[0]) - 1)) if rijen[0] else 0
            for rij in rijen:
                if kolom < len(rij):
                    rij.append(rij[kolom])
        elif soort == "kolom_weg":
            kolom = draw(st.integers(0, breedte - 1))
            for rij in rijen:
                if kolom < len(rij):
                    del rij[kolom]
        elif soort == "kolom_erbij":
            for rij in rijen:
                rij.append(draw(st.sampled_from(("toelichting", "", None, "n.v.t.", "2025"))))
        elif soort == "rij_weg" and len(rijen) > 1:
            del rijen[draw(st.integers(0, len(rijen) - 1))]
    return rijen


# -- .csv ------------------------------------------------------------------------------------------------------


def csv_tekst(
    rijen: list[list], scheiding: str = ";", quoting: int = csv.QUOTE_MINIMAL, eol: str = "\n"
) -> str:
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=scheiding, quoting=quoting, lineterminator=eol)
    for rij in rijen:
        schrijver.writerow(["" if cel is None else str(cel) for cel in rij])
    return uitvoer.getvalue()


def _bytes_muteren(draw, data: bytes, soorten: tuple[str, ...]) -> bytes:
    """Byte-level damage: insert, flip, delete, truncate."""
    for _ in range(draw(st.integers(1, 3))):
        soort = draw(st.sampled_from(soorten))
        plek = draw(st.integers(0, max(len(data) - 1, 0)))
        if soort == "invoegen":
            data = (
                data[:plek]
                + draw(st.sampled_from((b'"', b"\x00", b"\r", b"\n", b";", b"\xff", b"\xc3")))
                + data[plek:]
            )
        elif soort == "omdraaien" and data:
            data = data[:plek] + bytes([data[plek] ^ draw(st.integers(1, 255))]) + data[plek + 1 :]
        elif soort == "weg":
            data = data[:plek] + data[plek + 1 :]
        elif soort == "afkappen":
            data = data[:plek]
    return data


@st.composite
def csv_bestand(draw, indeling: str) -> tuple[str, bytes]:
    """(file name, bytes) of a hostile .csv of the layout."""
    rijen = draw(gemuteerde_tabel(indeling))
    tekst = csv_tekst(
        rijen,
        scheiding=draw(st.sampled_from((";", ",", "\t"))),
        quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC))),
        eol=draw(st.sampled_from(("\n", "\r\n", "\r"))),
    )
    codering = draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "gemengd")))
    if codering == "gemengd":  # one half UTF-8, the other Windows-1252
        midden = len(tekst) // 2
        data = tekst[:midden].encode("utf-8") + tekst[midden:].encode("cp1252", errors="replace")
    else:
        data = tekst.encode(codering, errors="replace")
    extra = draw(st.sampled_from(("", "", "bom2", "bytes", "quote", "lange_cel")))
    if extra == "bom2":
        data = codecs.BOM_UTF8 * 2 + data
    elif extra == "bytes":
        data = _bytes_muteren(draw, data, ("invoegen", "omdraaien", "weg", "afkappen"))
    elif extra == "quote":  # a quote that never closes: the rest of the file is one cell
        regel = data.find(b"\n")
        data = data[: regel + 1] + b'"' + data[regel + 1 :]
    elif extra == "lange_cel":  # beyond the csv module's field size limit (131.072)
        data += b'"' + b"x" * 140_000 + b'"\n'
    return draw(st.sampled_from(("metingen.csv", "METINGEN.CSV", "m.xlsx.csv"))), data


# -- .xlsx -----------------------------------------------------------------------------------------------------

_INHOUD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WERKMAP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{bladen}</sheets></workbook>"
)
_BLAD = '<sheet name="Metingen" sheetId="1" r:id="rId1"/>'
_WERKMAP_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ENTITEITEN = (
    '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
    "</sheetData></worksheet>"
)
EXTERNE_ENTITEIT = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def _kolomletters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_tekst(tekst: str) -> str:
    """Escaped for XML; characters XML 1.0 cannot hold are written as Excel writes them (_x0000_)."""
    schoon = "".join(
        f"_x{ord(c):04X}_" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
        for c in tekst
    )
    return escape(schoon, {'"': "&quot;"})


def xlsx_bytes(
    rijen: list[list],
    *,
    gedeeld: bool = True,
    eerste_rij: int = 1,
    dimensie: str | None = None,
    bladen: bool = True,
    compressie: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal .xlsx as Excel writes it: shared strings (or inline), styles with the number formats used."""
    formaten: list[str] = []
    teksten: list[str] = []
    regels = []
    for r, rij in enumerate(rijen, start=eerste_rij):
        cellen = []
        for k, cel in enumerate(rij):
            ref = f"{_kolomletters(k)}{r}"
            if cel is None:
                continue
            if isinstance(cel, Getypt):
                if cel.formaat not in formaten:
                    formaten.append(cel.formaat)
                stijl = formaten.index(cel.formaat) + 1
                t = "" if cel.t == "n" else f' t="{cel.t}"'
                cellen.append(f'<c r="{ref}" s="{stijl}"{t}><v>{_xml_tekst(cel.v)}</v></c>')
            elif gedeeld:
                teksten.append(str(cel))
                cellen.append(f'<c r="{ref}" t="s"><v>{len(teksten) - 1}</v></c>')
            else:
                cellen.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml_tekst(str(cel))}</t></is></c>')
        regels.append(f'<row r="{r}">{"".join(cellen)}</row>')
    blad = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_NS}>'
        + (f'<dimension ref="{dimensie}"/>' if dimensie else "")
        + f"<sheetData>{''.join(regels)}</sheetData></worksheet>"
    )
    numfmts = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{_xml_tekst(f)}"/>' for i, f in enumerate(formaten)
    )
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' + "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
        for i in range(len(formaten))
    )
    stijlen = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {_NS}>'
        f'<numFmts count="{len(formaten)}">{numfmts}</numFmts>'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        f'<cellXfs count="{len(formaten) + 1}">{xfs}</cellXfs></styleSheet>'
    )
    gedeelde = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {_NS} count="{len(teksten)}">'
        + "".join(f'<si><t xml:space="preserve">{_xml_tekst(t)}</t></si>' for t in teksten)
        + "</sst>"
    )
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w", compression=compressie) as archief:
        archief.writestr("[Content_Types].xml", _INHOUD)
        archief.writestr("_rels/.rels", _RELS)
        archief.writestr("xl/workbook.xml", _WERKMAP.format(bladen=_BLAD if bladen else ""))
        archief.writestr("xl/_rels/workbook.xml.rels", _WERKMAP_RELS)
        archief.writestr("xl/styles.xml", stijlen)
        archief.writestr("xl/sharedStrings.xml", gedeelde)
        archief.writestr("xl/worksheets/sheet1.xml", blad)
    return uitvoer.getvalue()


def _zip_kopteksten(data: bytes) -> list[tuple[int, int]]:
    """(offset, kind) of every local (4) and central (2) file header in a zip: where its fields can be patched."""
    koppen = []
    for handtekening, soort in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 2)):
        plek = data.find(handtekening)
        while plek != -1:
            koppen.append((plek, soort))
            plek = data.find(handtekening, plek + 1)
    return koppen


def _zet(data: bytes, plek: int, waarde: int) -> bytes:
    return data[:plek] + waarde.to_bytes(2, "little") + data[plek + 2 :]


@st.composite
def zip_mutatie(draw, data: bytes) -> bytes:
    """Damage an .xlsx at the zip level, the ways real files and attackers do."""
    soort = draw(
        st.sampled_from(
            (
                "afkappen",
                "omdraaien",
                "versie",
                "methode",
                "versleuteld",
                "ledennaam",
                "geen_xml",
                "entiteiten",
                "externe_entiteit",
                "leeg_zip",
                "geen_zip",
            )
        )
    )
    if soort in ("afkappen", "omdraaien"):
        return _bytes_muteren(draw, data, (soort,))
    koppen = _zip_kopteksten(data)
    if soort in ("versie", "methode", "versleuteld") and koppen:
        # Local header: version +4, flags +6, method +8; central header: version needed +6, flags +8, method +10.
        gekozen = draw(st.lists(st.sampled_from(koppen), min_size=1, max_size=len(koppen), unique=True))
        for plek, kop in gekozen:
            basis = plek + (4 if kop == 4 else 6)
            if soort == "versie":
                data = _zet(data, basis, draw(st.sampled_from((64, 70, 99, 255, 0xFFFF))))
            elif soort == "methode":  # 9 deflate64, 12 bzip2, 14 lzma, 93 zstd, 99 AES: mostly unsupported
                data = _zet(data, basis + 4, draw(st.sampled_from((1, 6, 9, 12, 14, 93, 95, 97, 98, 99))))
            else:
                vlaggen = int.from_bytes(data[basis + 2 : basis + 4], "little")
                data = _zet(data, basis + 2, vlaggen | draw(st.sampled_from((0x1, 0x41, 0x2001))))
        return data
    bron = zipfile.ZipFile(io.BytesIO(data))
    delen = {naam: bron.read(naam) for naam in bron.namelist()}
    if soort == "ledennaam":
        oud = draw(st.sampled_from(sorted(delen)))
        nieuw = draw(
            st.sampled_from(("xl/worksheets/sheet2.xml", "XL/workbook.xml", "../evil.xml", "", "/abs"))
        )
        delen[nieuw or "leeg"] = delen.pop(oud)
    elif soort == "geen_xml":
        deel = draw(st.sampled_from(sorted(delen)))
        delen[deel] = draw(
            st.sampled_from((b"", b"\x00\xff\xfe", b"<x", b"niet xml", b"<?xml version='1.0'?>"))
        )
    elif soort == "entiteiten":
        delen["xl/worksheets/sheet1.xml"] = ENTITEITEN.encode()
    elif soort == "externe_entiteit":
        delen["xl/worksheets/sheet1.xml"] = EXTERNE_ENTITEIT.encode()
    elif soort == "leeg_zip":
        delen = {}
    elif soort == "geen_zip":
        return draw(st.sampled_from((b"", b"PK", b"PK\x05\x06" + b"\x00" * 18, b"indicator;periode\n")))
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in delen.items():
            archief.writestr(naam, inhoud)
    return uitvoer.getvalue()


@st.composite
def xlsx_bestand(draw, indeling: str) -> tuple[str, bytes]:
    """(file name, bytes) of a hostile .xlsx of the layout: cell and table mutations, sometimes zip damage."""
    rijen = draw(gemuteerde_tabel(indeling))
    data = xlsx_bytes(
        rijen,
        gedeeld=draw(st.booleans()),
        eerste_rij=draw(st.sampled_from((1, 1, 1, 3, 1_048_570))),
        dimensie=draw(st.sampled_from((None, None, "A1:XFD1048576", "A1:A1", "ZZZ0"))),
        bladen=draw(st.integers(0, 19)) > 0,
        compressie=draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))),
    )
    if draw(st.integers(0, 2)) == 0:
        data = draw(zip_mutatie(data))
    return draw(st.sampled_from(("metingen.xlsx", "Metingen.XLSX"))), data


def bestanden(indeling: str, formaat: str):
    """The strategy for one layout and format."""
    return (csv_bestand if formaat == "csv" else xlsx_bestand)(indeling)


alle_bestanden = st.one_of(*(bestanden(i, f) for i in ("lang", "breed") for f in ("csv", "xlsx")))
