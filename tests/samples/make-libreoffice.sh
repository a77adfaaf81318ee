#!/usr/bin/env bash
# Saves the gigs sheet through LibreOffice Calc itself (Debian: libreoffice-calc), as a seller on
# Linux would with File > Save As > Text CSV: each sheet is loaded into Calc from the file
# make.py wrote, then written by Calc's CSV filter. CI reads the committed files; it never runs this.
#
# Filter options: separator (ASCII code), text delimiter, character set (76 UTF-8, 38 Windows-1256,
# 65535 UTF-16), first line, column formats, language (1025 Arabic - Saudi Arabia), quoted field as
# text, detect special numbers, save as shown, and "quote all text cells" off (the dialog's default).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
save() { # SOURCE IMPORT-OPTIONS EXPORT-OPTIONS TARGET
    cp "$1" "$work/sheet.csv"
    soffice --headless --infilter="CSV:$2" --convert-to ods --outdir "$work" "$work/sheet.csv" >/dev/null
    rm -rf "$work/out"
    soffice --headless --convert-to "csv:Text - txt - csv (StarCalc):$3,false,true,true,false" \
        --outdir "$work/out" "$work/sheet.ods" >/dev/null
    mv "$work/out/sheet.csv" "$4"
}
save gigs-google-sheets.csv 44,34,76,1 44,34,76,1,,1025 gigs-libreoffice-utf8.csv
save gigs-excel-csv-windows-1256.csv 59,34,38,1 59,34,38,1,,1025 gigs-libreoffice-windows-1256-semicolon.csv
save gigs-google-sheets.csv 44,34,76,1 9,34,65535,1,,1025 gigs-libreoffice-utf16-tabs.txt
# Calc writes what Windows-1256 cannot hold (Arabic-Indic digits) as '?': a file whose prices are lost
save gigs-google-sheets.csv 44,34,76,1 59,34,38,1,,1025 gigs-libreoffice-windows-1256-lost-digits.csv

# souq's own `gig export --excel --delimiter ';'` of the sheet plus a row of formulas, opened in
# Calc and saved again as Text CSV (`;`, UTF-8): importing it back must change nothing.
souq=${SOUQ:-../../target/debug/souq}
export SOUQ_DB=$work/souq.db SOUQ_NOW=2026-03-01T10:00:00Z
"$souq" init --admin admin -q >/dev/null
"$souq" user add layla -q >/dev/null
"$souq" config set max_gig_price 2000 --as admin -q >/dev/null
"$souq" gig import gigs-excel-csv-utf8.csv --as layla -q
"$souq" gig import formulas.csv --as layla -q
"$souq" gig export --excel --delimiter ';' --file "$work/export.csv" -q
save "$work/export.csv" 59,34,76,1 59,34,76,1,,1025 gigs-souq-excel-export-resaved-by-libreoffice.csv
