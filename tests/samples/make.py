#!/usr/bin/env python3
"""Writes the gigs sheets of tests/samples/ byte for byte as spreadsheet programs save them.

One seller's sheet (Arabic titles, a description with a line break inside its cell, prices
typed with Arabic-Indic and Persian digits) in the formats sellers send: see README.md here for
which program writes which bytes. The LibreOffice files are made by LibreOffice itself
(make-libreoffice.sh); this script writes the others, whose programs do not run on Linux.
Run from this folder: python3 make.py
"""

HEADER = ["sku", "title", "description", "category", "price", "delivery_days", "tags"]

# The sheet as the seller typed it. Excel keeps a number typed in Arabic-Indic digits as
# text (the cell shows what was typed), so such prices reach the file as those digits.
ROWS = [
    ["tr-en-ar", "ترجمة احترافية من الإنجليزية إلى العربية",
     "ترجمة دقيقة لمستنداتك.\nحتى 500 كلمة في الخدمة الأساسية.", "translation", "١٥", "٢", "ترجمة; إنجليزي"],
    ["logo-ar", "تصميم شعار لشركتك", "ثلاثة مقترحات; ملفات AI وSVG", "design", "٢٥٫٥٠", "٤", "تصميم; شعار"],
    ["cv-fa", "رزومه حرفه‌ای", "رزومه به فارسی و انگلیسی", "writing", "۱۵", "۳", "رزومه"],
    ["site", "متجر إلكتروني كامل", "متجر \"ووكومرس\" جاهز", "programming", "1٬250", "14", "متجر; ووردبريس"],
    ["voice", "تعليق صوتي باللهجة الخليجية", "حتى 100 كلمة", "audio", "30", "2", "تعليق صوتي"],
]

# Windows-1256 has no Arabic-Indic or Persian digits nor the Arabic decimal and thousands
# signs: a sheet that Excel saves in it has its prices as ASCII numbers.
ROWS_1256 = [
    [r[0], r[1], r[2].replace("وSVG", "و SVG"), r[3], p, d, r[6]]
    for r, p, d in zip(ROWS, ["15", "25.5", "15", "1250", "30"], ["2", "4", "3", "14", "2"])
]
ROWS_1256[2][1:3] = ["سيرة ذاتية احترافية", "سيرة ذاتية بالعربية والإنجليزية"]


def excel_cell(cell, sep):
    """Excel quotes a cell only when it holds the separator, a quote or a line break."""
    if any(c in cell for c in (sep, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def excel(rows, sep):
    # rows end in CRLF; a line break typed inside a cell (Alt+Enter) is a bare LF
    return "".join(sep.join(excel_cell(c, sep) for c in row) + "\r\n" for row in [HEADER] + rows)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


# Excel, "CSV (Comma delimited)" on Windows in an Arabic locale: the ANSI code page 1256, the
# locale's list separator `;`, CRLF, no byte order mark.
write("gigs-excel-csv-windows-1256.csv", excel(ROWS_1256, ";").encode("cp1256"))
# The same save on a Windows whose regional format separates lists with `,` but whose language
# for non-Unicode programs is Arabic: Windows-1256 with commas.
write("gigs-excel-csv-windows-1256-comma.csv", excel(ROWS_1256, ",").encode("cp1256"))
# Excel, "CSV UTF-8 (Comma delimited)": a UTF-8 byte order mark, `,`, CRLF.
write("gigs-excel-csv-utf8.csv", b"\xef\xbb\xbf" + excel(ROWS, ",").encode("utf-8"))
# Excel, "Unicode Text": UTF-16LE with its byte order mark, tab-separated, CRLF.
write("gigs-excel-unicode-text.txt", excel(ROWS, "\t").encode("utf-16"))  # utf-16 = LE + BOM here
# UTF-16BE with its byte order mark (what "Unicode big-endian" in Notepad saves), tabs, CRLF.
write("gigs-utf16be-tabs.txt", b"\xfe\xff" + excel(ROWS, "\t").encode("utf-16-be"))
# Google Sheets, File > Download > CSV: UTF-8 without a byte order mark, `,`, CRLF, quotes only
# where needed.
write("gigs-google-sheets.csv", excel(ROWS, ",").encode("utf-8"))
